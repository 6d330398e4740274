// The package as a user gets it: `npm pack`, installed into a fresh app with the peers at their
// lowest and their highest supported versions, type-checked with `skipLibCheck: false`, and a whole
// conversation run through handrail/client against the AI SDK's mock model.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installProject, packHandrail, registryReachable, repoRoot, run } from './packed-project.js';

/** The supported range's ends of each peer (package.json's peerDependencies), plus what the React example needs. */
const matrix = {
  lowest: {
    hono: '4.5.0',
    ai: '7.0.0',
    zod: '4.1.8',
    '@ai-sdk/provider': '4.0.0',
    '@ai-sdk/react': '4.0.0',
    react: '18.0.0',
    '@types/react': '18.3.0',
  },
  highest: {
    hono: '4.13.19',
    ai: '7.0.173',
    zod: '4.6.7',
    '@ai-sdk/provider': '4.0.38',
    '@ai-sdk/react': '4.0.177',
    react: '19.3.1',
    '@types/react': '19.3.0',
  },
} as const;
// The AI SDK's own declarations need these with skipLibCheck: false.
const typeDependencies = { '@types/node': '22.20.5', '@types/json-schema': '7.0.15' };
const optionalPeers = [
  '@ai-sdk/openai',
  '@opentelemetry/api',
  '@opentelemetry/otlp-transformer',
  '@langfuse/otel',
  '@langfuse/tracing',
  'postgres',
];

const registry = await registryReachable();
const offline = !registry.reachable && process.env.CI !== 'true';
if (offline)
  console.log(`packed-install: skipped, the npm registry (${registry.registry}) is unreachable: ${registry.reason}`);

let tarball = '';
const cleanup: string[] = [];
beforeAll(async () => {
  if (offline) return;
  const packed = await packHandrail();
  tarball = packed.tarball;
  cleanup.push(join(tarball, '..', '..'));
  expect(packed.files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'cjs/esm-only.cjs']));
  expect(packed.files.some((file) => file.startsWith('src/') || file.startsWith('test/'))).toBe(false);
  // This repository's own Worker (src/worker.ts) and the demo it builds on are not the package's: `handrail/worker` is dist/worker/.
  expect(
    packed.files.filter((file) => file.startsWith('dist/demo/') || /^dist\/worker\.(js|d\.ts)$/.test(file)),
  ).toEqual([]);
  expect(packed.files).toEqual(expect.arrayContaining(['dist/worker/index.js', 'dist/worker/index.d.ts']));
}, 120_000);

afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(offline)('the packed tarball in a fresh app', () => {
  for (const [name, peers] of Object.entries(matrix)) {
    it(`${name} peers (hono ${peers.hono}, ai ${peers.ai}, zod ${peers.zod}): installs alone, type-checks, converses`, async () => {
      const app = await mkdtemp(join(tmpdir(), `handrail-app-${name}-`));
      cleanup.push(app);
      const installed = await installProject(
        app,
        { handrail: `file:${tarball}`, ...peers, ...typeDependencies },
        150_000,
      );
      // One copy of each peer (no nested hono), none of the optional ones, no demo server.
      expect(existsSync(join(app, 'node_modules', 'handrail', 'node_modules'))).toBe(false);
      for (const absent of [...optionalPeers, '@hono/node-server']) {
        expect({ absent, installed: existsSync(join(app, 'node_modules', absent)) }).toEqual({
          absent,
          installed: false,
        });
      }

      await cp(join(repoRoot, 'test/package/fixtures/packed-app'), app, { recursive: true });
      await cp(join(repoRoot, 'examples/use-chat-client.tsx'), join(app, 'src', 'support-chat.tsx'));
      // The README's typed-hooks example too (examples/mount.ts needs @ai-sdk/openai, which this app leaves out).
      await cp(join(repoRoot, 'examples/typed-hooks.ts'), join(app, 'src', 'typed-hooks.ts'));
      const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
      const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, timeoutMs: 120_000 });
      expect(`${checked.stdout}${checked.stderr}`.trim()).toBe('');
      expect(checked.status).toBe(0);

      const conversation = await run(process.execPath, ['--no-warnings', 'src/conversation.ts'], {
        cwd: app,
        timeoutMs: 60_000,
      });
      expect(conversation.stderr).toBe('');
      expect(JSON.parse(conversation.stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({
        ok: true,
        steps: ['answer', 'handoff', 'agent reply', 'back to bot'],
      });
      // handrail/langfuse resolves and imports without its optional peers, which it names when keys are set.
      const langfuse = await run(process.execPath, ['--no-warnings', 'src/langfuse-entry.ts'], {
        cwd: app,
        timeoutMs: 60_000,
      });
      expect(langfuse.stderr).toBe('');
      const entry = JSON.parse(langfuse.stdout.trim().split('\n').at(-1) ?? '{}') as { packages: string[] };
      expect(entry).toEqual({ noopWithoutKeys: true, missingWithKeys: entry.packages, packages: expect.any(Array) });
      expect(entry.packages).toEqual(expect.arrayContaining(['@langfuse/otel', '@opentelemetry/otlp-transformer']));
      console.log(
        `packed-install ${name}: install ${installed.ms} ms, tsc ${checked.ms} ms, conversation ${conversation.ms} ms`,
      );
    }, 300_000);
  }
});

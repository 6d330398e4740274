// A Workers project of a user's own (test/package/worker-fixture) on the packed tarball, with only
// the required peers (no Langfuse or OpenTelemetry package installed): it type-checks against
// `@cloudflare/workers-types` with `skipLibCheck: false`, `wrangler deploy --dry-run` bundles it, the
// bundle's size is reported, and it holds no Langfuse or OpenTelemetry code.
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { installProject, npm, packHandrail, registryReachable, repoRoot, run } from './packed-project.js';

/** The lowest version of package.json's optional peer range of `@cloudflare/workers-types`. */
const lowestWorkersTypes = '5.20260703.1';

const registry = await registryReachable();
const offline = !registry.reachable && process.env.CI !== 'true';
if (offline)
  console.log(`worker-fixture: skipped, the npm registry (${registry.registry}) is unreachable: ${registry.reason}`);

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(offline)('the Workers fixture on the packed tarball', () => {
  it('passes wrangler deploy --dry-run with no compatibility flags; bundle size reported', async () => {
    const { tarball } = await packHandrail();
    cleanup.push(join(tarball, '..', '..'));
    const project = await mkdtemp(join(tmpdir(), 'handrail-worker-'));
    cleanup.push(project);
    await cp(join(repoRoot, 'test/package/worker-fixture'), project, { recursive: true });
    await installProject(
      project,
      {
        handrail: `file:${tarball}`,
        hono: '4.13.19',
        ai: '7.0.173',
        zod: '4.6.7',
        '@ai-sdk/provider': '4.0.38',
        // No @langfuse/* or @opentelemetry/*: only handrail/langfuse reaches them. No @ai-sdk/openai either.
        // Types only: the Workers runtime's, and what the AI SDK's own declarations need with skipLibCheck: false.
        '@cloudflare/workers-types': '5.20261117.1',
        '@types/node': '22.20.5',
        '@types/json-schema': '7.0.15',
      },
      150_000,
    );
    // handrail/worker's declarations import only the importable @cloudflare/workers-types, never
    // `cloudflare:workers`, so a project on Node and DOM types (tsconfig.json) checks them with no
    // declaration of that module of its own.
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, timeoutMs: 120_000 });
    expect(`${checked.stdout}${checked.stderr}`.trim()).toBe('');
    expect(checked.status).toBe(0);
    // With the ambient Workers types instead (tsconfig.ambient.json), Handrail's declarations and the
    // Worker check too; only the AI SDK's own declarations fail there (they name Node's `Buffer` and DOM
    // types the Workers types lack), as they do in any Workers project on `ai` with skipLibCheck: false.
    const ambient = await run(process.execPath, [tsc, '-p', 'tsconfig.ambient.json'], {
      cwd: project,
      timeoutMs: 120_000,
    });
    const ambientErrors = `${ambient.stdout}${ambient.stderr}`
      .split('\n')
      .filter((line) => /error TS\d+/.test(line))
      .filter((line) => !/^node_modules\/(ai|@ai-sdk\/[^/]+)\/dist\//.test(line));
    expect(ambientErrors).toEqual([]);
    // The lowest @cloudflare/workers-types of the optional peer range checks the same way.
    const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
    };
    expect(manifest.peerDependencies['@cloudflare/workers-types']).toBe(`^${lowestWorkersTypes}`);
    const installed = await npm(
      [
        'install',
        '--prefer-offline',
        '--ignore-scripts',
        '--no-package-lock',
        '--no-save',
        `@cloudflare/workers-types@${lowestWorkersTypes}`,
      ],
      project,
      150_000,
    );
    expect(installed.status, installed.stderr).toBe(0);
    const lowest = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, timeoutMs: 120_000 });
    expect(`${lowest.stdout}${lowest.stderr}`.trim()).toBe('');
    expect(lowest.status).toBe(0);

    const out = join(project, 'out');
    const wrangler = join(repoRoot, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
    const dryRun = await run(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', out], {
      cwd: project,
      timeoutMs: 120_000,
      env: { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    });
    expect(dryRun.status, `${dryRun.stdout}\n${dryRun.stderr}`).toBe(0);
    expect(dryRun.stdout).toContain('--dry-run: exiting now.');

    const bundle = (await readdir(out)).find((file) => file.endsWith('.js'));
    expect(bundle).toBeDefined();
    const code = await readFile(join(out, bundle ?? ''));
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(
      `worker-fixture: bundle ${(code.length / 1024).toFixed(0)} KiB, ${(gzip / 1024).toFixed(0)} KiB gzip (${bundle}, ${(await stat(join(out, bundle ?? ''))).size} bytes)`,
    );
    expect(code.toString()).not.toContain('node:sqlite');
    // esbuild names every bundled module in a comment (`// node_modules/<package>/...`).
    expect(code.toString()).not.toMatch(/node_modules\/@(langfuse|opentelemetry)\//);
    expect(code.toString()).not.toMatch(/src\/tracing\/langfuse|dist\/tracing\/langfuse/);
    expect(gzip).toBeLessThan(1024 * 1024);
  }, 300_000);
});

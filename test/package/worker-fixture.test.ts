// A Workers project of a user's own (test/package/worker-fixture) on the packed tarball, with only
// the required peers: `wrangler deploy --dry-run` bundles it, and the bundle's size is reported.
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { installProject, packHandrail, registryReachable, repoRoot, run } from './packed-project.js';

const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const langfusePeers = Object.fromEntries(
  Object.entries(manifest.devDependencies).filter(([name]) => /^@(langfuse|opentelemetry)\//.test(name)),
);
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
        // Bundlers follow the Langfuse tracer's dynamic import, so a Worker bundle still needs these
        // optional peers installed (not loaded unless LANGFUSE_* keys are bound). @ai-sdk/openai is not needed.
        ...langfusePeers,
      },
      150_000,
    );
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
    expect(gzip).toBeLessThan(1024 * 1024);
  }, 300_000);
});

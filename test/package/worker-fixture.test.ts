// A Workers project of a user's own (test/package/worker-fixture) on the packed tarball, with only
// the required peers (no Langfuse or OpenTelemetry package installed): `wrangler deploy --dry-run`
// bundles it, the bundle's size is reported, and it holds no Langfuse or OpenTelemetry code.
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { installProject, packHandrail, registryReachable, repoRoot, run } from './packed-project.js';

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
    // esbuild names every bundled module in a comment (`// node_modules/<package>/...`).
    expect(code.toString()).not.toMatch(/node_modules\/@(langfuse|opentelemetry)\//);
    expect(code.toString()).not.toMatch(/src\/tracing\/langfuse|dist\/tracing\/langfuse/);
    expect(gzip).toBeLessThan(1024 * 1024);
  }, 300_000);
});

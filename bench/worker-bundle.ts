import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);

/** Result of {@link measureWorkerBundle}: sizes, or null sizes with the reason. */
export interface WorkerBundleResult {
  gzipBytes: number | null;
  rawBytes: number | null;
  buildMs: number | null;
  reason?: string;
}

/**
 * Builds the Worker as it would deploy (`wrangler deploy --dry-run --outdir <tmp>`, offline) and
 * gzips the bundle. Without `src/worker.ts` or `wrangler.toml`, or when the build fails, the sizes
 * are null and `reason` says why.
 */
export async function measureWorkerBundle(root = resolve(import.meta.dirname, '..')): Promise<WorkerBundleResult> {
  for (const file of ['src/worker.ts', 'wrangler.toml']) {
    if (!existsSync(join(root, file)))
      return { gzipBytes: null, rawBytes: null, buildMs: null, reason: `${file} is missing` };
  }
  const outdir = await mkdtemp(join(tmpdir(), 'handrail-bench-worker-'));
  try {
    const started = performance.now();
    await run(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const buildMs = performance.now() - started;
    const bundles = (await readdir(outdir)).filter((file) => file.endsWith('.js'));
    if (bundles.length === 0) return { gzipBytes: null, rawBytes: null, buildMs, reason: 'wrangler wrote no .js file' };
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of bundles) {
      const bundle = await readFile(join(outdir, file));
      rawBytes += bundle.byteLength;
      gzipBytes += gzipSync(bundle).byteLength;
    }
    return { gzipBytes, rawBytes, buildMs };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    return { gzipBytes: null, rawBytes: null, buildMs: null, reason: `wrangler build failed: ${message}` };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

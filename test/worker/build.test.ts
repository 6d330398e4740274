import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const folders: string[] = [];

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('wrangler build of src/worker.ts', () => {
  it('bundles with wrangler.toml, offline, under 1 MiB gzipped, with no Node built-in left in it', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'handrail-wrangler-'));
    folders.push(outdir);
    await run(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      timeout: 120_000,
    });
    const files = await readdir(outdir);
    const bundleName = files.find((file) => file.endsWith('.js'));
    expect(bundleName).toBeDefined();
    const bundle = await readFile(join(outdir, bundleName!));
    const gzipBytes = gzipSync(bundle).byteLength;
    expect(gzipBytes).toBeLessThan(1024 * 1024);
    const text = bundle.toString('utf8');
    expect(text).not.toMatch(/from\s*["']node:/);
    expect(text).toMatch(/class ConversationObject|ConversationObject = class/);
    expect(text).toMatch(/class DirectoryObject|DirectoryObject = class/);
  });
});

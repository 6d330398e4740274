// Helpers of the packed-install and Workers fixture tests: build and `npm pack` this checkout
// (without touching its dist/), and install the tarball into fresh projects, on the pinned Node.
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** npm downloads are kept here between runs, so a second run installs from the cache. */
export const npmCache = join(repoRoot, 'node_modules', '.cache', 'handrail-packed-install', 'npm');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command, bounded by `timeoutMs` (killed after it), and collects its output. */
export function run(
  command: string,
  args: readonly string[],
  { cwd, timeoutMs, env = {} }: { cwd: string; timeoutMs: number; env?: Record<string, string> },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The npm CLI script, run with the pinned Node (`process.execPath`) rather than the system one. */
export function npmCli(): string {
  const fromScript = process.env.npm_execpath;
  if (fromScript?.endsWith('.js')) return fromScript;
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'npm'));
  for (const candidate of onPath) {
    try {
      const real = realpathSync(candidate);
      if (real.endsWith('.js')) return real;
    } catch {}
  }
  throw new Error('npm CLI not found: run the tests through npm (npm run test:unit)');
}

/** Runs npm on the pinned Node with the shared download cache and no audit, fund or update checks. */
export function npm(args: readonly string[], cwd: string, timeoutMs: number): Promise<RunResult> {
  return run(process.execPath, [npmCli(), ...args], {
    cwd,
    timeoutMs,
    env: {
      npm_config_cache: npmCache,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_loglevel: 'error',
    },
  });
}

/** Whether the npm registry answers its ping within five seconds, and which registry it is. */
export async function registryReachable(): Promise<{ reachable: boolean; registry: string; reason?: string }> {
  const registry = (process.env.npm_config_registry || 'https://registry.npmjs.org/').replace(/\/?$/, '/');
  try {
    const response = await fetch(`${registry}-/ping`, { signal: AbortSignal.timeout(5000) });
    return response.ok
      ? { reachable: true, registry }
      : { reachable: false, registry, reason: `HTTP ${response.status}` };
  } catch (error) {
    return { reachable: false, registry, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Fails with the command's output when it did not exit 0. */
export function expectSuccess(result: RunResult, what: string): RunResult {
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (exit ${result.status}, ${result.ms} ms):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`,
    );
  }
  return result;
}

/**
 * Builds this checkout into a staging directory (its own dist/, never the repo's) and packs it
 * there as `npm publish` would. Returns the tarball's path and its packed file list.
 */
export async function packHandrail(): Promise<{ tarball: string; files: string[] }> {
  const stage = await mkdtemp(join(tmpdir(), 'handrail-stage-'));
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'cjs', 'prompts', 'data']) {
    await cp(join(repoRoot, entry), join(stage, entry), { recursive: true });
  }
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const built = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', join(stage, 'dist')], {
    cwd: repoRoot,
    timeoutMs: 120_000,
  });
  expectSuccess(built, 'tsc -p tsconfig.build.json');
  const out = join(stage, 'out');
  await mkdir(out);
  // --ignore-scripts: prepack would build again, from a stage that has no sources.
  const packed = expectSuccess(
    await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out], stage, 60_000),
    'npm pack',
  );
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const [tarball] = await readdir(out);
  if (!info || !tarball) throw new Error(`npm pack made no tarball: ${packed.stdout}`);
  return { tarball: join(out, tarball), files: info.files.map((file) => file.path) };
}

/** Writes a project with these dependencies (the tarball among them) and installs it. */
export async function installProject(
  dir: string,
  dependencies: Record<string, string>,
  timeoutMs: number,
): Promise<RunResult> {
  await mkdir(dir, { recursive: true });
  const manifest = { name: 'handrail-packed-app', private: true, type: 'module', dependencies };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return expectSuccess(
    await npm(['install', '--prefer-offline', '--ignore-scripts', '--no-package-lock'], dir, timeoutMs),
    `npm install in ${dir}`,
  );
}

/**
 * A real, throwaway Postgres for tests: Debian's server binaries (`/usr/lib/postgresql/N/bin`,
 * from the `postgresql` package) started on 127.0.0.1 on a free port with a temporary data
 * directory, the unix socket beside it. As root it runs as the `postgres` user (created when
 * missing), since Postgres refuses to run as root. Never a mock.
 *
 * Without the binaries, {@link postgresBinaries} is null and Postgres tests skip with one line;
 * with `CI=true` the same absence throws, so CI never skips them.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/** Where Debian installs the server binaries, one folder per major version. */
const debianRoot = '/usr/lib/postgresql';
const startTimeoutMs = 30_000;

/** A running test server; `stop()` kills it and removes its data directory. */
export interface PostgresServer {
  /** Connection string of the `postgres` database (superuser, no password). */
  url: string;
  port: number;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The folder holding `initdb` and `postgres`: `HANDRAIL_PG_BIN` when set (another install, e.g.
 * Homebrew's), else Debian's newest version; null when there is none.
 */
export function postgresBinaries(): string | null {
  const chosen = process.env.HANDRAIL_PG_BIN;
  if (chosen) return existsSync(join(chosen, 'initdb')) && existsSync(join(chosen, 'postgres')) ? chosen : null;
  if (!existsSync(debianRoot)) return null;
  const versions = readdirSync(debianRoot)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const folder = join(debianRoot, version, 'bin');
    if (existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'postgres'))) return folder;
  }
  return null;
}

/**
 * Whether Postgres tests can run here. Prints one line and answers false when no server can be
 * started; throws instead under `CI=true`, where skipping would hide the suite.
 */
export function postgresAvailable(): boolean {
  if (postgresBinaries()) return true;
  const where = process.env.HANDRAIL_PG_BIN ?? `${debianRoot}/*/bin`;
  const why = `no Postgres server binaries (initdb, postgres) in ${where} (apt-get install postgresql, or set HANDRAIL_PG_BIN)`;
  if (process.env.CI === 'true') throw new Error(`Postgres tests cannot run in CI: ${why}.`);
  console.warn(`Postgres tests skipped: ${why}.`);
  return false;
}

/** Starts a server; see the file comment. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(`No Postgres server binaries under ${debianRoot}/*/bin.`);
  const owner = serverOwner();
  // As root, a folder the postgres user can reach (a root-only TMPDIR would not do).
  const folder = mkdtempSync(join(owner ? '/tmp' : tmpdir(), 'handrail-pg-'));
  const data = join(folder, 'data');
  const asOwner = { cwd: folder, ...(owner ? { uid: owner.uid, gid: owner.gid } : {}) };
  if (owner) chownSync(folder, owner.uid, owner.gid);
  try {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      { ...asOwner, stdio: ['ignore', 'ignore', 'pipe'], timeout: startTimeoutMs },
    );
    // Another process may take the free port between our look and the server's bind: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await runServer(bin, folder, asOwner);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

async function runServer(
  bin: string,
  folder: string,
  asOwner: { cwd: string; uid?: number; gid?: number },
): Promise<PostgresServer> {
  const port = await freePort();
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=300'];
  const child = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      join(folder, 'data'),
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-k',
      folder,
      ...settings.flatMap((s) => ['-c', s]),
    ],
    { ...asOwner, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(url, child, () => log);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    throw error;
  }
  let databases = 0;
  return {
    url,
    port,
    async createDatabase(name = `test_${process.pid}_${++databases}`) {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Who runs the server: nobody special unless we are root, then `postgres` (created when missing). */
function serverOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  for (let attempt = 0; Date.now() < deadline && attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`Postgres exited (${child.exitCode}) while starting:\n${log()}`);
    const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await probe`select 1`;
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await probe.end({ timeout: 1 });
    }
  }
  throw new Error(`Postgres did not accept connections within ${startTimeoutMs} ms:\n${log()}`);
}

/** Fast shutdown (SIGINT), then SIGKILL if it lingers. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

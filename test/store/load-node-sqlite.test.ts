import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadNodeSqlite } from '../../src/store/load-node-sqlite.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('loading node:sqlite for handrail/sqlite', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the Node it needs on a Node without node:sqlite (Node 20, or 22.5-22.12 without the flag)', () => {
    for (const version of ['20.20.2', '22.4.1', '22.12.0']) {
      expect(() => loadNodeSqlite({ version, getBuiltinModule: () => undefined })).toThrow(
        new RegExp(
          `needs node:sqlite, which this Node \\(${version.replaceAll('.', '\\.')}\\) does not have: use Node 22\\.13 or later`,
        ),
      );
    }
    // Older than process.getBuiltinModule itself.
    expect(() => loadNodeSqlite({ version: '18.20.0', getBuiltinModule: undefined })).toThrow(/Node 22\.13 or later/);
    expect(() => loadNodeSqlite({ version: '20.20.2', getBuiltinModule: () => undefined })).not.toThrow(
      /No such built-in module/,
    );
  });

  it('drops only the SQLite experimental warning while loading', () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const sqlite = loadNodeSqlite({
      version: process.versions.node,
      getBuiltinModule: (id) => {
        process.emitWarning('SQLite is an experimental feature and might change at any time', 'ExperimentalWarning');
        process.emitWarning('Something else is experimental', 'ExperimentalWarning');
        process.emitWarning('sqlite is slow today', 'DeprecationWarning');
        return process.getBuiltinModule(id);
      },
    });
    expect(typeof sqlite.DatabaseSync).toBe('function');
    expect(emitted.mock.calls.map((call) => String(call[0]))).toEqual([
      'Something else is experimental',
      'sqlite is slow today',
    ]);
    // Put back as it was.
    expect(process.emitWarning).toBe(emitted);
  });

  it('prints no ExperimentalWarning when handrail/sqlite is imported, nor when a store is made', () => {
    const script = [
      "const { createSqliteStore } = await import('./src/store/sqlite-store.ts');",
      "console.log('imported');",
      "const store = createSqliteStore({ path: ':memory:' });",
      "console.log(typeof (await store.getConversation('none')));",
      'store.close();',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).not.toMatch(/ExperimentalWarning|experimental feature/);
    expect(child.stdout).toBe('imported\nobject\n');
    expect(child.status).toBe(0);
  }, 40_000);
});

import type * as NodeSqlite from 'node:sqlite';

/** The Node versions that have `node:sqlite` without a flag. */
export const nodeSqliteRequirement = 'Node 22.13 or later (or Node 22.5 to 22.12 started with --experimental-sqlite)';

/** How {@link loadNodeSqlite} finds the module and the version; replaced in tests. */
export interface NodeSqliteRuntime {
  /** `process.versions.node`. */
  version: string;
  /** `process.getBuiltinModule`, which returns undefined for a module this Node does not have. */
  getBuiltinModule: ((id: string) => unknown) | undefined;
}

const currentRuntime = (): NodeSqliteRuntime => ({
  version: typeof process === 'undefined' ? 'unknown' : process.versions.node,
  getBuiltinModule:
    typeof process !== 'undefined' && typeof process.getBuiltinModule === 'function'
      ? (id) => process.getBuiltinModule(id)
      : undefined,
});

/**
 * Loads Node's built-in `node:sqlite` when a SQLite store is made, not when `handrail/sqlite`
 * is imported: importing the entry prints nothing, and on a Node without the module the error
 * says which Node it needs (instead of "No such built-in module: node:sqlite"). Node's "SQLite is
 * an experimental feature" warning is left out while it loads; every other warning passes.
 */
export function loadNodeSqlite(runtime: NodeSqliteRuntime = currentRuntime()): typeof NodeSqlite {
  const sqlite = withoutSqliteWarning(() => runtime.getBuiltinModule?.('node:sqlite')) as typeof NodeSqlite | undefined;
  if (sqlite && typeof sqlite.DatabaseSync === 'function') return sqlite;
  throw new Error(
    `handrail/sqlite needs node:sqlite, which this Node (${runtime.version}) does not have: use ${nodeSqliteRequirement}, ` +
      "or another store (createMemoryStore from 'handrail', createPostgresStore from 'handrail/postgres').",
  );
}

/** Runs `load` with Node's experimental warning about SQLite filtered out. */
function withoutSqliteWarning<T>(load: () => T): T {
  if (typeof process === 'undefined' || typeof process.emitWarning !== 'function') return load();
  const emitWarning = process.emitWarning;
  process.emitWarning = function filtered(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const name = typeof warning === 'string' ? type : warning.name;
    if ((name === 'ExperimentalWarning' || type === 'ExperimentalWarning') && /sqlite/i.test(text)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return load();
  } finally {
    process.emitWarning = emitWarning;
  }
}

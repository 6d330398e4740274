import type { Sql } from 'postgres';
import { type PostgresMigration, postgresMigrations } from './migrations.js';

/** What {@link migratePostgres} did. */
export interface MigrationResult {
  /** Versions applied by this call, in order (empty when the schema was up to date). */
  applied: number[];
  /** The schema's version afterwards. */
  version: number;
}

/** Schema names Handrail accepts: a plain lower-case identifier, so it can be quoted safely everywhere. */
export const schemaNamePattern = /^[a-z_][a-z0-9_]{0,39}$/;

/**
 * Brings `schema` up to the newest {@link postgresMigrations}, in one transaction under an
 * advisory lock: instances starting together apply each migration once, the others wait and
 * find it done. Creates the schema when missing. Safe to run on every start.
 */
export async function migratePostgres(
  sql: Sql,
  schema: string,
  migrations: readonly PostgresMigration[] = postgresMigrations,
): Promise<MigrationResult> {
  if (!schemaNamePattern.test(schema)) {
    throw new Error(`migratePostgres: schema must match ${schemaNamePattern} (got ${JSON.stringify(schema)}).`);
  }
  const quoted = `"${schema}"`;
  return sql.begin(async (transaction) => {
    // One lock per schema, held until commit: concurrent starts serialise here.
    await transaction`select pg_advisory_xact_lock(hashtext(${`handrail.migrate.${schema}`}))`;
    await transaction.unsafe(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await transaction.unsafe(
      `CREATE TABLE IF NOT EXISTS ${quoted}.migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const rows = await transaction.unsafe<Array<{ version: number }>>(`SELECT version FROM ${quoted}.migrations`);
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await transaction.unsafe(migration.sql.replaceAll('{schema}', quoted));
      await transaction.unsafe(`INSERT INTO ${quoted}.migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    const version = Math.max(0, ...done, ...applied);
    return { applied, version };
  }) as Promise<MigrationResult>;
}

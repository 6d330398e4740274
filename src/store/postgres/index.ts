/**
 * Handrail on Postgres (`handrail/postgres`, Node only): the store, its change feed, shared
 * rate-limit counters and the schema migrations. Not re-exported from `handrail`, so the main
 * entry never loads a database driver.
 *
 * @packageDocumentation
 */
export { type MigrationResult, migratePostgres } from './migrate-postgres.js';
export { type PostgresMigration, postgresMigrations } from './migrations.js';
export {
  createPostgresChangeFeed,
  type PostgresChangeFeed,
  type PostgresChangeFeedOptions,
} from './postgres-change-feed.js';
export { createPostgresRateLimitStore, type PostgresRateLimitStoreOptions } from './postgres-rate-limit-store.js';
export {
  createPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
  postgresChannel,
} from './postgres-store.js';

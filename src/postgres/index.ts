/**
 * A PostgreSQL store for the online resolver: `createPostgresStore`, its migrations, and the
 * helpers to run them. Node only; requires `pg` (an optional peer dependency of threadline).
 *
 * @packageDocumentation
 */
export {
  type MigrateOptions,
  type MigrationReport,
  migratePostgres,
  postgresSchemaVersion,
} from './migrate.js';
export { type PostgresMigration, postgresMigrations, postgresSchemaName } from './migrations.js';
export {
  type CommitInProgress,
  createPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
  type WriterLeaseOptions,
} from './store.js';

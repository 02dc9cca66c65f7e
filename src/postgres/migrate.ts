import type { Pool, PoolClient } from 'pg';
import { ThreadlineError } from '../core/errors.js';
import { storeFailure } from './errors.js';
import { postgresMigrations, postgresSchemaName, qualified } from './migrations.js';

/**
 * What {@link migratePostgres} did.
 *
 * @example
 * ```ts
 * import type { MigrationReport } from 'threadline/postgres';
 *
 * const report: MigrationReport = { schema: 'threadline', from: 0, to: 1, applied: [1] };
 * console.log(report.applied); // [ 1 ]
 * ```
 */
export interface MigrationReport {
  /** The schema migrated. */
  readonly schema: string;
  /** Its version before (0 for a schema without the store). */
  readonly from: number;
  /** Its version now: the latest this release knows. */
  readonly to: number;
  /** The versions applied by this call, in order (empty when it was up to date). */
  readonly applied: readonly number[];
}

/**
 * Options for {@link migratePostgres}.
 *
 * @example
 * ```ts
 * import type { MigrateOptions } from 'threadline/postgres';
 *
 * const options: MigrateOptions = { schema: 'support_eu' };
 * console.log(options.schema);
 * ```
 */
export interface MigrateOptions {
  /** The PostgreSQL schema holding the store (default `threadline`); created when missing. */
  readonly schema?: string;
}

/** The latest schema version this release writes. */
export const LATEST_VERSION = postgresMigrations().length;

/**
 * Brings a schema up to the latest version of the store's tables: creates the schema and a
 * `schema_migrations` table when missing, then applies, in one transaction, every step not yet
 * recorded. Idempotent, and safe to call from many processes at once: a transaction-scoped
 * advisory lock lets one migrate while the others wait, then find nothing to do.
 *
 * @throws `ThreadlineError` with code `invalid_options` for a bad schema name, or
 * `store_failure` when the database fails or holds a newer version than this release knows.
 * @example
 * ```ts
 * import { migratePostgres } from 'threadline/postgres';
 *
 * // With a pool from `pg`: const report = await migratePostgres(pool, { schema: 'support' });
 * console.log(typeof migratePostgres); // function
 * ```
 */
export async function migratePostgres(
  pool: Pool,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const schema = postgresSchemaName(options.schema ?? 'threadline');
  const steps = postgresMigrations(schema);
  const table = qualified(schema, 'schema_migrations');
  let client: PoolClient | undefined;
  try {
    client = await pool.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [
      MIGRATION_LOCK,
      schema,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${table}`,
    );
    const from = rows[0]?.version ?? 0;
    if (from > steps.length) {
      throw new ThreadlineError('store_failure', 'The database is newer than this threadline', [
        {
          code: 'schema_too_new',
          path: ['schema'],
          message: `schema "${schema}" is at version ${from}; this release knows up to ${steps.length}`,
        },
      ]);
    }
    const applied: number[] = [];
    for (const step of steps) {
      if (step.version <= from) continue;
      await client.query(step.sql);
      await client.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [
        step.version,
        step.name,
      ]);
      applied.push(step.version);
    }
    await client.query('COMMIT');
    return { schema, from, to: steps.length, applied };
  } catch (error) {
    await client?.query('ROLLBACK').catch(() => undefined);
    throw storeFailure(error, 'migrate');
  } finally {
    client?.release();
  }
}

/** The first key of the advisory lock that migrations take (the second is the schema's hash). */
const MIGRATION_LOCK = 0x7e4d1;

/**
 * The schema version a database holds (0 when the store was never installed there).
 *
 * @throws `ThreadlineError` with code `store_failure` when the database fails.
 * @example
 * ```ts
 * import { postgresSchemaVersion } from 'threadline/postgres';
 *
 * // const version = await postgresSchemaVersion(pool, { schema: 'support' });
 * console.log(typeof postgresSchemaVersion); // function
 * ```
 */
export async function postgresSchemaVersion(
  pool: Pool,
  options: MigrateOptions = {},
): Promise<number> {
  const schema = postgresSchemaName(options.schema ?? 'threadline');
  const table = qualified(schema, 'schema_migrations');
  try {
    const present = await pool.query<{ present: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AS present',
      [table],
    );
    if (present.rows[0]?.present !== true) return 0;
    const { rows } = await pool.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${table}`,
    );
    return rows[0]?.version ?? 0;
  } catch (error) {
    throw storeFailure(error, 'schemaVersion');
  }
}

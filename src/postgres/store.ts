import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { z } from 'zod';
import { ThreadlineError } from '../core/errors.js';
import type { CustomerId } from '../model/ids.js';
import { toIssues } from '../model/parse.js';
import type { CustomerRecord, ResolverEvent, Review } from '../resolve/records.js';
import type { Posting, ResolverStore, StoreCommit } from '../resolve/store.js';
import { commitParameters } from './commit.js';
import { conflict, storeFailure } from './errors.js';
import { createWriterLease, leaseLockArgs } from './lease.js';
import { LATEST_VERSION, migratePostgres, postgresSchemaVersion } from './migrate.js';
import { postgresSchemaName, qualified } from './migrations.js';

/**
 * What a fault-injection hook learns about the commit it interrupts.
 *
 * @example
 * ```ts
 * import type { CommitInProgress } from 'threadline/postgres';
 *
 * const seen: CommitInProgress = { backendPid: 4242, expectedHead: 7 };
 * console.log(seen.backendPid);
 * ```
 */
export interface CommitInProgress {
  /** The server process running the transaction (for `pg_terminate_backend`). */
  readonly backendPid: number;
  /** The head the commit expects. */
  readonly expectedHead: number;
}

/**
 * Options for {@link createPostgresStore}: a pool or a connection string, and where the tables
 * live.
 *
 * @example
 * ```ts
 * import type { PostgresStoreOptions } from 'threadline/postgres';
 *
 * const options: PostgresStoreOptions = { connectionString: 'postgres://app@db.internal/support', schema: 'threadline' };
 * console.log(options.schema);
 * ```
 */
export interface PostgresStoreOptions {
  /** A `pg` pool to use; the store never ends it (you own it, and its `error` events). */
  readonly pool?: pg.Pool;
  /** Or a connection string: the store makes its own pool and ends it on `close()`. */
  readonly connectionString?: string;
  /** Connections in the store's own pool (default 4, at least 2: the writer lease holds one). */
  readonly poolSize?: number;
  /** The PostgreSQL schema holding the tables (default `threadline`). */
  readonly schema?: string;
  /**
   * Apply missing migrations on first use (default true). With false, the first use checks the
   * schema version instead and fails with `store_failure` until someone migrates.
   */
  readonly migrate?: boolean;
  /**
   * Customers kept parsed in this process (default 10,000; 0 for none). A cached record is
   * re-read only when another commit rewrote it, and keeps its identity, so the resolver's
   * own caches of derived views keep working.
   */
  readonly cacheSize?: number;
  /**
   * Writers queue while they contend (default true). A store whose commit was refused, or whose
   * head read finds other writers queued, waits for a per-schema advisory lock before each
   * change and holds it from the head read to the commit, until it has gone `contendedMs`
   * without meeting anyone in the queue. Without it, the processes refused by one commit all
   * recompute at once and all but one are refused again. An uncontended writer never takes the
   * lock. Safety never depends on it: every commit still checks the head. `false` turns it off;
   * an object tunes it.
   */
  readonly writerLease?: boolean | WriterLeaseOptions;
  /**
   * For fault-injection tests: runs inside every commit's transaction, after all its writes
   * and before `COMMIT`. Makes each commit an explicit transaction (three round trips instead
   * of one); leave it out in production.
   */
  readonly insideCommit?: (commit: CommitInProgress) => Promise<void>;
}

/**
 * Tuning of the writer lease (see {@link PostgresStoreOptions.writerLease}).
 *
 * @example
 * ```ts
 * import type { WriterLeaseOptions } from 'threadline/postgres';
 *
 * const lease: WriterLeaseOptions = { holdMs: 500, waitMs: 1000 };
 * console.log(lease.holdMs);
 * ```
 */
export interface WriterLeaseOptions {
  /** Given back this long after it was taken, even if no commit came (default 1000 ms). */
  readonly holdMs?: number;
  /** Waited for at most this long, then the change goes ahead without it (default 2000 ms). */
  readonly waitMs?: number;
  /** How long after its last lost race a store keeps taking turns (default 5000 ms). */
  readonly contendedMs?: number;
}

/**
 * A {@link ResolverStore} in PostgreSQL, with what a service needs around it.
 *
 * @example
 * ```ts
 * import type { PostgresStore } from 'threadline/postgres';
 *
 * const shutdown = (store: PostgresStore) => store.close();
 * console.log(typeof shutdown);
 * ```
 */
export interface PostgresStore extends ResolverStore {
  /** The schema holding the tables. */
  readonly schema: string;
  /** The pool in use. */
  readonly pool: pg.Pool;
  /** Migrates (or checks the version, with `migrate: false`) now rather than on first use. */
  ready(): Promise<void>;
  /** Ends the pool when the store made it; does nothing to a pool passed in. */
  close(): Promise<void>;
}

const SettingsSchema = z.strictObject({
  connectionString: z.string().min(1).optional(),
  poolSize: z.number().int().min(2).max(1000).default(4),
  schema: z.string().default('threadline'),
  migrate: z.boolean().default(true),
  cacheSize: z.number().int().min(0).max(10_000_000).default(10_000),
  writerLease: z
    .union([
      z.boolean(),
      z.strictObject({
        holdMs: z.number().int().min(1).max(600_000).optional(),
        waitMs: z.number().int().min(1).max(600_000).optional(),
        contendedMs: z.number().int().min(0).max(3_600_000).optional(),
      }),
    ])
    .default(true),
});

function invalid(path: readonly string[], message: string): ThreadlineError {
  return new ThreadlineError('invalid_options', 'Invalid PostgreSQL store options', [
    { code: 'invalid_options', path, message },
  ]);
}

function isPool(value: unknown): value is pg.Pool {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { query?: unknown }).query === 'function' &&
    typeof (value as { connect?: unknown }).connect === 'function'
  );
}

/**
 * How many rows a limit lets through, as the memory store slices them: fractions round
 * down, nothing for NaN or below 1, `null` (no limit) past what a bigint row count needs.
 */
function rowLimit(limit: number): number | null {
  if (!(limit >= 1)) return 0;
  return limit >= Number.MAX_SAFE_INTEGER ? null : Math.floor(limit);
}

interface Cached {
  readonly written: string;
  readonly record: CustomerRecord;
}

/**
 * Creates a resolver store over PostgreSQL: customers, the key index, interaction owners,
 * redirects, reviews and the event log in tables of one schema. Each commit is one statement
 * (a server-side function) that moves the head only if it is still where the resolver read it,
 * so any number of processes can share the store: the loser of a race gets `store_conflict`
 * and the resolver recomputes. A failed or interrupted commit changes nothing. Connection and
 * server errors surface as `store_failure`; a retry after the database is back succeeds.
 *
 * Nothing connects until the first call; the first call migrates the schema (see
 * {@link migratePostgres}) unless `migrate: false`.
 *
 * @throws `ThreadlineError` with code `invalid_options` for bad options.
 * @example
 * ```ts
 * import { createPostgresStore } from 'threadline/postgres';
 *
 * const store = createPostgresStore({ connectionString: 'postgres://app@localhost:5432/support' });
 * // const resolver = createResolver({ store });  (from 'threadline')
 * console.log(store.schema); // threadline
 * await store.close();
 * ```
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  if (typeof options !== 'object' || options === null)
    throw invalid([], 'expected an options object');
  const { pool: given, insideCommit, ...plain } = options;
  const parsed = SettingsSchema.safeParse(plain);
  if (!parsed.success)
    throw new ThreadlineError(
      'invalid_options',
      'Invalid PostgreSQL store options',
      toIssues(parsed.error),
    );
  const settings = parsed.data;
  if (given !== undefined && !isPool(given)) throw invalid(['pool'], 'expected a pg Pool');
  if ((given === undefined) === (settings.connectionString === undefined))
    throw invalid(['pool'], 'pass either a pool or a connectionString');
  if (insideCommit !== undefined && typeof insideCommit !== 'function')
    throw invalid(['insideCommit'], 'expected a function');
  const schema = postgresSchemaName(settings.schema);
  const owned = given === undefined;
  const pool =
    given ?? new pg.Pool({ connectionString: settings.connectionString, max: settings.poolSize });
  // An idle client whose connection dies emits `error` on the pool; unheard, it would end the
  // process. The pool drops that client; the next query gets a fresh one.
  if (owned) pool.on('error', () => undefined);

  const t = (name: string) => qualified(schema, name);
  const cache =
    settings.cacheSize === 0
      ? undefined
      : new LRUCache<string, Cached>({ max: settings.cacheSize });

  const headSql = `SELECT head::float8 AS head FROM ${t('log_head')}`;
  // The head, and whether the lease is free: a shared try-lock fails while any writer holds
  // the lease or waits for it, and is let go at the end of the statement.
  const probeSql = `SELECT head::float8 AS head,
    pg_try_advisory_xact_lock_shared(${leaseLockArgs(schema)}) AS free FROM ${t('log_head')}`;
  const leaseOptions = settings.writerLease === true ? {} : settings.writerLease;
  const lease =
    leaseOptions === false
      ? undefined
      : createWriterLease(pool, schema, {
          holdMs: leaseOptions.holdMs ?? 1000,
          waitMs: leaseOptions.waitMs ?? 2000,
        });
  const contendedMs = leaseOptions === false ? 0 : (leaseOptions.contendedMs ?? 5000);

  /** Until when (performance.now) this store takes a turn before every change. */
  let contendedUntil = 0;
  let readiness: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (readiness === undefined) {
      readiness = (
        settings.migrate
          ? migratePostgres(pool, { schema }).then(() => undefined)
          : postgresSchemaVersion(pool, { schema }).then((version) => {
              if (version !== LATEST_VERSION)
                throw new ThreadlineError('store_failure', 'The schema is not migrated', [
                  {
                    code: 'schema_not_migrated',
                    path: ['schema'],
                    message: `schema "${schema}" is at version ${version}, this release needs ${LATEST_VERSION}: run migratePostgres`,
                  },
                ]);
            })
      ).catch((error: unknown) => {
        // A database that was down may be back next time: try again then.
        readiness = undefined;
        throw error;
      });
    }
    return readiness;
  };

  /** A read: a named (prepared once per connection) statement, errors as store errors. */
  async function read<R extends pg.QueryResultRow>(
    operation: string,
    text: string,
    values: unknown[],
    client: pg.PoolClient | undefined = undefined,
  ): Promise<R[]> {
    await ready();
    try {
      const result = await (client ?? pool).query<R>({
        name: `threadline.${schema}.${operation}`,
        text,
        values,
      });
      return result.rows;
    } catch (error) {
      throw storeFailure(error, operation);
    }
  }

  const commitSql = (extra: string) =>
    `SELECT ${t('commit_change')}($1::bigint, $2::json, $3::text[], $4::json, $5::text[],
       $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
       $13::text[], $14::text[], $15::json)::text AS written${extra}`;

  async function commitInTransaction(
    values: readonly unknown[],
    expectedHead: number,
    hook: (commit: CommitInProgress) => Promise<void>,
  ): Promise<string> {
    const client = await pool.connect().catch((error: unknown) => {
      throw storeFailure(error, 'commit');
    });
    // A connection that dies while this client is checked out reports here, not to the pool.
    let broken: unknown;
    const onError = (error: unknown) => {
      broken = error;
    };
    client.on('error', onError);
    let failed = false;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ written: string; pid: number }>(
        commitSql(', pg_backend_pid() AS pid'),
        values as unknown[],
      );
      const row = rows[0];
      if (row === undefined) throw new Error('the commit function returned nothing');
      // A lost race wrote nothing: nothing to interrupt.
      if (!row.written.startsWith('-')) await hook({ backendPid: row.pid, expectedHead });
      await client.query('COMMIT');
      return row.written;
    } catch (error) {
      failed = true;
      if (broken === undefined) await client.query('ROLLBACK').catch(() => undefined);
      throw storeFailure(error, 'commit');
    } finally {
      client.removeListener('error', onError);
      client.release(failed || broken !== undefined);
    }
  }

  const store: PostgresStore = {
    schema,
    pool,
    ready,

    async close() {
      await lease?.close();
      if (owned) await pool.end();
    },

    async head() {
      if (lease === undefined) {
        const rows = await read<{ head: number }>('head', headSql, []);
        return rows[0]?.head ?? 0;
      }
      await lease.settled();
      if (performance.now() >= contendedUntil && lease.holder() === undefined) {
        const [row] = await read<{ head: number; free: boolean }>('headProbe', probeSql, []);
        if (row === undefined || row.free) return row?.head ?? 0;
        // Other writers are queued: going ahead would likely be computed in vain. Join them.
        contendedUntil = performance.now() + contendedMs;
      }
      // While writers contend, a change starts by taking its turn: it reads the head only once
      // the writer before it has committed.
      const taken = await lease.take().catch(() => 'timedOut');
      if (taken === 'waited') contendedUntil = performance.now() + contendedMs;
      const rows = await read<{ head: number }>('head', headSql, [], lease.holder());
      return rows[0]?.head ?? 0;
    },

    async getCustomers(ids) {
      if (ids.length === 0) return [];
      const unique = [...new Set(ids)];
      const known = unique.map((id) => cache?.get(id)?.written ?? null);
      const rows = await read<{ id: string; written: string; record: CustomerRecord | null }>(
        'customers',
        `SELECT c.id, c.written::text AS written,
           CASE WHEN c.written = q.known THEN NULL ELSE c.record END AS record
         FROM unnest($1::text[], $2::bigint[]) AS q(id, known)
         JOIN ${t('customers')} AS c ON c.id = q.id`,
        [unique, known],
      );
      const found = new Map<string, CustomerRecord>();
      for (const row of rows) {
        const record = row.record ?? cache?.get(row.id)?.record;
        if (record === undefined) continue;
        if (row.record !== null) cache?.set(row.id, { written: row.written, record });
        found.set(row.id, record);
      }
      for (const id of unique) if (!found.has(id)) cache?.delete(id);
      return ids.map((id) => found.get(id));
    },

    async lookup(keys, limit) {
      if (keys.length === 0) return [];
      const rows = await read<{ key: string; total: number; ids: string[] | null }>(
        'lookup',
        `SELECT k.key, coalesce(c.total, 0)::float8 AS total,
           CASE WHEN c.total <= $2::float8 THEN ARRAY(
             SELECT i.customer_id FROM ${t('index_keys')} AS i
             WHERE i.key = k.key ORDER BY i.customer_id) END AS ids
         FROM unnest($1::text[]) AS k(key)
         LEFT JOIN ${t('key_counts')} AS c ON c.key = k.key`,
        [[...new Set(keys)], limit],
      );
      const byKey = new Map<string, Posting>();
      for (const row of rows) {
        // The index sorts by code point; JavaScript (and the memory store) by UTF-16 unit.
        const ids = (row.ids ?? []).sort() as CustomerId[];
        byKey.set(row.key, { key: row.key, customerIds: ids, total: row.total });
      }
      return keys.map((key) => {
        const posting = byKey.get(key);
        // Each caller gets its own array, as from the memory store.
        return posting === undefined
          ? { key, customerIds: [], total: 0 }
          : { ...posting, customerIds: posting.customerIds.slice() };
      });
    },

    async owners(interactionIds) {
      if (interactionIds.length === 0) return [];
      const rows = await read<{ id: string; owner: CustomerId }>(
        'owners',
        `SELECT interaction_id AS id, customer_id AS owner FROM ${t('owners')}
         WHERE interaction_id = ANY($1::text[])`,
        [[...new Set(interactionIds)]],
      );
      const map = new Map(rows.map((r) => [r.id, r.owner]));
      return interactionIds.map((id) => map.get(id));
    },

    async redirects(ids) {
      if (ids.length === 0) return [];
      const rows = await read<{ id: string; to: CustomerId }>(
        'redirects',
        `SELECT from_id AS id, to_id AS to FROM ${t('redirects')} WHERE from_id = ANY($1::text[])`,
        [[...new Set(ids)]],
      );
      const map = new Map(rows.map((r) => [r.id, r.to]));
      return ids.map((id) => map.get(id));
    },

    async getReviews(ids) {
      if (ids.length === 0) return [];
      const rows = await read<{ id: string; record: Review }>(
        'reviews',
        `SELECT id, record FROM ${t('reviews')} WHERE id = ANY($1::text[])`,
        [[...new Set(ids)]],
      );
      const map = new Map(rows.map((r) => [r.id, r.record]));
      return ids.map((id) => map.get(id));
    },

    async openReviews(limit) {
      const rows = await read<{ record: Review }>(
        'openReviews',
        `SELECT record FROM ${t('reviews')} WHERE status = 'open' ORDER BY position LIMIT $1`,
        [rowLimit(limit)],
      );
      return rows.map((r) => r.record);
    },

    async commit(change: StoreCommit) {
      await ready();
      const { values, put } = commitParameters(change);
      let written: string;
      try {
        if (insideCommit !== undefined) {
          written = await commitInTransaction(values, change.expectedHead, insideCommit);
        } else {
          try {
            const { rows } = await (lease?.holder() ?? pool).query<{ written: string }>({
              name: `threadline.${schema}.commit`,
              text: commitSql(''),
              values: values as unknown[],
            });
            written = rows[0]?.written ?? '';
          } catch (error) {
            throw storeFailure(error, 'commit');
          }
        }
        if (written.startsWith('-')) {
          const actual = -1 - Number(written);
          throw conflict(`expected head ${change.expectedHead}, the store is at ${actual}`);
        }
      } catch (error) {
        if (lease !== undefined && error instanceof ThreadlineError) {
          // Lost a race: writers contend. Wait for a turn before the resolver recomputes.
          if (error.code === 'store_conflict') {
            contendedUntil = performance.now() + contendedMs;
            await lease.take().catch(() => 'timedOut');
          } else lease.release();
        }
        throw error;
      }
      // This change is over: the next writer in line may go.
      lease?.release();
      if (cache !== undefined) {
        for (const id of change.remove) cache.delete(id);
        for (const [id, record] of put) cache.set(id, { written, record });
      }
    },

    async events(after, limit) {
      const from = Number.isNaN(after) ? 0 : Math.max(0, Math.min(Math.floor(after), 2 ** 53));
      const rows = await read<{ body: ResolverEvent }>(
        'events',
        `SELECT body FROM ${t('events')} WHERE seq > $1::bigint ORDER BY seq LIMIT $2`,
        [from, rowLimit(limit)],
      );
      return rows.map((r) => r.body);
    },

    async listCustomers(after, limit) {
      const rows =
        after === undefined
          ? await read<{ record: CustomerRecord }>(
              'listFirst',
              `SELECT record FROM ${t('customers')} ORDER BY id LIMIT $1`,
              [rowLimit(limit)],
            )
          : await read<{ record: CustomerRecord }>(
              'listAfter',
              `SELECT record FROM ${t('customers')} WHERE id > $1 ORDER BY id LIMIT $2`,
              [after, rowLimit(limit)],
            );
      return rows.map((r) => r.record);
    },
  };
  return store;
}

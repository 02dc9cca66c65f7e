import type pg from 'pg';

/**
 * The writer lease: a session advisory lock, one per schema, that writers queue on while they
 * contend. A store takes it before a change (from the head read to the commit) once it has lost
 * a race or found others queued, and gives it back when the change is committed or refused.
 * Queued writers each compute their change once, against the state it will be committed on,
 * instead of all recomputing from the same head; an uncontended writer never touches it.
 *
 * Safety never rests on it (every commit still checks the head). It is bounded in time: it is
 * given back `holdMs` after it was taken even if no commit came, and a writer waits for it at
 * most `waitMs`, then goes ahead without it.
 */
export interface WriterLease {
  /**
   * Takes the lease: `held` when this store had it already or found it free, `waited` when
   * another writer had it (so writers are contending), `timedOut` when the wait ran out.
   */
  take(): Promise<LeaseTaken>;
  /** The connection holding the lease, when this store holds it. */
  holder(): pg.PoolClient | undefined;
  /** Gives the lease back, in the background. */
  release(): void;
  /** Resolves when every lease this store gave back is released on the server. */
  settled(): Promise<void>;
  /** Gives the lease back and waits until it is. */
  close(): Promise<void>;
}

/** How a lease was taken; see {@link WriterLease.take}. */
export type LeaseTaken = 'held' | 'waited' | 'timedOut';

/** First key of the lease's advisory lock; the second is the schema's hash. */
const LEASE_LOCK = 0x7e4d2;

/**
 * The lease lock's two keys as SQL arguments. The schema name is checked (letters, digits,
 * underscores) before it gets here.
 */
export const leaseLockArgs = (schema: string): string => `${LEASE_LOCK}, hashtext('${schema}')`;

interface Held {
  readonly client: pg.PoolClient;
  readonly onError: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  broken: boolean;
}

function isLockTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '55P03'
  );
}

/** A writer lease for one schema; see {@link WriterLease}. */
export function createWriterLease(
  pool: pg.Pool,
  schema: string,
  options: { readonly holdMs: number; readonly waitMs: number },
): WriterLease {
  const lockArgs = leaseLockArgs(schema);
  let held: Held | undefined;
  let taking: Promise<LeaseTaken> | undefined;
  const releasing = new Set<Promise<void>>();

  const giveBack = (lease: Held) => {
    clearTimeout(lease.timer);
    lease.client.removeListener('error', lease.onError);
    if (lease.broken) {
      // The connection is gone, and the lock with it.
      lease.client.release(true);
      return;
    }
    const done: Promise<void> = lease.client
      .query(`SELECT pg_advisory_unlock(${lockArgs})`)
      .then(
        () => lease.client.release(),
        () => lease.client.release(true),
      )
      .finally(() => {
        releasing.delete(done);
      });
    releasing.add(done);
  };

  const release = () => {
    const lease = held;
    held = undefined;
    if (lease !== undefined) giveBack(lease);
  };

  async function acquire(): Promise<LeaseTaken> {
    const client = await pool.connect();
    const lease: Held = {
      client,
      onError: () => {
        lease.broken = true;
        if (held === lease) held = undefined;
      },
      timer: undefined,
      broken: false,
    };
    client.on('error', lease.onError);
    let how: LeaseTaken;
    try {
      // One round trip: take the lock if it is free, else wait for it (a bounded while), and
      // say which it was.
      const results = (await client.query(
        `SET lock_timeout = ${options.waitMs};
         SELECT CASE WHEN pg_try_advisory_lock(${lockArgs}) THEN 'held'
           ELSE (SELECT 'waited' FROM (SELECT pg_advisory_lock(${lockArgs})) AS w) END AS how;
         RESET lock_timeout`,
      )) as unknown as pg.QueryResult<{ how: LeaseTaken }>[];
      how = results[1]?.rows[0]?.how ?? 'waited';
    } catch (error) {
      client.removeListener('error', lease.onError);
      if (!isLockTimeout(error)) {
        client.release(true);
        throw error;
      }
      // Someone held it too long: go ahead without it.
      await client.query('RESET lock_timeout').then(
        () => client.release(),
        () => client.release(true),
      );
      return 'timedOut';
    }
    held = lease;
    lease.timer = setTimeout(() => {
      if (held === lease) release();
    }, options.holdMs);
    lease.timer.unref?.();
    return how;
  }

  return {
    async take() {
      if (held !== undefined && !held.broken) return 'held';
      // One lease per store: callers arriving while it is being taken share it.
      if (taking === undefined) {
        taking = acquire().finally(() => {
          taking = undefined;
        });
      }
      return taking;
    },
    holder() {
      return held !== undefined && !held.broken ? held.client : undefined;
    },
    release,
    async settled() {
      // A lease of ours still being given back is not another writer's: wait it out rather
      // than queue behind ourselves.
      if (releasing.size > 0) await Promise.all([...releasing]);
    },
    async close() {
      release();
      await Promise.all([...releasing]);
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CustomerRecord,
  createMemoryStore,
  createResolver,
  type Resolver,
  type ResolverStore,
  ThreadlineError,
} from '../src/index.js';
import {
  createPostgresStore,
  migratePostgres,
  type PostgresStore,
  type PostgresStoreOptions,
  postgresSchemaVersion,
} from '../src/postgres/index.js';
import { contactStreamArbitrary, resolverLaws, storeConformance } from '../src/testing/index.js';
import {
  anaContact,
  audit,
  type ChildReport,
  type ChildTask,
  clock,
  emptyCommit,
} from './postgres/fixtures.js';

// The PostgreSQL store against a real server: the store contract, migrations, and what many
// backend processes and faults do to it. The server comes from THREADLINE_PG_URL (start a
// throwaway one with `eval "$(bash scripts/postgres.sh start)"`). Without it the tests are
// skipped, loudly; with THREADLINE_PG_REQUIRED=1 (CI) they fail instead.

const url = process.env.THREADLINE_PG_URL;
const required = process.env.THREADLINE_PG_REQUIRED === '1';
const SKIPPED =
  'PostgreSQL tests skipped: set THREADLINE_PG_URL or run `eval "$(bash scripts/postgres.sh start)"`';

async function probe(connectionString: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `cannot reach ${connectionString}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = url === undefined ? 'THREADLINE_PG_URL is not set' : await probe(url);

if (problem !== undefined && required) {
  describe('PostgreSQL store', () => {
    it('has a server (THREADLINE_PG_REQUIRED=1)', () => {
      throw new Error(`PostgreSQL is required here but ${problem}`);
    });
  });
} else if (problem !== undefined || url === undefined) {
  console.warn(`${SKIPPED} (${problem})`);
  describe.skip(`PostgreSQL store: ${SKIPPED}`, () => {
    it('needs a server', () => undefined);
  });
} else {
  postgresSuite(url);
}

function postgresSuite(connectionString: string): void {
  const pool = new pg.Pool({ connectionString, max: 8 });
  pool.on('error', () => undefined);
  const schemas: string[] = [];
  const stores: PostgresStore[] = [];
  const freshSchema = () => {
    const name = `tl_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    schemas.push(name);
    return name;
  };
  const freshStore = (options: Partial<PostgresStoreOptions> = {}) => {
    const store = createPostgresStore({ pool, schema: freshSchema(), ...options });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  describe('the store contract (threadline/testing)', () => {
    for (const law of storeConformance({ createStore: async () => freshStore(), numRuns: 12 }))
      it(law.name, law.check);
  });

  describe('the resolver laws hold on it', () => {
    const business = [{ kind: 'phone', value: '+18002752273' }] as const;
    for (const law of resolverLaws({
      createResolver: () =>
        createResolver({
          store: freshStore(),
          now: clock,
          guards: { businessIdentifiers: [...business] },
        }),
      numRuns: 3,
    }))
      it(law.name, law.check);
  });

  it('behaves like the memory store under manual changes too (merge, split, unmerge, reviews, identifiers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        contactStreamArbitrary({ contacts: 10 }),
        fc.array(fc.option(manualChange, { freq: 4 }), { minLength: 12, maxLength: 12 }),
        async (stream, changes) => {
          const memory = createMemoryStore();
          const database = freshStore();
          const a = createResolver({ store: memory, now: clock });
          const b = createResolver({ store: database, now: clock });
          const both = async (work: (r: Resolver) => Promise<unknown>) => {
            const x = await settle(work(a));
            const y = await settle(work(b));
            expect(y).toEqual(x);
          };
          for (const [i, interaction] of stream.entries()) {
            await both((r) => r.ingest(interaction));
            const change = changes[i % changes.length];
            if (change !== undefined && change !== null) await applyChange(a, change, both);
          }
          const ids = [
            ...new Set((await memory.events(0, 10_000)).flatMap((e) => Object.values(e))),
          ].filter((v): v is string => typeof v === 'string' && v.startsWith('cus_'));
          expect(await everything(database, ids)).toEqual(await everything(memory, ids));
        },
      ),
      { numRuns: Number(process.env.THREADLINE_PG_RUNS ?? 12) },
    );
  });

  describe('migrations', () => {
    it('are idempotent and versioned', async () => {
      const schema = freshSchema();
      expect(await postgresSchemaVersion(pool, { schema })).toBe(0);
      const first = await migratePostgres(pool, { schema });
      expect(first).toEqual({ schema, from: 0, to: 1, applied: [1] });
      const again = await migratePostgres(pool, { schema });
      expect(again).toEqual({ schema, from: 1, to: 1, applied: [] });
      expect(await postgresSchemaVersion(pool, { schema })).toBe(1);
      const { rows } = await pool.query(
        `SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`,
      );
      expect(rows).toEqual([{ version: 1, name: 'resolver store' }]);
    });

    it('run once when many processes migrate at the same moment', async () => {
      const schema = freshSchema();
      const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString, max: 1 }));
      try {
        const reports = await Promise.all(pools.map((p) => migratePostgres(p, { schema })));
        expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, 0, 1]);
      } finally {
        await Promise.all(pools.map((p) => p.end()));
      }
    });

    it('are required before use when the store may not migrate', async () => {
      const store = freshStore({ migrate: false });
      const error = await store.head().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThreadlineError);
      expect((error as ThreadlineError).code).toBe('store_failure');
      expect((error as ThreadlineError).issues[0]?.code).toBe('schema_not_migrated');
      await migratePostgres(pool, { schema: store.schema });
      expect(await store.head()).toBe(0);
    });

    it('refuse a schema newer than this release', async () => {
      const schema = freshSchema();
      await migratePostgres(pool, { schema });
      await pool.query(
        `INSERT INTO "${schema}".schema_migrations (version, name) VALUES (99, 'x')`,
      );
      const error = await migratePostgres(pool, { schema }).catch((e: unknown) => e);
      expect((error as ThreadlineError).issues[0]?.code).toBe('schema_too_new');
    });
  });

  describe('the log as an idempotency key', () => {
    it('refuses an interaction entering the log twice, even at the right head', async () => {
      const store = freshStore();
      const resolver = createResolver({ store, now: clock });
      const first = await resolver.ingest(anaContact('em-1', 0));
      const [created] = first.events;
      if (created?.type !== 'customer_created') throw new Error('expected a new customer');
      const error = await store
        .commit({
          ...emptyCommit(1),
          events: [
            {
              type: 'interaction_linked',
              seq: 2,
              at: created.at,
              actor: created.actor,
              customerId: created.customerId,
              interaction: created.interaction,
            },
          ],
        })
        .catch((e: unknown) => e);
      expect((error as ThreadlineError).code).toBe('store_failure');
      expect(await store.head()).toBe(1);
      await audit(store, pool, store.schema);
    });

    it('reports a moved head as the memory store does, without changing anything', async () => {
      const store = freshStore();
      const memory = createMemoryStore();
      for (const s of [store, memory])
        await createResolver({ store: s, now: clock }).ingest(anaContact('em-1', 0));
      const stale = emptyCommit(0);
      const [fromDatabase, fromMemory] = await Promise.all(
        [store, memory].map((s) => s.commit(stale).catch((e: unknown) => e)),
      );
      expect((fromDatabase as ThreadlineError).code).toBe('store_conflict');
      expect((fromDatabase as ThreadlineError).issues).toEqual(
        (fromMemory as ThreadlineError).issues,
      );
      expect(await store.head()).toBe(1);
    });

    it('reports events not numbered from the head as the memory store does', async () => {
      const store = freshStore();
      const resolver = createResolver({ store, now: clock });
      const { events } = await resolver.ingest(anaContact('em-1', 0));
      const [event] = events;
      if (event === undefined) throw new Error('expected an event');
      const change = { ...emptyCommit(1), events: [{ ...event, seq: 5 }] };
      const fromMemory = await createMemoryStore()
        .commit({ ...change, expectedHead: 0, events: [{ ...event, seq: 4 }] })
        .catch((e: unknown) => e);
      const fromDatabase = await store.commit(change).catch((e: unknown) => e);
      expect((fromDatabase as ThreadlineError).code).toBe('store_failure');
      expect((fromDatabase as ThreadlineError).issues).toEqual([
        { code: 'invalid_commit', path: ['events', 0, 'seq'], message: 'expected seq 2, got 5' },
      ]);
      expect((fromMemory as ThreadlineError).issues[0]?.path).toEqual(['events', 0, 'seq']);
      expect(await store.head()).toBe(1);
    });
  });

  describe('many backend processes', () => {
    it('two processes ingesting one customer at the same moment lose nothing and duplicate nothing', async () => {
      const schema = freshSchema();
      await migratePostgres(pool, { schema });
      // Both get the shared contacts (a redelivered webhook, in opposite orders) and a few of
      // their own; all are Ana's.
      const shared = Array.from({ length: 8 }, (_, k) => anaContact(`shared-${k}`, k));
      const ownA = Array.from({ length: 4 }, (_, k) => anaContact(`a-${k}`, 10 + k));
      const ownB = Array.from({ length: 4 }, (_, k) => anaContact(`b-${k}`, 20 + k));
      const a = startChild({
        mode: 'ingest',
        url: connectionString,
        schema,
        interactions: interleave(shared, ownA),
      });
      const b = startChild({
        mode: 'ingest',
        url: connectionString,
        schema,
        interactions: interleave([...shared].reverse(), ownB),
      });
      try {
        await Promise.all([a.until('ready'), b.until('ready')]);
        a.send('go');
        b.send('go');
        const [ra, rb] = await Promise.all([a.until('result '), b.until('result ')]);
        const reports = [ra, rb].map((line) => JSON.parse(line.slice(7)) as ChildReport);
        const results = reports.flatMap((r) => r.results);
        if (process.env.THREADLINE_PG_VERBOSE === '1')
          console.log(
            'races lost:',
            reports.map((r) => r.conflicts),
          );
        const store = freshStoreOn(schema);
        const { customers, events } = await audit(store, pool, schema);
        // One customer holding every interaction; one event per interaction.
        expect(customers).toHaveLength(1);
        const everyId = [...shared, ...ownA, ...ownB].map((i) => String(i.id)).sort();
        expect(customers[0]?.interactions.map((i) => i.id).sort()).toEqual(everyId);
        expect(events).toHaveLength(everyId.length);
        // Each shared contact was taken once; the other delivery was told it is a duplicate.
        for (const contact of shared) {
          const seen = results.filter((r) => r.id === contact.id);
          expect(seen.map((r) => r.duplicate).sort()).toEqual([false, true]);
        }
        expect(new Set(results.map((r) => r.customerId))).toEqual(new Set([customers[0]?.id]));
      } finally {
        a.kill();
        b.kill();
      }
    });
  });

  describe('the writer lease', () => {
    const leaseHolders = async (schema: string) =>
      Number(
        (
          await pool.query(
            `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
               AND classid = $1 AND objid = (hashtext($2)::bigint + 4294967296) % 4294967296`,
            [0x7e4d2, schema],
          )
        ).rows[0]?.n,
      );
    const until = async (condition: () => Promise<boolean>) => {
      while (!(await condition())) await new Promise((done) => setTimeout(done, 20));
    };

    it('is taken by a writer that lost a race and given back by its next commit', async () => {
      const winner = freshStore();
      const loser = freshStoreOn(winner.schema);
      await createResolver({ store: winner, now: clock }).ingest(anaContact('em-1', 0));
      expect(await leaseHolders(winner.schema)).toBe(0);
      const lost = await loser.commit(emptyCommit(0)).catch((e: unknown) => e);
      expect((lost as ThreadlineError).code).toBe('store_conflict');
      expect(await leaseHolders(winner.schema)).toBe(1);
      const retry = await createResolver({ store: loser, now: clock }).ingest(
        anaContact('sms-2', 1),
      );
      expect(retry.decision.outcome).toBe('linked');
      await until(async () => (await leaseHolders(winner.schema)) === 0);
      await audit(loser, pool, loser.schema);
    });

    it('is joined by a writer that finds others queued, before it computes anything', async () => {
      const schema = freshSchema();
      await migratePostgres(pool, { schema });
      const store = freshStoreOn(schema);
      const waiting = async () =>
        Number(
          (
            await pool.query(
              `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                 AND classid = $1 AND objid = (hashtext($2)::bigint + 4294967296) % 4294967296`,
              [0x7e4d2, schema],
            )
          ).rows[0]?.n,
        );
      const squatter = await pool.connect();
      try {
        await squatter.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x7e4d2, schema]);
        const head = store.head();
        // It does not go ahead: it waits in the lock's queue.
        await until(async () => (await waiting()) === 1);
        await squatter.query('SELECT pg_advisory_unlock($1, hashtext($2))', [0x7e4d2, schema]);
        expect(await head).toBe(0);
        expect(await leaseHolders(schema)).toBe(1);
        await store.commit(emptyCommit(0));
        await until(async () => (await leaseHolders(schema)) === 0);
      } finally {
        await squatter.query('SELECT pg_advisory_unlock_all()');
        squatter.release();
      }
    });

    it('is waited for only so long: a lock held elsewhere does not stop writers', async () => {
      const schema = freshSchema();
      await migratePostgres(pool, { schema });
      const squatter = await pool.connect();
      try {
        await squatter.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x7e4d2, schema]);
        const store = freshStoreOn(schema, { writerLease: { waitMs: 50 } });
        const resolver = createResolver({ store, now: clock });
        await resolver.ingest(anaContact('em-1', 0));
        const lost = await store.commit(emptyCommit(0)).catch((e: unknown) => e);
        expect((lost as ThreadlineError).code).toBe('store_conflict');
        const next = await resolver.ingest(anaContact('sms-2', 1));
        expect(next.decision.outcome).toBe('linked');
        await audit(store, pool, schema);
      } finally {
        await squatter.query('SELECT pg_advisory_unlock_all()');
        squatter.release();
      }
    });
  });

  describe('faults', () => {
    it('a process killed inside a commit leaves the store as it was, and a retry succeeds', async () => {
      const store = freshStore();
      const resolver = createResolver({ store, now: clock });
      await resolver.ingest(anaContact('em-1', 0));
      const child = startChild({
        mode: 'hang',
        url: connectionString,
        schema: store.schema,
        interaction: anaContact('sms-2', 1),
      });
      try {
        await child.until('inside ');
        // Its writes are done but not committed: nobody else sees them.
        expect(await store.head()).toBe(1);
        expect(await store.owners(['sms-2'])).toEqual([undefined]);
        await child.killAndWait();
        // The server rolls the dead client's transaction back and frees the head row; the
        // retry waits for that, then lands.
        const retry = await resolver.ingest(anaContact('sms-2', 1));
        expect(retry.decision.duplicate).toBe(false);
        expect(retry.events).toHaveLength(1);
        const { head, customers } = await audit(store, pool, store.schema);
        expect(head).toBe(2);
        expect(customers.map((c) => c.interactions.length)).toEqual([2]);
      } finally {
        child.kill();
      }
    });

    it('a connection dropped in the middle of a commit is reported, changes nothing, and a retry succeeds', async () => {
      let drops = 1;
      const store = freshStore({
        insideCommit: async ({ backendPid }) => {
          if (drops-- <= 0) return;
          await pool.query('SELECT pg_terminate_backend($1, 10000)', [backendPid]);
        },
      });
      const resolver = createResolver({ store, now: clock });
      const error = await resolver.ingest(anaContact('em-1', 0)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThreadlineError);
      expect((error as ThreadlineError).code).toBe('store_failure');
      expect((await audit(store, pool, store.schema)).head).toBe(0);
      const retry = await resolver.ingest(anaContact('em-1', 0));
      expect(retry.decision.duplicate).toBe(false);
      expect(retry.decision.outcome).toBe('new');
      const { head, customers } = await audit(store, pool, store.schema);
      expect(head).toBe(1);
      expect(customers).toHaveLength(1);
    });
  });

  function freshStoreOn(schema: string, options: Partial<PostgresStoreOptions> = {}) {
    const store = createPostgresStore({ pool, schema, migrate: false, ...options });
    stores.push(store);
    return store;
  }
}

// ---- manual changes, applied to two resolvers alike ----------------------------------------

type ManualChange =
  | { readonly kind: 'merge' | 'keepApart'; readonly a: number; readonly b: number }
  | {
      readonly kind: 'split' | 'unmerge' | 'attach' | 'detach';
      readonly c: number;
      readonly pick: number;
    }
  | { readonly kind: 'confirm' | 'reject'; readonly r: number };

const manualChange: fc.Arbitrary<ManualChange> = fc.oneof(
  fc.record({ kind: fc.constantFrom('merge', 'keepApart'), a: fc.nat(9), b: fc.nat(9) }),
  fc.record({
    kind: fc.constantFrom('split', 'unmerge', 'attach', 'detach'),
    c: fc.nat(9),
    pick: fc.nat(9),
  }),
  fc.record({ kind: fc.constantFrom('confirm', 'reject'), r: fc.nat(9) }),
);

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: string };

async function settle(work: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: JSON.parse(JSON.stringify(await work) ?? 'null') };
  } catch (error) {
    if (error instanceof ThreadlineError) return { ok: false, code: error.code };
    throw error;
  }
}

/** Chooses the change's targets from the reference resolver, then has both make it. */
async function applyChange(
  reference: Resolver,
  change: ManualChange,
  both: (work: (r: Resolver) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const customers = await reference.customers();
  const nth = (k: number) => customers[k % Math.max(1, customers.length)];
  /** The first customer from the `k`-th on (wrapping) that qualifies. */
  const from = (k: number, qualifies: (c: CustomerRecord) => boolean) => {
    const n = customers.length;
    for (let i = 0; i < n; i++) {
      const c = customers[(k + i) % n];
      if (c !== undefined && qualifies(c)) return c;
    }
    return undefined;
  };
  switch (change.kind) {
    case 'merge':
    case 'keepApart': {
      const x = nth(change.a);
      const y = nth(change.b);
      if (x === undefined || y === undefined) return;
      await both((r) => (change.kind === 'merge' ? r.merge(x.id, y.id) : r.keepApart(x.id, y.id)));
      return;
    }
    case 'split': {
      const x = from(change.c, (c) => c.interactions.length >= 2);
      if (x === undefined) return;
      const moving = x.interactions
        .slice(0, 1 + (change.pick % (x.interactions.length - 1)))
        .map((i) => i.id);
      await both((r) => r.split(x.id, moving, {}));
      return;
    }
    case 'unmerge': {
      const x = from(change.c, (c) => c.mergedFrom.length > 0);
      const absorbed = x?.mergedFrom[change.pick % Math.max(1, x.mergedFrom.length)];
      if (x === undefined || absorbed === undefined) return;
      await both((r) => r.unmerge(x.id, absorbed, {}));
      return;
    }
    case 'attach': {
      const x = nth(change.c);
      if (x === undefined) return;
      await both((r) =>
        r.attach(x.id, { kind: 'email', value: `extra${change.pick}@example.org` }),
      );
      return;
    }
    case 'detach': {
      const x = nth(change.c);
      const entries = x?.interactions.flatMap((i) => i.identifiers) ?? [];
      const key = entries[change.pick % Math.max(1, entries.length)]?.key;
      if (x === undefined || key === undefined) return;
      await both((r) => r.detach(x.id, key));
      return;
    }
    case 'confirm':
    case 'reject': {
      const open = await reference.reviews(100);
      const review = open[change.r % Math.max(1, open.length)];
      if (review === undefined) return;
      await both((r) => (change.kind === 'confirm' ? r.confirm(review.id) : r.reject(review.id)));
      return;
    }
  }
}

/** Every read a store answers, for the ids and keys a run produced. */
async function everything(store: ResolverStore, customerIds: readonly string[]) {
  const events = await store.events(0, 100_000);
  const customers = await store.listCustomers(undefined, 100_000);
  const keys = [
    ...new Set(
      customers.flatMap((c) => [
        ...c.interactions.flatMap((i) => i.identifiers.map((e) => e.key)),
        ...c.attached.map((e) => e.key),
      ]),
    ),
  ];
  const interactionIds = customers.flatMap((c) => c.interactions.map((i) => i.id));
  const reviewIds = events.flatMap((e) => (e.type === 'review_requested' ? [e.reviewId] : []));
  return {
    head: await store.head(),
    events,
    customers,
    byId: await store.getCustomers(customerIds),
    lookup1: await store.lookup(keys, 1),
    lookup5: await store.lookup(keys, 5),
    owners: await store.owners(interactionIds),
    redirects: await store.redirects(customerIds),
    reviews: await store.getReviews(reviewIds),
    open: await store.openReviews(1000),
    paged: await store.listCustomers(customers[0]?.id, 2),
  };
}

// ---- child processes -----------------------------------------------------------------------

const CHILD = resolve(import.meta.dirname, 'postgres/child.ts');

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i] as T);
    if (i < b.length) out.push(b[i] as T);
  }
  return out;
}

/** A child backend process, read line by line. */
function startChild(task: ChildTask) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, JSON.stringify(task)],
    {
      cwd: resolve(import.meta.dirname, '..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  let stderr = '';
  let exited = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  if (child.stdout === null || child.stderr === null) throw new Error('no pipes to the child');
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    notify();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<void>((done) =>
    child.on('exit', () => {
      exited = true;
      notify();
      done();
    }),
  );
  return {
    /** The first line starting with `prefix`; rejects if the child exits without one. */
    until(prefix: string): Promise<string> {
      return new Promise((done, fail) => {
        const check = () => {
          const line = lines.find((l) => l.startsWith(prefix));
          if (line !== undefined) {
            listeners.delete(check);
            done(line);
          } else if (exited) {
            listeners.delete(check);
            fail(new Error(`the child exited before "${prefix}"; stderr:\n${stderr}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
    send(line: string) {
      child.stdin?.write(`${line}\n`);
    },
    async killAndWait() {
      child.kill('SIGKILL');
      await exit;
    },
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}

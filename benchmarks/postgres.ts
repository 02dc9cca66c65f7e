// The PostgreSQL store under the online resolver: ingest throughput and latency with 1 and 4
// backend processes against a populated database, and the in-memory store on the same
// interactions in the same run. Prints one JSON document.
//
//   eval "$(bash scripts/postgres.sh start)"
//   node --max-old-space-size=16384 --import tsx benchmarks/postgres.ts [--customers 100000]
//     [--measure 2000] [--processes 4] [--url postgres://…] [--keep]
//
// How the numbers are made:
// - Population: the generated stream (as many people as --customers; the generator gives about
//   two customers per person, since many of a person's contacts share nothing) is ingested until
//   the store holds --customers customers; the next 3 × --measure interactions are measured.
// - Population: the resolver ingests it over the memory store; every commit it makes is also
//   merged into a batch, and each batch of 5,000 commits is written to PostgreSQL as one commit
//   through the same commit function. That is a loading shortcut, not ingest: it is not timed
//   as ingest and its rate is reported apart.
// - Measured: each ingest is a real `resolver.ingest` against the populated store (reads,
//   scoring, one conditional commit, recomputation on conflict with the resolver's default
//   retry budget). Three batches, each ingested first by the memory store in this process, then
//   by PostgreSQL: from 1 process; from N processes at once (round robin) with the writer
//   lease; from N processes without it. The first batch starts both stores in the same state;
//   after a concurrent run their logs may differ in order (and so in length, by a few merges).
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  type CustomerRecord,
  createMemoryStore,
  createResolver,
  type Interaction,
  type ResolverEvent,
  type ResolverStore,
  type Review,
  type StoreCommit,
  ThreadlineError,
} from '../src/index.js';
import { createPostgresStore, migratePostgres } from '../src/postgres/index.js';
import { generatedBusinessIdentifiers, generateInteractions } from '../src/testing/index.js';
import { quantile, round3 } from './lib/measure.js';

const NOW = '2026-06-01T00:00:00Z';
const resolverOptions = {
  now: () => NOW,
  region: 'US',
  guards: { businessIdentifiers: [...generatedBusinessIdentifiers()] },
} as const;

// ---- a child: one backend process ingesting its share ---------------------------------------

interface ChildTask {
  readonly url: string;
  readonly schema: string;
  readonly writerLease: boolean;
  readonly interactions: readonly Interaction[];
}

interface ChildReport {
  /** Per ingest, failed ones included. */
  readonly latenciesMs: readonly number[];
  readonly conflicts: number;
  readonly failures: number;
  /** Failed ingests by error code. */
  readonly failureCodes: Readonly<Record<string, number>>;
}

async function child(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const task = JSON.parse(String(first.value)) as ChildTask;
  const store = createPostgresStore({
    connectionString: task.url,
    schema: task.schema,
    writerLease: task.writerLease,
  });
  let conflicts = 0;
  const counting: ResolverStore = {
    ...store,
    commit: (change) =>
      store.commit(change).catch((error: unknown) => {
        if (error instanceof ThreadlineError && error.code === 'store_conflict') conflicts++;
        throw error;
      }),
  };
  const resolver = createResolver({ ...resolverOptions, store: counting });
  // Warm up without writing: connections, prepared statements, the JIT.
  for (const interaction of task.interactions.slice(0, 50)) await resolver.resolve(interaction);
  process.stdout.write('ready\n');
  for (;;) {
    const next = await iterator.next();
    if (next.done === true || next.value === 'go') break;
  }
  const latenciesMs: number[] = [];
  let failures = 0;
  const failureCodes: Record<string, number> = {};
  for (const interaction of task.interactions) {
    const t0 = performance.now();
    try {
      await resolver.ingest(interaction);
    } catch (error) {
      failures++;
      const code = error instanceof ThreadlineError ? error.code : 'other';
      failureCodes[code] = (failureCodes[code] ?? 0) + 1;
    }
    latenciesMs.push(performance.now() - t0);
  }
  const report: ChildReport = { latenciesMs, conflicts, failures, failureCodes };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  lines.close();
  await store.close();
}

// ---- the parent ------------------------------------------------------------------------------

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};

function summary(latenciesMs: readonly number[], wallMs: number, failures = 0) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => quantile(sorted, q);
  return {
    ingests: sorted.length,
    wallSeconds: round3(wallMs / 1000),
    ingestsPerSecond: Math.round(((sorted.length - failures) * 1000) / wallMs),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: round3(sorted[sorted.length - 1] ?? 0),
  };
}

/** Sequential commits folded into one with the same end state, for loading. */
class Batch {
  private head = 0;
  private readonly events: ResolverEvent[] = [];
  private readonly customers = new Map<string, CustomerRecord | null>();
  private readonly index = new Map<string, readonly [string, string, boolean]>();
  private readonly owners = new Map<string, string>();
  private readonly redirects = new Map<string, string | null>();
  private readonly reviews = new Map<string, Review>();
  commits = 0;

  constructor(head: number) {
    this.head = head;
  }

  add(change: StoreCommit): void {
    this.commits++;
    this.events.push(...change.events);
    // In the order a store applies a commit's parts: what comes later wins.
    for (const id of change.remove) this.customers.set(id, null);
    for (const r of change.put) this.customers.set(r.id, r);
    for (const [k, id] of change.indexRemove) this.index.set(`${k}\u0000${id}`, [k, id, false]);
    for (const [k, id] of change.indexAdd) this.index.set(`${k}\u0000${id}`, [k, id, true]);
    for (const [i, id] of change.owners) this.owners.set(i, id);
    for (const [from, to] of change.redirects) this.redirects.set(from, to);
    for (const id of change.unredirect) this.redirects.set(id, null);
    for (const review of change.reviews) this.reviews.set(review.id, review);
  }

  commit(): StoreCommit {
    const entries = [...this.index.values()];
    const redirects = [...this.redirects];
    return {
      expectedHead: this.head,
      events: this.events,
      put: [...this.customers.values()].filter((r): r is CustomerRecord => r !== null),
      remove: [...this.customers].filter(([, r]) => r === null).map(([id]) => id as never),
      indexAdd: entries.filter(([, , add]) => add).map(([k, id]) => [k, id as never]),
      indexRemove: entries.filter(([, , add]) => !add).map(([k, id]) => [k, id as never]),
      owners: [...this.owners].map(([i, id]) => [i as never, id as never]),
      redirects: redirects
        .filter(([, to]) => to !== null)
        .map(([f, to]) => [f as never, to as never]),
      unredirect: redirects.filter(([, to]) => to === null).map(([f]) => f as never),
      reviews: [...this.reviews.values()],
    };
  }
}

async function runChildren(
  url: string,
  schema: string,
  interactions: readonly Interaction[],
  processes: number,
  writerLease: boolean,
) {
  const script = fileURLToPath(import.meta.url);
  const shares = Array.from({ length: processes }, (_, p) =>
    interactions.filter((_, i) => i % processes === p),
  );
  const children = shares.map((share) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, '--child'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const out = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
    proc.stdin.write(
      `${JSON.stringify({ url, schema, writerLease, interactions: share } satisfies ChildTask)}\n`,
    );
    return { proc, out };
  });
  for (const c of children) {
    const line = await c.out.next();
    if (line.value !== 'ready') throw new Error(`a child did not start: ${String(line.value)}`);
  }
  const t0 = performance.now();
  for (const c of children) c.proc.stdin.write('go\n');
  const reports = await Promise.all(
    children.map(async (c) => JSON.parse(String((await c.out.next()).value)) as ChildReport),
  );
  const wallMs = performance.now() - t0;
  for (const c of children) c.proc.stdin.end();
  const failures = reports.reduce((n, r) => n + r.failures, 0);
  return {
    processes,
    writerLease,
    ...summary(
      reports.flatMap((r) => r.latenciesMs),
      wallMs,
      failures,
    ),
    conflicts: reports.reduce((n, r) => n + r.conflicts, 0),
    failures,
    failureCodes: reports.reduce<Record<string, number>>((all, r) => {
      for (const [code, n] of Object.entries(r.failureCodes)) all[code] = (all[code] ?? 0) + n;
      return all;
    }, {}),
  };
}

async function parent(): Promise<void> {
  const url = arg('--url', process.env.THREADLINE_PG_URL ?? '');
  if (url === '') {
    console.error(
      'Set THREADLINE_PG_URL or pass --url (a throwaway server: eval "$(bash scripts/postgres.sh start)")',
    );
    process.exit(2);
  }
  const target = Number(arg('--customers', '100000'));
  const measure = Number(arg('--measure', '2000'));
  const many = Number(arg('--processes', '4'));
  const schema = `bench_${target}`;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await migratePostgres(pool, { schema });
  const loader = createPostgresStore({ pool, schema, cacheSize: 0 });

  const memory = createMemoryStore();
  let batch = new Batch(0);
  let recording = true;
  let loadMs = 0;
  // One batch is written while the resolver goes on with the next (the two share the cores).
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown;
  const written = async () => {
    await writing;
    if (writeError !== undefined) throw writeError;
  };
  const flush = async () => {
    if (batch.commits === 0) return;
    const change = batch.commit();
    batch = new Batch(change.expectedHead + change.events.length);
    await written();
    const t = performance.now();
    writing = loader.commit(change).then(
      () => {
        loadMs += performance.now() - t;
      },
      (error: unknown) => {
        writeError = error;
      },
    );
  };
  let customers = 0;
  const recorder: ResolverStore = {
    ...memory,
    async commit(change) {
      await memory.commit(change);
      for (const event of change.events) {
        if (event.type === 'customer_created' || event.type === 'customer_split') customers++;
        else if (event.type === 'customers_merged') customers--;
      }
      if (!recording) return;
      batch.add(change);
      if (batch.commits >= 5000) await flush();
    },
  };
  const resolver = createResolver({ ...resolverOptions, store: recorder });
  const tail: Interaction[] = [];
  let populationInteractions = 0;
  const t0 = performance.now();
  for (const item of generateInteractions({ people: target, seed: 17 })) {
    if (customers < target) {
      await resolver.ingest(item.interaction);
      populationInteractions++;
      if (populationInteractions % 100_000 === 0)
        console.error(`populated ${populationInteractions} interactions, ${customers} customers…`);
    } else if (tail.length < 3 * measure) tail.push(item.interaction);
    else break;
  }
  if (tail.length < 3 * measure) throw new Error('the stream ended before the measured batches');
  await flush();
  await written();
  const populateSeconds = (performance.now() - t0) / 1000;
  recording = false;
  console.error('vacuum, analyze, checkpoint…');
  for (const table of [
    'customers',
    'index_keys',
    'key_counts',
    'owners',
    'redirects',
    'events',
    'reviews',
  ])
    await pool.query(`VACUUM ANALYZE "${schema}"."${table}"`);
  await pool.query('CHECKPOINT').catch(() => undefined);
  const count = async (sql: string) => Number((await pool.query(sql)).rows[0]?.n);
  const population = {
    interactions: populationInteractions,
    customers: await count(`SELECT count(*) AS n FROM "${schema}".customers`),
    indexEntries: await count(`SELECT count(*) AS n FROM "${schema}".index_keys`),
    events: await count(`SELECT head AS n FROM "${schema}".log_head`),
    databaseMiB: Math.round(
      (await count(
        `SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${schema}' AND c.relkind = 'r'`,
      )) /
        2 ** 20,
    ),
    loadedVia:
      'the resolver over the memory store; its commits merged 5,000 at a time into single PostgreSQL commits (a loading shortcut, not ingest)',
    populateSeconds: round3(populateSeconds),
    postgresWriteSeconds: round3(loadMs / 1000),
  };

  const batches = [0, 1, 2].map((k) => tail.slice(k * measure, (k + 1) * measure));
  const inMemory = async (interactions: readonly Interaction[]) => {
    const latencies: number[] = [];
    const start = performance.now();
    for (const interaction of interactions) {
      const a = performance.now();
      await resolver.ingest(interaction);
      latencies.push(performance.now() - a);
    }
    return { processes: 1, ...summary(latencies, performance.now() - start) };
  };
  // Each batch starts both stores from the same state: the memory store ingests it, then
  // PostgreSQL from its processes.
  const runs = [
    { processes: 1, writerLease: true },
    { processes: many, writerLease: true },
    { processes: many, writerLease: false },
  ];
  const measured = [];
  for (const [k, run] of runs.entries()) {
    const interactions = batches[k] ?? [];
    console.error(`measuring ${interactions.length} ingests, ${run.processes} process(es)…`);
    const memoryRun = await inMemory(interactions);
    const postgresRun = await runChildren(
      url,
      schema,
      interactions,
      run.processes,
      run.writerLease,
    );
    const memoryHead = await memory.head();
    const postgresHead = await loader.head();
    measured.push({
      interactions: interactions.length,
      memory: memoryRun,
      postgres: postgresRun,
      ...(run.processes === 1
        ? { sameLogLengthAsMemory: memoryHead === postgresHead }
        : { logLength: { memory: memoryHead, postgres: postgresHead } }),
    });
  }

  const setting = async (name: string) =>
    String((await pool.query(`SELECT current_setting($1) AS v`, [name])).rows[0]?.v);
  const result = {
    benchmark: 'postgres-store',
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      note: 'PostgreSQL runs on the same machine and shares its cores with the benchmark processes',
    },
    postgres: {
      version: await setting('server_version'),
      fsync: await setting('fsync'),
      synchronousCommit: await setting('synchronous_commit'),
      sharedBuffers: await setting('shared_buffers'),
    },
    population,
    measured:
      'each ingest is a real resolver.ingest against the populated store: reads, scoring, one conditional commit, recomputed on conflict (the default budget of 8 retries; failures are ingests that exhausted it); ingestsPerSecond counts successes over the wall time of the run',
    runs: measured,
  };
  if (!process.argv.includes('--keep')) await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
  console.log(JSON.stringify(result, null, 2));
}

if (process.argv.includes('--child')) await child();
else await parent();

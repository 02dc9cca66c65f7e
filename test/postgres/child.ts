// A separate backend process for the PostgreSQL tests: `node --import tsx test/postgres/child.ts
// '<task as JSON>'`. It speaks in lines on stdout: `ready`, then `inside <pid>` (hang mode) or
// `result <json>` (ingest mode).
import { createInterface } from 'node:readline';
import { createResolver, ThreadlineError } from '../../src/index.js';
import { createPostgresStore } from '../../src/postgres/index.js';
import { type ChildReport, type ChildResult, type ChildTask, clock } from './fixtures.js';

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
const say = (line: string) => process.stdout.write(`${line}\n`);

if (task.mode === 'ingest') {
  const store = createPostgresStore({ connectionString: task.url, schema: task.schema });
  // Counts the races this process lost (each one a commit refused and recomputed).
  let conflicts = 0;
  const counting = {
    ...store,
    commit: (change: Parameters<typeof store.commit>[0]) =>
      store.commit(change).catch((error: unknown) => {
        if (error instanceof ThreadlineError && error.code === 'store_conflict') conflicts++;
        throw error;
      }),
  };
  // A generous retry budget: losing races is this process's whole job.
  const resolver = createResolver({ store: counting, now: clock, retries: 100 });
  await store.ready();
  await store.head();
  const lines = createInterface({ input: process.stdin });
  say('ready');
  for await (const line of lines) if (line === 'go') break;
  const results: ChildResult[] = [];
  for (const interaction of task.interactions) {
    const r = await resolver.ingest(interaction);
    results.push({
      id: String(interaction.id),
      customerId: r.customerId,
      duplicate: r.decision.duplicate,
      events: r.events.length,
    });
  }
  say(`result ${JSON.stringify({ results, conflicts } satisfies ChildReport)}`);
  lines.close();
  await store.close();
} else if (task.mode === 'hang') {
  const store = createPostgresStore({
    connectionString: task.url,
    schema: task.schema,
    insideCommit: async ({ backendPid }) => {
      say(`inside ${backendPid}`);
      // Holds the transaction open until the parent kills this process.
      await new Promise(() => undefined);
    },
  });
  const resolver = createResolver({ store, now: clock });
  say('ready');
  await resolver.ingest(task.interaction);
  say('finished (it should have been killed first)');
}

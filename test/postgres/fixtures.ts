// Shared by the PostgreSQL tests and their child processes: made-up contacts of one customer,
// a consistency audit of a store, and the connection settings.
import type pg from 'pg';
import {
  type CustomerRecord,
  type InteractionInput,
  type ResolverEvent,
  type ResolverStore,
  replayEvents,
} from '../../src/index.js';

export const NOW = '2026-03-10T12:00:00.000Z';
export const clock = () => NOW;

export { emptyStoreCommit as emptyCommit } from '../../src/resolve/store.js';

const verified = { level: 'verified', method: 'channel_native' } as const;

/**
 * The `k`-th contact from Ana Souza: every one shows her verified email, so the resolver must
 * put all of them on one customer, whoever ingests them and in whatever order.
 */
export function anaContact(id: string, k: number): InteractionInput {
  const channels = ['email', 'sms', 'chat'] as const;
  const channel = channels[k % channels.length] ?? 'email';
  const startedAt = new Date(Date.parse('2026-03-01T09:00:00Z') + k * 60_000).toISOString();
  const identifiers: InteractionInput['identifiers'] =
    channel === 'sms'
      ? [
          { kind: 'phone', value: '+13102461501', trust: verified },
          { kind: 'email', value: 'ana.souza84@gmail.com', trust: verified },
        ]
      : [{ kind: 'email', value: 'ana.souza84@gmail.com', trust: verified }];
  return {
    id,
    channel,
    startedAt,
    identifiers,
    participants: [{ role: 'customer', name: 'Ana Souza' }],
  };
}

/** Everything a store holds that a fold of its events determines, checked against that fold. */
export interface Audit {
  readonly head: number;
  readonly events: readonly ResolverEvent[];
  readonly customers: readonly CustomerRecord[];
}

async function allCustomers(store: ResolverStore): Promise<CustomerRecord[]> {
  const out: CustomerRecord[] = [];
  for (let after: string | undefined; ; ) {
    const page = await store.listCustomers(after, 500);
    out.push(...page);
    if (page.length < 500) return out;
    after = page[page.length - 1]?.id;
  }
}

/**
 * Audits a store: the log is contiguous from 1 to the head, replaying it gives exactly the
 * customers, owners, redirects and reviews stored, and (through SQL) every interaction has one
 * owner and the holder counts match the index. Throws on the first difference.
 */
export async function audit(store: ResolverStore, pool: pg.Pool, schema: string): Promise<Audit> {
  const head = await store.head();
  const events = await store.events(0, Number.POSITIVE_INFINITY);
  const seqs = events.map((e) => e.seq);
  const contiguous = seqs.every((seq, i) => seq === i + 1);
  if (!contiguous || seqs.length !== head)
    throw new Error(`the log is not 1..${head}: ${JSON.stringify(seqs)}`);
  const state = replayEvents(events);
  const customers = await allCustomers(store);
  const expected = [...state.customers.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (JSON.stringify(customers) !== JSON.stringify(expected))
    throw new Error('the stored customers differ from the replay of the log');
  const interactionIds = [...state.owners.keys()];
  const owners = await store.owners(interactionIds);
  interactionIds.forEach((id, i) => {
    if (owners[i] !== state.owners.get(id))
      throw new Error(`interaction ${id}: owner ${owners[i]}, replay says ${state.owners.get(id)}`);
  });
  const redirected = [...state.redirects.keys()];
  const redirects = await store.redirects(redirected);
  redirected.forEach((id, i) => {
    if (redirects[i] !== state.redirects.get(id))
      throw new Error(`redirect of ${id} differs from the replay`);
  });
  const reviewIds = [...state.reviews.keys()];
  const reviews = await store.getReviews(reviewIds);
  if (JSON.stringify(reviews) !== JSON.stringify([...state.reviews.values()]))
    throw new Error('the stored reviews differ from the replay');
  const q = (table: string) => `"${schema}"."${table}"`;
  const sql = async (text: string) => Number((await pool.query(text)).rows[0]?.n);
  const ownerRows = await sql(`SELECT count(*) AS n FROM ${q('owners')}`);
  if (ownerRows !== state.owners.size)
    throw new Error(`${ownerRows} owner rows for ${state.owners.size} interactions`);
  const held = customers.flatMap((c) => c.interactions.map((i) => i.id));
  if (new Set(held).size !== held.length || held.length !== state.owners.size)
    throw new Error('an interaction is held twice, or not at all');
  const miscounted = await sql(
    `SELECT count(*) AS n FROM ${q('key_counts')} AS c
     FULL JOIN (SELECT key, count(*) AS total FROM ${q('index_keys')} GROUP BY key) AS i
     USING (key) WHERE c.total IS DISTINCT FROM i.total`,
  );
  if (miscounted !== 0) throw new Error(`${miscounted} keys with a wrong holder count`);
  return { head, events, customers };
}

/** What a child process reports for each interaction it ingested. */
export interface ChildResult {
  readonly id: string;
  readonly customerId: string;
  readonly duplicate: boolean;
  readonly events: number;
}

/** What a child process reports when it is done. */
export interface ChildReport {
  readonly results: readonly ChildResult[];
  /** Commits it had refused because another process moved the head first. */
  readonly conflicts: number;
}

/** What a child process is asked to do (passed as JSON in argv). */
export type ChildTask =
  | {
      /** Ingest these interactions once the parent writes `go`, then report. */
      readonly mode: 'ingest';
      readonly url: string;
      readonly schema: string;
      readonly interactions: readonly InteractionInput[];
    }
  | {
      /** Ingest one interaction and stop inside the commit's transaction, for ever. */
      readonly mode: 'hang';
      readonly url: string;
      readonly schema: string;
      readonly interaction: InteractionInput;
    };

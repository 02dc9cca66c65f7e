import fc from 'fast-check';
import { ThreadlineError } from '../core/errors.js';
import type { CustomerId, InteractionId } from '../model/ids.js';
import type { CustomerRecord, ResolverEvent, Review } from '../resolve/records.js';
import { createResolver } from '../resolve/resolver.js';
import { createMemoryStore, emptyStoreCommit, type ResolverStore } from '../resolve/store.js';
import type { Law } from './law.js';
import { contactStreamArbitrary } from './resolver-laws.js';

/**
 * Options for {@link storeConformance}.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from 'threadline';
 * import type { StoreConformanceOptions } from 'threadline/testing';
 *
 * const options: StoreConformanceOptions = { createStore: async () => createMemoryStore(), numRuns: 10 };
 * console.log(options.numRuns);
 * ```
 */
export interface StoreConformanceOptions {
  /** A fresh, empty store on every call (a new schema, a truncated table set). */
  readonly createStore: () => Promise<ResolverStore>;
  /** Runs of the property that replays resolver work against the reference store (default 15). */
  readonly numRuns?: number;
  /** Seed for reproducible runs. */
  readonly seed?: number;
}

const AT = '2026-03-01T09:00:00.000Z';
const cid = (s: string) => s as CustomerId;
const iid = (s: string) => s as InteractionId;

function customer(id: string, interactions: readonly string[]): CustomerRecord {
  return {
    id: cid(id),
    createdAt: AT,
    updatedAt: AT,
    interactions: interactions.map((i) => ({
      id: iid(i),
      channel: 'email',
      at: AT,
      identifiers: [],
      fields: {},
      confidence: 1,
    })),
    attached: [],
    detached: [],
    cannotLink: [],
    mergedFrom: [],
  };
}

function created(seq: number, record: CustomerRecord): ResolverEvent {
  return {
    type: 'customer_created',
    seq,
    at: AT,
    actor: { kind: 'automatic' },
    customerId: record.id,
    interaction: record.interactions[0] as CustomerRecord['interactions'][number],
  };
}

function fail(name: string, message: string): never {
  throw new Error(`Store law "${name}" fails: ${message}`);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function expectSame(name: string, what: string, actual: unknown, expected: unknown): void {
  if (!same(actual, expected))
    fail(name, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function expectConflict(name: string, work: Promise<unknown>): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ThreadlineError) || error.code !== 'store_conflict')
    fail(name, `expected a ThreadlineError with code store_conflict, got ${String(error)}`);
}

/** Everything a store can be asked, for comparing two stores. */
async function readAll(
  store: ResolverStore,
  keys: readonly string[],
  interactions: readonly string[],
) {
  const customers: CustomerRecord[] = [];
  for (let after: string | undefined; ; ) {
    const page = await store.listCustomers(after, 7);
    customers.push(...page);
    if (page.length < 7) break;
    after = page[page.length - 1]?.id;
  }
  const ids = customers.map((c) => c.id);
  return {
    head: await store.head(),
    events: await store.events(0, 1_000_000),
    customers,
    byId: await store.getCustomers(ids),
    lookup: await store.lookup(keys, 3),
    owners: await store.owners(interactions),
    reviews: await store.openReviews(1000),
  };
}

/**
 * The contract of a resolver store, as checks an adopter runs against their own store (a
 * database-backed one): atomic, conditional commits; reads that return what was committed;
 * posting limits; paging; and, as a property, behaving exactly like the embedded memory store
 * under the writes a real resolver makes.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from 'threadline';
 * import { storeConformance } from 'threadline/testing';
 *
 * const laws = storeConformance({ createStore: async () => createMemoryStore(), numRuns: 3 });
 * for (const law of laws) await law.check();
 * console.log(laws.map((l) => l.name).length); // 6
 * ```
 */
export function storeConformance(options: StoreConformanceOptions): readonly Law[] {
  const make = options.createStore;
  return [
    {
      name: 'an empty store holds nothing',
      check: async () => {
        const name = 'empty';
        const store = await make();
        expectSame(name, 'head', await store.head(), 0);
        expectSame(name, 'events', await store.events(0, 10), []);
        expectSame(name, 'customers', await store.getCustomers(['cus_x']), [undefined]);
        expectSame(name, 'lookup', await store.lookup(['k'], 5), [
          { key: 'k', customerIds: [], total: 0 },
        ]);
        expectSame(name, 'owners', await store.owners(['i']), [undefined]);
        expectSame(name, 'redirects', await store.redirects(['cus_x']), [undefined]);
        expectSame(name, 'reviews', await store.openReviews(10), []);
        expectSame(name, 'list', await store.listCustomers(undefined, 10), []);
      },
    },
    {
      name: 'a commit applies all of its parts',
      check: async () => {
        const name = 'commit';
        const store = await make();
        const a = customer('cus_a', ['i1']);
        const b = customer('cus_b', ['i2']);
        const review: Review = {
          id: 'rev_2',
          status: 'open',
          customerId: b.id,
          candidates: [{ customerId: a.id, probability: 0.8, weight: 2 }],
          requestedAt: AT,
          answers: [],
        };
        await store.commit({
          ...emptyStoreCommit(0),
          events: [created(1, a), created(2, b)],
          put: [a, b],
          indexAdd: [
            ['k1', a.id],
            ['k1', b.id],
            ['k2', b.id],
          ],
          owners: [
            [iid('i1'), a.id],
            [iid('i2'), b.id],
          ],
          reviews: [review],
        });
        expectSame(name, 'head', await store.head(), 2);
        expectSame(name, 'customers', await store.getCustomers(['cus_b', 'cus_a', 'cus_z']), [
          b,
          a,
          undefined,
        ]);
        expectSame(name, 'lookup', await store.lookup(['k1', 'k2'], 5), [
          { key: 'k1', customerIds: ['cus_a', 'cus_b'], total: 2 },
          { key: 'k2', customerIds: ['cus_b'], total: 1 },
        ]);
        const [over] = await store.lookup(['k1'], 1);
        if (over?.total !== 2) fail(name, `total must be exact past the limit, got ${over?.total}`);
        expectSame(name, 'owners', await store.owners(['i2', 'i1']), ['cus_b', 'cus_a']);
        expectSame(name, 'reviews', await store.getReviews(['rev_2']), [review]);
        expectSame(name, 'open reviews', await store.openReviews(10), [review]);
        // A merge: b goes, its keys go, it redirects to a.
        const merged = customer('cus_a', ['i1', 'i2']);
        await store.commit({
          ...emptyStoreCommit(2),
          events: [
            {
              type: 'customers_merged',
              seq: 3,
              at: AT,
              actor: { kind: 'admin' },
              survivor: a.id,
              absorbed: b.id,
            },
          ],
          put: [merged],
          remove: [b.id],
          indexAdd: [['k2', a.id]],
          indexRemove: [
            ['k1', b.id],
            ['k2', b.id],
          ],
          owners: [[iid('i2'), a.id]],
          redirects: [[b.id, a.id]],
          reviews: [{ ...review, status: 'confirmed', resolvedAt: AT }],
        });
        expectSame(name, 'after merge', await store.getCustomers(['cus_a', 'cus_b']), [
          merged,
          undefined,
        ]);
        expectSame(name, 'redirect', await store.redirects(['cus_b']), ['cus_a']);
        expectSame(name, 'index after merge', await store.lookup(['k1', 'k2'], 5), [
          { key: 'k1', customerIds: ['cus_a'], total: 1 },
          { key: 'k2', customerIds: ['cus_a'], total: 1 },
        ]);
        expectSame(name, 'open reviews after', await store.openReviews(10), []);
        await store.commit({ ...emptyStoreCommit(3), unredirect: [b.id] });
        expectSame(name, 'unredirect', await store.redirects(['cus_b']), [undefined]);
        expectSame(
          name,
          'events',
          (await store.events(1, 1)).map((e) => e.seq),
          [2],
        );
        expectSame(
          name,
          'events after',
          (await store.events(0, 10)).map((e) => e.seq),
          [1, 2, 3],
        );
      },
    },
    {
      name: 'a commit against a stale head changes nothing',
      check: async () => {
        const name = 'stale head';
        const store = await make();
        const a = customer('cus_a', ['i1']);
        await store.commit({
          ...emptyStoreCommit(0),
          events: [created(1, a)],
          put: [a],
          indexAdd: [['k', a.id]],
        });
        const b = customer('cus_b', ['i2']);
        await expectConflict(
          name,
          store.commit({
            ...emptyStoreCommit(0),
            events: [created(1, b)],
            put: [b],
            indexAdd: [['k', b.id]],
          }),
        );
        expectSame(name, 'head', await store.head(), 1);
        expectSame(name, 'customers', await store.getCustomers(['cus_b']), [undefined]);
        expectSame(name, 'lookup', await store.lookup(['k'], 5), [
          { key: 'k', customerIds: ['cus_a'], total: 1 },
        ]);
      },
    },
    {
      name: 'of two commits racing from one head, exactly one lands',
      check: async () => {
        const name = 'race';
        const store = await make();
        const a = customer('cus_a', ['i1']);
        const b = customer('cus_b', ['i2']);
        const results = await Promise.allSettled([
          store.commit({ ...emptyStoreCommit(0), events: [created(1, a)], put: [a] }),
          store.commit({ ...emptyStoreCommit(0), events: [created(1, b)], put: [b] }),
        ]);
        const landed = results.filter((r) => r.status === 'fulfilled').length;
        if (landed !== 1) fail(name, `${landed} commits landed`);
        expectSame(name, 'head', await store.head(), 1);
        const live = (await store.getCustomers(['cus_a', 'cus_b'])).filter((c) => c !== undefined);
        expectSame(name, 'customers', live.length, 1);
      },
    },
    {
      name: 'customers are listed by id, page by page',
      check: async () => {
        const name = 'paging';
        const store = await make();
        const ids = ['cus_c', 'cus_a', 'cus_e', 'cus_b', 'cus_d'];
        const records = ids.map((id, k) => customer(id, [`i${k}`]));
        await store.commit({
          ...emptyStoreCommit(0),
          events: records.map((r, k) => created(k + 1, r)),
          put: records,
        });
        expectSame(
          name,
          'first page',
          (await store.listCustomers(undefined, 2)).map((c) => c.id),
          ['cus_a', 'cus_b'],
        );
        expectSame(
          name,
          'next page',
          (await store.listCustomers('cus_b', 2)).map((c) => c.id),
          ['cus_c', 'cus_d'],
        );
        expectSame(
          name,
          'last page',
          (await store.listCustomers('cus_d', 2)).map((c) => c.id),
          ['cus_e'],
        );
      },
    },
    {
      name: 'under a real resolver it behaves like the memory store',
      check: async () => {
        const result = await fc.check(
          fc.asyncProperty(contactStreamArbitrary(), async (stream) => {
            const reference = createMemoryStore();
            const subject = await make();
            const now = () => AT;
            const a = createResolver({ store: reference, now });
            const b = createResolver({ store: subject, now });
            for (const interaction of stream) {
              await a.ingest(interaction);
              await b.ingest(interaction);
            }
            const keys = (await a.customers()).flatMap((c) =>
              c.interactions.flatMap((i) => i.identifiers.map((e) => e.key)),
            );
            const interactions = stream.map((i) => i.id);
            return same(
              await readAll(reference, keys, interactions),
              await readAll(subject, keys, interactions),
            );
          }),
          {
            numRuns: options.numRuns ?? 15,
            ...(options.seed === undefined ? {} : { seed: options.seed }),
          },
        );
        if (result.failed)
          fail(
            'same as memory',
            `after ingesting ${JSON.stringify(result.counterexample?.[0])}, the store's reads differ from the memory store's (seed ${result.seed})`,
          );
      },
    },
  ];
}

import { ThreadlineError } from '../core/errors.js';
import type { CustomerId, InteractionId } from '../model/ids.js';
import type { CustomerRecord, ResolverEvent, Review } from './records.js';
import { flatString } from './strings.js';

/**
 * The customers holding one index key. `total` is always exact; `customerIds` lists all of them
 * when `total` is at most the limit asked for, and may be empty otherwise (a key that common is
 * not selective, and the resolver never reads its holders).
 *
 * @example
 * ```ts
 * import type { Posting } from 'threadline';
 *
 * const p: Posting = { key: 'email:ana@example.com', customerIds: ['cus_1' as never], total: 1 };
 * console.log(p.total);
 * ```
 */
export interface Posting {
  /** The index key. */
  readonly key: string;
  /** Its holders, sorted, when there are at most `limit` of them. */
  readonly customerIds: readonly CustomerId[];
  /** How many customers hold it. */
  readonly total: number;
}

/**
 * One atomic change to a store: the events to append and the state they produce. A store applies
 * all of it or none of it, and only when its head is still `expectedHead` (otherwise another
 * writer got there first and the resolver retries).
 *
 * @example
 * ```ts
 * import type { StoreCommit } from 'threadline';
 *
 * const nothing: StoreCommit = { expectedHead: 0, events: [], put: [], remove: [], indexAdd: [], indexRemove: [], owners: [], redirects: [], unredirect: [], reviews: [] };
 * console.log(nothing.events.length); // 0
 * ```
 */
export interface StoreCommit {
  /** The head the change was computed against. */
  readonly expectedHead: number;
  /** Events to append, with consecutive `seq` from `expectedHead + 1`. */
  readonly events: readonly ResolverEvent[];
  /** Customers created or changed (whole records). */
  readonly put: readonly CustomerRecord[];
  /** Customers that no longer exist (absorbed by a merge). */
  readonly remove: readonly CustomerId[];
  /** Index entries to add: key, customer. */
  readonly indexAdd: readonly (readonly [string, CustomerId])[];
  /** Index entries to remove: key, customer. */
  readonly indexRemove: readonly (readonly [string, CustomerId])[];
  /** Which customer now holds each interaction. */
  readonly owners: readonly (readonly [InteractionId, CustomerId])[];
  /** Absorbed ids and where they went. */
  readonly redirects: readonly (readonly [CustomerId, CustomerId])[];
  /** Ids that live again (a split revived them) and no longer redirect. */
  readonly unredirect: readonly CustomerId[];
  /** Reviews created or changed (whole records). */
  readonly reviews: readonly Review[];
}

/**
 * A change that changes nothing, computed against the log at `expectedHead`: spread it and set
 * the parts a change has.
 *
 * @internal
 */
export function emptyStoreCommit(expectedHead: number): StoreCommit {
  return {
    expectedHead,
    events: [],
    put: [],
    remove: [],
    indexAdd: [],
    indexRemove: [],
    owners: [],
    redirects: [],
    unredirect: [],
    reviews: [],
  };
}

/**
 * Where the resolver keeps customers, its index of keys → customers, and its event log. Every
 * method is asynchronous so that a database can implement it; {@link createMemoryStore} is the
 * embedded default. `threadline/testing` ships a conformance suite (`storeConformance`) that
 * checks any implementation against this contract.
 *
 * The contract, beyond the types:
 * - `commit` is atomic and conditional on `expectedHead` (throw a `ThreadlineError` with code
 *   `store_conflict` otherwise, changing nothing);
 * - reads return what the last successful commit left, records as stored (treat them as
 *   immutable);
 * - `events(after, limit)` returns events with `seq > after`, in order, at most `limit`.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type ResolverStore } from 'threadline';
 *
 * const store: ResolverStore = createMemoryStore();
 * console.log(await store.head()); // 0
 * ```
 */
export interface ResolverStore {
  /** The `seq` of the last event (0 when the log is empty). */
  head(): Promise<number>;
  /** Customers by id, in the order asked (undefined for ids not live). */
  getCustomers(ids: readonly string[]): Promise<readonly (CustomerRecord | undefined)[]>;
  /** For each key, its holders (see {@link Posting}). */
  lookup(keys: readonly string[], limit: number): Promise<readonly Posting[]>;
  /** The customer holding each interaction, in the order asked. */
  owners(interactionIds: readonly string[]): Promise<readonly (CustomerId | undefined)[]>;
  /** Where each absorbed id went (one step; undefined for ids never absorbed). */
  redirects(ids: readonly string[]): Promise<readonly (CustomerId | undefined)[]>;
  /** Reviews by id, in the order asked. */
  getReviews(ids: readonly string[]): Promise<readonly (Review | undefined)[]>;
  /** Open reviews, oldest first, at most `limit`. */
  openReviews(limit: number): Promise<readonly Review[]>;
  /** Applies a change atomically (see {@link StoreCommit}). */
  commit(change: StoreCommit): Promise<void>;
  /** Events after `after`, in order, at most `limit`. */
  events(after: number, limit: number): Promise<readonly ResolverEvent[]>;
  /** Live customers with ids greater than `after` (all when undefined), by id, at most `limit`. */
  listCustomers(after: string | undefined, limit: number): Promise<readonly CustomerRecord[]>;
}

/** Postings as a single id (the common case) or a sorted array, to keep the index small. */
type Holders = CustomerId | CustomerId[];

function conflict(expected: number, head: number): ThreadlineError {
  return new ThreadlineError('store_conflict', 'The store changed since the change was computed', [
    {
      code: 'store_conflict',
      path: ['expectedHead'],
      message: `expected head ${expected}, the store is at ${head}`,
    },
  ]);
}

function invalidCommit(message: string, path: (string | number)[]): ThreadlineError {
  return new ThreadlineError('store_failure', 'The commit is inconsistent', [
    { code: 'invalid_commit', path, message },
  ]);
}

/**
 * The embedded store: everything in memory, in this process. Fast (a lookup is a map read),
 * bounded by what it holds (one entry per customer, interaction, key and event), and lost when
 * the process ends unless exported (see the resolver's `exportSnapshot`).
 *
 * @example
 * ```ts
 * import { createMemoryStore, createResolver } from 'threadline';
 *
 * const resolver = createResolver({ store: createMemoryStore(), now: () => new Date('2026-03-01T09:00:00Z') });
 * await resolver.ingest({ id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z', identifiers: [{ kind: 'email', value: 'ana@example.com' }] });
 * console.log((await resolver.customers()).length); // 1
 * ```
 */
export function createMemoryStore(): ResolverStore {
  const customers = new Map<string, CustomerRecord>();
  const index = new Map<string, Holders>();
  const owners = new Map<string, CustomerId>();
  const redirects = new Map<string, CustomerId>();
  const reviews = new Map<string, Review>();
  const log: ResolverEvent[] = [];
  // Customer ids in order, rebuilt only after a commit adds or removes a customer: paging
  // through every customer (an export) must not sort the whole map once per page.
  let sortedIds: string[] | undefined;

  const addHolder = (key: string, id: CustomerId) => {
    const holders = index.get(key);
    // A new key is kept for good: flat, not the concatenation it was built as.
    if (holders === undefined) index.set(flatString(key), id);
    else if (typeof holders === 'string') {
      if (holders !== id) index.set(key, holders < id ? [holders, id] : [id, holders]);
    } else {
      let lo = 0;
      let hi = holders.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((holders[mid] as string) < id) lo = mid + 1;
        else hi = mid;
      }
      if (holders[lo] !== id) holders.splice(lo, 0, id);
    }
  };
  const removeHolder = (key: string, id: CustomerId) => {
    const holders = index.get(key);
    if (holders === undefined) return;
    if (typeof holders === 'string') {
      if (holders === id) index.delete(key);
      return;
    }
    const at = holders.indexOf(id);
    if (at < 0) return;
    holders.splice(at, 1);
    if (holders.length === 1) index.set(key, holders[0] as CustomerId);
  };

  const validate = (change: StoreCommit) => {
    const head = log.length;
    if (change.expectedHead !== head) throw conflict(change.expectedHead, head);
    change.events.forEach((event, i) => {
      if (event.seq !== head + 1 + i)
        throw invalidCommit(`expected seq ${head + 1 + i}, got ${event.seq}`, ['events', i, 'seq']);
    });
  };

  return {
    async head() {
      return log.length;
    },
    async getCustomers(ids) {
      return ids.map((id) => customers.get(id));
    },
    async lookup(keys, limit) {
      return keys.map((key) => {
        const holders = index.get(key);
        if (holders === undefined) return { key, customerIds: [], total: 0 };
        if (typeof holders === 'string') return { key, customerIds: [holders], total: 1 };
        return {
          key,
          customerIds: holders.length <= limit ? holders.slice() : [],
          total: holders.length,
        };
      });
    },
    async owners(interactionIds) {
      return interactionIds.map((id) => owners.get(id));
    },
    async redirects(ids) {
      return ids.map((id) => redirects.get(id));
    },
    async getReviews(ids) {
      return ids.map((id) => reviews.get(id));
    },
    async openReviews(limit) {
      const out: Review[] = [];
      for (const review of reviews.values()) {
        if (out.length >= limit) break;
        if (review.status === 'open') out.push(review);
      }
      return out;
    },
    async commit(change) {
      // Everything that can fail is checked before anything changes.
      validate(change);
      for (const event of change.events) log.push(event);
      for (const id of change.remove) if (customers.delete(id)) sortedIds = undefined;
      for (const record of change.put) {
        if (sortedIds !== undefined && !customers.has(record.id)) sortedIds = undefined;
        customers.set(record.id, record);
      }
      for (const [key, id] of change.indexRemove) removeHolder(key, id);
      for (const [key, id] of change.indexAdd) addHolder(key, id);
      for (const [interaction, id] of change.owners) owners.set(interaction, id);
      for (const [from, to] of change.redirects) redirects.set(from, to);
      for (const id of change.unredirect) redirects.delete(id);
      for (const review of change.reviews) reviews.set(review.id, review);
    },
    async events(after, limit) {
      return log.slice(Math.max(0, after), Math.max(0, after) + Math.max(0, limit));
    },
    async listCustomers(after, limit) {
      if (sortedIds === undefined) sortedIds = [...customers.keys()].sort();
      const ids = sortedIds;
      let lo = 0;
      if (after !== undefined) {
        let hi = ids.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((ids[mid] as string) <= after) lo = mid + 1;
          else hi = mid;
        }
      }
      // The same count as `slice(0, limit)` of the ids after `after`, for any limit.
      const rest = ids.length - lo;
      const n = Math.trunc(limit) || 0;
      const take = n < 0 ? Math.max(0, rest + n) : Math.min(rest, n);
      const out: CustomerRecord[] = new Array(take);
      for (let k = 0; k < take; k++)
        out[k] = customers.get(ids[lo + k] as string) as CustomerRecord;
      return out;
    },
  };
}

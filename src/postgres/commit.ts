import type { CustomerRecord, Review } from '../resolve/records.js';
import type { StoreCommit } from '../resolve/store.js';

/**
 * A {@link StoreCommit} as the arguments of the commit function, in its parameter order. Each
 * part is reduced to what the memory store would end up with: a customer, owner or redirect
 * written twice keeps the last value; a review written twice keeps its first place and its last
 * value; index entries and removals count once.
 */
export interface CommitParameters {
  /** The arguments, in the order the SQL function declares them. */
  readonly values: readonly unknown[];
  /** The customers written, by id, as they will read back. */
  readonly put: ReadonlyMap<string, CustomerRecord>;
}

/** Both halves of index entries, in parallel arrays, each pair once. */
function pairs(entries: readonly (readonly [string, string])[]): [string[], string[]] {
  const seen = new Set<string>();
  const keys: string[] = [];
  const ids: string[] = [];
  for (const [key, id] of entries) {
    // Neither half can hold U+0000 (PostgreSQL text cannot), so it separates them safely.
    const both = `${key}\u0000${id}`;
    if (seen.has(both)) continue;
    seen.add(both);
    keys.push(key);
    ids.push(id);
  }
  return [keys, ids];
}

function lastWins(entries: readonly (readonly [string, string])[]): [string[], string[]] {
  const map = new Map<string, string>();
  for (const [from, to] of entries) map.set(from, to);
  return [[...map.keys()], [...map.values()]];
}

const jsonArray = (values: Iterable<unknown>): string => {
  const parts: string[] = [];
  for (const value of values) parts.push(JSON.stringify(value));
  return `[${parts.join(',')}]`;
};

/** Turns a commit into the commit function's arguments. */
export function commitParameters(change: StoreCommit): CommitParameters {
  const put = new Map<string, CustomerRecord>();
  for (const record of change.put) put.set(record.id, record);
  const reviews = new Map<string, Review>();
  for (const review of change.reviews) reviews.set(review.id, review);
  const [removeKeys, removeIds] = pairs(change.indexRemove);
  const [addKeys, addIds] = pairs(change.indexAdd);
  const [ownerInteractions, ownerCustomers] = lastWins(change.owners);
  const [redirectFrom, redirectTo] = lastWins(change.redirects);
  return {
    values: [
      change.expectedHead,
      jsonArray(change.events),
      [...put.keys()],
      jsonArray(put.values()),
      [...new Set<string>(change.remove)],
      removeKeys,
      removeIds,
      addKeys,
      addIds,
      ownerInteractions,
      ownerCustomers,
      redirectFrom,
      redirectTo,
      [...new Set<string>(change.unredirect)],
      jsonArray(reviews.values()),
    ],
    put,
  };
}

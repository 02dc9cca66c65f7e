import { ThreadlineError } from '../core/errors.js';
import type { CustomerId } from '../model/ids.js';
import type {
  CustomerRecord,
  IdentifierEntry,
  InteractionEntry,
  ResolverEvent,
  Review,
} from './records.js';

/**
 * The resolver's state as plain maps: the fold of its events. Records are replaced, never
 * mutated, so a caller holding an old record can compare it with the new one.
 *
 * @example
 * ```ts
 * import { emptyResolverState } from 'threadline';
 *
 * const state = emptyResolverState();
 * console.log(state.head, state.customers.size); // 0 0
 * ```
 */
export interface ResolverState {
  /** The `seq` of the last event applied (0 for none). */
  head: number;
  /** Live customers by id. */
  readonly customers: Map<string, CustomerRecord>;
  /** Which customer holds each interaction. */
  readonly owners: Map<string, CustomerId>;
  /** Absorbed customer ids and the customer each was merged into. */
  readonly redirects: Map<string, CustomerId>;
  /** Reviews by id. */
  readonly reviews: Map<string, Review>;
}

/**
 * A state with no events applied.
 *
 * @example
 * ```ts
 * import { emptyResolverState } from 'threadline';
 *
 * console.log(emptyResolverState().reviews.size); // 0
 * ```
 */
export function emptyResolverState(): ResolverState {
  return {
    head: 0,
    customers: new Map(),
    owners: new Map(),
    redirects: new Map(),
    reviews: new Map(),
  };
}

const byTimeThenId = (a: InteractionEntry, b: InteractionEntry) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function insertInteraction(
  list: readonly InteractionEntry[],
  entry: InteractionEntry,
): InteractionEntry[] {
  let i = list.length;
  // Interactions mostly arrive in time order: scan from the end.
  while (i > 0 && byTimeThenId(list[i - 1] as InteractionEntry, entry) > 0) i--;
  // Built exactly sized (a splice into a copy would grow it with slack the record keeps).
  return i === list.length ? list.concat([entry]) : list.slice(0, i).concat([entry], list.slice(i));
}

function mergeInteractions(
  a: readonly InteractionEntry[],
  b: readonly InteractionEntry[],
): InteractionEntry[] {
  const out: InteractionEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as InteractionEntry;
    const y = b[j] as InteractionEntry;
    if (byTimeThenId(x, y) <= 0) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as InteractionEntry);
  while (j < b.length) out.push(b[j++] as InteractionEntry);
  return out.slice();
}

function unionEntries(
  a: readonly IdentifierEntry[],
  b: readonly IdentifierEntry[],
): IdentifierEntry[] {
  const keys = new Set(a.map((e) => e.key));
  return [...a, ...b.filter((e) => !keys.has(e.key))];
}

function capConfidence(list: readonly InteractionEntry[], cap: number): InteractionEntry[] {
  return list.map((i) => (i.confidence > cap ? { ...i, confidence: cap } : i));
}

/**
 * The empty list every record shares: most customers have nothing attached, detached, kept
 * apart or absorbed, and records are replaced, never mutated, so one frozen array serves all.
 */
const NONE = Object.freeze([]) as unknown as never[];

const union = <T>(a: readonly T[], b: readonly T[]): T[] =>
  a.length === 0
    ? b.length === 0
      ? NONE
      : [...b]
    : b.length === 0
      ? [...a]
      : [...new Set([...a, ...b])];

function broken(event: ResolverEvent, message: string): ThreadlineError {
  return new ThreadlineError('invalid_input', `Event ${event.seq} (${event.type}) cannot apply`, [
    { code: 'inconsistent_event', path: ['events', event.seq], message },
  ]);
}

function need(state: ResolverState, event: ResolverEvent, id: string): CustomerRecord {
  const record = state.customers.get(id);
  if (record === undefined) throw broken(event, `customer "${id}" does not exist`);
  return record;
}

/**
 * Applies one event to a state, in place: the only way the resolver's state changes. Events
 * must come in order (`seq` one past `state.head`) and make sense against the state (a link to
 * a customer that exists); otherwise it throws and leaves the state as it was.
 *
 * @throws {@link ThreadlineError} with code `invalid_input` for an event out of order or
 * inconsistent with the state.
 * @example
 * ```ts
 * import { applyEvent, emptyResolverState } from 'threadline';
 *
 * const state = emptyResolverState();
 * applyEvent(state, {
 *   type: 'customer_created', seq: 1, at: '2026-03-01T09:00:00Z', actor: { kind: 'automatic' },
 *   customerId: 'cus_a' as never,
 *   interaction: { id: 'em-1' as never, channel: 'email', at: '2026-03-01T09:00:00Z', identifiers: [], fields: {}, confidence: 1 },
 * });
 * console.log(state.head, state.owners.get('em-1')); // 1 cus_a
 * ```
 */
export function applyEvent(state: ResolverState, event: ResolverEvent): void {
  if (event.seq !== state.head + 1) {
    throw broken(event, `expected event ${state.head + 1}, got ${event.seq}`);
  }
  switch (event.type) {
    case 'customer_created': {
      if (state.customers.has(event.customerId) || state.redirects.has(event.customerId))
        throw broken(event, `customer "${event.customerId}" already exists`);
      if (state.owners.has(event.interaction.id))
        throw broken(event, `interaction "${event.interaction.id}" is already held`);
      state.customers.set(event.customerId, {
        id: event.customerId,
        createdAt: event.at,
        updatedAt: event.at,
        interactions: [event.interaction],
        attached: NONE,
        detached: NONE,
        cannotLink: NONE,
        mergedFrom: NONE,
      });
      state.owners.set(event.interaction.id, event.customerId);
      break;
    }
    case 'interaction_linked': {
      const record = need(state, event, event.customerId);
      if (state.owners.has(event.interaction.id))
        throw broken(event, `interaction "${event.interaction.id}" is already held`);
      state.customers.set(record.id, {
        ...record,
        updatedAt: event.at,
        interactions: insertInteraction(record.interactions, event.interaction),
      });
      state.owners.set(event.interaction.id, record.id);
      break;
    }
    case 'customers_merged': {
      const survivor = need(state, event, event.survivor);
      const absorbed = need(state, event, event.absorbed);
      if (survivor.id === absorbed.id) throw broken(event, 'a customer cannot absorb itself');
      const gone = new Set([survivor.id, absorbed.id]);
      state.customers.set(survivor.id, {
        id: survivor.id,
        createdAt:
          survivor.createdAt < absorbed.createdAt ? survivor.createdAt : absorbed.createdAt,
        updatedAt: event.at,
        interactions: mergeInteractions(
          survivor.interactions,
          event.evidence === undefined
            ? absorbed.interactions
            : capConfidence(absorbed.interactions, event.evidence.probability),
        ),
        attached: unionEntries(survivor.attached, absorbed.attached),
        detached: union(survivor.detached, absorbed.detached),
        cannotLink: union(survivor.cannotLink, absorbed.cannotLink).filter((id) => !gone.has(id)),
        mergedFrom: [...survivor.mergedFrom, absorbed.id, ...absorbed.mergedFrom],
      });
      state.customers.delete(absorbed.id);
      state.redirects.set(absorbed.id, survivor.id);
      for (const i of absorbed.interactions) state.owners.set(i.id, survivor.id);
      break;
    }
    case 'customer_split': {
      const from = need(state, event, event.from);
      if (state.customers.has(event.to)) throw broken(event, `customer "${event.to}" exists`);
      const moving = new Set<string>(event.interactionIds);
      const moved = from.interactions.filter((i) => moving.has(i.id));
      if (moved.length !== moving.size)
        throw broken(event, `not every interaction listed belongs to "${from.id}"`);
      if (moved.length === from.interactions.length)
        throw broken(event, 'a split must leave at least one interaction behind');
      const keys = new Set(event.identifierKeys);
      state.customers.set(from.id, {
        ...from,
        updatedAt: event.at,
        interactions: from.interactions.filter((i) => !moving.has(i.id)),
        attached: from.attached.filter((e) => !keys.has(e.key)),
        mergedFrom: from.mergedFrom.filter((id) => id !== event.to),
      });
      state.customers.set(event.to, {
        id: event.to,
        createdAt: event.at,
        updatedAt: event.at,
        interactions: moved,
        attached: from.attached.filter((e) => keys.has(e.key)),
        detached: NONE,
        cannotLink: NONE,
        mergedFrom: NONE,
      });
      state.redirects.delete(event.to);
      for (const i of moved) state.owners.set(i.id, event.to);
      break;
    }
    case 'identifier_attached': {
      const record = need(state, event, event.customerId);
      state.customers.set(record.id, {
        ...record,
        updatedAt: event.at,
        attached: [
          ...record.attached.filter((e) => e.key !== event.identifier.key),
          event.identifier,
        ],
        detached: record.detached.filter((k) => k !== event.identifier.key),
      });
      break;
    }
    case 'identifier_detached': {
      const record = need(state, event, event.customerId);
      state.customers.set(record.id, {
        ...record,
        updatedAt: event.at,
        attached: record.attached.filter((e) => e.key !== event.key),
        detached: union(record.detached, [event.key]),
      });
      break;
    }
    case 'review_requested': {
      if (state.reviews.has(event.reviewId))
        throw broken(event, `review "${event.reviewId}" exists`);
      state.reviews.set(event.reviewId, {
        id: event.reviewId,
        status: 'open',
        customerId: event.customerId,
        ...(event.interactionId === undefined ? {} : { interactionId: event.interactionId }),
        candidates: event.candidates,
        requestedAt: event.at,
        ...(event.evidence === undefined ? {} : { evidence: event.evidence }),
        answers: NONE,
      });
      break;
    }
    case 'review_resolved': {
      const review = state.reviews.get(event.reviewId);
      if (review === undefined) throw broken(event, `review "${event.reviewId}" does not exist`);
      if (review.status !== 'open') throw broken(event, `review "${event.reviewId}" is closed`);
      const answers = [
        ...review.answers.filter((a) => a.candidateId !== event.candidateId),
        { candidateId: event.candidateId, answer: event.answer },
      ];
      const closed =
        event.answer === 'confirmed' ||
        review.candidates.every((c) => answers.some((a) => a.candidateId === c.customerId));
      state.reviews.set(review.id, {
        ...review,
        answers,
        ...(closed
          ? {
              status: event.answer === 'confirmed' ? 'confirmed' : 'rejected',
              resolvedAt: event.at,
            }
          : {}),
      });
      break;
    }
    case 'constraint_added': {
      if (event.constraint === 'cannot_link') {
        const a = need(state, event, event.a);
        const b = need(state, event, event.b);
        if (a.id === b.id) throw broken(event, 'a customer cannot be kept apart from itself');
        state.customers.set(a.id, { ...a, cannotLink: union(a.cannotLink, [b.id]) });
        state.customers.set(b.id, { ...b, cannotLink: union(b.cannotLink, [a.id]) });
      }
      break;
    }
  }
  state.head = event.seq;
}

/**
 * Folds events, oldest first, into a fresh state: what any store holding these events must
 * contain. Use it to rebuild a store, to audit one, or to see the state as of an earlier event.
 *
 * @throws {@link ThreadlineError} with code `invalid_input` when the events are out of order or
 * inconsistent.
 * @example
 * ```ts
 * import { replayEvents } from 'threadline';
 *
 * console.log(replayEvents([]).customers.size); // 0
 * ```
 */
export function replayEvents(events: Iterable<ResolverEvent>): ResolverState {
  const state = emptyResolverState();
  for (const event of events) applyEvent(state, event);
  return state;
}

/**
 * Follows merges from an id to the customer that holds it now (itself when it was never
 * absorbed). Undefined for an id the state has never seen.
 *
 * @example
 * ```ts
 * import { canonicalCustomerId, emptyResolverState } from 'threadline';
 *
 * const state = emptyResolverState();
 * state.redirects.set('cus_b', 'cus_a' as never);
 * console.log(canonicalCustomerId(state, 'cus_b')); // undefined: cus_a is not live in this state
 * ```
 */
export function canonicalCustomerId(state: ResolverState, id: string): CustomerId | undefined {
  let current = id;
  for (let hops = 0; hops <= state.redirects.size; hops++) {
    const live = state.customers.get(current);
    if (live !== undefined) return live.id;
    const next = state.redirects.get(current);
    if (next === undefined) return undefined;
    current = next;
  }
  return undefined;
}

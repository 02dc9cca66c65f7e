import { z } from 'zod';
import { ThreadlineError } from '../core/errors.js';
import { type CompiledModel, compileModel } from '../linkage/compile/compile.js';
import type { LinkRecord } from '../linkage/prepare/prepare.js';
import { weightFromProbability } from '../linkage/score/score.js';
import type { ModelSpec, ModelSpecInput } from '../linkage/spec/spec.js';
import type { Customer } from '../model/customer.js';
import type { Identifier } from '../model/identifier.js';
import type { CustomerId, InteractionId } from '../model/ids.js';
import type { Interaction, InteractionInput } from '../model/interaction.js';
import { parseInteraction, toIssues } from '../model/parse.js';
import type { IdentifierKey } from '../normalize/identifier/identifier.js';
import type { RegionCode } from '../normalize/phone/phone.js';
import { GenerationCache } from './cache.js';
import {
  defaultInteractionFields,
  type EntryContext,
  type InteractionFields,
  identifierEntry,
  interactionEntry,
  keyOf,
  linkRecord,
  profileIdentifiers,
} from './evidence.js';
import { omnichannelModelSpec } from './model.js';
import { type ResolverSettings, ResolverSettingsSchema } from './options.js';
import {
  type Actor,
  type CustomerRecord,
  type Evidence,
  type IdentifierEntry,
  type InteractionEntry,
  type ResolverEvent,
  ResolverEventSchema,
  type Review,
} from './records.js';
import {
  adjust,
  boundedMemo,
  type PairScore,
  recordBlockingKeys,
  recordValues,
  scorePairs,
  scoringContext,
} from './scoring.js';
import { applyEvent, canonicalCustomerId, emptyResolverState, replayEvents } from './state.js';
import { createMemoryStore, type ResolverStore, type StoreCommit } from './store.js';

/**
 * Options for {@link createResolver}. Everything has a default: the built-in omnichannel model,
 * an in-memory store, the system clock.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type ResolverOptions } from 'threadline';
 *
 * const options: ResolverOptions = {
 *   store: createMemoryStore(),
 *   thresholds: { link: 0.97 },
 *   guards: { businessIdentifiers: [{ kind: 'phone', value: '+18005550100' }] },
 *   now: () => new Date('2026-03-01T09:00:00Z'),
 * };
 * console.log(options.thresholds?.link);
 * ```
 */
export interface ResolverOptions {
  /** A trained model (compiled, or its spec); default {@link omnichannelModelSpec}. */
  readonly model?: CompiledModel | ModelSpecInput | ModelSpec;
  /** Where customers, the index and events live; default {@link createMemoryStore}. */
  readonly store?: ResolverStore;
  /** The clock stamped on events; inject it for reproducible logs. */
  readonly now?: () => Date | number | string;
  /** Reads the model's fields from an interaction; default {@link defaultInteractionFields}. */
  readonly fields?: InteractionFields;
  /** When to link, review and merge large customers. */
  readonly thresholds?: {
    readonly link?: number;
    readonly review?: number;
    readonly largeMerge?: number;
  };
  /** Guards against false merges; see {@link GuardsSchema}. */
  readonly guards?: Readonly<Record<string, unknown>>;
  /** The phone region for numbers without a country code. */
  readonly region?: string;
  /** The most values of one field a customer's profile keeps for matching (default 16). */
  readonly maxValuesPerField?: number;
  /** Entries per normalizer cache (default 20,000; 0 turns caching off). */
  readonly cacheSize?: number;
  /** Retries when another writer changed the store first (default 8). */
  readonly retries?: number;
}

/**
 * One scored candidate of a decision.
 *
 * - `link`: above the link threshold and no guard objects;
 * - `review`: worth an agent's look (between the thresholds, or a guard held a link back);
 * - `reject`: below the review threshold;
 * - `blocked`: a guard forbids it whatever the score (conflicting verified ids).
 *
 * @example
 * ```ts
 * import type { CandidateScore } from 'threadline';
 *
 * const best = (cs: readonly CandidateScore[]) => cs[0]?.customerId;
 * console.log(best([]));
 * ```
 */
export interface CandidateScore {
  /** The candidate customer. */
  readonly customerId: CustomerId;
  /** The probability that the interaction belongs to it. */
  readonly probability: number;
  /** The match weight, in bits. */
  readonly weight: number;
  /** What the candidate may become. */
  readonly status: 'link' | 'review' | 'reject' | 'blocked';
  /** The waterfall and the guards that applied. */
  readonly evidence: Evidence;
}

/**
 * What the resolver decides about an interaction, without changing anything (see
 * {@link Resolver.resolve}).
 *
 * - `linked`: it belongs to `customerId` (and `merges` join that customer, when it bridges
 *   customers who turn out to be one);
 * - `new`: nobody known; a customer would be created with id `customerId`;
 * - `review`: an agent should confirm one of the `review` candidates; the interaction is kept
 *   on a new customer `customerId` meanwhile, so nothing is shown to the wrong person.
 *
 * @example
 * ```ts
 * import type { Decision } from 'threadline';
 *
 * const summary = (d: Decision) => `${d.outcome} ${d.customerId} p=${d.probability.toFixed(3)}`;
 * console.log(typeof summary);
 * ```
 */
export interface Decision {
  /** The outcome. */
  readonly outcome: 'linked' | 'new' | 'review';
  /** The interaction decided on. */
  readonly interactionId: InteractionId;
  /** The customer it belongs (or would belong) to. */
  readonly customerId: CustomerId;
  /** The best candidate's probability (0 with no candidate). */
  readonly probability: number;
  /** The best candidate's match weight (the prior's with no candidate). */
  readonly weight: number;
  /** The best candidate's waterfall, when there was a candidate. */
  readonly evidence: Evidence | undefined;
  /** Every candidate scored, best first. */
  readonly candidates: readonly CandidateScore[];
  /** Customers this interaction shows to be the same as `customerId`, merged on ingest. */
  readonly merges: readonly CustomerId[];
  /** Customers it also matched whose merge a guard held back (asked of an agent on ingest). */
  readonly heldBack: readonly CustomerId[];
  /** Notes from the guards (generic values ignored, limits reached). */
  readonly guards: readonly string[];
  /** True when the interaction was ingested before: nothing would change. */
  readonly duplicate: boolean;
}

/**
 * What {@link Resolver.ingest} did: the decision, where the interaction landed, the events
 * written, and the review raised, if any.
 *
 * @example
 * ```ts
 * import type { IngestResult } from 'threadline';
 *
 * const where = (r: IngestResult) => r.customerId;
 * console.log(typeof where);
 * ```
 */
export interface IngestResult {
  /** The decision applied. */
  readonly decision: Decision;
  /** The customer now holding the interaction. */
  readonly customerId: CustomerId;
  /** The events written (none for a duplicate). */
  readonly events: readonly ResolverEvent[];
  /** The review raised, when an agent must confirm. */
  readonly reviewId: string | undefined;
}

/**
 * Who does a manual change, and why.
 *
 * @example
 * ```ts
 * import type { ChangeOptions } from 'threadline';
 *
 * const by: ChangeOptions = { actor: { kind: 'agent', id: 'agent-17' }, reason: 'same person, confirmed by phone' };
 * console.log(by.actor?.kind);
 * ```
 */
export interface ChangeOptions {
  /** Who makes the change (default an admin without id). */
  readonly actor?: Actor;
  /** Why, in words. */
  readonly reason?: string;
}

/**
 * Options for {@link Resolver.split}.
 *
 * @example
 * ```ts
 * import type { SplitOptions } from 'threadline';
 *
 * const options: SplitOptions = { reason: 'two people share this phone', keepApart: true };
 * console.log(options.keepApart);
 * ```
 */
export interface SplitOptions extends ChangeOptions {
  /** Identifiers attached by hand that go with the interactions, by key. */
  readonly identifierKeys?: readonly string[];
  /** Record that the two must never be merged again (default true). */
  readonly keepApart?: boolean;
}

/**
 * Where an id stands: the customer holding it now, and the merges it went through.
 *
 * @example
 * ```ts
 * import type { Lineage } from 'threadline';
 *
 * const current = (l: Lineage) => l.current;
 * console.log(typeof current);
 * ```
 */
export interface Lineage {
  /** The id asked about. */
  readonly id: string;
  /** The live customer holding it now, or undefined for an id never seen. */
  readonly current: CustomerId | undefined;
  /** The ids from the one asked about to the current one. */
  readonly path: readonly CustomerId[];
}

/**
 * A labelled pair from an agent's answer: two interactions of the customers in question, and
 * whether they are the same person. Feed them to `trainModel` as `matches`.
 *
 * @example
 * ```ts
 * import type { LabelledPair } from 'threadline';
 *
 * const pair: LabelledPair = { left: 'em-1' as never, right: 'call-2' as never, match: false };
 * console.log(pair.match);
 * ```
 */
export interface LabelledPair {
  /** An interaction of the reviewed customer. */
  readonly left: InteractionId;
  /** An interaction of the candidate. */
  readonly right: InteractionId;
  /** The agent's answer. */
  readonly match: boolean;
}

/**
 * A snapshot of a resolver's store as JSON: its events (the source of truth) and the customers
 * and reviews they produce, for reading. Import it into an empty store with
 * {@link Resolver.importSnapshot}.
 *
 * @example
 * ```ts
 * import type { ResolverSnapshot } from 'threadline';
 *
 * const size = (s: ResolverSnapshot) => s.events.length;
 * console.log(typeof size);
 * ```
 */
export interface ResolverSnapshot {
  /** Identifies the format. */
  readonly format: 'threadline.resolver-snapshot';
  /** The format version. */
  readonly version: 1;
  /** The events, oldest first. */
  readonly events: readonly ResolverEvent[];
  /** Live customers, by id. */
  readonly customers: readonly CustomerRecord[];
  /** Reviews, oldest first. */
  readonly reviews: readonly Review[];
}

/**
 * The online identity resolver; make one with {@link createResolver}. Every method is
 * asynchronous (the store may be a database); changes are serialized within one resolver and
 * checked against the store's head across resolvers.
 *
 * @example
 * ```ts
 * import { createResolver } from 'threadline';
 *
 * const resolver = createResolver({ now: () => new Date('2026-03-01T09:00:00Z') });
 * const r = await resolver.ingest({ id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z', identifiers: [{ kind: 'email', value: 'ana@example.com', trust: { level: 'verified', method: 'channel_native' } }] });
 * console.log(r.decision.outcome); // new
 * ```
 */
export interface Resolver {
  /** The model in use. */
  readonly model: CompiledModel;
  /** The settings in use, after defaults. */
  readonly settings: ResolverSettings;
  /** The store in use. */
  readonly store: ResolverStore;
  /** Decides who an interaction belongs to, changing nothing. */
  resolve(interaction: InteractionInput | Interaction): Promise<Decision>;
  /** Decides and applies; ingesting the same interaction id again changes nothing. */
  ingest(
    interaction: InteractionInput | Interaction,
    options?: ChangeOptions,
  ): Promise<IngestResult>;
  /**
   * Ingests a batch in canonical order (start time, then id), so the outcome does not depend on
   * the batch's order. Every interaction is validated before anything changes. Results are in
   * the order given.
   */
  ingestMany(
    interactions: readonly (InteractionInput | Interaction)[],
    options?: ChangeOptions,
  ): Promise<readonly IngestResult[]>;
  /** Merges two customers by hand; refuses across a cannot-link or conflicting verified ids. */
  merge(a: string, b: string, options?: ChangeOptions): Promise<CustomerId>;
  /** Moves interactions out of a customer into a new one. Returns the new customer's id. */
  split(
    customerId: string,
    interactionIds: readonly string[],
    options: SplitOptions,
  ): Promise<CustomerId>;
  /** Undoes a merge: the absorbed customer's interactions move back out under its old id. */
  unmerge(customerId: string, absorbedId: string, options: SplitOptions): Promise<CustomerId>;
  /** Attaches an identifier to a customer by hand. */
  attach(
    customerId: string,
    identifier: IdentifierEntry['identifier'],
    options?: ChangeOptions & { readonly trust?: IdentifierEntry['trust'] },
  ): Promise<void>;
  /** Detaches an identifier (by key, or the identifier itself) from a customer's profile. */
  detach(
    customerId: string,
    identifier: string | Identifier,
    options?: ChangeOptions,
  ): Promise<void>;
  /** Records that two customers are different people: they will never be merged. */
  keepApart(a: string, b: string, options?: ChangeOptions): Promise<void>;
  /** An agent confirms a review: the customer and the candidate are one (they merge). */
  confirm(reviewId: string, candidateId?: string, options?: ChangeOptions): Promise<CustomerId>;
  /** An agent rejects a review's candidate (all of them by default): they are never merged. */
  reject(reviewId: string, candidateId?: string, options?: ChangeOptions): Promise<void>;
  /** A customer in the model's shape, following merges from any id it ever had. */
  customer(id: string): Promise<Customer | undefined>;
  /** The stored record of a customer, following merges. */
  record(id: string): Promise<CustomerRecord | undefined>;
  /** Every live customer, by id. */
  customers(): Promise<readonly CustomerRecord[]>;
  /** Where an id stands now. */
  lineage(id: string): Promise<Lineage>;
  /** Open reviews, oldest first, with customer ids as they are now (following merges). */
  reviews(limit?: number): Promise<readonly Review[]>;
  /** One review, open or answered, with customer ids as they are now. */
  review(id: string): Promise<Review | undefined>;
  /** Labelled pairs from every answered review. */
  labels(): Promise<readonly LabelledPair[]>;
  /** The store's events after a position, in order. */
  events(after?: number, limit?: number): Promise<readonly ResolverEvent[]>;
  /** The whole store as JSON. */
  exportSnapshot(): Promise<ResolverSnapshot>;
  /** Loads a snapshot into this resolver's store, which must be empty; checks it first. */
  importSnapshot(snapshot: unknown): Promise<void>;
}

/** An event before the log assigns its position, time and actor. */
type Draft = ResolverEvent extends infer E
  ? E extends ResolverEvent
    ? Omit<E, 'seq' | 'at' | 'actor'> & { actor?: Actor }
    : never
  : never;

/** What an operation wants to write: events against the customers it read. */
interface Plan<T> {
  readonly drafts: readonly Draft[];
  readonly touched: readonly CustomerRecord[];
  readonly result: (events: readonly ResolverEvent[]) => T;
}

const AUTOMATIC: Actor = Object.freeze({ kind: 'automatic' });
/** The empty guard list that evidence without notes shares (events keep it for good). */
const NO_NOTES = Object.freeze([]) as unknown as string[];
const ADMIN: Actor = Object.freeze({ kind: 'admin' });

/**
 * A draft as an event: the draft's fields, then its position, time and actor; the same object
 * as `{ ...draft, seq, at, actor }`, built field by field. Events are kept for good, and objects
 * made by spreading and then extending can each get a hidden class of their own in V8 (a few
 * hundred bytes apiece); built this way they share one per shape.
 */
function stamp(draft: Draft, seq: number, at: string, actor: Actor): ResolverEvent {
  const event: Record<string, unknown> = {};
  for (const key of Object.keys(draft)) event[key] = draft[key as keyof Draft];
  event.seq = seq;
  event.at = at;
  event.actor = draft.actor ?? actor;
  return event as ResolverEvent;
}

function invalidOptions(issues: ReturnType<typeof toIssues>): ThreadlineError {
  return new ThreadlineError('invalid_options', 'Invalid resolver options', issues);
}

function notFound(what: string, id: string, path: string): ThreadlineError {
  return new ThreadlineError('not_found', `No ${what} "${id}"`, [
    { code: 'not_found', path: [path], message: `no ${what} has id "${id}"` },
  ]);
}

function refused(message: string, path: string): ThreadlineError {
  return new ThreadlineError('refused', message, [{ code: 'refused', path: [path], message }]);
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** `cus_` as character codes: the id is built from codes in one piece (a flat string). */
const PREFIX: readonly number[] = Object.freeze([...'cus_'].map((c) => c.charCodeAt(0)));

/**
 * `cus_` and a 64-bit hash of a string (two 32-bit FNV-1a lanes with different offsets) in
 * Crockford base 32: short, stable customer ids derived from the interaction that created the
 * customer.
 */
function customerIdOf(text: string): CustomerId {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  const codes = PREFIX.slice();
  let hi = h1 >>> 0;
  let lo = h2 >>> 0;
  for (let k = 0; k < 13; k++) {
    codes.push(ALPHABET.charCodeAt(lo & 31));
    lo = (lo >>> 5) | ((hi & 31) << 27);
    hi >>>= 5;
  }
  return String.fromCharCode(...codes) as CustomerId;
}

function isCompiled(model: unknown): model is CompiledModel {
  return (
    typeof model === 'object' && model !== null && 'comparisons' in model && 'priorWeight' in model
  );
}

/**
 * The model without term-frequency settings that have no table: the resolver scores a handful of
 * records at a time, which cannot tell how common a value is. Trained models carry tables.
 */
function resolverModel(model: CompiledModel): CompiledModel {
  const lacks = (c: number, l: number) => {
    const level = model.comparisons[c]?.levels[l];
    return level?.tf !== undefined && !model.termFrequencies.has(level.input);
  };
  const missing = model.comparisons.some((c, ci) => c.levels.some((_, li) => lacks(ci, li)));
  if (!missing) return model;
  const spec = model.spec;
  return compileModel(
    {
      ...spec,
      comparisons: spec.comparisons.map((c, ci) => ({
        ...c,
        levels: c.levels.map((l, li) => {
          if (!lacks(ci, li) || !('tf' in l)) return l;
          const { tf: _tf, ...rest } = l;
          return rest;
        }),
      })),
    } as ModelSpecInput,
    { predicates: model.predicates },
  );
}

const earliest = (r: CustomerRecord): string => {
  const first = r.interactions[0];
  return first === undefined
    ? `${r.createdAt}\u0000${r.id}`
    : `${first.at}\u0000${first.id}\u0000${r.id}`;
};

/** The survivor of a merge: the customer first seen earliest (then the smaller id). */
function survivorOf(records: readonly CustomerRecord[]): CustomerRecord {
  let best = records[0] as CustomerRecord;
  for (const r of records) if (earliest(r) < earliest(best)) best = r;
  return best;
}

function namespaceOf(e: IdentifierEntry): string {
  const id = e.identifier;
  switch (id.kind) {
    case 'account':
      return `account:${id.namespace.trim().toLowerCase()}`;
    case 'scoped_id':
      return `scoped:${id.platform}:${id.scope.trim()}`;
    case 'social':
      return `social:${e.key.split(':')[1] ?? ''}`;
    default:
      return id.kind;
  }
}

/**
 * Creates an online identity resolver over a model and a store. Validates every option up
 * front: bad options throw a `ThreadlineError` with code `invalid_options` and the path.
 *
 * @throws {@link ThreadlineError} with code `invalid_options` or `invalid_model`.
 * @example
 * ```ts
 * import { createResolver } from 'threadline';
 *
 * const resolver = createResolver({ now: () => new Date('2026-03-02T15:00:00Z') });
 * const verified = { level: 'verified', method: 'channel_native' } as const;
 * await resolver.ingest({ id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z', identifiers: [{ kind: 'email', value: 'ana@example.com', trust: verified }], participants: [{ role: 'customer', name: 'Ana Souza' }] });
 * const call = await resolver.ingest({ id: 'call-2', channel: 'phone', startedAt: '2026-03-02T15:00:00Z', identifiers: [{ kind: 'phone', value: '+13102461501', trust: verified }, { kind: 'email', value: 'Ana@Example.com' }], participants: [{ role: 'customer', name: 'Ana Souza' }] });
 * console.log(call.decision.outcome, call.decision.probability > 0.99); // linked true
 * ```
 */
export function createResolver(options: ResolverOptions = {}): Resolver {
  const { model: modelOption, store: storeOption, now: nowOption, fields, ...rest } = options;
  const parsed = ResolverSettingsSchema.safeParse(rest);
  if (!parsed.success) throw invalidOptions(toIssues(parsed.error));
  const settings = parsed.data;
  if (nowOption !== undefined && typeof nowOption !== 'function')
    throw invalidOptions([
      { code: 'invalid_type', path: ['now'], message: 'expected a function returning the time' },
    ]);
  if (fields !== undefined && typeof fields !== 'function')
    throw invalidOptions([
      { code: 'invalid_type', path: ['fields'], message: 'expected a function' },
    ]);
  const region = settings.region as RegionCode | undefined;
  const compiled = isCompiled(modelOption)
    ? modelOption
    : compileModel(modelOption ?? omnichannelModelSpec(region));
  if (!compiled.trained)
    throw new ThreadlineError('model_not_trained', 'The resolver needs a trained model', [
      {
        code: 'model_not_trained',
        path: ['model'],
        message: 'every non-null level needs m and u: train it first',
      },
    ]);
  const model = resolverModel(compiled);
  const store = storeOption ?? createMemoryStore();
  const guards = settings.guards;
  const thresholds = settings.thresholds;
  const memo = boundedMemo(settings.cacheSize);
  const context: EntryContext = {
    region,
    businessKeys: new Set(guards.businessIdentifiers.map((i) => keyOf(i, region))),
    ignoreRoleMailboxes: guards.ignoreRoleMailboxes,
    fields: fields ?? defaultInteractionFields,
    ...(settings.cacheSize === 0
      ? {}
      : {
          keys: new GenerationCache<string, IdentifierKey>(settings.cacheSize),
          entries: new GenerationCache<string, IdentifierEntry>(settings.cacheSize),
        }),
  };
  const uniqueKinds = new Set<string>(guards.uniqueKinds);
  const vetoes = new Set(guards.vetoComparisons);
  const lookupLimit = Math.max(guards.maxCustomersPerIdentifier, guards.maxCandidatesPerKey);

  let lastTime = '';
  let lastMs = Number.NaN;
  let lastValue: string | number | undefined;
  const clock = (): string => {
    const value = nowOption === undefined ? new Date() : nowOption();
    // A clock that returns the same string or number again (an injected, fixed clock) gives the
    // same time: not parsed and formatted again.
    if (lastValue !== undefined && value === lastValue) return lastTime;
    const date = value instanceof Date ? value : new Date(value);
    const ms = date.getTime();
    if (Number.isNaN(ms))
      throw invalidOptions([
        { code: 'invalid_time', path: ['now'], message: `the clock returned ${String(value)}` },
      ]);
    // Consecutive events mostly share a time: keep one string for it, not one per event.
    if (ms !== lastMs) {
      lastMs = ms;
      lastTime = date.toISOString();
    }
    lastValue = typeof value === 'string' || typeof value === 'number' ? value : undefined;
    return lastTime;
  };

  // Derived views of immutable records, in bounded caches: a record read again soon (a
  // returning customer) is not re-derived; memory stays flat however many customers exist.
  const viewCacheSize = Math.max(1, Math.ceil(settings.cacheSize / 10));
  const profiles = new GenerationCache<CustomerRecord, IdentifierEntry[]>(viewCacheSize);
  const records = new GenerationCache<CustomerRecord, LinkRecord>(viewCacheSize);
  const indexKeys = new GenerationCache<CustomerRecord, string[]>(viewCacheSize);
  const scoring = scoringContext(model, memo);
  const profileOf = (r: CustomerRecord) => {
    let p = profiles.get(r);
    if (p === undefined) {
      p = profileIdentifiers(r);
      profiles.set(r, p);
    }
    return p;
  };
  const NONE: ReadonlySet<string> = new Set();
  const recordOf = (r: CustomerRecord, exclude: ReadonlySet<string>): LinkRecord => {
    if (exclude.size > 0)
      return linkRecord(profileOf(r), r.interactions, settings.maxValuesPerField, exclude);
    let rec = records.get(r);
    if (rec === undefined) {
      rec = linkRecord(profileOf(r), r.interactions, settings.maxValuesPerField, NONE);
      records.set(r, rec);
    }
    return rec;
  };
  const keysOf = (r: CustomerRecord): string[] => {
    let keys = indexKeys.get(r);
    if (keys === undefined) {
      const set = new Set<string>();
      for (const e of profileOf(r)) if (e.evidence) set.add(e.key);
      for (const k of recordBlockingKeys(scoring, recordValues(scoring, recordOf(r, NONE), true)))
        set.add(k);
      keys = [...set];
      indexKeys.set(r, keys);
    }
    return keys;
  };

  const entryOf = (interaction: Interaction) => interactionEntry(interaction, context);

  // ---- guards -------------------------------------------------------------------------

  const verifiedByNamespace = (entries: readonly IdentifierEntry[]) => {
    const out = new Map<string, Set<string>>();
    for (const e of entries) {
      if (!e.evidence || e.trust.level !== 'verified' || !uniqueKinds.has(e.identifier.kind))
        continue;
      const ns = namespaceOf(e);
      let set = out.get(ns);
      if (set === undefined) {
        set = new Set();
        out.set(ns, set);
      }
      set.add(e.key);
    }
    return out;
  };
  const uniqueConflict = (a: readonly IdentifierEntry[], b: readonly IdentifierEntry[]) => {
    const va = verifiedByNamespace(a);
    if (va.size === 0) return undefined;
    const vb = verifiedByNamespace(b);
    for (const [ns, keys] of va) {
      const other = vb.get(ns);
      if (other === undefined) continue;
      let shared = false;
      for (const k of keys) if (other.has(k)) shared = true;
      if (!shared) return `conflicting verified ${ns} identifiers`;
    }
    return undefined;
  };
  const overLimit = (groups: readonly (readonly IdentifierEntry[])[]) => {
    const byKind = new Map<string, Set<string>>();
    for (const entries of groups)
      for (const e of entries) {
        if (!e.evidence) continue;
        let set = byKind.get(e.identifier.kind);
        if (set === undefined) {
          set = new Set();
          byKind.set(e.identifier.kind, set);
        }
        set.add(e.key);
      }
    for (const [kind, keys] of byKind) {
      const limit = guards.identifierLimits[kind as keyof typeof guards.identifierLimits];
      if (keys.size > limit) return `would hold ${keys.size} ${kind} identifiers (limit ${limit})`;
    }
    return undefined;
  };

  // ---- deciding ------------------------------------------------------------------------

  interface Scored {
    readonly record: CustomerRecord;
    readonly score: PairScore;
    readonly status: CandidateScore['status'];
    readonly notes: string[];
  }

  async function newCustomerId(interactionId: string): Promise<CustomerId> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const id = customerIdOf(attempt === 0 ? interactionId : `${interactionId}#${attempt}`);
      const [live] = await store.getCustomers([id]);
      const [moved] = await store.redirects([id]);
      if (live === undefined && moved === undefined) return id;
    }
    throw new ThreadlineError('store_failure', 'Could not find a free customer id');
  }

  /**
   * Follows merges from an id to the live customer holding it now, with the ids passed on the
   * way (the id itself, then each survivor). One walk serves lookups, `need` and `lineage`.
   */
  async function follow(
    id: string,
  ): Promise<{ record: CustomerRecord | undefined; path: CustomerId[] }> {
    const path: CustomerId[] = [];
    let current = id;
    for (let hops = 0; hops < 10_000; hops++) {
      const [live] = await store.getCustomers([current]);
      if (live !== undefined) return { record: live, path: [...path, live.id] };
      const [next] = await store.redirects([current]);
      if (next === undefined) break;
      path.push(current as CustomerId);
      current = next;
    }
    return { record: undefined, path };
  }

  async function canonical(id: string): Promise<CustomerId | undefined> {
    return (await follow(id)).record?.id;
  }

  async function keptApart(a: CustomerRecord, b: CustomerRecord): Promise<boolean> {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const id of x.cannotLink) {
        if (id === y.id) return true;
        if ((await canonical(id)) === y.id) return true;
      }
    }
    return false;
  }

  interface Analysis {
    readonly decision: Decision;
    readonly entry: InteractionEntry;
    readonly scored: readonly Scored[];
    readonly touched: readonly CustomerRecord[];
  }

  async function analyse(interaction: Interaction): Promise<Analysis> {
    const entry = entryOf(interaction);
    const notes: string[] = [];
    const evidenceKeys = entry.identifiers.filter((e) => e.evidence).map((e) => e.key);
    const idPostings = await store.lookup(evidenceKeys, guards.maxCustomersPerIdentifier);
    const generic = new Set<string>();
    const sharedBy = new Map<string, number>();
    for (const p of idPostings) {
      if (p.total > guards.maxCustomersPerIdentifier) {
        generic.add(p.key);
        notes.push(`${p.key} is held by ${p.total} customers: generic, not evidence`);
      } else if (p.total >= 2) sharedBy.set(p.key, p.total);
    }
    for (const e of entry.identifiers)
      if (!e.evidence && e.reason !== undefined) notes.push(`${e.key}: ${e.reason}, not evidence`);
    const query = linkRecord(entry.identifiers, [entry], settings.maxValuesPerField, generic);
    const queryValues = recordValues(scoring, query, false);
    const blockKeys = recordBlockingKeys(scoring, queryValues);
    const postings = await store.lookup(blockKeys, lookupLimit);
    const shared = new Map<string, number>();
    for (const p of [...postings, ...idPostings]) {
      if (generic.has(p.key)) continue;
      if (p.total > guards.maxCandidatesPerKey) {
        notes.push(`blocking key held by ${p.total} customers skipped: not selective`);
        continue;
      }
      for (const id of p.customerIds) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const ranked = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, guards.maxCandidates)
      .map(([id]) => id);
    const found = (await store.getCustomers(ranked)).filter(
      (r): r is CustomerRecord => r !== undefined,
    );
    const scores = scorePairs(
      scoring,
      queryValues,
      // A customer's view without exclusions is cached, and what was read of it with it.
      found.map((r) => recordValues(scoring, recordOf(r, generic), generic.size === 0)),
    );
    const queryVerified = new Set(
      entry.identifiers.filter((e) => e.evidence && e.trust.level === 'verified').map((e) => e.key),
    );
    const scored: Scored[] = found.map((record, k) => {
      const profile = profileOf(record);
      const held = new Set(profile.filter((e) => e.evidence).map((e) => e.key));
      const extra: { name: string; label: string; weight: number }[] = [];
      for (const [key, total] of sharedBy)
        if (held.has(key))
          extra.push({
            name: 'shared identifier',
            label: `${key} held by ${total} customers`,
            weight: -Math.log2(total),
          });
      const score = adjust(scores[k] as PairScore, extra);
      const candidateNotes: string[] = [];
      const conflict = uniqueConflict(entry.identifiers, profile);
      if (conflict !== undefined) {
        candidateNotes.push(conflict);
        return { record, score, status: 'blocked', notes: candidateNotes };
      }
      let status: CandidateScore['status'] =
        score.probability >= thresholds.link
          ? 'link'
          : score.probability >= thresholds.review
            ? 'review'
            : 'reject';
      if (status === 'link') {
        let verifiedAgreement = false;
        for (const key of queryVerified) if (held.has(key)) verifiedAgreement = true;
        if (guards.claimedNeedsCorroboration && score.agreeing.length < 2 && !verifiedAgreement) {
          candidateNotes.push(
            'only one comparison agrees and no verified identifier does: needs corroboration',
          );
          status = 'review';
        }
        const veto = score.disagreeing.filter((name) => vetoes.has(name));
        if (veto.length > 0) {
          candidateNotes.push(`${veto.join(', ')} disagrees: an agent should confirm`);
          status = 'review';
        }
        const limit = overLimit([profile, entry.identifiers]);
        if (limit !== undefined) {
          candidateNotes.push(limit);
          status = 'review';
        }
      }
      return { record, score, status, notes: candidateNotes };
    });
    scored.sort(
      (a, b) =>
        b.score.weight - a.score.weight ||
        (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
    );
    const candidates: CandidateScore[] = scored.map((s) => ({
      customerId: s.record.id,
      probability: s.score.probability,
      weight: s.score.weight,
      status: s.status,
      evidence: {
        probability: s.score.probability,
        weight: s.score.weight,
        steps: s.score.steps,
        guards: s.notes.length === 0 ? NO_NOTES : s.notes.slice(),
      },
    }));

    const linkable = scored.filter((s) => s.status === 'link');
    const best = linkable[0];
    if (best !== undefined) {
      const group: Scored[] = [best];
      const heldBack: CustomerId[] = [];
      for (const other of linkable.slice(1)) {
        let reason: string | undefined;
        for (const member of group) {
          if (reason !== undefined) break;
          if (await keptApart(member.record, other.record))
            reason = `${other.record.id} is kept apart from ${member.record.id}`;
          else {
            const c = uniqueConflict(profileOf(member.record), profileOf(other.record));
            if (c !== undefined) reason = `${other.record.id}: ${c}`;
          }
        }
        if (reason === undefined) {
          const limit = overLimit([
            ...group.map((g) => profileOf(g.record)),
            profileOf(other.record),
            entry.identifiers,
          ]);
          if (limit !== undefined) reason = `merging ${other.record.id}: ${limit}`;
        }
        if (reason === undefined) {
          const large = (r: CustomerRecord) => r.interactions.length >= guards.largeCustomer;
          if (
            group.some((g) => large(g.record)) &&
            large(other.record) &&
            (other.score.probability < thresholds.largeMerge || other.score.agreeing.length < 2)
          )
            reason = `${other.record.id} and the customer it would join are both large: the evidence is not strong enough`;
        }
        if (reason === undefined) group.push(other);
        else {
          notes.push(reason);
          heldBack.push(other.record.id);
        }
      }
      const survivor = survivorOf(group.map((g) => g.record));
      const decision: Decision = {
        outcome: 'linked',
        interactionId: interaction.id,
        customerId: survivor.id,
        probability: best.score.probability,
        weight: best.score.weight,
        evidence: candidates[scored.indexOf(best)]?.evidence,
        candidates,
        merges: group.map((g) => g.record.id).filter((id) => id !== best.record.id),
        heldBack,
        guards: notes,
        duplicate: false,
      };
      return { decision, entry, scored, touched: found };
    }
    const top = scored[0];
    const reviewable = scored.filter((s) => s.status === 'review');
    const id = await newCustomerId(interaction.id);
    const decision: Decision = {
      outcome: reviewable.length > 0 ? 'review' : 'new',
      interactionId: interaction.id,
      customerId: id,
      probability: top?.score.probability ?? 0,
      weight: top?.score.weight ?? model.priorWeight,
      evidence: top === undefined ? undefined : candidates[0]?.evidence,
      candidates,
      merges: [],
      heldBack: [],
      guards: notes,
      duplicate: false,
    };
    return { decision, entry, scored, touched: found };
  }

  async function duplicateOf(interaction: Interaction): Promise<Decision | undefined> {
    const [owner] = await store.owners([interaction.id]);
    if (owner === undefined) return undefined;
    const current = (await canonical(owner)) ?? owner;
    const [record] = await store.getCustomers([current]);
    const confidence = record?.interactions.find((i) => i.id === interaction.id)?.confidence ?? 1;
    return {
      outcome: 'linked',
      interactionId: interaction.id,
      customerId: current,
      probability: confidence,
      // The weight of the stored confidence, kept finite so that it survives JSON.
      weight: Math.max(
        -64,
        Math.min(64, weightFromProbability(Math.min(confidence, 1 - 2 ** -64))),
      ),
      evidence: undefined,
      candidates: [],
      merges: [],
      heldBack: [],
      guards: ['already ingested: nothing changes'],
      duplicate: true,
    };
  }

  // ---- writing -------------------------------------------------------------------------

  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function write<T>(plan: (head: number) => Promise<Plan<T>>, actor: Actor): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const head = await store.head();
      const p = await plan(head);
      const at = clock();
      const events = p.drafts.map((d, i) => stamp(d, head + 1 + i, at, actor));
      // A partial state: the customers this change read, to fold its events into.
      const state = emptyResolverState();
      state.head = head;
      for (const r of p.touched) state.customers.set(r.id, r);
      const reviewIds = events.flatMap((e) => (e.type === 'review_resolved' ? [e.reviewId] : []));
      // Most changes answer no review: no read (a round trip for a database store).
      if (reviewIds.length > 0)
        for (const review of await store.getReviews(reviewIds))
          if (review !== undefined) state.reviews.set(review.id, review);
      for (const event of events) applyEvent(state, event);
      const before = new Map(p.touched.map((r) => [r.id as string, r]));
      const put: CustomerRecord[] = [];
      const remove: CustomerId[] = [];
      const indexAdd: [string, CustomerId][] = [];
      const indexRemove: [string, CustomerId][] = [];
      for (const [id, record] of state.customers) {
        const old = before.get(id);
        if (old === record) continue;
        put.push(record);
        const oldKeys = new Set(old === undefined ? [] : keysOf(old));
        const newKeys = new Set(keysOf(record));
        for (const k of newKeys) if (!oldKeys.has(k)) indexAdd.push([k, record.id]);
        for (const k of oldKeys) if (!newKeys.has(k)) indexRemove.push([k, record.id]);
      }
      for (const [id, old] of before) {
        if (state.customers.has(id)) continue;
        remove.push(old.id);
        for (const k of keysOf(old)) indexRemove.push([k, old.id]);
      }
      const change: StoreCommit = {
        expectedHead: head,
        events,
        put,
        remove,
        indexAdd,
        indexRemove,
        owners: [...state.owners.entries()] as [InteractionId, CustomerId][],
        redirects: [...state.redirects.entries()] as [CustomerId, CustomerId][],
        unredirect: events.flatMap((e) => (e.type === 'customer_split' ? [e.to] : [])),
        reviews: [...state.reviews.values()],
      };
      try {
        await store.commit(change);
        return p.result(events);
      } catch (error) {
        if (
          error instanceof ThreadlineError &&
          error.code === 'store_conflict' &&
          attempt < settings.retries
        )
          continue;
        throw error;
      }
    }
  }

  function ingestPlan(interaction: Interaction) {
    return async (): Promise<Plan<IngestResult>> => {
      const duplicate = await duplicateOf(interaction);
      if (duplicate !== undefined) {
        return {
          drafts: [],
          touched: [],
          result: () => ({
            decision: duplicate,
            customerId: duplicate.customerId,
            events: [],
            reviewId: undefined,
          }),
        };
      }
      const { decision, entry, scored } = await analyse(interaction);
      const drafts: Draft[] = [];
      const byId = new Map(scored.map((s) => [s.record.id as string, s]));
      const touched: CustomerRecord[] = [];
      let reviewDraft = false;
      if (decision.outcome === 'linked') {
        const best = decision.candidates.find((c) => c.status === 'link') as CandidateScore;
        const bestRecord = (byId.get(best.customerId) as Scored).record;
        touched.push(bestRecord);
        drafts.push({
          type: 'interaction_linked',
          customerId: bestRecord.id,
          interaction: { ...entry, confidence: best.probability },
          evidence: best.evidence,
        });
        const group = [bestRecord, ...decision.merges.map((id) => (byId.get(id) as Scored).record)];
        for (const id of decision.merges) touched.push((byId.get(id) as Scored).record);
        const survivor = decision.customerId;
        for (const member of group) {
          if (member.id === survivor) continue;
          const evidence = (byId.get(member.id) as Scored).score;
          drafts.push({
            type: 'customers_merged',
            survivor,
            absorbed: member.id,
            evidence: {
              probability: evidence.probability,
              weight: evidence.weight,
              steps: evidence.steps,
              guards: NO_NOTES,
            },
            reason: `interaction ${interaction.id} matches both`,
          });
        }
        if (decision.heldBack.length > 0) {
          reviewDraft = true;
          drafts.push({
            type: 'review_requested',
            reviewId: '',
            customerId: survivor,
            interactionId: interaction.id,
            candidates: decision.heldBack.map((id) => {
              const s = byId.get(id) as Scored;
              return { customerId: id, probability: s.score.probability, weight: s.score.weight };
            }),
            reason: 'the interaction also matches customers a guard kept from merging',
          });
        }
      } else {
        drafts.push({
          type: 'customer_created',
          customerId: decision.customerId,
          interaction: entry,
          ...(decision.evidence === undefined ? {} : { evidence: decision.evidence }),
        });
        if (decision.outcome === 'review') {
          reviewDraft = true;
          const reviewable = decision.candidates.filter((c) => c.status === 'review');
          drafts.push({
            type: 'review_requested',
            reviewId: '',
            customerId: decision.customerId,
            interactionId: interaction.id,
            candidates: reviewable.map((c) => ({
              customerId: c.customerId,
              probability: c.probability,
              weight: c.weight,
            })),
            ...(decision.evidence === undefined ? {} : { evidence: decision.evidence }),
          });
        }
      }
      return {
        drafts,
        touched,
        result: (events) => {
          const review = reviewDraft
            ? events.find((e) => e.type === 'review_requested')
            : undefined;
          return {
            decision,
            customerId: decision.customerId,
            events,
            reviewId: review?.type === 'review_requested' ? review.reviewId : undefined,
          };
        },
      };
    };
  }

  // Review ids are their event's position; drafts carry an empty id filled in here.
  const withReviewIds =
    <T>(plan: (head: number) => Promise<Plan<T>>) =>
    async (head: number): Promise<Plan<T>> => {
      const p = await plan(head);
      return {
        ...p,
        drafts: p.drafts.map((d, i) =>
          d.type === 'review_requested' && d.reviewId === ''
            ? { ...d, reviewId: `rev_${head + 1 + i}` }
            : d,
        ),
      };
    };

  const parse = (input: unknown): Interaction => parseInteraction(input);

  async function need(id: string, path: string): Promise<CustomerRecord> {
    const { record } = await follow(id);
    if (record === undefined) throw notFound('customer', id, path);
    return record;
  }

  async function mergePlan(
    a: CustomerRecord,
    b: CustomerRecord,
    reason: string | undefined,
  ): Promise<Draft[]> {
    if (a.id === b.id) return [];
    if (await keptApart(a, b))
      throw refused(`${a.id} and ${b.id} must never be merged (cannot-link)`, 'b');
    const conflict = uniqueConflict(profileOf(a), profileOf(b));
    if (conflict !== undefined) throw refused(`${a.id} and ${b.id} have ${conflict}`, 'b');
    const survivor = survivorOf([a, b]);
    const absorbed = survivor === a ? b : a;
    return [
      {
        type: 'customers_merged',
        survivor: survivor.id,
        absorbed: absorbed.id,
        ...(reason === undefined ? {} : { reason }),
      },
    ];
  }

  function splitDrafts(
    from: CustomerRecord,
    to: CustomerId,
    interactionIds: readonly InteractionId[],
    options: SplitOptions,
  ): Draft[] {
    const drafts: Draft[] = [
      {
        type: 'customer_split',
        from: from.id,
        to,
        interactionIds: [...interactionIds],
        identifierKeys: [...(options.identifierKeys ?? [])],
        ...(options.reason === undefined ? {} : { reason: options.reason }),
      },
    ];
    if (options.keepApart !== false)
      drafts.push({ type: 'constraint_added', constraint: 'cannot_link', a: from.id, b: to });
    return drafts;
  }

  function checkSplit(from: CustomerRecord, ids: readonly string[]) {
    if (ids.length === 0) throw refused('name at least one interaction to move', 'interactionIds');
    const held = new Set(from.interactions.map((i) => i.id as string));
    ids.forEach((id, i) => {
      if (!held.has(id))
        throw new ThreadlineError('not_found', `Interaction "${id}" is not held by ${from.id}`, [
          {
            code: 'not_found',
            path: ['interactionIds', i],
            message: `${from.id} does not hold "${id}"`,
          },
        ]);
    });
    if (new Set(ids).size >= from.interactions.length)
      throw refused('a split must leave at least one interaction behind', 'interactionIds');
  }

  function ingestParsed(interaction: Interaction, change: ChangeOptions): Promise<IngestResult> {
    return serialized(() =>
      write(withReviewIds(ingestPlan(interaction)), change.actor ?? AUTOMATIC),
    );
  }

  const resolver: Resolver = {
    model,
    settings,
    store,

    async resolve(input) {
      const interaction = parse(input);
      return (await duplicateOf(interaction)) ?? (await analyse(interaction)).decision;
    },

    async ingest(input, change = {}) {
      return ingestParsed(parse(input), change);
    },

    async ingestMany(inputs, change = {}) {
      if (!Array.isArray(inputs))
        throw new ThreadlineError('invalid_input', 'Expected an array of interactions', [
          { code: 'invalid_type', path: [], message: 'expected an array' },
        ]);
      const issues: ReturnType<typeof toIssues> = [];
      const parsedAll: Interaction[] = [];
      inputs.forEach((input, i) => {
        try {
          parsedAll.push(parse(input));
        } catch (error) {
          if (!(error instanceof ThreadlineError)) throw error;
          for (const issue of error.issues) issues.push({ ...issue, path: [i, ...issue.path] });
        }
      });
      if (issues.length > 0)
        throw new ThreadlineError(
          'invalid_interaction',
          'Invalid interactions in the batch',
          issues,
        );
      const order = parsedAll
        .map((interaction, i) => ({ interaction, i, t: Date.parse(interaction.startedAt) }))
        .sort(
          (a, b) =>
            a.t - b.t ||
            (a.interaction.id < b.interaction.id
              ? -1
              : a.interaction.id > b.interaction.id
                ? 1
                : a.i - b.i),
        );
      const results: IngestResult[] = new Array(inputs.length);
      // Validated above: not parsed a second time.
      for (const { interaction, i } of order) results[i] = await ingestParsed(interaction, change);
      return results;
    },

    merge(a, b, change = {}) {
      return serialized(() =>
        write(async () => {
          const ra = await need(a, 'a');
          const rb = await need(b, 'b');
          const drafts = await mergePlan(ra, rb, change.reason);
          const survivor = survivorOf([ra, rb]).id;
          return { drafts, touched: ra.id === rb.id ? [ra] : [ra, rb], result: () => survivor };
        }, change.actor ?? ADMIN),
      );
    },

    split(customerId, interactionIds, change) {
      return serialized(() =>
        write(async () => {
          const from = await need(customerId, 'customerId');
          checkSplit(from, interactionIds);
          const moving = new Set(interactionIds);
          const first = from.interactions.find((i) => moving.has(i.id)) as InteractionEntry;
          const to = await newCustomerId(first.id);
          return {
            drafts: splitDrafts(from, to, interactionIds as InteractionId[], change),
            touched: [from],
            result: () => to,
          };
        }, change.actor ?? ADMIN),
      );
    },

    unmerge(customerId, absorbedId, change) {
      return serialized(() =>
        write(async () => {
          const from = await need(customerId, 'customerId');
          const [live] = await store.getCustomers([absorbedId]);
          if (live !== undefined)
            throw refused(
              `${absorbedId} is a customer of its own already: nothing to undo`,
              'absorbedId',
            );
          if (!from.mergedFrom.includes(absorbedId as CustomerId))
            throw notFound(`merge into ${from.id} of customer`, absorbedId, 'absorbedId');
          // The absorbed customer's interactions: those whose first customer was the absorbed
          // id. Ids are derived from the interaction that created the customer, so the log
          // of the merge tells us; we read it back from the events.
          const moving = await interactionsOf(absorbedId as CustomerId, from);
          checkSplit(from, moving);
          return {
            drafts: splitDrafts(from, absorbedId as CustomerId, moving as InteractionId[], change),
            touched: [from],
            result: () => absorbedId as CustomerId,
          };
        }, change.actor ?? ADMIN),
      );
    },

    attach(customerId, identifier, change = {}) {
      return serialized(() =>
        write(async () => {
          const record = await need(customerId, 'customerId');
          const entry = identifierEntry(
            identifier,
            change.trust ?? { level: 'verified', method: 'agent' },
            region,
            context,
          );
          const limit = overLimit([profileOf(record), [entry]]);
          if (limit !== undefined) throw refused(`${record.id} ${limit}`, 'identifier');
          return {
            drafts: [
              {
                type: 'identifier_attached',
                customerId: record.id,
                identifier: entry,
                ...(change.reason === undefined ? {} : { reason: change.reason }),
              },
            ],
            touched: [record],
            result: () => undefined,
          };
        }, change.actor ?? ADMIN),
      );
    },

    detach(customerId, identifier, change = {}) {
      return serialized(() =>
        write(async () => {
          const record = await need(customerId, 'customerId');
          const key = typeof identifier === 'string' ? identifier : keyOf(identifier, region);
          if (!profileOf(record).some((e) => e.key === key))
            throw notFound(`identifier of ${record.id}`, key, 'identifier');
          return {
            drafts: [
              {
                type: 'identifier_detached',
                customerId: record.id,
                key,
                ...(change.reason === undefined ? {} : { reason: change.reason }),
              },
            ],
            touched: [record],
            result: () => undefined,
          };
        }, change.actor ?? ADMIN),
      );
    },

    keepApart(a, b, change = {}) {
      return serialized(() =>
        write(async () => {
          const ra = await need(a, 'a');
          const rb = await need(b, 'b');
          if (ra.id === rb.id) throw refused(`${a} and ${b} are one customer already`, 'b');
          return {
            drafts: [
              {
                type: 'constraint_added',
                constraint: 'cannot_link',
                a: ra.id,
                b: rb.id,
                ...(change.reason === undefined ? {} : { reason: change.reason }),
              },
            ],
            touched: [ra, rb],
            result: () => undefined,
          };
        }, change.actor ?? ADMIN),
      );
    },

    confirm(reviewId, candidateId, change = {}) {
      return serialized(() =>
        write(async () => {
          const [review] = await store.getReviews([reviewId]);
          if (review === undefined) throw notFound('review', reviewId, 'reviewId');
          if (review.status !== 'open')
            throw refused(`review ${reviewId} is ${review.status}`, 'reviewId');
          const candidate = candidateId ?? review.candidates[0]?.customerId;
          if (candidate === undefined || !review.candidates.some((c) => c.customerId === candidate))
            throw notFound(`candidate of review ${reviewId}`, String(candidateId), 'candidateId');
          const subject = await need(review.customerId, 'reviewId');
          const other = await need(candidate, 'candidateId');
          const drafts: Draft[] = [
            {
              type: 'review_resolved',
              reviewId,
              answer: 'confirmed',
              candidateId: candidate as CustomerId,
            },
            { type: 'constraint_added', constraint: 'must_link', a: subject.id, b: other.id },
            ...(await mergePlan(subject, other, change.reason ?? `review ${reviewId} confirmed`)),
          ];
          const survivor = survivorOf([subject, other]).id;
          return {
            drafts,
            touched: subject.id === other.id ? [subject] : [subject, other],
            result: () => survivor,
          };
        }, change.actor ?? { kind: 'agent' }),
      );
    },

    reject(reviewId, candidateId, change = {}) {
      return serialized(() =>
        write(async () => {
          const [review] = await store.getReviews([reviewId]);
          if (review === undefined) throw notFound('review', reviewId, 'reviewId');
          if (review.status !== 'open')
            throw refused(`review ${reviewId} is ${review.status}`, 'reviewId');
          const answered = new Set(review.answers.map((a) => a.candidateId as string));
          const targets =
            candidateId === undefined
              ? review.candidates
                  .map((c) => c.customerId as string)
                  .filter((id) => !answered.has(id))
              : [candidateId];
          if (
            candidateId !== undefined &&
            !review.candidates.some((c) => c.customerId === candidateId)
          )
            throw notFound(`candidate of review ${reviewId}`, candidateId, 'candidateId');
          const subject = await need(review.customerId, 'reviewId');
          const drafts: Draft[] = [];
          const touched = new Map<string, CustomerRecord>([[subject.id, subject]]);
          for (const target of targets) {
            drafts.push({
              type: 'review_resolved',
              reviewId,
              answer: 'rejected',
              candidateId: target as CustomerId,
            });
            const other = await canonical(target);
            if (other === undefined || other === subject.id) continue;
            const record = await need(other, 'candidateId');
            touched.set(record.id, record);
            drafts.push({
              type: 'constraint_added',
              constraint: 'cannot_link',
              a: subject.id,
              b: record.id,
            });
          }
          return { drafts, touched: [...touched.values()], result: () => undefined };
        }, change.actor ?? { kind: 'agent' }),
      );
    },

    async customer(id) {
      const { record } = await follow(id);
      return record === undefined ? undefined : toCustomer(record, profileOf(record));
    },

    async record(id) {
      return (await follow(id)).record;
    },

    async customers() {
      const out: CustomerRecord[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.listCustomers(after, 1000);
        out.push(...page);
        if (page.length < 1000) return out;
        after = page[page.length - 1]?.id;
      }
    },

    async lineage(id) {
      const { record, path } = await follow(id);
      return { id, current: record?.id, path };
    },

    async reviews(limit = 100) {
      return Promise.all((await store.openReviews(limit)).map(current));
    },

    async review(id) {
      const [review] = await store.getReviews([id]);
      return review === undefined ? undefined : current(review);
    },

    async labels() {
      // The latest human judgement on each reviewed pair: a confirmation, undone by a later
      // split by an agent or admin that separates the two, or restored by a later manual merge.
      const pairs = new Map<string, LabelledPair>();
      const state = emptyResolverState();
      for (const event of await allEvents()) {
        if (event.type === 'review_resolved') {
          const review = state.reviews.get(event.reviewId);
          const other = canonicalCustomerId(state, event.candidateId);
          const right =
            other === undefined ? undefined : state.customers.get(other)?.interactions[0]?.id;
          if (review?.interactionId !== undefined && right !== undefined)
            pairs.set(`${review.interactionId}\u0000${right}`, {
              left: review.interactionId,
              right,
              match: event.answer === 'confirmed',
            });
        }
        applyEvent(state, event);
        const human = event.actor.kind !== 'automatic';
        if (human && (event.type === 'customer_split' || event.type === 'customers_merged')) {
          for (const [key, pair] of pairs) {
            const together = state.owners.get(pair.left) === state.owners.get(pair.right);
            if (together !== pair.match) pairs.set(key, { ...pair, match: together });
          }
        }
      }
      return [...pairs.values()];
    },

    events(after = 0, limit = 10_000) {
      return store.events(after, limit);
    },

    async exportSnapshot() {
      const events = await allEvents();
      const customers = await resolver.customers();
      const state = replayEvents(events);
      return {
        format: 'threadline.resolver-snapshot',
        version: 1,
        events,
        customers,
        reviews: [...state.reviews.values()],
      };
    },

    importSnapshot(snapshot) {
      return serialized(async () => {
        const events = validateSnapshot(snapshot);
        if ((await store.head()) !== 0)
          throw new ThreadlineError('refused', 'Import a snapshot into an empty store only', [
            { code: 'refused', path: [], message: 'the store already holds events' },
          ]);
        const state = replayEvents(events);
        const indexAdd: [string, CustomerId][] = [];
        for (const record of state.customers.values())
          for (const k of keysOf(record)) indexAdd.push([k, record.id]);
        await store.commit({
          expectedHead: 0,
          events,
          put: [...state.customers.values()],
          remove: [],
          indexAdd,
          indexRemove: [],
          owners: [...state.owners.entries()] as [InteractionId, CustomerId][],
          redirects: [...state.redirects.entries()] as [CustomerId, CustomerId][],
          unredirect: [],
          reviews: [...state.reviews.values()],
        });
      });
    },
  };

  /** A review with its customer ids followed to the customers holding them now. */
  async function current(review: Review): Promise<Review> {
    const now = async (id: CustomerId) => (await canonical(id)) ?? id;
    return {
      ...review,
      customerId: await now(review.customerId),
      candidates: await Promise.all(
        review.candidates.map(async (c) => ({ ...c, customerId: await now(c.customerId) })),
      ),
    };
  }

  async function allEvents(): Promise<ResolverEvent[]> {
    const out: ResolverEvent[] = [];
    for (;;) {
      const page = await store.events(out.length, 10_000);
      out.push(...page);
      if (page.length < 10_000) return out;
    }
  }

  /** The interactions of `from` that the absorbed customer held when it was merged. */
  async function interactionsOf(absorbed: CustomerId, from: CustomerRecord): Promise<string[]> {
    const state = replayUntilMerge(await allEvents(), absorbed);
    const held = new Set(from.interactions.map((i) => i.id as string));
    return state.filter((id) => held.has(id));
  }

  function replayUntilMerge(events: readonly ResolverEvent[], absorbed: CustomerId): string[] {
    const state = emptyResolverState();
    let last: string[] = [];
    for (const event of events) {
      if (event.type === 'customers_merged' && event.absorbed === absorbed) {
        last = (state.customers.get(absorbed)?.interactions ?? []).map((i) => i.id);
      }
      applyEvent(state, event);
    }
    return last;
  }

  return resolver;
}

const SnapshotSchema = z.strictObject({
  format: z.literal('threadline.resolver-snapshot'),
  version: z.literal(1),
  events: z.array(ResolverEventSchema),
  customers: z.array(z.unknown()).optional(),
  reviews: z.array(z.unknown()).optional(),
});

function validateSnapshot(snapshot: unknown): ResolverEvent[] {
  const parsed = SnapshotSchema.safeParse(snapshot);
  if (!parsed.success)
    throw new ThreadlineError(
      'invalid_snapshot',
      'Invalid resolver snapshot',
      toIssues(parsed.error),
    );
  return parsed.data.events;
}

/** A stored customer in the model's {@link Customer} shape. */
function toCustomer(record: CustomerRecord, profile: readonly IdentifierEntry[]): Customer {
  const seen = new Map<
    string,
    { first: string; last: string; ids: InteractionId[]; confidence: number }
  >();
  for (const i of record.interactions) {
    for (const e of i.identifiers) {
      const known = seen.get(e.key);
      if (known === undefined)
        seen.set(e.key, { first: i.at, last: i.at, ids: [i.id], confidence: i.confidence });
      else {
        known.last = i.at;
        known.ids.push(i.id);
        known.confidence = Math.max(known.confidence, i.confidence);
      }
    }
  }
  const names: string[] = [];
  for (let k = record.interactions.length - 1; k >= 0; k--)
    for (const name of record.interactions[k]?.fields.name ?? [])
      if (!names.includes(name)) names.push(name);
  return {
    id: record.id,
    names: names.slice(0, 50),
    identifiers: profile.map((e) => {
      const s = seen.get(e.key);
      return {
        identifier: e.identifier,
        key: e.key,
        trust: e.trust,
        confidence: s?.confidence ?? 1,
        firstSeenAt: s?.first ?? record.createdAt,
        lastSeenAt: s?.last ?? record.updatedAt,
        interactionIds: s?.ids ?? [],
      };
    }),
    interactionIds: record.interactions.map((i) => i.id),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

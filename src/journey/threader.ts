import { ThreadlineError } from '../core/errors.js';
import type { Channel } from '../model/channel.js';
import type { InteractionId, JourneyId } from '../model/ids.js';
import type { Interaction } from '../model/interaction.js';
import type { Journey } from '../model/journey.js';
import type { ReferenceKind } from '../model/reference.js';
import type { JourneyAssignment, JourneyEvidence, ThreadHeader } from './evidence.js';
import { journeyIdFor } from './id.js';
import {
  type CompiledThreadingOptions,
  compileThreadingOptions,
  type JourneyThreadingOptions,
} from './options.js';
import { type PreparedCue, type PreparedInteraction, prepareInteraction } from './prepare.js';
import { toJourney } from './snapshot.js';
import { MAX_TOPIC_TERMS, sharedTerms, topicSimilarity } from './topic.js';

/**
 * Threads one customer's interactions into journeys as they arrive.
 *
 * @example
 * ```ts
 * import { createJourneyThreader, parseInteraction } from 'threadline';
 *
 * const threader = createJourneyThreader({ customerId: 'cus-1' });
 * threader.add(parseInteraction({
 *   id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'Where is order A-55123?' }],
 * }));
 * const a = threader.add(parseInteraction({
 *   id: 'call-1', channel: 'phone', startedAt: '2026-03-03T15:00:00Z',
 *   messages: [{ author: 'customer', text: 'Calling about order A-55123' }],
 * }));
 * console.log(a.decision, a.evidence[0]?.kind); // joined reference
 * console.log(threader.journeys()[0]?.channels); // [ 'email', 'phone' ]
 * ```
 */
export interface JourneyThreader {
  /**
   * Threads one interaction and explains where it went.
   *
   * @throws {@link ThreadlineError} `invalid_input` when an interaction with the same id was
   *   already added.
   */
  add(interaction: Interaction): JourneyAssignment;
  /** The journeys so far, oldest first. */
  journeys(): readonly Journey[];
  /** Every assignment made so far, in the order the interactions were added. */
  assignments(): readonly JourneyAssignment[];
  /** The journey an interaction belongs to now (after any merge), if it was added. */
  journeyOf(interactionId: string): JourneyId | undefined;
}

interface JourneyState {
  readonly index: number;
  readonly id: JourneyId;
  /** Never empty; sorted by (start, id). */
  items: PreparedInteraction[];
  terms: Set<string>;
  lastActivityMs: number;
  reopenedBy: PreparedInteraction | undefined;
  alive: boolean;
  /** Bumped on every change; entries of `recent` with an older stamp are stale. */
  stamp: number;
  cached: Journey | undefined;
}

interface IndexEntry<T> {
  readonly journey: number;
  readonly item: PreparedInteraction;
  readonly detail: T;
}

interface CueEntry {
  readonly journey: number;
  readonly item: PreparedInteraction;
  readonly cue: PreparedCue;
}

interface CueList {
  entries: CueEntry[];
  /** Entries before this offset have expired. */
  head: number;
}

interface RecentEntry {
  readonly journey: number;
  readonly stamp: number;
  readonly atMs: number;
}

interface Candidate {
  readonly state: JourneyState;
  readonly resolved: boolean;
  readonly elapsedMs: number;
  readonly windowChannel: Channel;
  readonly windowMs: number;
  /** The window that applies: a resolved journey may also be reopened within the reopen window. */
  readonly allowedMs: number;
  readonly similarity: number | undefined;
}

/** Orders interactions by start time, then id: the processing order of a batch. */
export function compareItems(a: PreparedInteraction, b: PreparedInteraction): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function mergeSorted(
  a: readonly PreparedInteraction[],
  b: readonly PreparedInteraction[],
): PreparedInteraction[] {
  const out: PreparedInteraction[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as PreparedInteraction;
    const y = b[j] as PreparedInteraction;
    if (compareItems(x, y) <= 0) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  for (; i < a.length; i++) out.push(a[i] as PreparedInteraction);
  for (; j < b.length; j++) out.push(b[j] as PreparedInteraction);
  return out;
}

function insertSorted(items: PreparedInteraction[], item: PreparedInteraction): void {
  const last = items[items.length - 1];
  if (last === undefined || compareItems(last, item) <= 0) {
    items.push(item);
    return;
  }
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareItems(items[mid] as PreparedInteraction, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  items.splice(lo, 0, item);
}

function first(state: JourneyState): PreparedInteraction {
  return state.items[0] as PreparedInteraction;
}

function last(state: JourneyState): PreparedInteraction {
  return state.items[state.items.length - 1] as PreparedInteraction;
}

const EVIDENCE_ORDER: Readonly<Record<JourneyEvidence['kind'], number>> = {
  thread_key: 0,
  reference: 1,
  channel_switch: 2,
  topic: 3,
  time_window: 4,
  reopen: 5,
  new_journey: 6,
};

/**
 * Creates an incremental journey threader for one customer. Feeding it a customer's
 * interactions in (startedAt, id) order gives exactly what {@link threadJourneys} returns.
 * Interactions added out of order are threaded as they come, against what is known so far.
 *
 * Evidence, strongest first:
 * - a shared thread key (email reply headers, a reply to a post, a conversation id, a call's
 *   previous-contact id) or reference number joins whatever the time gap; when it ties several
 *   journeys together they merge into the oldest;
 * - a channel-switch cue ("please call us on…") said within `cueWindowMs` before, predicting
 *   this interaction's channel; when the interaction also shares a thread key or reference with
 *   another journey, the cue's journey merges too;
 * - topic similarity at or above `topicThreshold` with a journey active within its window;
 * - with too few words to compare, the time window alone, for the most recent open journey.
 *
 * A customer contact joining a resolved journey reopens it.
 *
 * @param options - see {@link JourneyThreadingOptionsSchema}; only `customerId` is required.
 * @throws {@link ThreadlineError} `invalid_options` with path-addressed issues.
 * @example
 * ```ts
 * import { createJourneyThreader, parseInteraction } from 'threadline';
 *
 * const threader = createJourneyThreader({ customerId: 'cus-7' });
 * const a = threader.add(parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'hi' }],
 * }));
 * console.log(a.decision, a.evidence[0]?.kind); // new new_journey
 * console.log(threader.journeyOf('chat-1') === a.journeyId); // true
 * ```
 */
export function createJourneyThreader(options: JourneyThreadingOptions): JourneyThreader {
  return threaderFor(compileThreadingOptions(options));
}

/** A threader over compiled options (shared with the batch form, which compiles once). */
export function threaderFor(options: CompiledThreadingOptions): JourneyThreader {
  const states: JourneyState[] = [];
  const parent: number[] = [];
  const usedIds = new Set<string>();
  const byInteraction = new Map<string, number>();
  const refIndex = new Map<string, IndexEntry<ReferenceKind>>();
  const keyIndex = new Map<string, IndexEntry<ThreadHeader>>();
  const cueIndex = new Map<Channel, CueList>();
  let recent: RecentEntry[] = [];
  let live = 0;
  let stampCounter = 0;
  let latestStartMs = Number.NEGATIVE_INFINITY;
  const log: JourneyAssignment[] = [];

  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    let at = index;
    while (parent[at] !== root) {
      const next = parent[at] as number;
      parent[at] = root;
      at = next;
    }
    return root;
  };

  const stateOf = (index: number): JourneyState => states[find(index)] as JourneyState;

  const touch = (state: JourneyState, atMs: number): void => {
    state.stamp = ++stampCounter;
    state.cached = undefined;
    recent.push({ journey: state.index, stamp: state.stamp, atMs });
    // Drop stale entries once they outnumber the live ones, keeping the scan amortized linear.
    if (recent.length > 2 * live + 64) {
      recent = recent.filter((e) => {
        const s = states[e.journey];
        return s?.alive === true && s.stamp === e.stamp;
      });
    }
  };

  const addTerms = (state: JourneyState, terms: ReadonlySet<string>): void => {
    for (const term of terms) {
      if (state.terms.size >= MAX_TOPIC_TERMS) return;
      state.terms.add(term);
    }
  };

  const register = (state: JourneyState, item: PreparedInteraction): void => {
    byInteraction.set(item.id, state.index);
    for (const ref of item.references) {
      if (ref.key === '' || !options.referenceKinds.has(ref.kind)) continue;
      if (!refIndex.has(ref.key)) {
        refIndex.set(ref.key, { journey: state.index, item, detail: ref.kind });
      }
    }
    for (const key of item.threadKeys) {
      if (!keyIndex.has(key.key)) {
        keyIndex.set(key.key, { journey: state.index, item, detail: key.header });
      }
    }
    for (const cue of item.cues) {
      for (const channel of cue.channels) {
        let list = cueIndex.get(channel);
        if (list === undefined) {
          list = { entries: [], head: 0 };
          cueIndex.set(channel, list);
        }
        list.entries.push({ journey: state.index, item, cue });
      }
    }
  };

  const open = (item: PreparedInteraction): JourneyState => {
    const index = states.length;
    const id = journeyIdFor(options.customerId, item.id, usedIds);
    usedIds.add(id);
    const state: JourneyState = {
      index,
      id,
      items: [item],
      terms: new Set(),
      lastActivityMs: item.endMs,
      reopenedBy: undefined,
      alive: true,
      stamp: 0,
      cached: undefined,
    };
    addTerms(state, item.terms);
    states.push(state);
    parent.push(index);
    live++;
    return state;
  };

  const join = (state: JourneyState, item: PreparedInteraction, reopen: boolean): void => {
    insertSorted(state.items, item);
    addTerms(state, item.terms);
    state.lastActivityMs = Math.max(state.lastActivityMs, item.endMs);
    if (reopen) state.reopenedBy = item;
  };

  const merge = (survivor: JourneyState, other: JourneyState): void => {
    survivor.items = mergeSorted(survivor.items, other.items);
    addTerms(survivor, other.terms);
    survivor.lastActivityMs = Math.max(survivor.lastActivityMs, other.lastActivityMs);
    const a = survivor.reopenedBy;
    const b = other.reopenedBy;
    if (b !== undefined && (a === undefined || compareItems(a, b) < 0)) survivor.reopenedBy = b;
    other.alive = false;
    other.cached = undefined;
    parent[other.index] = survivor.index;
    live--;
  };

  /** The newest valid cue predicting this interaction's channel. */
  const bestCue = (item: PreparedInteraction): CueEntry | undefined => {
    const list = cueIndex.get(item.interaction.channel);
    if (list === undefined) return undefined;
    // Processing runs forward in time, so cues older than the window can never match again.
    const expiry = latestStartMs - options.cueWindowMs;
    while (list.head < list.entries.length && (list.entries[list.head]?.cue.atMs ?? 0) < expiry) {
      list.head++;
    }
    if (list.head > 64 && list.head * 2 > list.entries.length) {
      list.entries = list.entries.slice(list.head);
      list.head = 0;
    }
    let best: CueEntry | undefined;
    for (let i = list.entries.length - 1; i >= list.head; i--) {
      const entry = list.entries[i] as CueEntry;
      const elapsed = item.startMs - entry.cue.atMs;
      if (elapsed < 0 || elapsed > options.cueWindowMs) continue;
      if (entry.cue.privateOnly && item.interaction.visibility === 'public') continue;
      if (best === undefined || entry.cue.atMs > best.cue.atMs) best = entry;
    }
    return best;
  };

  const judgeable = (terms: ReadonlySet<string>) => terms.size >= options.minTopicTerms;

  const candidate = (state: JourneyState, item: PreparedInteraction): Candidate => {
    const lastItem = last(state);
    const resolved = lastItem.closes;
    const elapsedMs = Math.max(0, item.startMs - state.lastActivityMs);
    const a = lastItem.interaction.channel;
    const b = item.interaction.channel;
    const wa = options.windowOf(a);
    const wb = options.windowOf(b);
    const windowChannel = wb > wa ? b : a;
    const windowMs = Math.max(wa, wb);
    const allowedMs = resolved ? Math.max(windowMs, options.reopenWindowMs) : windowMs;
    const similarity =
      judgeable(item.terms) && judgeable(state.terms)
        ? topicSimilarity(item.terms, state.terms).score
        : undefined;
    return { state, resolved, elapsedMs, windowChannel, windowMs, allowedMs, similarity };
  };

  /** Recently active journeys, most recent first, at most `maxCandidates`. */
  const candidates = (item: PreparedInteraction): Candidate[] => {
    const out: Candidate[] = [];
    const seen = new Set<number>();
    const horizon = item.startMs - options.horizonMs;
    for (let i = recent.length - 1; i >= 0 && out.length < options.maxCandidates; i--) {
      const entry = recent[i] as RecentEntry;
      if (entry.atMs < horizon) break;
      const state = states[entry.journey];
      if (state === undefined || !state.alive || state.stamp !== entry.stamp) continue;
      if (seen.has(state.index)) continue;
      seen.add(state.index);
      out.push(candidate(state, item));
    }
    return out;
  };

  const supporting = (
    state: JourneyState,
    item: PreparedInteraction,
    cue: CueEntry | undefined,
    evidence: JourneyEvidence[],
  ): boolean => {
    const c = candidate(state, item);
    if (cue !== undefined && find(cue.journey) === state.index) {
      evidence.push({
        kind: 'channel_switch',
        cueId: cue.cue.spec.id,
        speaker: cue.cue.spec.speaker,
        text: cue.cue.text,
        target: cue.cue.spec.target,
        cueInteractionId: cue.item.id,
        cueMessageIndex: cue.cue.messageIndex,
        cueAt: cue.cue.at,
        elapsedMs: item.startMs - cue.cue.atMs,
        windowMs: options.cueWindowMs,
      });
    }
    if (c.similarity !== undefined && c.similarity >= options.topicThreshold) {
      evidence.push({
        kind: 'topic',
        similarity: c.similarity,
        threshold: options.topicThreshold,
        sharedTerms: sharedTerms(item.terms, state.terms, 10),
      });
    }
    if (c.elapsedMs <= c.windowMs) {
      evidence.push({
        kind: 'time_window',
        channel: c.windowChannel,
        elapsedMs: c.elapsedMs,
        windowMs: c.windowMs,
      });
    }
    const reopen = c.resolved && item.customerContact;
    if (reopen) {
      const resolvedBy = last(state);
      evidence.push({
        kind: 'reopen',
        resolvedInteractionId: resolvedBy.id,
        resolvedAt: resolvedBy.endAt,
        elapsedMs: Math.max(0, item.startMs - resolvedBy.endMs),
      });
    }
    return reopen;
  };

  /** Journeys sharing a thread key or a reference with the interaction, with the evidence. */
  const strongMatches = (item: PreparedInteraction) => {
    const found = new Map<number, JourneyEvidence[]>();
    const note = (journey: number, evidence: JourneyEvidence) => {
      const root = find(journey);
      const list = found.get(root);
      if (list === undefined) found.set(root, [evidence]);
      else list.push(evidence);
    };
    for (const key of item.threadKeys) {
      const entry = keyIndex.get(key.key);
      if (entry === undefined) continue;
      note(entry.journey, {
        kind: 'thread_key',
        header: key.header,
        value: key.value,
        matchedInteractionId: entry.item.id,
        matchedHeader: entry.detail,
      });
    }
    const quoted = new Set<string>();
    for (const ref of item.references) {
      if (ref.key === '' || !options.referenceKinds.has(ref.kind) || quoted.has(ref.key)) continue;
      quoted.add(ref.key);
      const entry = refIndex.get(ref.key);
      if (entry === undefined) continue;
      note(entry.journey, {
        kind: 'reference',
        referenceKind: ref.kind,
        value: ref.value,
        key: ref.key,
        origin: ref.origin,
        matchedInteractionId: entry.item.id,
        matchedReferenceKind: entry.detail,
      });
    }
    return found;
  };

  const record = (assignment: JourneyAssignment): JourneyAssignment => {
    log.push(assignment);
    return assignment;
  };

  const add = (interaction: Interaction): JourneyAssignment => {
    if (byInteraction.has(interaction.id)) {
      throw new ThreadlineError(
        'invalid_input',
        `Interaction "${interaction.id}" was already threaded`,
        [
          {
            code: 'duplicate_id',
            path: ['id'],
            message: `duplicate interaction id "${interaction.id}"`,
          },
        ],
      );
    }
    const item = prepareInteraction(interaction, options);
    latestStartMs = Math.max(latestStartMs, item.startMs);
    const cue = bestCue(item);
    const strong = strongMatches(item);
    // A contact answering a channel-switch cue ("DM us your order number") while quoting another
    // journey's reference shows the two journeys are one issue: the cue's journey joins the merge.
    if (strong.size > 0 && cue !== undefined && !strong.has(find(cue.journey))) {
      strong.set(find(cue.journey), []);
    }

    if (strong.size > 0) {
      const roots = [...strong.keys()]
        .map((root) => states[root] as JourneyState)
        .sort((a, b) => compareItems(first(a), first(b)));
      const survivor = roots[0] as JourneyState;
      const merged: JourneyId[] = [];
      for (const other of roots.slice(1)) {
        merge(survivor, other);
        merged.push(other.id);
      }
      const evidence: JourneyEvidence[] = roots.flatMap((root) => strong.get(root.index) ?? []);
      const reopen = supporting(survivor, item, cue, evidence);
      evidence.sort((a, b) => EVIDENCE_ORDER[a.kind] - EVIDENCE_ORDER[b.kind]);
      join(survivor, item, reopen);
      register(survivor, item);
      touch(survivor, item.startMs);
      return record({
        interactionId: item.id,
        journeyId: survivor.id,
        decision: 'joined',
        evidence,
        mergedJourneyIds: merged,
      });
    }

    const pool = candidates(item);
    let chosen: JourneyState | undefined = cue === undefined ? undefined : stateOf(cue.journey);
    if (chosen === undefined) {
      let best: Candidate | undefined;
      for (const c of pool) {
        if (c.similarity === undefined || c.similarity < options.topicThreshold) continue;
        if (c.elapsedMs > c.allowedMs) continue;
        if (best === undefined || (best.similarity ?? 0) < c.similarity) best = c;
      }
      chosen = best?.state;
    }
    if (chosen === undefined) {
      const latest = pool[0];
      if (
        latest !== undefined &&
        !latest.resolved &&
        latest.similarity === undefined &&
        latest.elapsedMs <= latest.windowMs
      ) {
        chosen = latest.state;
      }
    }

    if (chosen !== undefined) {
      const evidence: JourneyEvidence[] = [];
      const reopen = supporting(chosen, item, cue, evidence);
      join(chosen, item, reopen);
      register(chosen, item);
      touch(chosen, item.startMs);
      return record({
        interactionId: item.id,
        journeyId: chosen.id,
        decision: 'joined',
        evidence,
        mergedJourneyIds: [],
      });
    }

    const evidence = newJourneyEvidence(pool, live);
    const state = open(item);
    register(state, item);
    touch(state, item.startMs);
    return record({
      interactionId: item.id,
      journeyId: state.id,
      decision: 'new',
      evidence: [evidence],
      mergedJourneyIds: [],
    });
  };

  return {
    add,
    journeys: () => {
      const alive = states.filter((s) => s.alive);
      alive.sort((a, b) => compareItems(first(a), first(b)));
      return alive.map((state) => {
        state.cached ??= toJourney(
          state.id,
          options.customerId,
          // `items` is never empty: a journey is opened with its first interaction.
          state.items as [PreparedInteraction, ...PreparedInteraction[]],
          state.reopenedBy,
        );
        return state.cached;
      });
    },
    assignments: () => [...log],
    journeyOf: (interactionId: string) => {
      const index = byInteraction.get(interactionId as InteractionId);
      return index === undefined ? undefined : stateOf(index).id;
    },
  };
}

function newJourneyEvidence(pool: readonly Candidate[], live: number): JourneyEvidence {
  if (live === 0) return { kind: 'new_journey', reason: 'first_contact' };
  const inWindow = pool.filter((c) => c.elapsedMs <= c.allowedMs);
  const compared = inWindow.filter((c) => c.similarity !== undefined);
  let closest: Candidate | undefined;
  for (const c of compared) {
    if (closest === undefined || (closest.similarity ?? 0) < (c.similarity ?? 0)) closest = c;
  }
  closest ??= inWindow[0] ?? pool[0];
  const reason =
    inWindow.length === 0
      ? 'outside_window'
      : compared.length > 0
        ? 'different_topic'
        : 'insufficient_evidence';
  if (closest === undefined) return { kind: 'new_journey', reason };
  return {
    kind: 'new_journey',
    reason,
    closest: {
      journeyId: closest.state.id,
      ...(closest.similarity === undefined ? {} : { similarity: closest.similarity }),
      elapsedMs: closest.elapsedMs,
      windowMs: closest.allowedMs,
    },
  };
}

// What a handoff build derives from texts alone, kept between builds. A helpdesk rebuilds the
// packet on every message and at every transfer; the journey grows by one interaction at a
// time, so nearly every text of a build was already read by the previous one.
//
// Everything kept is keyed by content, never by an interaction's id or object: a reading under
// its text (what extractors find in it hangs off the reading, under the settings it was read
// with), an identifier's reading under its value and region, a name's key under the name, a
// cleaned message under its text and a sentence's words under the sentence. An interaction
// edited in place or sent again under the same id with other words simply finds nothing for
// its new texts, and journeys parsed anew from JSON for every build still hit. Merging,
// ranking, redaction and fitting stay per build: they depend on the whole journey.
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import { toIssues } from '../../model/parse.js';
import { type ValueMemo, valueMemo } from '../extract/facts.js';
import type { Reading } from '../extract/reading.js';
import { dialogMemo } from '../summary/dialog.js';
import { createLexicon } from '../summary/lexicon.js';
import type { SectionMemo } from '../summary/section.js';

/**
 * Options of {@link createHandoffCache}.
 *
 * @example
 * ```ts
 * import { HandoffCacheOptionsSchema } from 'threadline';
 *
 * console.log(HandoffCacheOptionsSchema.parse({}).maxTexts); // 5000
 * ```
 */
export const HandoffCacheOptionsSchema = z.strictObject({
  /**
   * The most distinct message texts (and subjects) kept, least recently used dropped first
   * (default 5,000: at about 4 KB per text with its analysis, some 20 MB).
   */
  maxTexts: z.number().int().min(1).max(10_000_000).default(5000),
});

/**
 * What {@link createHandoffCache} accepts; see {@link HandoffCacheOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { HandoffCacheOptions } from 'threadline';
 *
 * const small: HandoffCacheOptions = { maxTexts: 2000 };
 * console.log(small.maxTexts); // 2000
 * ```
 */
export type HandoffCacheOptions = z.input<typeof HandoffCacheOptionsSchema>;

/**
 * A cache of per-text analysis shared by handoff builds (see {@link createHandoffCache}).
 *
 * @example
 * ```ts
 * import { createHandoffCache, type HandoffCache } from 'threadline';
 *
 * const cache: HandoffCache = createHandoffCache({ maxTexts: 100 });
 * console.log(cache.size, cache.maxTexts); // 0 100
 * ```
 */
export interface HandoffCache {
  /** How many distinct texts it holds now. */
  readonly size: number;
  /** The most distinct texts it keeps. */
  readonly maxTexts: number;
  /** Forgets everything (a build after it costs what a build without a cache costs). */
  clear(): void;
}

/**
 * The summary's tables (cleaned texts, split sentences, stripped sentences, words and analysed
 * sentences) may hold this many entries per text the cache keeps before they are dropped
 * together: a text has a few sentences and a sentence a dozen words, most of them shared.
 */
const SECTION_ENTRIES_PER_TEXT = 8;

/** What one build may reuse: the readings, the read values and the summary's tables. */
export interface BuildMemo {
  readonly texts: LRUCache<string, Reading>;
  readonly values: ValueMemo;
  readonly section: SectionMemo;
}

function sectionSize(section: SectionMemo): number {
  const { cleaned, split, stripped } = section.dialog;
  return cleaned.size + split.size + stripped.size + section.lexicon.size();
}

function valuesSize(values: ValueMemo): number {
  return values.reads.size + values.accounts.size + values.names.size;
}

// A cache carries its per-build step under this symbol, out of sight of callers. It is a plain
// object made by a function, not a class instance checked with `instanceof`: the options schema
// recognises caches, and a class there would make every bundle that validates handoff options
// carry the cache and lru-cache, even one that never makes a cache.
const FOR_BUILD: unique symbol = /* @__PURE__ */ Symbol('threadline.handoffCache');

interface CacheInternals {
  readonly [FOR_BUILD]: () => BuildMemo;
}

/**
 * The tables for the next build. Readings are evicted one by one; the value and summary tables,
 * whose entries are small and shared by many texts, are dropped whole between builds once they
 * outgrow their bound (never during one: a lexicon's token ids must stay the same for all the
 * sentences of a build).
 */
function textCache(maxTexts: number): HandoffCache & CacheInternals {
  const texts = new LRUCache<string, Reading>({ max: maxTexts });
  let values: ValueMemo = valueMemo();
  let section: SectionMemo = { dialog: dialogMemo(), lexicon: createLexicon() };
  return {
    maxTexts,
    get size() {
      return texts.size;
    },
    clear() {
      texts.clear();
      values = valueMemo();
      section = { dialog: dialogMemo(), lexicon: createLexicon() };
    },
    [FOR_BUILD]() {
      if (valuesSize(values) > maxTexts) values = valueMemo();
      if (sectionSize(section) > SECTION_ENTRIES_PER_TEXT * maxTexts) {
        section = { dialog: dialogMemo(), lexicon: createLexicon() };
      }
      return { texts, values, section };
    },
  };
}

/** True for a cache made by {@link createHandoffCache}. */
export function isHandoffCache(value: unknown): value is HandoffCache {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<CacheInternals>)[FOR_BUILD] === 'function'
  );
}

/** The tables of a cache for the next build. */
export function buildMemo(cache: HandoffCache): BuildMemo {
  if (!isHandoffCache(cache)) {
    throw new ThreadlineError('invalid_options', 'Invalid handoff options', [
      { code: 'custom', path: ['cache'], message: 'expected a cache from createHandoffCache' },
    ]);
  }
  return (cache as HandoffCache & CacheInternals)[FOR_BUILD]();
}

/**
 * Creates a cache that keeps what handoff builds derive from each text between builds: the
 * words and sentences of every message, the facts, promises, questions, actions and mood read
 * in it, normalized identifiers and names, and the summary's split and analysed sentences.
 * Pass it as `cache` to {@link buildHandoff} (or `buildHandoffWithSummary`) on every rebuild of
 * a growing journey: only the new interaction's texts are read, then the packet is merged,
 * ranked, redacted and fitted as usual. A build with a cache gives exactly the packet a build
 * without one gives, whatever the cache saw before.
 *
 * Keys are content, not ids: a reading is kept under its text and whatever was found in it
 * under the settings it was read with (side, region, date order, writer's day), so an
 * interaction changed under the same id can never reuse its old analysis, and interactions
 * parsed anew for every build still hit. The bound is on distinct texts (`maxTexts`, least
 * recently used dropped first): a helpdesk's journeys repeat greetings and templates, so texts
 * say more about memory than interactions do. One cache may serve many journeys and
 * customers; it holds their texts, so keep it where those texts may live.
 *
 * @param options - `maxTexts`, the most distinct texts kept (default 5,000, some 20 MB).
 * @returns an empty cache.
 * @throws {@link ThreadlineError} `invalid_options` for a bad bound.
 * @example
 * ```ts
 * import { buildHandoff, createHandoffCache, parseInteraction, parseJourney } from 'threadline';
 *
 * const cache = createHandoffCache({ maxTexts: 5000 });
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'My order #A-55123 never arrived.' }],
 * });
 * const call = parseInteraction({
 *   id: 'call-1', channel: 'phone', startedAt: '2026-03-02T10:00:00Z',
 *   messages: [{ author: 'customer', text: 'Calling again about order #A-55123.' }],
 * });
 * const journeyOf = (ids: string[]) =>
 *   parseJourney({ id: 'j-1', customerId: 'cus-1', status: 'open', interactionIds: ids, channels: ['chat', 'phone'],
 *     openedAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-02T10:00:00Z' });
 * const options = { to: 'phone', now: '2026-03-02T10:05:00Z', cache } as const;
 * buildHandoff({ journey: journeyOf(['chat-1']), interactions: [chat] }, options);
 * // The call arrives: only its text is read anew.
 * const packet = buildHandoff({ journey: journeyOf(['chat-1', 'call-1']), interactions: [chat, call] }, options);
 * console.log(packet.facts.map((f) => f.value)); // [ 'A-55123' ]
 * console.log(cache.size); // 2
 * ```
 */
export function createHandoffCache(options?: HandoffCacheOptions): HandoffCache {
  const parsed = HandoffCacheOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new ThreadlineError(
      'invalid_options',
      'Invalid handoff cache options',
      toIssues(parsed.error),
    );
  }
  return textCache(parsed.data.maxTexts);
}

import { z } from 'zod';
import { ReferenceKindSchema } from '../../model/reference.js';
import { defaultReferenceExtractor } from './defaults.js';
import { normalizeReferenceValue, passesReferenceCheck } from './keys.js';
import type { CompiledPattern, KeywordNode, ReferenceExtractor } from './patterns.js';
import { MAX_TOKEN_LENGTH } from './regex-safety.js';
import {
  ABBREVIATIONS,
  CONNECTOR_WORDS,
  CURRENCY_SIGNS,
  entityAt,
  FILLER_WORDS,
  foldWord,
  GAP_DOT,
  GAP_HARD,
  GAP_LIST,
  GAP_NEWLINE,
  gapClass,
  isAsciiDigit,
  isSpace,
  tokenEnd,
  wordWidth,
} from './text.js';

/**
 * A reference number found in a text.
 *
 * - `value`: the characters as written (`text.slice(start, end) === value`).
 * - `key`: the value normalized by its pattern, for comparing references across messages.
 * - `pattern`: the name of the pattern that matched.
 * - `evidence`: `keyword` when a keyword announced the value (`order #A-55123`), `shape` when
 *   the value's shape alone was enough (`1Z999AA10123456784`).
 * - `start` / `end`: UTF-16 offsets into the text.
 *
 * @example
 * ```ts
 * import { FoundReferenceSchema } from 'threadline';
 *
 * const ref = FoundReferenceSchema.parse({
 *   kind: 'order', value: 'A-55123', key: 'A55123', pattern: 'order',
 *   evidence: 'keyword', start: 10, end: 17,
 * });
 * console.log(ref.key); // A55123
 * ```
 */
export const FoundReferenceSchema = z
  .strictObject({
    kind: ReferenceKindSchema,
    value: z.string().min(1).max(MAX_TOKEN_LENGTH),
    key: z.string().min(1),
    pattern: z.string().min(1),
    evidence: z.enum(['keyword', 'shape']),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .readonly();

/**
 * A reference found in a text; see {@link FoundReferenceSchema}.
 *
 * @example
 * ```ts
 * import { extractReferences, type FoundReference } from 'threadline';
 *
 * const refs: readonly FoundReference[] = extractReferences('case number is 00123456');
 * console.log(refs[0]?.kind, refs[0]?.value); // ticket 00123456
 * ```
 */
export type FoundReference = z.infer<typeof FoundReferenceSchema>;

/**
 * A work counter for {@link extractReferences}: `steps` grows by the characters scanned, folded
 * and handed to token regexes, and by the keyword look-ups made. It makes the linear-time
 * guarantee testable without timing: `steps ≤ referenceStepBound(extractor) × (text.length + 1)`.
 *
 * @example
 * ```ts
 * import { extractReferences, type ExtractionStats } from 'threadline';
 *
 * const stats: ExtractionStats = { steps: 0 };
 * extractReferences('order 12345', undefined, stats);
 * console.log(stats.steps > 0); // true
 * ```
 */
export interface ExtractionStats {
  steps: number;
}

/**
 * The constant C in `steps ≤ C × (text.length + 1)` for an extractor: it grows with the number
 * of patterns, never with the text.
 *
 * @param extractor - a compiled extractor.
 * @returns the per-character work bound.
 *
 * @example
 * ```ts
 * import { defaultReferenceExtractor, referenceStepBound } from 'threadline';
 *
 * console.log(referenceStepBound(defaultReferenceExtractor)); // 128
 * ```
 */
export function referenceStepBound(extractor: ReferenceExtractor): number {
  return extractor.tables.stepBound;
}

// Filler words allowed between a keyword and its value (`order number is: 123` has two).
const MAX_FILLERS = 4;

const MODE_NONE = 0;
const MODE_KEYWORD = 1;
const MODE_LIST = 2;

const EMPTY: readonly FoundReference[] = Object.freeze([]);

/**
 * Finds order numbers, ticket and case numbers, booking codes, tracking ids, invoice and account
 * numbers in free text.
 *
 * Runs in one linear pass whatever the patterns: the text is split into tokens (runs of letters
 * and digits joined by single `-`, `/`, `_` or `.`, an optional leading `#`, at most 64
 * characters), keyword phrases are followed word by word, and each pattern's value regex is only
 * ever tested, anchored, against one token. Values are reported after a keyword and up to four
 * filler words (`order number is: 123`), in lists after one (`case 00197387 & 00197126`), or on
 * their own for standalone shapes. Mentions, e-mail addresses, URLs, prices, percentages,
 * phone numbers written with `+` and clock times are never reported. Never throws.
 *
 * @param text - any string.
 * @param extractor - compiled patterns; the defaults cover English and a few other languages.
 * @param stats - optional work counter, see {@link ExtractionStats}.
 * @returns the references, sorted by position, never overlapping. When several patterns fit one
 *   token, a keyword-announced pattern beats a standalone one; among keyword patterns the one
 *   with the longer (more specific) keyword nearest the value wins, then the earlier pattern.
 *
 * @example
 * ```ts
 * import { extractReferences } from 'threadline';
 *
 * for (const ref of extractReferences('My order #A-55123 never came; UPS says 1Z999AA10123456784.')) {
 *   console.log(ref.kind, ref.value, ref.key);
 * }
 * // order A-55123 A55123
 * // tracking 1Z999AA10123456784 1Z999AA10123456784
 * ```
 */
export function extractReferences(
  text: string,
  extractor: ReferenceExtractor = defaultReferenceExtractor,
  stats?: ExtractionStats,
): readonly FoundReference[] {
  if (typeof text !== 'string' || text.length === 0) return EMPTY;
  const tables = extractor.tables;
  const patterns = tables.patterns;
  const standalone = tables.standalone;
  const keywordIndex = tables.keywords;
  const ringSize = Math.max(tables.maxKeywordWords - 1, 0);
  const foldLimit = tables.foldLimit;
  const n = text.length;

  const found: FoundReference[] = [];
  let steps = 0;

  // The patterns announced by the current keyword context, best first, with a membership mask.
  const context = new Int32Array(patterns.length);
  const inContext = new Uint8Array(patterns.length);
  let contextLength = 0;
  let mode = MODE_NONE;
  let fillers = 0;
  // The folded words before the current token since the last break; recent[0] is the nearest.
  const recent: (string | undefined)[] = new Array<string | undefined>(ringSize).fill(undefined);
  let recentLength = 0;

  // What the characters since the previous token did to the context.
  let gapHard = false;
  let gapList = false;
  let newlines = 0;
  let previousEnd = -1;
  let previousWord: string | undefined;

  // The key of the last successful pattern test, handed from tryPattern to emit.
  let matchedKey = '';

  const clearContext = (): void => {
    for (let k = 0; k < contextLength; k++) inContext[context[k] as number] = 0;
    contextLength = 0;
    mode = MODE_NONE;
    fillers = 0;
  };

  const pushContext = (p: number): void => {
    if (inContext[p] === 1) return;
    inContext[p] = 1;
    context[contextLength++] = p;
  };

  const accepts = (pattern: CompiledPattern, value: string): boolean => {
    const key = normalizeReferenceValue(value, pattern.normalize);
    steps += value.length + key.length;
    if (key === '' || pattern.exclude.has(key)) return false;
    if (pattern.check !== undefined) {
      steps += key.length;
      if (!passesReferenceCheck(key, pattern.check)) return false;
    }
    matchedKey = key;
    return true;
  };

  const tryPattern = (
    p: number,
    start: number,
    bodyStart: number,
    end: number,
  ): string | undefined => {
    const pattern = patterns[p] as CompiledPattern;
    if (bodyStart > start && pattern.acceptsHash) {
      const length = end - start;
      if (length >= pattern.minLength && length <= pattern.maxLength) {
        const raw = text.slice(start, end);
        steps += length;
        // Keys drop leading `#`s, so the body would get the same key and the same verdict.
        if (pattern.regex.test(raw)) return accepts(pattern, raw) ? raw : undefined;
      }
    }
    const length = end - bodyStart;
    if (length < pattern.minLength || length > pattern.maxLength) return undefined;
    const body = text.slice(bodyStart, end);
    steps += length;
    return pattern.regex.test(body) && accepts(pattern, body) ? body : undefined;
  };

  const emit = (p: number, value: string, end: number, evidence: 'keyword' | 'shape'): void => {
    const pattern = patterns[p] as CompiledPattern;
    found.push(
      Object.freeze({
        kind: pattern.kind,
        value,
        key: matchedKey,
        pattern: pattern.name,
        evidence,
        start: end - value.length,
        end,
      }),
    );
  };

  const announce = (node: KeywordNode, asFiller: boolean): boolean => {
    // Walk the keyword trie backwards through the recent words, collecting every phrase that
    // ends at this token; deeper phrases are more specific.
    let hits: { pattern: number; depth: number }[] | undefined;
    let depth = 1;
    let current: KeywordNode | undefined = node;
    while (current !== undefined) {
      for (const p of current.patterns) {
        hits ??= [];
        const prior = hits.find((hit) => hit.pattern === p);
        if (prior === undefined) hits.push({ pattern: p, depth });
        else prior.depth = Math.max(prior.depth, depth);
      }
      if (depth > recentLength) break;
      const word = recent[depth - 1];
      steps++;
      current = word === undefined ? undefined : current.previous.get(word);
      depth++;
    }
    if (hits === undefined) return false;
    hits.sort((a, b) => b.depth - a.depth || a.pattern - b.pattern);
    // A filler that is also a keyword (`ref` in `order ref 123`) extends the context it sits in,
    // counting towards its filler window, instead of replacing it: the head keyword keeps priority.
    if (asFiller && mode !== MODE_NONE && fillers < MAX_FILLERS) fillers++;
    else clearContext();
    for (const hit of hits) pushContext(hit.pattern);
    mode = MODE_KEYWORD;
    return true;
  };

  const remember = (word: string | undefined): void => {
    if (ringSize === 0) return;
    for (let k = Math.min(recentLength, ringSize - 1); k > 0; k--) recent[k] = recent[k - 1];
    recent[0] = word;
    if (recentLength < ringSize) recentLength++;
  };

  const processToken = (start: number, bodyStart: number, end: number): void => {
    if (gapHard || newlines >= 2 || gapList) {
      // A list separator keeps a list of values going, but never joins the words of a phrase.
      if (gapHard || newlines >= 2 || mode !== MODE_LIST) clearContext();
      recentLength = 0;
      gapHard = false;
      gapList = false;
    }
    newlines = 0;

    const bodyLength = end - bodyStart;
    const word = bodyLength <= foldLimit ? foldWord(text.slice(bodyStart, end)) : undefined;
    if (word !== undefined) steps += bodyLength + word.length;
    previousEnd = end;
    previousWord = word;

    if (isExcluded(text, start, end)) {
      clearContext();
      remember(undefined);
      return;
    }

    steps += 2;
    // A token too long to fold cannot be a keyword or a filler, but it can still be a value.
    const plainFiller = word !== undefined && FILLER_WORDS.has(word);
    const filler =
      plainFiller || (word !== undefined && mode === MODE_LIST && CONNECTOR_WORDS.has(word));
    const node = word === undefined ? undefined : keywordIndex.get(word);

    if (!filler && node === undefined && end - start <= MAX_TOKEN_LENGTH) {
      for (let k = 0; k < contextLength; k++) {
        const p = context[k] as number;
        const value = tryPattern(p, start, bodyStart, end);
        if (value !== undefined) {
          emit(p, value, end, 'keyword');
          // Keep the pattern alone in the context: more values may follow as a list.
          clearContext();
          pushContext(p);
          mode = MODE_LIST;
          remember(word);
          return;
        }
      }
      for (const p of standalone) {
        if (inContext[p] === 1) continue;
        const value = tryPattern(p, start, bodyStart, end);
        if (value !== undefined) {
          emit(p, value, end, 'shape');
          clearContext();
          remember(word);
          return;
        }
      }
    }

    if (node !== undefined && announce(node, plainFiller)) {
      // announce has set the context
    } else if (filler && mode !== MODE_NONE) {
      fillers++;
      if (fillers > MAX_FILLERS) clearContext();
    } else if (mode !== MODE_NONE) {
      clearContext();
    }
    remember(word);
  };

  let i = 0;
  while (i < n) {
    let bodyStart = i;
    if (wordWidth(text, i) === 0) {
      const code = text.charCodeAt(i);
      if (code === 35 && wordWidth(text, i + 1) > 0) {
        bodyStart = i + 1;
      } else {
        const entity = code === 38 ? entityAt(text, i) : 0;
        const length = entity === 0 ? 1 : entity >>> 16;
        const kind = gapClass(entity === 0 ? code : entity & 0xffff);
        if (kind === GAP_HARD) gapHard = true;
        else if (kind === GAP_LIST) gapList = true;
        else if (kind === GAP_NEWLINE) {
          // \r\n is one line break.
          if (!(code === 13 && text.charCodeAt(i + 1) === 10)) newlines++;
        } else if (kind === GAP_DOT) {
          const afterAbbreviation =
            i === previousEnd && previousWord !== undefined && ABBREVIATIONS.has(previousWord);
          if (!afterAbbreviation) gapHard = true;
        }
        steps += length;
        i += length;
        continue;
      }
    }
    const start = i;
    const end = tokenEnd(text, bodyStart);
    steps += 2 * (end - start);
    processToken(start, bodyStart, end);
    i = end;
    if (startsUrl(text, start, end)) {
      // Nothing inside a URL is a reference the customer gave: skip to the next whitespace.
      while (i < n && !isSpace(text.charCodeAt(i))) {
        i++;
        steps++;
      }
      gapHard = true;
    }
  }
  if (stats !== undefined) stats.steps += steps;
  return found.length === 0 ? EMPTY : Object.freeze(found);
}

function startsUrl(text: string, start: number, end: number): boolean {
  if (
    text.charCodeAt(end) === 58 &&
    text.charCodeAt(end + 1) === 47 &&
    text.charCodeAt(end + 2) === 47
  ) {
    return true;
  }
  return (
    end - start > 4 &&
    (text.charCodeAt(start) | 32) === 119 &&
    (text.charCodeAt(start + 1) | 32) === 119 &&
    (text.charCodeAt(start + 2) | 32) === 119 &&
    text.charCodeAt(start + 3) === 46
  );
}

/**
 * Tokens that look like numbers but are something else, judged by the characters touching them:
 * `@handle` and e-mail parts, `$430` and `12%`, `+44…` phone numbers, `9:20` clock times, URLs.
 */
function isExcluded(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  if (before === 64 || after === 64) return true; // @
  if (before === 43) return true; // +
  if (after === 37) return true; // %
  if (before >= 0 && CURRENCY_SIGNS.has(before)) return true;
  // Clock times and ratios: digits on both sides of a colon (`9:20`), but not `no:00552866`.
  if (
    before === 58 &&
    isAsciiDigit(text.charCodeAt(start)) &&
    isAsciiDigit(text.charCodeAt(start - 2))
  ) {
    return true;
  }
  if (
    after === 58 &&
    isAsciiDigit(text.charCodeAt(end - 1)) &&
    isAsciiDigit(text.charCodeAt(end + 1))
  ) {
    return true;
  }
  return startsUrl(text, start, end);
}

import { z } from 'zod';
import { ReferenceKindSchema } from '../../model/reference.js';
import { defaultReferenceExtractor } from './defaults.js';
import { normalizeReferenceValue, passesReferenceCheck } from './keys.js';
import {
  asciiWordHash,
  type CompiledPattern,
  type KeywordNode,
  type ReferenceExtractor,
  type ReferenceTables,
} from './patterns.js';
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
  const scan = new ReferenceScan(text, extractor.tables);
  scan.run();
  if (stats !== undefined) stats.steps += scan.steps;
  const found = scan.found;
  return found === undefined ? EMPTY : Object.freeze(found);
}

/** A keyword phrase that ends at the current token, with how many words it has. */
interface Hit {
  readonly pattern: number;
  depth: number;
}

/**
 * One pass of {@link extractReferences} over one text. The state lives on an object with
 * prototype methods rather than in closures, so a call allocates no functions: texts are short
 * and many, and per-call closures cost more than the scan itself.
 */
class ReferenceScan {
  readonly text: string;
  readonly tables: ReferenceTables;
  readonly patterns: readonly CompiledPattern[];
  readonly ringSize: number;
  found: FoundReference[] | undefined;
  steps = 0;

  // The patterns announced by the current keyword context, best first, with a membership mask
  // (`inContext[p] === 1` exactly for the first `contextLength` of `context`). Most texts never
  // announce a pattern: the tables are made at the first.
  context: Int32Array | undefined;
  inContext: Uint8Array | undefined;
  contextLength = 0;
  mode = MODE_NONE;
  fillers = 0;
  // The folded words before the current token since the last break; recent[0] is the nearest.
  readonly recent: (string | undefined)[];
  recentLength = 0;

  // What the characters since the previous token did to the context.
  gapHard = false;
  gapList = false;
  newlines = 0;
  previousEnd = -1;
  previousWord: string | undefined;

  // The key of the last successful pattern test, handed from tryPattern to emit.
  matchedKey = '';

  constructor(text: string, tables: ReferenceTables) {
    this.text = text;
    this.tables = tables;
    this.patterns = tables.patterns;
    this.ringSize = Math.max(tables.maxKeywordWords - 1, 0);
    this.recent = new Array<string | undefined>(this.ringSize).fill(undefined);
  }

  /** True when pattern `p` is in the context. */
  has(p: number): boolean {
    return this.contextLength > 0 && (this.inContext as Uint8Array)[p] === 1;
  }

  clearContext(): void {
    const { context, inContext } = this;
    if (context !== undefined && inContext !== undefined) {
      for (let k = 0; k < this.contextLength; k++) inContext[context[k] as number] = 0;
    }
    this.contextLength = 0;
    this.mode = MODE_NONE;
    this.fillers = 0;
  }

  pushContext(p: number): void {
    this.context ??= new Int32Array(this.patterns.length);
    this.inContext ??= new Uint8Array(this.patterns.length);
    if (this.inContext[p] === 1) return;
    this.inContext[p] = 1;
    this.context[this.contextLength++] = p;
  }

  accepts(pattern: CompiledPattern, value: string): boolean {
    const key = normalizeReferenceValue(value, pattern.normalize);
    this.steps += value.length + key.length;
    if (key === '' || pattern.exclude.has(key)) return false;
    if (pattern.check !== undefined) {
      this.steps += key.length;
      if (!passesReferenceCheck(key, pattern.check)) return false;
    }
    this.matchedKey = key;
    return true;
  }

  tryPattern(p: number, start: number, bodyStart: number, end: number): string | undefined {
    const pattern = this.patterns[p] as CompiledPattern;
    if (bodyStart > start && pattern.acceptsHash) {
      const length = end - start;
      if (length >= pattern.minLength && length <= pattern.maxLength) {
        const raw = this.text.slice(start, end);
        this.steps += length;
        // Keys drop leading `#`s, so the body would get the same key and the same verdict.
        if (pattern.regex.test(raw)) return this.accepts(pattern, raw) ? raw : undefined;
      }
    }
    const length = end - bodyStart;
    if (length < pattern.minLength || length > pattern.maxLength) return undefined;
    const body = this.text.slice(bodyStart, end);
    this.steps += length;
    return pattern.regex.test(body) && this.accepts(pattern, body) ? body : undefined;
  }

  emit(p: number, value: string, end: number, evidence: 'keyword' | 'shape'): void {
    const pattern = this.patterns[p] as CompiledPattern;
    this.found ??= [];
    this.found.push(
      Object.freeze({
        kind: pattern.kind,
        value,
        key: this.matchedKey,
        pattern: pattern.name,
        evidence,
        start: end - value.length,
        end,
      }),
    );
  }

  announce(node: KeywordNode, asFiller: boolean): boolean {
    // Walk the keyword trie backwards through the recent words, collecting every phrase that
    // ends at this token; deeper phrases are more specific.
    let hits: Hit[] | undefined;
    let depth = 1;
    let current: KeywordNode | undefined = node;
    while (current !== undefined) {
      for (const p of current.patterns) {
        hits ??= [];
        const prior = hitOf(hits, p);
        if (prior === undefined) hits.push({ pattern: p, depth });
        else prior.depth = Math.max(prior.depth, depth);
      }
      if (depth > this.recentLength) break;
      const word = this.recent[depth - 1];
      this.steps++;
      current = word === undefined ? undefined : current.previous.get(word);
      depth++;
    }
    if (hits === undefined) return false;
    hits.sort(deeperFirst);
    // A filler that is also a keyword (`ref` in `order ref 123`) extends the context it sits in,
    // counting towards its filler window, instead of replacing it: the head keyword keeps priority.
    if (asFiller && this.mode !== MODE_NONE && this.fillers < MAX_FILLERS) this.fillers++;
    else this.clearContext();
    for (const hit of hits) this.pushContext(hit.pattern);
    this.mode = MODE_KEYWORD;
    return true;
  }

  remember(word: string | undefined): void {
    const ringSize = this.ringSize;
    if (ringSize === 0) return;
    const recent = this.recent;
    for (let k = Math.min(this.recentLength, ringSize - 1); k > 0; k--) recent[k] = recent[k - 1];
    recent[0] = word;
    if (this.recentLength < ringSize) this.recentLength++;
  }

  processToken(start: number, bodyStart: number, end: number): void {
    const text = this.text;
    if (this.gapHard || this.newlines >= 2 || this.gapList) {
      // A list separator keeps a list of values going, but never joins the words of a phrase.
      if (this.gapHard || this.newlines >= 2 || this.mode !== MODE_LIST) this.clearContext();
      this.recentLength = 0;
      this.gapHard = false;
      this.gapList = false;
    }
    this.newlines = 0;

    const bodyLength = end - bodyStart;
    let word: string | undefined;
    if (bodyLength <= this.tables.foldLimit) {
      const hash = asciiWordHash(text, bodyStart, end);
      if (hash === -1 || mayBeListed(this.tables.wordBits, hash)) {
        word = foldWord(text.slice(bodyStart, end));
        this.steps += bodyLength + word.length;
      } else {
        // An ASCII word the scan never looks up acts as no word at all (fillers, keywords and
        // the trie only know listed words), so it is not cut out; folding keeps its length.
        this.steps += 2 * bodyLength;
      }
    }
    this.previousEnd = end;
    this.previousWord = word;

    if (isExcluded(text, start, end)) {
      this.clearContext();
      this.remember(undefined);
      return;
    }

    this.steps += 2;
    // A token too long to fold cannot be a keyword or a filler, but it can still be a value.
    const plainFiller = word !== undefined && FILLER_WORDS.has(word);
    const filler =
      plainFiller || (word !== undefined && this.mode === MODE_LIST && CONNECTOR_WORDS.has(word));
    const node = word === undefined ? undefined : this.tables.keywords.get(word);

    if (!filler && node === undefined && end - start <= MAX_TOKEN_LENGTH) {
      for (let k = 0; k < this.contextLength; k++) {
        const p = (this.context as Int32Array)[k] as number;
        const value = this.tryPattern(p, start, bodyStart, end);
        if (value !== undefined) {
          this.emit(p, value, end, 'keyword');
          // Keep the pattern alone in the context: more values may follow as a list.
          this.clearContext();
          this.pushContext(p);
          this.mode = MODE_LIST;
          this.remember(word);
          return;
        }
      }
      const standalone = this.tables.standalone;
      for (let k = 0; k < standalone.length; k++) {
        const p = standalone[k] as number;
        if (this.has(p)) continue;
        const value = this.tryPattern(p, start, bodyStart, end);
        if (value !== undefined) {
          this.emit(p, value, end, 'shape');
          this.clearContext();
          this.remember(word);
          return;
        }
      }
    }

    if (node !== undefined && this.announce(node, plainFiller)) {
      // announce has set the context
    } else if (filler && this.mode !== MODE_NONE) {
      this.fillers++;
      if (this.fillers > MAX_FILLERS) this.clearContext();
    } else if (this.mode !== MODE_NONE) {
      this.clearContext();
    }
    this.remember(word);
  }

  run(): void {
    const text = this.text;
    const n = text.length;
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
          if (kind === GAP_HARD) this.gapHard = true;
          else if (kind === GAP_LIST) this.gapList = true;
          else if (kind === GAP_NEWLINE) {
            // \r\n is one line break.
            if (!(code === 13 && text.charCodeAt(i + 1) === 10)) this.newlines++;
          } else if (kind === GAP_DOT) {
            const afterAbbreviation =
              i === this.previousEnd &&
              this.previousWord !== undefined &&
              ABBREVIATIONS.has(this.previousWord);
            if (!afterAbbreviation) this.gapHard = true;
          }
          this.steps += length;
          i += length;
          continue;
        }
      }
      const start = i;
      const end = tokenEnd(text, bodyStart);
      this.steps += 2 * (end - start);
      this.processToken(start, bodyStart, end);
      i = end;
      if (startsUrl(text, start, end)) {
        // Nothing inside a URL is a reference the customer gave: skip to the next whitespace.
        while (i < n && !isSpace(text.charCodeAt(i))) {
          i++;
          this.steps++;
        }
        this.gapHard = true;
      }
    }
  }
}

/** False when no listed word has the hash (see `ReferenceTables.wordBits`); true may be a collision. */
function mayBeListed(bits: Uint32Array, hash: number): boolean {
  const bit = hash & 0xffff;
  return ((bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

function hitOf(hits: readonly Hit[], pattern: number): Hit | undefined {
  for (const hit of hits) if (hit.pattern === pattern) return hit;
  return undefined;
}

function deeperFirst(a: Hit, b: Hit): number {
  return b.depth - a.depth || a.pattern - b.pattern;
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

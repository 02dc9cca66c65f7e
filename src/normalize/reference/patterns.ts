import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import { err, type Issue, ok, type Result } from '../../core/result.js';
import { ReferenceKindSchema } from '../../model/reference.js';
import {
  normalizeReferenceValue,
  type ReferenceCheck,
  ReferenceCheckSchema,
  type ReferenceNormalization,
  ReferenceNormalizationSchema,
} from './keys.js';
import { analyzeValueRegex, MAX_TOKEN_LENGTH } from './regex-safety.js';
import { ABBREVIATIONS, CONNECTOR_WORDS, FILLER_WORDS, keywordWords } from './text.js';

/** Most words in one keyword phrase (`numero de pedido` is three). */
export const MAX_KEYWORD_WORDS = 4;
/** Longest word in a keyword phrase, folded. */
export const MAX_KEYWORD_WORD_LENGTH = 32;
/** Most patterns in one extractor. */
export const MAX_PATTERNS = 128;

/**
 * A reference pattern as users write it: plain JSON, validated and compiled by
 * {@link compileReferencePatterns}.
 *
 * - `name`: unique within the list; reported on every match.
 * - `kind`: what the value refers to (`order`, `ticket`, …).
 * - `keywords`: phrases that announce a value (`order`, `case number`, `numéro de commande`),
 *   compared word by word on folded text (case and diacritics ignored, punctuation such as `#`
 *   and `:` skipped). The value must follow within a few filler words (`number`, `no`, `id`,
 *   `is`, …). A pattern needs keywords, `standalone: true`, or both.
 * - `value`: a regex source matched against one whole token (never a whole text), e.g.
 *   `[A-Z]{0,3}-?\d{4,12}`. Tokens are runs of letters and digits joined by single `-`, `/`, `_`
 *   or `.`, at most 64 characters. A token that starts with `#` is offered as written when the
 *   regex can start with `#`, and without the `#` otherwise. The regex must be unambiguous (see
 *   {@link compileReferencePatterns}).
 * - `flags`: `'i'` for a case-insensitive `value`.
 * - `standalone`: the value's shape is distinctive enough to be reported without a keyword.
 * - `normalize`: how the value becomes its key (default `upper`).
 * - `minLength` / `maxLength`: bounds on the matched token's length, for shapes a regex cannot say
 *   simply (e.g. "5 to 8 characters with at least one digit").
 * - `check`: a check-digit algorithm the key must pass.
 * - `exclude`: values (compared as keys) that are never references, such as words that fit a
 *   letters-only shape.
 *
 * @example
 * ```ts
 * import { ReferencePatternSpecSchema } from 'threadline';
 *
 * const spec = ReferencePatternSpecSchema.parse({
 *   name: 'shop-order',
 *   kind: 'order',
 *   keywords: ['order', 'order number'],
 *   value: 'SO-\\d{5,8}',
 *   normalize: 'alnum-upper',
 * });
 * console.log(spec.name); // shop-order
 * ```
 */
export const ReferencePatternSpecSchema = z
  .strictObject({
    name: z.string().min(1).max(64),
    kind: ReferenceKindSchema,
    keywords: z.array(z.string().max(128)).max(512).readonly().optional(),
    value: z.string().min(1).max(512),
    flags: z.literal('i').optional(),
    standalone: z.boolean().optional(),
    normalize: ReferenceNormalizationSchema.optional(),
    minLength: z.number().int().min(1).max(MAX_TOKEN_LENGTH).optional(),
    maxLength: z.number().int().min(1).max(MAX_TOKEN_LENGTH).optional(),
    check: ReferenceCheckSchema.optional(),
    exclude: z.array(z.string().min(1).max(MAX_TOKEN_LENGTH)).max(4096).readonly().optional(),
  })
  .readonly();

/**
 * A reference pattern spec; see {@link ReferencePatternSpecSchema}.
 *
 * @example
 * ```ts
 * import type { ReferencePatternSpec } from 'threadline';
 *
 * const spec: ReferencePatternSpec = {
 *   name: 'warranty-claim',
 *   kind: 'ticket',
 *   keywords: ['warranty claim', 'claim'],
 *   value: 'WC\\d{6}',
 *   flags: 'i',
 * };
 * console.log(spec.kind); // ticket
 * ```
 */
export type ReferencePatternSpec = z.infer<typeof ReferencePatternSpecSchema>;

/** One compiled pattern. Internal to the extractor; exported for its type only. */
export interface CompiledPattern {
  readonly name: string;
  readonly kind: ReferencePatternSpec['kind'];
  readonly regex: RegExp;
  readonly minLength: number;
  readonly maxLength: number;
  readonly acceptsHash: boolean;
  readonly normalize: ReferenceNormalization;
  readonly check: ReferenceCheck | undefined;
  readonly exclude: ReadonlySet<string>;
}

/**
 * A node of the keyword trie, walked backwards from the current word: the phrases that end with
 * the words on the path from the root, and the nodes for one more word before them.
 */
export interface KeywordNode {
  /** Patterns announced by the phrase spelled by the path to this node. */
  readonly patterns: readonly number[];
  /** The node for each possible previous word. */
  readonly previous: ReadonlyMap<string, KeywordNode>;
}

/** The precomputed tables an extractor runs on. Internal; exported for its type only. */
export interface ReferenceTables {
  readonly patterns: readonly CompiledPattern[];
  /** Indexes of standalone patterns, in spec order. */
  readonly standalone: readonly number[];
  /** Keyword phrases by their last word; see {@link KeywordNode}. */
  readonly keywords: ReadonlyMap<string, KeywordNode>;
  /** Most words in a keyword phrase. */
  readonly maxKeywordWords: number;
  /** Longest token (in UTF-16 units) worth folding: no keyword or filler word is longer. */
  readonly foldLimit: number;
  /** The constant C of the guarantee `steps ≤ C × (text.length + 1)`. */
  readonly stepBound: number;
  /**
   * A 65,536-bit table with the bit `hash & 0xffff` set for the {@link asciiWordHash} of every
   * ASCII word the scan looks up (keyword words, fillers, connectors, abbreviations): a token
   * whose bit is clear is none of them, and need not be cut out of the text and folded.
   */
  readonly wordBits: Uint32Array;
}

/**
 * A hash of `text[start, end)` with ASCII letters lower-cased, or -1 when a character is not
 * ASCII. Equal for a token and its folded form, so a token can be ruled out without folding it.
 */
export function asciiWordHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h;
}

/**
 * A compiled, immutable set of reference patterns, made by {@link compileReferencePatterns} and
 * consumed by `extractReferences`.
 *
 * @example
 * ```ts
 * import { compileReferencePatterns } from 'threadline';
 *
 * const extractor = compileReferencePatterns([
 *   { name: 'rma', kind: 'ticket', keywords: ['rma'], value: '\\d{6}' },
 * ]);
 * console.log(extractor.patterns.map((p) => p.name)); // [ 'rma' ]
 * ```
 */
export interface ReferenceExtractor {
  /** The validated specs, in priority order: on a tie, an earlier pattern wins. */
  readonly patterns: readonly ReferencePatternSpec[];
  /** @internal The compiled tables. Not part of the public API. */
  readonly tables: ReferenceTables;
}

interface MutableNode {
  patterns: number[];
  previous: Map<string, MutableNode>;
}

function issue(code: string, path: (string | number)[], message: string): Issue {
  return { code, path, message };
}

function zodIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((i) => ({
    code: i.code,
    path: i.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: i.message,
  }));
}

// Issues in the order of the specs they belong to, whichever check found them.
function sortIssues(issues: Issue[]): Issue[] {
  const index = (issue: Issue): number => (typeof issue.path[0] === 'number' ? issue.path[0] : -1);
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => index(a.issue) - index(b.issue) || a.order - b.order)
    .map((entry) => entry.issue);
}

function compilePattern(
  spec: ReferencePatternSpec,
  index: number,
  issues: Issue[],
): CompiledPattern | undefined {
  const ignoreCase = spec.flags === 'i';
  const analysis = analyzeValueRegex(spec.value, ignoreCase);
  if (!analysis.ok) {
    issues.push(issue(analysis.problem.code, [index, 'value'], analysis.problem.message));
    return undefined;
  }
  const { facts } = analysis;
  const minLength = Math.max(facts.minLength, spec.minLength ?? 1, 1);
  const maxLength = Math.min(facts.maxLength, spec.maxLength ?? MAX_TOKEN_LENGTH, MAX_TOKEN_LENGTH);
  if (
    spec.minLength !== undefined &&
    spec.maxLength !== undefined &&
    spec.minLength > spec.maxLength
  ) {
    issues.push(
      issue('invalid_length', [index, 'minLength'], 'minLength is greater than maxLength'),
    );
    return undefined;
  }
  if (minLength > maxLength) {
    issues.push(
      issue(
        'unreachable_pattern',
        [index, 'value'],
        `the value can never match: it needs ${facts.minLength} to ${facts.maxLength} characters, but tokens are 1 to ${MAX_TOKEN_LENGTH} characters${spec.maxLength === undefined && spec.minLength === undefined ? '' : ' within minLength/maxLength'}`,
      ),
    );
    return undefined;
  }
  const normalize = spec.normalize ?? 'upper';
  const exclude = new Set<string>();
  for (const word of spec.exclude ?? []) {
    const key = normalizeReferenceValue(word, normalize);
    if (key !== '') exclude.add(key);
  }
  return Object.freeze({
    name: spec.name,
    kind: spec.kind,
    regex: new RegExp(`^(?:${spec.value})$`, ignoreCase ? 'iu' : 'u'),
    minLength,
    maxLength,
    acceptsHash: facts.acceptsHash,
    normalize,
    check: spec.check,
    exclude,
  });
}

function addKeyword(
  root: Map<string, MutableNode>,
  words: readonly string[],
  pattern: number,
): void {
  let level = root;
  let node: MutableNode | undefined;
  for (let k = words.length - 1; k >= 0; k--) {
    const word = words[k] as string;
    node = level.get(word);
    if (node === undefined) {
      node = { patterns: [], previous: new Map() };
      level.set(word, node);
    }
    level = node.previous;
  }
  if (node !== undefined && !node.patterns.includes(pattern)) node.patterns.push(pattern);
}

/** Sets a folded word's bit; a word with other than ASCII characters never needs one. */
function addWordHash(bits: Uint32Array, word: string): void {
  const h = asciiWordHash(word, 0, word.length);
  if (h === -1) return;
  const bit = h & 0xffff;
  bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
}

function freezeNode(node: MutableNode): KeywordNode {
  const previous = new Map<string, KeywordNode>();
  for (const [word, child] of node.previous) previous.set(word, freezeNode(child));
  return Object.freeze({ patterns: Object.freeze([...node.patterns]), previous });
}

function freezeSpec(spec: ReferencePatternSpec): ReferencePatternSpec {
  const copy: Record<string, unknown> = { ...spec };
  if (spec.keywords !== undefined) copy.keywords = Object.freeze([...spec.keywords]);
  if (spec.exclude !== undefined) copy.exclude = Object.freeze([...spec.exclude]);
  return Object.freeze(copy) as ReferencePatternSpec;
}

/**
 * Validates and compiles reference pattern specs; never throws. See
 * {@link compileReferencePatterns} for what is checked.
 *
 * @param specs - the pattern specs (unknown input is fine: it is validated).
 * @returns the extractor, or every problem found, each addressed by its path (`[2, 'value']`).
 *
 * @example
 * ```ts
 * import { safeCompileReferencePatterns } from 'threadline';
 *
 * const r = safeCompileReferencePatterns([{ name: 'x', kind: 'order', keywords: ['order'], value: '(\\d+)+' }]);
 * if (!r.ok) console.log(r.issues[0]?.code, r.issues[0]?.path); // unsafe_regex [ 0, 'value' ]
 * ```
 */
export function safeCompileReferencePatterns(specs: unknown): Result<ReferenceExtractor> {
  const parsed = z.array(z.unknown()).max(MAX_PATTERNS).safeParse(specs);
  if (!parsed.success) return err(zodIssues(parsed.error));
  // Each spec is parsed on its own so that one malformed spec does not hide the others' problems.
  const issues: Issue[] = [];
  const entries: (ReferencePatternSpec | undefined)[] = parsed.data.map((raw, index) => {
    const spec = ReferencePatternSpecSchema.safeParse(raw);
    if (spec.success) return spec.data;
    for (const i of zodIssues(spec.error)) issues.push({ ...i, path: [index, ...i.path] });
    return undefined;
  });
  const names = new Map<string, number>();
  const compiled: CompiledPattern[] = [];
  const standalone: number[] = [];
  const root = new Map<string, MutableNode>();
  let maxKeywordWords = 1;
  let foldLimit = 0;
  for (const filler of FILLER_WORDS) foldLimit = Math.max(foldLimit, filler.length);
  const wordBits = new Uint32Array(0x10000 / 32);
  for (const words of [FILLER_WORDS, CONNECTOR_WORDS, ABBREVIATIONS]) {
    for (const word of words) addWordHash(wordBits, word);
  }

  entries.forEach((spec, index) => {
    if (spec === undefined) return;
    const seen = names.get(spec.name);
    if (seen !== undefined) {
      issues.push(
        issue(
          'duplicate_name',
          [index, 'name'],
          `the name "${spec.name}" is already used by pattern ${seen}`,
        ),
      );
    } else {
      names.set(spec.name, index);
    }
    const keywords = spec.keywords ?? [];
    if (keywords.length === 0 && spec.standalone !== true) {
      issues.push(
        issue(
          'unreachable_pattern',
          [index, 'keywords'],
          'a pattern needs at least one keyword, or standalone: true when its shape is distinctive enough on its own',
        ),
      );
    }
    keywords.forEach((keyword, k) => {
      const words = keywordWords(keyword);
      if (words.length === 0) {
        issues.push(
          issue(
            'empty_keyword',
            [index, 'keywords', k],
            'the keyword has no letters or digits to match',
          ),
        );
        return;
      }
      if (words.length > MAX_KEYWORD_WORDS) {
        issues.push(
          issue(
            'keyword_too_long',
            [index, 'keywords', k],
            `a keyword may have at most ${MAX_KEYWORD_WORDS} words; it has ${words.length}`,
          ),
        );
        return;
      }
      const longest = words.reduce((max, word) => Math.max(max, word.length), 0);
      if (longest > MAX_KEYWORD_WORD_LENGTH) {
        issues.push(
          issue(
            'keyword_too_long',
            [index, 'keywords', k],
            `a keyword word may have at most ${MAX_KEYWORD_WORD_LENGTH} characters`,
          ),
        );
        return;
      }
      maxKeywordWords = Math.max(maxKeywordWords, words.length);
      foldLimit = Math.max(foldLimit, longest);
      addKeyword(root, words, index);
      for (const word of words) addWordHash(wordBits, word);
    });
    const pattern = compilePattern(spec, index, issues);
    if (pattern !== undefined) compiled.push(pattern);
    if (spec.standalone === true) standalone.push(index);
  });
  if (issues.length > 0) return err(sortIssues(issues));
  const list = entries as ReferencePatternSpec[];

  const keywords = new Map<string, KeywordNode>();
  for (const [word, node] of root) keywords.set(word, freezeNode(node));
  // Decomposed input (a letter plus combining marks) can be up to three times longer than its
  // folded form, so a raw token up to three times the longest word may still fold onto one.
  const foldLimitRaw = foldLimit * 3;
  const tables: ReferenceTables = Object.freeze({
    patterns: Object.freeze(compiled),
    standalone: Object.freeze(standalone),
    keywords,
    maxKeywordWords,
    foldLimit: foldLimitRaw,
    stepBound: stepBoundFor(compiled.length, maxKeywordWords),
    wordBits,
  });
  return ok(
    Object.freeze({
      patterns: Object.freeze(list.map(freezeSpec)),
      tables,
    }),
  );
}

/**
 * The constant C of `steps ≤ C × (text.length + 1)`. Every token has at least one character, so
 * each cost below, counted per token, is at most that many steps per character:
 *
 * - 1 per character between tokens, 2 per token character (the joiner look-ahead reads some twice);
 * - folding: the input plus an output at most 3 times longer (4);
 * - 2 table look-ups (filler, keyword) and up to `maxKeywordWords − 1` trie steps;
 * - per pattern tested (at most all of them): two regex tests, with and without a leading `#` (2),
 *   then for the first that matches, normalizing (the input plus an output up to 3 times longer)
 *   and a check digit over the output (7).
 */
function stepBoundFor(patternCount: number, maxKeywordWords: number): number {
  return 1 + 2 + 4 + 2 + (maxKeywordWords - 1) + 9 * patternCount;
}

/**
 * Validates and compiles reference pattern specs into an immutable {@link ReferenceExtractor}.
 *
 * Checked eagerly, each problem reported with its path: the spec shape (`kind` is a known
 * reference kind, names are unique), keywords (each has at least one letter or digit, at most 4
 * words), and the `value` regex: valid syntax; no backreferences, lookarounds or anchors; and
 * unambiguous, so that matching a token takes linear time. Nested quantifiers that the next
 * character cannot disambiguate (`(a+)+`, `(\d*)*`, `\d+\d+`), repetitions of something that can
 * match nothing, and alternatives inside a repetition that start alike are refused, with a
 * suggested rewrite. `(?:-\d+)+` is accepted: the `-` decides every step.
 *
 * @param specs - the pattern specs.
 * @returns the compiled extractor.
 * @throws {ThreadlineError} with code `invalid_pattern` and the path-addressed issues.
 *
 * @example
 * ```ts
 * import { compileReferencePatterns, extractReferences } from 'threadline';
 *
 * const extractor = compileReferencePatterns([
 *   { name: 'rma', kind: 'ticket', keywords: ['rma', 'return authorization'], value: 'R\\d{7}', flags: 'i' },
 * ]);
 * console.log(extractReferences('Your RMA number is r1234567.', extractor)[0]?.key); // R1234567
 * ```
 */
export function compileReferencePatterns(specs: unknown): ReferenceExtractor {
  const result = safeCompileReferencePatterns(specs);
  if (result.ok) return result.value;
  throw new ThreadlineError('invalid_pattern', 'Invalid reference patterns', result.issues);
}

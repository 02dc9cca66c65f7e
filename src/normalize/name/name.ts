import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import type { Issue } from '../../core/result.js';
import { foldName } from './fold.js';
import { lex, type Word } from './lex.js';
import {
  FAMILY_PARTICLES,
  HONORIFICS,
  type HonorificUse,
  MAIDEN_MARKERS,
  PLACEHOLDER_NAMES,
  PLACEHOLDER_WORDS,
  SUFFIXES,
  TITLE_CONNECTORS,
} from './lexicon.js';

/**
 * Options for {@link normalizeName}. `order` says how a name written without a comma is laid
 * out: `given-first` (the default: `Ana Maria Souza`) or `family-first` (Chinese, Japanese,
 * Korean, Hungarian and Vietnamese sources, and exports that write `SOUZA Ana`). A comma always
 * means family first, whatever the option says.
 *
 * @example
 * ```ts
 * import { NameOptionsSchema } from 'threadline';
 *
 * console.log(NameOptionsSchema.safeParse({ order: 'family-first' }).success); // true
 * console.log(NameOptionsSchema.safeParse({ order: 'last-first' }).success); // false
 * ```
 */
export const NameOptionsSchema = z
  .strictObject({
    order: z.enum(['given-first', 'family-first']).optional(),
  })
  .readonly();

/**
 * Options for {@link normalizeName}; see {@link NameOptionsSchema}.
 *
 * @example
 * ```ts
 * import { normalizeName, type NameOptions } from 'threadline';
 *
 * const options: NameOptions = { order: 'family-first' };
 * console.log(normalizeName('Wang Xiu Ying', options).family); // wang
 * ```
 */
export type NameOptions = z.infer<typeof NameOptionsSchema>;

/**
 * How a name without a comma is laid out: `given-first` or `family-first`.
 *
 * @example
 * ```ts
 * import { normalizeName, type NameOrder } from 'threadline';
 *
 * const order: NameOrder = 'family-first';
 * console.log(normalizeName('Kim Min-jun', { order }).given); // min-jun
 * ```
 */
export type NameOrder = NonNullable<NameOptions['order']>;

/**
 * Why a name is not matchable: the text is `blank` (empty, spaces or invisible characters), has
 * `no_letters` (digits, punctuation, emoji), has `only_titles` (`Mr.`, `Dr.`), or is a
 * `placeholder` typed to get past a form or given by a chat widget (`Guest`, `Visitor 4821`,
 * `N/A`, `Test User`).
 *
 * @example
 * ```ts
 * import { normalizeName, type NameRejection } from 'threadline';
 *
 * const reason: NameRejection | undefined = normalizeName('Visitor 4821').reason;
 * console.log(reason); // placeholder
 * ```
 */
export type NameRejection = 'blank' | 'no_letters' | 'only_titles' | 'placeholder';

/**
 * What {@link normalizeName} returns. All strings are folded with {@link foldName}: lower case,
 * no diacritics on Latin or Greek letters, no apostrophes (`O'Brien` is `obrien`). A hyphenated
 * word stays one token with its hyphen (`meddings-blaskett`), so `full` keeps what was written;
 * `parts`, `familyParts` and `familyJoined` give the matching engine both the pieces and the
 * run-together form.
 *
 * @example
 * ```ts
 * import { normalizeName } from 'threadline';
 *
 * const r = normalizeName('Dr. Ludwig van Beethoven-Smith Jr.');
 * console.log(r.full); // ludwig van beethoven-smith
 * console.log(r.given, r.family, r.familyJoined); // ludwig van beethoven-smith vanbeethovensmith
 * console.log(r.honorifics, r.suffixes); // [ 'dr' ] [ 'jr' ]
 * ```
 */
export interface NormalizedNameResult {
  /** The input, unchanged. */
  readonly raw: string;
  /**
   * The name tokens in given-first order joined by single spaces, titles, suffixes and
   * bracketed nicknames removed. Normalizing `full` again (with default options) returns the
   * same `full`.
   */
  readonly full: string;
  /** The tokens of `full`: given name, middle names, then the family name's words. */
  readonly tokens: readonly string[];
  /** Every token split at its hyphens (`alexa-rose lowe` → `alexa`, `rose`, `lowe`). */
  readonly parts: readonly string[];
  /** The given (first) name; absent for an empty name and for `Mr Smith`. */
  readonly given?: string;
  /** The tokens between the given and the family name. */
  readonly middle: readonly string[];
  /**
   * The family name with its particles, words joined by spaces (`van der berg`,
   * `de la cruz`). Absent for a single-word name, which is read as a given name.
   */
  readonly family?: string;
  /** The family name split at spaces and hyphens (`van der berg` → `van`, `der`, `berg`). */
  readonly familyParts: readonly string[];
  /** The family name with spaces and hyphens removed (`vanderberg`), for run-together spellings. */
  readonly familyJoined?: string;
  /** The first letter of the given name and each middle name, and of each hyphenated part (`jean-paul` → `jp`). */
  readonly initials: string;
  /** The given name is a single letter (`J. Smith`, `J.R.R. Tolkien`). */
  readonly givenIsInitial: boolean;
  /** Titles taken off, folded and without dots, in the order written (`dr`, `mrs`, `sra`). */
  readonly honorifics: readonly string[];
  /** Generational and professional suffixes taken off (`jr`, `iii`, `phd`), in the order written. */
  readonly suffixes: readonly string[];
  /** Text in brackets or quotes, or after `née`/`geb.`: nicknames and maiden names (`bob`). */
  readonly aliases: readonly string[];
  /** No name token is left. */
  readonly empty: boolean;
  /** The name may be used as evidence of identity: it is neither empty nor a placeholder. */
  readonly matchable: boolean;
  /** Present exactly when the name is not matchable. */
  readonly reason?: NameRejection;
}

const GIVEN_FIRST = 0;
const FAMILY_FIRST = 1;

const NO_STRINGS: readonly string[] = Object.freeze([]);

/**
 * Normalizes a person's name for matching: Unicode folding (see {@link foldName}), titles and
 * suffixes taken off and reported (`Sr` before a name is Señor, after it Senior), the given and
 * family names told apart (a comma means family first; `van der`, `de la`, `da`, `bin`, `al`
 * and other particles stay with the family name), initials, and nicknames in brackets or quotes
 * set aside. A single word is a given name, except after a title used with surnames
 * (`Mr Smith`). Never throws on any input string.
 *
 * @param raw - the name as received: a form field, a CRM export, an email display name.
 * @param options - how a name without a comma is laid out; see {@link NameOptions}.
 * @returns the parsed name; see {@link NormalizedNameResult}.
 * @throws {@link ThreadlineError} with code `invalid_options` when `options` is malformed.
 * @example
 * ```ts
 * import { normalizeName } from 'threadline';
 *
 * const r = normalizeName('Souza, Ana María');
 * console.log(r.full, r.given, r.middle, r.family); // ana maria souza ana [ 'maria' ] souza
 *
 * const t = normalizeName('J. R. R. Tolkien');
 * console.log(t.initials, t.givenIsInitial); // jrr true
 *
 * console.log(normalizeName('Sra. María José de la Cruz').family); // de la cruz
 * ```
 */
export function normalizeName(raw: string, options?: NameOptions): NormalizedNameResult {
  const order = options === undefined ? GIVEN_FIRST : readOrder(options);
  const input = typeof raw === 'string' ? raw : '';
  const folded = foldName(input);
  if (folded === '') return emptyResult(input, NO_STRINGS, NO_STRINGS, NO_STRINGS, 'blank');

  const lexed = lex(folded);
  let words = lexed.words;
  const aliasGroups = lexed.aliases;
  // A name written only in brackets (`(Ana Souza)`) is still the name.
  if (words.length === 0 && aliasGroups.length > 0) {
    words = aliasGroups.flat().map((w) => ({ ...w, segment: 0 }));
    aliasGroups.length = 0;
  }
  const aliases: string[] = aliasGroups.map(joinTexts);

  // What each word turned out to be; the name tokens are the words left at NAME.
  const kind = new Uint8Array(words.length);
  const segments = splitSegments(words);

  takeMaidenNames(words, segments, kind, aliases);
  let titleUse: HonorificUse | undefined;
  for (let s = 0; s < segments.length; s++) {
    const [start, end] = segments[s] ?? [0, 0];
    // `John Smith, Jr.` and `King, Martin Luther, Jr.`: a segment of suffixes only.
    if (s > 0 && allSuffixes(words, kind, start, end)) {
      for (let i = start; i < end; i++) if (kind[i] === NAME) kind[i] = SUFFIX;
      continue;
    }
    titleUse = takeTitles(words, kind, start, end) ?? titleUse;
    takeSuffixes(words, kind, start, end);
  }

  const honorifics: string[] = [];
  const suffixes: string[] = [];
  const groups: Word[][] = [];
  for (const [start, end] of segments) {
    const group: Word[] = [];
    for (let i = start; i < end; i++) {
      const word = words[i];
      if (word === undefined) continue;
      const k = kind[i];
      if (k === NAME) {
        if (word.pieces === undefined) group.push(word);
        else group.push(...word.pieces);
      } else if (k === HONORIFIC) {
        honorifics.push(word.key);
      } else if (k === SUFFIX) {
        suffixes.push(SUFFIXES.get(word.key) ?? word.key);
      }
    }
    if (group.length > 0) groups.push(group);
  }

  const layout = arrange(groups, order, titleUse === 'surname');
  return finish(input, layout, honorifics, suffixes, aliases);
}

// Word kinds.
const NAME = 0;
const HONORIFIC = 1;
const SUFFIX = 2;
const ALIAS = 3;

function readOrder(options: NameOptions): number {
  const order: unknown = (options as { readonly order?: unknown } | null)?.order;
  if (
    typeof options === 'object' &&
    options !== null &&
    (order === undefined || order === 'given-first' || order === 'family-first') &&
    onlyOrderKey(options)
  ) {
    return order === 'family-first' ? FAMILY_FIRST : GIVEN_FIRST;
  }
  const parsed = NameOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data.order === 'family-first' ? FAMILY_FIRST : GIVEN_FIRST;
  const issues: Issue[] = parsed.error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
  throw new ThreadlineError('invalid_options', 'Invalid name options', issues);
}

function onlyOrderKey(options: object): boolean {
  for (const key in options) if (key !== 'order') return false;
  return true;
}

function splitSegments(words: readonly Word[]): [number, number][] {
  const segments: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i === words.length || words[i]?.segment !== words[start]?.segment) {
      if (i > start) segments.push([start, i]);
      start = i;
    }
  }
  return segments;
}

// `Maria Schmidt geb. Müller`, `Jane Smith née Jones`: the rest of the segment is a maiden name.
function takeMaidenNames(
  words: readonly Word[],
  segments: readonly [number, number][],
  kind: Uint8Array,
  aliases: string[],
): void {
  for (const [start, end] of segments) {
    for (let i = Math.max(start, 1); i < end; i++) {
      if (!MAIDEN_MARKERS.has(words[i]?.key ?? '')) continue;
      const texts: string[] = [];
      for (let j = i; j < end; j++) {
        kind[j] = ALIAS;
        if (j > i) texts.push(words[j]?.text ?? '');
      }
      if (texts.length > 0) aliases.push(texts.join(' '));
      break;
    }
  }
}

function allSuffixes(
  words: readonly Word[],
  kind: Uint8Array,
  start: number,
  end: number,
): boolean {
  let any = false;
  for (let i = start; i < end; i++) {
    if (kind[i] !== NAME) continue;
    if (!SUFFIXES.has(words[i]?.key ?? '')) return false;
    any = true;
  }
  return any;
}

// Titles are taken off the front of a segment (`Dr. Ana Souza`, `Souza, Dra. Ana`), with the
// word joining two of them (`Mr and Mrs`). Returns how the last title is used, if any.
function takeTitles(
  words: readonly Word[],
  kind: Uint8Array,
  start: number,
  end: number,
): HonorificUse | undefined {
  let use: HonorificUse | undefined;
  let i = start;
  while (i < end && kind[i] !== NAME) i++;
  while (i < end) {
    const key = words[i]?.key ?? '';
    const title = HONORIFICS.get(key);
    if (title !== undefined) {
      kind[i] = HONORIFIC;
      use = title;
      i++;
    } else if (
      use !== undefined &&
      TITLE_CONNECTORS.has(key) &&
      HONORIFICS.has(words[i + 1]?.key ?? '') &&
      i + 1 < end
    ) {
      kind[i] = ALIAS;
      i++;
    } else {
      break;
    }
  }
  return use;
}

// Suffixes come off the end of a segment while a name word stays in front of them.
function takeSuffixes(words: readonly Word[], kind: Uint8Array, start: number, end: number): void {
  let last = end - 1;
  while (last >= start && kind[last] !== NAME) last--;
  let first = start;
  while (first < last && kind[first] !== NAME) first++;
  while (last > first && SUFFIXES.has(words[last]?.key ?? '')) {
    kind[last] = SUFFIX;
    last--;
    while (last > first && kind[last] !== NAME) last--;
  }
}

/** Name tokens in given-first order, with where the given and the family names are. */
interface Layout {
  readonly tokens: readonly string[];
  /** 1 when `tokens[0]` is the given name, 0 when there is no given name. */
  readonly givenEnd: number;
  /** Index of the first family token; `tokens.length` when there is no family name. */
  readonly familyStart: number;
}

function arrange(groups: readonly Word[][], order: number, surnameTitle: boolean): Layout {
  if (groups.length >= 2) {
    // Comma form: the first segment is the family name, the rest the given and middle names.
    const tokens = groups.slice(1).flat().map(textOf);
    // `Beethoven, Ludwig van`: particles written after the given name belong to the family.
    let cut = tokens.length;
    while (cut > 1 && FAMILY_PARTICLES.has(tokens[cut - 1] ?? '')) cut--;
    for (const word of groups[0] ?? []) tokens.push(word.text);
    return { tokens, givenEnd: 1, familyStart: cut };
  }
  const tokens = (groups[0] ?? []).map(textOf);
  const n = tokens.length;
  if (n === 0) return { tokens, givenEnd: 0, familyStart: 0 };
  if (n === 1)
    return surnameTitle
      ? { tokens, givenEnd: 0, familyStart: 0 }
      : { tokens, givenEnd: 1, familyStart: 1 };
  if (order === FAMILY_FIRST) {
    let j = 0;
    while (j < n - 1 && FAMILY_PARTICLES.has(tokens[j] ?? '')) j++;
    const family = tokens.slice(0, j + 1);
    const rest = tokens.slice(j + 1);
    // Particles all the way (`van der`): a family name without a given name.
    if (rest.length === 0) return { tokens, givenEnd: 0, familyStart: 0 };
    return { tokens: [...rest, ...family], givenEnd: 1, familyStart: rest.length };
  }
  // Given first: the family name starts at the first particle after the given name
  // (`Ana Maria de la Cruz Lopez`), or is the last word.
  let familyStart = n - 1;
  for (let i = 1; i < n - 1; i++) {
    if (FAMILY_PARTICLES.has(tokens[i] ?? '')) {
      familyStart = i;
      break;
    }
  }
  return { tokens, givenEnd: 1, familyStart };
}

function finish(
  raw: string,
  layout: Layout,
  honorifics: string[],
  suffixes: string[],
  aliases: string[],
): NormalizedNameResult {
  const { tokens } = layout;
  // The tokens must read back the same way when `full` is normalized again, where the rules
  // above see them as one plain given-first segment. A reordering (comma form, family-first)
  // can put a title first, a suffix last or `née` inside; take those off here as well.
  let from = 0;
  let to = tokens.length;
  for (let i = 1; i < to; i++) {
    if (MAIDEN_MARKERS.has(plainKey(tokens[i] ?? ''))) {
      if (i + 1 < to) aliases.push(tokens.slice(i + 1, to).join(' '));
      to = i;
    }
  }
  let titled = false;
  while (from < to) {
    const key = plainKey(tokens[from] ?? '');
    if (HONORIFICS.has(key)) {
      honorifics.push(key);
      titled = true;
      from++;
    } else if (
      titled &&
      TITLE_CONNECTORS.has(key) &&
      from + 1 < to &&
      HONORIFICS.has(plainKey(tokens[from + 1] ?? ''))
    ) {
      from++;
    } else {
      break;
    }
  }
  while (to - from > 1) {
    const suffix = SUFFIXES.get(plainKey(tokens[to - 1] ?? ''));
    if (suffix === undefined) break;
    suffixes.push(suffix);
    to--;
  }

  const kept = from === 0 && to === tokens.length ? tokens : tokens.slice(from, to);
  if (kept.length === 0) {
    const reason = honorifics.length > 0 || suffixes.length > 0 ? 'only_titles' : 'no_letters';
    return emptyResult(raw, honorifics, suffixes, aliases, reason);
  }

  // Where the roles fall in `kept`.
  let givenAt = layout.givenEnd === 1 && from === 0 ? 0 : -1;
  let middleStart = Math.max(from, layout.givenEnd) - from;
  const middleEnd = Math.max(middleStart, Math.min(to, layout.familyStart) - from);
  const familyStart = Math.max(from, layout.familyStart) - from;
  if (givenAt === -1 && middleEnd > middleStart) {
    givenAt = middleStart;
    middleStart++;
  }

  const full = kept.join(' ');
  const parts: string[] = [];
  for (const token of kept) pushParts(parts, token);
  const given = givenAt === -1 ? undefined : kept[givenAt];
  const middle = kept.slice(middleStart, middleEnd);
  const familyTokens = familyStart < kept.length ? kept.slice(familyStart) : [];
  const familyParts: string[] = [];
  for (const token of familyTokens) pushParts(familyParts, token);

  let initials = '';
  if (given !== undefined) initials += initialsOf(given);
  for (const token of middle) initials += initialsOf(token);

  const placeholder = isPlaceholder(full, kept);
  const result: Writable<NormalizedNameResult> = {
    raw,
    full,
    tokens: kept,
    parts,
    middle,
    familyParts,
    initials,
    givenIsInitial: given !== undefined && isInitial(given),
    honorifics,
    suffixes,
    aliases,
    empty: false,
    matchable: !placeholder,
  };
  if (given !== undefined) result.given = given;
  if (familyTokens.length > 0) {
    result.family = familyTokens.length === 1 ? (familyTokens[0] ?? '') : familyTokens.join(' ');
    result.familyJoined = familyParts.length === 1 ? (familyParts[0] ?? '') : familyParts.join('');
  }
  if (placeholder) result.reason = 'placeholder';
  return result;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function emptyResult(
  raw: string,
  honorifics: readonly string[],
  suffixes: readonly string[],
  aliases: readonly string[],
  reason: Exclude<NameRejection, 'placeholder'>,
): NormalizedNameResult {
  return {
    raw,
    full: '',
    tokens: NO_STRINGS,
    parts: NO_STRINGS,
    middle: NO_STRINGS,
    familyParts: NO_STRINGS,
    initials: '',
    givenIsInitial: false,
    honorifics,
    suffixes,
    aliases,
    empty: true,
    matchable: false,
    reason,
  };
}

function textOf(word: Word): string {
  return word.text;
}

function joinTexts(words: readonly Word[]): string {
  return words.map(textOf).join(' ');
}

function plainKey(token: string): string {
  return token.includes('-') ? token.replaceAll('-', '') : token;
}

function pushParts(out: string[], token: string): void {
  if (!token.includes('-')) out.push(token);
  else for (const part of token.split('-')) out.push(part);
}

function initialsOf(token: string): string {
  if (!token.includes('-')) return firstChar(token);
  let out = '';
  for (const part of token.split('-')) out += firstChar(part);
  return out;
}

function firstChar(token: string): string {
  const cp = token.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

// A single letter of a cased script; a single CJK character is a whole name, not an initial.
function isInitial(token: string): boolean {
  const first = firstChar(token);
  return first.length === token.length && first.toUpperCase() !== first;
}

function isPlaceholder(full: string, tokens: readonly string[]): boolean {
  if (PLACEHOLDER_NAMES.has(full)) return true;
  for (const token of tokens) if (!PLACEHOLDER_WORDS.has(token)) return false;
  return true;
}

// Text scanning shared by the extractors. Every function here is linear in the length of the
// text it is given, and keeps UTF-16 offsets so that citations point into the original text.

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A word of folded text with its offsets. */
export interface Token extends Span {
  /** The folded word: ASCII lower case, curly apostrophes straightened. */
  readonly word: string;
}

const FOLDABLE = /[A-Z\u2018\u2019\u02BC\u2032]/g;

function foldChar(c: string): string {
  return c.length === 1 && c >= 'A' && c <= 'Z' ? c.toLowerCase() : "'";
}

/**
 * ASCII lower case with curly apostrophes made straight. Unlike `toLowerCase`, it never changes
 * the length of the text (`İ` lower-cases to two code units), so offsets stay valid.
 */
export function fold(text: string): string {
  // In ASCII, the only change is to A-Z, which `toLowerCase` makes at native speed.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return text.replace(FOLDABLE, foldChar);
  }
  return text.toLowerCase();
}

/** True for the code units that make up words: ASCII letters and digits, and anything beyond
 * ASCII except spaces and general punctuation (emoji and lone surrogates count as letters, which
 * keeps them inside one token instead of splitting words around them). */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  }
  if (code === 0xa0 || code === 0xfeff || code === 0x3000) return false;
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0x3001 && code <= 0x303f) return false;
  return code >= 0xc0 || code === 0xaa || code === 0xb5 || code === 0xba;
}

/** True for `0` to `9`. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True for white space, including no-break, ideographic and zero-width spaces. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/**
 * The words of `folded[start, end)`: runs of word characters, with single `'` and `-` inside a
 * word kept (`i'll`, `cat's`, `e-mail`).
 */
export function tokenize(folded: string, start = 0, end = folded.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    if (!isWordCode(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < end) {
      const code = folded.charCodeAt(i);
      if (isWordCode(code)) {
        i++;
      } else if (
        (code === 39 || code === 45) &&
        i + 1 < end &&
        isWordCode(folded.charCodeAt(i + 1))
      ) {
        i += 2;
      } else {
        break;
      }
    }
    out.push({ start: s, end: i, word: folded.slice(s, i) });
  }
  return out;
}

// Words whose trailing dot does not end a sentence.
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'sr',
  'jr',
  'ave',
  'rd',
  'blvd',
  'ln',
  'apt',
  'ste',
  'no',
  'vs',
  'etc',
  'eg',
  'ie',
  'inc',
  'ltd',
  'co',
  'approx',
  'dept',
  'mt',
  'ft',
  'prof',
  'e.g',
  'i.e',
]);

function isTerminal(code: number): boolean {
  return (
    code === 46 ||
    code === 33 ||
    code === 63 ||
    code === 0x2026 ||
    code === 0xff01 ||
    code === 0xff1f
  );
}

/**
 * Splits text into sentences: at `.`, `!`, `?` and `…` followed by a space or the end (not after
 * an abbreviation or a single initial, and not inside `39.99`), and at every line break. The
 * spans are trimmed and never empty.
 */
export function sentences(text: string, folded: string = fold(text)): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) {
      pushTrimmed(out, text, start, i);
      i++;
      start = i;
      continue;
    }
    if (!isTerminal(code)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isTerminal(text.charCodeAt(j))) j++;
    // Closing quotes and brackets stay with the sentence they close.
    while (
      j < n &&
      (text.charCodeAt(j) === 34 || text.charCodeAt(j) === 41 || text.charCodeAt(j) === 0x201d)
    )
      j++;
    const atEnd = j >= n || isSpaceCode(text.charCodeAt(j));
    if (!atEnd || (code === 46 && j === i + 1 && continuesAfterDot(folded, i))) {
      i = j;
      continue;
    }
    pushTrimmed(out, text, start, j);
    start = j;
    i = j;
  }
  pushTrimmed(out, text, start, n);
  return out;
}

/** Adds `text[start, end)` without its surrounding white space, when anything is left. */
function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  let a = start;
  let b = end;
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  if (b > a) out.push({ start: a, end: b });
}

/** True when the dot at `dot` ends an abbreviation or an initial rather than a sentence. */
function continuesAfterDot(folded: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && dot - s <= 6) {
    const code = folded.charCodeAt(s - 1);
    if (!((code >= 97 && code <= 122) || code === 46)) break;
    s--;
  }
  if (s === dot) return false;
  const word = folded.slice(s, dot);
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word);
}

/** The text of a span, cut at a word boundary with `…` when longer than `max` characters. */
export function excerpt(text: string, span: Span, max = 300): string {
  const length = span.end - span.start;
  if (length <= max) return text.slice(span.start, span.end);
  let cut = span.start + max - 1;
  const floor = span.start + Math.floor(max / 2);
  while (cut > floor && !isSpaceCode(text.charCodeAt(cut))) cut--;
  if (cut === floor) cut = span.start + max - 1;
  // Never leave half a surrogate pair at the cut.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(span.start, cut).trimEnd()}…`;
}

/** The last character of a span that is not a closing quote, bracket or space. */
export function lastMark(text: string, span: Span): number {
  let e = span.end;
  while (e > span.start) {
    const code = text.charCodeAt(e - 1);
    if (code === 34 || code === 41 || code === 0x201d || code === 39 || isSpaceCode(code)) e--;
    else return code;
  }
  return -1;
}

/** True when the span ends with a question mark. */
export function endsWithQuestionMark(text: string, span: Span): boolean {
  const code = lastMark(text, span);
  return code === 63 || code === 0xff1f;
}

/** True when the tokens from `at` spell `phrase` (words separated by single spaces). */
export function wordsAt(tokens: readonly Token[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    if (tokens[at + k]?.word !== phrase[k]) return false;
  }
  return true;
}

// Sentence splitting for short, informal customer-service text: tweets without capitals,
// "!!!", abbreviations, decimals and initials.

/** One sentence and where it starts in the text it came from. */
export interface Span {
  readonly text: string;
  readonly start: number;
}

// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'approx',
  'no',
  'nr',
  'ref',
  'acct',
  'dept',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
]);

/** Sentences longer than this are cut at a comma or a space so that each fits a summary. */
export const MAX_SENTENCE = 240;

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
// . ! ? …
const isTerminal = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
// " ' ) ] ’ ”
const isCloser = (c: number) =>
  c === 34 || c === 39 || c === 41 || c === 93 || c === 0x2019 || c === 0x201d;
const SINGLE_LETTER = /^[a-z]$/;

/** Whether the full stop at `dot` ends an abbreviation or an initial rather than a sentence. */
function endsAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1)) && dot - i < 8) i--;
  const word = text.slice(i, dot).toLowerCase();
  return word.length === 1 ? SINGLE_LETTER.test(word) : ABBREVIATIONS.has(word);
}

function pushLong(out: Span[], text: string, start: number): void {
  let from = 0;
  while (text.length - from > MAX_SENTENCE) {
    const window = text.slice(from, from + MAX_SENTENCE);
    let cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
    if (cut < MAX_SENTENCE / 2) cut = window.lastIndexOf(' ');
    if (cut < MAX_SENTENCE / 4) cut = MAX_SENTENCE;
    else cut += 1;
    // Never leave half of a surrogate pair on either side.
    const code = text.charCodeAt(from + cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pushPiece(out, text.slice(from, from + cut), start + from);
    from += cut;
    while (from < text.length && isSpace(text.charCodeAt(from))) from++;
  }
  pushPiece(out, text.slice(from), start + from);
}

/**
 * Adds a piece without its surrounding white space, when anything is left, at the offset of its
 * first character left (`trim` also drops spaces such as U+00A0 that the splitter keeps).
 */
function pushPiece(out: Span[], piece: string, start: number): void {
  const trimmed = piece.trim();
  if (trimmed !== '')
    out.push({ text: trimmed, start: start + piece.length - piece.trimStart().length });
}

/**
 * Splits text into sentences at `.`, `!`, `?` and `…` followed by a space, and at line breaks.
 * One pass over the text; pieces longer than {@link MAX_SENTENCE} are cut further.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      pushTrimmed(out, text, start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (!isTerminal(c)) {
      i++;
      continue;
    }
    const first = i;
    while (i < n && (isTerminal(text.charCodeAt(i)) || isCloser(text.charCodeAt(i)))) i++;
    if (i < n && !isSpace(text.charCodeAt(i))) continue;
    if (i - first === 1 && c === 46 && endsAbbreviation(text, first)) continue;
    pushTrimmed(out, text, start, i);
    start = i;
  }
  pushTrimmed(out, text, start, n);
  return out;
}

/** Adds `text[start, end)` without its surrounding whitespace, when anything is left. */
function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s < e) pushLong(out, text.slice(s, e), s);
}

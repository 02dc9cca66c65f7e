/**
 * Character-level primitives shared by the keyword compiler and the extractor, so that a keyword
 * such as `p.o.` is split into words exactly as the same characters in a message are.
 */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]+$/u;

// 1 for ASCII letters and digits: the common case never reaches the Unicode regex.
const ASCII_WORD = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) table[c] = 1;
  for (let c = 65; c <= 90; c++) table[c] = 1;
  for (let c = 97; c <= 122; c++) table[c] = 1;
  return table;
})();

/**
 * The width in UTF-16 code units (1 or 2) of the letter, digit or mark at `i`, or 0 when the
 * character there is anything else, a lone surrogate, or past the end.
 */
export function wordWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] ?? 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  return WORD_CHAR.test(text.charAt(i)) ? 1 : 0;
}

/** Whether a code unit is an ASCII digit. */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The end of the token whose first word character is at `start`: a maximal run of letters and
 * digits joined by single `-`, `/`, `_` or `.`. A `.` joins only letters to letters or digits to
 * digits, so `v1.2`, `t.co` and `12.50` stay whole while `no.12345` splits into `no` and `12345`.
 */
export function tokenEnd(text: string, start: number): number {
  let j = start;
  for (;;) {
    const width = wordWidth(text, j);
    if (width === 0) return j;
    j += width;
    const c = text.charCodeAt(j);
    if (c === 45 || c === 47 || c === 95 || c === 46) {
      if (wordWidth(text, j + 1) === 0) return j;
      if (
        c === 46 &&
        isAsciiDigit(text.charCodeAt(j - 1)) !== isAsciiDigit(text.charCodeAt(j + 1))
      ) {
        return j;
      }
      j += 1;
    }
  }
}

const MARKS = /\p{M}/gu;

/**
 * Folds a word for keyword comparison: lower case, diacritics removed (`Número` → `numero`).
 * Canonical (not compatibility) decomposition keeps the output at most three times the input.
 */
export function foldWord(word: string): string {
  let upper = false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 128) return word.normalize('NFD').replace(MARKS, '').toLowerCase();
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? word.toLowerCase() : word;
}

/** Splits a keyword phrase into folded words with the extractor's own token rules. */
export function keywordWords(phrase: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < phrase.length) {
    if (wordWidth(phrase, i) === 0) {
      i++;
      continue;
    }
    const end = tokenEnd(phrase, i);
    words.push(foldWord(phrase.slice(i, end)));
    i = end;
  }
  return words;
}

/**
 * Words that may sit between a keyword and its value without breaking the link: `order number
 * is: 123`, `ref. no. 456`, `pedido nº 789`. Folded forms.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'number',
  'numbers',
  'no',
  'nos',
  'nr',
  'nro',
  'num',
  'numero',
  'numeros',
  'nummer',
  'nº',
  'n',
  'id',
  'ids',
  'ref',
  'refs',
  'reference',
  'code',
  'is',
  'was',
  'are',
  'were',
  'es',
  'est',
  'ist',
  'e',
]);

/** Words that continue a list of values after a keyword: `case 00197387 & 00197126`, `orders 1 and 2`. */
export const CONNECTOR_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'y',
  'o',
  'et',
  'ou',
  'und',
  'oder',
  'also',
]);

/** Abbreviations whose trailing `.` does not end the sentence: `ref. no. C1-1028`. Folded forms. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'no',
  'nos',
  'nr',
  'nro',
  'num',
  'ref',
  'refs',
  'conf',
  'acct',
  'acc',
  'inv',
  'tkt',
  'req',
  'res',
  'bkg',
  'trk',
  'ord',
  'id',
  'n',
  'nº',
]);

/** How a character between two tokens affects the keyword context. */
export const GAP_SOFT = 0;
/** A list separator (`,`, `&`, `+`, `/`): soft only while continuing a list of values. */
export const GAP_LIST = 1;
/** A line break: one is soft, a blank line is hard. */
export const GAP_NEWLINE = 2;
/** A `.`: soft only straight after an abbreviation. */
export const GAP_DOT = 3;
/** Anything else ends the context (sentence punctuation, symbols, emoji, lone surrogates). */
export const GAP_HARD = 4;

const ASCII_GAP = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128).fill(GAP_HARD);
  for (const ch of ' \t\u000B\u000C:#-=*"\'([`~_') table[ch.charCodeAt(0)] = GAP_SOFT;
  for (const ch of ',&+/') table[ch.charCodeAt(0)] = GAP_LIST;
  table[10] = GAP_NEWLINE;
  table[13] = GAP_NEWLINE;
  table[46] = GAP_DOT;
  return table;
})();

const SOFT_NON_ASCII: ReadonlySet<number> = new Set([
  0x00a0, 0x00ab, 0x00ad, 0x00b0, 0x00bb, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2010, 0x2011,
  0x2012, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x202f, 0x205f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x2116,
  0x3000, 0xfeff, 0xff03, 0xff1a,
]);

const LIST_NON_ASCII: ReadonlySet<number> = new Set([0x3001, 0xff0c]);

/** Classifies one non-word code unit found between tokens. */
export function gapClass(code: number): number {
  if (code < 128) return ASCII_GAP[code] ?? GAP_HARD;
  if (code === 0x0085 || code === 0x2028 || code === 0x2029) return GAP_NEWLINE;
  if (SOFT_NON_ASCII.has(code)) return GAP_SOFT;
  if (LIST_NON_ASCII.has(code)) return GAP_LIST;
  return GAP_HARD;
}

/** Currency signs: a number written straight after one is a price, never a reference. */
export const CURRENCY_SIGNS: ReadonlySet<number> = new Set([
  0x24, 0xa2, 0xa3, 0xa5, 0x20ac, 0x20b9, 0x20bd, 0x20a9, 0x20a6, 0x20ba, 0x20b1, 0x20aa, 0x0e3f,
]);

/** Whether a code unit is whitespace or a line break (where a URL ends). */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x85 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

// HTML-escaped text is common in exports (the public Twitter support corpus is escaped), and
// `&amp;` between two values must read as `&`, not as a word `amp`.
const ENTITIES: ReadonlyMap<number, readonly (readonly [string, number])[]> = new Map([
  [97, [['&amp;', 38] as const, ['&apos;', 39] as const]],
  [103, [['&gt;', 62] as const]],
  [108, [['&lt;', 60] as const]],
  [113, [['&quot;', 34] as const]],
  [35, [['&#39;', 39] as const]],
  [110, [['&nbsp;', 0xa0] as const]],
]);

/**
 * When an HTML entity starts at `i`, returns its length times 0x10000 plus the code of the
 * character it stands for; otherwise 0. Reads at most 12 characters.
 */
export function entityAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 38) return 0;
  const candidates = ENTITIES.get(text.charCodeAt(i + 1));
  if (candidates === undefined) return 0;
  for (const [entity, code] of candidates) {
    if (text.startsWith(entity, i)) return entity.length * 0x10000 + code;
  }
  return 0;
}

// Unicode folding for person names (and any other free text the matching engine compares).
//
// The goal is a matching key, not a display form: two spellings a person would call "the same"
// (`JOSÉ` / `jose`, `Zoë` / `Zoe`, `Straße` / `strasse`, `Ｊｏｈｎ` / `John`) fold to the same
// string, while letters of scripts whose marks carry meaning (Devanagari vowel signs, Cyrillic
// `й`, Japanese dakuten) are kept intact.

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// Invisible or meaningless for matching: controls, format characters (zero-width space and
// joiners, bidi marks, BOM, soft hyphen), lone surrogates and private-use code points. The
// spacing acute accent is here too, because NFKC would turn `O´Brien` into `O ́Brien` (a space
// and a combining accent) while people use it as an apostrophe.
const SCRUB = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\u00b4]/gu;

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const SPACE = /^\p{Z}$/u;
// Scripts whose diacritics are dropped: Latin and Greek. Greek is folded because upper-case
// Greek is written without accents by convention, so case-insensitivity requires it.
const FOLD_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}]$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

// Letters that have no canonical or compatibility decomposition but a conventional base form.
// Keys are lower case: folding lower-cases before it looks them up.
const SPECIAL_LETTERS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  ['ŋ', 'n'],
  ['ĸ', 'k'],
  ['ƒ', 'f'],
  // Azerbaijani `Əliyev` is `Aliyev` in every romanized record.
  ['ə', 'a'],
  ['ǝ', 'e'],
  ['ɛ', 'e'],
  ['ɔ', 'o'],
  ['ɓ', 'b'],
  ['ɗ', 'd'],
  ['ɖ', 'd'],
  ['ƙ', 'k'],
  ['ƴ', 'y'],
  ['ɨ', 'i'],
  ['ʉ', 'u'],
  ['ɵ', 'o'],
  ['ƀ', 'b'],
  ['ƈ', 'c'],
  ['ȼ', 'c'],
  ['ɇ', 'e'],
  ['ɉ', 'j'],
  ['ɍ', 'r'],
  ['ɏ', 'y'],
  ['ƶ', 'z'],
  ['ȥ', 'z'],
  ['ɫ', 'l'],
  ['ƚ', 'l'],
  ['ɬ', 'l'],
  ['ȴ', 'l'],
  ['ɲ', 'n'],
  ['ƞ', 'n'],
  ['ȵ', 'n'],
  ['ʂ', 's'],
  ['ȿ', 's'],
  ['ʐ', 'z'],
  ['ɀ', 'z'],
  ['ƭ', 't'],
  ['ʈ', 't'],
  ['ȶ', 't'],
  ['ɦ', 'h'],
  ['ɱ', 'm'],
  ['ʋ', 'v'],
  ['ɠ', 'g'],
  ['ɡ', 'g'],
  ['ǥ', 'g'],
  ['ƥ', 'p'],
  ['ɋ', 'q'],
  ['ʠ', 'q'],
  ['ȡ', 'd'],
  ['ɐ', 'a'],
  ['ɑ', 'a'],
  ['ɒ', 'o'],
  // Greek final sigma is the same letter as σ; lower-casing chooses between them by context,
  // which would make the key depend on what punctuation follows a word.
  ['ς', 'σ'],
  // Russian writes `е` for `ё` in most printed text, so the two must meet.
  ['ё', 'е'],
  ['ѐ', 'е'],
  ['ѝ', 'и'],
]);

// Everything people type as an apostrophe (typographic quotes, modifier letters used for the
// okina and for Arabic ayin/hamza, primes, the Hebrew geresh) becomes `'`.
const APOSTROPHES: ReadonlySet<number> = new Set([
  0x60, 0x2b9, 0x2bb, 0x2bc, 0x2bd, 0x2be, 0x2bf, 0x5f3, 0x2018, 0x2019, 0x201b, 0x2032,
]);
// Every dash and hyphen becomes `-`: a double-barrelled surname is typed with any of them.
const HYPHENS: ReadonlySet<number> = new Set([
  0x58a, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63,
]);

// What a combining mark is allowed to attach to in the output.
const MARKS_DROP = 0; // after Latin/Greek letters, spaces, punctuation, symbols and at the start
const MARKS_KEEP = 1; // after letters of scripts whose marks are part of the spelling
const MARKS_CYRILLIC = 2; // keep, except the stress accents some texts print over vowels

function foldLetter(ch: string): string {
  const special = SPECIAL_LETTERS.get(ch);
  if (special !== undefined) return special;
  let out = '';
  for (const part of ch.normalize('NFKD')) {
    if (MARK.test(part)) continue;
    out += SPECIAL_LETTERS.get(part) ?? part;
  }
  return out.toLowerCase();
}

// Precomputed folds for the Latin and Greek blocks where accented letters live; letters of
// these scripts elsewhere are folded on the fly by the same function.
const FOLD_TABLE: ReadonlyMap<number, string> = /* @__PURE__ */ buildFoldTable([
  [0x00c0, 0x02af],
  [0x0370, 0x03ff],
  [0x1e00, 0x1fff],
]);

function buildFoldTable(
  ranges: readonly (readonly [number, number])[],
): ReadonlyMap<number, string> {
  const table = new Map<number, string>();
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      if (LETTER.test(ch) && FOLD_SCRIPT.test(ch)) table.set(cp, foldLetter(ch.toLowerCase()));
    }
  }
  return table;
}

/**
 * Folds text for matching: NFKC, lower case, diacritics removed from Latin and Greek letters,
 * letters without a decomposition mapped to their base (`ß`→`ss`, `æ`→`ae`, `ø`→`o`, `ł`→`l`,
 * `đ`/`ð`→`d`, `þ`→`th`, `ı`→`i`, `ə`→`a`), Russian `ё`→`е`, every apostrophe-like character
 * to `'` and every dash to `-`, invisible characters (controls, zero-width, bidi marks, lone
 * surrogates) removed and whitespace collapsed to single spaces. Other scripts keep their
 * letters and marks, lower-cased. Digits and punctuation are kept, so the function also suits
 * street names, cities and other text fields. Never throws; `foldName(foldName(s)) === foldName(s)`.
 *
 * @param text - any string.
 * @returns the folded text, trimmed; `''` when nothing visible is left.
 * @example
 * ```ts
 * import { foldName } from 'threadline';
 *
 * console.log(foldName('  JOSÉ  Müller-Straße ')); // jose muller-strasse
 * console.log(foldName('Zoë O’Brien')); // zoe o'brien
 * console.log(foldName('Ｊｏｈｎ\u200B Иванов')); // john иванов
 * ```
 */
export function foldName(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let s = text;
  if (!PRINTABLE_ASCII.test(s)) s = s.replace(SCRUB, scrub).normalize('NFKC');
  s = s.toLowerCase();

  let out = '';
  let pendingSpace = false;
  let marks = MARKS_DROP;
  for (let i = 0; i < s.length; ) {
    const code = s.charCodeAt(i);
    if (code < 0x80) {
      i++;
      if (code === 0x20) {
        pendingSpace = true;
      } else if (code > 0x20 && code !== 0x7f) {
        if (pendingSpace && out.length > 0) out += ' ';
        pendingSpace = false;
        out += code === 0x60 ? "'" : s[i - 1];
      }
      marks = MARKS_DROP;
      continue;
    }
    const cp = s.codePointAt(i) ?? code;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (MARK.test(ch)) {
      if (marks === MARKS_KEEP || (marks === MARKS_CYRILLIC && cp !== 0x300 && cp !== 0x301)) {
        out += ch;
      }
      continue;
    }
    if (SPACE.test(ch)) {
      pendingSpace = true;
      marks = MARKS_DROP;
      continue;
    }
    if (pendingSpace && out.length > 0) out += ' ';
    pendingSpace = false;
    const folded = FOLD_TABLE.get(cp);
    if (folded !== undefined) {
      out += folded;
      marks = MARKS_DROP;
    } else if (APOSTROPHES.has(cp)) {
      out += "'";
      marks = MARKS_DROP;
    } else if (HYPHENS.has(cp)) {
      out += '-';
      marks = MARKS_DROP;
    } else if (LETTER.test(ch)) {
      if (FOLD_SCRIPT.test(ch)) {
        out += foldLetter(ch);
        marks = MARKS_DROP;
      } else if (CYRILLIC.test(ch)) {
        out += SPECIAL_LETTERS.get(ch) ?? ch;
        marks = MARKS_CYRILLIC;
      } else {
        out += ch;
        marks = MARKS_KEEP;
      }
    } else {
      out += ch;
      marks = MARKS_DROP;
    }
  }
  return out;
}

function scrub(ch: string): string {
  if (ch === '\u00b4') return "'";
  const code = ch.charCodeAt(0);
  // Line breaks, tabs and the C0/C1 separators end a word; every other invisible character is
  // dropped so that it cannot split one (`Jo\u200Bhn` is `John`).
  return (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f) || code === 0x85
    ? ' '
    : '';
}

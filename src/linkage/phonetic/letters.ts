// Turns arbitrary text into the alphabet Double Metaphone works on: upper-case A–Z, the one
// accented letter the algorithm gives its own sound (Ç), and single spaces between words.
//
// This runs on every name of every record, so the common cases are cheap: a name of plain ASCII
// letters is returned as it is (or upper-cased by one native call), other text is cut into runs
// of kept letters that are joined once, never built character by character.

/** Upper-case C with cedilla: the algorithm reads it as `S`, so it survives the fold. */
export const C_CEDILLA = 0xc7;
const C_CEDILLA_STRING = '\u00c7';

const COMBINING_CEDILLA = 0x327;
const LOWER_C = 0x63;

// Letters with no canonical or compatibility decomposition, but a conventional Latin spelling.
// Both cases are listed so that folding stays case-insensitive.
const SPECIAL_LETTERS: ReadonlyMap<number, string> = new Map([
  [0xdf, 'SS'], // ß
  [0x1e9e, 'SS'], // ẞ
  [0xc6, 'AE'], // Æ
  [0xe6, 'AE'],
  [0x152, 'OE'], // Œ
  [0x153, 'OE'],
  [0xd8, 'O'], // Ø
  [0xf8, 'O'],
  [0x141, 'L'], // Ł
  [0x142, 'L'],
  [0x110, 'D'], // Đ
  [0x111, 'D'],
  [0xd0, 'D'], // Ð
  [0xf0, 'D'],
  [0xde, 'TH'], // Þ
  [0xfe, 'TH'],
  [0x131, 'I'], // dotless ı, whose upper case is I
  [0x126, 'H'], // Ħ
  [0x127, 'H'],
  [0x166, 'T'], // Ŧ
  [0x167, 'T'],
  [0x14a, 'N'], // Ŋ
  [0x14b, 'N'],
  [0x138, 'K'], // ĸ
  [0x191, 'F'], // Ƒ
  [0x192, 'F'],
  [0x18f, 'A'], // Azerbaijani Ə: `Əliyev` is `Aliyev` in romanized records
  [0x259, 'A'],
  [0x190, 'E'], // Ɛ
  [0x25b, 'E'],
  [0x186, 'O'], // Ɔ
  [0x254, 'O'],
]);

// Any combining mark, for the rare code point outside the blocks checked by range below.
const MARK = /^\p{M}$/u;

// ASCII punctuation that separates words. The apostrophe and the backtick are not here: they sit
// inside names (`O'Brien`, `D'Angelo`) and are dropped instead, as are digits and controls.
const ASCII_SEPARATORS = ' \t\n\v\f\r!"#$%&()*+,-./:;<=>?@[\\]^_{|}~';
const ASCII_SEPARATOR: Uint8Array = /* @__PURE__ */ asciiTable(ASCII_SEPARATORS);

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

function isUpperAsciiLetter(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// Non-ASCII code units that still separate words after NFKD (which already turns no-break and
// typographic spaces into U+0020): dashes, quotation marks, guillemets, bullets, line breaks.
// The middle dot is not one: Catalan writes `Col·lell` as one word.
function isUnicodeSeparator(c: number): boolean {
  return (
    c === 0x85 ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x1680 ||
    (c >= 0x2010 && c <= 0x2017) ||
    (c >= 0x201c && c <= 0x2023) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x2039 ||
    c === 0x203a ||
    c === 0x2212 ||
    (c >= 0x3000 && c <= 0x3003)
  );
}

function isCombiningMark(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

/**
 * Folds `text` into the letters Double Metaphone reads: upper case; diacritics removed (NFKD, so
 * ligatures and full-width letters fold too); `ß`→`SS` and the other letters without a
 * decomposition mapped; apostrophes, digits, marks, symbols and letters of other scripts dropped;
 * every run of whitespace or punctuation turned into one space between words, never leading or
 * trailing. A `C` carrying a cedilla becomes `Ç` ({@link C_CEDILLA}).
 */
export function foldLetters(text: string): string {
  const n = text.length;
  let lower = false;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isUpperAsciiLetter(c)) continue;
    if (c >= 0x61 && c <= 0x7a) {
      lower = true;
      continue;
    }
    break;
  }
  if (i === n) return lower ? text.toUpperCase() : text;
  return foldGeneral(text);
}

function foldGeneral(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  // The text is not upper-cased as a whole: Unicode case mappings turn a few marks into letters
  // (U+0345 becomes a Greek iota), which would move a cedilla off its C. Only the ASCII runs kept
  // are upper-cased.
  const source = ascii ? text : text.normalize('NFKD');
  const length = source.length;
  let out = '';
  let pendingSpace = false;
  // Whether the last letter written is a C followed so far only by combining marks: a combining
  // cedilla among them makes it Ç.
  let cedillaCanAttach = false;
  let runStart = -1;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? source.charCodeAt(i) : 0;
    if (isAsciiLetter(c)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      if (pendingSpace) {
        out += ' ';
        pendingSpace = false;
      }
      out += source.slice(runStart, i).toUpperCase();
      cedillaCanAttach = (source.charCodeAt(i - 1) | 0x20) === LOWER_C;
      runStart = -1;
    }
    if (i === length) break;
    if (c < 0x80) {
      if (ASCII_SEPARATOR[c] === 1 && out.length > 0) pendingSpace = true;
      cedillaCanAttach = false;
      continue;
    }
    if (isCombiningMark(c)) {
      if (c === COMBINING_CEDILLA && cedillaCanAttach) {
        out = out.slice(0, -1) + C_CEDILLA_STRING;
        cedillaCanAttach = false;
      }
      continue;
    }
    const special = SPECIAL_LETTERS.get(c);
    if (special !== undefined) {
      if (pendingSpace) {
        out += ' ';
        pendingSpace = false;
      }
      out += special;
      cedillaCanAttach = false;
    } else if (isUnicodeSeparator(c)) {
      if (out.length > 0) pendingSpace = true;
      cedillaCanAttach = false;
    } else if (cedillaCanAttach) {
      // Rare: a mark from another block between a C and its cedilla keeps them together.
      const cp = source.codePointAt(i) ?? c;
      if (MARK.test(String.fromCodePoint(cp))) {
        if (cp > 0xffff) i++;
      } else {
        cedillaCanAttach = false;
      }
    }
    // Anything else (letters of other scripts, symbols, emoji, format characters, lone
    // surrogates) carries no Latin sound and is dropped.
  }
  return out;
}

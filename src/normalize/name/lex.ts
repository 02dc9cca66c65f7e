// Splits folded name text into words, keeping the structure the parser needs: comma-separated
// segments (`Souza, Ana`), text in brackets or quotes (`Robert "Bob" Smith`), and dotted
// abbreviations written without spaces (`J.R.R.`, `Ph.D.`).

import { foldName } from './fold.js';
import { HONORIFICS, SUFFIXES } from './lexicon.js';

/** One word of a name, as the parser sees it. */
export interface Word {
  /** Folded letters and marks; a hyphen is kept between two parts (`meddings-blaskett`). */
  readonly text: string;
  /** The word for title and suffix look-up: digits kept, apostrophes and hyphens dropped (`3rd`, `obrien`). */
  readonly key: string;
  /** Index of the comma-separated segment the word is in. */
  readonly segment: number;
  /** The parts of a dotted abbreviation looked up as one word (`m.d.` → `m`, `d`). */
  readonly pieces?: readonly Word[];
}

/** Words of the name itself, and the groups of words written in brackets or quotes. */
export interface Lexed {
  readonly words: Word[];
  readonly aliases: Word[][];
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}\u00b7]$/u;
const NUMBER = /^\p{N}$/u;
const ASCII_ONLY = /^[\x20-\x7e]*$/;
const MIDDLE_DOT = 0xb7;
// Quotation marks open and close a nickname (`Robert “Bob” Smith`). Each one toggles, which
// reads German `„Bob“`, French `«Bob»` and English `"Bob"` alike.
const QUOTES: ReadonlySet<number> = new Set([
  0x22, 0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2039, 0x203a, 0x300c, 0x300d, 0x300e, 0x300f,
  0x301d, 0x301e,
]);

/** Lexes text already passed through `foldName`. */
export function lex(folded: string): Lexed {
  const words: Word[] = [];
  const aliases: Word[][] = [];
  let alias: Word[] | undefined;
  let segment = 0;
  let depth = 0;
  let quoted = false;
  // The word being read is folded[wordStart, i); `plain` while it is only a-z.
  let wordStart = -1;
  let plain = true;
  let chain: Word[] = [];

  const emit = (word: Word): void => {
    if (alias !== undefined) alias.push(word);
    else words.push(word);
  };
  const endPiece = (end: number): void => {
    if (wordStart < 0) return;
    const raw = folded.slice(wordStart, end);
    const word = plain ? { text: raw, key: raw, segment } : makeWord(raw, segment);
    if (word !== undefined) chain.push(word);
    wordStart = -1;
  };
  const finish = (end: number): void => {
    endPiece(end);
    const only = chain[0];
    if (only === undefined) return;
    if (chain.length === 1) {
      emit(only);
    } else {
      let key = '';
      for (const piece of chain) key += piece.key;
      if (chain.length > 1 && (HONORIFICS.has(key) || SUFFIXES.has(key))) {
        let text = '';
        for (const piece of chain) text += piece.text;
        emit({ text, key, segment, pieces: chain });
      } else {
        for (const piece of chain) emit(piece);
      }
    }
    chain = [];
  };
  const setAlias = (): void => {
    const inside = depth > 0 || quoted;
    if (inside && alias === undefined) {
      alias = [];
    } else if (!inside && alias !== undefined) {
      if (alias.length > 0) aliases.push(alias);
      alias = undefined;
    }
  };

  const length = folded.length;
  for (let i = 0; i < length; ) {
    const code = folded.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) {
      if (wordStart < 0) {
        wordStart = i;
        plain = true;
      }
      i++;
      continue;
    }
    const cp = code < 0x80 ? code : (folded.codePointAt(i) ?? code);
    const width = cp > 0xffff ? 2 : 1;
    const wordChar =
      code < 0x80
        ? (code >= 0x30 && code <= 0x39) || code === 0x27 || code === 0x2d
        : WORD_CHAR.test(String.fromCodePoint(cp));
    if (wordChar) {
      if (wordStart < 0) wordStart = i;
      plain = false;
      i += width;
      continue;
    }
    if (cp === 0x2e) {
      // `J.R.R.` and `Ph.D.` keep going after a dot; `J. R.` does not.
      endPiece(i);
    } else {
      finish(i);
      if (cp === 0x2c || cp === 0x3b) {
        if (alias === undefined) segment++;
      } else if (cp === 0x28 || cp === 0x5b || cp === 0x7b) {
        depth++;
        setAlias();
      } else if (cp === 0x29 || cp === 0x5d || cp === 0x7d) {
        if (depth > 0) depth--;
        setAlias();
      } else if (QUOTES.has(cp)) {
        quoted = !quoted;
        setAlias();
      }
    }
    i += width;
  }
  finish(length);
  depth = 0;
  quoted = false;
  setAlias();
  return { words, aliases };
}

function makeWord(raw: string, segment: number): Word | undefined {
  let text = '';
  let key = '';
  let removed = false;
  for (const ch of raw) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x27 || cp === MIDDLE_DOT) {
      removed = true;
    } else if (cp === 0x2d) {
      // Inner hyphens survive, once; leading, trailing and doubled ones do not.
      if (text !== '' && !text.endsWith('-')) text += '-';
      else removed = true;
    } else if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x80 && NUMBER.test(ch))) {
      key += ch;
      removed = true;
    } else {
      text += ch;
      key += ch;
    }
  }
  if (text.endsWith('-')) text = text.slice(0, -1);
  // Removing an apostrophe or a digit can bring together two characters that NFKC composes
  // (Hangul jamo); folding again keeps the word a fixed point of `foldName`.
  if (removed && !ASCII_ONLY.test(text)) text = foldName(text);
  if (text === '') return undefined;
  return { text, key, segment };
}

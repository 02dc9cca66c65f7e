import {
  checkMaxLength,
  DEFAULT_PHONETIC_LENGTH,
  type DoubleMetaphoneCodes,
  encodeFolded,
} from './double-metaphone.js';
import { foldLetters } from './letters.js';

const C_CEDILLA_STRING = '\u00c7';

function pushDistinct(into: string[], code: string): void {
  if (code !== '' && !into.includes(code)) into.push(code);
}

// Codes of one folded word, as written and, when it has a Ç, as typed without the cedilla.
// Double Metaphone reads Ç as S while a plain C before A, O or U is K, so `Gonçalves` (KNSL)
// and the `Goncalves` of a keyboard without the letter (KNKL) would never meet otherwise.
function collectCodes(word: string, maxLength: number, into: string[]): void {
  const codes: DoubleMetaphoneCodes = encodeFolded(word, maxLength);
  pushDistinct(into, codes[0]);
  pushDistinct(into, codes[1]);
  if (word.indexOf(C_CEDILLA_STRING) < 0) return;
  const plain = encodeFolded(word.replaceAll(C_CEDILLA_STRING, 'C'), maxLength);
  pushDistinct(into, plain[0]);
  pushDistinct(into, plain[1]);
}

/**
 * Phonetic blocking keys for a name of one or more words: the distinct non-empty Double Metaphone
 * codes (primary, then alternate) of each word, in the order the words appear. Words are split
 * at whitespace and punctuation (`de la Cruz`, `Jean-Luc`); apostrophes stay inside a word
 * (`O'Brien`). A word with a `Ç` also gets the codes of its spelling without the cedilla, which
 * is how it is often typed (`Gonçalves` / `Goncalves`). Particles are not dropped: remove `de`,
 * `van` and the like first if they should not form blocks. Never throws on any string.
 *
 * @param name - a name or any text.
 * @param maxLength - the longest code: a positive integer (4 by default) or `Infinity`.
 * @returns the keys, without duplicates; `[]` when the input has no Latin letters.
 * @throws ThreadlineError with code `'invalid_options'` when `maxLength` is invalid.
 * @example
 * ```ts
 * import { phoneticKeys } from 'threadline';
 *
 * console.log(phoneticKeys('Ana María Smith')); // [ 'AN', 'MR', 'SM0', 'XMT' ]
 * console.log(phoneticKeys('Gonçalves')); // [ 'KNSL', 'KNKL' ]
 * console.log(phoneticKeys('  ')); // []
 * ```
 */
export function phoneticKeys(
  name: string,
  maxLength: number = DEFAULT_PHONETIC_LENGTH,
): readonly string[] {
  checkMaxLength(maxLength);
  if (typeof name !== 'string') return [];
  const letters = foldLetters(name);
  const keys: string[] = [];
  if (letters.indexOf(' ') < 0) {
    collectCodes(letters, maxLength, keys);
    return keys;
  }
  for (const word of letters.split(' ')) collectCodes(word, maxLength, keys);
  return keys;
}

/**
 * Whether two words sound alike by Double Metaphone: some code of `a` (primary or alternate)
 * equals some code of `b`. A `Ç` also counts as the plain `C` it is often typed as. Words made
 * only of letters the algorithm leaves silent (`H`, `W`) have no code, and are compared by their
 * folded letters instead. Symmetric; reflexive for any input with at least one Latin letter;
 * `false` when either input has none. For names of several words, compare
 * {@link phoneticKeys} instead.
 *
 * @param a - one word.
 * @param b - another word.
 * @param maxLength - the code length compared: a positive integer (4 by default) or `Infinity`.
 * @throws ThreadlineError with code `'invalid_options'` when `maxLength` is invalid.
 * @example
 * ```ts
 * import { phoneticallyEqual } from 'threadline';
 *
 * console.log(phoneticallyEqual('Catherine', 'Kathryn')); // true
 * console.log(phoneticallyEqual('Schmidt', 'Smith')); // true
 * console.log(phoneticallyEqual('Smith', 'Jones')); // false
 * ```
 */
export function phoneticallyEqual(
  a: string,
  b: string,
  maxLength: number = DEFAULT_PHONETIC_LENGTH,
): boolean {
  checkMaxLength(maxLength);
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const lettersA = foldLetters(a);
  const lettersB = foldLetters(b);
  if (lettersA.length === 0 || lettersB.length === 0) return false;
  if (lettersA === lettersB) return true;
  const codesA: string[] = [];
  const codesB: string[] = [];
  collectCodes(lettersA, maxLength, codesA);
  collectCodes(lettersB, maxLength, codesB);
  // Both silent (no code at all): only the same letters are the same word, and those returned
  // above.
  if (codesA.length === 0 || codesB.length === 0) return false;
  for (const code of codesA) if (codesB.includes(code)) return true;
  return false;
}

/**
 * How people and systems misspell what they type: accents dropped, keyboard slips and
 * capitalised words. These are the text-level corruptions the renderers apply to names,
 * addresses and handles.
 */

import type { Random } from '../../core/random.js';
import { FAMILY, GIVEN } from './vocabulary.js';

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LOWER_ASCII = /[^a-z]/g;
const UNFOLDABLE: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
};
const UNFOLDABLE_CHARS = /[øØßæÆłŁđ]/g;

/** Strips accents, as keyboards without them and older systems do (`José` → `Jose`). */
const stripAccents = (s: string): string =>
  s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNFOLDABLE_CHARS, (c) => UNFOLDABLE[c] ?? c);

// Folding is slow next to everything else the generator does; the vocabulary is folded once.
const PLAIN_NAMES: ReadonlyMap<string, string> = new Map(
  [...GIVEN.flat(), ...FAMILY].map((name) => [name, stripAccents(name)]),
);

/** A name without accents, as keyboards without them and older systems write it. */
export const plainName = (s: string): string => PLAIN_NAMES.get(s) ?? stripAccents(s);

/** The letters of a name as a mailbox or handle would spell them. */
export const asciiWord = (s: string): string =>
  plainName(s).toLowerCase().replace(NOT_LOWER_ASCII, '');

/** One keyboard slip: a transposition, a dropped, replaced or doubled character. */
export function typo(random: Random, s: string): string {
  if (s.length < 2) return `${s}${s}`;
  const i = Math.floor(random() * (s.length - 1));
  const kind = random();
  const a = s[i] ?? '';
  const b = s[i + 1] ?? '';
  if (kind < 0.4 && a !== b) return s.slice(0, i) + b + a + s.slice(i + 2);
  if (kind < 0.6) return s.slice(0, i) + s.slice(i + 1);
  if (kind < 0.85) {
    let replacement = String.fromCharCode(97 + Math.floor(random() * 26));
    if (replacement === a) replacement = a === 'z' ? 'a' : String.fromCharCode(a.charCodeAt(0) + 1);
    return s.slice(0, i) + replacement + s.slice(i + 1);
  }
  return s.slice(0, i) + a + s.slice(i);
}

const WORD_START = /(^|[._])([a-z])/g;

/** `robert.smith` → `Robert.Smith`: how some systems and people case addresses and handles. */
export const capitalise = (s: string): string =>
  s.replace(WORD_START, (_m, sep: string, c: string) => sep + c.toUpperCase());

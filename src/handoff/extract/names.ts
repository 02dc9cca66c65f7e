// Telling a person's name from chat filler. A name here is one to four words of letters that are
// not everyday words ("no worries", "In Transit", "thanks so much" are not names) and that
// `normalizeName` accepts as a matchable name (no placeholders such as "Guest" or "Test User").
import { normalizeName } from '../../normalize/name/name.js';

// Everyday words that, alone or together, are chat rather than a name.
const COMMON: ReadonlySet<string> = new Set(
  (
    "i im i'm me my mine you your yes no nope yep yeah yup ok okay sure thanks thank please hi hello " +
    'hey bye good great fine perfect sorry the a an and or but so is are was were be been it its ' +
    "it's this that these those not none nothing what why how when where who which help order " +
    'orders account email phone number name username address in on at for to of with from by as ' +
    'transit delivered shipped pending all done wait hold one moment second just still already ' +
    'worries problem course exactly really very much more less some any no-one nobody everything ' +
    'something anything here there now then today tomorrow yesterday again also too well right ' +
    'wrong size item items refund return returns cancel credit card gold silver bronze guest member ' +
    'premium standard basic new old same other do does did have has had can could would should will ' +
    'shall may might must need want like love hate know think got get give take make let see look ' +
    'call text dm thx ty np lol omg idk cool nice awesome alright sounds correct incorrect exactly ' +
    'true false n/a na unknown anonymous customer agent support team manager they them we us our he ' +
    'she his her him dear sir madam morning afternoon evening night day week month year'
  ).split(' '),
);

// Letters with inner apostrophes and hyphens (`O'Brien`, `Mona-Andreea`), or an initial with its
// dot (`J.`); a dot inside a word (`t.co`) is no name.
const NAME_WORD = /^(?:[\p{L}][\p{L}\p{M}'’-]{0,39}|\p{L}\.)$/u;

/** True for a word that can be part of a name (letters, and not an everyday word). */
export function isNameWord(word: string): boolean {
  return NAME_WORD.test(word) && !COMMON.has(word.toLowerCase().replace(/’/g, "'"));
}

/**
 * True when a short text is, on its own, a person's name: `Crystal Minh`, `crystal minh`,
 * `J. Smith`. Digits, everyday words and placeholders say it is not.
 */
export function looksLikeName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  const words = trimmed.split(/\s+/);
  if (words.length > 4) return false;
  let long = false;
  for (const word of words) {
    if (!isNameWord(word)) return false;
    if (word.replace(/[.'’-]/g, '').length >= 2) long = true;
  }
  return long && normalizeName(trimmed).matchable;
}

/** The name key of a text, when it is a matchable name. */
export function nameKey(text: string): string | undefined {
  const name = normalizeName(text);
  return name.matchable && name.full !== '' ? name.full : undefined;
}

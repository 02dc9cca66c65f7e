// Word lists the name parser consults. Every entry is already folded (see `foldName`) and
// written without dots, because the parser compares words with their dots and apostrophes
// removed (`Ph.D.` is looked up as `phd`, `Sig.ra` as `sigra`).

/** How a title is used with a single remaining word: `Mr Smith` (a surname) or `Sir Elton` (a given name). */
export type HonorificUse = 'surname' | 'given';

// Titles written before a name. Deliberately absent because they are also common names or
// initials: `M.` (Monsieur, but also the initial in `M. Night Shyamalan`), `Don` and `Dona`,
// `Pan`/`Pani` (a Chinese surname), `Sri` (a Javanese given name), `Col` and `Gen` (short for
// Colin and Genevieve), `Hon` and `Eng` (Chinese surnames), `Major` and `General`.
const SURNAME_TITLES = [
  // English
  'mr',
  'mister',
  'mrs',
  'missus',
  'ms',
  'miss',
  'mx',
  'master',
  'dr',
  'doctor',
  'prof',
  'professor',
  'lady',
  'lord',
  'rev',
  'revd',
  'reverend',
  'pastor',
  'fr',
  'father',
  'rabbi',
  'imam',
  'honourable',
  'honorable',
  'rt',
  'capt',
  'captain',
  'lt',
  'sgt',
  'cpl',
  'pvt',
  'cmdr',
  'adm',
  'atty',
  // Spanish and Portuguese (`Sr` before a name is Señor/Senhor; after it, Senior)
  'sr',
  'sra',
  'srta',
  'sres',
  'snr',
  'snra',
  'senor',
  'senora',
  'senorita',
  'senhor',
  'senhora',
  'senhorita',
  'dra',
  'lic',
  'lcdo',
  'lcda',
  'ing',
  'arq',
  'profa',
  'exmo',
  'exma',
  // German and Dutch
  'herr',
  'hr',
  'frau',
  'fraulein',
  'frl',
  'dhr',
  'mevr',
  'mw',
  'mej',
  'drs',
  'ir',
  // French
  'mme',
  'mmes',
  'mlle',
  'mlles',
  'monsieur',
  'madame',
  'mademoiselle',
  'pr',
  'mgr',
  'msgr',
  // Italian
  'sig',
  'sigra',
  'signa',
  'signor',
  'signore',
  'signora',
  'signorina',
  'dott',
  'dottssa',
  'profssa',
  'avv',
  // South Asian
  'shri',
  'shree',
  'smt',
  'shrimati',
] as const;

// Titles that go with a given name: `Sir Elton`, `Dame Judi`, `Sheikh Mohammed`.
const GIVEN_TITLES = ['sir', 'dame', 'sheikh', 'shaikh', 'haji', 'hajji', 'hajjah'] as const;

/** Titles written before a name, folded and without dots, with how a lone following word is read. */
export const HONORIFICS: ReadonlyMap<string, HonorificUse> = new Map<string, HonorificUse>([
  ...SURNAME_TITLES.map((t): [string, HonorificUse] => [t, 'surname']),
  ...GIVEN_TITLES.map((t): [string, HonorificUse] => [t, 'given']),
]);

// Words that join two titles: `Mr and Mrs`, `Sr. y Sra.`, `M. et Mme` (after `&` is dropped).
export const TITLE_CONNECTORS: ReadonlySet<string> = new Set(['and', 'y', 'e', 'et', 'und']);

/**
 * Words written after a name, folded and without dots, each with the form reported in
 * `suffixes` (`Junior` and `Jnr` are both `jr`; `3rd` is `iii`). `v` and `vi` are absent: they
 * are far more often an initial or a Vietnamese name than "the fifth". `do`, `ma` and `ba` are
 * absent for the same reason (Korean and Chinese surnames).
 */
export const SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['jr', 'jr'],
  ['jnr', 'jr'],
  ['junior', 'jr'],
  ['sr', 'sr'],
  ['snr', 'sr'],
  ['senior', 'sr'],
  ['ii', 'ii'],
  ['2nd', 'ii'],
  ['iii', 'iii'],
  ['3rd', 'iii'],
  ['iv', 'iv'],
  ['4th', 'iv'],
  ['phd', 'phd'],
  ['dphil', 'dphil'],
  ['md', 'md'],
  ['dds', 'dds'],
  ['dmd', 'dmd'],
  ['dvm', 'dvm'],
  ['rn', 'rn'],
  ['esq', 'esq'],
  ['esquire', 'esq'],
  ['mba', 'mba'],
  ['cpa', 'cpa'],
  ['cfa', 'cfa'],
  ['jd', 'jd'],
  ['llb', 'llb'],
  ['llm', 'llm'],
  ['obe', 'obe'],
  ['mbe', 'mbe'],
  ['cbe', 'cbe'],
  ['kbe', 'kbe'],
  ['dbe', 'dbe'],
  ['qc', 'qc'],
  ['kc', 'kc'],
  ['mp', 'mp'],
]);

/**
 * Words that start or continue a family name when they stand before its last word: `van der
 * Berg`, `de la Cruz`, `da Silva`, `bin Laden`, `al Rashid`, `St. John`. Folded, without dots.
 * Single letters are absent (they are initials), and so are words that are also common given
 * or middle names in that position (`Abu`, `Mac`, `Li`). Useful to compare family names with
 * and without their particles (`Silva` / `da Silva`).
 *
 * @example
 * ```ts
 * import { FAMILY_PARTICLES, normalizeName } from 'threadline';
 *
 * const { familyParts } = normalizeName('João da Silva');
 * console.log(familyParts.filter((p) => !FAMILY_PARTICLES.has(p))); // [ 'silva' ]
 * ```
 */
export const FAMILY_PARTICLES: ReadonlySet<string> = new Set([
  // Dutch, Flemish, Afrikaans
  'van',
  'vant',
  'vander',
  'vanden',
  'vande',
  'der',
  'den',
  'ter',
  'ten',
  'te',
  'ver',
  // German, Scandinavian
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
  'af',
  'av',
  // French
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'st',
  'ste',
  'saint',
  'sainte',
  // Spanish, Portuguese, Italian
  'da',
  'das',
  'do',
  'dos',
  'del',
  'dela',
  'della',
  'delle',
  'dei',
  'degli',
  'dal',
  'dalla',
  'di',
  'lo',
  'los',
  'las',
  'san',
  'santa',
  'santo',
  'sao',
  // Arabic, Hebrew, Malay
  'al',
  'el',
  'bin',
  'binti',
  'binte',
  'bint',
  'ibn',
  'ben',
  // Irish, Welsh
  'ni',
  'nic',
  'ap',
]);

// A maiden name follows these: `Maria Schmidt geb. Müller`, `Jane Smith née Jones`.
export const MAIDEN_MARKERS: ReadonlySet<string> = new Set(['nee', 'geb', 'geborene', 'nata']);

// Whole names typed to get past a form or given by chat widgets to anonymous visitors.
export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set([
  'n a',
  'na',
  'x',
  'xx',
  'no name',
  'not provided',
  'not available',
  'not applicable',
  'first name',
  'last name',
  'first last',
  'firstname lastname',
  'name surname',
  'john doe',
  'jane doe',
]);

// Words that make a name a placeholder when every word of it is one (`Guest`, `Visitor 4821`,
// `Test User`, `Unknown Customer`).
export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'unknown',
  'none',
  'null',
  'nil',
  'undefined',
  'test',
  'tester',
  'testing',
  'guest',
  'visitor',
  'customer',
  'client',
  'user',
  'anonymous',
  'anon',
  'noname',
  'nobody',
  'someone',
  'asdf',
  'qwerty',
  'xxx',
  'xxxx',
  'tbd',
  'tba',
  'dummy',
  'sample',
  'desconocido',
  'desconocida',
  'inconnu',
  'inconnue',
  'unbekannt',
  'sconosciuto',
  'anonimo',
  'anonima',
  'invitado',
  'invitada',
  'visitante',
  'cliente',
  'usuario',
  'kunde',
  'gast',
  'utilisateur',
  'benutzer',
]);

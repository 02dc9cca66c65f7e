// Street addresses and postcodes. An address is recognised by its skeleton, not by a gazetteer:
// a house number, one to four name words and a street word (`6821 1st Ave`, `9756 Primrose
// Street`), optionally followed by a unit, a town, a state and a postcode (`Newark, MI 85971`,
// `London SW1A 2AA`); or, in the continental order, a street word then a number
// (`Hauptstraße 5, 10115 Berlin`). Postcodes on their own are recognised only after a label or
// as an answer, never as a loose five-digit number.
import { fold, isSpaceCode, type Span, type Token, tokenize } from './text.js';

/** An address found in a text. */
export interface FoundAddress extends Span {
  readonly value: string;
  readonly key: string;
  /** The postcode at its end, when there is one. */
  readonly postcode?: Span & { readonly value: string; readonly key: string };
}

const STREET_WORDS: ReadonlyMap<string, string> = new Map([
  ['street', 'st'],
  ['st', 'st'],
  ['avenue', 'ave'],
  ['ave', 'ave'],
  ['av', 'ave'],
  ['road', 'rd'],
  ['rd', 'rd'],
  ['boulevard', 'blvd'],
  ['blvd', 'blvd'],
  ['lane', 'ln'],
  ['ln', 'ln'],
  ['drive', 'dr'],
  ['dr', 'dr'],
  ['court', 'ct'],
  ['ct', 'ct'],
  ['way', 'way'],
  ['place', 'pl'],
  ['pl', 'pl'],
  ['terrace', 'ter'],
  ['ter', 'ter'],
  ['parkway', 'pkwy'],
  ['pkwy', 'pkwy'],
  ['highway', 'hwy'],
  ['hwy', 'hwy'],
  ['circle', 'cir'],
  ['cir', 'cir'],
  ['square', 'sq'],
  ['sq', 'sq'],
  ['trail', 'trl'],
  ['trl', 'trl'],
  ['crescent', 'cres'],
  ['cres', 'cres'],
  ['close', 'close'],
  ['plaza', 'plz'],
  ['plz', 'plz'],
  ['alley', 'aly'],
  ['pike', 'pike'],
  ['row', 'row'],
  ['mews', 'mews'],
  ['gardens', 'gdns'],
]);

const OTHER_WORDS: ReadonlyMap<string, string> = new Map([
  ['apartment', 'apt'],
  ['suite', 'ste'],
  ['north', 'n'],
  ['south', 's'],
  ['east', 'e'],
  ['west', 'w'],
  ['northeast', 'ne'],
  ['northwest', 'nw'],
  ['southeast', 'se'],
  ['southwest', 'sw'],
  ['floor', 'fl'],
]);

const DIRECTIONS: ReadonlySet<string> = new Set([
  'n',
  's',
  'e',
  'w',
  'ne',
  'nw',
  'se',
  'sw',
  'north',
  'south',
  'east',
  'west',
]);

const UNIT_WORDS: ReadonlySet<string> = new Set([
  'apt',
  'apartment',
  'suite',
  'ste',
  'unit',
  'flat',
  'fl',
  'floor',
  'no',
]);

// Words that never name a street: they turn "5 minutes drive" and "2 more days" away.
const NOT_STREET_NAMES: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'for',
  'in',
  'on',
  'at',
  'by',
  'is',
  'it',
  'my',
  'your',
  'more',
  'less',
  'minute',
  'minutes',
  'min',
  'mins',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'time',
  'times',
  'item',
  'items',
  'way',
  'ways',
  'people',
  'percent',
  'dollars',
  'euros',
  'pounds',
  'miles',
  'km',
  'mile',
  'blocks',
  'block',
  'step',
  'steps',
  'i',
  'you',
  'we',
  'they',
  'one',
  'two',
  'three',
  'from',
  'with',
  'this',
  'that',
  'these',
  'those',
  'was',
  'were',
  'are',
  'be',
  'been',
  'has',
  'have',
  'had',
  'not',
  'no',
  'but',
  'so',
  'if',
  'as',
  'than',
  'then',
  'just',
  'only',
  'also',
  'all',
  'any',
  'some',
  'every',
  'our',
  'their',
  'his',
  'her',
  'its',
  'me',
  'us',
  'them',
  'him',
  'train',
  'bus',
  'flight',
]);

// The continental order: the street word is part of the name (`Hauptstraße`, `Kerkstraat`).
const STREET_ENDINGS = /(?:stra(?:ss|ß)e|str|weg|gasse|platz|allee|straat|laan|vej|gatan|gade)$/;

const US_STATES: ReadonlySet<string> = new Set(
  'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc pr'.split(
    ' ',
  ),
);

// House numbers do not start with 0: `04` is the end of a clock time or a date.
const HOUSE_NUMBER = /^[1-9]\d{0,5}[a-z]?$/;
const STREET_NAME = /^(?:\d{1,3}(?:st|nd|rd|th)|[a-z\u00c0-\u024f][a-z\u00c0-\u024f'-]*)$/;
const CITY_WORD = /^[a-z\u00c0-\u024f][a-z\u00c0-\u024f'-]*$/;
const ZIP = /^\d{5}(?:-\d{4})?$/;
const UK_OUTWARD = /^[a-z]{1,2}\d[a-z\d]?$/;
const UK_INWARD = /^\d[a-z]{2}$/;
const CA_FIRST = /^[a-z]\d[a-z]$/;
const CA_SECOND = /^\d[a-z]\d$/;
const EU_POSTCODE = /^\d{4,5}$/;

/** Postcode shapes: US ZIP (+4), UK, Canadian, Dutch, and 4–5 digit continental codes. */
const POSTCODE_SHAPES: readonly RegExp[] = [
  /^\d{5}(?:\d{4})?$/,
  /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/,
  /^[A-Z]\d[A-Z]\d[A-Z]\d$/,
  /^\d{4}[A-Z]{2}$/,
  /^\d{4}$/,
];

/** The key of a postcode (upper case, no spaces or dashes), when it has a known shape. */
export function postcodeKey(raw: string): string | undefined {
  const key = raw.replace(/[\s-]+/g, '').toUpperCase();
  if (key.length > 10) return undefined;
  return POSTCODE_SHAPES.some((shape) => shape.test(key)) ? key : undefined;
}

const DIACRITICS = /[\u0300-\u036f]/g;
const NOT_ALNUM = /[^a-z0-9]+/g;

/**
 * The key of an address: lower case without accents or punctuation, street and direction words
 * abbreviated (`Street` → `st`, `North` → `n`), single spaces. Two spellings of one address
 * (`6821 1st Avenue, San Mateo` and `6821 1st ave san mateo`) get the same key.
 */
export function addressKey(raw: string): string {
  const plain = raw.normalize('NFKD').replace(DIACRITICS, '').toLowerCase().replace(/ß/g, 'ss');
  const words = plain.replace(NOT_ALNUM, ' ').trim().split(' ');
  const out: string[] = [];
  for (const word of words) {
    if (word === '') continue;
    const short = STREET_WORDS.get(word) ?? OTHER_WORDS.get(word);
    out.push(short ?? word.replace(/strasse$/, 'str'));
  }
  return out.join(' ');
}

/** True when only spaces and commas (and a dot after an abbreviation) separate two tokens. */
function joined(folded: string, a: Token, b: Token | undefined, allowDot: boolean): boolean {
  if (b === undefined || b.start - a.end > 4) return false;
  let dots = 0;
  for (let i = a.end; i < b.start; i++) {
    const code = folded.charCodeAt(i);
    if (code === 46) {
      if (!allowDot || ++dots > 1) return false;
    } else if (!(isSpaceCode(code) || code === 44) || code === 10 || code === 13) {
      return false;
    }
  }
  return b.start > a.end;
}

/** Finds street addresses, with the postcode at their end when there is one. */
export function findAddresses(
  text: string,
  folded: string = fold(text),
  tokens: readonly Token[] = tokenize(folded),
): FoundAddress[] {
  const found: FoundAddress[] = [];
  let k = 0;
  while (k < tokens.length) {
    const end = addressAt(folded, tokens, k) ?? continentalAt(folded, tokens, k);
    if (end === undefined) {
      k++;
      continue;
    }
    const first = tokens[k] as Token;
    const lastStreet = tokens[end.street] as Token;
    const tail = end.postcode === undefined ? lastStreet : (tokens[end.postcode.to] as Token);
    const last = end.tailTo === undefined ? tail : (tokens[end.tailTo] as Token);
    const value = text.slice(first.start, last.end);
    const address: FoundAddress =
      end.postcode === undefined
        ? { start: first.start, end: last.end, value, key: addressKey(value) }
        : {
            start: first.start,
            end: last.end,
            value,
            key: addressKey(value),
            postcode: postcodeSpan(text, tokens, end.postcode.from, end.postcode.to),
          };
    found.push(address);
    k = Math.max(k + 1, (end.tailTo ?? end.postcode?.to ?? end.street) + 1);
  }
  return found;
}

function postcodeSpan(text: string, tokens: readonly Token[], from: number, to: number) {
  const a = tokens[from] as Token;
  const b = tokens[to] as Token;
  const value = text.slice(a.start, b.end);
  return { start: a.start, end: b.end, value, key: postcodeKey(value) ?? value.toUpperCase() };
}

interface AddressEnd {
  /** Index of the last token of the street part. */
  readonly street: number;
  readonly postcode?: { readonly from: number; readonly to: number };
  /** Index of the last token of the whole address when it goes past the postcode. */
  readonly tailTo?: number;
}

function addressAt(folded: string, tokens: readonly Token[], k: number): AddressEnd | undefined {
  const number = tokens[k];
  if (number === undefined || !HOUSE_NUMBER.test(number.word)) return undefined;
  // A number glued to a `$`, `#` or `:` is a price, a reference or a time, not a house.
  const before = number.start > 0 ? folded.charCodeAt(number.start - 1) : 32;
  if (!(isSpaceCode(before) || before === 44 || before === 40 || number.start === 0))
    return undefined;
  let i = k + 1;
  let names = 0;
  while (names < 5) {
    const token = tokens[i];
    const previous = tokens[i - 1] as Token;
    if (token === undefined || !joined(folded, previous, token, false)) return undefined;
    if (names > 0 && STREET_WORDS.has(token.word)) break;
    if (!STREET_NAME.test(token.word) || NOT_STREET_NAMES.has(token.word)) return undefined;
    names++;
    i++;
  }
  if (names === 0 || names > 4 || !STREET_WORDS.has(tokens[i]?.word ?? '')) return undefined;
  let street = i;
  // A direction or a unit after the street word: `Main St NW`, `Elm Rd Apt 4B`.
  if (
    DIRECTIONS.has(tokens[street + 1]?.word ?? '') &&
    joined(folded, tokens[street] as Token, tokens[street + 1], true)
  ) {
    street++;
  }
  const unit = tokens[street + 1];
  if (
    unit !== undefined &&
    UNIT_WORDS.has(unit.word) &&
    joined(folded, tokens[street] as Token, unit, true)
  ) {
    const id = tokens[street + 2];
    if (
      id !== undefined &&
      /^[a-z0-9-]{1,6}$/.test(id.word) &&
      /\d/.test(id.word) &&
      joined(folded, unit, id, true)
    ) {
      street += 2;
    }
  } else if (
    unit !== undefined &&
    folded.charCodeAt(unit.start - 1) === 35 &&
    /^\d{1,5}[a-z]?$/.test(unit.word)
  ) {
    street++;
  }
  return townAndPostcode(folded, tokens, street);
}

/** Extends a street with `Town[,] [ST] 12345` or `Town SW1A 2AA` when it follows. */
function townAndPostcode(folded: string, tokens: readonly Token[], street: number): AddressEnd {
  let i = street + 1;
  let previous = tokens[street] as Token;
  for (let words = 0; words <= 4; words++) {
    const token = tokens[i];
    if (token === undefined || !joined(folded, previous, token, words === 0)) break;
    const postcode = postcodeAt(tokens, i, folded);
    if (postcode !== undefined) {
      return { street, postcode };
    }
    const state = words > 0 && US_STATES.has(token.word) && token.end - token.start === 2;
    if (state) {
      const zip = tokens[i + 1];
      if (zip !== undefined && ZIP.test(zip.word) && joined(folded, token, zip, false)) {
        return { street, postcode: { from: i + 1, to: i + 1 } };
      }
      // Without a ZIP, a state needs its comma ("Newark, MI"): "Main St Newark in May" is no state.
      if (folded.slice(previous.end, token.start).includes(',')) return { street, tailTo: i };
      break;
    }
    if (!CITY_WORD.test(token.word) || NOT_STREET_NAMES.has(token.word)) break;
    previous = token;
    i++;
  }
  return { street };
}

function postcodeAt(
  tokens: readonly Token[],
  i: number,
  folded: string,
): { from: number; to: number } | undefined {
  const token = tokens[i] as Token;
  if (ZIP.test(token.word)) return { from: i, to: i };
  const next = tokens[i + 1];
  const close =
    next !== undefined && next.start - token.end === 1 && isSpaceCode(folded.charCodeAt(token.end));
  if (close && UK_OUTWARD.test(token.word) && UK_INWARD.test(next.word) && /\d/.test(token.word)) {
    return { from: i, to: i + 1 };
  }
  if (close && CA_FIRST.test(token.word) && CA_SECOND.test(next.word))
    return { from: i, to: i + 1 };
  return undefined;
}

function continentalAt(
  folded: string,
  tokens: readonly Token[],
  k: number,
): AddressEnd | undefined {
  const street = tokens[k];
  const number = tokens[k + 1];
  if (street === undefined || number === undefined) return undefined;
  if (street.word.length < 5 || !STREET_ENDINGS.test(street.word) || !CITY_WORD.test(street.word))
    return undefined;
  if (!/^\d{1,4}[a-z]?$/.test(number.word) || !joined(folded, street, number, true))
    return undefined;
  const code = tokens[k + 2];
  const town = tokens[k + 3];
  if (
    code !== undefined &&
    town !== undefined &&
    EU_POSTCODE.test(code.word) &&
    CITY_WORD.test(town.word) &&
    joined(folded, number, code, false) &&
    joined(folded, code, town, false)
  ) {
    return { street: k + 1, postcode: { from: k + 2, to: k + 2 }, tailTo: k + 3 };
  }
  return { street: k + 1 };
}

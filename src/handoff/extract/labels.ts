// Values the customer labelled: "Username: cminh730", "my email is ana@example.com", "my name is
// Ana Souza", "zip code 85971", "my new address is 12 Elm Street, Springfield". A label is a
// detail phrase (see kinds) followed by `:`, `=`, `-`, `#` or by `is`/`was`; a detail phrase
// after `my`/`the`/`our` may also be followed by the value directly ("my zip 85971").
import type { RegionCode } from '../../normalize/phone/phone.js';
import { addressKey, findAddresses, postcodeKey } from './addresses.js';
import { findEmails, findPhones } from './contacts.js';
import { kindAt } from './kinds.js';
import { isNameWord, nameKey } from './names.js';
import { referenceKey } from './normalize.js';
import { type Sentence, sentencesWithTokens } from './reading.js';
import type { FactKind } from './schema.js';
import { isSpaceCode, type Span, type Token } from './text.js';

/** A value read from a text, with where it is and its key. */
export interface ReadValue extends Span {
  readonly kind: FactKind;
  readonly value: string;
  readonly key: string;
}

const CONNECTOR_WORDS: ReadonlySet<string> = new Set(['is', 'was', "it's", 'its', 'are']);
const OWNERS: ReadonlySet<string> = new Set(['my', 'the', 'our']);
const TOKEN_CHAR = /[A-Za-z0-9._@+#/-]/;

/** The single token of value characters starting at `start` (trailing punctuation dropped). */
export function valueToken(text: string, start: number, end: number): Span | undefined {
  let e = start;
  while (e < end && e - start < 64 && TOKEN_CHAR.test(text[e] ?? '')) e++;
  while (e > start && '.,-/'.includes(text[e - 1] ?? '')) e--;
  if (e === start) return undefined;
  const after = e < end ? text.charCodeAt(e) : 32;
  // A value token stands alone: `abc123` yes, `abc123xyz…` cut at 64 characters no.
  if (TOKEN_CHAR.test(String.fromCharCode(after))) return undefined;
  return { start, end: e };
}

/** Reads a value of `kind` at `start` in `text[start, end)`, as a label's value. */
export function readValueAt(
  kind: FactKind,
  text: string,
  start: number,
  end: number,
  region: RegionCode | undefined,
): ReadValue | undefined {
  let s = start;
  while (s < end && (isSpaceCode(text.charCodeAt(s)) || '"\'“‘'.includes(text[s] ?? ''))) s++;
  if (s >= end) return undefined;
  const rest = text.slice(s, end);
  switch (kind) {
    case 'email': {
      const email = findEmails(rest)[0];
      return email !== undefined && email.start === 0
        ? { kind, start: s, end: s + email.end, value: email.value, key: email.key }
        : undefined;
    }
    case 'phone': {
      const phone = findPhones(rest, region, true)[0];
      return phone !== undefined && phone.start === 0
        ? { kind, start: s, end: s + phone.end, value: phone.value, key: phone.key }
        : undefined;
    }
    case 'name':
      return readName(text, s, end);
    case 'address': {
      const value = rest.replace(/[\s.!,;]+$/, '');
      if (value.length < 6 || value.length > 160 || !/\d/.test(value) || !/[A-Za-z]{2}/.test(value))
        return undefined;
      // An address starts with its house number or unit, or is a continental `Street 5`.
      if (!ADDRESS_START.test(value) && findAddresses(value)[0]?.start !== 0) return undefined;
      return { kind, start: s, end: s + value.length, value, key: addressKey(value) };
    }
    case 'postcode': {
      const token = valueToken(text, s, end);
      if (token === undefined) return undefined;
      // UK and Canadian codes come in two halves: "SW1A 2AA".
      const two = valueToken(text, token.end + 1, end);
      const pair = two === undefined ? undefined : text.slice(s, two.end);
      const pairKey = pair === undefined ? undefined : postcodeKey(pair);
      if (pair !== undefined && pairKey !== undefined && two !== undefined && pairKey.length > 5) {
        return { kind, start: s, end: two.end, value: pair, key: pairKey };
      }
      const value = text.slice(token.start, token.end);
      const key = postcodeKey(value);
      return key === undefined
        ? undefined
        : { kind, start: token.start, end: token.end, value, key };
    }
    case 'username': {
      const token = valueToken(text, s, end);
      if (token === undefined) return undefined;
      const value = text.slice(token.start, token.end);
      const bare = value.startsWith('@') ? value.slice(1) : value;
      if (bare.length < 2 || bare.includes('@') || !isHandleLike(bare)) return undefined;
      return { kind, ...token, value, key: bare.toLowerCase() };
    }
    default: {
      const token = valueToken(text, s, end);
      if (token === undefined) return undefined;
      const value = text.slice(token.start, token.end);
      if (!isReferenceLike(kind, value)) return undefined;
      const key = referenceKey(value);
      return key === undefined ? undefined : { kind, ...token, value, key };
    }
  }
}

const ADDRESS_START = /^(?:\d|(?:flat|apt|apartment|unit|suite)\b)/i;

const EVERYDAY =
  /^(?:the|same|my|your|it|that|this|none|not|yes|no|ok|okay|sure|here|below|above|attached|correct|wrong|unknown|n\/a)$/i;

/** A username: 2–64 handle characters that are not an everyday word. */
export function isHandleLike(value: string): boolean {
  return /^[A-Za-z0-9._-]{2,64}$/.test(value) && !EVERYDAY.test(value);
}

/**
 * A reference number: 3–40 characters with a digit; a booking may also be six capitals
 * (`QXPLMR`); an account id is 4–64 handle characters with a digit.
 */
export function isReferenceLike(kind: FactKind, value: string): boolean {
  const bare = value.replace(/^#+/, '');
  if (kind === 'account_id') {
    // An account id has a digit; a word alone is a username.
    return /^[A-Za-z0-9._-]{4,64}$/.test(bare) && /\d/.test(bare);
  }
  if (kind === 'booking' && /^[A-Z]{6}$/.test(bare)) return true;
  return (
    bare.length >= 3 && bare.length <= 40 && /\d/.test(bare) && /^[A-Za-z0-9._/-]+$/.test(bare)
  );
}

/** Reads one to four name words from `start`; a single initial may carry its dot (`J. Smith`). */
function readName(text: string, start: number, end: number): ReadValue | undefined {
  const words: Span[] = [];
  let i = start;
  while (i < end && words.length < 4) {
    let e = i;
    while (e < end && !isSpaceCode(text.charCodeAt(e)) && !',;:!?()"'.includes(text[e] ?? '')) e++;
    let wordEnd = e;
    // A sentence's final dot is not part of the name, but an initial's is.
    if (text.charCodeAt(wordEnd - 1) === 46 && wordEnd - i > 2) wordEnd--;
    if (wordEnd <= i || !isNameWord(text.slice(i, wordEnd))) break;
    words.push({ start: i, end: wordEnd });
    if (wordEnd < e || e >= end || !isSpaceCode(text.charCodeAt(e))) break;
    i = e + 1;
  }
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const value = text.slice(first.start, last.end);
  const key = nameKey(value);
  return key === undefined
    ? undefined
    : { kind: 'name', start: first.start, end: last.end, value, key };
}

/** Finds labelled values in a customer's message. */
export function findLabelled(
  text: string,
  folded: string,
  region: RegionCode | undefined,
  split: readonly Sentence[] = sentencesWithTokens(text, folded),
): ReadValue[] {
  const found: ReadValue[] = [];
  for (const sentence of split) {
    const tokens = sentence.tokens;
    let k = 0;
    while (k < tokens.length) {
      const mention = kindAt(tokens, k);
      if (mention === undefined) {
        k++;
        continue;
      }
      const value = labelValue(
        text,
        tokens,
        mention.kind,
        mention.from,
        mention.to,
        sentence.end,
        region,
      );
      if (value !== undefined) found.push(value);
      k = mention.to;
    }
  }
  return found;
}

function labelValue(
  text: string,
  tokens: readonly Token[],
  kind: FactKind,
  from: number,
  to: number,
  sentenceEnd: number,
  region: RegionCode | undefined,
): ReadValue | undefined {
  const phraseEnd = (tokens[to - 1] as Token).end;
  // "my new address is", "the order number was", "Username:", "zip code - 85971".
  let cursor = phraseEnd;
  let marked = false;
  while (cursor < sentenceEnd && cursor - phraseEnd < 4) {
    const code = text.charCodeAt(cursor);
    if (code === 58 || code === 61 || code === 35 || code === 45 || code === 0xff1a) {
      marked = true;
      cursor++;
    } else if (isSpaceCode(code)) {
      cursor++;
    } else {
      break;
    }
  }
  const next = tokens[to];
  if (!marked && next !== undefined && next.start === cursor && CONNECTOR_WORDS.has(next.word)) {
    marked = true;
    cursor = next.end;
  }
  const owned = OWNERS.has(tokens[from - 1]?.word ?? '');
  if (!marked && !owned) return undefined;
  const value = readValueAt(kind, text, cursor, sentenceEnd, region);
  if (value === undefined || marked) return value;
  // Without `:` or `is` ("my account suspended", "my name Ana"), only a value whose shape
  // speaks for itself counts: an address, an email, a phone, or an id with a digit in it.
  if (kind === 'name') return undefined;
  if ((kind === 'username' || kind === 'account_id') && !/\d/.test(value.value)) return undefined;
  return value;
}

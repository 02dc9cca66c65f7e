// Answers to "may I have your name?". When the business asks for details, the customer's next
// short messages are read as those details: "Crystal Minh" after a question about the name,
// "7916676427" after "the order ID and email", "ABC123" in a DM after "DM us your booking ref".
//
// A business message is a request when it has a question mark or a request phrase ("may I
// have", "could you give me", "I'll need your", "DM us"); the details it asks for are the detail
// phrases in it ("username, email address and order ID"). A new request replaces the pending one,
// even one that asks for no detail ("may I ask the reason for the return?"), since the customer's
// next words answer it instead. Other business messages ("please", "one moment") leave the
// request pending. A request lapses after six customer messages or 48 hours, or when every
// detail it asked for has been given.
//
// A customer message is read as an answer only when it is short (200 characters at most). Its
// filler ("sure,", "it's") is dropped and it is split at commas, semicolons, slashes and "and";
// each part that has the shape of a detail still wanted is taken as that detail, in the order
// the request named them. An address is read whole, before any splitting.
import type { RegionCode } from '../../normalize/phone/phone.js';
import { addressKey, findAddresses, postcodeKey } from './addresses.js';
import { isBarePhone } from './contacts.js';
import { kindMentions } from './kinds.js';
import { isHandleLike, isReferenceLike, type ReadValue } from './labels.js';
import { looksLikeName, nameKey } from './names.js';
import { referenceKey } from './normalize.js';
import type { Reading } from './reading.js';
import type { FactKind } from './schema.js';
import type { Span } from './text.js';
import { HOUR } from './time.js';

const REQUEST =
  /\b(?:(?:may|can|could) (?:i|we) (?:please )?(?:have|get|ask|take|grab|know)|(?:could|can|would|will) you (?:please |kindly |also )?(?:give|provide|tell|send|confirm|share|verify|enter|type|dm|pm|message|let me know)|please (?:provide|give|send|confirm|share|verify|enter|type|tell|dm|pm|reply|let me know)|(?:i|we)(?:'d| would| will|'ll)? (?:just |also |still |first |now )?need|need (?:your|the|you)|what(?:'s| is| was| are) (?:your|the)|(?:dm|pm|message|email|text|send) (?:us|me)|give me|provide (?:me|us)|let me know)\b/;

/** A pending request: the details still wanted, and how long it lasts. */
export interface Request {
  readonly kinds: FactKind[];
  readonly ms: number;
  customerMessages: number;
}

const MAX_CUSTOMER_MESSAGES = 6;
const MAX_AGE = 48 * HOUR;
const MAX_ANSWER = 200;

/**
 * Reads a business message: undefined when it is no request (the pending one stays), else the
 * details it asks for (possibly none), in the order it names them.
 */
export function requestedKinds(reading: Reading): readonly FactKind[] | undefined {
  const folded = reading.folded;
  if (!folded.includes('?') && !REQUEST.test(folded)) return undefined;
  const kinds: FactKind[] = [];
  for (const mention of kindMentions(reading.tokens)) {
    if (!mention.labelOnly && !kinds.includes(mention.kind)) kinds.push(mention.kind);
  }
  return kinds;
}

/** True while a request can still be answered by a customer message at `ms`. */
export function isLive(request: Request | undefined, ms: number): request is Request {
  return (
    request !== undefined &&
    request.kinds.length > 0 &&
    request.customerMessages < MAX_CUSTOMER_MESSAGES &&
    ms - request.ms <= MAX_AGE
  );
}

const FILLER =
  /^(?:(?:hi|hello|hey|sure|yes|yeah|yep|ok|okay|of course|certainly|no problem|here you go|here it is|here you are|it's|it is|its|that's|that is|this is|mine is|my \w+(?: \w+)? is)\b[\s,:!.-]*)+/i;

function overlaps(span: Span, taken: readonly Span[]): boolean {
  return taken.some((t) => t.start < span.end && span.start < t.end);
}

/**
 * Reads a customer message as the answer to a request. Details given in it by other means (a
 * label, an email address) are passed in `taken` and `given`; they count as answered but are not
 * read again. Returns the details read; the request's `kinds` lose the details answered.
 */
export function readAnswer(
  request: Request,
  text: string,
  taken: readonly Span[],
  given: ReadonlySet<FactKind>,
  region: RegionCode | undefined,
): ReadValue[] {
  request.customerMessages++;
  const answered = (kind: FactKind) => {
    const at = request.kinds.indexOf(kind);
    if (at >= 0) request.kinds.splice(at, 1);
  };
  for (const kind of given) answered(kind);
  const found: ReadValue[] = [];
  if (request.kinds.length === 0 || text.length > MAX_ANSWER) return found;

  // Links are no answer: "rX0kTd1JRo" in a t.co address is not a booking reference.
  const plain = text.replace(LINK, (link) => ' '.repeat(link.length));
  const lead = FILLER.exec(plain)?.[0].length ?? 0;
  const body = trimmed(plain, lead, plain.length);
  if (body === undefined) return found;

  if (request.kinds.includes('address') && !overlaps(body, taken)) {
    const address = readAddress(text, body);
    if (address !== undefined) {
      found.push(...address);
      answered('address');
      if (address.length > 1) answered('postcode');
      return found;
    }
  }
  // Parts are cut in the text without links and read in the text as written.
  for (const part of split(plain, body)) {
    if (overlaps(part, taken)) continue;
    const value = text.slice(part.start, part.end);
    for (const kind of request.kinds) {
      const read = readAs(kind, value, region);
      if (read === undefined) continue;
      found.push({ kind, start: part.start, end: part.end, value, key: read });
      answered(kind);
      break;
    }
  }
  return found;
}

/** The span of `text[start, end)` without surrounding spaces and final punctuation. */
function trimmed(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s"'“‘]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s.!,;:"'”’]/.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : undefined;
}

const LINK = /\b(?:https?:\/\/|www\.)\S*/gi;
const SEPARATOR = /\s*(?:[,;/\n]|\band\b|&)\s*/g;

/** Splits an answer into parts ("cminh948, cminh948@email.com"). */
function split(text: string, body: Span): Span[] {
  const parts: Span[] = [];
  const slice = text.slice(body.start, body.end);
  let last = 0;
  for (const m of slice.matchAll(SEPARATOR)) {
    const part = trimmed(text, body.start + last, body.start + m.index);
    if (part !== undefined) parts.push(part);
    last = m.index + m[0].length;
    if (parts.length >= 8) return parts;
  }
  const tail = trimmed(text, body.start + last, body.end);
  if (tail !== undefined) parts.push(tail);
  return parts;
}

function readAddress(text: string, body: Span): ReadValue[] | undefined {
  const value = text.slice(body.start, body.end);
  const found = findAddresses(value)[0];
  // The whole answer is the address when it starts like one; a postcode at its end counts too.
  const starts = found?.start === 0 || /^\d{1,6}[A-Za-z]?\s+\S/.test(value);
  if (!starts || !/[A-Za-z]{2}/.test(value)) return undefined;
  const out: ReadValue[] = [
    { kind: 'address', start: body.start, end: body.end, value, key: addressKey(value) },
  ];
  const postcode = found?.start === 0 ? found.postcode : undefined;
  if (postcode !== undefined) {
    out.push({
      kind: 'postcode',
      start: body.start + postcode.start,
      end: body.start + postcode.end,
      value: postcode.value,
      key: postcode.key,
    });
  }
  return out;
}

/** The key of `value` read as `kind`, when it has that kind's shape. */
function readAs(kind: FactKind, value: string, region: RegionCode | undefined): string | undefined {
  switch (kind) {
    case 'name':
      return /\d/.test(value) || !looksLikeName(value) ? undefined : nameKey(value);
    case 'phone':
      return isBarePhone(value, region)?.key;
    case 'username': {
      const bare = value.startsWith('@') ? value.slice(1) : value;
      // A username has a letter in it: a bare number is an order or account id.
      return isHandleLike(bare) && /[A-Za-z]/.test(bare) ? bare.toLowerCase() : undefined;
    }
    case 'postcode':
      return postcodeKey(value);
    case 'email':
    case 'address':
    case 'amount':
    case 'date':
    case 'product':
    case 'social_handle':
      // Emails are found by their shape anywhere; the others are not asked for by name.
      return undefined;
    default:
      return isReferenceLike(kind, value) && !/\s/.test(value) ? referenceKey(value) : undefined;
  }
}

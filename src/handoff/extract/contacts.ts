// Email addresses and phone numbers written in messages. Emails are unmistakable by their form;
// phones are not (an order number is a run of digits too), so a number counts as a phone by its
// form only when it is written like one: with a leading `+`, or grouped with separators such as
// `(977) 625-2661` or `020 7946 0958`. A bare digit run counts only after a phone label or as the
// answer to a question about the phone (see labels and answers).
import { normalizeEmail } from '../../normalize/email/email.js';
import { normalizePhone, type RegionCode } from '../../normalize/phone/phone.js';
import { isDigitCode, isSpaceCode, isWordCode, type Span } from './text.js';

/** A value found in a text with its normalized form. */
export interface FoundValue extends Span {
  readonly value: string;
  readonly key: string;
}

function isLocalCode(code: number): boolean {
  // RFC 5322 atom characters and dots; no `@`, no spaces, no brackets.
  if (code >= 128) return isWordCode(code);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigitCode(code)) return true;
  return "!#$%&'*+/=?^_`{|}~.-".includes(String.fromCharCode(code));
}

function isDomainCode(code: number): boolean {
  if (code >= 128) return isWordCode(code);
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    isDigitCode(code) ||
    code === 45 ||
    code === 46
  );
}

/**
 * Finds email addresses: around each `@`, the longest run of address characters on each side,
 * trimmed of sentence punctuation and checked with `normalizeEmail`. Each `@` looks only as far
 * as the previous and next `@` or space, so the scan is linear.
 */
export function findEmails(text: string): FoundValue[] {
  const found: FoundValue[] = [];
  let at = text.indexOf('@');
  let floor = 0;
  while (at >= 0) {
    let s = at;
    while (s > floor && at - s < 64 && isLocalCode(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e - at <= 253 && isDomainCode(text.charCodeAt(e))) e++;
    // Sentence punctuation after the domain and dots before the local part are not the address.
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    while (s < at && text.charCodeAt(s) === 46) s++;
    if (s < at && e > at + 1 && text.slice(at + 1, e).includes('.')) {
      const value = text.slice(s, e);
      const email = normalizeEmail(value);
      if (email.valid) found.push({ start: s, end: e, value, key: email.key });
    }
    floor = Math.max(at + 1, e);
    at = text.indexOf('@', at + 1);
  }
  return found;
}

/** Reads a phone number in a region; an unknown region is dropped rather than thrown about. */
export function readPhone(
  raw: string,
  region: RegionCode | undefined,
): ReturnType<typeof normalizePhone> {
  if (region !== undefined) {
    try {
      return normalizePhone(raw, { region, lineType: false });
    } catch {
      // A region the numbering plan does not know: read the number without one.
    }
  }
  return normalizePhone(raw, { lineType: false });
}

/**
 * The key of a phone number: its E.164 form when it can be read, else its digits when it is a
 * national number of a plausible length with no region to read it in.
 */
export function phoneKey(raw: string, region: RegionCode | undefined): string | undefined {
  const phone = readPhone(raw, region);
  if (phone.e164 !== undefined && phone.possible) return phone.e164;
  if (phone.reason === 'no_region' && phone.digits.length >= 7 && phone.digits.length <= 15) {
    return phone.digits;
  }
  return undefined;
}

function isPhoneChar(code: number): boolean {
  return (
    isDigitCode(code) ||
    code === 32 ||
    code === 45 ||
    code === 46 ||
    code === 40 ||
    code === 41 ||
    code === 47
  );
}

const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const GROUPED = /^\+?\(?\d{1,5}\)?(?:[ ./-]{1,2}\(?\d{1,5}\)?){1,5}$/;

/**
 * Finds phone numbers. `bare` also accepts a lone digit run (after a label, or in an answer to
 * "what is your phone number?").
 */
export function findPhones(
  text: string,
  region: RegionCode | undefined,
  bare = false,
): FoundValue[] {
  const found: FoundValue[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const starts = code === 43 || code === 40 || isDigitCode(code);
    if (
      !starts ||
      (i > 0 && (isWordCode(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 43))
    ) {
      i++;
      continue;
    }
    let e = i + 1;
    let digits = isDigitCode(code) ? 1 : 0;
    while (e < n && e - i < 32 && isPhoneChar(text.charCodeAt(e))) {
      if (isDigitCode(text.charCodeAt(e))) digits++;
      e++;
    }
    // Trailing separators belong to the sentence.
    while (e > i && !isDigitCode(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 41) e--;
    const next = e < n ? text.charCodeAt(e) : -1;
    const value = text.slice(i, e);
    const glued = next >= 0 && (isWordCode(next) || next === 64 || next === 37);
    if (
      !glued &&
      digits >= 7 &&
      digits <= 15 &&
      !DATE_LIKE.test(value) &&
      accepts(value, code, bare, digits)
    ) {
      const key = phoneKey(value, region);
      // Without a region a national number cannot be checked: only a full-length one counts.
      if (key !== undefined && (key.startsWith('+') || digits >= 10)) {
        found.push({ start: i, end: e, value, key });
      }
    }
    i = Math.max(e, i + 1);
    while (i < n && isPhoneChar(text.charCodeAt(i)) && !isSpaceCode(text.charCodeAt(i))) i++;
  }
  return found;
}

function accepts(value: string, first: number, bare: boolean, digits: number): boolean {
  if (first === 43) return true;
  if (bare) return true;
  // `310/246-1501` is a phone; `634/9772` is more likely a fraction or a reference.
  if (value.includes('/') && digits < 10) return false;
  if (value.includes('.') && !/^\(?\d{2,4}\)?\.\d{3}\.\d{3,4}$/.test(value)) return false;
  return GROUPED.test(value) && /[ ./()-]/.test(value);
}

/** True when a short text is, on its own, a phone number (`(977) 625-2661`, `9776252661`). */
export function isBarePhone(text: string, region: RegionCode | undefined): FoundValue | undefined {
  const trimmed = text.trim();
  const phones = findPhones(trimmed, region, true);
  const first = phones[0];
  return phones.length === 1 &&
    first !== undefined &&
    first.start === 0 &&
    first.end === trimmed.length
    ? first
    : undefined;
}

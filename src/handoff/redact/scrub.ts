// Removing masked and withheld values from free text (quoted messages, summaries, promises).
// Values are found as written anywhere they were seen (case-insensitively), and phone numbers
// also by their digits, whatever the punctuation around them. Matching is by substring, on
// purpose: a privacy filter errs on the side of hiding.
import type { MaskKind } from './mask.js';
import type { Treatment } from './policy.js';
import type { RedactionLog } from './report.js';

/** A value that must not appear in the packet, with what replaces it. */
export interface Secret {
  readonly kind: MaskKind;
  /** The forms it was written in. Forms shorter than {@link MIN_NEEDLE} are not searched. */
  readonly forms: readonly string[];
  /** For phone numbers: the digits of the full number, to find it however it is punctuated. */
  readonly digits?: string | undefined;
  /** The masked form, or the bracketed kind when withheld. */
  readonly replacement: string;
  readonly treatment: Treatment;
}

/** Shorter forms are too likely to occur by chance (a year, a quantity) to be hunted in text. */
export const MIN_NEEDLE = 4;

// A run that may be a phone number: digits with the punctuation phones are written with.
const PHONE_RUN = /\+?\(?\d[\d ().-]*\d/g;
// Fewer digits than this are not a phone number worth hiding (and not identifying).
const MIN_PHONE_DIGITS = 7;

interface Needle {
  readonly lower: string;
  readonly length: number;
  readonly secret: Secret;
}

/** Replaces every secret in texts and counts each replacement in the log, as `text`. */
export type Scrubber = (text: string) => string;

/** Compiles secrets into a scrubber. With no secrets, texts come back unchanged. */
export function createScrubber(secrets: readonly Secret[], log: RedactionLog): Scrubber {
  const needles: Needle[] = [];
  const seen = new Set<string>();
  for (const secret of secrets) {
    for (const form of secret.forms) {
      const lower = foldSameLength(form.trim());
      if (lower.length < MIN_NEEDLE || seen.has(lower)) continue;
      seen.add(lower);
      needles.push({ lower, length: lower.length, secret });
    }
  }
  // Longer forms first, so that a value is replaced whole rather than in pieces.
  needles.sort((a, b) => b.length - a.length || (a.lower < b.lower ? -1 : 1));
  // Phone numbers by their last seven digits: a run matches a number when one ends with the
  // other, so both end with the same seven digits.
  const phones = new Map<string, (Secret & { digits: string })[]>();
  const digitsSeen = new Set<string>();
  for (const secret of secrets) {
    const digits = secret.digits;
    if (digits === undefined || digits.length < MIN_PHONE_DIGITS || digitsSeen.has(digits))
      continue;
    digitsSeen.add(digits);
    const tail = digits.slice(-MIN_PHONE_DIGITS);
    const bucket = phones.get(tail);
    if (bucket === undefined) phones.set(tail, [{ ...secret, digits }]);
    else bucket.push({ ...secret, digits });
  }
  if (needles.length === 0 && phones.size === 0) return (text) => text;
  return (text) => {
    let out = phones.size === 0 ? text : scrubPhones(text, phones, log);
    let folded = foldSameLength(out);
    for (const needle of needles) {
      if (!folded.includes(needle.lower)) continue;
      out = replaceForm(out, folded, needle, log);
      folded = foldSameLength(out);
    }
    return out;
  };
}

function scrubPhones(
  text: string,
  phones: ReadonlyMap<string, readonly (Secret & { digits: string })[]>,
  log: RedactionLog,
): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PHONE_RUN)) {
    const run = match[0];
    let digits = '';
    for (const c of run) if (c >= '0' && c <= '9') digits += c;
    if (digits.length < MIN_PHONE_DIGITS) continue;
    // Written without the country code (a national number), or with an extra prefix (00 …).
    const secret = phones
      .get(digits.slice(-MIN_PHONE_DIGITS))
      ?.find((p) => p.digits.endsWith(digits) || digits.endsWith(p.digits));
    if (secret === undefined) continue;
    out += text.slice(last, match.index) + secret.replacement;
    last = match.index + run.length;
    log.add('text', secret.kind, secret.treatment);
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Lower case with the length kept: a few characters (İ) grow when lower-cased, and offsets in
 * the folded text must be offsets in the original; those few are kept as they are.
 */
function foldSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

function replaceForm(text: string, haystack: string, needle: Needle, log: RedactionLog): string {
  const wanted = needle.lower;
  let at = haystack.indexOf(wanted);
  let out = '';
  let last = 0;
  while (at >= 0) {
    out += text.slice(last, at) + needle.secret.replacement;
    last = at + needle.length;
    log.add('text', needle.secret.kind, needle.secret.treatment);
    at = haystack.indexOf(wanted, last);
  }
  return out + text.slice(last);
}

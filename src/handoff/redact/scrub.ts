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
  /** The needle's first two characters (see {@link pairAt}). */
  readonly head: number;
  readonly secret: Secret;
}

/** The two characters at `i` and `i + 1`, hashed to 16 bits. */
function pairAt(text: string, i: number): number {
  return (text.charCodeAt(i) * 31 + text.charCodeAt(i + 1)) & 0xffff;
}

/**
 * The pairs of adjacent characters in one text, as bits of a table that is reused from text to
 * text. Most texts hold no secret, and a needle whose first two characters are not a pair of
 * the text is not in it; pairs may share a bit, so the answer is "maybe" or a sure "no".
 */
class Pairs {
  readonly #bits = new Uint32Array(0x10000 / 32);
  #text = '';

  /** Holds the pairs of `text` (and no others). */
  load(text: string): void {
    this.#set(this.#text, 0);
    this.#set(text, 1);
    this.#text = text;
  }

  /** False when no pair of the text hashes to `pair`. */
  mayHold(pair: number): boolean {
    return ((this.#bits[pair >>> 5] as number) & (1 << (pair & 31))) !== 0;
  }

  #set(text: string, on: 0 | 1): void {
    for (let i = 0; i + 1 < text.length; i++) {
      const pair = pairAt(text, i);
      const word = this.#bits[pair >>> 5] as number;
      this.#bits[pair >>> 5] = on === 1 ? word | (1 << (pair & 31)) : word & ~(1 << (pair & 31));
    }
  }
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
      needles.push({ lower, length: lower.length, head: pairAt(lower, 0), secret });
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
  // A journey repeats its texts; each is scrubbed once, and every later copy logs the same
  // replacements.
  const scrubbed = new Map<string, Scrubbed>();
  const pairs = new Pairs();
  return (text) => {
    let known = scrubbed.get(text);
    if (known === undefined) {
      known = scrubOnce(text, needles, phones, pairs);
      scrubbed.set(text, known);
    }
    for (const [secret, count] of known.hits) log.add('text', secret.kind, secret.treatment, count);
    return known.text;
  };
}

/** A scrubbed text, and how many times each secret was replaced in it. */
interface Scrubbed {
  readonly text: string;
  readonly hits: ReadonlyMap<Secret, number>;
}

/** A text with every secret replaced, and the replacements counted. */
function scrubOnce(
  text: string,
  needles: readonly Needle[],
  phones: ReadonlyMap<string, readonly (Secret & { digits: string })[]>,
  pairs: Pairs,
): Scrubbed {
  const found: Secret[] = [];
  let out = phones.size === 0 ? text : scrubPhones(text, phones, found);
  let folded = foldSameLength(out);
  // Most texts hold no secret: a look-up of each needle's first two characters rules most out.
  pairs.load(folded);
  for (const needle of needles) {
    if (!pairs.mayHold(needle.head) || !folded.includes(needle.lower)) continue;
    out = replaceForm(out, folded, needle, found);
    folded = foldSameLength(out);
    pairs.load(folded);
  }
  const hits = new Map<Secret, number>();
  for (const secret of found) hits.set(secret, (hits.get(secret) ?? 0) + 1);
  return { text: out, hits };
}

function scrubPhones(
  text: string,
  phones: ReadonlyMap<string, readonly (Secret & { digits: string })[]>,
  hits: Secret[],
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
    hits.push(secret);
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

function replaceForm(text: string, haystack: string, needle: Needle, hits: Secret[]): string {
  const wanted = needle.lower;
  let at = haystack.indexOf(wanted);
  let out = '';
  let last = 0;
  while (at >= 0) {
    out += text.slice(last, at) + needle.secret.replacement;
    last = at + needle.length;
    hits.push(needle.secret);
    at = haystack.indexOf(wanted, last);
  }
  return out + text.slice(last);
}

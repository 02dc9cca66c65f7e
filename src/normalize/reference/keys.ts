import { z } from 'zod';

/**
 * How a found reference value becomes its comparable `key`. A leading `#` is never part of a key.
 *
 * - `upper` / `lower`: the value in one case, separators kept (`A-55123`).
 * - `digits`: ASCII digits only (`94001 1189 …` written with separators compares equal).
 * - `alnum-upper`: letters and digits only, upper-cased, so `A-55123`, `A55123` and `a/55123`
 *   share one key.
 *
 * @example
 * ```ts
 * import { ReferenceNormalizationSchema } from 'threadline';
 *
 * console.log(ReferenceNormalizationSchema.options); // [ 'upper', 'lower', 'digits', 'alnum-upper' ]
 * ```
 */
export const ReferenceNormalizationSchema = z.enum(['upper', 'lower', 'digits', 'alnum-upper']);

/**
 * A key normalization; see {@link ReferenceNormalizationSchema}.
 *
 * @example
 * ```ts
 * import type { ReferenceNormalization } from 'threadline';
 *
 * const mode: ReferenceNormalization = 'digits';
 * console.log(mode);
 * ```
 */
export type ReferenceNormalization = z.infer<typeof ReferenceNormalizationSchema>;

/**
 * A check-digit algorithm a pattern can require of its key, so that shape-only matches of
 * distinctive formats are confirmed by arithmetic rather than by context.
 *
 * - `s10`: UPU S10 postal item ids (`RR123456785GB`): weights 8,6,4,2,3,5,9,7 over the eight
 *   serial digits, check = 11 − (sum mod 11), with 10 → 0 and 11 → 5.
 * - `ups`: UPS `1Z` tracking numbers: the 15 characters after `1Z` before the check character,
 *   letters mapped to digits, odd positions plus twice the even positions, mod 10.
 * - `luhn`: the Luhn mod-10 check over all digits of the key (card-like and many account ids).
 *
 * @example
 * ```ts
 * import { ReferenceCheckSchema } from 'threadline';
 *
 * console.log(ReferenceCheckSchema.safeParse('s10').success); // true
 * ```
 */
export const ReferenceCheckSchema = z.enum(['s10', 'ups', 'luhn']);

/**
 * A check-digit algorithm; see {@link ReferenceCheckSchema}.
 *
 * @example
 * ```ts
 * import type { ReferenceCheck } from 'threadline';
 *
 * const check: ReferenceCheck = 'luhn';
 * console.log(check);
 * ```
 */
export type ReferenceCheck = z.infer<typeof ReferenceCheckSchema>;

const NOT_ALNUM = /[^\p{L}\p{N}\p{M}]/gu;
const NOT_DIGIT = /[^0-9]/g;

/**
 * Turns a reference value into its key under a normalization. Idempotent: normalizing a key
 * again returns it unchanged, so keys from text and keys from a source system (an order id in a
 * CRM) compare directly.
 *
 * @param value - a reference value as written, e.g. `#A-55123`.
 * @param normalization - how to normalize; see {@link ReferenceNormalization}.
 * @returns the key; empty when nothing is left (e.g. `digits` of `ABC`).
 *
 * @example
 * ```ts
 * import { normalizeReferenceValue } from 'threadline';
 *
 * console.log(normalizeReferenceValue('#a-55123', 'alnum-upper')); // A55123
 * console.log(normalizeReferenceValue('405-6829914-837231', 'digits')); // 4056829914837231
 * ```
 */
export function normalizeReferenceValue(
  value: string,
  normalization: ReferenceNormalization,
): string {
  const bare = stripHashes(value);
  switch (normalization) {
    case 'upper':
      return bare.toUpperCase();
    case 'lower':
      return bare.toLowerCase();
    case 'digits':
      return bare.replace(NOT_DIGIT, '');
    case 'alnum-upper':
      // Filtering after upper-casing too keeps the key stable: case mapping can emit characters
      // (such as a combining mark) that the first filter would treat differently.
      return bare.replace(NOT_ALNUM, '').toUpperCase().replace(NOT_ALNUM, '');
  }
}

// All leading `#`s go, not one: stripping one would leave `##12` a key that changes when normalized again.
function stripHashes(value: string): string {
  let start = 0;
  while (value.charCodeAt(start) === 35) start++;
  return start === 0 ? value : value.slice(start);
}

/**
 * Whether a key passes a check-digit algorithm. Keys of the wrong shape fail.
 *
 * @param key - a normalized key (`upper` or `alnum-upper` for `s10`/`ups`).
 * @param check - the algorithm; see {@link ReferenceCheck}.
 * @returns true when the check digit is right.
 *
 * @example
 * ```ts
 * import { passesReferenceCheck } from 'threadline';
 *
 * console.log(passesReferenceCheck('RR123456785GB', 's10')); // true
 * console.log(passesReferenceCheck('RR123456784GB', 's10')); // false
 * console.log(passesReferenceCheck('1Z999AA10123456784', 'ups')); // true
 * ```
 */
export function passesReferenceCheck(key: string, check: ReferenceCheck): boolean {
  switch (check) {
    case 's10':
      return s10(key);
    case 'ups':
      return ups(key);
    case 'luhn':
      return luhn(key);
  }
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function s10(key: string): boolean {
  if (key.length !== 13) return false;
  if (!isUpper(key.charCodeAt(0)) || !isUpper(key.charCodeAt(1))) return false;
  if (!isUpper(key.charCodeAt(11)) || !isUpper(key.charCodeAt(12))) return false;
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    const code = key.charCodeAt(2 + k);
    if (!isDigit(code)) return false;
    sum += (code - 48) * (S10_WEIGHTS[k] ?? 0);
  }
  const last = key.charCodeAt(10);
  if (!isDigit(last)) return false;
  let expected = 11 - (sum % 11);
  if (expected === 10) expected = 0;
  else if (expected === 11) expected = 5;
  return last - 48 === expected;
}

function ups(key: string): boolean {
  if (key.length !== 18 || key.charCodeAt(0) !== 49 || key.charCodeAt(1) !== 90) return false;
  let sum = 0;
  for (let k = 2; k < 17; k++) {
    const code = key.charCodeAt(k);
    let digit: number;
    if (isDigit(code)) digit = code - 48;
    else if (isUpper(code)) digit = (code - 63) % 10;
    else return false;
    // Positions are counted from 1 over the 15 characters after "1Z".
    sum += (k - 2) % 2 === 0 ? digit : 2 * digit;
  }
  const last = key.charCodeAt(17);
  if (!isDigit(last)) return false;
  return last - 48 === (10 - (sum % 10)) % 10;
}

function luhn(key: string): boolean {
  let sum = 0;
  let count = 0;
  for (let k = key.length - 1; k >= 0; k--) {
    const code = key.charCodeAt(k);
    if (!isDigit(code)) continue;
    let digit = code - 48;
    if (count % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    count++;
  }
  return count >= 2 && sum % 10 === 0;
}

import {
  type CountryCode,
  isSupportedCountry,
  type NumberType,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';

/**
 * A phone number in E.164 form (`+` then 7 to 15 digits). Only {@link normalizePhone} and
 * {@link PhoneE164Schema} make values of this type.
 *
 * @example
 * ```ts
 * import { PhoneE164Schema } from 'threadline';
 *
 * console.log(PhoneE164Schema.safeParse('+13102461501').success); // true
 * console.log(PhoneE164Schema.safeParse('310-246-1501').success); // false
 * ```
 */
export const PhoneE164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number such as +13102461501')
  .brand<'PhoneE164'>();

/**
 * A phone number in E.164 form, made only by validating constructors.
 *
 * @example
 * ```ts
 * import { normalizePhone, type PhoneE164 } from 'threadline';
 *
 * const e164: PhoneE164 | undefined = normalizePhone('310/246-1501', { region: 'US' }).e164;
 * console.log(e164); // +13102461501
 * ```
 */
export type PhoneE164 = z.infer<typeof PhoneE164Schema>;

/**
 * A two-letter ISO 3166-1 region code (`US`, `GB`, `BR`, …) used as the default region for
 * numbers written without a country code.
 *
 * @example
 * ```ts
 * import { RegionCodeSchema } from 'threadline';
 *
 * console.log(RegionCodeSchema.parse('GB')); // GB
 * ```
 */
export const RegionCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected a two-letter upper-case region code such as US or GB');

/**
 * A two-letter region code; see {@link RegionCodeSchema}.
 *
 * @example
 * ```ts
 * import type { RegionCode } from 'threadline';
 *
 * const region: RegionCode = 'BR';
 * console.log(region);
 * ```
 */
export type RegionCode = z.infer<typeof RegionCodeSchema>;

/**
 * What kind of line a number is, where the numbering plan says so.
 *
 * @example
 * ```ts
 * import { normalizePhone } from 'threadline';
 *
 * console.log(normalizePhone('+447911123456').type); // mobile
 * ```
 */
export type PhoneType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'premium_rate'
  | 'shared_cost'
  | 'voip'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail';

/**
 * Why a phone number is not matchable.
 *
 * - `empty`: nothing but whitespace.
 * - `no_digits`: no digit anywhere (`n/a`, `unknown`).
 * - `no_region`: a national number with no default region to read it in.
 * - `short_code`: an SMS or service short code (3 to 6 digits), which names a service, not a person.
 * - `too_short` / `too_long`: impossible length for the numbering plan.
 * - `invalid`: a possible length, but not a number range the plan assigns.
 * - `placeholder`: a value typed to get past a form (`0000000000`, `1234567890`, 555-01xx).
 *
 * @example
 * ```ts
 * import { normalizePhone } from 'threadline';
 *
 * console.log(normalizePhone('12345', { region: 'US' }).reason); // short_code
 * ```
 */
export type PhoneRejection =
  | 'empty'
  | 'no_digits'
  | 'no_region'
  | 'short_code'
  | 'too_short'
  | 'too_long'
  | 'invalid'
  | 'placeholder';

/**
 * The outcome of {@link normalizePhone}. Numbers that cannot be read are kept (as `key`, the
 * cleaned raw text) and flagged `matchable: false`, so nothing the customer typed is lost.
 *
 * @example
 * ```ts
 * import { normalizePhone, type NormalizedPhone } from 'threadline';
 *
 * const phone: NormalizedPhone = normalizePhone('+44 (0)20 7946 0958');
 * console.log(phone.key, phone.region, phone.type); // +442079460958 GB fixed_line
 * ```
 */
export interface NormalizedPhone {
  /** The input, unchanged. */
  readonly raw: string;
  /**
   * The matching key: the E.164 number when it could be read, else the raw text trimmed with
   * whitespace collapsed. Normalizing the key again gives the same key.
   */
  readonly key: string;
  /** The number in E.164 form, when the text could be read as a number. */
  readonly e164?: PhoneE164;
  /** True when the number may be used as evidence (readable, valid enough, not a placeholder). */
  readonly matchable: boolean;
  /** True when the number lies in a range the numbering plan assigns. */
  readonly valid: boolean;
  /** True when the number has a possible length for its country. */
  readonly possible: boolean;
  /** Why the number is not matchable; absent when it is. */
  readonly reason?: PhoneRejection;
  /** The region the number belongs to, when known. */
  readonly region?: RegionCode;
  /** The country calling code without `+` (`1`, `44`). */
  readonly countryCallingCode?: string;
  /** The significant national number (no national prefix): `2079460958` for a London number. */
  readonly nationalNumber?: string;
  /** The extension, split off the number (`ext. 23` gives `23`). */
  readonly extension?: string;
  /** Mobile, fixed line, toll free, …, where the numbering plan says. */
  readonly type?: PhoneType;
  /** The digits of the input in order, for comparisons that look at digit strings. */
  readonly digits: string;
}

/**
 * Options for {@link normalizePhone}.
 *
 * @example
 * ```ts
 * import { normalizePhone, type PhoneOptions } from 'threadline';
 *
 * const webForm: PhoneOptions = { region: 'GB' };
 * console.log(normalizePhone('020 7946 0958', webForm).e164); // +442079460958
 * ```
 */
export interface PhoneOptions {
  /**
   * The region for numbers written without a country code: the account's country for a web
   * form, the business's country for a call centre. Must be a region the numbering metadata
   * knows (`US`, `GB`, `DE`, …).
   */
  readonly region?: RegionCode;
  /**
   * Read digits without `+` as international (`14155552671` → `+14155552671`). Set it for
   * sources that always send full international numbers without the plus, such as WhatsApp
   * or many SMS gateways. Applied before `region`.
   */
  readonly assumeInternational?: boolean;
  /**
   * Which numbers count as evidence: `valid` (default) needs a number range the plan assigns;
   * `possible` accepts any number of a possible length, useful for old exports whose ranges
   * have since been renumbered.
   */
  readonly accept?: 'valid' | 'possible';
  /**
   * Whether to work out the line type (mobile, fixed line, …); default true. Matching does
   * not need it, and skipping it saves about a fifth of the time per number.
   */
  readonly lineType?: boolean;
}

const TYPE_NAMES: Readonly<Record<NumberType & string, PhoneType>> = Object.freeze({
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
  TOLL_FREE: 'toll_free',
  PREMIUM_RATE: 'premium_rate',
  SHARED_COST: 'shared_cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal_number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
});

// Characters that separate digits in the wild, plus the invisible ones that copy-paste and
// right-to-left text leave behind; they never change which number was meant.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const WHITESPACE = /\s+/g;
const NON_DIGIT = /\D+/g;
const E164 = /^\+[1-9]\d{6,14}$/;
const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const FULLWIDTH_PLUS = /\uFF0B/g;

/**
 * Reads a phone number as written on any channel and returns its E.164 form with what the
 * numbering plan knows about it. Never throws on any input string; a number that cannot be
 * read is kept and flagged not matchable, with the reason.
 *
 * `310/246-1501` and `310-246-1501` in region US are the same number, and so are
 * `+44 (0)20 7946 0958` and `020 7946 0958` in region GB.
 *
 * @param raw - the text as received: a caller id, a form field, a WhatsApp sender.
 * @param options - the default region of the source, and how strict to be.
 * @returns the normalized number; see {@link NormalizedPhone}.
 * @throws {@link ThreadlineError} with code `invalid_options` when `options.region` is not a
 * region the numbering metadata knows (a configuration error, never a data error).
 *
 * @example
 * ```ts
 * import { normalizePhone } from 'threadline';
 *
 * const a = normalizePhone('310/246-1501', { region: 'US' });
 * const b = normalizePhone('+1 (310) 246-1501 ext. 7');
 * console.log(a.key === b.key, b.extension); // true 7
 * console.log(normalizePhone('0000000000', { region: 'US' }).reason); // placeholder
 * ```
 */
export function normalizePhone(raw: string, options: PhoneOptions = {}): NormalizedPhone {
  const region = checkRegion(options.region);
  const cleaned = clean(raw);
  const digits = cleaned.replace(NON_DIGIT, '');
  const unreadable = (reason: PhoneRejection): NormalizedPhone => ({
    raw,
    key: cleaned,
    matchable: false,
    valid: false,
    possible: false,
    reason,
    digits,
  });

  if (cleaned === '') return unreadable('empty');
  if (digits === '') return unreadable('no_digits');
  // Lengths beyond E.164's 15 digits plus a generous extension are never one number; refusing
  // them early also bounds the work the parser does on hostile input.
  if (digits.length > 40) return unreadable('too_long');

  const international = cleaned.startsWith('+') || (/^00[1-9]/.test(cleaned) && digits.length > 8);
  let text = cleaned;
  if (!international && options.assumeInternational === true) text = `+${cleaned}`;
  const readsAsInternational = international || options.assumeInternational === true;

  if (!cleaned.startsWith('+') && isShortCode(cleaned)) {
    return unreadable('short_code');
  }
  if (!readsAsInternational && region === undefined) return unreadable('no_region');

  let parsed =
    region === undefined
      ? parsePhoneNumberFromString(text)
      : parsePhoneNumberFromString(text, { defaultCountry: region });
  // Much of the world dials out with 00; a customer writes it whatever the source's region,
  // so a leading 00 that the region's own dialling rules cannot read is read as `+`.
  if (text.startsWith('00') && (parsed === undefined || !parsed.isPossible())) {
    const viaPlus = parsePhoneNumberFromString(`+${text.slice(2)}`);
    if (viaPlus?.isPossible()) parsed = viaPlus;
  }
  if (parsed === undefined) {
    return unreadable(digits.length < 7 ? 'too_short' : 'invalid');
  }

  const e164 = parsed.number as PhoneE164;
  const valid = E164.test(e164) && parsed.isValid();
  // Outside assigned ranges the parser may read its own E.164 output differently (a leading
  // zero taken for a national prefix); such a number has no stable key, so it is not one.
  const possible = valid || (E164.test(e164) && parsed.isPossible() && readsBack(e164));
  const nationalNumber = String(parsed.nationalNumber);
  const countryCallingCode = String(parsed.countryCallingCode);
  const numberType = valid && options.lineType !== false ? parsed.getType() : undefined;
  const type = numberType === undefined ? undefined : TYPE_NAMES[numberType];

  let reason: PhoneRejection | undefined;
  if (isPlaceholder(countryCallingCode, nationalNumber)) reason = 'placeholder';
  else if (!possible) reason = impossibleReason(nationalNumber);
  else if (!valid && options.accept !== 'possible') reason = 'invalid';

  // An impossible number is not a number: its key stays the text the customer typed, so that
  // normalizing the key again reads it the same way.
  const key = possible ? e164 : cleaned;
  return {
    raw,
    key,
    ...(possible ? { e164 } : {}),
    matchable: reason === undefined,
    valid,
    possible,
    ...(reason === undefined ? {} : { reason }),
    ...(parsed.country === undefined ? {} : { region: parsed.country }),
    countryCallingCode,
    nationalNumber,
    ...(parsed.ext === undefined || parsed.ext === '' ? {} : { extension: String(parsed.ext) }),
    ...(type === undefined ? {} : { type }),
    digits,
  };
}

function readsBack(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.number === e164;
}

function checkRegion(region: string | undefined): CountryCode | undefined {
  if (region === undefined) return undefined;
  if (!/^[A-Z]{2}$/.test(region) || !isSupportedCountry(region)) {
    throw new ThreadlineError('invalid_options', `Unknown phone region "${region}"`, [
      {
        code: 'invalid_region',
        path: ['region'],
        message: `"${region}" is not a region the phone numbering metadata knows; use an ISO 3166-1 code such as US or GB`,
      },
    ]);
  }
  return region;
}

function clean(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(FULLWIDTH_PLUS, '+')
    .replace(WHITESPACE, ' ')
    .trim();
}

// A short code is written as one bare group of digits ("22222", "#611"), never punctuated like
// a subscriber number.
function isShortCode(cleaned: string): boolean {
  return /^[#*]?\d{3,6}#?$/.test(cleaned);
}

function impossibleReason(nationalNumber: string): PhoneRejection {
  return nationalNumber.length < 7 ? 'too_short' : 'too_long';
}

function isPlaceholder(countryCallingCode: string, national: string): boolean {
  if (national.length < 6) return false;
  if (/^(\d)\1+$/.test(national)) return true;
  if ('01234567890'.includes(national) || '98765432109'.includes(national)) return true;
  if ('12345678901234567890'.includes(national)) return true;
  // North American 555-0100 to 555-0199 are reserved for fiction and examples.
  if (countryCallingCode === '1' && /^\d{3}55501\d{2}$/.test(national)) return true;
  return false;
}

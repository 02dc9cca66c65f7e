import { normalizeEmail } from '../../normalize/email/email.js';
import type { RegionCode } from '../../normalize/phone/phone.js';
import { normalizeReferenceValue } from '../../normalize/reference/keys.js';
import { normalizeHandle } from '../../normalize/social/handle.js';
import { addressKey, postcodeKey } from './addresses.js';
import { findAmounts } from './amounts.js';
import { phoneKey } from './contacts.js';
import { findDates } from './dates.js';
import { nameKey } from './names.js';
import type { FactKind } from './schema.js';
import { fold, tokenize } from './text.js';

/**
 * Options for {@link normalizeFactValue}.
 *
 * @example
 * ```ts
 * import type { FactValueOptions } from 'threadline';
 *
 * const options: FactValueOptions = { region: 'US', dateOrder: 'mdy' };
 * console.log(options.region);
 * ```
 */
export interface FactValueOptions {
  /** The region to read phone numbers without a country code in. */
  readonly region?: RegionCode;
  /** How to read numeric dates whose day and month could be swapped. */
  readonly dateOrder?: 'mdy' | 'dmy';
}

const FULL_DATE = /\d{4}|\d[/.-]\d{1,2}[/.-]\d{2}\b/;
const USERNAME = /^@?[^\s@]{1,64}$/;

/** Reference numbers compare as upper-case letters and digits, as `extractReferences` keys do. */
export function referenceKey(raw: string): string | undefined {
  const key = normalizeReferenceValue(raw.trim(), 'alnum-upper');
  return key === '' || key.length > 128 ? undefined : key;
}

/**
 * Normalizes a value the way {@link extractFacts} does for its kind, so that a value from
 * elsewhere (a CRM record, a form) can be compared with a fact's `normalized` field. Returns
 * undefined when the value cannot be read as that kind. Never throws on any string.
 *
 * Social handles are given as `platform:handle` (`x:@Ana_Souza`).
 *
 * @param kind - what the value is.
 * @param raw - the value as written.
 * @param options - the phone region and date order, as for {@link extractFacts}.
 * @returns the normalized value, or undefined.
 *
 * @example
 * ```ts
 * import { normalizeFactValue } from 'threadline';
 *
 * console.log(normalizeFactValue('phone', '(977) 625-2661', { region: 'US' })); // +19776252661
 * console.log(normalizeFactValue('order_id', '#a-55123')); // A55123
 * console.log(normalizeFactValue('address', '6821 1st Avenue, San Mateo')); // 6821 1st ave san mateo
 * console.log(normalizeFactValue('amount', '€12,50')); // EUR 12.50
 * console.log(normalizeFactValue('email', 'not an email')); // undefined
 * ```
 */
export function normalizeFactValue(
  kind: FactKind,
  raw: string,
  options: FactValueOptions = {},
): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'name':
      return nameKey(text);
    case 'email': {
      const email = normalizeEmail(text);
      return email.valid ? email.key : undefined;
    }
    case 'phone':
      return phoneKey(text, options.region);
    case 'username': {
      if (!USERNAME.test(text)) return undefined;
      const key = (text.startsWith('@') ? text.slice(1) : text).toLowerCase();
      return key === '' ? undefined : key;
    }
    case 'social_handle': {
      const colon = text.indexOf(':');
      if (colon <= 0) return undefined;
      const handle = normalizeHandle(text.slice(0, colon), text.slice(colon + 1));
      if (handle.handle === '') return undefined;
      return `${handle.platform}:${handle.handle}`;
    }
    case 'account_id':
    case 'order_id':
    case 'ticket':
    case 'booking':
    case 'tracking':
    case 'invoice':
    case 'reference':
      return referenceKey(text);
    case 'address': {
      const key = addressKey(text);
      return key === '' ? undefined : key;
    }
    case 'postcode':
      return postcodeKey(text);
    case 'amount': {
      const amounts = findAmounts(text);
      const only = amounts[0];
      return amounts.length === 1 && only !== undefined && only.end - only.start === text.length
        ? only.key
        : undefined;
    }
    case 'date': {
      // Without a year there is no day to name.
      if (!FULL_DATE.test(text)) return undefined;
      const dates = findDates(text, Date.UTC(2000, 0, 1), 0, options.dateOrder);
      const only = dates[0];
      return dates.length === 1 &&
        only !== undefined &&
        !only.relative &&
        only.end - only.start >= text.length - 1
        ? only.key
        : undefined;
    }
    case 'product': {
      const key = tokenize(fold(text))
        .map((token) => token.word)
        .join(' ');
      return key === '' || key.length > 200 ? undefined : key;
    }
  }
}

import type { IdentifierKind } from '../../model/identifier.js';
import type { FactKind } from '../extract/schema.js';

/**
 * What {@link maskValue} can mask: a fact kind, or an identifier kind.
 *
 * @example
 * ```ts
 * import type { MaskKind } from 'threadline';
 *
 * const kinds: MaskKind[] = ['email', 'phone', 'social', 'order_id'];
 * console.log(kinds.length); // 4
 * ```
 */
export type MaskKind = FactKind | IdentifierKind;

const STARS = '***';

/**
 * Masks a personal value for display, keeping only enough to recognise it: an email as
 * `a***@g***.com`; a phone as its last four digits (three for seven to nine digits, two for four
 * to six, none below); a handle or username as its first character; an account, scoped or
 * reference id as its last two or three characters when it is long enough to spare them; a
 * postcode as its first two characters; a name as initials. Addresses, amounts, dates, devices
 * and products are replaced by their kind in brackets. The mask never contains the whole value.
 *
 * @param kind - what the value is.
 * @param raw - the value as written.
 * @returns the masked text.
 *
 * @example
 * ```ts
 * import { maskValue } from 'threadline';
 *
 * console.log(maskValue('email', 'ana.souza@gmail.com')); // a***@g***.com
 * console.log(maskValue('phone', '+1 (310) 246-1501')); // ***1501
 * console.log(maskValue('social', '@ana_souza')); // @a***
 * console.log(maskValue('name', 'Ana Souza')); // A. S.
 * console.log(maskValue('address', '6821 1st Ave, San Mateo')); // [address]
 * ```
 */
export function maskValue(kind: MaskKind, raw: string): string {
  const value = raw.trim();
  switch (kind) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskDigits(value);
    case 'username':
    case 'social_handle':
    case 'social':
      return maskHandle(value);
    case 'name':
      return maskName(value);
    case 'postcode':
      return value.length >= 4 ? `${[...value].slice(0, 2).join('')}${STARS}` : STARS;
    case 'account_id':
    case 'account':
    case 'scoped_id':
      return keepTail(value, 2, 6);
    case 'order_id':
    case 'ticket':
    case 'booking':
    case 'tracking':
    case 'invoice':
    case 'reference':
      return keepTail(value, 3, 7);
    case 'device':
    case 'address':
    case 'amount':
    case 'date':
    case 'product':
      return `[${kind}]`;
  }
}

/** The placeholder that replaces a withheld value in text: its kind in brackets (`[email]`). */
export function withheldLabel(kind: MaskKind): string {
  switch (kind) {
    case 'social':
    case 'social_handle':
      return '[handle]';
    case 'account':
    case 'account_id':
      return '[account]';
    case 'order_id':
      return '[order]';
    case 'scoped_id':
      return '[id]';
    default:
      return `[${kind}]`;
  }
}

// Email addresses inside a display form (`"Ana" <ana@example.com>`) are masked as addresses.
const ADDRESS = /<([^<>\s]+@[^<>\s]+)>/;

function maskEmail(value: string): string {
  const inner = ADDRESS.exec(value)?.[1] ?? value;
  const at = inner.lastIndexOf('@');
  if (at <= 0 || at === inner.length - 1) return STARS;
  const local = inner.slice(0, at);
  const domain = inner.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  if (dot <= 0) return `${head(local)}${STARS}@${STARS}`;
  return `${head(local)}${STARS}@${head(domain)}${STARS}${domain.slice(dot)}`;
}

/** The first character of a text, a surrogate pair kept whole (`[...s][0]`, without the array). */
function head(s: string): string {
  if (s.length === 0) return '';
  return (s.codePointAt(0) as number) > 0xffff ? s.slice(0, 2) : s.charAt(0);
}

function maskDigits(value: string): string {
  let digits = '';
  for (const c of value) if (c >= '0' && c <= '9') digits += c;
  const keep = digits.length >= 10 ? 4 : digits.length >= 7 ? 3 : digits.length >= 4 ? 2 : 0;
  return `${STARS}${digits.slice(digits.length - keep)}`;
}

function maskHandle(value: string): string {
  const at = value.startsWith('@') ? '@' : '';
  const body = [...value.slice(at.length)];
  // A handle too short to spare a character is hidden whole.
  return body.length < 3 ? `${at}${STARS}` : `${at}${body[0]}${STARS}`;
}

function maskName(value: string): string {
  if ([...value].length < 3) return STARS;
  const initials = value
    .split(/\s+/)
    .map((part) => [...part][0])
    .filter((c): c is string => c !== undefined && /\p{L}/u.test(c))
    .map((c) => `${c.toUpperCase()}.`);
  return initials.length === 0 ? STARS : initials.join(' ');
}

/** `***` and the last `keep` characters, when the value has at least `min` characters. */
function keepTail(value: string, keep: number, min: number): string {
  const chars = [...value];
  return chars.length >= min ? `${STARS}${chars.slice(chars.length - keep).join('')}` : STARS;
}

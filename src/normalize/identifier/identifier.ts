import { isSupportedCountry } from 'libphonenumber-js/max';
import type { Identifier } from '../../model/identifier.js';
import { normalizeEmail } from '../email/email.js';
import { normalizePhone, type RegionCode } from '../phone/phone.js';
import { normalizeHandle } from '../social/handle.js';

/**
 * An identifier reduced to its matching key: `email:ana@example.com`, `phone:+13102461501`,
 * `social:x:ana_souza`, `scoped:messenger:page:1029:6543`, `account:shopify:7781`,
 * `device:cookie:c9f1`. Two observations are the same identifier exactly when their keys are
 * equal. Unreadable values are kept (with a key) and flagged not matchable.
 *
 * @example
 * ```ts
 * import { identifierKey, type IdentifierKey } from 'threadline';
 *
 * const k: IdentifierKey = identifierKey({ kind: 'social', platform: 'twitter', handle: '@Ana_Souza' });
 * console.log(k.key, k.matchable); // social:x:ana_souza true
 * ```
 */
export interface IdentifierKey {
  readonly kind: Identifier['kind'];
  readonly key: string;
  readonly matchable: boolean;
  /** Why the identifier is not matchable, in the words of its normalizer. */
  readonly reason?: string;
  /**
   * For emails, the provider-canonical mailbox key (`email:anasouza@gmail.com` for
   * `Ana.Souza+shop@googlemail.com`): evidence that two addresses reach one mailbox.
   */
  readonly mailbox?: string;
  /** Flags that matter to merge guards: role or shared mailbox, disposable domain. */
  readonly role?: boolean;
  readonly disposable?: boolean;
}

/**
 * Options for {@link identifierKey}.
 *
 * @example
 * ```ts
 * import { identifierKey, type IdentifierKeyOptions } from 'threadline';
 *
 * const options: IdentifierKeyOptions = { region: 'GB' };
 * console.log(identifierKey({ kind: 'phone', value: '020 7946 0958' }, options).key); // phone:+442079460958
 * ```
 */
export interface IdentifierKeyOptions {
  /** The phone region of the source, for numbers without a country code. */
  readonly region?: RegionCode;
}

const collapse = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * Normalizes any identifier to its matching key. Total and deterministic: never throws on an
 * identifier the model accepts, and normalizing equal inputs gives equal keys.
 *
 * @example
 * ```ts
 * import { identifierKey } from 'threadline';
 *
 * console.log(identifierKey({ kind: 'email', value: '"Ana" <Ana.Souza+shop@GoogleMail.com>' }));
 * console.log(identifierKey({ kind: 'phone', value: '310/246-1501' }, { region: 'US' }).key); // phone:+13102461501
 * ```
 */
export function identifierKey(
  identifier: Identifier,
  options: IdentifierKeyOptions = {},
): IdentifierKey {
  switch (identifier.kind) {
    case 'email': {
      const e = normalizeEmail(identifier.value);
      return {
        kind: 'email',
        key: `email:${e.key}`,
        matchable: e.matchable,
        ...(e.reason === undefined ? {} : { reason: e.reason }),
        ...(e.valid ? { mailbox: `email:${e.canonical}` } : {}),
        role: e.role,
        disposable: e.disposable,
      };
    }
    case 'phone': {
      // A region the numbering plan does not know (a well-formed `ZZ` from a source system) is
      // data, not configuration: the number is read as if no region were given.
      const named = identifier.region ?? options.region;
      const region = named !== undefined && isSupportedCountry(named) ? named : undefined;
      const p = normalizePhone(identifier.value, region === undefined ? {} : { region });
      return {
        kind: 'phone',
        key: `phone:${p.key}`,
        matchable: p.matchable,
        ...(p.reason === undefined ? {} : { reason: p.reason }),
      };
    }
    case 'social': {
      const h = normalizeHandle(identifier.platform, identifier.handle);
      const handle = h.valid ? h.handle : collapse(identifier.handle).toLowerCase();
      return {
        kind: 'social',
        key: `social:${h.platform}:${handle}`,
        matchable: h.matchable,
        ...(h.reason === undefined ? {} : { reason: h.reason }),
      };
    }
    case 'scoped_id': {
      const id = collapse(identifier.id);
      return {
        kind: 'scoped_id',
        key: `scoped:${identifier.platform}:${collapse(identifier.scope)}:${id}`,
        matchable: id !== '',
        ...(id === '' ? { reason: 'empty' } : {}),
      };
    }
    case 'account': {
      const value = collapse(identifier.value);
      return {
        kind: 'account',
        key: `account:${collapse(identifier.namespace).toLowerCase()}:${value}`,
        matchable: value !== '',
        ...(value === '' ? { reason: 'empty' } : {}),
      };
    }
    case 'device': {
      const value = collapse(identifier.value);
      return {
        kind: 'device',
        key: `device:${identifier.type}:${value}`,
        matchable: value !== '',
        ...(value === '' ? { reason: 'empty' } : {}),
      };
    }
  }
}

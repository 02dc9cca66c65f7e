import { z } from 'zod';
import { RegionCodeSchema } from '../normalize/phone/phone.js';
import { SocialPlatformSchema } from '../normalize/social/platforms.js';
import { TimestampSchema } from './time.js';

const text = (max: number) => z.string().min(1).max(max);

/**
 * An email address as seen, before normalization (display names and odd casing allowed).
 *
 * @example
 * ```ts
 * import { EmailIdentifierSchema } from 'threadline';
 *
 * console.log(EmailIdentifierSchema.parse({ kind: 'email', value: '"Ana" <ana@example.com>' }).kind);
 * ```
 */
export const EmailIdentifierSchema = z.strictObject({
  kind: z.literal('email'),
  value: text(512),
});

/**
 * A phone number as seen, with the region to read it in when it has no country code.
 *
 * @example
 * ```ts
 * import { PhoneIdentifierSchema } from 'threadline';
 *
 * console.log(PhoneIdentifierSchema.parse({ kind: 'phone', value: '020 7946 0958', region: 'GB' }).region);
 * ```
 */
export const PhoneIdentifierSchema = z.strictObject({
  kind: z.literal('phone'),
  value: text(64),
  region: RegionCodeSchema.optional(),
});

/**
 * A public handle on a social platform (`@ana_souza` on X).
 *
 * @example
 * ```ts
 * import { SocialIdentifierSchema } from 'threadline';
 *
 * console.log(SocialIdentifierSchema.parse({ kind: 'social', platform: 'x', handle: '@Ana_Souza' }).handle);
 * ```
 */
export const SocialIdentifierSchema = z.strictObject({
  kind: z.literal('social'),
  platform: SocialPlatformSchema,
  handle: text(256),
});

/**
 * An id a platform issues per business, meaningful only within its scope: a page-scoped
 * Messenger id, an Instagram-scoped id, a LINE user id per channel. It matches only the same
 * id in the same scope.
 *
 * @example
 * ```ts
 * import { ScopedIdIdentifierSchema } from 'threadline';
 *
 * const psid = { kind: 'scoped_id', platform: 'messenger', scope: 'page:1029384756', id: '6543210987654321' };
 * console.log(ScopedIdIdentifierSchema.parse(psid).scope);
 * ```
 */
export const ScopedIdIdentifierSchema = z.strictObject({
  kind: z.literal('scoped_id'),
  platform: SocialPlatformSchema,
  scope: text(256),
  id: text(256),
});

/**
 * An account or external id in a namespace the adopter names: a shop's customer number, a
 * CRM id, a loyalty card.
 *
 * @example
 * ```ts
 * import { AccountIdentifierSchema } from 'threadline';
 *
 * console.log(AccountIdentifierSchema.parse({ kind: 'account', namespace: 'shopify', value: '7781' }).namespace);
 * ```
 */
export const AccountIdentifierSchema = z.strictObject({
  kind: z.literal('account'),
  namespace: text(128),
  value: text(256),
});

/**
 * A device or browser identifier: an app install id, a push token, a first-party cookie.
 *
 * @example
 * ```ts
 * import { DeviceIdentifierSchema } from 'threadline';
 *
 * console.log(DeviceIdentifierSchema.parse({ kind: 'device', type: 'cookie', value: 'c9f1e2' }).type);
 * ```
 */
export const DeviceIdentifierSchema = z.strictObject({
  kind: z.literal('device'),
  type: z.enum(['device', 'cookie', 'push_token', 'advertising_id']),
  value: text(512),
});

/**
 * Any identifier a customer shows on a channel, discriminated by `kind`.
 *
 * @example
 * ```ts
 * import { IdentifierSchema } from 'threadline';
 *
 * const id = IdentifierSchema.parse({ kind: 'phone', value: '+13102461501' });
 * if (id.kind === 'phone') console.log(id.value);
 * ```
 */
export const IdentifierSchema = z.discriminatedUnion('kind', [
  EmailIdentifierSchema,
  PhoneIdentifierSchema,
  SocialIdentifierSchema,
  ScopedIdIdentifierSchema,
  AccountIdentifierSchema,
  DeviceIdentifierSchema,
]);

/**
 * An identifier; see {@link IdentifierSchema}.
 *
 * @example
 * ```ts
 * import type { Identifier } from 'threadline';
 *
 * const ids: Identifier[] = [
 *   { kind: 'email', value: 'ana@example.com' },
 *   { kind: 'social', platform: 'x', handle: 'ana_souza' },
 * ];
 * console.log(ids.length);
 * ```
 */
export type Identifier = z.infer<typeof IdentifierSchema>;

/**
 * The kind of an identifier: `email`, `phone`, `social`, `scoped_id`, `account` or `device`.
 *
 * @example
 * ```ts
 * import type { IdentifierKind } from 'threadline';
 *
 * const kind: IdentifierKind = 'scoped_id';
 * console.log(kind);
 * ```
 */
export type IdentifierKind = Identifier['kind'];

/**
 * How much an identifier can be trusted. `verified` identifiers were proven by the customer
 * (`login`, a one-time code, `channel_native` such as a caller id or the WhatsApp number a
 * message came from, `sso`, an agent who checked a `document`); `claimed` ones were only typed.
 *
 * @example
 * ```ts
 * import { TrustSchema } from 'threadline';
 *
 * console.log(TrustSchema.parse({ level: 'verified', method: 'otp' }).level); // verified
 * ```
 */
export const TrustSchema = z.discriminatedUnion('level', [
  z.strictObject({
    level: z.literal('verified'),
    method: z.enum(['login', 'otp', 'channel_native', 'sso', 'document', 'agent', 'other']),
  }),
  z.strictObject({ level: z.literal('claimed') }),
]);

/**
 * Trust in an identifier; see {@link TrustSchema}.
 *
 * @example
 * ```ts
 * import type { Trust } from 'threadline';
 *
 * const callerId: Trust = { level: 'verified', method: 'channel_native' };
 * console.log(callerId.level);
 * ```
 */
export type Trust = z.infer<typeof TrustSchema>;

const observation = {
  /** How much the identifier can be trusted; `claimed` when not given. */
  trust: TrustSchema.default({ level: 'claimed' }),
  /** When it was seen, if different from the interaction's start. */
  seenAt: TimestampSchema.optional(),
  /** The system or form it came from (`web-checkout`, `zendesk`), for provenance. */
  source: text(128).optional(),
};

/**
 * An identifier as observed in one interaction: the identifier, its trust, when and where it
 * was seen. `trust` defaults to `claimed`.
 *
 * @example
 * ```ts
 * import { ObservedIdentifierSchema } from 'threadline';
 *
 * const seen = ObservedIdentifierSchema.parse({ kind: 'phone', value: '+13102461501', trust: { level: 'verified', method: 'channel_native' } });
 * console.log(seen.trust.level); // verified
 * ```
 */
export const ObservedIdentifierSchema = z.discriminatedUnion('kind', [
  EmailIdentifierSchema.extend(observation),
  PhoneIdentifierSchema.extend(observation),
  SocialIdentifierSchema.extend(observation),
  ScopedIdIdentifierSchema.extend(observation),
  AccountIdentifierSchema.extend(observation),
  DeviceIdentifierSchema.extend(observation),
]);

/**
 * An observed identifier; see {@link ObservedIdentifierSchema}.
 *
 * @example
 * ```ts
 * import type { ObservedIdentifier } from 'threadline';
 *
 * const seen: ObservedIdentifier = { kind: 'email', value: 'ana@example.com', trust: { level: 'claimed' } };
 * console.log(seen.kind);
 * ```
 */
export type ObservedIdentifier = z.infer<typeof ObservedIdentifierSchema>;

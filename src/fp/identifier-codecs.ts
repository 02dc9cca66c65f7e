import * as t from 'io-ts';
import type { z } from 'zod';
import {
  type AccountIdentifierSchema,
  type DeviceIdentifierSchema,
  DeviceIdentifierSchema as DeviceSchema,
  type EmailIdentifierSchema,
  type Identifier,
  type IdentifierSchema,
  type ObservedIdentifier,
  type ObservedIdentifierSchema,
  ObservedIdentifierSchema as ObservedSchema,
  type PhoneIdentifierSchema,
  type ScopedIdIdentifierSchema,
  type SocialIdentifierSchema,
  type Trust,
  TrustSchema,
} from '../model/identifier.js';
import type { CodecOf } from './codec-of.js';
import {
  discriminatedUnion,
  oneOf,
  optional,
  strictObject,
  text,
  withDefault,
} from './combinators.js';
import { RegionCodeCodec, SocialPlatformCodec, TimestampCodec } from './leaf-codecs.js';

const emailProps = { kind: t.literal('email'), value: text(1, 512) };
const phoneProps = {
  kind: t.literal('phone'),
  value: text(1, 64),
  region: optional(RegionCodeCodec),
};
const socialProps = {
  kind: t.literal('social'),
  platform: SocialPlatformCodec,
  handle: text(1, 256),
};
const scopedIdProps = {
  kind: t.literal('scoped_id'),
  platform: SocialPlatformCodec,
  scope: text(1, 256),
  id: text(1, 256),
};
const accountProps = {
  kind: t.literal('account'),
  namespace: text(1, 128),
  value: text(1, 256),
};
const deviceProps = {
  kind: t.literal('device'),
  type: oneOf('DeviceType', DeviceSchema.shape.type.options),
  value: text(1, 512),
};

/**
 * io-ts codec of an email identifier as seen (display names and odd casing allowed).
 *
 * @example
 * ```ts
 * import { EmailIdentifierCodec } from 'threadline/fp';
 *
 * console.log(EmailIdentifierCodec.is({ kind: 'email', value: '"Ana" <ana@example.com>' })); // true
 * ```
 */
export const EmailIdentifierCodec: CodecOf<typeof EmailIdentifierSchema> = strictObject(
  'EmailIdentifier',
  emailProps,
);

/**
 * io-ts codec of a phone identifier, with the optional region to read it in.
 *
 * @example
 * ```ts
 * import { PhoneIdentifierCodec } from 'threadline/fp';
 *
 * console.log(PhoneIdentifierCodec.is({ kind: 'phone', value: '020 7946 0958', region: 'gb' })); // false
 * ```
 */
export const PhoneIdentifierCodec: CodecOf<typeof PhoneIdentifierSchema> = strictObject(
  'PhoneIdentifier',
  phoneProps,
);

/**
 * io-ts codec of a social handle on a platform.
 *
 * @example
 * ```ts
 * import { SocialIdentifierCodec } from 'threadline/fp';
 *
 * console.log(SocialIdentifierCodec.is({ kind: 'social', platform: 'x', handle: '@ana_souza' })); // true
 * ```
 */
export const SocialIdentifierCodec: CodecOf<typeof SocialIdentifierSchema> = strictObject(
  'SocialIdentifier',
  socialProps,
);

/**
 * io-ts codec of a platform-scoped id (a page-scoped Messenger id).
 *
 * @example
 * ```ts
 * import { ScopedIdIdentifierCodec } from 'threadline/fp';
 *
 * const psid = { kind: 'scoped_id', platform: 'messenger', scope: 'page:1029384756', id: '6543210987654321' };
 * console.log(ScopedIdIdentifierCodec.is(psid)); // true
 * ```
 */
export const ScopedIdIdentifierCodec: CodecOf<typeof ScopedIdIdentifierSchema> = strictObject(
  'ScopedIdIdentifier',
  scopedIdProps,
);

/**
 * io-ts codec of an account id in a namespace the adopter names.
 *
 * @example
 * ```ts
 * import { AccountIdentifierCodec } from 'threadline/fp';
 *
 * console.log(AccountIdentifierCodec.is({ kind: 'account', namespace: 'shopify', value: '7781' })); // true
 * ```
 */
export const AccountIdentifierCodec: CodecOf<typeof AccountIdentifierSchema> = strictObject(
  'AccountIdentifier',
  accountProps,
);

/**
 * io-ts codec of a device or browser identifier.
 *
 * @example
 * ```ts
 * import { DeviceIdentifierCodec } from 'threadline/fp';
 *
 * console.log(DeviceIdentifierCodec.is({ kind: 'device', type: 'cookie', value: 'c9f1e2' })); // true
 * ```
 */
export const DeviceIdentifierCodec: CodecOf<typeof DeviceIdentifierSchema> = strictObject(
  'DeviceIdentifier',
  deviceProps,
);

/**
 * io-ts codec of any {@link Identifier}, chosen by its `kind`.
 *
 * @example
 * ```ts
 * import { IdentifierCodec, toIssues } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = IdentifierCodec.decode({ kind: 'fax', value: '+13102461501' });
 * if (E.isLeft(r)) console.log(toIssues(r.left)[0]?.path); // [ 'kind' ]
 * ```
 */
export const IdentifierCodec: t.Type<
  Identifier,
  z.input<typeof IdentifierSchema>,
  unknown
> = discriminatedUnion('Identifier', 'kind', {
  email: EmailIdentifierCodec,
  phone: PhoneIdentifierCodec,
  social: SocialIdentifierCodec,
  scoped_id: ScopedIdIdentifierCodec,
  account: AccountIdentifierCodec,
  device: DeviceIdentifierCodec,
});

const verifiedTrust = TrustSchema.options[0];

/**
 * io-ts codec of {@link Trust}: `verified` with a method, or `claimed`.
 *
 * @example
 * ```ts
 * import { TrustCodec } from 'threadline/fp';
 *
 * console.log(TrustCodec.is({ level: 'verified', method: 'otp' }), TrustCodec.is({ level: 'verified' })); // true false
 * ```
 */
export const TrustCodec: t.Type<Trust, Trust, unknown> = discriminatedUnion('Trust', 'level', {
  verified: strictObject('VerifiedTrust', {
    level: t.literal('verified'),
    method: oneOf('TrustMethod', verifiedTrust.shape.method.options),
  }),
  claimed: strictObject('ClaimedTrust', { level: t.literal('claimed') }),
});

// The default trust is read from the zod schema, so that both give the same value.
const trustField = ObservedSchema.options[0].shape.trust;

const observation = {
  trust: withDefault(TrustCodec, () => trustField.def.defaultValue),
  seenAt: optional(TimestampCodec),
  source: optional(text(1, 128)),
};

/**
 * io-ts codec of an {@link ObservedIdentifier}: an identifier with its trust (`claimed` when
 * not given), when and where it was seen.
 *
 * @example
 * ```ts
 * import { ObservedIdentifierCodec } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = ObservedIdentifierCodec.decode({ kind: 'email', value: 'ana@example.com' });
 * if (E.isRight(r)) console.log(r.right.trust); // { level: 'claimed' }
 * ```
 */
export const ObservedIdentifierCodec: t.Type<
  ObservedIdentifier,
  z.input<typeof ObservedIdentifierSchema>,
  unknown
> = discriminatedUnion('ObservedIdentifier', 'kind', {
  email: strictObject('ObservedEmailIdentifier', { ...emailProps, ...observation }),
  phone: strictObject('ObservedPhoneIdentifier', { ...phoneProps, ...observation }),
  social: strictObject('ObservedSocialIdentifier', { ...socialProps, ...observation }),
  scoped_id: strictObject('ObservedScopedIdIdentifier', { ...scopedIdProps, ...observation }),
  account: strictObject('ObservedAccountIdentifier', { ...accountProps, ...observation }),
  device: strictObject('ObservedDeviceIdentifier', { ...deviceProps, ...observation }),
});

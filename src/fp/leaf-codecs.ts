import type * as t from 'io-ts';
import { type Channel, CustomChannelSchema, KNOWN_CHANNELS } from '../model/channel.js';
import {
  type CustomerId,
  CustomerIdSchema,
  type InteractionId,
  InteractionIdSchema,
  type JourneyId,
  JourneyIdSchema,
} from '../model/ids.js';
import { type Timestamp, TimestampSchema } from '../model/time.js';
import { RegionCodeSchema } from '../normalize/phone/phone.js';
import { SocialPlatformSchema } from '../normalize/social/platforms.js';
import { anyOf, oneOf, zodLeaf } from './combinators.js';

/**
 * io-ts codec of an {@link InteractionId}: 1 to 256 printable characters without whitespace,
 * decoded to the branded type.
 *
 * @example
 * ```ts
 * import { InteractionIdCodec } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * console.log(E.isRight(InteractionIdCodec.decode('zendesk:48151'))); // true
 * console.log(E.isRight(InteractionIdCodec.decode('has space'))); // false
 * ```
 */
export const InteractionIdCodec: t.Type<InteractionId, string, unknown> = zodLeaf(
  'InteractionId',
  InteractionIdSchema,
);

/**
 * io-ts codec of a {@link CustomerId}, decoded to the branded type.
 *
 * @example
 * ```ts
 * import { CustomerIdCodec } from 'threadline/fp';
 *
 * console.log(CustomerIdCodec.is('cus_42')); // true
 * ```
 */
export const CustomerIdCodec: t.Type<CustomerId, string, unknown> = zodLeaf(
  'CustomerId',
  CustomerIdSchema,
);

/**
 * io-ts codec of a {@link JourneyId}, decoded to the branded type.
 *
 * @example
 * ```ts
 * import { JourneyIdCodec } from 'threadline/fp';
 *
 * console.log(JourneyIdCodec.is('')); // false
 * ```
 */
export const JourneyIdCodec: t.Type<JourneyId, string, unknown> = zodLeaf(
  'JourneyId',
  JourneyIdSchema,
);

/**
 * io-ts codec of a {@link Timestamp}: an ISO 8601 date-time with `Z` or a numeric offset.
 *
 * @example
 * ```ts
 * import { TimestampCodec } from 'threadline/fp';
 *
 * console.log(TimestampCodec.is('2026-03-01T10:30:00+01:00'), TimestampCodec.is('yesterday')); // true false
 * ```
 */
export const TimestampCodec: t.Type<Timestamp, string, unknown> = zodLeaf(
  'Timestamp',
  TimestampSchema,
);

/**
 * io-ts codec of a {@link Channel}: one of the known channels, or `custom:` and a slug.
 *
 * @example
 * ```ts
 * import { ChannelCodec } from 'threadline/fp';
 *
 * console.log(['email', 'custom:kiosk', 'fax'].map((c) => ChannelCodec.is(c))); // [ true, true, false ]
 * ```
 */
export const ChannelCodec: t.Type<Channel, Channel, unknown> = anyOf('Channel', [
  oneOf('KnownChannel', KNOWN_CHANNELS),
  zodLeaf('CustomChannel', CustomChannelSchema),
]);

/** A two-letter upper-case region code, as the model's region fields hold. */
export const RegionCodeCodec = zodLeaf('RegionCode', RegionCodeSchema);

/** A social platform: a known one or a lower-case slug. */
export const SocialPlatformCodec = zodLeaf('SocialPlatform', SocialPlatformSchema);

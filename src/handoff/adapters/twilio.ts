import { z } from 'zod';
import type { Result } from '../../core/result.js';
import type { HandoffPacket } from '../packet/schema.js';
import { adapterOptions, maxBytes } from './options.js';
import { fitPayload, utf8Length } from './payload.js';

/**
 * Options of {@link toTwilioTaskAttributes}.
 *
 * @example
 * ```ts
 * import { TwilioTaskAttributesOptionsSchema } from 'threadline';
 *
 * console.log(TwilioTaskAttributesOptionsSchema.parse({}).maxBytes); // 16384
 * ```
 */
export const TwilioTaskAttributesOptionsSchema = z.strictObject({
  /** The limit on the attributes' JSON, in UTF-8 bytes (default 16,384). */
  maxBytes: maxBytes(16_384),
});

/**
 * Options of {@link toTwilioTaskAttributes}; see {@link TwilioTaskAttributesOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { TwilioTaskAttributesOptions } from 'threadline';
 *
 * const options: TwilioTaskAttributesOptions = { maxBytes: 8192 };
 * console.log(options.maxBytes);
 * ```
 */
export type TwilioTaskAttributesOptions = z.input<typeof TwilioTaskAttributesOptionsSchema>;

/**
 * Twilio TaskRouter task attributes carrying a packet: send `JSON.stringify` of it as the task's
 * `Attributes`, or merge it into your own.
 *
 * @example
 * ```ts
 * import type { TwilioTaskAttributes } from 'threadline';
 *
 * const route = (a: TwilioTaskAttributes) => a.threadline.reader;
 * console.log(typeof route);
 * ```
 */
export interface TwilioTaskAttributes {
  /** The packet, refitted to the limit. */
  readonly threadline: HandoffPacket;
}

/**
 * Makes Twilio TaskRouter (Flex) task attributes from a packet: the packet as a JSON object
 * under `threadline`, refitted so that the attributes' JSON stays within 16 KB by dropping the
 * least important lines first. Workflows can route on it (`threadline.reader == "agent"`).
 *
 * @param packet - a packet from {@link buildHandoff}.
 * @param options - the byte limit.
 * @returns the attributes, or an issue (`too_large`) when even the required lines do not fit.
 * @throws {@link ThreadlineError} `invalid_options` for bad options.
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys, toTwilioTaskAttributes } from 'threadline';
 *
 * const sms = parseInteraction({
 *   id: 'sms-1', channel: 'sms', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'Can someone call me about my refund?' }],
 * });
 * const [journey] = threadJourneys([sms], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [sms] }, { to: 'phone', now: '2026-03-01T10:00:00Z' });
 *   const attributes = toTwilioTaskAttributes(packet);
 *   if (attributes.ok) console.log(JSON.stringify(attributes.value).length <= 16_384); // true
 * }
 * ```
 */
export function toTwilioTaskAttributes(
  packet: HandoffPacket,
  options: TwilioTaskAttributesOptions = {},
): Result<TwilioTaskAttributes> {
  const o = adapterOptions(TwilioTaskAttributesOptionsSchema, options, 'Twilio task attributes');
  return fitPayload(
    packet,
    (p) => ({ threadline: p }),
    (attributes) => utf8Length(JSON.stringify(attributes)),
    o.maxBytes,
    'Twilio task attributes',
    'json',
  );
}

import { z } from 'zod';
import type { Result } from '../../core/result.js';
import type { HandoffPacket } from '../packet/schema.js';
import { adapterOptions, maxBytes, prefix } from './options.js';
import { fitPayload, flatAttributes, utf8Length } from './payload.js';

/**
 * Options of {@link toConnectAttributes}.
 *
 * @example
 * ```ts
 * import { ConnectAttributesOptionsSchema } from 'threadline';
 *
 * console.log(ConnectAttributesOptionsSchema.parse({}).maxBytes); // 32768
 * ```
 */
export const ConnectAttributesOptionsSchema = z.strictObject({
  /** The prefix of every attribute key (default `threadline_`). */
  prefix,
  /** The limit on all keys and values together, in UTF-8 bytes (default 32,768). */
  maxBytes: maxBytes(32_768),
});

/**
 * Options of {@link toConnectAttributes}; see {@link ConnectAttributesOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { ConnectAttributesOptions } from 'threadline';
 *
 * const options: ConnectAttributesOptions = { prefix: 'handoff_' };
 * console.log(options.prefix);
 * ```
 */
export type ConnectAttributesOptions = z.input<typeof ConnectAttributesOptionsSchema>;

/**
 * Amazon Connect contact attributes, as `UpdateContactAttributes` takes them.
 *
 * @example
 * ```ts
 * import type { ConnectAttributes } from 'threadline';
 *
 * const payload: ConnectAttributes = { Attributes: { threadline_issue: 'Parcel late [em-1]' } };
 * console.log(payload.Attributes.threadline_issue);
 * ```
 */
export interface ConnectAttributes {
  /** String key-values; keys use only letters, digits, dashes and underscores. */
  readonly Attributes: Readonly<Record<string, string>>;
}

/**
 * Makes Amazon Connect contact attributes from a packet: one string attribute per section,
 * each line citing its interactions, refitted so that all keys and values together stay within
 * 32 KB by dropping the least important lines first. Carries only what the packet shows.
 *
 * @param packet - a packet from {@link buildHandoff}.
 * @param options - the key prefix and the byte limit.
 * @returns the attributes, or an issue (`too_large`) when even the required lines do not fit.
 * @throws {@link ThreadlineError} `invalid_options` for bad options.
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys, toConnectAttributes } from 'threadline';
 *
 * const email = parseInteraction({
 *   id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'My order A-55123 has not arrived.' }],
 * });
 * const [journey] = threadJourneys([email], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [email] }, { to: 'phone', now: '2026-03-01T10:00:00Z' });
 *   const payload = toConnectAttributes(packet);
 *   if (payload.ok) console.log(payload.value.Attributes.threadline_to); // phone
 * }
 * ```
 */
export function toConnectAttributes(
  packet: HandoffPacket,
  options: ConnectAttributesOptions = {},
): Result<ConnectAttributes> {
  const o = adapterOptions(ConnectAttributesOptionsSchema, options, 'Amazon Connect attributes');
  return fitPayload(
    packet,
    (p) => ({ Attributes: flatAttributes(p, o.prefix) }),
    (payload) => {
      let n = 0;
      for (const [key, value] of Object.entries(payload.Attributes))
        n += utf8Length(key) + utf8Length(value);
      return n;
    },
    o.maxBytes,
    'Amazon Connect contact attributes',
    'text',
  );
}

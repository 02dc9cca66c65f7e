import { z } from 'zod';
import type { Result } from '../../core/result.js';
import type { HandoffPacket } from '../packet/schema.js';
import { adapterOptions, maxBytes, prefix } from './options.js';
import { fitPayload, flatAttributes, utf8Length } from './payload.js';

/**
 * Options of {@link toSunshinePassControl}.
 *
 * @example
 * ```ts
 * import { SunshinePassControlOptionsSchema } from 'threadline';
 *
 * console.log(SunshinePassControlOptionsSchema.parse({}).switchboardIntegration); // next
 * ```
 */
export const SunshinePassControlOptionsSchema = z.strictObject({
  /** The switchboard integration to pass control to: an id, a name, or `next` (default). */
  switchboardIntegration: z.string().min(1).max(256).default('next'),
  /** The prefix of every metadata key (default `threadline_`). */
  prefix,
  /** The metadata limit in UTF-8 bytes of its JSON (default 4,096, the platform's). */
  maxBytes: maxBytes(4096),
});

/**
 * Options of {@link toSunshinePassControl}; see {@link SunshinePassControlOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { SunshinePassControlOptions } from 'threadline';
 *
 * const options: SunshinePassControlOptions = { switchboardIntegration: 'zd-agentWorkspace' };
 * console.log(options.switchboardIntegration);
 * ```
 */
export type SunshinePassControlOptions = z.input<typeof SunshinePassControlOptionsSchema>;

/**
 * The body of a Sunshine Conversations `passControl` call.
 *
 * @example
 * ```ts
 * import type { SunshinePassControl } from 'threadline';
 *
 * const body: SunshinePassControl = { switchboardIntegration: 'next', metadata: { threadline_issue: 'Parcel late [em-1]' } };
 * console.log(Object.keys(body.metadata));
 * ```
 */
export interface SunshinePassControl {
  /** Where control goes. */
  readonly switchboardIntegration: string;
  /** Flat string key-values, within the metadata limit. */
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Makes the body of a Sunshine Conversations (Zendesk) `passControl` call from a packet: the
 * packet's sections as flat string metadata (one key per section, each line citing its
 * interactions), refitted so that the metadata's JSON stays within 4 KB by dropping the least
 * important lines first. Carries only what the packet already shows: redaction holds.
 *
 * @param packet - a packet from {@link buildHandoff}.
 * @param options - the target integration, the key prefix and the byte limit.
 * @returns the body, or an issue (`too_large`) when even the required lines do not fit.
 * @throws {@link ThreadlineError} `invalid_options` for bad options.
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys, toSunshinePassControl } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'whatsapp', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'My order A-55123 has not arrived.' }],
 * });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [chat] }, { to: 'whatsapp', now: '2026-03-01T10:00:00Z' });
 *   const body = toSunshinePassControl(packet, { switchboardIntegration: 'zd-agentWorkspace' });
 *   if (body.ok) console.log(body.value.metadata.threadline_issue); // My order A-55123 has not arrived. [chat-1]
 * }
 * ```
 */
export function toSunshinePassControl(
  packet: HandoffPacket,
  options: SunshinePassControlOptions = {},
): Result<SunshinePassControl> {
  const o = adapterOptions(SunshinePassControlOptionsSchema, options, 'Sunshine passControl');
  return fitPayload(
    packet,
    (p) => ({
      switchboardIntegration: o.switchboardIntegration,
      metadata: flatAttributes(p, o.prefix),
    }),
    (body) => utf8Length(JSON.stringify(body.metadata)),
    o.maxBytes,
    'Sunshine Conversations passControl metadata',
    'text',
  );
}

import { z } from 'zod';
import type { Result } from '../../core/result.js';
import type { HandoffPacket } from '../packet/schema.js';
import { adapterOptions, maxBytes } from './options.js';
import { fitPayload, utf8Length } from './payload.js';

/**
 * Options of {@link toBotFrameworkHandoff}.
 *
 * @example
 * ```ts
 * import { BotFrameworkHandoffOptionsSchema } from 'threadline';
 *
 * console.log(BotFrameworkHandoffOptionsSchema.parse({}).maxBytes); // 262144
 * ```
 */
export const BotFrameworkHandoffOptionsSchema = z.strictObject({
  /**
   * The limit on the activity's JSON, in UTF-8 bytes (default 262,144). Bot Framework channels
   * accept different sizes: set your channel's.
   */
  maxBytes: maxBytes(262_144),
});

/**
 * Options of {@link toBotFrameworkHandoff}; see {@link BotFrameworkHandoffOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { BotFrameworkHandoffOptions } from 'threadline';
 *
 * const options: BotFrameworkHandoffOptions = { maxBytes: 28_000 };
 * console.log(options.maxBytes);
 * ```
 */
export type BotFrameworkHandoffOptions = z.input<typeof BotFrameworkHandoffOptionsSchema>;

/**
 * One message of the transcript attachment of a Bot Framework handoff.
 *
 * @example
 * ```ts
 * import type { TranscriptActivity } from 'threadline';
 *
 * const line: TranscriptActivity = { type: 'message', from: { role: 'user' }, text: 'Where is my order?' };
 * console.log(line.from.role); // user
 * ```
 */
export interface TranscriptActivity {
  readonly type: 'message';
  readonly from: { readonly role: 'user' | 'bot' };
  readonly text: string;
  readonly timestamp?: string;
}

/**
 * A Bot Framework `handoff.initiate` event activity, ready for the SDK to address and send
 * (it fills in `id`, `conversation`, `from`, `relatesTo` and the channel fields).
 *
 * @example
 * ```ts
 * import type { BotFrameworkHandoff } from 'threadline';
 *
 * const isHandoff = (a: BotFrameworkHandoff) => a.name === 'handoff.initiate';
 * console.log(typeof isHandoff);
 * ```
 */
export interface BotFrameworkHandoff {
  /** Always `event`. */
  readonly type: 'event';
  /** The handoff protocol's initiation event. */
  readonly name: 'handoff.initiate';
  /** When the packet was built. */
  readonly timestamp: string;
  /** The handoff context for the agent hub: the packet, refitted to the limit. */
  readonly value: HandoffPacket;
  /** The transcript, as the Bot Framework handoff protocol attaches it. */
  readonly attachments: readonly [
    {
      readonly name: 'Transcript';
      readonly contentType: 'application/json';
      readonly content: { readonly activities: readonly TranscriptActivity[] };
    },
  ];
}

const fromRole = (role: string): { role: 'user' | 'bot' } => ({
  role: role === 'customer' ? 'user' : 'bot',
});

/**
 * The transcript attachment, made only from the packet's redacted quotes: the issue line, the
 * summary sentences and the customer's latest message, in that order, never from the raw
 * interactions.
 */
function transcript(p: HandoffPacket): TranscriptActivity[] {
  const out: TranscriptActivity[] = [
    { type: 'message', from: fromRole('customer'), text: p.issue.line.text },
  ];
  for (const s of p.issue.summary)
    out.push({ type: 'message', from: fromRole(s.role), text: s.text });
  if (p.latest !== undefined) {
    out.push({
      type: 'message',
      from: fromRole('customer'),
      text: p.latest.text,
      timestamp: p.latest.at,
    });
  }
  return out;
}

/**
 * Makes a Bot Framework `handoff.initiate` event from a packet: the packet as the event's
 * `value` (the agent hub's context) and a transcript attachment built from the packet's
 * redacted quotes, refitted so that the activity's JSON stays within `maxBytes`.
 *
 * @param packet - a packet from {@link buildHandoff}.
 * @param options - the byte limit.
 * @returns the event, or an issue (`too_large`) when even the required lines do not fit.
 * @throws {@link ThreadlineError} `invalid_options` for bad options.
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys, toBotFrameworkHandoff } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'I need a human, please.' }],
 * });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [chat] }, { to: 'chat', now: '2026-03-01T09:01:00Z' });
 *   const event = toBotFrameworkHandoff(packet);
 *   if (event.ok) console.log(event.value.name, event.value.attachments[0].name); // handoff.initiate Transcript
 * }
 * ```
 */
export function toBotFrameworkHandoff(
  packet: HandoffPacket,
  options: BotFrameworkHandoffOptions = {},
): Result<BotFrameworkHandoff> {
  const o = adapterOptions(BotFrameworkHandoffOptionsSchema, options, 'Bot Framework handoff');
  return fitPayload(
    packet,
    (p): BotFrameworkHandoff => ({
      type: 'event',
      name: 'handoff.initiate',
      timestamp: p.builtAt,
      value: p,
      attachments: [
        {
          name: 'Transcript',
          contentType: 'application/json',
          content: { activities: transcript(p) },
        },
      ],
    }),
    (activity) => utf8Length(JSON.stringify(activity)),
    o.maxBytes,
    'Bot Framework handoff.initiate',
    'json',
  );
}

import { z } from 'zod';
import { ChannelSchema } from '../../model/channel.js';
import { CustomerIdSchema, InteractionIdSchema, JourneyIdSchema } from '../../model/ids.js';
import { RoleSchema } from '../../model/interaction.js';
import { JourneyStatusSchema } from '../../model/journey.js';
import { TimestampSchema } from '../../model/time.js';
import { ConversationSideSchema, FactKindSchema } from '../extract/schema.js';

/**
 * Who will read a handoff packet: a human `agent`, a `bot`, or the `customer` themselves. The
 * reader decides what the packet may hold (see the redaction rules in `docs/handoff.md`).
 *
 * @example
 * ```ts
 * import { HandoffReaderSchema } from 'threadline';
 *
 * console.log(HandoffReaderSchema.options); // [ 'agent', 'bot', 'customer' ]
 * ```
 */
export const HandoffReaderSchema = z.enum(['agent', 'bot', 'customer']);

/**
 * A packet reader; see {@link HandoffReaderSchema}.
 *
 * @example
 * ```ts
 * import type { HandoffReader } from 'threadline';
 *
 * const reader: HandoffReader = 'bot';
 * console.log(reader);
 * ```
 */
export type HandoffReader = z.infer<typeof HandoffReaderSchema>;

/**
 * How a packet is rendered: `json` for machines, `markdown` for an agent desktop, `text` for a
 * phone whisper or an SMS.
 *
 * @example
 * ```ts
 * import { HandoffFormatSchema } from 'threadline';
 *
 * console.log(HandoffFormatSchema.options); // [ 'json', 'markdown', 'text' ]
 * ```
 */
export const HandoffFormatSchema = z.enum(['json', 'markdown', 'text']);

/**
 * A rendering format; see {@link HandoffFormatSchema}.
 *
 * @example
 * ```ts
 * import type { HandoffFormat } from 'threadline';
 *
 * const format: HandoffFormat = 'markdown';
 * console.log(format);
 * ```
 */
export type HandoffFormat = z.infer<typeof HandoffFormatSchema>;

/**
 * The most a rendered packet may take: `{ chars: n }` counts UTF-16 code units (as
 * `String.length` does); `{ tokens: n }` counts tokens as `estimateTokens` estimates them.
 *
 * @example
 * ```ts
 * import { HandoffBudgetSchema } from 'threadline';
 *
 * console.log(HandoffBudgetSchema.safeParse({ tokens: 300 }).success); // true
 * console.log(HandoffBudgetSchema.safeParse({ chars: 0 }).success); // false
 * ```
 */
export const HandoffBudgetSchema = z.union([
  z.strictObject({
    /** The most characters (UTF-16 code units). */
    chars: z.number().int().min(1).max(10_000_000),
  }),
  z.strictObject({
    /** The most tokens, as `estimateTokens` counts them. */
    tokens: z.number().int().min(1).max(2_500_000),
  }),
]);

/**
 * A budget; see {@link HandoffBudgetSchema}.
 *
 * @example
 * ```ts
 * import type { HandoffBudget } from 'threadline';
 *
 * const sms: HandoffBudget = { chars: 320 };
 * console.log(sms);
 * ```
 */
export type HandoffBudget = z.infer<typeof HandoffBudgetSchema>;

/**
 * The interactions a line came from, oldest first. When more than three are behind a line, the
 * oldest and the two most recent are named, so that a line stays short in a long journey.
 */
const cites = z.array(InteractionIdSchema).min(1).max(3).readonly();

const durationMs = z.number().int().nonnegative();

const WhoSchema = z
  .strictObject({
    /** The identity line: who this is, how sure we are, how they were verified. Never dropped. */
    line: z.string().min(1),
    /** Where the line's claims come from. */
    cites,
    /** The resolved customer, when a customer record was given and the reader may see it. */
    customerId: CustomerIdSchema.optional(),
    /** The customer's name, unless the target channel is public. */
    name: z.string().optional(),
    /** How sure we are that all of this is one person, when known and the reader may see it. */
    identity: z
      .strictObject({
        /** `resolver` when the resolver's evidence was given, `customer` when it was derived
         * from the customer record's identifier confidences. */
        source: z.enum(['resolver', 'customer']),
        /** The probability that the journey's interactions are one person. */
        probability: z.number().min(0).max(1),
        /** The match weight in bits, when the resolver gave one. */
        weight: z.number().optional(),
        /** The resolver's waterfall (agents only; dropped first when space is short). */
        steps: z
          .array(
            z
              .strictObject({
                /** The comparison (or `prior`). */
                name: z.string(),
                /** Its level, in words. */
                label: z.string().optional(),
                /** Its contribution in bits. */
                weight: z.number(),
              })
              .readonly(),
          )
          .readonly()
          .optional(),
        /** Guards that limited the decision. */
        guards: z.array(z.string()).readonly(),
      })
      .readonly()
      .optional(),
    /** How the customer was verified in this journey: which identifier, how, on which channel. */
    verified: z
      .array(
        z
          .strictObject({
            /** The identifier's kind. */
            kind: z.enum(['email', 'phone', 'social', 'scoped_id', 'account', 'device']),
            /** How it was verified. */
            method: z.enum(['login', 'otp', 'channel_native', 'sso', 'document', 'agent', 'other']),
            /** The channel it was verified on. */
            channel: ChannelSchema,
            /** The identifier as the reader may see it (masked); absent when withheld. */
            value: z.string().optional(),
            /** The latest interaction where it was verified that way. */
            cites,
          })
          .readonly(),
      )
      .readonly(),
    /** The customer's linked identifiers at or above the disclosure threshold (agents only). */
    identifiers: z
      .array(
        z
          .strictObject({
            /** The identifier's kind. */
            kind: z.enum(['email', 'phone', 'social', 'scoped_id', 'account', 'device']),
            /** The value, masked unless the options reveal it. */
            value: z.string(),
            /** True when `value` is masked. */
            masked: z.boolean(),
            /** True when it was ever seen verified. */
            verified: z.boolean(),
            /** How confident the resolver is that it belongs to this customer. */
            confidence: z.number().min(0).max(1),
            /** The latest interactions it was seen in; empty when an agent attached it by hand. */
            cites: z.array(InteractionIdSchema).max(3).readonly(),
          })
          .readonly(),
      )
      .readonly(),
  })
  .readonly();

const lineShape = {
  /** The text, in the writer's words where it quotes them, redacted for the reader. */
  text: z.string(),
  /** Where it came from. */
  cites,
};

/**
 * A handoff packet: what the next reader on the next channel needs, so that the customer never
 * has to tell the story again. Every line cites the interactions it came from; personal values
 * are masked or withheld for the reader and channel (see `redaction`); lower-priority lines were
 * dropped to fit the budget (see `fit`), but never the identity line, the issue line or the
 * customer's latest message. Plain JSON; deterministic for the same input and options.
 *
 * @example
 * ```ts
 * import { buildHandoff, HandoffPacketSchema, parseInteraction, threadJourneys } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'My order A-55123 has not arrived.' }],
 * });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [chat] }, { to: 'phone', now: '2026-03-01T10:00:00Z' });
 *   console.log(HandoffPacketSchema.safeParse(packet).success); // true
 * }
 * ```
 */
export const HandoffPacketSchema = z
  .strictObject({
    /** The packet format's version. */
    version: z.literal(1),
    /** The journey handed off. */
    journeyId: JourneyIdSchema,
    /** Where the journey stands. */
    status: JourneyStatusSchema,
    /** The `now` the packet was built for. */
    builtAt: TimestampSchema,
    /** The channel the packet is for. */
    to: z
      .strictObject({
        /** The target channel. */
        channel: ChannelSchema,
        /** Its name for people. */
        label: z.string(),
        /** Whether a reply there is seen by the public. */
        visibility: z.enum(['public', 'private']),
      })
      .readonly(),
    /** Who the packet is for. */
    reader: HandoffReaderSchema,
    /** Who the customer is. */
    who: WhoSchema,
    /** The issue: one line in the customer's words (never dropped) and a short summary. */
    issue: z
      .strictObject({
        /** The issue line. */
        line: z.strictObject(lineShape).readonly(),
        /** What happened so far, sentence by sentence, in dialog order. */
        summary: z
          .array(
            z
              .strictObject({
                /** Who wrote the sentence. */
                role: RoleSchema,
                ...lineShape,
              })
              .readonly(),
          )
          .readonly(),
      })
      .readonly(),
    /** The customer's latest message (never dropped); absent when the customer never wrote. */
    latest: z
      .strictObject({
        ...lineShape,
        /** When it was written. */
        at: TimestampSchema,
        /** Where. */
        channel: ChannelSchema,
      })
      .readonly()
      .optional(),
    /** The hops across channels, oldest first, with times and gaps. */
    timeline: z
      .array(
        z
          .strictObject({
            /** The channel. */
            channel: ChannelSchema,
            /** Its name for people. */
            label: z.string(),
            /** The side of a channel with public and private sides, when known. */
            visibility: z.enum(['public', 'private']).optional(),
            /** When the hop started. */
            startedAt: TimestampSchema,
            /** When it ended. */
            endedAt: TimestampSchema,
            /** From start to end. */
            durationMs,
            /** Idle time before it. */
            gapBeforeMs: durationMs,
            /** The first reply's delay in the hop, when there was one. */
            firstResponseMs: durationMs.optional(),
            /** How many interactions the hop holds. */
            interactions: z.number().int().positive(),
            /** The hop's first and latest interactions. */
            cites,
          })
          .readonly(),
      )
      .readonly(),
    /** Details already given, so that nobody asks again. */
    facts: z
      .array(
        z
          .strictObject({
            /** What the value is. */
            kind: FactKindSchema,
            /** The value as the reader may see it. */
            value: z.string(),
            /** True when `value` is masked. */
            masked: z.boolean(),
            /** True when any sighting was verified (a verified identifier, a system reference). */
            verified: z.boolean(),
            /** When it was first given. */
            firstSeen: TimestampSchema,
            /** Where it was first given, verified, and last seen. */
            cites,
          })
          .readonly(),
      )
      .readonly(),
    /** What was already done, oldest first. */
    tried: z
      .array(
        z
          .strictObject({
            /** Who did it. */
            by: ConversationSideSchema,
            /** The role of the writer. */
            author: RoleSchema,
            /** What was done, as a verb lemma, when recognised. */
            action: z.string().optional(),
            ...lineShape,
            /** When it was reported. */
            at: TimestampSchema,
          })
          .readonly(),
      )
      .readonly(),
    /** Promises made, oldest first, with due times and whether they are overdue. */
    promised: z
      .array(
        z
          .strictObject({
            /** Who promised. */
            by: ConversationSideSchema,
            /** The role of the writer. */
            author: RoleSchema,
            /** What was promised, as a verb lemma. */
            action: z.string(),
            ...lineShape,
            /** The words that set the time, when any. */
            dueText: z.string().optional(),
            /** The due time, when the words give one. */
            due: TimestampSchema.optional(),
            /** When it was made. */
            madeAt: TimestampSchema,
            /** True when it was kept. */
            fulfilled: z.boolean(),
            /** True when it is due before `builtAt` and was not kept. */
            overdue: z.boolean(),
          })
          .readonly(),
      )
      .readonly(),
    /** Questions asked and not yet answered, on either side, oldest first. */
    openQuestions: z
      .array(
        z
          .strictObject({
            /** Who asked. */
            by: ConversationSideSchema,
            /** The role of the asker. */
            author: RoleSchema,
            ...lineShape,
            /** When it was asked. */
            askedAt: TimestampSchema,
          })
          .readonly(),
      )
      .readonly(),
    /** Effort and mood: repeat contacts, channel switches, waiting time, sentiment trend. */
    signals: z
      .array(
        z
          .strictObject({
            /** Which signal. */
            kind: z.enum(['repeat_contacts', 'channel_switches', 'waiting', 'sentiment']),
            /** Its value: a count, milliseconds waited, or the latest mood in [-1, 1]. */
            value: z.number(),
            ...lineShape,
          })
          .readonly(),
      )
      .readonly(),
    /** The target channel's service expectations and the customer's wait so far. */
    serviceClock: z
      .strictObject({
        /** The target channel. */
        channel: ChannelSchema,
        /** Whether customers wait on the line there. */
        synchronous: z.boolean(),
        /** The first reply customers expect there. */
        expectedFirstResponseMs: durationMs,
        /** The resolution time customers expect there. */
        expectedResolutionMs: durationMs,
        /** How long the customer has waited for answers, across channels, until `builtAt`. */
        waitedMs: durationMs,
        /** The part of `waitedMs` still running: an unanswered customer message. */
        openWaitMs: durationMs,
        /** When the running wait began, if the customer is waiting. */
        waitingSince: TimestampSchema.optional(),
        /** From the journey's first contact to `builtAt`. */
        elapsedMs: durationMs,
        ...lineShape,
      })
      .readonly()
      .optional(),
    /** An abstractive summary from a plugged-in summarizer, when one was used and fitted. */
    abstract: z
      .strictObject({
        /** The summarizer's text, redacted and cut to the room left in the budget. */
        text: z.string().min(1),
        /** Always `summarizer`: this text is not deterministic. */
        source: z.literal('summarizer'),
      })
      .readonly()
      .optional(),
    /** What was masked or withheld, and why (counts only: never the values). */
    redaction: z
      .strictObject({
        /** Whether the options asked to reveal identifiers to an agent. */
        reveal: z.boolean(),
        /** Linked identifiers below this confidence are never shown. */
        disclosureThreshold: z.number().min(0).max(1),
        /** One entry per kind of thing, action and reason. */
        entries: z
          .array(
            z
              .strictObject({
                /** What was redacted. */
                what: z.enum([
                  'identifier',
                  'verification',
                  'fact',
                  'text',
                  'name',
                  'customer_id',
                  'identity',
                  'evidence',
                  'timeline',
                  'signals',
                  'service_clock',
                  'internal_line',
                ]),
                /** The identifier or fact kind, for values. */
                kind: z.string().optional(),
                /** `masked`: shown in part; `withheld`: left out. */
                action: z.enum(['masked', 'withheld']),
                /** Why: the default masking of identifiers, the reader, a public target channel,
                 * or a link below the disclosure threshold. */
                reason: z.enum([
                  'masked_by_default',
                  'reader',
                  'public_channel',
                  'disclosure_threshold',
                ]),
                /** How many. */
                count: z.number().int().positive(),
              })
              .readonly(),
          )
          .readonly(),
      })
      .readonly(),
    /** How the packet was fitted to its budget. */
    fit: z
      .strictObject({
        /** The budget's unit: `bytes` (UTF-8) when an adapter fitted the packet to a platform limit. */
        unit: z.enum(['chars', 'tokens', 'bytes']),
        /** The budget. */
        limit: z.number().int().positive(),
        /** The format the budget applies to. */
        format: HandoffFormatSchema,
        /** Lines dropped for space, per section. */
        omitted: z
          .array(
            z
              .strictObject({
                /** The section. */
                section: z.string(),
                /** How many of its lines were dropped. */
                count: z.number().int().positive(),
              })
              .readonly(),
          )
          .readonly(),
        /** Lines that were shortened because even the required lines did not fit. */
        truncated: z.array(z.enum(['who', 'issue', 'latest'])).readonly(),
      })
      .readonly(),
  })
  .readonly();

/**
 * A handoff packet; see {@link HandoffPacketSchema}.
 *
 * @example
 * ```ts
 * import type { HandoffPacket } from 'threadline';
 *
 * const overdue = (p: HandoffPacket) => p.promised.filter((x) => x.overdue).length;
 * console.log(typeof overdue); // function
 * ```
 */
export type HandoffPacket = z.infer<typeof HandoffPacketSchema>;

import { z } from 'zod';
import { ChannelSchema } from '../model/channel.js';
import { InteractionIdSchema, JourneyIdSchema } from '../model/ids.js';
import { ReferenceKindSchema } from '../model/reference.js';
import { TimestampSchema } from '../model/time.js';
import { SwitchTargetSchema } from './cues.js';

/**
 * The thread-key fields of an interaction (see `ThreadKeysSchema`), plus `id`: a call's
 * `previousContactId` may name an earlier interaction by its id.
 *
 * @example
 * ```ts
 * import { ThreadHeaderSchema } from 'threadline';
 *
 * console.log(ThreadHeaderSchema.options.includes('inReplyTo')); // true
 * ```
 */
export const ThreadHeaderSchema = z.enum([
  'id',
  'messageId',
  'inReplyTo',
  'references',
  'postId',
  'inReplyToPostId',
  'conversationId',
  'previousContactId',
]);

/**
 * A thread-key field; see {@link ThreadHeaderSchema}.
 *
 * @example
 * ```ts
 * import type { ThreadHeader } from 'threadline';
 *
 * const header: ThreadHeader = 'previousContactId';
 * console.log(header);
 * ```
 */
export type ThreadHeader = z.infer<typeof ThreadHeaderSchema>;

/**
 * The interaction shares a reference number (order, ticket, booking…) with the journey.
 *
 * @example
 * ```ts
 * import { ReferenceEvidenceSchema } from 'threadline';
 *
 * const e = ReferenceEvidenceSchema.parse({
 *   kind: 'reference', referenceKind: 'order', value: '#A-55123', key: 'A55123', origin: 'extracted',
 *   matchedInteractionId: 'em-1', matchedReferenceKind: 'order',
 * });
 * console.log(e.key); // A55123
 * ```
 */
export const ReferenceEvidenceSchema = z
  .strictObject({
    kind: z.literal('reference'),
    /** The kind of the reference in this interaction. */
    referenceKind: ReferenceKindSchema,
    /** The reference as written in this interaction. */
    value: z.string().min(1),
    /** The normalized value both sides share (upper-case letters and digits). */
    key: z.string().min(1),
    /** Whether this interaction's source system gave it or it was found in the text. */
    origin: z.enum(['provided', 'extracted']),
    /** The first interaction of the journey that carried it. */
    matchedInteractionId: InteractionIdSchema,
    /** The reference's kind in that interaction. */
    matchedReferenceKind: ReferenceKindSchema,
  })
  .readonly();

/**
 * The interaction continues a channel thread: an email reply header, a reply to a post, a
 * shared conversation id, a call's previous-contact id.
 *
 * @example
 * ```ts
 * import { ThreadKeyEvidenceSchema } from 'threadline';
 *
 * const e = ThreadKeyEvidenceSchema.parse({
 *   kind: 'thread_key', header: 'inReplyTo', value: '<a1@shop.example>',
 *   matchedInteractionId: 'em-1', matchedHeader: 'messageId',
 * });
 * console.log(e.header, e.matchedHeader); // inReplyTo messageId
 * ```
 */
export const ThreadKeyEvidenceSchema = z
  .strictObject({
    kind: z.literal('thread_key'),
    /** The field of this interaction that matched. */
    header: ThreadHeaderSchema,
    /** Its value, as given. */
    value: z.string().min(1),
    /** The first interaction of the journey with the same key. */
    matchedInteractionId: InteractionIdSchema,
    /** The field of that interaction holding the key. */
    matchedHeader: ThreadHeaderSchema,
  })
  .readonly();

/**
 * Someone in the journey announced a move to this interaction's channel ("please call us on…",
 * "DM us your booking ref") and this interaction came within the cue window.
 *
 * @example
 * ```ts
 * import { ChannelSwitchEvidenceSchema } from 'threadline';
 *
 * const e = ChannelSwitchEvidenceSchema.parse({
 *   kind: 'channel_switch', cueId: 'business-call-us', speaker: 'business', text: 'please call us',
 *   target: 'phone', cueInteractionId: 'chat-1', cueMessageIndex: 3, cueAt: '2026-03-01T09:05:00Z',
 *   elapsedMs: 1_200_000, windowMs: 259_200_000,
 * });
 * console.log(e.text); // please call us
 * ```
 */
export const ChannelSwitchEvidenceSchema = z
  .strictObject({
    kind: z.literal('channel_switch'),
    /** The id of the cue-table row. */
    cueId: z.string().min(1),
    /** Who said it. */
    speaker: z.enum(['business', 'customer']),
    /** The cue as written in the message. */
    text: z.string().min(1),
    /** Where the cue said the conversation would continue. */
    target: SwitchTargetSchema,
    /** The interaction whose message carried the cue. */
    cueInteractionId: InteractionIdSchema,
    /** The index of that message in the interaction. */
    cueMessageIndex: z.number().int().nonnegative(),
    /** When the cue was said. */
    cueAt: TimestampSchema,
    /** From the cue to the start of this interaction. */
    elapsedMs: z.number().int().nonnegative(),
    /** How long a cue stays valid. */
    windowMs: z.number().int().nonnegative(),
  })
  .readonly();

/**
 * The customer's words in this interaction resemble the journey's (bag-of-words cosine).
 *
 * @example
 * ```ts
 * import { TopicEvidenceSchema } from 'threadline';
 *
 * const e = TopicEvidenceSchema.parse({
 *   kind: 'topic', similarity: 0.67, threshold: 0.3, sharedTerms: ['cat', 'dos', 'vitamin'],
 * });
 * console.log(e.sharedTerms.join(' ')); // cat dos vitamin
 * ```
 */
export const TopicEvidenceSchema = z
  .strictObject({
    kind: z.literal('topic'),
    /** Cosine similarity of the two term sets, in [0, 1]. */
    similarity: z.number().min(0).max(1),
    /** The threshold it was compared with. */
    threshold: z.number().min(0).max(1),
    /** Up to ten shared terms (stemmed), sorted. */
    sharedTerms: z.array(z.string()).readonly(),
  })
  .readonly();

/**
 * The interaction came within the continuation window of the journey's last activity.
 *
 * @example
 * ```ts
 * import { TimeWindowEvidenceSchema } from 'threadline';
 *
 * const e = TimeWindowEvidenceSchema.parse({
 *   kind: 'time_window', channel: 'chat', elapsedMs: 600_000, windowMs: 7_200_000,
 * });
 * console.log(e.elapsedMs < e.windowMs); // true
 * ```
 */
export const TimeWindowEvidenceSchema = z
  .strictObject({
    kind: z.literal('time_window'),
    /** The channel whose window applied (the longer of the journey's last and this one's). */
    channel: ChannelSchema,
    /** From the journey's last activity to the start of this interaction. */
    elapsedMs: z.number().int().nonnegative(),
    /** The window. */
    windowMs: z.number().int().nonnegative(),
  })
  .readonly();

/**
 * The journey had been resolved and the customer came back about the same thing.
 *
 * @example
 * ```ts
 * import { ReopenEvidenceSchema } from 'threadline';
 *
 * const e = ReopenEvidenceSchema.parse({
 *   kind: 'reopen', resolvedInteractionId: 'em-2', resolvedAt: '2026-03-02T10:00:00Z',
 *   elapsedMs: 864_000_000,
 * });
 * console.log(e.elapsedMs / 86_400_000); // 10
 * ```
 */
export const ReopenEvidenceSchema = z
  .strictObject({
    kind: z.literal('reopen'),
    /** The interaction that resolved the journey. */
    resolvedInteractionId: InteractionIdSchema,
    /** When it was resolved. */
    resolvedAt: TimestampSchema,
    /** From the resolution to the start of this interaction. */
    elapsedMs: z.number().int().nonnegative(),
  })
  .readonly();

/**
 * Why an interaction opened a new journey, with the closest journey it was compared with.
 *
 * - `first_contact`: there was no journey yet.
 * - `outside_window`: no journey was active within its window, and nothing stronger linked one.
 * - `different_topic`: journeys were within their window, but the words did not match.
 * - `insufficient_evidence`: journeys were within their window, but there was nothing to
 *   compare and the most recent one was resolved.
 *
 * @example
 * ```ts
 * import { NewJourneyEvidenceSchema } from 'threadline';
 *
 * const e = NewJourneyEvidenceSchema.parse({ kind: 'new_journey', reason: 'outside_window' });
 * console.log(e.reason); // outside_window
 * ```
 */
export const NewJourneyEvidenceSchema = z
  .strictObject({
    kind: z.literal('new_journey'),
    /** Why no existing journey was chosen. */
    reason: z.enum(['first_contact', 'outside_window', 'different_topic', 'insufficient_evidence']),
    /** The journey that came closest, when there was one. */
    closest: z
      .strictObject({
        /** Its id. */
        journeyId: JourneyIdSchema,
        /** The topic similarity, when both sides had enough words to compare. */
        similarity: z.number().min(0).max(1).optional(),
        /** From its last activity to this interaction. */
        elapsedMs: z.number().int().nonnegative(),
        /** Its window. */
        windowMs: z.number().int().nonnegative(),
      })
      .readonly()
      .optional(),
  })
  .readonly();

/**
 * One piece of evidence behind a journey assignment, discriminated by `kind`.
 *
 * @example
 * ```ts
 * import { JourneyEvidenceSchema } from 'threadline';
 *
 * const e = JourneyEvidenceSchema.parse({ kind: 'new_journey', reason: 'first_contact' });
 * console.log(e.kind); // new_journey
 * ```
 */
export const JourneyEvidenceSchema = z.discriminatedUnion('kind', [
  ReferenceEvidenceSchema,
  ThreadKeyEvidenceSchema,
  ChannelSwitchEvidenceSchema,
  TopicEvidenceSchema,
  TimeWindowEvidenceSchema,
  ReopenEvidenceSchema,
  NewJourneyEvidenceSchema,
]);

/**
 * Evidence behind an assignment; see {@link JourneyEvidenceSchema}.
 *
 * @example
 * ```ts
 * import type { JourneyEvidence } from 'threadline';
 *
 * const describe = (e: JourneyEvidence) => (e.kind === 'reference' ? `shares ${e.key}` : e.kind);
 * console.log(describe({ kind: 'new_journey', reason: 'first_contact' })); // new_journey
 * ```
 */
export type JourneyEvidence = z.infer<typeof JourneyEvidenceSchema>;

/**
 * Which journey an interaction went to, and why. Evidence comes in a fixed order: thread keys,
 * references, channel switch, topic, time window, reopen; or a single `new_journey`.
 *
 * When one interaction ties several journeys together (it quotes two of their reference
 * numbers, say), they merge into the oldest; `mergedJourneyIds` names the others, which no
 * longer exist. Earlier assignments keep the id they were given; the journeys themselves
 * are the final word on membership.
 *
 * @example
 * ```ts
 * import { JourneyAssignmentSchema } from 'threadline';
 *
 * const a = JourneyAssignmentSchema.parse({
 *   interactionId: 'chat-1', journeyId: 'jny_1', decision: 'new', mergedJourneyIds: [],
 *   evidence: [{ kind: 'new_journey', reason: 'first_contact' }],
 * });
 * console.log(a.decision); // new
 * ```
 */
export const JourneyAssignmentSchema = z
  .strictObject({
    /** The interaction assigned. */
    interactionId: InteractionIdSchema,
    /** The journey it went to, as it was named at that moment. */
    journeyId: JourneyIdSchema,
    /** `joined` an existing journey, or opened a `new` one. */
    decision: z.enum(['joined', 'new']),
    /** Why. */
    evidence: z.array(JourneyEvidenceSchema).min(1).readonly(),
    /** Journeys this interaction merged into `journeyId`. */
    mergedJourneyIds: z.array(JourneyIdSchema).readonly(),
  })
  .readonly();

/**
 * One assignment; see {@link JourneyAssignmentSchema}.
 *
 * @example
 * ```ts
 * import { threadJourneys, type JourneyAssignment } from 'threadline';
 *
 * const { assignments } = threadJourneys([], { customerId: 'cus-1' });
 * const log: readonly JourneyAssignment[] = assignments;
 * console.log(log.length); // 0
 * ```
 */
export type JourneyAssignment = z.infer<typeof JourneyAssignmentSchema>;

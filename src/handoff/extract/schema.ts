import { z } from 'zod';
import { InteractionIdSchema } from '../../model/ids.js';
import { RoleSchema } from '../../model/interaction.js';
import { TimestampSchema } from '../../model/time.js';
import { CitationObjectSchema, CitationSchema } from '../citation.js';

/**
 * What a fact is: a person's details (`name`, `email`, `phone`, `username`, `account_id`,
 * `social_handle`), a reference number (`order_id`, `ticket`, `booking`, `tracking`, `invoice`,
 * or another `reference`), a place (`address`, `postcode`), an `amount` of money, a `date`, or a
 * `product` the customer named.
 *
 * @example
 * ```ts
 * import { FactKindSchema } from 'threadline';
 *
 * console.log(FactKindSchema.options.includes('order_id')); // true
 * ```
 */
export const FactKindSchema = z.enum([
  'name',
  'email',
  'phone',
  'username',
  'account_id',
  'social_handle',
  'order_id',
  'ticket',
  'booking',
  'tracking',
  'invoice',
  'reference',
  'address',
  'postcode',
  'amount',
  'date',
  'product',
]);

/**
 * A fact kind; see {@link FactKindSchema}.
 *
 * @example
 * ```ts
 * import type { FactKind } from 'threadline';
 *
 * const kind: FactKind = 'postcode';
 * console.log(kind);
 * ```
 */
export type FactKind = z.infer<typeof FactKindSchema>;

/**
 * Which side of the conversation a line belongs to: the `customer`, or the `business` (agents,
 * bots and the helpdesk's own system messages).
 *
 * @example
 * ```ts
 * import { ConversationSideSchema } from 'threadline';
 *
 * console.log(ConversationSideSchema.options); // [ 'customer', 'business' ]
 * ```
 */
export const ConversationSideSchema = z.enum(['customer', 'business']);

/**
 * A side of the conversation; see {@link ConversationSideSchema}.
 *
 * @example
 * ```ts
 * import type { ConversationSide } from 'threadline';
 *
 * const side: ConversationSide = 'business';
 * console.log(side);
 * ```
 */
export type ConversationSide = z.infer<typeof ConversationSideSchema>;

/**
 * How a fact was recognised at one place:
 *
 * - `identifier`: an identifier the channel reported (its trust decides `verified`);
 * - `reference`: a reference number attached to the interaction by the source system;
 * - `participant`: the display name of the customer participant;
 * - `keyword`: a reference number announced by a keyword in the text (`order #A-55123`);
 * - `label`: a value the customer labelled (`Username: cminh730`, `my name is Ana Souza`);
 * - `answer`: a bare value the customer gave right after being asked for that kind of detail;
 * - `shape`: a value whose form alone is enough (an email address, `(977) 625-2661`, `$45.00`).
 *
 * @example
 * ```ts
 * import { FactEvidenceSchema } from 'threadline';
 *
 * console.log(FactEvidenceSchema.options.length); // 7
 * ```
 */
export const FactEvidenceSchema = z.enum([
  'identifier',
  'reference',
  'participant',
  'keyword',
  'label',
  'answer',
  'shape',
]);

/**
 * How a fact was recognised; see {@link FactEvidenceSchema}.
 *
 * @example
 * ```ts
 * import type { FactEvidence } from 'threadline';
 *
 * const how: FactEvidence = 'answer';
 * console.log(how);
 * ```
 */
export type FactEvidence = z.infer<typeof FactEvidenceSchema>;

/**
 * One place a fact was seen: a {@link Citation} with how it was recognised there,
 * whether that sighting was verified, and the text as written there.
 *
 * @example
 * ```ts
 * import { FactCitationSchema } from 'threadline';
 *
 * const c = FactCitationSchema.parse({
 *   interactionId: 'chat-1', messageIndex: 4, author: 'customer', at: '2026-03-01T09:02:00Z',
 *   start: 0, end: 12, evidence: 'answer', verified: false, text: 'Crystal Minh',
 * });
 * console.log(c.evidence); // answer
 * ```
 */
export const FactCitationSchema = z
  .strictObject({
    ...CitationObjectSchema.shape,
    /** How the value was recognised here. */
    evidence: FactEvidenceSchema,
    /** True when this sighting is a verified identifier or a reference the source system gave. */
    verified: z.boolean(),
    /** The value as written here. */
    text: z.string(),
  })
  .readonly();

/**
 * One sighting of a fact; see {@link FactCitationSchema}.
 *
 * @example
 * ```ts
 * import type { FactCitation } from 'threadline';
 *
 * const sightings: FactCitation[] = [];
 * console.log(sightings.length);
 * ```
 */
export type FactCitation = z.infer<typeof FactCitationSchema>;

/**
 * A detail the customer (or the business, for reference numbers, amounts and dates) already
 * gave, so that nobody asks for it again. Facts are unique by `kind` and `normalized`; every
 * place the value appeared is kept in `citations`, in chronological order.
 *
 * `normalized` per kind: emails as `normalizeEmail` keys; phones in E.164 (digits only when the
 * number had no country code and no region was known); reference numbers, account ids as
 * upper-case letters and digits; usernames lower case without `@`; social handles as
 * `platform:handle`; names as `normalizeName(...).full`; addresses folded to lower case with
 * street words abbreviated (`6821 1st ave san mateo ny 75227`); postcodes upper case without
 * spaces; amounts as `CUR 12.34` (an ISO code, or the symbol when it names several currencies,
 * such as `$`); dates as `YYYY-MM-DD`; products as folded lower-case words.
 *
 * @example
 * ```ts
 * import { FactSchema } from 'threadline';
 *
 * const fact = FactSchema.parse({
 *   kind: 'order_id', value: '#A-55123', normalized: 'A55123', verified: false,
 *   citations: [{ interactionId: 'em-1', messageIndex: 0, author: 'customer', at: '2026-03-01T09:00:00Z', evidence: 'keyword', verified: false, text: '#A-55123' }],
 *   firstSeen: '2026-03-01T09:00:00Z', lastSeen: '2026-03-01T09:00:00Z',
 * });
 * console.log(fact.normalized); // A55123
 * ```
 */
export const FactSchema = z
  .strictObject({
    /** What the value is. */
    kind: FactKindSchema,
    /** The value as first written. */
    value: z.string(),
    /** The comparable form; facts are unique by `kind` and `normalized`. */
    normalized: z.string().min(1),
    /** True when any sighting is verified (see {@link FactCitation}). */
    verified: z.boolean(),
    /** Every place the value was seen, oldest first. */
    citations: z.array(FactCitationSchema).min(1).readonly(),
    /** The time of the earliest sighting. */
    firstSeen: TimestampSchema,
    /** The time of the latest sighting. */
    lastSeen: TimestampSchema,
  })
  .readonly();

/**
 * A fact; see {@link FactSchema}.
 *
 * @example
 * ```ts
 * import { extractFacts, type Fact } from 'threadline';
 *
 * const facts: readonly Fact[] = extractFacts([]);
 * console.log(facts.length); // 0
 * ```
 */
export type Fact = z.infer<typeof FactSchema>;

/**
 * A promise made in the conversation, by the business (`we'll refund you within 5 days`) or by
 * the customer (`I'll send the photo tonight`), with its due time when the words give one.
 *
 * @example
 * ```ts
 * import { CommitmentSchema } from 'threadline';
 *
 * const c = CommitmentSchema.parse({
 *   by: 'business', author: 'agent', text: "We'll call you back tomorrow.", action: 'call',
 *   dueText: 'tomorrow', due: '2026-03-02T23:59:59.999Z', madeAt: '2026-03-01T10:00:00Z',
 *   fulfilled: false, overdue: true,
 *   citation: { interactionId: 'call-1', messageIndex: 3, author: 'agent', at: '2026-03-01T10:00:00Z' },
 * });
 * console.log(c.action, c.overdue); // call true
 * ```
 */
export const CommitmentSchema = z
  .strictObject({
    /** Who promised. */
    by: ConversationSideSchema,
    /** The role of the author of the promise. */
    author: RoleSchema,
    /** The sentence that holds the promise, as written (shortened past 300 characters). */
    text: z.string(),
    /** What was promised, as a verb lemma (`call`, `refund`, `send`, `update`, …). */
    action: z.string().min(1),
    /** The words that set the time (`within 5 days`, `tomorrow`, `shortly`), when any. */
    dueText: z.string().optional(),
    /** The due time; absent when the words give none (`shortly`, `soon`) or there are none. */
    due: TimestampSchema.optional(),
    /** When the promise was made. */
    madeAt: TimestampSchema,
    /** True when a later message or contact by the same side clearly kept it. */
    fulfilled: z.boolean(),
    /** Where it was kept, when it was. */
    fulfilledBy: CitationSchema.optional(),
    /** True exactly when `due` is before `now` and the promise was not kept. */
    overdue: z.boolean(),
    /** Where the promise was made. */
    citation: CitationSchema,
  })
  .readonly();

/**
 * A promise; see {@link CommitmentSchema}.
 *
 * @example
 * ```ts
 * import { extractCommitments, type Commitment } from 'threadline';
 *
 * const promises: readonly Commitment[] = extractCommitments([], { now: '2026-03-01T00:00:00Z' });
 * console.log(promises.length); // 0
 * ```
 */
export type Commitment = z.infer<typeof CommitmentSchema>;

/**
 * A question one side asked that the other side has not answered.
 *
 * @example
 * ```ts
 * import { OpenQuestionSchema } from 'threadline';
 *
 * const q = OpenQuestionSchema.parse({
 *   by: 'customer', author: 'customer', text: 'When will my refund arrive?', askedAt: '2026-03-01T10:00:00Z',
 *   citation: { interactionId: 'em-2', messageIndex: 0, author: 'customer', at: '2026-03-01T10:00:00Z' },
 * });
 * console.log(q.by); // customer
 * ```
 */
export const OpenQuestionSchema = z
  .strictObject({
    /** Who asked. */
    by: ConversationSideSchema,
    /** The role of the asker. */
    author: RoleSchema,
    /** The question as written (shortened past 300 characters). */
    text: z.string(),
    /** When it was asked. */
    askedAt: TimestampSchema,
    /** Where it was asked. */
    citation: CitationSchema,
  })
  .readonly();

/**
 * An open question; see {@link OpenQuestionSchema}.
 *
 * @example
 * ```ts
 * import { extractOpenQuestions, type OpenQuestion } from 'threadline';
 *
 * const open: readonly OpenQuestion[] = extractOpenQuestions([]);
 * console.log(open.length); // 0
 * ```
 */
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

/**
 * Something already done about the issue: by an agent or bot (`I've reset your password`), by
 * the helpdesk system (`Account has been pulled up`), or by the customer (`I already restarted
 * the router`), so that nobody suggests it again.
 *
 * @example
 * ```ts
 * import { TriedActionSchema } from 'threadline';
 *
 * const a = TriedActionSchema.parse({
 *   by: 'business', author: 'agent', action: 'reset', text: "I've reset your password.",
 *   at: '2026-03-01T10:05:00Z',
 *   citation: { interactionId: 'chat-4', messageIndex: 6, author: 'agent', at: '2026-03-01T10:05:00Z' },
 * });
 * console.log(a.action); // reset
 * ```
 */
export const TriedActionSchema = z
  .strictObject({
    /** Who did it. */
    by: ConversationSideSchema,
    /** The role of the author of the message that reports it. */
    author: RoleSchema,
    /** What was done, as a verb lemma (`reset`, `escalate`, `refund`, …), when recognised. */
    action: z.string().min(1).optional(),
    /** The sentence (or system message) that reports it (shortened past 300 characters). */
    text: z.string(),
    /** When it was reported. */
    at: TimestampSchema,
    /** Where it was reported. */
    citation: CitationSchema,
  })
  .readonly();

/**
 * A tried action; see {@link TriedActionSchema}.
 *
 * @example
 * ```ts
 * import { extractActions, type TriedAction } from 'threadline';
 *
 * const done: readonly TriedAction[] = extractActions([]);
 * console.log(done.length); // 0
 * ```
 */
export type TriedAction = z.infer<typeof TriedActionSchema>;

/**
 * Where the customer's mood went over the journey. Scores are in [-1, 1] (see `sentiment`);
 * `first` and `last` average the opinionated customer messages (those scoring other than 0) in
 * the first and the last third of the journey; `trend` is `improving` or `worsening` when they
 * differ by at least 0.2, else `steady`. `perInteraction` averages each interaction's
 * opinionated customer messages (0 when there are none), in chronological order.
 *
 * @example
 * ```ts
 * import { SentimentTrendSchema } from 'threadline';
 *
 * const t = SentimentTrendSchema.parse({
 *   first: -0.6, last: 0.5, trend: 'improving',
 *   perInteraction: [{ interactionId: 'tw-1', score: -0.6, messages: 2 }, { interactionId: 'call-1', score: 0.5, messages: 4 }],
 * });
 * console.log(t.trend); // improving
 * ```
 */
export const SentimentTrendSchema = z
  .strictObject({
    /** The customer's mood at the start of the journey, in [-1, 1]. */
    first: z.number().min(-1).max(1),
    /** The customer's mood at the end of the journey, in [-1, 1]. */
    last: z.number().min(-1).max(1),
    /** The direction from `first` to `last`. */
    trend: z.enum(['improving', 'steady', 'worsening']),
    /** One entry per interaction with customer messages, oldest first. */
    perInteraction: z
      .array(
        z
          .strictObject({
            /** The interaction. */
            interactionId: InteractionIdSchema,
            /** The mean score of its opinionated customer messages, 0 when none. */
            score: z.number().min(-1).max(1),
            /** How many customer messages it has. */
            messages: z.number().int().positive(),
          })
          .readonly(),
      )
      .readonly(),
  })
  .readonly();

/**
 * A sentiment trend; see {@link SentimentTrendSchema}.
 *
 * @example
 * ```ts
 * import { sentimentTrend, type SentimentTrend } from 'threadline';
 *
 * const t: SentimentTrend = sentimentTrend([]);
 * console.log(t.trend); // steady
 * ```
 */
export type SentimentTrend = z.infer<typeof SentimentTrendSchema>;

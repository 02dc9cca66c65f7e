import { z } from 'zod';
import { ChannelSchema } from '../model/channel.js';
import { IdentifierSchema, TrustSchema } from '../model/identifier.js';
import { CustomerIdSchema, InteractionIdSchema } from '../model/ids.js';
import { TimestampSchema } from '../model/time.js';

/**
 * One identifier as the resolver keeps it: the identifier as seen, its matching key, how it was
 * trusted, and whether it may count as evidence. Identifiers that may not (role mailboxes,
 * placeholders, the business's own numbers) are kept with the reason, so nothing is lost.
 *
 * @example
 * ```ts
 * import { IdentifierEntrySchema } from 'threadline';
 *
 * const entry = IdentifierEntrySchema.parse({
 *   identifier: { kind: 'email', value: 'support@shop.example' },
 *   key: 'email:support@shop.example',
 *   trust: { level: 'claimed' },
 *   evidence: false,
 *   reason: 'role mailbox',
 * });
 * console.log(entry.evidence, entry.reason); // false role mailbox
 * ```
 */
export const IdentifierEntrySchema = z.strictObject({
  /** The identifier as the channel reported it. */
  identifier: IdentifierSchema,
  /** Its normalized matching key (`email:…`, `phone:+…`, `social:x:…`). */
  key: z.string().min(1).max(1100),
  /** How it was trusted when seen. */
  trust: TrustSchema,
  /** Whether it may be a blocking key and evidence; false for generic and unmatchable values. */
  evidence: z.boolean(),
  /** Why it is not evidence, when it is not. */
  reason: z.string().min(1).max(200).optional(),
});

/**
 * An identifier as the resolver keeps it; see {@link IdentifierEntrySchema}.
 *
 * @example
 * ```ts
 * import type { IdentifierEntry } from 'threadline';
 *
 * const entry: IdentifierEntry = { identifier: { kind: 'phone', value: '+13102461501' }, key: 'phone:+13102461501', trust: { level: 'verified', method: 'channel_native' }, evidence: true };
 * console.log(entry.key);
 * ```
 */
export type IdentifierEntry = z.infer<typeof IdentifierEntrySchema>;

const fieldValues = z.record(z.string().min(1).max(64), z.array(z.string().max(4096)).max(64));

/**
 * What the resolver keeps of one interaction: enough to score it, explain it and move it to
 * another customer on a split, without the messages themselves.
 *
 * @example
 * ```ts
 * import { InteractionEntrySchema } from 'threadline';
 *
 * const entry = InteractionEntrySchema.parse({
 *   id: 'call-1', channel: 'phone', at: '2026-03-02T15:00:00Z',
 *   identifiers: [], fields: { name: ['Ana Souza'] },
 * });
 * console.log(entry.fields.name); // [ 'Ana Souza' ]
 * ```
 */
export const InteractionEntrySchema = z.strictObject({
  /** The interaction's id. */
  id: InteractionIdSchema,
  /** Its channel. */
  channel: ChannelSchema,
  /** When it started. */
  at: TimestampSchema,
  /** Its identifiers, with keys and trust. */
  identifiers: z.array(IdentifierEntrySchema).max(200),
  /** The values the matching model reads (names, references, attributes), by field. */
  fields: fieldValues,
  /**
   * How sure the resolver was that this interaction belongs to its customer: the probability of
   * the link that brought it in (or of a later automatic merge, if lower); 1 when it created the
   * customer or an agent confirmed it.
   */
  confidence: z.number().min(0).max(1).default(1),
});

/**
 * An interaction as the resolver keeps it; see {@link InteractionEntrySchema}.
 *
 * @example
 * ```ts
 * import type { InteractionEntry } from 'threadline';
 *
 * const entry: InteractionEntry = { id: 'sms-1', channel: 'sms', at: '2026-03-01T09:00:00Z', identifiers: [], fields: {}, confidence: 1 };
 * console.log(entry.channel);
 * ```
 */
export type InteractionEntry = z.infer<typeof InteractionEntrySchema>;

/**
 * A customer as the resolver stores it: its interactions (oldest first), identifiers attached or
 * detached by hand, the customers it must never be merged with, and the ids it absorbed. Its
 * profile (all identifiers and field values) is derived from these.
 *
 * @example
 * ```ts
 * import { CustomerRecordSchema } from 'threadline';
 *
 * const record = CustomerRecordSchema.parse({
 *   id: 'cus_1', createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
 *   interactions: [{ id: 'em-1', channel: 'email', at: '2026-03-01T09:00:00Z', identifiers: [], fields: {} }],
 * });
 * console.log(record.interactions.length, record.cannotLink); // 1 []
 * ```
 */
export const CustomerRecordSchema = z.strictObject({
  /** The customer's id; stable: a merge keeps the survivor's, and old ids redirect to it. */
  id: CustomerIdSchema,
  /** When the customer was created. */
  createdAt: TimestampSchema,
  /** When the customer last changed. */
  updatedAt: TimestampSchema,
  /** Its interactions, oldest first (by time, then id). */
  interactions: z.array(InteractionEntrySchema).max(1_000_000),
  /** Identifiers an agent attached by hand. */
  attached: z.array(IdentifierEntrySchema).default([]),
  /** Keys an agent detached: no longer part of the profile, whatever the interactions say. */
  detached: z.array(z.string().min(1).max(1100)).default([]),
  /** Customers this one must never be merged with (as ids at the time; follow redirects). */
  cannotLink: z.array(CustomerIdSchema).default([]),
  /** Ids this customer absorbed by merges, oldest first. */
  mergedFrom: z.array(CustomerIdSchema).default([]),
});

/**
 * A stored customer; see {@link CustomerRecordSchema}.
 *
 * @example
 * ```ts
 * import type { CustomerRecord } from 'threadline';
 *
 * const ids = (record: CustomerRecord) => record.interactions.map((i) => i.id);
 * console.log(typeof ids);
 * ```
 */
export type CustomerRecord = z.infer<typeof CustomerRecordSchema>;

/**
 * Who made a change: the resolver on its own, an agent, or an admin.
 *
 * @example
 * ```ts
 * import { ActorSchema } from 'threadline';
 *
 * console.log(ActorSchema.parse({ kind: 'agent', id: 'agent-17' }).kind); // agent
 * ```
 */
export const ActorSchema = z.strictObject({
  /** `automatic` for the resolver's own decisions. */
  kind: z.enum(['automatic', 'agent', 'admin']),
  /** The agent's or admin's id. */
  id: z.string().min(1).max(256).optional(),
});

/**
 * Who made a change; see {@link ActorSchema}.
 *
 * @example
 * ```ts
 * import type { Actor } from 'threadline';
 *
 * const admin: Actor = { kind: 'admin', id: 'ops-1' };
 * console.log(admin.kind);
 * ```
 */
export type Actor = z.infer<typeof ActorSchema>;

/**
 * The evidence behind an automatic decision, kept with its event: the probability, the match
 * weight, each step of the waterfall and the guards that applied.
 *
 * @example
 * ```ts
 * import { EvidenceSchema } from 'threadline';
 *
 * const e = EvidenceSchema.parse({ probability: 0.999, weight: 10, steps: [{ name: 'email', label: 'same address', weight: 22.1 }] });
 * console.log(e.steps[0]?.label); // same address
 * ```
 */
export const EvidenceSchema = z.strictObject({
  /** The probability that the two are one customer. */
  probability: z.number().min(0).max(1),
  /** The match weight in bits. */
  weight: z.number(),
  /** The waterfall: prior, then each comparison's level and contribution. */
  steps: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(200),
        label: z.string().max(200).optional(),
        weight: z.number(),
      }),
    )
    .max(200),
  /** Guards that changed or limited the decision. */
  guards: z.array(z.string().min(1).max(500)).max(50).default([]),
});

/**
 * The evidence behind a decision; see {@link EvidenceSchema}.
 *
 * @example
 * ```ts
 * import type { Evidence } from 'threadline';
 *
 * const e: Evidence = { probability: 0.5, weight: 0, steps: [], guards: [] };
 * console.log(e.probability);
 * ```
 */
export type Evidence = z.infer<typeof EvidenceSchema>;

const base = {
  /** The event's position in the log, from 1. */
  seq: z.number().int().min(1),
  /** When it happened. */
  at: TimestampSchema,
  /** Who did it. */
  actor: ActorSchema,
  /** Why, in words. */
  reason: z.string().min(1).max(2000).optional(),
};

const candidate = z.strictObject({
  customerId: CustomerIdSchema,
  probability: z.number().min(0).max(1),
  weight: z.number(),
});

/**
 * Every change the resolver makes, as an event. The resolver's state is the fold of its events
 * (see {@link replayEvents}); a store keeps them in order.
 *
 * - `customer_created`: a new customer, from its first interaction;
 * - `interaction_linked`: an interaction joined an existing customer;
 * - `customers_merged`: `absorbed` joined `survivor`, whose id lives on;
 * - `customer_split`: interactions (and attached identifiers) moved out of `from` to a new `to`;
 * - `identifier_attached` / `identifier_detached`: an agent changed a customer's identifiers;
 * - `review_requested` / `review_resolved`: a decision waiting for, or answered by, an agent;
 * - `constraint_added`: two customers must, or must never, be one.
 *
 * @example
 * ```ts
 * import { ResolverEventSchema } from 'threadline';
 *
 * const event = ResolverEventSchema.parse({
 *   type: 'constraint_added', seq: 7, at: '2026-03-03T10:00:00Z', actor: { kind: 'agent', id: 'a1' },
 *   constraint: 'cannot_link', a: 'cus_1', b: 'cus_2',
 * });
 * console.log(event.type); // constraint_added
 * ```
 */
export const ResolverEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('customer_created'),
    ...base,
    customerId: CustomerIdSchema,
    interaction: InteractionEntrySchema,
    evidence: EvidenceSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('interaction_linked'),
    ...base,
    customerId: CustomerIdSchema,
    interaction: InteractionEntrySchema,
    evidence: EvidenceSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('customers_merged'),
    ...base,
    survivor: CustomerIdSchema,
    absorbed: CustomerIdSchema,
    evidence: EvidenceSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('customer_split'),
    ...base,
    from: CustomerIdSchema,
    to: CustomerIdSchema,
    interactionIds: z.array(InteractionIdSchema).max(1_000_000),
    identifierKeys: z.array(z.string().min(1).max(1100)).max(1000).default([]),
  }),
  z.strictObject({
    type: z.literal('identifier_attached'),
    ...base,
    customerId: CustomerIdSchema,
    identifier: IdentifierEntrySchema,
  }),
  z.strictObject({
    type: z.literal('identifier_detached'),
    ...base,
    customerId: CustomerIdSchema,
    key: z.string().min(1).max(1100),
  }),
  z.strictObject({
    type: z.literal('review_requested'),
    ...base,
    reviewId: z.string().min(1).max(64),
    customerId: CustomerIdSchema,
    interactionId: InteractionIdSchema.optional(),
    candidates: z.array(candidate).min(1).max(50),
    evidence: EvidenceSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('review_resolved'),
    ...base,
    reviewId: z.string().min(1).max(64),
    answer: z.enum(['confirmed', 'rejected']),
    candidateId: CustomerIdSchema,
  }),
  z.strictObject({
    type: z.literal('constraint_added'),
    ...base,
    constraint: z.enum(['must_link', 'cannot_link']),
    a: CustomerIdSchema,
    b: CustomerIdSchema,
  }),
]);

/**
 * One resolver event; see {@link ResolverEventSchema}.
 *
 * @example
 * ```ts
 * import type { ResolverEvent } from 'threadline';
 *
 * const kinds = (events: readonly ResolverEvent[]) => events.map((e) => e.type);
 * console.log(kinds([]));
 * ```
 */
export type ResolverEvent = z.infer<typeof ResolverEventSchema>;

/**
 * A decision waiting for an agent: is `customerId` the same customer as one of the candidates?
 *
 * @example
 * ```ts
 * import { ReviewSchema } from 'threadline';
 *
 * const review = ReviewSchema.parse({
 *   id: 'rev_3', status: 'open', customerId: 'cus_9', requestedAt: '2026-03-01T09:00:00Z',
 *   candidates: [{ customerId: 'cus_1', probability: 0.8, weight: 2 }],
 * });
 * console.log(review.status); // open
 * ```
 */
export const ReviewSchema = z.strictObject({
  /** The review's id (`rev_` and the event's position). */
  id: z.string().min(1).max(64),
  /** `open` until an agent confirms or rejects every candidate. */
  status: z.enum(['open', 'confirmed', 'rejected']),
  /** The customer in question (as created; follow redirects). */
  customerId: CustomerIdSchema,
  /** The interaction that raised it, when one did. */
  interactionId: InteractionIdSchema.optional(),
  /** The customers it might be, with the probability and weight of each. */
  candidates: z.array(candidate).min(1).max(50),
  /** When it was raised. */
  requestedAt: TimestampSchema,
  /** When it was answered. */
  resolvedAt: TimestampSchema.optional(),
  /** The evidence shown to the agent. */
  evidence: EvidenceSchema.optional(),
  /** The agent's answers so far, one per candidate answered. */
  answers: z
    .array(
      z.strictObject({ candidateId: CustomerIdSchema, answer: z.enum(['confirmed', 'rejected']) }),
    )
    .max(50)
    .default([]),
});

/**
 * A review; see {@link ReviewSchema}.
 *
 * @example
 * ```ts
 * import type { Review } from 'threadline';
 *
 * const open = (reviews: readonly Review[]) => reviews.filter((r) => r.status === 'open');
 * console.log(open([]).length); // 0
 * ```
 */
export type Review = z.infer<typeof ReviewSchema>;

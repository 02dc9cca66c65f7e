import { z } from 'zod';
import { RegionCodeSchema } from '../normalize/phone/phone.js';
import { ChannelSchema } from './channel.js';
import { ObservedIdentifierSchema } from './identifier.js';
import { InteractionIdSchema } from './ids.js';
import { ReferenceSchema } from './reference.js';
import { TimestampSchema } from './time.js';

const text = (max: number) => z.string().min(1).max(max);

/**
 * Who takes part in an interaction: the customer, a human agent, a bot, or the system.
 *
 * @example
 * ```ts
 * import { RoleSchema } from 'threadline';
 *
 * console.log(RoleSchema.options); // [ 'customer', 'agent', 'bot', 'system' ]
 * ```
 */
export const RoleSchema = z.enum(['customer', 'agent', 'bot', 'system']);

/**
 * A participant role; see {@link RoleSchema}.
 *
 * @example
 * ```ts
 * import type { Role } from 'threadline';
 *
 * const role: Role = 'bot';
 * console.log(role);
 * ```
 */
export type Role = z.infer<typeof RoleSchema>;

/**
 * One participant of an interaction.
 *
 * @example
 * ```ts
 * import { ParticipantSchema } from 'threadline';
 *
 * console.log(ParticipantSchema.parse({ role: 'agent', id: 'agent-17', name: 'Priya' }).name);
 * ```
 */
export const ParticipantSchema = z.strictObject({
  role: RoleSchema,
  /** The participant's id within the interaction (an agent id, a bot name); messages refer to it. */
  id: text(256).optional(),
  /** A display name as the channel showed it. */
  name: text(256).optional(),
  /** The team or queue an agent belongs to. */
  team: text(128).optional(),
});

/**
 * A participant; see {@link ParticipantSchema}.
 *
 * @example
 * ```ts
 * import type { Participant } from 'threadline';
 *
 * const p: Participant = { role: 'customer', name: 'Ana Souza' };
 * console.log(p.role);
 * ```
 */
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * A file sent with a message, described but not embedded.
 *
 * @example
 * ```ts
 * import { AttachmentSchema } from 'threadline';
 *
 * console.log(AttachmentSchema.parse({ name: 'receipt.pdf', contentType: 'application/pdf' }).name);
 * ```
 */
export const AttachmentSchema = z.strictObject({
  name: text(512),
  contentType: text(128).optional(),
  bytes: z.number().int().nonnegative().optional(),
  /** Where the adopter keeps the file (a storage key or URL); never fetched by threadline. */
  ref: text(2048).optional(),
});

/**
 * One message within an interaction: an email, a tweet, a chat line, a call transcript turn.
 *
 * @example
 * ```ts
 * import { MessageSchema } from 'threadline';
 *
 * const m = MessageSchema.parse({ author: 'customer', text: 'My order A-55123 has not arrived', at: '2026-03-01T09:00:00Z' });
 * console.log(m.author);
 * ```
 */
export const MessageSchema = z.strictObject({
  id: text(256).optional(),
  author: RoleSchema,
  /** The id of the {@link Participant} who wrote it, when known. */
  participantId: text(256).optional(),
  text: z.string().max(100_000),
  at: TimestampSchema.optional(),
  attachments: z.array(AttachmentSchema).max(100).optional(),
});

/**
 * A message; see {@link MessageSchema}.
 *
 * @example
 * ```ts
 * import type { Message } from 'threadline';
 *
 * const m: Message = { author: 'agent', text: 'Could you DM us your order number?' };
 * console.log(m.text.length);
 * ```
 */
export type Message = z.infer<typeof MessageSchema>;

const headerIds = z.array(text(998)).max(500);

/**
 * The keys a channel uses to chain contacts into a thread: email `Message-ID`, `In-Reply-To`
 * and `References` headers, a post and the post it replies to, a platform conversation id, a
 * call's previous-contact id.
 *
 * @example
 * ```ts
 * import { ThreadKeysSchema } from 'threadline';
 *
 * const email = ThreadKeysSchema.parse({ messageId: '<a1@mail.example>', inReplyTo: ['<z9@shop.example>'] });
 * console.log(email.inReplyTo);
 * ```
 */
export const ThreadKeysSchema = z.strictObject({
  messageId: text(998).optional(),
  inReplyTo: headerIds.optional(),
  references: headerIds.optional(),
  postId: text(256).optional(),
  inReplyToPostId: text(256).optional(),
  conversationId: text(256).optional(),
  previousContactId: text(256).optional(),
});

/**
 * Thread keys; see {@link ThreadKeysSchema}.
 *
 * @example
 * ```ts
 * import type { ThreadKeys } from 'threadline';
 *
 * const call: ThreadKeys = { previousContactId: 'call-2290' };
 * console.log(call.previousContactId);
 * ```
 */
export type ThreadKeys = z.infer<typeof ThreadKeysSchema>;

/**
 * Keys that would reach an object's prototype when copied naively; refused rather than
 * dropped, so that nothing the caller sent is silently lost.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Free string attributes from the source system (`priority`, `brand`, `locale`). Keys that
 * could reach an object's prototype are refused: `constructor` and `prototype` by this schema,
 * and `__proto__` (which zod strips while copying) by {@link parseInteraction} and
 * {@link safeParseInteraction}, which report it with its path.
 *
 * @example
 * ```ts
 * import { AttributesSchema } from 'threadline';
 *
 * console.log(AttributesSchema.safeParse({ brand: 'acme' }).success); // true
 * console.log(AttributesSchema.safeParse({ constructor: 'x' }).success); // false
 * // `__proto__` is dropped by this schema while copying; the interaction parsers refuse it.
 * console.log(AttributesSchema.safeParse(JSON.parse('{"__proto__": "x"}')).success); // true
 * ```
 */
export const AttributesSchema = z.record(
  z
    .string()
    .min(1)
    .max(128)
    .refine((key) => !FORBIDDEN_KEYS.has(key), {
      message: 'this attribute key could reach the object prototype and is not allowed',
    }),
  z.string().max(4096),
);

/**
 * Free attributes; see {@link AttributesSchema}.
 *
 * @example
 * ```ts
 * import type { Attributes } from 'threadline';
 *
 * const attrs: Attributes = { locale: 'pt-BR' };
 * console.log(attrs.locale);
 * ```
 */
export type Attributes = z.infer<typeof AttributesSchema>;

/**
 * Where an interaction stands.
 *
 * @example
 * ```ts
 * import { InteractionStatusSchema } from 'threadline';
 *
 * console.log(InteractionStatusSchema.parse('resolved'));
 * ```
 */
export const InteractionStatusSchema = z.enum([
  'open',
  'pending',
  'waiting_on_customer',
  'resolved',
  'closed',
  'abandoned',
]);

const InteractionObjectSchema = z.strictObject({
  /** A ULID (see `newInteractionId`) or the source system's own id. */
  id: InteractionIdSchema,
  channel: ChannelSchema,
  /** For channels with public and private sides (X, Instagram): which one this was. */
  visibility: z.enum(['public', 'private']).optional(),
  /** `inbound` when the customer started it; defaults to `inbound`. */
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  startedAt: TimestampSchema,
  endedAt: TimestampSchema.optional(),
  /** The system that reported it (`zendesk`, `twilio-voice`), for provenance and regions. */
  source: text(128).optional(),
  /** The default phone region for numbers seen in this interaction without a country code. */
  region: RegionCodeSchema.optional(),
  /** An email subject or a ticket title. */
  subject: z.string().max(2000).optional(),
  participants: z.array(ParticipantSchema).max(200).default([]),
  identifiers: z.array(ObservedIdentifierSchema).max(200).default([]),
  messages: z.array(MessageSchema).max(20_000).default([]),
  references: z.array(ReferenceSchema).max(1000).default([]),
  thread: ThreadKeysSchema.optional(),
  attributes: AttributesSchema.optional(),
  status: InteractionStatusSchema.optional(),
  /** How it ended, in the source's words (`refund issued`, `transferred to billing`). */
  outcome: text(1000).optional(),
});

/**
 * One contact on one channel: who, when, which identifiers were seen and how trusted, what
 * was said and by whom, the reference numbers and thread keys that tie it to others. The
 * schema is the source of truth: {@link Interaction} is inferred from it.
 *
 * Cross-field rules: `endedAt` is not before `startedAt`; a message's `participantId` names a
 * participant of the interaction; message ids are unique.
 *
 * @example
 * ```ts
 * import { InteractionSchema } from 'threadline';
 *
 * const email = InteractionSchema.parse({
 *   id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z',
 *   identifiers: [{ kind: 'email', value: 'ana@example.com' }],
 *   messages: [{ author: 'customer', text: 'Where is order A-55123?' }],
 * });
 * console.log(email.direction, email.identifiers[0]?.trust.level); // inbound claimed
 * ```
 */
export const InteractionSchema = InteractionObjectSchema.superRefine((value, ctx) => {
  if (value.endedAt !== undefined && Date.parse(value.endedAt) < Date.parse(value.startedAt)) {
    ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endedAt is before startedAt' });
  }
  const participantIds = new Set<string>();
  for (const participant of value.participants) {
    if (participant.id !== undefined) participantIds.add(participant.id);
  }
  const messageIds = new Set<string>();
  value.messages.forEach((message, index) => {
    if (message.participantId !== undefined && !participantIds.has(message.participantId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['messages', index, 'participantId'],
        message: `no participant has id "${message.participantId}"`,
      });
    }
    if (message.id !== undefined) {
      if (messageIds.has(message.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['messages', index, 'id'],
          message: `message id "${message.id}" appears twice`,
        });
      }
      messageIds.add(message.id);
    }
  });
});

/**
 * One contact on one channel; see {@link InteractionSchema}.
 *
 * @example
 * ```ts
 * import { parseInteraction, type Interaction } from 'threadline';
 *
 * const call: Interaction = parseInteraction({
 *   id: 'call-1', channel: 'phone', startedAt: '2026-03-02T15:00:00Z',
 *   identifiers: [{ kind: 'phone', value: '+13102461501', trust: { level: 'verified', method: 'channel_native' } }],
 * });
 * console.log(call.channel);
 * ```
 */
export type Interaction = z.infer<typeof InteractionSchema>;

/**
 * What a caller may pass to {@link parseInteraction}: fields with defaults may be left out.
 *
 * @example
 * ```ts
 * import type { InteractionInput } from 'threadline';
 *
 * const minimal: InteractionInput = { id: 'sms-1', channel: 'sms', startedAt: '2026-03-01T09:00:00Z' };
 * console.log(minimal.channel);
 * ```
 */
export type InteractionInput = z.input<typeof InteractionSchema>;

import type * as t from 'io-ts';
import type { z } from 'zod';
import {
  type AttachmentSchema,
  type Attributes,
  AttributesSchema,
  type Interaction,
  type InteractionInput,
  InteractionSchema,
  InteractionStatusSchema,
  type Message,
  type MessageSchema,
  type Participant,
  type ParticipantSchema,
  RoleSchema,
  type ThreadKeys,
  type ThreadKeysSchema,
} from '../model/interaction.js';
import { type Reference, ReferenceKindSchema, ReferenceSchema } from '../model/reference.js';
import type { CodecOf } from './codec-of.js';
import {
  arrayOf,
  field,
  list,
  nonNegativeInt,
  oneOf,
  optional,
  plainRecord,
  type RuleIssue,
  strictObject,
  text,
  withDefault,
  withRules,
  zodLeaf,
} from './combinators.js';
import { ObservedIdentifierCodec } from './identifier-codecs.js';
import {
  ChannelCodec,
  InteractionIdCodec,
  RegionCodeCodec,
  TimestampCodec,
} from './leaf-codecs.js';

/**
 * io-ts codec of a {@link Reference}: a reference number with its kind; `origin` defaults to
 * `provided`.
 *
 * @example
 * ```ts
 * import { ReferenceCodec } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = ReferenceCodec.decode({ kind: 'order', value: 'A-55123' });
 * if (E.isRight(r)) console.log(r.right.origin); // provided
 * ```
 */
export const ReferenceCodec: t.Type<
  Reference,
  z.input<typeof ReferenceSchema>,
  unknown
> = strictObject('Reference', {
  kind: oneOf('ReferenceKind', ReferenceKindSchema.options),
  value: text(1, 128),
  origin: withDefault(
    oneOf('ReferenceOrigin', ReferenceSchema.shape.origin.unwrap().options),
    () => ReferenceSchema.shape.origin.def.defaultValue,
  ),
});

const Role = oneOf('Role', RoleSchema.options);

/**
 * io-ts codec of a {@link Participant} of an interaction.
 *
 * @example
 * ```ts
 * import { ParticipantCodec } from 'threadline/fp';
 *
 * console.log(ParticipantCodec.is({ role: 'agent', id: 'agent-17', name: 'Priya' })); // true
 * ```
 */
export const ParticipantCodec: t.Type<
  Participant,
  z.input<typeof ParticipantSchema>,
  unknown
> = strictObject('Participant', {
  role: Role,
  id: optional(text(1, 256)),
  name: optional(text(1, 256)),
  team: optional(text(1, 128)),
});

/**
 * io-ts codec of an attachment: a file described, not embedded.
 *
 * @example
 * ```ts
 * import { AttachmentCodec } from 'threadline/fp';
 *
 * console.log(AttachmentCodec.is({ name: 'receipt.pdf', bytes: 1.5 })); // false
 * ```
 */
export const AttachmentCodec: CodecOf<typeof AttachmentSchema> = strictObject('Attachment', {
  name: text(1, 512),
  contentType: optional(text(1, 128)),
  bytes: optional(nonNegativeInt),
  ref: optional(text(1, 2048)),
});

/**
 * io-ts codec of a {@link Message} within an interaction.
 *
 * @example
 * ```ts
 * import { MessageCodec } from 'threadline/fp';
 *
 * console.log(MessageCodec.is({ author: 'customer', text: 'Where is my order?', at: '2026-03-01T09:00:00Z' })); // true
 * ```
 */
export const MessageCodec: t.Type<Message, z.input<typeof MessageSchema>, unknown> = strictObject(
  'Message',
  {
    id: optional(text(1, 256)),
    author: Role,
    participantId: optional(text(1, 256)),
    text: text(0, 100_000),
    at: optional(TimestampCodec),
    attachments: optional(arrayOf(AttachmentCodec, { max: 100 })),
  },
);

const headerIds = arrayOf(text(1, 998), { max: 500 });

/**
 * io-ts codec of {@link ThreadKeys}: the email headers, post ids and conversation ids that
 * chain contacts into a thread.
 *
 * @example
 * ```ts
 * import { ThreadKeysCodec } from 'threadline/fp';
 *
 * console.log(ThreadKeysCodec.is({ messageId: '<a1@mail.example>', inReplyTo: ['<z9@shop.example>'] })); // true
 * ```
 */
export const ThreadKeysCodec: t.Type<
  ThreadKeys,
  z.input<typeof ThreadKeysSchema>,
  unknown
> = strictObject('ThreadKeys', {
  messageId: optional(text(1, 998)),
  inReplyTo: optional(headerIds),
  references: optional(headerIds),
  postId: optional(text(1, 256)),
  inReplyToPostId: optional(text(1, 256)),
  conversationId: optional(text(1, 256)),
  previousContactId: optional(text(1, 256)),
});

/**
 * io-ts codec of free string {@link Attributes}. Keys are 1 to 128 characters; `__proto__`,
 * `constructor` and `prototype` are refused, each reported at its path.
 *
 * @example
 * ```ts
 * import { AttributesCodec } from 'threadline/fp';
 *
 * console.log(AttributesCodec.is({ brand: 'acme' })); // true
 * console.log(AttributesCodec.is(JSON.parse('{"__proto__": "x"}'))); // false
 * ```
 */
export const AttributesCodec: t.Type<Attributes, Attributes, unknown> = plainRecord(
  'Attributes',
  // The key rule (length, and the keys that reach the prototype) is the model's own.
  zodLeaf('AttributeKey', AttributesSchema.keyType),
  text(0, 4096),
);

const shape = InteractionSchema.shape;

const InteractionObjectCodec = strictObject('Interaction', {
  id: InteractionIdCodec,
  channel: ChannelCodec,
  visibility: optional(oneOf('Visibility', shape.visibility.unwrap().options)),
  direction: withDefault(
    oneOf('Direction', shape.direction.unwrap().options),
    () => shape.direction.def.defaultValue,
  ),
  startedAt: TimestampCodec,
  endedAt: optional(TimestampCodec),
  source: optional(text(1, 128)),
  region: optional(RegionCodeCodec),
  subject: optional(text(0, 2000)),
  participants: withDefault(
    arrayOf(ParticipantCodec, { max: 200 }),
    () => shape.participants.def.defaultValue,
  ),
  identifiers: withDefault(
    arrayOf(ObservedIdentifierCodec, { max: 200 }),
    () => shape.identifiers.def.defaultValue,
  ),
  messages: withDefault(
    arrayOf(MessageCodec, { max: 20_000 }),
    () => shape.messages.def.defaultValue,
  ),
  references: withDefault(
    arrayOf(ReferenceCodec, { max: 1000 }),
    () => shape.references.def.defaultValue,
  ),
  thread: optional(ThreadKeysCodec),
  attributes: optional(AttributesCodec),
  status: optional(oneOf('InteractionStatus', InteractionStatusSchema.options)),
  outcome: optional(text(1, 1000)),
});

/**
 * The cross-field rules of an interaction, as the zod schema states them: `endedAt` is not
 * before `startedAt`, a message's `participantId` names a participant, message ids are unique.
 * Reads defensively: it also runs on inputs whose fields only failed continuable checks.
 */
function interactionRules(value: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const startedAt = field(value, 'startedAt');
  const endedAt = field(value, 'endedAt');
  if (
    typeof startedAt === 'string' &&
    typeof endedAt === 'string' &&
    Date.parse(endedAt) < Date.parse(startedAt)
  ) {
    issues.push({ path: ['endedAt'], message: 'endedAt is before startedAt' });
  }
  const participantIds = new Set<unknown>();
  for (const participant of list(field(value, 'participants'))) {
    const id = field(participant, 'id');
    if (id !== undefined) participantIds.add(id);
  }
  const messageIds = new Set<unknown>();
  list(field(value, 'messages')).forEach((message, index) => {
    const participantId = field(message, 'participantId');
    if (participantId !== undefined && !participantIds.has(participantId)) {
      issues.push({
        path: ['messages', index, 'participantId'],
        message: `no participant has id "${String(participantId)}"`,
      });
    }
    const id = field(message, 'id');
    if (id !== undefined) {
      if (messageIds.has(id)) {
        issues.push({
          path: ['messages', index, 'id'],
          message: `message id "${String(id)}" appears twice`,
        });
      }
      messageIds.add(id);
    }
  });
  return issues;
}

/**
 * io-ts codec of an {@link Interaction}, equivalent to `InteractionSchema` and
 * `safeParseInteraction`: the same inputs accepted, the same defaults filled (`direction`
 * `inbound`, empty lists, `claimed` trust, `provided` origin), the same cross-field rules, and
 * `__proto__` keys refused wherever they appear.
 *
 * @example
 * ```ts
 * import { InteractionCodec } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = InteractionCodec.decode({
 *   id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z',
 *   identifiers: [{ kind: 'email', value: 'ana@example.com' }],
 * });
 * if (E.isRight(r)) console.log(r.right.direction, r.right.identifiers[0]?.trust.level); // inbound claimed
 * ```
 */
export const InteractionCodec: t.Type<Interaction, InteractionInput, unknown> = withRules(
  InteractionObjectCodec,
  interactionRules,
);

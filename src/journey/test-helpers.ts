import fc from 'fast-check';
import type { Channel } from '../model/channel.js';
import {
  type Interaction,
  type InteractionInput,
  InteractionSchema,
} from '../model/interaction.js';
import type { ReferenceKind } from '../model/reference.js';

// Test-only builders for the journey tests: interactions of one customer whose texts, references
// and thread keys are drawn from small pools, so that links between them are common.

export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Builds an interaction from the fields a test cares about. */
export function make(input: InteractionInput): Interaction {
  return InteractionSchema.parse(input);
}

/** An ISO instant `minutes` after {@link T0}. */
export function at(minutes: number): string {
  return new Date(T0 + minutes * MINUTE).toISOString();
}

export const REFERENCE_POOL = ['A-10001', 'A-10002', 'B-20003', 'QX7P2L', '77123456'] as const;
const TOPICS = [
  'my cat is sick and needs a vitamin dose',
  'the parcel arrived damaged and the screen is cracked',
  'I was charged twice for the subscription renewal',
  'cannot log in, the password reset link never arrives',
  'the flight booking shows the wrong passenger name',
] as const;
const BUSINESS_LINES = [
  'Thanks, looking into it now.',
  'Please call us on 0800 123 456.',
  'Please DM us your booking ref.',
  "We've emailed you a form to fill in.",
  'Text us a photo of the label.',
  'This is now sorted.',
] as const;
const CUSTOMER_LINES = ['hi', 'any update?', 'thanks', "I'll call you later", ...TOPICS] as const;
const CHANNELS: readonly Channel[] = ['email', 'chat', 'phone', 'x', 'sms', 'whatsapp'];

/** One customer's interactions with distinct ids, spread over about forty days. */
export function customerInteractions(maxLength = 25): fc.Arbitrary<Interaction[]> {
  const one = fc.record({
    id: fc.stringMatching(/^[a-z]{1,2}-[0-9]{1,3}$/),
    channel: fc.constantFrom(...CHANNELS),
    visibility: fc.option(fc.constantFrom('public', 'private' as const), { nil: undefined }),
    direction: fc.constantFrom('inbound', 'inbound', 'outbound' as const),
    minute: fc.integer({ min: 0, max: 40 * 24 * 60 }),
    duration: fc.option(fc.integer({ min: 0, max: 180 }), { nil: undefined }),
    status: fc.option(
      fc.constantFrom('open', 'resolved', 'closed', 'waiting_on_customer', 'abandoned' as const),
      { nil: undefined },
    ),
    subject: fc.option(fc.constantFrom(...TOPICS), { nil: undefined }),
    references: fc.array(
      fc.record({
        kind: fc.constantFrom<ReferenceKind>('order', 'ticket', 'booking', 'account'),
        value: fc.constantFrom(...REFERENCE_POOL),
      }),
      { maxLength: 2 },
    ),
    messages: fc.array(
      fc.oneof(
        fc.record({
          author: fc.constant('customer' as const),
          text: fc.oneof(
            fc.constantFrom(...CUSTOMER_LINES),
            fc.constantFrom(...REFERENCE_POOL).map((r) => `about order ${r}`),
          ),
          offset: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        }),
        fc.record({
          author: fc.constantFrom('agent', 'bot', 'system' as const),
          text: fc.constantFrom(...BUSINESS_LINES),
          offset: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        }),
      ),
      { maxLength: 4 },
    ),
    thread: fc.option(
      fc.record(
        {
          conversationId: fc.constantFrom('c1', 'c2', 'c3'),
          messageId: fc.constantFrom('<m1@x>', '<m2@x>', '<m3@x>', '<m4@x>'),
          inReplyTo: fc.array(fc.constantFrom('<m1@x>', '<m2@x>', '<m3@x>'), { maxLength: 1 }),
          previousContactId: fc.constantFrom('a-1', 'b-2', 'c-3'),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  });
  return fc.uniqueArray(one, { maxLength, selector: (r) => r.id }).map((records) =>
    records.map((r) =>
      make({
        id: r.id,
        channel: r.channel,
        direction: r.direction,
        startedAt: at(r.minute),
        ...(r.visibility === undefined ? {} : { visibility: r.visibility }),
        ...(r.duration === undefined ? {} : { endedAt: at(r.minute + r.duration) }),
        ...(r.status === undefined ? {} : { status: r.status }),
        ...(r.subject === undefined ? {} : { subject: r.subject }),
        ...(r.thread === undefined ? {} : { thread: r.thread }),
        references: r.references,
        messages: r.messages.map((m) => ({
          author: m.author,
          text: m.text,
          ...(m.offset === undefined ? {} : { at: at(r.minute + m.offset) }),
        })),
      }),
    ),
  );
}

/** The (startedAt, id) order threading uses. */
export function inTimeOrder(interactions: readonly Interaction[]): Interaction[] {
  return [...interactions].sort((a, b) => {
    const d = Date.parse(a.startedAt) - Date.parse(b.startedAt);
    return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

import fc from 'fast-check';
import { KNOWN_CHANNELS } from '../model/channel.js';
import { type Customer, CustomerSchema } from '../model/customer.js';
import {
  type Identifier,
  IdentifierSchema,
  type ObservedIdentifier,
  ObservedIdentifierSchema,
  type Trust,
} from '../model/identifier.js';
import { type Interaction, InteractionSchema } from '../model/interaction.js';
import { type Journey, JourneySchema } from '../model/journey.js';
import { ReferenceKindSchema } from '../model/reference.js';
import { SOCIAL_PLATFORMS } from '../normalize/social/platforms.js';

const MIN_TIME = Date.parse('2020-01-01T00:00:00Z');
const MAX_TIME = Date.parse('2030-12-31T23:59:59Z');

/**
 * Options shared by the time-bearing arbitraries: the window instants are drawn from.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { timestampArbitrary, type TimeWindow } from 'threadline/testing';
 *
 * const march: TimeWindow = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-03-31T00:00:00Z') };
 * console.log(fc.sample(timestampArbitrary(march), 1)[0]?.startsWith('2026-03'));
 * ```
 */
export interface TimeWindow {
  /** Earliest instant, in milliseconds since the epoch. */
  readonly from?: number;
  /** Latest instant, in milliseconds since the epoch. */
  readonly to?: number;
}

/**
 * ISO 8601 instants (UTC, millisecond precision) within a window, 2020–2030 by default.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { timestampArbitrary } from 'threadline/testing';
 *
 * fc.assert(fc.property(timestampArbitrary(), (t) => !Number.isNaN(Date.parse(t))));
 * ```
 */
export function timestampArbitrary(window: TimeWindow = {}): fc.Arbitrary<string> {
  return fc
    .integer({ min: window.from ?? MIN_TIME, max: window.to ?? MAX_TIME })
    .map((ms) => new Date(ms).toISOString());
}

const slug = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const token = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,23}$/);
const word = fc.constantFrom(
  'ana',
  'souza',
  'order',
  'refund',
  'delivery',
  'late',
  'please',
  'thanks',
  'cat',
  'vitamin',
  'dose',
  'booking',
  'flight',
  'call',
  'email',
  'help',
  'broken',
  'charged',
  'twice',
  'hello',
);
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));

/**
 * Email addresses as channels deliver them: plain, mixed case, with display names, Gmail
 * dots and +tags, international domains.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { emailTextArbitrary } from 'threadline/testing';
 *
 * console.log(fc.sample(emailTextArbitrary(), 3));
 * ```
 */
export function emailTextArbitrary(): fc.Arbitrary<string> {
  const local = fc.stringMatching(/^[a-z][a-z0-9]{0,7}([._+-][a-z0-9]{1,6})?$/);
  const domain = fc.constantFrom(
    'example.com',
    'gmail.com',
    'googlemail.com',
    'outlook.com',
    'yahoo.com',
    'shop.example',
    'bücher.de',
    'mail.example.org',
  );
  const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
  return fc.oneof(
    address,
    address.map((a) => a.toUpperCase()),
    fc
      .tuple(fc.constantFrom('Ana Souza', 'J. Smith', 'Support'), address)
      .map(([n, a]) => `"${n}" <${a}>`),
    address.map((a) => `  ${a} `),
  );
}

/**
 * Phone numbers as people type them: national and international forms, with the separators
 * and prefixes seen on forms and caller ids.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { phoneTextArbitrary } from 'threadline/testing';
 *
 * console.log(fc.sample(phoneTextArbitrary(), 3));
 * ```
 */
export function phoneTextArbitrary(): fc.Arbitrary<string> {
  const us = fc.tuple(
    fc.constantFrom('310', '212', '415', '818', '646'),
    fc.integer({ min: 200, max: 999 }),
    fc.integer({ min: 0, max: 9999 }),
  );
  return fc.oneof(
    us.map(([a, b, c]) => `${a}-${b}-${String(c).padStart(4, '0')}`),
    us.map(([a, b, c]) => `(${a}) ${b} ${String(c).padStart(4, '0')}`),
    us.map(([a, b, c]) => `+1${a}${b}${String(c).padStart(4, '0')}`),
    us.map(([a, b, c]) => `${a}/${b}-${String(c).padStart(4, '0')}`),
    fc.integer({ min: 0, max: 9999 }).map((n) => `+44 (0)20 7946 ${String(n).padStart(4, '0')}`),
    fc.integer({ min: 0, max: 9999 }).map((n) => `020 7946 ${String(n).padStart(4, '0')}`),
  );
}

const trustArbitrary: fc.Arbitrary<Trust> = fc.oneof(
  fc.constant<Trust>({ level: 'claimed' }),
  fc
    .constantFrom('login', 'otp', 'channel_native', 'sso', 'document', 'agent', 'other' as const)
    .map((method): Trust => ({ level: 'verified', method })),
);

/**
 * Any {@link Identifier}, of every kind, with realistic values.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { IdentifierSchema } from 'threadline';
 * import { identifierArbitrary } from 'threadline/testing';
 *
 * fc.assert(fc.property(identifierArbitrary(), (id) => IdentifierSchema.safeParse(id).success));
 * ```
 */
export function identifierArbitrary(): fc.Arbitrary<Identifier> {
  const platform = fc.oneof(fc.constantFrom(...SOCIAL_PLATFORMS), slug);
  return fc
    .oneof(
      emailTextArbitrary().map((value) => ({ kind: 'email', value })),
      fc
        .tuple(phoneTextArbitrary(), fc.option(fc.constantFrom('US', 'GB'), { nil: undefined }))
        .map(([value, region]) => ({ kind: 'phone', value, ...(region ? { region } : {}) })),
      fc
        .tuple(platform, fc.stringMatching(/^@?[A-Za-z][A-Za-z0-9_]{0,14}$/))
        .map(([p, handle]) => ({ kind: 'social', platform: p, handle })),
      fc
        .tuple(
          fc.constantFrom('messenger', 'instagram'),
          fc.stringMatching(/^page:\d{6,12}$/),
          fc.stringMatching(/^\d{10,17}$/),
        )
        .map(([p, scope, id]) => ({ kind: 'scoped_id', platform: p, scope, id })),
      fc.tuple(slug, token).map(([namespace, value]) => ({ kind: 'account', namespace, value })),
      fc
        .tuple(fc.constantFrom('device', 'cookie', 'push_token', 'advertising_id'), token)
        .map(([type, value]) => ({ kind: 'device', type, value })),
    )
    .map((raw) => IdentifierSchema.parse(raw));
}

/**
 * An identifier as observed in an interaction, with trust, time and source.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { observedIdentifierArbitrary } from 'threadline/testing';
 *
 * console.log(fc.sample(observedIdentifierArbitrary(), 1)[0]?.trust);
 * ```
 */
export function observedIdentifierArbitrary(
  window: TimeWindow = {},
): fc.Arbitrary<ObservedIdentifier> {
  return fc
    .record(
      {
        identifier: identifierArbitrary(),
        trust: trustArbitrary,
        seenAt: timestampArbitrary(window),
        source: slug,
      },
      { requiredKeys: ['identifier', 'trust'] },
    )
    .map(({ identifier, ...rest }) => ObservedIdentifierSchema.parse({ ...identifier, ...rest }));
}

/**
 * Options for {@link interactionArbitrary}.
 *
 * @example
 * ```ts
 * import { interactionArbitrary, type InteractionArbitraryOptions } from 'threadline/testing';
 *
 * const options: InteractionArbitraryOptions = { channels: ['email', 'phone'], maxMessages: 3 };
 * console.log(typeof interactionArbitrary(options));
 * ```
 */
export interface InteractionArbitraryOptions extends TimeWindow {
  /** Channels to draw from; all known channels by default. */
  readonly channels?: readonly Interaction['channel'][];
  /** Most messages per interaction (default 6). */
  readonly maxMessages?: number;
  /** Most identifiers per interaction (default 4). */
  readonly maxIdentifiers?: number;
}

/**
 * Valid {@link Interaction}s on every channel: participants, identifiers, messages with
 * consistent participant references, reference numbers, thread keys and attributes.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { safeParseInteraction } from 'threadline';
 * import { interactionArbitrary } from 'threadline/testing';
 *
 * fc.assert(fc.property(interactionArbitrary(), (i) => safeParseInteraction(i).ok));
 * ```
 */
export function interactionArbitrary(
  options: InteractionArbitraryOptions = {},
): fc.Arbitrary<Interaction> {
  const channels = options.channels ?? KNOWN_CHANNELS;
  const from = options.from ?? MIN_TIME;
  const to = options.to ?? MAX_TIME;
  const participant = fc.record(
    {
      role: fc.constantFrom('customer', 'agent', 'bot', 'system' as const),
      id: token,
      name: fc.constantFrom('Ana Souza', 'Priya', 'HelperBot', 'J. Smith'),
      team: slug,
    },
    { requiredKeys: ['role', 'id'] },
  );
  return fc
    .record({
      id: token,
      channel: fc.constantFrom(...channels),
      visibility: fc.option(fc.constantFrom('public', 'private' as const), { nil: undefined }),
      direction: fc.constantFrom('inbound', 'outbound' as const),
      start: fc.integer({ min: from, max: to }),
      duration: fc.option(fc.integer({ min: 0, max: 3 * 3_600_000 }), { nil: undefined }),
      source: fc.option(slug, { nil: undefined }),
      region: fc.option(fc.constantFrom('US', 'GB', 'BR', 'DE'), { nil: undefined }),
      subject: fc.option(sentence, { nil: undefined }),
      participants: fc.uniqueArray(participant, { maxLength: 4, selector: (p) => p.id }),
      identifiers: fc.array(observedIdentifierArbitrary(options), {
        maxLength: options.maxIdentifiers ?? 4,
      }),
      messages: fc.array(
        fc.record({
          author: fc.constantFrom('customer', 'agent', 'bot', 'system' as const),
          text: sentence,
          offset: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
          pick: fc.nat(),
        }),
        { maxLength: options.maxMessages ?? 6 },
      ),
      references: fc.array(
        fc.record({
          kind: fc.constantFrom(...ReferenceKindSchema.options),
          value: fc.stringMatching(/^[A-Z]{0,3}-?\d{4,10}$/),
          origin: fc.constantFrom('provided', 'extracted' as const),
        }),
        { maxLength: 3 },
      ),
      thread: fc.option(
        fc.record(
          {
            messageId: fc.stringMatching(/^<[a-z0-9]{4,12}@mail\.example>$/),
            inReplyTo: fc.array(fc.stringMatching(/^<[a-z0-9]{4,12}@mail\.example>$/), {
              maxLength: 2,
            }),
            postId: fc.stringMatching(/^\d{8,19}$/),
            inReplyToPostId: fc.stringMatching(/^\d{8,19}$/),
            conversationId: token,
            previousContactId: token,
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      attributes: fc.option(
        fc.dictionary(
          slug.filter((k) => k !== 'constructor' && k !== 'prototype'),
          sentence,
          { maxKeys: 3 },
        ),
        {
          nil: undefined,
        },
      ),
      status: fc.option(
        fc.constantFrom(
          'open',
          'pending',
          'waiting_on_customer',
          'resolved',
          'closed',
          'abandoned' as const,
        ),
        {
          nil: undefined,
        },
      ),
    })
    .map((r) => {
      const raw = {
        id: r.id,
        channel: r.channel,
        direction: r.direction,
        startedAt: new Date(r.start).toISOString(),
        participants: r.participants,
        identifiers: r.identifiers,
        messages: r.messages.map((m) => {
          const author = r.participants.find((p) => p.role === m.author);
          return {
            author: m.author,
            text: m.text,
            ...(author?.id !== undefined && m.pick % 2 === 0 ? { participantId: author.id } : {}),
            ...(m.offset === undefined ? {} : { at: new Date(r.start + m.offset).toISOString() }),
          };
        }),
        references: r.references,
        ...(r.visibility === undefined ? {} : { visibility: r.visibility }),
        ...(r.duration === undefined
          ? {}
          : { endedAt: new Date(r.start + r.duration).toISOString() }),
        ...(r.source === undefined ? {} : { source: r.source }),
        ...(r.region === undefined ? {} : { region: r.region }),
        ...(r.subject === undefined ? {} : { subject: r.subject }),
        ...(r.thread === undefined ? {} : { thread: r.thread }),
        ...(r.attributes === undefined ? {} : { attributes: r.attributes }),
        ...(r.status === undefined ? {} : { status: r.status }),
      };
      return InteractionSchema.parse(raw);
    });
}

/**
 * Valid {@link Journey}s: distinct interaction ids, channel hops, a consistent time span.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { journeyArbitrary } from 'threadline/testing';
 *
 * fc.assert(fc.property(journeyArbitrary(), (j) => j.interactionIds.length === new Set(j.interactionIds).size));
 * ```
 */
export function journeyArbitrary(window: TimeWindow = {}): fc.Arbitrary<Journey> {
  const from = window.from ?? MIN_TIME;
  const to = window.to ?? MAX_TIME;
  return fc
    .record({
      id: token,
      customerId: token,
      status: fc.constantFrom(
        'open',
        'waiting_on_customer',
        'waiting_on_business',
        'resolved',
        'reopened' as const,
      ),
      interactionIds: fc.uniqueArray(token, { minLength: 1, maxLength: 8 }),
      channels: fc.array(fc.constantFrom(...KNOWN_CHANNELS), { minLength: 1, maxLength: 5 }),
      topic: fc.option(sentence, { nil: undefined }),
      opened: fc.integer({ min: from, max: to }),
      span: fc.integer({ min: 0, max: 14 * 86_400_000 }),
      resolved: fc.boolean(),
    })
    .map((r) =>
      JourneySchema.parse({
        id: r.id,
        customerId: r.customerId,
        status: r.resolved ? 'resolved' : r.status,
        interactionIds: r.interactionIds,
        channels: r.channels,
        openedAt: new Date(r.opened).toISOString(),
        updatedAt: new Date(r.opened + r.span).toISOString(),
        ...(r.resolved ? { resolvedAt: new Date(r.opened + r.span).toISOString() } : {}),
        ...(r.topic === undefined ? {} : { topic: r.topic }),
      }),
    );
}

/**
 * Valid {@link Customer}s with identifiers and their provenance.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { customerArbitrary } from 'threadline/testing';
 *
 * console.log(fc.sample(customerArbitrary(), 1)[0]?.identifiers.length);
 * ```
 */
export function customerArbitrary(window: TimeWindow = {}): fc.Arbitrary<Customer> {
  const from = window.from ?? MIN_TIME;
  const to = window.to ?? MAX_TIME;
  return fc
    .record({
      id: token,
      names: fc.array(fc.constantFrom('Ana Souza', 'Ana S.', 'Robert Smith', 'Bob Smith'), {
        maxLength: 2,
      }),
      identifiers: fc.array(
        fc.record({
          identifier: identifierArbitrary(),
          trust: trustArbitrary,
          confidence: fc.double({ min: 0, max: 1, noNaN: true }),
          first: fc.integer({ min: from, max: to }),
          interactionIds: fc.uniqueArray(token, { maxLength: 3 }),
        }),
        { maxLength: 5 },
      ),
      interactionIds: fc.uniqueArray(token, { maxLength: 6 }),
      created: fc.integer({ min: from, max: to }),
    })
    .map((r) =>
      CustomerSchema.parse({
        id: r.id,
        names: r.names,
        identifiers: r.identifiers.map((i) => ({
          identifier: i.identifier,
          key: `${i.identifier.kind}:${JSON.stringify(i.identifier)}`,
          trust: i.trust,
          confidence: i.confidence,
          firstSeenAt: new Date(i.first).toISOString(),
          lastSeenAt: new Date(i.first).toISOString(),
          interactionIds: i.interactionIds,
        })),
        interactionIds: r.interactionIds,
        createdAt: new Date(r.created).toISOString(),
        updatedAt: new Date(r.created).toISOString(),
      }),
    );
}

/**
 * Hostile text for totality tests: strings built from fragments a normalizer finds tricky
 * (separators, invisible characters, lone surrogates, near-miss prefixes), arbitrary UTF-16
 * (lone surrogates included), arbitrary graphemes, and any extra arbitraries given.
 *
 * @param fragments - the tricky pieces to combine.
 * @param maxParts - the most fragments in one string (default 12).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { normalizePhone } from 'threadline';
 * import { messyTextArbitrary } from 'threadline/testing';
 *
 * fc.assert(fc.property(messyTextArbitrary(['+', '(0)', '\u200B', 'ext.', '0']), (s) => typeof normalizePhone(s).key === 'string'));
 * ```
 */
export function messyTextArbitrary(
  fragments: readonly string[],
  maxParts = 12,
  ...extra: readonly fc.Arbitrary<string>[]
): fc.Arbitrary<string> {
  const combined = fc
    .array(fc.constantFrom(...fragments), { maxLength: maxParts })
    .map((parts) => parts.join(''));
  return fc.oneof(
    combined,
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    ...extra,
  );
}

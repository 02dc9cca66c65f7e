import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { seededRandom } from '../core/random.js';
import {
  customerArbitrary,
  identifierArbitrary,
  interactionArbitrary,
  journeyArbitrary,
} from '../testing/arbitraries.js';
import {
  ChannelSchema,
  channelProfile,
  IdentifierSchema,
  InteractionIdSchema,
  interactionId,
  interactionJsonSchema,
  modelJsonSchema,
  newInteractionId,
  parseCustomer,
  parseInteraction,
  parseJourney,
  safeParseInteraction,
} from './index.js';

const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const base = { id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z' } as const;

describe('parse ∘ serialize is the identity', () => {
  it('for interactions', () => {
    fc.assert(
      fc.property(interactionArbitrary(), (interaction) => {
        expect(parseInteraction(roundTrip(interaction))).toEqual(interaction);
      }),
      { numRuns: 300 },
    );
  });

  it('for identifiers', () => {
    fc.assert(
      fc.property(identifierArbitrary(), (identifier) => {
        expect(IdentifierSchema.parse(roundTrip(identifier))).toEqual(identifier);
      }),
    );
  });

  it('for journeys', () => {
    fc.assert(
      fc.property(journeyArbitrary(), (journey) => {
        expect(parseJourney(roundTrip(journey))).toEqual(journey);
      }),
    );
  });

  it('for customers', () => {
    fc.assert(
      fc.property(customerArbitrary(), (customer) => {
        expect(parseCustomer(roundTrip(customer))).toEqual(customer);
      }),
    );
  });
});

describe('safeParseInteraction', () => {
  it('fills defaults', () => {
    const result = safeParseInteraction({
      ...base,
      identifiers: [{ kind: 'email', value: 'ana@example.com' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.direction).toBe('inbound');
    expect(result.value.messages).toEqual([]);
    expect(result.value.identifiers[0]?.trust).toEqual({ level: 'claimed' });
  });

  it('addresses every issue by its path', () => {
    const result = safeParseInteraction({
      ...base,
      startedAt: 'noon',
      identifiers: [
        { kind: 'phone', value: '' },
        { kind: 'fax', value: '1' },
      ],
      messages: [{ author: 'customer', text: 42 }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('startedAt');
    expect(paths).toContain('identifiers.0.value');
    expect(paths).toContain('identifiers.1.kind');
    expect(paths).toContain('messages.0.text');
  });

  it('refuses unknown fields rather than dropping them', () => {
    const result = safeParseInteraction({ ...base, chanel: 'sms' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('refuses attribute keys that reach the prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const input = JSON.parse(
        `{"id":"a","channel":"chat","startedAt":"2026-03-01T09:00:00Z","attributes":{"${key}":"x","ok":"y"}}`,
      );
      const result = safeParseInteraction(input);
      expect(result.ok, key).toBe(false);
      if (!result.ok) expect(result.issues[0]?.path).toEqual(['attributes', key]);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('checks the rules that span fields', () => {
    const result = safeParseInteraction({
      ...base,
      endedAt: '2026-03-01T08:00:00Z',
      participants: [{ role: 'agent', id: 'a1' }],
      messages: [
        { id: 'm1', author: 'agent', participantId: 'a2', text: 'hi' },
        { id: 'm1', author: 'customer', text: 'hello' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path.join('.'))).toEqual([
      'endedAt',
      'messages.0.participantId',
      'messages.1.id',
    ]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(typeof safeParseInteraction(input).ok).toBe('boolean');
      }),
    );
  });
});

describe('parseInteraction', () => {
  it('throws one library error with a code and the issues', () => {
    try {
      parseInteraction({ ...base, channel: 'carrier-pigeon' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ThreadlineError);
      const error = e as ThreadlineError;
      expect(error.code).toBe('invalid_interaction');
      expect(error.issues[0]?.path).toEqual(['channel']);
      expect(error.message).toContain('channel');
    }
  });
});

describe('channels', () => {
  it('accepts known and custom channels only', () => {
    expect(ChannelSchema.safeParse('whatsapp').success).toBe(true);
    expect(ChannelSchema.safeParse('custom:line').success).toBe(true);
    expect(ChannelSchema.safeParse('custom:').success).toBe(false);
    expect(ChannelSchema.safeParse('Email').success).toBe(false);
  });

  it('describe service expectations, overridable per channel', () => {
    expect(channelProfile('phone')).toMatchObject({
      synchronous: true,
      firstResponseMs: 0,
      resolutionMs: 1_800_000,
    });
    expect(channelProfile('chat').firstResponseMs).toBe(60_000);
    expect(channelProfile('x')).toMatchObject({
      visibility: 'mixed',
      firstResponseMs: 7_200_000,
      resolutionMs: 43_200_000,
    });
    expect(channelProfile('email')).toMatchObject({
      firstResponseMs: 43_200_000,
      resolutionMs: 86_400_000,
    });
    expect(channelProfile('email', { email: { firstResponseMs: 1 } }).firstResponseMs).toBe(1);
    expect(channelProfile('custom:kiosk', { 'custom:kiosk': { synchronous: true } })).toMatchObject(
      {
        label: 'kiosk',
        synchronous: true,
      },
    );
  });
});

describe('ids', () => {
  it('makes reproducible ULIDs from an injected clock and seed', () => {
    const now = Date.parse('2026-03-01T09:00:00Z');
    const a = newInteractionId({ now, random: seededRandom(5) });
    const b = newInteractionId({ now, random: seededRandom(5) });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newInteractionId({ now: now + 1, random: seededRandom(5) }) > a).toBe(true);
    expect(() => newInteractionId({ now: -1, random: seededRandom(5) })).toThrow(ThreadlineError);
    // The epoch itself is a time like any other, not "no time given".
    const epoch = newInteractionId({ now: 0, random: seededRandom(5) });
    expect(epoch.slice(0, 10)).toBe('0000000000');
    expect(newInteractionId({ now: 0, random: seededRandom(5) })).toBe(epoch);
  });

  it('accepts callers’ own ids but not whitespace or control characters', () => {
    expect(interactionId('zendesk:48151')).toBe('zendesk:48151');
    expect(InteractionIdSchema.safeParse('a b').success).toBe(false);
    expect(InteractionIdSchema.safeParse('a\u0000').success).toBe(false);
    expect(() => interactionId('')).toThrow(ThreadlineError);
  });
});

describe('JSON Schema export', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(interactionJsonSchema());

  it('accepts every valid interaction', () => {
    fc.assert(
      fc.property(interactionArbitrary(), (interaction) => {
        expect(validate(roundTrip(interaction)), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects what the schema rejects field by field', () => {
    expect(validate({ ...base })).toBe(true);
    expect(validate({ ...base, channel: 'fax' })).toBe(false);
    expect(validate({ ...base, extra: 1 })).toBe(false);
    expect(validate({ ...base, startedAt: 'noon' })).toBe(false);
    expect(validate({ ...base, identifiers: [{ kind: 'phone' }] })).toBe(false);
  });

  it('exports journeys and customers too', () => {
    expect(modelJsonSchema('journey').type).toBe('object');
    expect(modelJsonSchema('customer').type).toBe('object');
  });
});

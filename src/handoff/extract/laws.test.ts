import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../model/interaction.js';
import { normalizePhone } from '../../normalize/phone/phone.js';
import { interactionArbitrary, messyTextArbitrary } from '../../testing/arbitraries.js';
import type { Citation } from '../citation.js';
import { extractActions } from './actions.js';
import { extractCommitments } from './commitments.js';
import { extractFacts } from './facts.js';
import { extractOpenQuestions } from './questions.js';
import {
  CommitmentSchema,
  FactSchema,
  OpenQuestionSchema,
  SentimentTrendSchema,
  TriedActionSchema,
} from './schema.js';
import { sentiment, sentimentTrend } from './sentiment.js';
import { conversation } from './test-helpers.js';

// Pieces of text that each extractor reacts to, plus the characters that break naive scanners.
const FRAGMENTS = [
  "I'll call you back tomorrow",
  "we'll refund you within 5 days",
  'by Friday',
  'next week',
  'in 3-5 business days',
  'has been issued',
  "I've reset",
  'Replacement sent',
  'order #',
  'A-55123',
  '3348917502',
  '?',
  '!',
  '.',
  ',',
  ' ',
  '\n',
  '$',
  '€12,50',
  'USD 1,200.00',
  '@',
  'cminh730@email.com',
  '(977) 625-2661',
  '+44 20 7946 0958',
  'may I have your name and order ID',
  'Crystal Minh',
  'Username: ',
  'zip code ',
  '85971',
  '6821 1st Ave',
  ' Street',
  ', MI ',
  'yesterday',
  '3 days ago',
  '03/05/2026',
  'March 5',
  'the Michael Kors jeans',
  'my ',
  'bought a ',
  'not ',
  'very ',
  'but ',
  'ABC123',
  'DM us your booking ref',
  '\uD800',
  '\uDFFF',
  '😡',
  '👍',
  '’',
  'İ',
  'ß',
  '\u200B',
];

const messy = messyTextArbitrary(FRAGMENTS, 16);

/** Interactions whose messages (and some subjects) carry hostile text. */
const journey: fc.Arbitrary<Interaction[]> = fc
  .tuple(
    fc.array(interactionArbitrary({ maxMessages: 5, maxIdentifiers: 3 }), { maxLength: 4 }),
    fc.array(messy, { minLength: 24, maxLength: 24 }),
  )
  .map(([interactions, texts]) => {
    let n = 0;
    const next = () => texts[n++ % texts.length] ?? '';
    return interactions.map((interaction) => ({
      ...interaction,
      ...(interaction.subject === undefined ? {} : { subject: next() }),
      messages: interaction.messages.map((message) => ({ ...message, text: next() })),
    }));
  });

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** Checks that a citation points at an interaction of the input and, when it has one, a message. */
function expectValid(citation: Citation, interactions: readonly Interaction[]): void {
  const owners = interactions.filter((i) => i.id === citation.interactionId);
  expect(owners.length).toBeGreaterThan(0);
  if (citation.messageIndex === undefined) return;
  const index = citation.messageIndex;
  const fits = owners.some((owner) => {
    const message = owner.messages[index];
    if (message === undefined) return false;
    if (citation.author !== undefined && citation.author !== message.author) return false;
    if (citation.start === undefined || citation.end === undefined) return true;
    return citation.start <= citation.end && citation.end <= message.text.length;
  });
  expect(fits).toBe(true);
}

function roundTrips(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe('laws of the extractors', () => {
  it('are total on any interactions, return schema-valid JSON, and are deterministic', () => {
    fc.assert(
      fc.property(journey, (interactions) => {
        const facts = extractFacts(interactions);
        const commitments = extractCommitments(interactions, { now: NOW });
        const questions = extractOpenQuestions(interactions);
        const actions = extractActions(interactions);
        const trend = sentimentTrend(interactions);
        for (const fact of facts) FactSchema.parse(fact);
        for (const c of commitments) CommitmentSchema.parse(c);
        for (const q of questions) OpenQuestionSchema.parse(q);
        for (const a of actions) TriedActionSchema.parse(a);
        SentimentTrendSchema.parse(trend);
        for (const value of [facts, commitments, questions, actions, trend]) roundTrips(value);
        expect(extractFacts(interactions)).toEqual(facts);
        expect(extractCommitments(interactions, { now: NOW })).toEqual(commitments);
        expect(extractOpenQuestions(interactions)).toEqual(questions);
        expect(extractActions(interactions)).toEqual(actions);
        expect(sentimentTrend(interactions)).toEqual(trend);
      }),
    );
  });

  it('cite only interactions and messages of the input, and quote the text they cite', () => {
    fc.assert(
      fc.property(journey, (interactions) => {
        for (const fact of extractFacts(interactions)) {
          for (const citation of fact.citations) {
            expectValid(citation, interactions);
            if (
              citation.messageIndex !== undefined &&
              citation.start !== undefined &&
              citation.end !== undefined
            ) {
              const owner = interactions.find(
                (i) =>
                  i.id === citation.interactionId &&
                  i.messages[citation.messageIndex ?? -1] !== undefined,
              );
              const text = owner?.messages[citation.messageIndex]?.text ?? '';
              expect(text.slice(citation.start, citation.end)).toBe(citation.text);
            }
          }
        }
        for (const c of extractCommitments(interactions, { now: NOW })) {
          expectValid(c.citation, interactions);
          if (c.fulfilledBy !== undefined) expectValid(c.fulfilledBy, interactions);
        }
        for (const q of extractOpenQuestions(interactions)) expectValid(q.citation, interactions);
        for (const a of extractActions(interactions)) expectValid(a.citation, interactions);
      }),
    );
  });

  it('keep one fact per kind and normalized value, with sightings in time order', () => {
    fc.assert(
      fc.property(journey, (interactions) => {
        const facts = extractFacts(interactions);
        const keys = facts.map((f) => `${f.kind}\u0000${f.normalized}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const fact of facts) {
          const times = fact.citations.map((c) => Date.parse(c.at));
          expect(times).toEqual([...times].sort((a, b) => a - b));
          expect(fact.verified).toBe(fact.citations.some((c) => c.verified));
          expect(Date.parse(fact.firstSeen)).toBe(Math.min(...times));
          expect(Date.parse(fact.lastSeen)).toBe(Math.max(...times));
        }
      }),
    );
  });

  it('never lose a verified identifier: what identifiers alone verify stays verified', () => {
    fc.assert(
      fc.property(journey, (interactions) => {
        const bare = interactions.map((i) => ({
          ...i,
          messages: [],
          subject: undefined,
          references: [],
          participants: [],
        }));
        const verified = extractFacts(bare).filter((f) => f.verified);
        const full = extractFacts(interactions);
        for (const fact of verified) {
          const same = full.find((f) => f.kind === fact.kind && f.normalized === fact.normalized);
          expect(same?.verified).toBe(true);
        }
      }),
    );
  });

  it('verify a phone the customer types when the channel verified the same number', () => {
    const formats = [
      (a: string, b: string, c: string) => `(${a}) ${b}-${c}`,
      (a: string, b: string, c: string) => `${a}-${b}-${c}`,
      (a: string, b: string, c: string) => `${a}.${b}.${c}`,
      (a: string, b: string, c: string) => `+1 ${a} ${b} ${c}`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 201, max: 989 }),
        fc.integer({ min: 200, max: 999 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom(...formats),
        (area, exchange, line, format) => {
          const [a, b, c] = [String(area), String(exchange), String(line).padStart(4, '0')];
          const e164 = normalizePhone(`+1${a}${b}${c}`).e164;
          fc.pre(e164 !== undefined && normalizePhone(`+1${a}${b}${c}`).possible);
          const call = conversation(
            'call-1',
            '2026-03-01T10:00:00Z',
            [['customer', `it's ${format(a, b, c)}, thanks`]],
            {
              channel: 'phone',
              region: 'US',
              identifiers: [
                {
                  kind: 'phone',
                  value: `+1${a}${b}${c}`,
                  trust: { level: 'verified', method: 'channel_native' },
                },
              ],
            },
          );
          const phones = extractFacts([call]).filter((f) => f.kind === 'phone');
          expect(phones).toHaveLength(1);
          expect(phones[0]?.verified).toBe(true);
          expect(phones[0]?.citations).toHaveLength(2);
        },
      ),
    );
  });

  it('give promises due times at or after the message, and flag exactly the overdue ones', () => {
    fc.assert(
      fc.property(
        journey,
        fc.integer({ min: Date.parse('2019-01-01'), max: Date.parse('2032-01-01') }),
        (interactions, now) => {
          for (const c of extractCommitments(interactions, { now })) {
            if (c.due !== undefined)
              expect(Date.parse(c.due)).toBeGreaterThanOrEqual(Date.parse(c.madeAt));
            const late = c.due !== undefined && Date.parse(c.due) < now;
            expect(c.overdue).toBe(late && !c.fulfilled);
            expect(c.fulfilledBy !== undefined).toBe(c.fulfilled);
          }
        },
      ),
    );
  });

  it('score any text within [-1, 1]', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const score = sentiment(text);
        expect(score).toBeGreaterThanOrEqual(-1);
        expect(score).toBeLessThanOrEqual(1);
        expect(sentiment(text)).toBe(score);
      }),
    );
  });
});

describe('long and hostile messages', () => {
  // 100 kB messages of the patterns that make naive scanners quadratic. Run once each: they
  // must finish and stay within the laws; the benchmark reports the time they take.
  const units = [
    '1',
    '1 ',
    '1-',
    '$1,111',
    '@a.',
    'a@',
    'order ',
    '6821 1st ',
    'will ',
    "I'll call ",
    '?',
    '. ',
    'not ',
    'Crystal ',
    'my name is ',
    '(977) ',
    '\uD800',
    '😡',
  ];
  it.each(units)('repeated %j', (unit) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const chat = conversation(
      'c1',
      '2026-03-04T15:00:00Z',
      [
        ['agent', 'May I have your name, username, phone, order ID and address?'],
        ['customer', text],
        ['agent', text],
      ],
      { region: 'US' },
    );
    const facts = extractFacts([chat]);
    for (const fact of facts) for (const c of fact.citations) expectValid(c, [chat]);
    expect(() => extractCommitments([chat], { now: NOW })).not.toThrow();
    expect(() => extractOpenQuestions([chat])).not.toThrow();
    expect(() => extractActions([chat])).not.toThrow();
    const score = sentiment(text);
    expect(Math.abs(score)).toBeLessThanOrEqual(1);
  });
});

import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { compileReferencePatterns } from '../../normalize/reference/patterns.js';
import { extractFacts } from './facts.js';
import { normalizeFactValue } from './normalize.js';
import type { Fact, FactKind } from './schema.js';
import { conversation } from './test-helpers.js';

const T0 = '2026-03-04T15:00:00Z';

function values(facts: readonly Fact[], kind: FactKind): string[] {
  return facts.filter((f) => f.kind === kind).map((f) => f.normalized);
}

describe('extractFacts: labelled values', () => {
  it('reads labels with colons and with "is"', () => {
    const facts = extractFacts(
      [
        conversation('c1', T0, [
          ['customer', 'Username: ana_souza88'],
          ['customer', 'my email is Ana.Souza@Example.com and my name is Ana Souza.'],
          ['customer', 'Zip code: 94107'],
          ['customer', 'Account number: 77812093'],
          ['customer', 'my phone number is 4155550199'],
        ]),
      ],
      { region: 'US' },
    );
    expect(values(facts, 'username')).toEqual(['ana_souza88']);
    expect(values(facts, 'email')).toEqual(['ana.souza@example.com']);
    expect(values(facts, 'name')).toEqual(['ana souza']);
    expect(values(facts, 'postcode')).toEqual(['94107']);
    expect(values(facts, 'account_id')).toEqual(['77812093']);
    expect(values(facts, 'phone')).toEqual(['+14155550199']);
    const username = facts.find((f) => f.kind === 'username');
    expect(username?.citations[0]?.evidence).toBe('label');
    expect(username?.citations[0]?.text).toBe('ana_souza88');
  });

  it('does not read everyday words after a detail word as values', () => {
    const facts = extractFacts([
      conversation('c1', T0, [
        ['customer', 'my account got suspended and my username is not working'],
        ['customer', 'What is the name of the product?'],
        ['customer', 'my address is wrong on the invoice'],
        ['customer', 'the email is not arriving'],
      ]),
    ]);
    expect(facts).toEqual([]);
  });

  it('reads personal details from the customer only', () => {
    const facts = extractFacts([
      conversation('c1', T0, [
        ['agent', 'Hi, my name is Priya. Email us at help@shop.example or call +1 415 555 0123.'],
        ['bot', 'Username: helperbot'],
      ]),
    ]);
    expect(facts.filter((f) => ['name', 'email', 'phone', 'username'].includes(f.kind))).toEqual(
      [],
    );
  });
});

describe('extractFacts: answers to questions', () => {
  it('reads bare answers as the details asked for, in the order asked', () => {
    const facts = extractFacts(
      [
        conversation('c1', T0, [
          ['agent', 'sure, may I have your name please?'],
          ['customer', 'Crystal Minh'],
          ['agent', 'thanks, may I ask the reason for the return?'],
          ['customer', 'I got the wrong size.'],
          ['agent', 'I will need your username and order number.'],
          ['customer', 'cminh730, 3348917502'],
          ['agent', "I'd just need your phone number."],
          ['customer', '9776252661'],
        ]),
      ],
      { region: 'US' },
    );
    expect(values(facts, 'name')).toEqual(['crystal minh']);
    expect(values(facts, 'username')).toEqual(['cminh730']);
    expect(values(facts, 'order_id')).toEqual(['3348917502']);
    expect(values(facts, 'phone')).toEqual(['+19776252661']);
    expect(facts.every((f) => f.citations.every((c) => c.evidence === 'answer'))).toBe(true);
  });

  it('keeps a request open across "please" and reads a number as an id, not a username', () => {
    const facts = extractFacts([
      conversation('c1', T0, [
        ['agent', 'would you give me your full name or account ID'],
        ['customer', 'Alessandro Phoenix'],
        ['customer', 'aphoenix939'],
        ['agent', 'additional to this you would give me the order ID and email'],
        ['agent', 'please'],
        ['customer', '7916676427'],
        ['customer', 'aphoenix939@email.com'],
        ['customer', 'no worries'],
      ]),
    ]);
    expect(values(facts, 'name')).toEqual(['alessandro phoenix']);
    expect(values(facts, 'account_id')).toEqual(['APHOENIX939']);
    expect(values(facts, 'order_id')).toEqual(['7916676427']);
    expect(values(facts, 'email')).toEqual(['aphoenix939@email.com']);
  });

  it('reads an address answer whole, with its postcode', () => {
    const facts = extractFacts([
      conversation('c1', T0, [
        ['agent', 'and the new address please?'],
        ['customer', '9756 Primrose Street Newark, MI 85971'],
      ]),
    ]);
    expect(values(facts, 'address')).toEqual(['9756 primrose st newark mi 85971']);
    expect(values(facts, 'postcode')).toEqual(['85971']);
  });

  it('does not read answers without a question, after a new question, or long after', () => {
    const noQuestion = extractFacts([conversation('c1', T0, [['customer', 'Crystal Minh']])]);
    expect(noQuestion).toEqual([]);
    const replaced = extractFacts([
      conversation('c1', T0, [
        ['agent', 'May I have your name?'],
        ['agent', 'Also, what is the reason for the return?'],
        ['customer', 'Wrong size'],
      ]),
    ]);
    expect(replaced).toEqual([]);
    const late = extractFacts([
      conversation('c1', T0, [
        ['agent', 'What is your order number?', '2026-03-01T09:00:00Z'],
        ['customer', '55512345', '2026-03-05T09:00:00Z'],
      ]),
    ]);
    expect(late).toEqual([]);
  });

  it('answers a request made in another interaction (a DM after a public reply)', () => {
    const tweet = conversation(
      'tw-1',
      '2026-03-01T09:00:00Z',
      [
        ['customer', '@AirCo my flight got cancelled and nobody tells me anything'],
        ['agent', "We're sorry to hear that. Please DM us your booking ref and we'll take a look."],
      ],
      { channel: 'x', visibility: 'public' },
    );
    const dm = conversation('dm-1', '2026-03-01T09:20:00Z', [['customer', 'ABC123']], {
      channel: 'x',
      visibility: 'private',
    });
    const facts = extractFacts([dm, tweet]);
    const booking = facts.find((f) => f.kind === 'booking');
    expect(booking?.normalized).toBe('ABC123');
    expect(booking?.citations[0]?.interactionId).toBe('dm-1');
  });
});

describe('extractFacts: identifiers, references and verification', () => {
  it('marks a value verified when it is also a verified identifier, and keeps every citation', () => {
    const call = conversation(
      'call-1',
      '2026-03-02T10:00:00Z',
      [['customer', 'my number is (415) 555-0199']],
      {
        channel: 'phone',
        region: 'US',
        identifiers: [
          {
            kind: 'phone',
            value: '+14155550199',
            trust: { level: 'verified', method: 'channel_native' },
          },
        ],
      },
    );
    const chat = conversation(
      'chat-1',
      '2026-03-01T10:00:00Z',
      [['customer', 'call me on 415-555-0199']],
      {
        region: 'US',
      },
    );
    const facts = extractFacts([call, chat]);
    expect(facts).toHaveLength(1);
    const phone = facts[0];
    expect(phone?.verified).toBe(true);
    expect(phone?.citations.map((c) => [c.interactionId, c.messageIndex, c.verified])).toEqual([
      ['chat-1', 0, false],
      ['call-1', undefined, true],
      ['call-1', 0, false],
    ]);
    expect(phone?.firstSeen).toBe('2026-03-01T10:00:00Z');
    expect(phone?.lastSeen).toBe('2026-03-02T10:00:00Z');
  });

  it('reads identifiers, references, customer display names and the subject', () => {
    const email = conversation('em-1', T0, [['customer', 'Hello, still nothing.']], {
      channel: 'email',
      subject: 'Re: Order #A-55123 not delivered',
      participants: [
        { role: 'customer', name: 'Ana Souza' },
        { role: 'agent', name: 'Priya Rao' },
      ],
      identifiers: [
        { kind: 'email', value: '"Ana" <Ana@Example.com>' },
        { kind: 'account', namespace: 'username', value: '@AnaS' },
        {
          kind: 'account',
          namespace: 'shopify',
          value: 'cus-7781',
          trust: { level: 'verified', method: 'login' },
        },
        { kind: 'social', platform: 'twitter', handle: '@Ana_Souza' },
        { kind: 'device', type: 'cookie', value: 'c9f1e2' },
      ],
      references: [{ kind: 'order', value: 'A-55123', origin: 'provided' }],
    });
    const facts = extractFacts([email]);
    const byKind = Object.fromEntries(facts.map((f) => [f.kind, f]));
    expect(byKind.email?.normalized).toBe('ana@example.com');
    expect(byKind.username?.normalized).toBe('anas');
    expect(byKind.account_id).toMatchObject({ normalized: 'CUS7781', verified: true });
    expect(byKind.social_handle?.normalized).toBe('x:ana_souza');
    expect(byKind.name?.normalized).toBe('ana souza');
    expect(byKind.order_id).toMatchObject({ normalized: 'A55123', verified: true });
    expect(byKind.order_id?.citations.map((c) => c.evidence)).toEqual(['reference', 'keyword']);
    expect(facts.some((f) => f.normalized === 'priya rao')).toBe(false);
    expect(facts).toHaveLength(6);
  });

  it('uses a custom reference extractor', () => {
    const extractor = compileReferencePatterns([
      { name: 'rma', kind: 'ticket', keywords: ['rma'], value: 'R\\d{7}' },
    ]);
    const facts = extractFacts([conversation('c1', T0, [['customer', 'RMA R1234567 please']])], {
      referenceExtractor: extractor,
    });
    expect(values(facts, 'ticket')).toEqual(['R1234567']);
  });

  it('rejects malformed options with path-addressed issues', () => {
    expect(() => extractFacts([], { region: 'usa' } as never)).toThrow(ThreadlineError);
    try {
      extractFacts([], { dateOrder: 'ymd' } as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ThreadlineError);
      expect((e as ThreadlineError).code).toBe('invalid_options');
      expect((e as ThreadlineError).issues[0]?.path).toEqual(['dateOrder']);
    }
  });
});

describe('extractFacts: shapes in customer text', () => {
  it('takes phones written like phones, never bare digit runs or dates', () => {
    const facts = extractFacts(
      [
        conversation('c1', T0, [
          ['customer', 'reach me at (977) 625-2661 or +44 20 7946 0958'],
          ['customer', 'order 3348917502 was placed on 2026-02-11, tracking 1Z999AA10123456784'],
        ]),
      ],
      { region: 'US' },
    );
    expect(values(facts, 'phone')).toEqual(['+19776252661', '+442079460958']);
    expect(values(facts, 'order_id')).toEqual(['3348917502']);
    expect(values(facts, 'tracking')).toEqual(['1Z999AA10123456784']);
    expect(values(facts, 'date')).toEqual(['2026-02-11']);
  });

  it('finds street addresses with their postcodes, and not durations', () => {
    const facts = extractFacts([
      conversation('c1', T0, [
        ['customer', 'Please ship it to 6821 1st Ave, San Mateo, NY 75227 instead.'],
        ['customer', 'It is a 5 minute drive from 10 Downing Street London SW1A 2AA'],
        ['customer', 'I waited 2 more days'],
      ]),
    ]);
    expect(values(facts, 'address')).toEqual([
      '6821 1st ave san mateo ny 75227',
      '10 downing st london sw1a 2aa',
    ]);
    expect(values(facts, 'postcode')).toEqual(['75227', 'SW1A2AA']);
  });

  it('finds amounts with a currency and dates, in every author’s words', () => {
    const facts = extractFacts(
      [
        conversation('c1', '2026-03-04T15:00:00-05:00', [
          ['customer', 'I was charged $1,249.99 twice yesterday, and €12,50 on March 1st'],
          [
            'agent',
            'I see a refund of USD 45 issued 3 days ago; the rate is 39.99 for items 5 lbs or less.',
          ],
        ]),
      ],
      { region: 'US' },
    );
    expect(values(facts, 'amount')).toEqual(['$ 1249.99', 'EUR 12.50', 'USD 45.00']);
    expect(values(facts, 'date')).toEqual(['2026-03-03', '2026-03-01']);
  });

  it('reads ambiguous numeric dates only when the order is known', () => {
    const text = 'It was delivered on 03/05/2026, not 13/05/2026';
    const unknown = extractFacts([conversation('c1', T0, [['customer', text]])]);
    expect(values(unknown, 'date')).toEqual(['2026-05-13']);
    const us = extractFacts([conversation('c1', T0, [['customer', text]], { region: 'US' })]);
    expect(values(us, 'date')).toEqual(['2026-03-05', '2026-05-13']);
    const gb = extractFacts([conversation('c1', T0, [['customer', text]])], { dateOrder: 'dmy' });
    expect(values(gb, 'date')).toEqual(['2026-05-03', '2026-05-13']);
  });

  it('names products conservatively', () => {
    const facts = extractFacts([
      conversation('c1', T0, [
        ['customer', 'The Michael Kors jeans I ordered are too small.'],
        ['customer', 'I bought a Dyson last week and my iPhone 15 is fine.'],
        ['customer', "It's the Whisker Wellness multivitamin chews for my cat Mochi."],
        ['customer', 'I need to return an item, I got the wrong size. I bought it in November.'],
        ['customer', "I'd like to use it to buy some hats for my cat."],
      ]),
    ]);
    expect(values(facts, 'product')).toEqual([
      'michael kors jeans',
      'dyson',
      'iphone 15',
      'whisker wellness multivitamin chews',
    ]);
  });
});

describe('extractFacts: social-media noise', () => {
  it('never reads mentions, links, shouting or clock times as details', () => {
    const facts = extractFacts([
      conversation('tw-1', T0, [
        ['customer', '@ShopHelp my WORST phone ever, the 11:04 train from Lime Street was late'],
        ['customer', '@ShopHelp bought a new case, see https://t.co/rX0kTd1JRo'],
        ['agent', 'Please DM us your booking reference and full name.'],
        ['customer', 'https://t.co/CGl5TdEFIb'],
        ['customer', 'Seats 634/9772 were double booked. Keep us posted.'],
      ]),
    ]);
    expect(facts).toEqual([]);
  });

  it('still reads products named next to mentions', () => {
    const facts = extractFacts([
      conversation('tw-1', T0, [
        ['customer', '@AppleSupport my iPhone 8 Plus such a great phone keeps freezing'],
      ]),
    ]);
    expect(values(facts, 'product')).toEqual(['iphone 8 plus']);
  });
});

describe('normalizeFactValue', () => {
  it('agrees with the keys extractFacts gives', () => {
    const facts = extractFacts(
      [
        conversation('c1', T0, [
          ['customer', 'Username: CMinh730'],
          ['customer', 'ship to 9756 Primrose Street Newark, MI 85971, call (977) 625-2661'],
          ['customer', 'it cost £40 on 5 March 2026'],
        ]),
      ],
      { region: 'US' },
    );
    for (const fact of facts) {
      expect(normalizeFactValue(fact.kind, fact.value, { region: 'US' })).toBe(fact.normalized);
    }
    expect(facts.map((f) => f.kind).sort()).toEqual([
      'address',
      'amount',
      'date',
      'phone',
      'postcode',
      'username',
    ]);
  });

  it('returns undefined for values that are not of the kind', () => {
    expect(normalizeFactValue('email', 'ana at example')).toBeUndefined();
    expect(normalizeFactValue('phone', 'call me')).toBeUndefined();
    expect(normalizeFactValue('name', 'Guest')).toBeUndefined();
    expect(normalizeFactValue('postcode', 'ABCDEFG')).toBeUndefined();
    expect(normalizeFactValue('amount', '39.99')).toBeUndefined();
    expect(normalizeFactValue('date', 'March 5')).toBeUndefined();
    expect(normalizeFactValue('social_handle', 'ana')).toBeUndefined();
    expect(normalizeFactValue('order_id', '   ')).toBeUndefined();
    expect(normalizeFactValue('social_handle', 'twitter:@Ana_Souza')).toBe('x:ana_souza');
  });
});

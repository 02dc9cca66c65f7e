import { describe, expect, it } from 'vitest';
import { extractActions } from './actions.js';
import { extractCommitments } from './commitments.js';
import { extractFacts } from './facts.js';
import { extractOpenQuestions } from './questions.js';
import type { Fact } from './schema.js';
import { sentimentTrend } from './sentiment.js';
import { conversation } from './test-helpers.js';

function ledger(facts: readonly Fact[]): string[] {
  return facts.map((f) => `${f.kind} ${f.normalized}${f.verified ? ' (verified)' : ''}`);
}

describe('story: a pet pharmacy chat, then an angry email', () => {
  // Jordan chats on Tuesday afternoon (Chicago time) about a missing order of cat vitamins; the
  // agent promises a callback for the next day that never comes; Jordan emails on Thursday.
  const chat = conversation(
    'pp-chat-1',
    '2026-03-10T14:00:00-05:00',
    [
      [
        'customer',
        "Hi, my order #PP-448812 still hasn't arrived. It's the Whisker Wellness multivitamin chews for my cat Mochi.",
      ],
      ['agent', "I'm sorry about that, Jordan. Could you confirm the phone number on the account?"],
      ['customer', '(312) 874-2219'],
      ['agent', "Thanks. The parcel is held at the depot. I've contacted the depot to release it."],
      ['agent', "I'll call you back tomorrow with the tracking number."],
      ['customer', 'ok. I was charged $38.50 on March 2 and the chews are running out.'],
      ['customer', 'Also, can you send a refill reminder?'],
    ],
    {
      region: 'US',
      identifiers: [
        {
          kind: 'email',
          value: 'jordan.lee@example.com',
          trust: { level: 'verified', method: 'login' },
        },
      ],
    },
  );
  const email = conversation(
    'pp-em-2',
    '2026-03-12T09:30:00-05:00',
    [['customer', 'Nobody called me back yesterday as promised. This is really frustrating.']],
    {
      channel: 'email',
      region: 'US',
      identifiers: [{ kind: 'email', value: 'Jordan.Lee@example.com' }],
    },
  );
  const journey = [email, chat];

  it('lists what Jordan already gave, so nobody asks again', () => {
    const facts = extractFacts(journey);
    expect(ledger(facts)).toEqual([
      'email jordan.lee@example.com (verified)',
      'order_id PP448812',
      'product whisker wellness multivitamin chews',
      'phone +13128742219',
      'amount $ 38.50',
      'date 2026-03-02',
      'date 2026-03-11',
    ]);
    const email = facts[0];
    expect(email?.citations.map((c) => c.interactionId)).toEqual(['pp-chat-1', 'pp-em-2']);
    expect(facts.find((f) => f.kind === 'phone')?.citations[0]).toMatchObject({
      interactionId: 'pp-chat-1',
      messageIndex: 2,
      author: 'customer',
      text: '(312) 874-2219',
    });
  });

  it('flags the missed callback as overdue, in Jordan’s time zone', () => {
    const [callback, ...rest] = extractCommitments(journey, { now: '2026-03-12T15:00:00Z' });
    expect(rest).toEqual([]);
    expect(callback).toMatchObject({
      by: 'business',
      action: 'call',
      dueText: 'tomorrow',
      // The end of Wednesday 11 March in Chicago.
      due: '2026-03-12T04:59:59.999Z',
      fulfilled: false,
      overdue: true,
      citation: { interactionId: 'pp-chat-1', messageIndex: 4 },
    });
  });

  it('shows what was done, what is still open, and a customer getting angrier', () => {
    expect(extractActions(journey).map((a) => `${a.action}: ${a.text}`)).toEqual([
      "contact: I've contacted the depot to release it.",
    ]);
    expect(extractOpenQuestions(journey).map((q) => `${q.by}: ${q.text}`)).toEqual([
      'customer: Also, can you send a refill reminder?',
    ]);
    const trend = sentimentTrend(journey);
    expect(trend.trend).toBe('worsening');
    expect(trend.perInteraction.map((p) => p.interactionId)).toEqual(['pp-chat-1', 'pp-em-2']);
  });
});

describe('story: a public tweet moves to a DM', () => {
  const handle = {
    kind: 'social',
    platform: 'x',
    handle: '@sam_travels',
    trust: { level: 'verified', method: 'channel_native' },
  } as const;
  const tweet = conversation(
    'tw-1',
    '2026-03-01T09:00:00Z',
    [
      ['customer', '@AirCo flight cancelled, been on hold 2 hours and still no rebooking. Awful.'],
      [
        'agent',
        "Hi Sam, sorry to hear that. Please DM us your booking ref and we'll look into it right away.",
      ],
    ],
    { channel: 'x', visibility: 'public', identifiers: [handle] },
  );
  const dm = conversation(
    'dm-1',
    '2026-03-01T09:12:00Z',
    [
      ['customer', 'ABC123'],
      ['customer', 'I need to be in Lisbon by Friday'],
      [
        'agent',
        "Thanks Sam. I've booked you on the 18:40 flight tomorrow; your new confirmation is on its way by email.",
      ],
      ['agent', "We'll also refund the $89 fare difference within 7 days."],
      ['customer', "Thank you, that's great!"],
    ],
    { channel: 'x', visibility: 'private', identifiers: [{ ...handle, handle: 'sam_travels' }] },
  );
  const journey = [dm, tweet];

  it('reads the bare booking reference in the DM as the answer to the public reply', () => {
    expect(ledger(extractFacts(journey))).toEqual([
      'social_handle x:sam_travels (verified)',
      'booking ABC123',
      'amount $ 89.00',
    ]);
    const booking = extractFacts(journey).find((f) => f.kind === 'booking');
    expect(booking?.citations).toEqual([
      {
        interactionId: 'dm-1',
        messageIndex: 0,
        author: 'customer',
        at: '2026-03-01T09:12:00Z',
        start: 0,
        end: 6,
        evidence: 'answer',
        verified: false,
        text: 'ABC123',
      },
    ]);
  });

  it('tracks the refund promise and the improving mood', () => {
    const promises = extractCommitments(journey, { now: '2026-03-10T12:00:00Z' });
    expect(promises.map((c) => [c.action, c.dueText, c.due, c.overdue])).toEqual([
      ['look into', 'right away', undefined, false],
      ['refund', 'within 7 days', '2026-03-08T09:12:00.000Z', true],
    ]);
    expect(extractActions(journey).map((a) => a.action)).toEqual(['book']);
    expect(extractOpenQuestions(journey)).toEqual([]);
    expect(sentimentTrend(journey)).toMatchObject({ trend: 'improving' });
  });
});

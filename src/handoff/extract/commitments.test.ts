import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { parseInteraction } from '../../model/parse.js';
import { extractCommitments } from './commitments.js';
import { conversation } from './test-helpers.js';

// Wednesday 4 March 2026, 15:00 UTC.
const WEDNESDAY = '2026-03-04T15:00:00Z';
const LATER = { now: '2026-06-01T00:00:00Z' };

function one(role: 'agent' | 'customer', text: string, at = WEDNESDAY) {
  const found = extractCommitments([conversation('c1', at, [[role, text]])], LATER);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('extractCommitments: due times', () => {
  it.each([
    ["We'll refund you within 5 days.", 'refund', 'within 5 days', '2026-03-09T15:00:00.000Z'],
    ["I'll call you back in 24 hours.", 'call', 'in 24 hours', '2026-03-05T15:00:00.000Z'],
    ["We'll call you back tomorrow.", 'call', 'tomorrow', '2026-03-05T23:59:59.999Z'],
    [
      'A specialist will give you a call tomorrow morning.',
      'call',
      'tomorrow morning',
      '2026-03-05T12:00:00.000Z',
    ],
    ['We will ship it by Friday.', 'ship', 'Friday', '2026-03-06T23:59:59.999Z'],
    [
      'Our pharmacist will call you back within 2 hours.',
      'call',
      'within 2 hours',
      '2026-03-04T17:00:00.000Z',
    ],
    ["I'll follow up next week.", 'follow up', 'next week', '2026-03-15T23:59:59.999Z'],
    ["I'll send the label today.", 'send', 'today', '2026-03-04T23:59:59.999Z'],
    [
      'Your refund will be processed in 3-5 business days.',
      'refund',
      'in 3-5 business days',
      '2026-03-11T23:59:59.999Z',
    ],
    [
      'We will credit your account by the end of the month.',
      'credit',
      'end of the month',
      '2026-03-31T23:59:59.999Z',
    ],
    ["I'll email you the invoice by March 20.", 'email', 'March 20', '2026-03-20T23:59:59.999Z'],
    [
      "You'll receive a replacement within a week.",
      'replace',
      'within a week',
      '2026-03-11T15:00:00.000Z',
    ],
    [
      'Your order will arrive in a couple of days.',
      'deliver',
      'in a couple of days',
      '2026-03-06T15:00:00.000Z',
    ],
  ])('%s', (text, action, dueText, due) => {
    const c = one('agent', text);
    expect(c).toMatchObject({
      by: 'business',
      author: 'agent',
      action,
      dueText,
      due,
      fulfilled: false,
    });
  });

  it('keeps vague words as text without a due time', () => {
    for (const text of [
      'Someone will contact you shortly.',
      'We will get back to you soon.',
      "I'll check in a few days.",
    ]) {
      const c = one('agent', text);
      expect(c?.due).toBeUndefined();
      expect(c?.dueText).toBeDefined();
      expect(c?.overdue).toBe(false);
    }
    expect(one('agent', "I'll escalate this to my manager.")?.dueText).toBeUndefined();
  });

  it('reads day words in the offset the message was written in', () => {
    const c = one('agent', "I'll call you tomorrow.", '2026-03-04T22:00:00-05:00');
    expect(c?.due).toBe('2026-03-06T04:59:59.999Z');
  });

  it('never puts a due time before the message', () => {
    expect(
      one('agent', "I'll call you this morning.", '2026-03-04T16:00:00Z')?.due,
    ).toBeUndefined();
    expect(one('agent', "I'll send it by March 1.", '2026-03-04T16:00:00Z')?.due).toBeUndefined();
  });
});

describe('extractCommitments: what is and is not a promise', () => {
  it('finds customer promises', () => {
    const c = one('customer', "Thanks! I'll send the photo tonight.");
    expect(c).toMatchObject({
      by: 'customer',
      action: 'send',
      dueText: 'tonight',
      due: '2026-03-04T23:59:59.999Z',
    });
    expect(c?.text).toBe("I'll send the photo tonight.");
    expect(c?.citation).toMatchObject({ interactionId: 'c1', messageIndex: 0, start: 8, end: 36 });
  });

  it.each([
    ['customer', "I'll look forward to hearing from them."],
    ['customer', 'Will you call me back?'],
    ['customer', 'They will call me tomorrow.'],
    ['agent', "I can escalate to my manager if you'd like."],
    ['agent', "We won't charge you again."],
    ['agent', 'I will need your phone number.'],
    ['agent', "We'll be happy to help."],
    ['agent', 'Shall I send it to the same address?'],
  ] as const)('%s: %s', (role, text) => {
    expect(extractCommitments([conversation('c1', WEDNESDAY, [[role, text]])], LATER)).toEqual([]);
  });
});

describe('extractCommitments: kept promises and overdue ones', () => {
  it('is kept by a later report of the same action by the same side', () => {
    const chat = conversation('chat-1', WEDNESDAY, [['agent', "We'll refund you within 5 days."]]);
    const email = conversation(
      'em-2',
      '2026-03-06T09:00:00Z',
      [
        ['customer', "I've sent the receipt, any news?"],
        ['agent', 'Good news: your refund has been issued.'],
      ],
      { channel: 'email' },
    );
    const [c] = extractCommitments([email, chat], LATER);
    expect(c).toMatchObject({ fulfilled: true, overdue: false });
    expect(c?.fulfilledBy).toMatchObject({ interactionId: 'em-2', messageIndex: 1 });
  });

  it('is not kept by the other side or by unrelated actions', () => {
    const chat = conversation('chat-1', WEDNESDAY, [
      ['agent', "I'll send you a return label today."],
      ['customer', "I've sent you the photos."],
      ['agent', "I've escalated the case."],
    ]);
    const [c] = extractCommitments([chat], LATER);
    expect(c).toMatchObject({ action: 'send', fulfilled: false, overdue: true });
  });

  it('is kept by an attachment the customer sends after promising a file', () => {
    const chat = parseInteraction({
      id: 'chat-1',
      channel: 'chat',
      startedAt: WEDNESDAY,
      messages: [
        { author: 'customer', text: "I'll send the photo tonight." },
        { author: 'customer', text: 'here', attachments: [{ name: 'photo.jpg' }] },
      ],
    });
    expect(extractCommitments([chat], LATER)[0]?.fulfilled).toBe(true);
  });

  it('counts a callback kept by a later outbound call, and overdue otherwise', () => {
    const chat = conversation('chat-1', WEDNESDAY, [['agent', "We'll call you back tomorrow."]]);
    const call = conversation(
      'call-2',
      '2026-03-05T10:00:00Z',
      [['agent', 'Hi, calling you back as promised.']],
      {
        channel: 'phone',
        direction: 'outbound',
      },
    );
    const kept = extractCommitments([chat, call], LATER)[0];
    expect(kept).toMatchObject({
      fulfilled: true,
      overdue: false,
      fulfilledBy: { interactionId: 'call-2' },
    });

    const complaint = conversation(
      'tw-3',
      '2026-03-07T10:00:00Z',
      [['customer', 'You said you would call. Nobody called!']],
      {
        channel: 'x',
      },
    );
    const broken = extractCommitments([chat, complaint], LATER)[0];
    expect(broken).toMatchObject({ fulfilled: false, overdue: true });
  });

  it('is overdue only once its due time has passed', () => {
    const chat = conversation('chat-1', WEDNESDAY, [['agent', "We'll call you back tomorrow."]]);
    expect(extractCommitments([chat], { now: '2026-03-05T20:00:00Z' })[0]?.overdue).toBe(false);
    expect(
      extractCommitments([chat], { now: Date.parse('2026-03-06T00:00:00Z') })[0]?.overdue,
    ).toBe(true);
    expect(extractCommitments([chat], { now: new Date('2026-03-06T00:00:00Z') })[0]?.overdue).toBe(
      true,
    );
  });

  it('requires a valid now', () => {
    expect(() => extractCommitments([], {} as never)).toThrow(ThreadlineError);
    expect(() => extractCommitments([], { now: 'tomorrow' })).toThrow(/now/);
  });
});

import { describe, expect, it } from 'vitest';
import { extractActions } from './actions.js';
import { conversation, type Line } from './test-helpers.js';

const T0 = '2026-03-04T15:00:00Z';

function actions(lines: readonly Line[]): string[] {
  return extractActions([conversation('c1', T0, lines)]).map(
    (a) => `${a.by}/${a.author} ${a.action ?? '-'}: ${a.text}`,
  );
}

describe('extractActions', () => {
  it('reads what agents and bots report done, in each form', () => {
    expect(
      actions([
        ['agent', "I've reset your password."],
        ['agent', 'Your refund has been issued.'],
        ['bot', 'Replacement sent.'],
        ['agent', 'I have let my manager know, they will give you a call.'],
        ['agent', 'I escalated it to my manager this morning.'],
        ['agent', 'The package was delivered to the front desk.'],
        ['agent', "It's been shipped."],
        ['agent', 'Your account is now unlocked.'],
        ['agent', 'All taken care of!'],
      ]),
    ).toEqual([
      "business/agent reset: I've reset your password.",
      'business/agent refund: Your refund has been issued.',
      'business/bot replace: Replacement sent.',
      'business/agent notify: I have let my manager know, they will give you a call.',
      'business/agent escalate: I escalated it to my manager this morning.',
      'business/agent deliver: The package was delivered to the front desk.',
      "business/agent ship: It's been shipped.",
      'business/agent unlock: Your account is now unlocked.',
      'business/agent resolve: All taken care of!',
    ]);
  });

  it('reads requests and rebookings made on the customer’s behalf', () => {
    expect(
      actions([
        ['agent', "I've requested a rebooking."],
        ['agent', "I've rebooked you on the 9:40 flight."],
      ]),
    ).toEqual([
      "business/agent request: I've requested a rebooking.",
      "business/agent book: I've rebooked you on the 9:40 flight.",
    ]);
  });

  it('records every system message, with a verb when it has one', () => {
    expect(
      actions([
        ['system', 'Account has been pulled up for Crystal Minh.'],
        ['system', 'Purchase validation in progress ...'],
        ['system', 'The manager has been notified.'],
      ]),
    ).toEqual([
      'business/system look up: Account has been pulled up for Crystal Minh.',
      'business/system -: Purchase validation in progress ...',
      'business/system notify: The manager has been notified.',
    ]);
  });

  it('reads what the customer already tried', () => {
    expect(
      actions([
        ['customer', "I've already tried restarting the router. I also cleared the cache."],
        ['customer', 'I called yesterday and nobody picked up.'],
        ['customer', 'I got the wrong size.'],
        ['customer', "I've been waiting for two weeks."],
      ]),
    ).toEqual([
      "customer/customer try: I've already tried restarting the router.",
      'customer/customer clear: I also cleared the cache.',
      'customer/customer call: I called yesterday and nobody picked up.',
    ]);
  });

  it('leaves out promises, questions, negations and hypotheticals', () => {
    expect(
      actions([
        ['agent', "I'll reset your password."],
        ['agent', 'Has the refund been issued?'],
        ['agent', "The refund hasn't been issued yet."],
        ['agent', 'The refund has not been processed.'],
        ['agent', 'Once the refund has been issued, you will get an email.'],
        ['agent', 'It should have been delivered by now.'],
        ['customer', 'I was told it was shipped.'],
        ['agent', 'Keep us posted.'],
        ['agent', "Hope it's fixed soon."],
        ['agent', "I'm not aware that a list has been provided yet."],
        ['agent', 'Can you confirm the address it was sent to please.'],
        ['agent', "We'll text you as soon as it's been dispatched."],
      ]),
    ).toEqual([]);
  });

  it('cites the sentence within its message', () => {
    const [a] = extractActions([
      conversation('c1', T0, [['agent', 'Thanks for waiting. I have cancelled the order.']]),
    ]);
    expect(a?.citation).toEqual({
      interactionId: 'c1',
      messageIndex: 0,
      author: 'agent',
      at: T0,
      start: 20,
      end: 47,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { extractOpenQuestions } from './questions.js';
import { conversation, type Line } from './test-helpers.js';

const T0 = '2026-03-04T15:00:00Z';

function open(lines: readonly Line[]): string[] {
  return extractOpenQuestions([conversation('c1', T0, lines)]).map((q) => `${q.by}: ${q.text}`);
}

describe('extractOpenQuestions', () => {
  it('keeps a question open until the other side replies with more than a question', () => {
    expect(
      open([
        ['customer', 'Where is my refund?'],
        ['agent', 'What is your order number?'],
      ]),
    ).toEqual(['customer: Where is my refund?', 'business: What is your order number?']);
    expect(
      open([
        ['customer', 'Where is my refund?'],
        ['agent', 'It was issued yesterday. Anything else I can help you with?'],
      ]),
    ).toEqual([]);
  });

  it('does not count holding lines or questions back as answers', () => {
    expect(
      open([
        ['customer', 'how much long till it is refunded'],
        ['agent', 'one moment please'],
        ['agent', 'Let me check.'],
      ]),
    ).toEqual(['customer: how much long till it is refunded']);
    expect(
      open([
        [
          'agent',
          'Would there be anything else I can help you with? Can you confirm the order is the blue one?',
        ],
        ['customer', 'What if I ask really, really nicely?'],
      ]),
    ).toEqual([
      'business: Can you confirm the order is the blue one?',
      'customer: What if I ask really, really nicely?',
    ]);
  });

  it('answers across interactions, and leaves out system messages and courtesy questions', () => {
    const chat = conversation('chat-1', T0, [
      ['customer', 'Can you tell me when the technician comes?'],
      ['system', 'Chat ended. Was this helpful?'],
      ['agent', 'How are you today?'],
    ]);
    const email = conversation(
      'em-2',
      '2026-03-05T09:00:00Z',
      [['agent', 'The technician comes Friday morning.']],
      {
        channel: 'email',
      },
    );
    expect(extractOpenQuestions([chat]).map((q) => q.text)).toEqual([
      'Can you tell me when the technician comes?',
    ]);
    expect(extractOpenQuestions([email, chat])).toEqual([]);
  });

  it('reads questions without a question mark only when they open like one', () => {
    expect(
      open([
        ['customer', 'ok so can you check my order'],
        ['customer', 'Have a nice day'],
        ['customer', 'When I called last week nobody answered.'],
        ['customer', 'what a mess'],
        ['customer', '@ShopHelp how do I get a refund for the broken one'],
      ]),
    ).toEqual([
      'customer: ok so can you check my order',
      'customer: @ShopHelp how do I get a refund for the broken one',
    ]);
  });

  it('cites the message and the sentence', () => {
    const [q] = extractOpenQuestions([
      conversation('c1', T0, [['agent', 'Thanks. Could you send a photo?']]),
    ]);
    expect(q?.citation).toEqual({
      interactionId: 'c1',
      messageIndex: 0,
      author: 'agent',
      at: T0,
      start: 8,
      end: 31,
    });
    expect(q?.askedAt).toBe(T0);
  });
});

import { describe, expect, it } from 'vitest';
import { sentiment, sentimentTrend } from './sentiment.js';
import { conversation } from './test-helpers.js';

describe('sentiment', () => {
  it('scores happy and angry customers apart', () => {
    expect(sentiment('Perfect. Thanks')).toBeGreaterThan(0.4);
    expect(sentiment('This is ridiculous, third time I am asking. Useless!')).toBeLessThan(-0.5);
    expect(sentiment('Order 12345 to 9756 Primrose Street')).toBe(0);
    expect(sentiment('')).toBe(0);
  });

  it('flips negated words and damps them', () => {
    expect(sentiment('not happy')).toBeLessThan(0);
    expect(sentiment('no problem')).toBeGreaterThan(0);
    expect(sentiment("it's not bad")).toBeGreaterThan(0);
    expect(Math.abs(sentiment('not happy'))).toBeLessThan(Math.abs(sentiment('happy')));
  });

  it('scales with intensifiers, dampeners, capitals, emoji and exclamation marks', () => {
    expect(sentiment('very helpful')).toBeGreaterThan(sentiment('helpful'));
    expect(sentiment('kind of expensive')).toBeGreaterThan(sentiment('expensive'));
    expect(sentiment('slightly annoyed')).toBeGreaterThan(sentiment('annoyed'));
    expect(sentiment('this is TERRIBLE')).toBeLessThan(sentiment('this is terrible'));
    expect(sentiment('THIS IS TERRIBLE')).toBe(sentiment('this is terrible'));
    expect(sentiment('great!!!')).toBeGreaterThan(sentiment('great'));
    expect(sentiment('ok 😡')).toBeLessThan(0);
    expect(sentiment('thanks :)')).toBeGreaterThan(sentiment('thanks'));
  });

  it('weighs what comes after "but" more', () => {
    expect(sentiment('the agent was nice but the refund is still missing')).toBeLessThan(0);
    expect(sentiment('the delay was annoying but the agent was wonderful')).toBeGreaterThan(0);
  });
});

describe('sentimentTrend', () => {
  it('compares the opening and closing thirds of the customer’s opinionated messages', () => {
    const tweet = conversation(
      'tw-1',
      '2026-03-01T09:00:00Z',
      [
        ['customer', 'Still no refund after three weeks. Unacceptable.'],
        ['agent', 'Sorry about that! Please DM us.'],
      ],
      { channel: 'x' },
    );
    const dm = conversation(
      'dm-1',
      '2026-03-01T10:00:00Z',
      [
        ['customer', 'Order 4870952797'],
        ['customer', 'ok'],
      ],
      { channel: 'x' },
    );
    const call = conversation(
      'call-1',
      '2026-03-02T10:00:00Z',
      [['customer', 'Great, thank you so much, really helpful.']],
      { channel: 'phone' },
    );
    const trend = sentimentTrend([call, dm, tweet]);
    expect(trend.trend).toBe('improving');
    expect(trend.first).toBeLessThan(0);
    expect(trend.last).toBeGreaterThan(0);
    expect(trend.perInteraction.map((p) => [p.interactionId, p.messages])).toEqual([
      ['tw-1', 1],
      ['dm-1', 2],
      ['call-1', 1],
    ]);
    expect(sentimentTrend([tweet, dm, call]).first).toBe(trend.first);
    expect(sentimentTrend([call, tweet]).trend).toBe('improving');
    expect(sentimentTrend([tweet]).trend).toBe('steady');
  });

  it('is steady at zero when the customer says nothing with feeling', () => {
    const trend = sentimentTrend([
      conversation('c1', '2026-03-01T09:00:00Z', [['customer', 'Order 12345']]),
    ]);
    expect(trend).toEqual({
      first: 0,
      last: 0,
      trend: 'steady',
      perInteraction: [{ interactionId: 'c1', score: 0, messages: 1 }],
    });
  });

  it('sees a customer getting angrier', () => {
    const chat = conversation('c1', '2026-03-01T09:00:00Z', [
      ['customer', 'Hi, thanks for the quick reply!'],
      ['customer', 'Hmm, it still does not work.'],
      ['customer', 'This is a joke. Worst service ever, I am furious.'],
    ]);
    expect(sentimentTrend([chat]).trend).toBe('worsening');
  });
});

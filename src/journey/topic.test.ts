import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTopicTerms, MAX_TOPIC_TERMS, sharedTerms, stem, topicSimilarity } from './topic.js';

function terms(text: string): Set<string> {
  const set = new Set<string>();
  addTopicTerms(text, set);
  return set;
}

const termSet = fc
  .array(fc.constantFrom('cat', 'dos', 'vitamin', 'order', 'refund', 'screen', 'crack', 'login'), {
    maxLength: 8,
  })
  .map((w) => new Set(w));

describe('topic terms', () => {
  it('drops stopwords, short words and numbers, and stems lightly', () => {
    expect([...terms('Hi! What DOSE of vitamins should my cat get? Order 55123, thanks')]).toEqual([
      'dos',
      'vitamin',
      'cat',
      'order',
    ]);
  });

  it('stems the usual English endings to one form', () => {
    expect(['dose', 'doses', 'dosing'].map(stem)).toEqual(['dos', 'dos', 'dos']);
    expect(['charge', 'charged', 'charges'].map(stem)).toEqual(['charg', 'charg', 'charg']);
    expect(['deliveries', 'boxes', 'calling', 'status', 'bus'].map(stem)).toEqual([
      'delivery',
      'box',
      'call',
      'status',
      'bus',
    ]);
  });

  it('folds accents and case', () => {
    expect(terms('Rémboursement REMBOURSEMENT')).toEqual(new Set(['remboursement']));
  });

  it('caps the number of terms', () => {
    const huge = Array.from({ length: MAX_TOPIC_TERMS + 500 }, (_, k) => `word${k}x`).join(' ');
    expect(terms(huge).size).toBe(MAX_TOPIC_TERMS);
  });
});

describe('topicSimilarity', () => {
  it('is symmetric, bounded and 1 on itself', () => {
    fc.assert(
      fc.property(termSet, termSet, (a, b) => {
        const ab = topicSimilarity(a, b);
        expect(ab).toEqual(topicSimilarity(b, a));
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1 + 1e-12);
        if (a.size > 0) expect(topicSimilarity(a, a).score).toBeCloseTo(1, 12);
        expect(sharedTerms(a, b, 100)).toHaveLength(ab.shared);
      }),
    );
  });

  it('scores related customer messages above unrelated ones', () => {
    const cat = terms('My cat is sick, what vitamin dose is safe for her?');
    const call = terms('Calling about the vitamin dose for my cat');
    const billing = terms('I was charged twice for my subscription');
    expect(topicSimilarity(cat, call).score).toBeGreaterThan(0.5);
    expect(topicSimilarity(cat, billing).score).toBe(0);
    expect(sharedTerms(cat, call, 10)).toEqual(['cat', 'dos', 'vitamin']);
  });
});

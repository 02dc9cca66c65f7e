import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcsLength, porterStem, rouge, rougeL, rougeMulti, rougeN, rougeTokens } from './rouge.js';

const word = fc.constantFrom(
  'order',
  'late',
  'refund',
  'agent',
  'customer',
  'dm',
  'the',
  'a',
  '42',
);
const text = fc.array(word, { maxLength: 25 }).map((words) => words.join(' '));

describe('rougeTokens', () => {
  it('lowercases, splits on anything but letters and digits, stems long tokens', () => {
    expect(rougeTokens('@British_Airways: Flights CANCELLED, 2x!')).toEqual([
      'british',
      'airwai',
      'flight',
      'cancel',
      '2x',
    ]);
    expect(rougeTokens('Flights cancelled', { stem: false })).toEqual(['flights', 'cancelled']);
  });

  it('leaves tokens of three characters or fewer unstemmed', () => {
    expect(rougeTokens('was has its')).toEqual(['was', 'has', 'its']);
  });
});

describe('porterStem', () => {
  // Examples from Porter's 1980 paper, step by step and through the whole algorithm.
  const cases: [string, string][] = [
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['bled', 'bled'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['troubled', 'troubl'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['fizzed', 'fizz'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['digitizer', 'digit'],
    ['vietnamization', 'vietnam'],
    ['predication', 'predic'],
    ['operator', 'oper'],
    ['feudalism', 'feudal'],
    ['decisiveness', 'decis'],
    ['hopefulness', 'hope'],
    ['callousness', 'callous'],
    ['formaliti', 'formal'],
    ['sensitiviti', 'sensit'],
    ['sensibiliti', 'sensibl'],
    ['triplicate', 'triplic'],
    ['formative', 'form'],
    ['formalize', 'formal'],
    ['electrical', 'electr'],
    ['hopeful', 'hope'],
    ['goodness', 'good'],
    ['revival', 'reviv'],
    ['allowance', 'allow'],
    ['inference', 'infer'],
    ['airliner', 'airlin'],
    ['adjustable', 'adjust'],
    ['defensible', 'defens'],
    ['irritant', 'irrit'],
    ['replacement', 'replac'],
    ['adjustment', 'adjust'],
    ['dependent', 'depend'],
    ['adoption', 'adopt'],
    ['communism', 'commun'],
    ['activate', 'activ'],
    ['homologous', 'homolog'],
    ['effective', 'effect'],
    ['bowdlerize', 'bowdler'],
    ['probate', 'probat'],
    ['rate', 'rate'],
    ['cease', 'ceas'],
    ['controlling', 'control'],
    ['roll', 'roll'],
    ['generalizations', 'gener'],
    ['oscillators', 'oscil'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(porterStem(input)).toBe(expected);
  });
});

describe('rougeN and rougeL by hand', () => {
  // candidate: the cat sat on the mat (6 tokens); reference: the cat is on the mat (6 tokens)
  const c = rougeTokens('the cat sat on the mat');
  const r = rougeTokens('the cat is on the mat');

  it('ROUGE-1 counts clipped unigram overlap', () => {
    // the×2, cat, on, mat = 5 of 6 on both sides.
    const s = rougeN(c, r, 1);
    expect(s.precision).toBeCloseTo(5 / 6);
    expect(s.recall).toBeCloseTo(5 / 6);
    expect(s.f1).toBeCloseTo(5 / 6);
  });

  it('ROUGE-2 counts bigram overlap', () => {
    // candidate bigrams: the cat, cat sat, sat on, on the, the mat; shared: the cat, on the, the mat.
    expect(rougeN(c, r, 2).f1).toBeCloseTo(3 / 5);
  });

  it('ROUGE-L uses the longest common subsequence', () => {
    // LCS: the cat on the mat = 5.
    expect(lcsLength(c, r)).toBe(5);
    expect(rougeL(c, r).f1).toBeCloseTo(5 / 6);
  });

  it('F1 mixes unequal precision and recall harmonically', () => {
    // candidate 2 tokens, reference 4, overlap 2: P = 1, R = 0.5, F1 = 2/3.
    const s = rougeN(['order', 'late'], ['my', 'order', 'is', 'late'], 1);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3);
  });

  it('clips repeated n-grams to the reference count', () => {
    expect(rougeN(['late', 'late', 'late'], ['late'], 1).precision).toBeCloseTo(1 / 3);
  });

  it('scores an empty side as zero', () => {
    expect(rouge('', 'order late')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('averages and maximises over references', () => {
    const m = rougeMulti('order late', ['order late', 'refund issued']);
    expect(m.mean.rouge1).toBeCloseTo(0.5);
    expect(m.max.rouge1).toBe(1);
  });
});

describe('rouge laws', () => {
  it('F1 is symmetric', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const x = rouge(a, b);
        const y = rouge(b, a);
        expect(x.rouge1).toBeCloseTo(y.rouge1, 12);
        expect(x.rouge2).toBeCloseTo(y.rouge2, 12);
        expect(x.rougeL).toBeCloseTo(y.rougeL, 12);
      }),
    );
  });

  it('identical texts with at least two tokens score 1', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 25 }), (words) => {
        const s = rouge(words.join(' '), words.join(' '));
        expect(s).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
      }),
    );
  });

  it('texts with no token in common score 0', () => {
    const left = fc.array(fc.constantFrom('alpha', 'beta', 'gamma'), { maxLength: 10 });
    const right = fc.array(fc.constantFrom('delta', 'omega', 'sigma'), { maxLength: 10 });
    fc.assert(
      fc.property(left, right, (a, b) => {
        expect(rouge(a.join(' '), b.join(' '))).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
      }),
    );
  });

  it('every score is within [0, 1] and ROUGE-L never exceeds ROUGE-1', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const s = rouge(a, b);
        for (const v of [s.rouge1, s.rouge2, s.rougeL]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(s.rougeL).toBeLessThanOrEqual(s.rouge1 + 1e-12);
      }),
    );
  });

  it('the stemmer never lengthens a word and is deterministic', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,15}$/), (w) => {
        const s = porterStem(w);
        expect(s.length).toBeLessThanOrEqual(w.length);
        expect(porterStem(w)).toBe(s);
      }),
    );
  });
});

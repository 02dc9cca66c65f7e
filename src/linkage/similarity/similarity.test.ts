import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  damerauLevenshtein,
  damerauLevenshteinWithin,
  jaccard,
  jaro,
  jaroWinkler,
  levenshtein,
} from './similarity.js';

const short = fc.string({ maxLength: 12 });
const tokens = fc.array(fc.constantFrom('a', 'b', 'c', 'main', 'st', '12'), { maxLength: 6 });

describe('similarity laws', () => {
  it('similarities are symmetric, bounded, and 1 on equal strings', () => {
    fc.assert(
      fc.property(short, short, (a, b) => {
        for (const f of [jaro, jaroWinkler]) {
          const s = f(a, b);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          expect(f(b, a)).toBeCloseTo(s, 12);
          expect(f(a, a)).toBe(1);
        }
        expect(jaroWinkler(a, b)).toBeGreaterThanOrEqual(jaro(a, b) - 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it('distances are metrics-like: zero on equals, symmetric, bounded by the longer length', () => {
    fc.assert(
      fc.property(short, short, short, (a, b, c) => {
        for (const d of [levenshtein, damerauLevenshtein]) {
          expect(d(a, a)).toBe(0);
          expect(d(a, b)).toBe(d(b, a));
          expect(d(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
          expect(d(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        }
        expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
        expect(damerauLevenshtein(a, b)).toBeLessThanOrEqual(levenshtein(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('the bounded distance agrees with the full one up to its bound', () => {
    fc.assert(
      fc.property(short, short, fc.integer({ min: 0, max: 4 }), (a, b, bound) => {
        const full = damerauLevenshtein(a, b);
        expect(damerauLevenshteinWithin(a, b, bound)).toBe(full <= bound ? full : bound + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('jaccard is symmetric, bounded and 1 on equal sets', () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const s = jaccard(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaccard(b, a)).toBe(s);
        expect(jaccard(a, [...a].reverse())).toBe(1);
      }),
    );
  });
});

describe('similarity examples', () => {
  it('matches the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaro('dixon', 'dicksonx')).toBeCloseTo(0.7667, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaro('abc', 'xyz')).toBe(0);
    expect(jaro('', 'a')).toBe(0);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('ca', 'ac')).toBe(1);
    expect(damerauLevenshtein('souza', 'suoza')).toBe(1);
    expect(jaccard(['12', 'main', 'st'], ['12', 'main', 'street'])).toBe(0.5);
  });
});

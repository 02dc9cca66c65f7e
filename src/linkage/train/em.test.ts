import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random.js';
import { expectationMaximisation } from './estimate.js';

// In the spirit of Splink's convergence test: generate comparison vectors from known m, u and
// share of matches, hide which pairs match, and check that EM (u fixed, as in training) recovers
// m and the share.

/** A distribution over `levels` levels, strictly decreasing (agreement levels first). */
const decreasing = (levels: number) =>
  fc
    .array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: levels, maxLength: levels })
    .map((w) => {
      const sorted = [...w].sort((a, b) => b - a);
      const total = sorted.reduce((x, y) => x + y, 0);
      return sorted.map((x) => x / total);
    });

function sample(random: () => number, distribution: readonly number[]): number {
  let r = random();
  for (let l = 0; l < distribution.length; l++) {
    r -= distribution[l] as number;
    if (r < 0) return l;
  }
  return distribution.length - 1;
}

describe('EM recovers known parameters', () => {
  it('for random m, u and share of matches', () => {
    const widths = [3, 4, 3, 2];
    fc.assert(
      fc.property(
        fc.tuple(...widths.map((w) => decreasing(w))),
        fc.tuple(...widths.map((w) => decreasing(w).map((d) => [...d].reverse()))),
        fc.double({ min: 0.15, max: 0.6, noNaN: true }),
        fc.integer(),
        (mTrue, uTrue, share, seed) => {
          // Identifiable only when every level says something: keep m and u apart.
          fc.pre(mTrue.every((m, c) => m.some((x, l) => Math.abs(x - (uTrue[c]?.[l] ?? 0)) > 0.2)));
          const random = seededRandom(seed);
          const n = 40_000;
          const patterns = new Map<string, number>();
          for (let k = 0; k < n; k++) {
            const isMatch = random() < share;
            const gamma = widths.map((_, c) =>
              sample(random, (isMatch ? mTrue : uTrue)[c] as number[]),
            );
            const key = gamma.join(',');
            patterns.set(key, (patterns.get(key) ?? 0) + 1);
          }
          const keys = [...patterns.keys()];
          const gammas = Uint8Array.from(keys.flatMap((key) => key.split(',').map(Number)));
          const counts = Float64Array.from(keys, (key) => patterns.get(key) ?? 0);
          const start = widths.map((w) =>
            Float64Array.from({ length: w }, (_, l) => (l === 0 ? 0.7 : 0.3 / (w - 1))),
          );
          const result = expectationMaximisation({
            gammas,
            counts,
            hasNull: widths.map(() => false),
            m: start,
            u: uTrue.map((u) => Float64Array.from(u)),
            fixed: widths.map(() => false),
            share: 0.5,
            maxIterations: 500,
            tolerance: 1e-7,
          });
          expect(result.share).toBeCloseTo(share, 1);
          result.m.forEach((row, c) => {
            row.forEach((value, l) => {
              expect(Math.abs(value - (mTrue[c]?.[l] ?? 0))).toBeLessThan(0.04);
            });
          });
        },
      ),
      { numRuns: 25, seed: 20261123 },
    );
  });

  it('leaves fixed comparisons alone and ignores null levels', () => {
    // Two comparisons; the first is fixed (a blocking rule agreed on it), level 0 of the
    // second is null and must carry no m.
    const gammas = Uint8Array.from([0, 1, 0, 2, 1, 0, 1, 2, 0, 1]);
    const counts = Float64Array.from([50, 10, 5, 40, 7]);
    const start = [Float64Array.from([0.9, 0.1]), Float64Array.from([0, 0.7, 0.3])];
    const result = expectationMaximisation({
      gammas,
      counts,
      hasNull: [false, true],
      m: start,
      u: [Float64Array.from([0.1, 0.9]), Float64Array.from([0, 0.1, 0.9])],
      fixed: [true, false],
      share: 0.5,
      maxIterations: 100,
      tolerance: 1e-6,
    });
    expect([...(result.m[0] ?? [])]).toEqual([0.9, 0.1]);
    expect(result.m[1]?.[0]).toBe(0);
    expect((result.m[1]?.[1] ?? 0) + (result.m[1]?.[2] ?? 0)).toBeCloseTo(1, 6);
  });
});

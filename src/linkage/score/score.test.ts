import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile/compile.js';
import { prepareRecords } from '../prepare/prepare.js';
import { damerauLevenshtein, jaroWinkler, levenshtein } from '../similarity/similarity.js';
import { comparisonLevels, levelScorer } from './score.js';

// The scorer prunes hopeless pairs with character sketches and reuses one computation across
// a comparison's levels; it must choose exactly the level a direct evaluation would.
const model = compileModel({
  comparisons: [
    {
      name: 'jw',
      field: 'a',
      levels: [
        { kind: 'null' },
        { kind: 'exact' },
        { kind: 'jaro_winkler', threshold: 0.92 },
        { kind: 'jaro_winkler', threshold: 0.8 },
        { kind: 'else' },
      ],
    },
    {
      name: 'edits',
      field: 'b',
      levels: [
        { kind: 'exact' },
        { kind: 'damerau_levenshtein', maxDistance: 1 },
        { kind: 'levenshtein', maxDistance: 2 },
        { kind: 'damerau_levenshtein', maxDistance: 3 },
        { kind: 'else' },
      ],
    },
  ],
});

function direct(a: string[], b: string[], c: string[], d: string[]): [number, number] {
  const any = (xs: string[], ys: string[], f: (x: string, y: string) => boolean) =>
    xs.some((x) => ys.some((y) => f(x, y)));
  let first: number;
  if (a.length === 0 || b.length === 0) first = 0;
  else if (any(a, b, (x, y) => x === y)) first = 1;
  else if (any(a, b, (x, y) => jaroWinkler(x, y) >= 0.92)) first = 2;
  else if (any(a, b, (x, y) => jaroWinkler(x, y) >= 0.8)) first = 3;
  else first = 4;
  let second: number;
  if (c.length === 0 || d.length === 0) second = 4;
  else if (any(c, d, (x, y) => x === y)) second = 0;
  else if (any(c, d, (x, y) => damerauLevenshtein(x, y) <= 1)) second = 1;
  else if (any(c, d, (x, y) => levenshtein(x, y) <= 2)) second = 2;
  else if (any(c, d, (x, y) => damerauLevenshtein(x, y) <= 3)) second = 3;
  else second = 4;
  return [first, second];
}

describe('comparison levels', () => {
  const text = fc.stringMatching(/^[a-dA-D0-9é]{1,8}$/);
  const values = fc.uniqueArray(text, { maxLength: 3 });

  it('match a direct evaluation of every level', () => {
    fc.assert(
      fc.property(values, values, values, values, (a, b, c, d) => {
        const data = prepareRecords(model, [
          { a, b: c },
          { a: b, b: d },
        ]);
        const out = comparisonLevels(data, 0, 1, new Uint8Array(2));
        expect([...out]).toEqual(direct(a, b, c, d));
        // A reused scorer gives the same answer, in both directions.
        const scorer = levelScorer(data);
        expect([...scorer(1, 0, new Uint8Array(2))]).toEqual([...out]);
      }),
      { numRuns: 3000 },
    );
  });
});

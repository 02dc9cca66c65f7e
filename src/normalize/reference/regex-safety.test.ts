import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeValueRegex } from './regex-safety.js';

function problem(source: string, ignoreCase = false): string | undefined {
  const result = analyzeValueRegex(source, ignoreCase);
  return result.ok ? undefined : result.problem.code;
}

// A small grammar of regex sources over an alphabet that makes overlaps likely.
const regexSource: fc.Arbitrary<string> = fc.letrec<{ alt: string; seq: string; term: string }>(
  (tie) => ({
    alt: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((branches) => branches.join('|')),
    seq: fc.array(tie('term'), { minLength: 1, maxLength: 4 }).map((terms) => terms.join('')),
    term: fc
      .tuple(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.constantFrom('a', 'b', '\\d', '[ab]', '[A-Z]', '#', '-', '.'),
          },
          { weight: 1, arbitrary: tie('alt').map((inner) => `(?:${inner})`) },
        ),
        fc.constantFrom('', '', '?', '*', '+', '{2}', '{1,3}', '{0,2}'),
      )
      .map(([atom, quantifier]) => atom + quantifier),
  }),
).alt;

const sample = fc
  .array(fc.constantFrom('a', 'b', '1', '7', '#', '-', 'A', 'Z', 'x', '\n'), { maxLength: 12 })
  .map((chars) => chars.join(''));

describe('analyzeValueRegex', () => {
  it('accepts the shapes reference patterns need', () => {
    for (const source of [
      '[A-Z]{0,3}-?\\d{4,12}',
      '1Z[0-9A-Z]{16}',
      '[A-Z]{2}\\d{9}[A-Z]{2}',
      '\\d{12}|\\d{15}',
      '\\d{12}(?:\\d{3})?',
      '9[2-5]\\d{18,20}',
      '(?:-\\d+)+',
      '[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,12}){0,3}',
      '#\\d{3,4}|\\d{5,24}',
      '(?:INC|RITM|REQ)\\d{7}',
      '(?<prefix>[A-Z]{2})\\d{6}',
      '\\p{Lu}{2}\\d{4}',
      '[^\\s]{4}',
    ]) {
      expect(problem(source), source).toBeUndefined();
    }
  });

  it('refuses nested and ambiguous repetitions (catastrophic backtracking)', () => {
    for (const source of [
      '(a+)+',
      '(\\d*)*',
      '(a|a)*',
      '(a|ab)+',
      '(?:a?)+',
      '\\d+\\d+',
      '\\d*5\\d*',
      '(?:\\d{1,10}){1,10}',
      '[A-Z0-9]{2,4}\\d{6}',
      '(?:x\\d*)?\\d*',
      '(.*a){12}',
    ]) {
      expect(problem(source), source).toBe('unsafe_regex');
    }
  });

  it('folds case before looking for overlaps under the i flag', () => {
    expect(problem('[a-z]+[A-Z]')).toBeUndefined();
    expect(problem('[a-z]+[A-Z]', true)).toBe('unsafe_regex');
  });

  it('refuses backreferences, lookarounds and anchors with a suggestion', () => {
    for (const [source, fragment] of [
      ['(a)\\1', 'backreference'],
      ['(?<x>a)\\k<x>', 'backreference'],
      ['a(?=b)', 'lookahead'],
      ['(?!b)a', 'lookahead'],
      ['(?<=a)b', 'lookbehind'],
      ['(?<!a)b', 'lookbehind'],
      ['^\\d+$', 'anchor'],
      ['\\bA\\d', '\\b'],
    ] as const) {
      const result = analyzeValueRegex(source, false);
      expect(result.ok, source).toBe(false);
      if (!result.ok) {
        expect(result.problem.code).toBe('unsupported_regex');
        expect(result.problem.message).toContain(fragment);
      }
    }
  });

  it('reports invalid syntax with the engine message', () => {
    for (const source of ['(', '[a-', 'a{2,1}', '\\', '*a', '\\-', 'a)']) {
      expect(problem(source), source).toBe('invalid_regex');
    }
    expect(problem('a'.repeat(600))).toBe('invalid_regex');
  });

  it('computes length bounds and whether a match can start with #', () => {
    const facts = (source: string) => {
      const result = analyzeValueRegex(source, false);
      if (!result.ok) throw new Error(result.problem.message);
      return result.facts;
    };
    expect(facts('[A-Z]{0,3}-?\\d{4,12}')).toEqual({
      minLength: 4,
      maxLength: 16,
      acceptsHash: false,
    });
    expect(facts('#?\\d{3}')).toEqual({ minLength: 3, maxLength: 4, acceptsHash: true });
    expect(facts('\\d+').maxLength).toBe(Infinity);
    expect(facts('😀\\d').minLength).toBe(3);
    expect(facts('.').maxLength).toBe(2);
  });

  it('is total: any source gives a verdict, never an exception', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.boolean(),
        (source, ignoreCase) => {
          const result = analyzeValueRegex(source, ignoreCase);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('only accepts sources the engine compiles, with length bounds every match respects', () => {
    fc.assert(
      fc.property(
        regexSource,
        fc.array(sample, { minLength: 1, maxLength: 30 }),
        (source, inputs) => {
          const result = analyzeValueRegex(source, false);
          if (!result.ok) return;
          const regex = new RegExp(`^(?:${source})$`, 'u');
          for (const input of inputs) {
            if (!regex.test(input)) continue;
            expect(input.length).toBeGreaterThanOrEqual(result.facts.minLength);
            expect(input.length).toBeLessThanOrEqual(result.facts.maxLength);
            if (input.startsWith('#')) expect(result.facts.acceptsHash).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepted regexes stay fast on the worst 64-character tokens (a hang would fail the run)', () => {
    const adversarial = ['a', 'b', '1', '#', '-', 'A', 'ab', 'a1', '#-'].flatMap((unit) => {
      const run = unit.repeat(64).slice(0, 63);
      return [run, `${run}!`, `${run}\n`];
    });
    fc.assert(
      fc.property(regexSource, (source) => {
        const result = analyzeValueRegex(source, false);
        if (!result.ok) return;
        const regex = new RegExp(`^(?:${source})$`, 'u');
        for (const token of adversarial) regex.test(token);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import type { Issue } from '../../core/result.js';
import { defaultReferencePatterns } from './defaults.js';
import { extractReferences } from './extract.js';
import {
  compileReferencePatterns,
  type ReferencePatternSpec,
  safeCompileReferencePatterns,
} from './patterns.js';

const good: ReferencePatternSpec = {
  name: 'rma',
  kind: 'ticket',
  keywords: ['rma', 'return authorization'],
  value: 'R\\d{7}',
  flags: 'i',
};

function issuesOf(specs: unknown): readonly Issue[] {
  const result = safeCompileReferencePatterns(specs);
  if (result.ok) throw new Error('expected the specs to be refused');
  return result.issues;
}

function only(specs: unknown): Issue {
  const issues = issuesOf(specs);
  expect(issues).toHaveLength(1);
  return issues[0] as Issue;
}

describe('compileReferencePatterns', () => {
  it('compiles a valid list into an immutable extractor', () => {
    const extractor = compileReferencePatterns([good]);
    expect(Object.isFrozen(extractor)).toBe(true);
    expect(Object.isFrozen(extractor.patterns)).toBe(true);
    expect(Object.isFrozen(extractor.patterns[0])).toBe(true);
    expect(Object.isFrozen(extractor.patterns[0]?.keywords)).toBe(true);
    expect(Object.isFrozen(extractor.tables.patterns)).toBe(true);
    expect(extractor.patterns).toEqual([good]);
  });

  it('does not share state with the specs it was given', () => {
    const keywords = ['rma'];
    const extractor = compileReferencePatterns([{ ...good, keywords }]);
    keywords.push('order');
    expect(extractor.patterns[0]?.keywords).toEqual(['rma']);
    expect(extractReferences('order R1234567', extractor)).toEqual([]);
  });

  it('compiles the defaults, which survive a JSON round trip unchanged', () => {
    const json = JSON.parse(JSON.stringify(defaultReferencePatterns)) as unknown;
    const fromJson = compileReferencePatterns(json);
    const text = 'order #A-55123, case 00123456, booking ref QX7P2L, 1Z999AA10123456784';
    expect(extractReferences(text, fromJson)).toEqual(extractReferences(text));
  });

  it('throws ThreadlineError(invalid_pattern) with the same issues the safe variant returns', () => {
    const specs = [good, good, { ...good, name: 'bad', value: '(a+)+' }];
    let caught: unknown;
    try {
      compileReferencePatterns(specs);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ThreadlineError);
    if (caught instanceof ThreadlineError) {
      expect(caught.code).toBe('invalid_pattern');
      expect(caught.issues).toEqual(issuesOf(specs));
      expect(caught.message).toContain('[2].value');
    }
  });

  it('reports a bad regex source at [i, "value"]', () => {
    const issue = only([good, { ...good, name: 'x', value: '([0-9]' }]);
    expect(issue).toMatchObject({ code: 'invalid_regex', path: [1, 'value'] });
  });

  it('reports a nested quantifier at [i, "value"] with a rewrite hint', () => {
    const issue = only([good, { ...good, name: 'x' }, { ...good, name: 'y', value: '(\\d+)+' }]);
    expect(issue).toMatchObject({ code: 'unsafe_regex', path: [2, 'value'] });
    expect(issue.message).toContain('→');
  });

  it('reports a backreference and a lookaround as unsupported', () => {
    expect(only([{ ...good, value: '(\\d)\\1' }])).toMatchObject({
      code: 'unsupported_regex',
      path: [0, 'value'],
    });
    expect(only([{ ...good, value: '(?=\\d)\\w{6}' }])).toMatchObject({
      code: 'unsupported_regex',
      path: [0, 'value'],
    });
  });

  it('reports an unknown kind at [i, "kind"]', () => {
    const issue = only([good, { ...good, name: 'x', kind: 'parcel' }]);
    expect(issue.path).toEqual([1, 'kind']);
    expect(issue.code).toBe('invalid_value');
  });

  it('reports empty keywords at [i, "keywords", j]', () => {
    const issues = issuesOf([{ ...good, keywords: ['rma', '', '  #  '] }]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'empty_keyword', path: [0, 'keywords', 1] }),
      expect.objectContaining({ code: 'empty_keyword', path: [0, 'keywords', 2] }),
    ]);
  });

  it('reports keywords with too many or too long words', () => {
    expect(only([{ ...good, keywords: ['a b c d e'] }])).toMatchObject({
      code: 'keyword_too_long',
      path: [0, 'keywords', 0],
    });
    expect(only([{ ...good, keywords: ['x'.repeat(40)] }])).toMatchObject({
      code: 'keyword_too_long',
      path: [0, 'keywords', 0],
    });
  });

  it('reports duplicate names at the later pattern', () => {
    expect(only([good, { ...good }])).toMatchObject({ code: 'duplicate_name', path: [1, 'name'] });
  });

  it('reports a pattern that can never be reached or never match', () => {
    expect(only([{ ...good, keywords: [] }])).toMatchObject({
      code: 'unreachable_pattern',
      path: [0, 'keywords'],
    });
    expect(only([{ ...good, value: '\\d{65}' }])).toMatchObject({
      code: 'unreachable_pattern',
      path: [0, 'value'],
    });
    expect(only([{ ...good, value: '\\d{3}', minLength: 5 }])).toMatchObject({
      code: 'unreachable_pattern',
      path: [0, 'value'],
    });
    expect(only([{ ...good, minLength: 9, maxLength: 5 }])).toMatchObject({
      code: 'invalid_length',
      path: [0, 'minLength'],
    });
  });

  it('reports unknown fields and wrong types with their paths', () => {
    expect(only([{ ...good, flag: 'i' }]).path).toEqual([0]);
    expect(only([{ ...good, flags: 'g' }]).path).toEqual([0, 'flags']);
    expect(only([{ ...good, keywords: 'rma' }]).path).toEqual([0, 'keywords']);
    expect(only({ 0: good }).path).toEqual([]);
  });

  it('collects every issue at once', () => {
    const issues = issuesOf([
      { ...good, value: '(a+)+' },
      { ...good, name: 'two', kind: 'nope' },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      [0, 'value'],
      [1, 'kind'],
    ]);
    const later = issuesOf([
      { ...good, value: '(a+)+' },
      { ...good, name: 'two', keywords: [''] },
    ]);
    expect(later.map((issue) => issue.path)).toEqual([
      [0, 'value'],
      [1, 'keywords', 0],
    ]);
  });

  it('is total: any input gives an extractor or issues, never an exception', () => {
    const specLike = fc.record(
      {
        name: fc.oneof(fc.string(), fc.constant('p')),
        kind: fc.oneof(fc.constantFrom('order', 'ticket', 'other'), fc.string()),
        keywords: fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 4 }),
        value: fc.oneof(
          fc.string({ unit: 'binary', maxLength: 20 }),
          fc.constantFrom('\\d{5}', '(a+)+'),
        ),
        flags: fc.constantFrom('i', 'g'),
        standalone: fc.boolean(),
        normalize: fc.constantFrom('upper', 'digits', 'alnum-upper', 'weird'),
      },
      { requiredKeys: ['name', 'kind', 'value'] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(specLike, { maxLength: 4 }), fc.anything()), (input) => {
        const result = safeCompileReferencePatterns(input);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(Array.isArray(issue.path)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

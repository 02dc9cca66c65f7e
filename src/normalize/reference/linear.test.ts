import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultReferenceExtractor } from './defaults.js';
import {
  type ExtractionStats,
  extractReferences,
  type FoundReference,
  referenceStepBound,
} from './extract.js';
import { compileReferencePatterns, type ReferencePatternSpec } from './patterns.js';

// Linearity is checked by counting work, never by timing: the extractor reports the characters
// it scanned, folded and handed to token regexes, and the keyword look-ups it made.

const MB = 1 << 20;

/** `unit` repeated to about 1 MB, whole units only, so the expected output is exact. */
function megabyteOf(unit: string): { text: string; repeats: number } {
  const repeats = Math.floor(MB / unit.length);
  return { text: unit.repeat(repeats), repeats };
}

function run(text: string): { refs: readonly FoundReference[]; perChar: number } {
  const stats: ExtractionStats = { steps: 0 };
  const refs = extractReferences(text, defaultReferenceExtractor, stats);
  const bound = referenceStepBound(defaultReferenceExtractor);
  expect(stats.steps).toBeLessThanOrEqual(bound * (text.length + 1));
  return { refs, perChar: stats.steps / text.length };
}

// The guarantee is `steps ≤ referenceStepBound × (n + 1)`; on real adversarial inputs the
// default patterns stay far below it, at this many steps per character.
const OBSERVED_CEILING = 12;

describe('extractReferences on 1 MB adversarial inputs', () => {
  const silent: [string, string][] = [
    ['repeated keyword', 'order '],
    ['keyword with #', 'order #'],
    ['1Z run', '1Z'],
    ['digit run', '7'],
    ['#- run', '#-'],
    ['a- run', 'a-'],
    ['keyword then near-miss', 'order number is 1234 '],
    ['keyword chain', 'booking reference number is '],
    ['separators', ' \t:#-='],
    ['list separators', ', & + / '],
    ['emoji', '😀'],
    ['HTML entities', '&amp;&gt;'],
    ['broken entities', '&a'],
    ['abbreviation dots', 'no.'],
    ['decomposed accents', 'e\u0301'],
    ['Hangul', '각 '],
    ['short tokens', 'a '],
    ['hash tokens', '#1 '],
    ['UPS with a wrong check digit', '1Z999AA10123456785 '],
    ['S10 with a wrong check digit', 'RR123456784GB '],
    ['prices and times', '$430 9:20 50% '],
    ['mentions', '@115850 '],
    ['lone surrogates', '\uD800a\uDC00'],
    ['URL', 'https://t.co/a1b2c3 '],
    ['blank lines', 'order\n\n12345 '],
  ];

  for (const [name, unit] of silent) {
    it(`finds nothing in ${name} and stays linear`, () => {
      const { text } = megabyteOf(unit);
      const { refs, perChar } = run(text);
      expect(refs).toEqual([]);
      expect(perChar).toBeLessThanOrEqual(OBSERVED_CEILING);
    });
  }

  const productive: [string, string, string, string][] = [
    ['order values', 'order 12345 ', 'order', '12345'],
    ['a list after one keyword', 'order 12345 and ', 'order', '12345'],
    ['order # values', 'order #1234 ', 'order', '1234'],
    ['UPS numbers', '1Z999AA10123456784 ', 'ups', '1Z999AA10123456784'],
    ['S10 numbers', 'RR123456785GB ', 's10', 'RR123456785GB'],
    ['tracking keywords', 'tracking 9400111899223197428490 ', 'usps', '9400111899223197428490'],
    ['escaped lists', 'case 00197387 &amp; ', 'ticket', '00197387'],
  ];

  for (const [name, unit, pattern, key] of productive) {
    it(`finds every one of the ${name} and stays linear`, () => {
      const { text, repeats } = megabyteOf(unit);
      const { refs, perChar } = run(text);
      expect(refs).toHaveLength(repeats);
      expect(refs.every((ref) => ref.pattern === pattern && ref.key === key)).toBe(true);
      expect(refs[repeats - 1]?.start).toBeGreaterThanOrEqual(text.length - unit.length);
      expect(perChar).toBeLessThanOrEqual(OBSERVED_CEILING);
    });
  }

  it('skips a 1 MB token whole instead of testing its pieces', () => {
    const { text } = megabyteOf('order-12345-');
    expect(run(`order ${text.slice(0, -1)}`).refs).toEqual([]);
  });
});

describe('the step count', () => {
  const spec = fc.record({
    keywords: fc.array(
      fc.constantFrom('order', 'case number', 'ref', 'numéro de dossier', 'a', 'no'),
      {
        maxLength: 3,
      },
    ),
    value: fc.constantFrom(
      '\\d{3,12}',
      '[A-Z]{2}\\d{4,10}',
      '#?\\d{4}',
      '(?:-\\d+)+',
      'a{1,3}',
      '[^\\s]{4,64}',
    ),
    flags: fc.constantFrom(undefined, 'i' as const),
    standalone: fc.boolean(),
    normalize: fc.constantFrom('upper', 'lower', 'digits', 'alnum-upper') as fc.Arbitrary<
      ReferencePatternSpec['normalize']
    >,
  });
  const extractor = fc.array(spec, { minLength: 1, maxLength: 6 }).map((specs) =>
    compileReferencePatterns(
      specs.map(
        (s, k): ReferencePatternSpec => ({
          name: `p${k}`,
          kind: 'other',
          keywords: s.keywords,
          value: s.value,
          standalone: s.standalone || s.keywords.length === 0,
          ...(s.flags === undefined ? {} : { flags: s.flags }),
          ...(s.normalize === undefined ? {} : { normalize: s.normalize }),
        }),
      ),
    ),
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          'order ',
          'a ',
          'no. ',
          '#',
          '12345',
          '-1-2-3',
          'AB1234 ',
          '😀',
          'é',
          '\n',
          ', ',
        ),
        {
          maxLength: 60,
        },
      )
      .map((parts) => parts.join('')),
  );

  it('never exceeds referenceStepBound × (length + 1), whatever the patterns', () => {
    fc.assert(
      fc.property(extractor, text, (compiled, input) => {
        const stats: ExtractionStats = { steps: 0 };
        extractReferences(input, compiled, stats);
        expect(stats.steps).toBeLessThanOrEqual(referenceStepBound(compiled) * (input.length + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('grows linearly: doubling a text at most doubles the work (plus a constant)', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once: ExtractionStats = { steps: 0 };
        const twice: ExtractionStats = { steps: 0 };
        extractReferences(`${input}\n\n`, defaultReferenceExtractor, once);
        extractReferences(`${input}\n\n${input}\n\n`, defaultReferenceExtractor, twice);
        expect(twice.steps).toBeLessThanOrEqual(2 * once.steps + 4);
      }),
      { numRuns: 1000 },
    );
  });

  it('accumulates across calls, so one counter can cover a batch', () => {
    const stats: ExtractionStats = { steps: 0 };
    extractReferences('order 12345', defaultReferenceExtractor, stats);
    const first = stats.steps;
    extractReferences('order 12345', defaultReferenceExtractor, stats);
    expect(stats.steps).toBe(2 * first);
    expect(first).toBeGreaterThan(0);
  });
});

// The word table that lets the scan skip folding tokens it never looks up: it must never rule
// out a word the scan does look up, whatever its case, or the extractor would miss keywords.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultReferenceExtractor } from './defaults.js';
import { extractReferences } from './extract.js';
import { asciiWordHash, compileReferencePatterns } from './patterns.js';
import { ABBREVIATIONS, CONNECTOR_WORDS, FILLER_WORDS, keywordWords } from './text.js';

function hasBit(bits: Uint32Array, hash: number): boolean {
  const bit = hash & 0xffff;
  return ((bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

const asciiWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/);

describe('asciiWordHash', () => {
  it('hashes a token as its lower-case form, wherever it sits in a text', () => {
    fc.assert(
      fc.property(fc.string(), asciiWord, fc.string(), (before, word, after) => {
        const text = `${before}${word}${after}`;
        const lower = word.toLowerCase();
        expect(asciiWordHash(text, before.length, before.length + word.length)).toBe(
          asciiWordHash(lower, 0, lower.length),
        );
      }),
    );
  });

  it('is -1 for a token with a character beyond ASCII', () => {
    expect(asciiWordHash('Número', 0, 6)).toBe(-1);
    expect(asciiWordHash('nº', 0, 2)).toBe(-1);
    expect(asciiWordHash('order', 0, 5)).not.toBe(-1);
  });
});

describe('the word table', () => {
  it('holds every ASCII word the default extractor looks up', () => {
    const bits = defaultReferenceExtractor.tables.wordBits;
    const listed = [...FILLER_WORDS, ...CONNECTOR_WORDS, ...ABBREVIATIONS];
    for (const spec of defaultReferenceExtractor.patterns) {
      for (const keyword of spec.keywords ?? []) listed.push(...keywordWords(keyword));
    }
    for (const word of listed) {
      const hash = asciiWordHash(word, 0, word.length);
      if (hash !== -1) expect(hasBit(bits, hash)).toBe(true);
    }
  });

  it('never hides a custom keyword, in any case', () => {
    fc.assert(
      fc.property(asciiWord, fc.boolean(), (word, upper) => {
        const extractor = compileReferencePatterns([
          { name: 'custom', kind: 'ticket', keywords: [word], value: 'Q\\d{6}' },
        ]);
        const written = upper ? word.toUpperCase() : word;
        const found = extractReferences(`see ${written} Q123456 please`, extractor);
        expect(found.map((r) => r.value)).toEqual(['Q123456']);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reading, Readings, sentencesWithTokens } from './reading.js';
import { fold, sentences, tokenize } from './text.js';

// Texts with the characters that decide words and sentences: marks, line breaks, apostrophes,
// hyphens, spaces of every kind, capitals that fold, and lone surrogates.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 160 }),
  fc
    .array(
      fc.constantFrom(
        'Mr. ',
        'Order A-55123',
        ' ',
        '\u00a0',
        '\u2028',
        '\r\n',
        '.',
        '?!',
        '…',
        '"',
        ')',
        "I'LL",
        '’',
        '-',
        'e-mail',
        '39.99',
        'İ',
        '😡',
        '\uD800',
        'j.',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
);

describe('Reading', () => {
  it('reads a text as the scanners do: folded, tokens, and each sentence with its tokens', () => {
    fc.assert(
      fc.property(text, (t) => {
        const reading = new Reading(t);
        const folded = fold(t);
        expect(reading.folded).toBe(folded);
        expect(reading.tokens).toEqual(tokenize(folded));
        const spans = sentences(t, folded);
        expect(reading.sentences.map(({ start, end }) => ({ start, end }))).toEqual(spans);
        for (const sentence of reading.sentences) {
          expect(sentence.tokens).toEqual(tokenize(folded, sentence.start, sentence.end));
        }
        expect(sentencesWithTokens(t, folded)).toEqual(reading.sentences);
      }),
    );
  });

  it('splits a message into sentences that carry their own words', () => {
    const reading = new Reading("I've reset it. Can you log in?\nThanks");
    expect(reading.sentences.map((s) => s.tokens.map((k) => k.word))).toEqual([
      ["i've", 'reset', 'it'],
      ['can', 'you', 'log', 'in'],
      ['thanks'],
    ]);
  });

  it('derives a value once and keeps it, undefined included', () => {
    const reading = new Reading('Where is my order?');
    let calls = 0;
    const words = (r: Reading) => {
      calls++;
      return r.tokens.length;
    };
    const nothing = (_: Reading): undefined => {
      calls++;
      return undefined;
    };
    expect(reading.derive(words)).toBe(4);
    expect(reading.derive(words)).toBe(4);
    expect(reading.derive(nothing)).toBeUndefined();
    expect(reading.derive(nothing)).toBeUndefined();
    expect(calls).toBe(2);
  });
});

describe('Readings', () => {
  it('reads each distinct text once', () => {
    const readings = new Readings();
    const a = readings.of('Hi! How can I help?');
    expect(readings.of(`Hi! How can I ${'help?'}`)).toBe(a);
    expect(readings.of('Hi! How can I help')).not.toBe(a);
  });
});

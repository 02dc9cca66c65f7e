import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAddresses, postcodeKey } from './addresses.js';
import { findAmounts } from './amounts.js';
import { findEmails, findPhones } from './contacts.js';
import { findDates } from './dates.js';
import { findProducts } from './products.js';
import { excerpt, fold, sentences, tokenize } from './text.js';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        'Mr. Smith',
        ' ',
        '.',
        '?',
        '!',
        '\n',
        '39.99',
        "I'll",
        'İ',
        '’',
        'e-mail',
        '😡',
        '\uD800',
        'a',
      ),
      {
        maxLength: 30,
      },
    )
    .map((parts) => parts.join('')),
);

function sortedDisjoint(spans: readonly { start: number; end: number }[], length: number): void {
  let reach = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(reach);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(length);
    reach = span.end;
  }
}

describe('text scanning', () => {
  it('folds without changing length', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(fold(t).length).toBe(t.length);
      }),
    );
    expect(fold('I’LL İstanbul')).toBe("i'll İstanbul");
  });

  it('lowers ASCII capitals and straightens apostrophes, and nothing else', () => {
    const straight = (c: string) => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : "'");
    fc.assert(
      fc.property(text, (t) => {
        expect(fold(t)).toBe(t.replace(/[A-Z\u2018\u2019\u02BC\u2032]/g, straight));
      }),
    );
    expect(fold('ÉCOLE Order A-1')).toBe('École order a-1');
  });

  it('splits into sorted, disjoint, trimmed sentences and tokens', () => {
    fc.assert(
      fc.property(text, (t) => {
        const spans = sentences(t);
        sortedDisjoint(spans, t.length);
        for (const s of spans) expect(t.slice(s.start, s.end).trim()).toBe(t.slice(s.start, s.end));
        sortedDisjoint(tokenize(fold(t)), t.length);
      }),
    );
    const t = 'Hi Mr. Smith. It costs 39.99! Really?\nyes';
    expect(sentences(t).map((s) => t.slice(s.start, s.end))).toEqual([
      'Hi Mr. Smith.',
      'It costs 39.99!',
      'Really?',
      'yes',
    ]);
    expect(tokenize(fold("I'll e-mail you"))).toEqual([
      { start: 0, end: 4, word: "i'll" },
      { start: 5, end: 11, word: 'e-mail' },
      { start: 12, end: 15, word: 'you' },
    ]);
  });

  it('shortens long excerpts at a word boundary, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 400 }), (t) => {
        const cut = excerpt(t, { start: 0, end: t.length }, 50);
        expect(cut.length).toBeLessThanOrEqual(51);
        const last = cut.charCodeAt(cut.length - 2);
        if (cut.endsWith('…')) expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      }),
    );
  });

  it('finds values only inside the text, each quoting itself', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const found of [
          ...findEmails(t),
          ...findPhones(t, 'US'),
          ...findPhones(t, undefined, true),
        ]) {
          expect(t.slice(found.start, found.end)).toBe(found.value);
        }
        sortedDisjoint(findAmounts(t), t.length);
        sortedDisjoint(findDates(t, 0, 0, 'mdy'), t.length);
        for (const a of findAddresses(t)) expect(t.slice(a.start, a.end)).toBe(a.value);
        for (const p of findProducts(t)) expect(t.slice(p.start, p.end)).toBe(p.value);
      }),
    );
  });

  it('knows postcode shapes', () => {
    expect(
      ['85971', '85971-1234', 'sw1a 2aa', 'K1A 0B6', '1012 AB', '8001'].map(postcodeKey),
    ).toEqual(['85971', '859711234', 'SW1A2AA', 'K1A0B6', '1012AB', '8001']);
    expect(['ABCDEF', '123', '85971123'].map(postcodeKey)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

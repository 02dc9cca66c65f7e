import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { doubleMetaphone } from './double-metaphone.js';
import { phoneticallyEqual, phoneticKeys } from './keys.js';

const CODE = /^[0AFHJKLMNPRSTX]+$/;
const LATIN_LETTER = /[A-Za-z]/;

const latinChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'áàâäãåéèêëíìîïóòôöõúùûüýÿñńšžčřłøæœßçÇ',
  ' ',
  "'",
  '-',
);
const latinText = fc.array(latinChar, { maxLength: 16 }).map((chars) => chars.join(''));
const word = fc
  .array(fc.constantFrom(...'AEIOUYBCDFGHJKLMNPQRSTVWXZ', 'CH', 'SCH', 'GH', 'TH', 'PH', 'Ç'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  latinText,
  word,
);
const separator = fc.constantFrom(' ', '  ', '-', ', ', '\t', ' / ');
const words = fc.array(word, { minLength: 1, maxLength: 4 });

function stripAllMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

// Whether the fold keeps at least one letter (compatibility forms such as full-width letters
// count; the letters without a decomposition are mapped to a plain one first).
function hasLatinLetter(text: string): boolean {
  return LATIN_LETTER.test(
    text.normalize('NFKD').replace(/[ßẞæÆœŒøØłŁđĐðÐþÞıħĦŧŦŋŊĸƒƑəƏɛƐɔƆ]/g, 'a'),
  );
}

describe('phoneticKeys laws', () => {
  it('is total and deterministic, with distinct non-empty codes of bounded length', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 8 }), (text, max) => {
        const keys = phoneticKeys(text, max);
        expect(phoneticKeys(text, max)).toEqual(keys);
        expect(new Set(keys).size).toBe(keys.length);
        for (const key of keys) {
          expect(key).toMatch(CODE);
          expect(key.length).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is empty without Latin letters, and not with a sounded one', () => {
    expect(phoneticKeys('')).toEqual([]);
    expect(phoneticKeys('   ')).toEqual([]);
    expect(phoneticKeys('\uD800 😀 123')).toEqual([]);
    expect(phoneticKeys('Иван Петров')).toEqual([]);
    fc.assert(
      fc.property(words, (ws) => {
        // Only H and W can be silent everywhere in a word.
        fc.pre(ws.some((w) => /[^HW]/.test(w)));
        expect(phoneticKeys(ws.join(' ')).length).toBeGreaterThan(0);
      }),
    );
    expect(phoneticKeys('H W')).toEqual([]);
  });

  it('holds the codes of every word, in order, whatever separates them', () => {
    fc.assert(
      fc.property(words, separator, (ws, sep) => {
        const expected: string[] = [];
        for (const w of ws) {
          for (const code of phoneticKeys(w)) if (!expected.includes(code)) expected.push(code);
        }
        expect(phoneticKeys(ws.join(sep))).toEqual(expected);
      }),
    );
  });

  it("holds a single word's primary and alternate codes", () => {
    fc.assert(
      fc.property(word, (w) => {
        const keys = phoneticKeys(w);
        for (const code of doubleMetaphone(w)) if (code !== '') expect(keys).toContain(code);
      }),
    );
  });

  it('is case- and diacritic-insensitive up to the cedilla, whose plain-C codes it adds', () => {
    fc.assert(
      fc.property(latinText, (text) => {
        const keys = phoneticKeys(text);
        expect(phoneticKeys(text.toUpperCase())).toEqual(keys);
        expect(phoneticKeys(text.toLowerCase())).toEqual(keys);
        // Without any diacritic, the keys are a subset: the cedilla only adds codes.
        for (const key of phoneticKeys(stripAllMarks(text))) expect(keys).toContain(key);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('phoneticKeys examples', () => {
  it('codes each word of a name', () => {
    expect(phoneticKeys('Ana María Smith')).toEqual(['AN', 'MR', 'SM0', 'XMT']);
    expect(phoneticKeys('de la Cruz')).toEqual(['T', 'L', 'KRS']);
    expect(phoneticKeys('Jean-Luc Picard')).toEqual(['JN', 'AN', 'LK', 'PKRT']);
    expect(phoneticKeys("Seán O'Brien")).toEqual(['SN', 'APRN']);
    expect(phoneticKeys('Smith Smyth')).toEqual(['SM0', 'XMT']);
  });

  it('blocks spelling variants together', () => {
    const shareKey = (a: string, b: string) =>
      phoneticKeys(a).some((k) => phoneticKeys(b).includes(k));
    expect(shareKey('Catherine Smith', 'Kathryn Smyth')).toBe(true);
    expect(shareKey('Gonçalves', 'Goncalves')).toBe(true);
    expect(shareKey('Müller', 'MULLER')).toBe(true);
    expect(shareKey('Schmidt', 'Smith')).toBe(true);
    expect(shareKey('Smith', 'Jones')).toBe(false);
  });

  it('adds the codes of a word typed without its cedilla', () => {
    expect(phoneticKeys('Gonçalves')).toEqual(['KNSL', 'KNKL']);
    expect(phoneticKeys('François')).toEqual(['FRNS', 'FRNK']);
    // Before E, I and Y a C is already S: nothing to add.
    expect(phoneticKeys('Çelik')).toEqual(['SLK']);
  });

  it('honours maxLength and rejects a bad one', () => {
    expect(phoneticKeys('Washington', Number.POSITIVE_INFINITY)).toEqual(['AXNKTN', 'FXNKTN']);
    expect(phoneticKeys('Washington', 2)).toEqual(['AX', 'FX']);
    expect(() => phoneticKeys('Smith', 0)).toThrow(ThreadlineError);
  });
});

describe('phoneticallyEqual laws', () => {
  it('is total, deterministic and symmetric', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const equal = phoneticallyEqual(a, b);
        expect(phoneticallyEqual(a, b)).toBe(equal);
        expect(phoneticallyEqual(b, a)).toBe(equal);
      }),
      { numRuns: 2000 },
    );
  });

  it('is reflexive for any text with a Latin letter, and false without one', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(phoneticallyEqual(text, text)).toBe(hasLatinLetter(text));
      }),
      { numRuns: 2000 },
    );
    expect(phoneticallyEqual('H', 'H')).toBe(true);
    expect(phoneticallyEqual('Wh', 'wh')).toBe(true);
    expect(phoneticallyEqual('H', 'W')).toBe(false);
    expect(phoneticallyEqual('', '')).toBe(false);
    expect(phoneticallyEqual('Иван', 'Иван')).toBe(false);
  });

  it('agrees with the codes: true exactly when some code is shared', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const codesA = doubleMetaphone(a).filter((c) => c !== '');
        const codesB = doubleMetaphone(b).filter((c) => c !== '');
        fc.pre(!a.includes('Ç') && !b.includes('Ç') && codesA.length > 0 && codesB.length > 0);
        expect(phoneticallyEqual(a, b)).toBe(codesA.some((c) => codesB.includes(c)));
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores case and every diacritic, the cedilla included', () => {
    fc.assert(
      fc.property(fc.oneof(latinText, fc.string({ unit: 'binary' })), (text) => {
        fc.pre(hasLatinLetter(text));
        expect(phoneticallyEqual(text, stripAllMarks(text))).toBe(true);
        expect(phoneticallyEqual(text, text.toUpperCase())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('phoneticallyEqual examples', () => {
  it.each([
    ['Smith', 'Smyth'],
    ['Smith', 'Schmidt'],
    ['Souza', 'Sousa'],
    ['Catherine', 'Kathryn'],
    ['Stephen', 'Steven'],
    ['Philip', 'Filip'],
    ['Jon', 'John'],
    ['Mohammed', 'Muhammad'],
    ['Meyer', 'Meier'],
    ['José', 'Jose'],
    ['Gonçalves', 'Goncalves'],
    ['Wasserman', 'Vasserman'],
    ['Yankelovich', 'Jankelowicz'],
    ['Arnow', 'Arnoff'],
  ])('%s sounds like %s', (a, b) => {
    expect(phoneticallyEqual(a, b)).toBe(true);
    expect(phoneticallyEqual(b, a)).toBe(true);
  });

  it.each([
    ['Smith', 'Jones'],
    ['Catherine', 'Caroline'],
    ['Stephen', 'Simon'],
    ['Mohammed', 'Mahmoud'],
    ['Anna', 'Hannah'],
    // A known miss of the algorithm, kept visible: the P of Thompson is coded (TMPS vs TMSN).
    ['Thompson', 'Thomson'],
  ])('%s does not sound like %s', (a, b) => {
    expect(phoneticallyEqual(a, b)).toBe(false);
  });

  it('compares longer codes when asked', () => {
    expect(phoneticallyEqual('Washington', 'Washingtown')).toBe(true);
    expect(phoneticallyEqual('Washington', 'Washingtown', Number.POSITIVE_INFINITY)).toBe(true);
    expect(phoneticallyEqual('Christopherson', 'Christophers')).toBe(true);
    expect(phoneticallyEqual('Christopherson', 'Christophers', Number.POSITIVE_INFINITY)).toBe(
      false,
    );
    expect(() => phoneticallyEqual('a', 'b', 2.5)).toThrow(ThreadlineError);
  });
});

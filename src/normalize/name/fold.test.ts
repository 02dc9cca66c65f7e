import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from './fold.js';

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
);

// Letters whose upper and lower case round-trip, across the scripts names are written in.
const casedLetter = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'áàâäãåæçéèêëíìîïñóòôöõøœßúùûüýÿāăąćčďđēęěğīıįķłńňőřśşšťţūůűųźżžþð',
  ...'ÁÀÂÄÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØŒÚÙÛÜÝĀĂĄĆČĎĐĒĘĚĞĪĮĶŁŃŇŐŘŚŞŠŤŢŪŮŰŲŹŻŽÞÐ',
  ...'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΆΈΉΊΌΎΏ',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
);
const nameLike = fc.string({
  unit: fc.oneof(casedLetter, fc.constantFrom(' ', '-', "'", '.', ',', '王', '伟', 'क', 'ु')),
  maxLength: 30,
});

// Latin letters with diacritics, and their bases as a person without the keyboard would type them.
const ACCENTED: readonly (readonly [string, string])[] = [
  ['á', 'a'],
  ['à', 'a'],
  ['â', 'a'],
  ['ä', 'a'],
  ['ã', 'a'],
  ['å', 'a'],
  ['ç', 'c'],
  ['č', 'c'],
  ['é', 'e'],
  ['è', 'e'],
  ['ê', 'e'],
  ['ë', 'e'],
  ['ę', 'e'],
  ['í', 'i'],
  ['ï', 'i'],
  ['ñ', 'n'],
  ['ń', 'n'],
  ['ó', 'o'],
  ['ô', 'o'],
  ['ö', 'o'],
  ['ő', 'o'],
  ['ø', 'o'],
  ['ś', 's'],
  ['š', 's'],
  ['ş', 's'],
  ['ú', 'u'],
  ['ü', 'u'],
  ['ů', 'u'],
  ['ý', 'y'],
  ['ž', 'z'],
  ['ż', 'z'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ğ', 'g'],
];
const accentedPair = fc
  .array(
    fc.oneof(
      fc.constantFrom(...ACCENTED),
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ').map((c) => [c, c] as const),
    ),
    { maxLength: 25 },
  )
  .map((pairs) => [pairs.map((p) => p[0]).join(''), pairs.map((p) => p[1]).join('')] as const);

describe('foldName: examples', () => {
  it('removes diacritics from Latin letters', () => {
    expect(foldName('José')).toBe('jose');
    expect(foldName('Zoë')).toBe('zoe');
    expect(foldName('François Müller-Lüdenscheidt')).toBe('francois muller-ludenscheidt');
    expect(foldName('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldName('Dvořák Škoda Łukasz')).toBe('dvorak skoda lukasz');
  });

  it('maps letters that do not decompose', () => {
    expect(foldName('Straße')).toBe('strasse');
    expect(foldName('ẞ')).toBe('ss');
    expect(foldName('Æsir Œuvre Søren')).toBe('aesir oeuvre soren');
    expect(foldName('Guðrún Þórsdóttir')).toBe('gudrun thorsdottir');
    expect(foldName('Đorđe Łódź')).toBe('dorde lodz');
    expect(foldName('Iıİi')).toBe('iiii');
    expect(foldName('Əliyev')).toBe('aliyev');
  });

  it('keeps the Catalan middle dot that NFKC splits out of ŀ', () => {
    expect(foldName('Ŀ')).toBe('l·');
    expect(foldName('Gal·la')).toBe('gal·la');
  });

  it('folds compatibility forms (full-width, ligatures, Roman numerals)', () => {
    expect(foldName('Ｊｏｈｎ　Ｓｍｉｔｈ')).toBe('john smith');
    expect(foldName('ﬁnn ﬂora')).toBe('finn flora');
    expect(foldName('Henry Ⅷ')).toBe('henry viii');
  });

  it('unifies apostrophes and dashes', () => {
    expect(foldName('O’Brien')).toBe("o'brien");
    expect(foldName('O´Brien')).toBe("o'brien");
    expect(foldName('O`Brien')).toBe("o'brien");
    expect(foldName('Hawaiʻi')).toBe("hawai'i");
    expect(foldName('Smith–Jones')).toBe('smith-jones');
    expect(foldName('Smith‐Jones')).toBe('smith-jones');
  });

  it('drops invisible characters and collapses whitespace', () => {
    expect(foldName('  Jo\u200Bhn \t\n  Smith\u00A0 ')).toBe('john smith');
    expect(foldName('\u200E\u202Bana\u202C\u200F')).toBe('ana');
    expect(foldName('Ma\u00ADrie')).toBe('marie');
    expect(foldName('a\u0000b')).toBe('ab');
    expect(foldName('a\nb')).toBe('a b');
    expect(foldName('\uFEFF\uD800x\uDFFF')).toBe('x');
    expect(foldName('   ')).toBe('');
    expect(foldName('')).toBe('');
  });

  it('keeps other scripts as lower-case NFKC text', () => {
    expect(foldName('Иван ПЕТРОВ')).toBe('иван петров');
    expect(foldName('Алёна')).toBe('алена');
    expect(foldName('Андре́й')).toBe('андрей');
    expect(foldName('Йосиф')).toBe('йосиф');
    expect(foldName('王伟')).toBe('王伟');
    expect(foldName('が')).toBe('が');
    expect(foldName('ｶﾞ')).toBe('ガ');
    expect(foldName('राजकुमार')).toBe('राजकुमार');
    expect(foldName('محمد')).toBe('محمد');
    expect(foldName('김민준')).toBe('김민준');
  });

  it('folds Greek accents and final sigma, since capitals are written without accents', () => {
    expect(foldName('Γιώργος')).toBe('γιωργοσ');
    expect(foldName('ΓΙΩΡΓΟΣ')).toBe('γιωργοσ');
  });

  it('keeps digits and punctuation for other text fields', () => {
    expect(foldName('221B Baker St.')).toBe('221b baker st.');
  });
});

describe('foldName: laws', () => {
  it('is total', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(typeof foldName(s)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nameLike), (s) => {
        const once = foldName(s);
        expect(foldName(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(foldName(s)).toBe(foldName(s));
      }),
    );
  });

  it('leaves no invisible characters, no runs of spaces and no spaces at the ends', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = foldName(s);
        expect(out).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u);
        expect(out).not.toMatch(/ {2}|^ | $/);
        expect(out).not.toMatch(/[A-Z]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('is case-insensitive', () => {
    fc.assert(
      fc.property(nameLike, (s) => {
        expect(foldName(s.toUpperCase())).toBe(foldName(s.toLowerCase()));
      }),
      { numRuns: 1000 },
    );
  });

  it('is diacritic-insensitive for Latin letters', () => {
    fc.assert(
      fc.property(accentedPair, ([accented, plain]) => {
        expect(foldName(accented)).toBe(foldName(plain));
        expect(foldName(accented.normalize('NFD'))).toBe(foldName(plain));
      }),
    );
  });

  it('does not care whether the input is composed or decomposed', () => {
    fc.assert(
      fc.property(nameLike, (s) => {
        expect(foldName(s.normalize('NFD'))).toBe(foldName(s.normalize('NFC')));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeReferenceValue,
  passesReferenceCheck,
  type ReferenceNormalization,
  ReferenceNormalizationSchema,
} from './keys.js';

const modes = fc.constantFrom(...ReferenceNormalizationSchema.options);
const anyValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^#{0,3}[A-Za-z0-9][-A-Za-z0-9/_.]{0,20}$/),
);

const digitString = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));

function checkDigits(
  candidate: (digit: number) => string,
  check: 's10' | 'ups' | 'luhn',
): number[] {
  const passing: number[] = [];
  for (let d = 0; d <= 9; d++) if (passesReferenceCheck(candidate(d), check)) passing.push(d);
  return passing;
}

describe('normalizeReferenceValue', () => {
  it('normalizes the usual ways of writing one reference to one key', () => {
    const cases: [string, ReferenceNormalization, string][] = [
      ['#a-55123', 'alnum-upper', 'A55123'],
      ['A/55123', 'alnum-upper', 'A55123'],
      ['a_55.123', 'alnum-upper', 'A55123'],
      ['#A-55123', 'upper', 'A-55123'],
      ['qx7p2l', 'upper', 'QX7P2L'],
      ['ABC-1', 'lower', 'abc-1'],
      ['9400-1118-9922', 'digits', '940011189922'],
      ['##12', 'upper', '12'],
      ['ABC', 'digits', ''],
    ];
    for (const [value, mode, key] of cases) expect(normalizeReferenceValue(value, mode)).toBe(key);
  });

  it('is idempotent on any string, in every mode', () => {
    fc.assert(
      fc.property(anyValue, modes, (value, mode) => {
        const key = normalizeReferenceValue(value, mode);
        expect(normalizeReferenceValue(key, mode)).toBe(key);
      }),
      { numRuns: 5000 },
    );
  });

  it('never keeps a leading # and keeps only ASCII digits in digits mode', () => {
    fc.assert(
      fc.property(anyValue, modes, (value, mode) => {
        const key = normalizeReferenceValue(value, mode);
        expect(key.startsWith('#')).toBe(false);
        if (mode === 'digits') expect(key).toMatch(/^[0-9]*$/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('passesReferenceCheck', () => {
  it('verifies UPU S10 check digits (8,6,4,2,3,5,9,7; 10 → 0; 11 → 5)', () => {
    expect(passesReferenceCheck('RR123456785GB', 's10')).toBe(true);
    expect(passesReferenceCheck('RR123456784GB', 's10')).toBe(false);
    // Sum 0: 11 − 0 = 11, written 5. Sum 7·8 = 56 ≡ 1 (mod 11): 11 − 1 = 10, written 0.
    expect(passesReferenceCheck('EE000000005GB', 's10')).toBe(true);
    expect(passesReferenceCheck('CP700000000FR', 's10')).toBe(true);
    expect(passesReferenceCheck('rr123456785gb', 's10')).toBe(false);
    expect(passesReferenceCheck('RR12345678GB', 's10')).toBe(false);
  });

  it('verifies UPS 1Z check digits with letters mapped to digits', () => {
    expect(passesReferenceCheck('1Z999AA10123456784', 'ups')).toBe(true);
    expect(passesReferenceCheck('1Z999AA10123456785', 'ups')).toBe(false);
    expect(passesReferenceCheck('1Z4E93510492123736', 'ups')).toBe(true);
    expect(passesReferenceCheck('1Z999AA1012345678', 'ups')).toBe(false);
    expect(passesReferenceCheck('2Z999AA10123456784', 'ups')).toBe(false);
  });

  it('verifies Luhn', () => {
    expect(passesReferenceCheck('79927398713', 'luhn')).toBe(true);
    expect(passesReferenceCheck('79927398710', 'luhn')).toBe(false);
    expect(passesReferenceCheck('4111-1111-1111-1111', 'luhn')).toBe(true);
    expect(passesReferenceCheck('0', 'luhn')).toBe(false);
  });

  it('accepts exactly one check digit for every S10 serial', () => {
    fc.assert(
      fc.property(digitString(8), (serial) => {
        expect(checkDigits((d) => `RR${serial}${d}GB`, 's10')).toHaveLength(1);
      }),
    );
  });

  it('accepts exactly one check digit for every UPS body', () => {
    const body = fc
      .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), {
        minLength: 15,
        maxLength: 15,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(body, (b) => {
        expect(checkDigits((d) => `1Z${b}${d}`, 'ups')).toHaveLength(1);
      }),
    );
  });

  it('accepts exactly one Luhn check digit for every payload', () => {
    fc.assert(
      fc.property(digitString(12), (payload) => {
        expect(checkDigits((d) => `${payload}${d}`, 'luhn')).toHaveLength(1);
      }),
    );
  });

  it('is total on any key', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom('s10', 'ups', 'luhn'),
        (key, check) => {
          expect(typeof passesReferenceCheck(key, check as 's10' | 'ups' | 'luhn')).toBe('boolean');
        },
      ),
    );
  });
});

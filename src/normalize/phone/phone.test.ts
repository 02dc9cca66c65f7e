import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { normalizePhone, PhoneE164Schema } from './phone.js';

const regions = fc.constantFrom('US', 'GB', 'DE', 'FR', 'BR', 'IN', 'AU', 'JP', 'ES', 'NG');

// Realistic phone-ish text: digits with the separators people type.
const phoneText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(' ', '-', '.', '/', '(', ')', '+', 'ext. ', '\u200B'),
      },
    ),
    { minLength: 0, maxLength: 22 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), phoneText);

describe('normalizePhone laws', () => {
  it('is total: never throws on any string, in any region', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.option(regions, { nil: undefined }),
        fc.boolean(),
        (raw, region, intl) => {
          const options = {
            ...(region === undefined ? {} : { region }),
            assumeInternational: intl,
          };
          const result = normalizePhone(raw, options);
          expect(result.raw).toBe(raw);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on its key', () => {
    fc.assert(
      fc.property(anyText, regions, (raw, region) => {
        const once = normalizePhone(raw, { region });
        const twice = normalizePhone(once.key, { region });
        expect(twice.key).toBe(once.key);
        expect(twice.matchable).toBe(once.matchable);
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, regions, (raw, region) => {
        expect(normalizePhone(raw, { region })).toEqual(normalizePhone(raw, { region }));
      }),
    );
  });

  it('gives an E.164 value exactly when the number has a possible length', () => {
    fc.assert(
      fc.property(anyText, regions, (raw, region) => {
        const result = normalizePhone(raw, { region });
        expect(result.e164 !== undefined).toBe(result.possible);
        if (result.e164 !== undefined) {
          expect(PhoneE164Schema.safeParse(result.e164).success).toBe(true);
          expect(result.key).toBe(result.e164);
        }
        if (result.matchable) expect(result.reason).toBeUndefined();
        else expect(result.reason).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores the separators people type between digits', () => {
    const national = fc.constantFrom('3102461501', '8187621221', '2125551234', '4155552671');
    const separator = fc.constantFrom('', ' ', '-', '.', '/');
    fc.assert(
      fc.property(national, separator, separator, (n, a, b) => {
        const written = `${n.slice(0, 3)}${a}${n.slice(3, 6)}${b}${n.slice(6)}`;
        expect(normalizePhone(written, { region: 'US' }).key).toBe(`+1${n}`);
      }),
    );
  });

  it('reads an E.164 number the same whatever the default region', () => {
    fc.assert(
      fc.property(regions, regions, (r1, r2) => {
        expect(normalizePhone('+442079460958', { region: r1 }).key).toBe(
          normalizePhone('+442079460958', { region: r2 }).key,
        );
      }),
    );
  });
});

describe('normalizePhone examples', () => {
  it.each([
    ['310/246-1501', 'US', '+13102461501'],
    ['310-246-1501', 'US', '+13102461501'],
    ['(310) 246 1501', 'US', '+13102461501'],
    ['+1 310 246 1501', 'GB', '+13102461501'],
    ['+44 (0)20 7946 0958', 'US', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['0044 20 7946 0958', 'US', '+442079460958'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    ['\uFF0B\uFF14\uFF14 20 7946 0958', 'US', '+442079460958'],
    ['Tel: 020 7946 0958', 'GB', '+442079460958'],
    ['(11) 98765-4321', 'BR', '+5511987654321'],
    ['030 1234567', 'DE', '+49301234567'],
  ])('%s in %s is %s', (raw, region, expected) => {
    const result = normalizePhone(raw, { region });
    expect(result.key).toBe(expected);
    expect(result.matchable).toBe(true);
  });

  it('splits off an extension', () => {
    const result = normalizePhone('+1 (310) 246-1501 ext. 7');
    expect(result.e164).toBe('+13102461501');
    expect(result.extension).toBe('7');
  });

  it('reports the line type where the plan knows it', () => {
    expect(normalizePhone('+447911123456').type).toBe('mobile');
    expect(normalizePhone('020 7946 0958', { region: 'GB' }).type).toBe('fixed_line');
    expect(normalizePhone('0800 123 4567', { region: 'GB' }).type).toBe('toll_free');
  });

  it('reads international numbers sent without a plus when told to', () => {
    expect(normalizePhone('14155552671').reason).toBe('no_region');
    const whatsapp = normalizePhone('14155552671', { assumeInternational: true });
    expect(whatsapp.e164).toBe('+14155552671');
    expect(whatsapp.matchable).toBe(true);
  });

  it('keeps short codes raw and never matchable', () => {
    for (const code of ['12345', '22222', '611', '#611']) {
      const result = normalizePhone(code, { region: 'US' });
      expect(result.key).toBe(code);
      expect(result.e164).toBeUndefined();
      expect(result.reason).toBe('short_code');
    }
  });

  it('flags placeholders typed to get past a form', () => {
    for (const raw of [
      '0000000000',
      '1111111111',
      '1234567890',
      '(555) 555-5555',
      '212-555-0123',
    ]) {
      const result = normalizePhone(raw, { region: 'US' });
      expect(result.matchable, raw).toBe(false);
      expect(result.reason, raw).toBe('placeholder');
    }
  });

  it('keeps unreadable text and says why', () => {
    expect(normalizePhone('   ').reason).toBe('empty');
    expect(normalizePhone('n/a', { region: 'US' })).toMatchObject({
      key: 'n/a',
      reason: 'no_digits',
    });
    expect(normalizePhone('+44 20 7946 0958 9999 1').reason).toBe('too_long');
    expect(normalizePhone('+44 20 79', { region: 'GB' }).matchable).toBe(false);
  });

  it('separates valid ranges from merely possible ones', () => {
    // 07700 900xxx is reserved by the UK regulator for drama: possible length, never assigned.
    const drama = normalizePhone('07700 900123', { region: 'GB' });
    expect(drama).toMatchObject({
      possible: true,
      valid: false,
      matchable: false,
      reason: 'invalid',
    });
    expect(normalizePhone('07700 900123', { region: 'GB', accept: 'possible' }).matchable).toBe(
      true,
    );
  });

  it('rejects an unknown region as a configuration error', () => {
    expect(() => normalizePhone('123', { region: 'XX' })).toThrow(ThreadlineError);
    try {
      normalizePhone('123', { region: 'us' });
    } catch (e) {
      expect(e).toBeInstanceOf(ThreadlineError);
      expect((e as ThreadlineError).code).toBe('invalid_options');
      expect((e as ThreadlineError).issues[0]?.path).toEqual(['region']);
    }
  });
});

describe('normalizePhone without line types', () => {
  it('gives the same key and flags, only without the type', () => {
    fc.assert(
      fc.property(phoneText, regions, (raw, region) => {
        const full = normalizePhone(raw, { region });
        const lean = normalizePhone(raw, { region, lineType: false });
        const { type: _type, ...rest } = full;
        expect(lean).toEqual(rest);
      }),
      { numRuns: 1000 },
    );
  });
});

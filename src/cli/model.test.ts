import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { compileModel, ModelSpecSchema } from '../linkage/index.js';
import { buildSpec, evidenceColumns, fieldName } from './model.js';

describe('fieldName', () => {
  it('keeps valid names and makes the others valid, the same way every time', () => {
    expect(fieldName('email')).toBe('email');
    expect(fieldName('First Name')).toBe('First_Name');
    expect(fieldName('2nd phone')).toBe('_2nd_phone');
    expect(fieldName('Prénom')).toBe('Pr_nom');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const field = fieldName(name);
        expect(field).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/);
        expect(fieldName(field)).toBe(field);
      }),
    );
  });
});

describe('evidenceColumns', () => {
  it('keeps the evidence and refuses two columns that would share a field', () => {
    expect(
      evidenceColumns([
        { column: 'e mail', kind: 'email', source: 'name', note: '' },
        { column: 'notes', kind: 'ignore', source: 'none', note: '' },
      ]),
    ).toEqual([{ column: 'e mail', field: 'e_mail', kind: 'email' }]);
    expect(() =>
      evidenceColumns([
        { column: 'e mail', kind: 'email', source: 'name', note: '' },
        { column: 'e_mail', kind: 'email', source: 'name', note: '' },
      ]),
    ).toThrow(ThreadlineError);
  });
});

describe('buildSpec', () => {
  it('builds a valid model, normalizing each handle column for its own platform', () => {
    const { spec, deterministicRules } = buildSpec(
      [
        { column: 'ig', field: 'ig', kind: 'handle', platform: 'instagram' },
        { column: 'tw', field: 'tw', kind: 'handle', platform: 'x' },
        { column: 'name', field: 'name', kind: 'full_name' },
        { column: 'mail', field: 'mail', kind: 'email' },
      ],
      'GB',
    );
    expect(() => compileModel(spec)).not.toThrow();
    const parsed = ModelSpecSchema.parse(spec);
    expect(parsed.region).toBe('GB');
    const platforms = (field: string) =>
      JSON.stringify([
        ...parsed.comparisons.filter((c) => c.field === field).flatMap((c) => c.levels),
        ...parsed.blocking.flatMap((r) => r.keys.filter((k) => k.field === field)),
      ]).match(/"platform":"[a-z]+"/g);
    expect(new Set(platforms('ig'))).toEqual(new Set(['"platform":"instagram"']));
    expect(new Set(platforms('tw'))).toEqual(new Set(['"platform":"x"']));
    expect(deterministicRules.length).toBeGreaterThan(0);
  });
});

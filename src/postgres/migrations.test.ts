import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { postgresMigrations, postgresSchemaName } from './migrations.js';

describe('postgresSchemaName', () => {
  it('accepts lower-case identifiers and nothing else', () => {
    const valid = /^[a-z_][a-z0-9_]{0,62}$/;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(valid)), (name) => {
        const accepted = (() => {
          try {
            return postgresSchemaName(name) === name;
          } catch (error) {
            expect(error).toBeInstanceOf(ThreadlineError);
            expect((error as ThreadlineError).code).toBe('invalid_options');
            return false;
          }
        })();
        expect(accepted).toBe(valid.test(name));
      }),
    );
  });

  it('names the path of the bad option', () => {
    expect(() => postgresSchemaName('Robert"; DROP TABLE x', ['pool', 'schema'])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['pool', 'schema'] })] }),
    );
  });
});

describe('postgresMigrations', () => {
  it('are numbered from 1 without gaps', () => {
    expect(postgresMigrations().map((m) => m.version)).toEqual(
      postgresMigrations().map((_, i) => i + 1),
    );
  });

  it('touch only the schema they were made for', () => {
    for (const step of postgresMigrations('support_eu')) {
      const names = [
        ...step.sql.matchAll(/(?:TABLE|INDEX ON|INTO|FROM|UPDATE|FUNCTION)\s+("?\w+"?)\./g),
      ];
      expect(names.length).toBeGreaterThan(5);
      for (const [, schema] of names) expect(schema).toBe('"support_eu"');
    }
  });
});

// Realistic inputs from the public FEBRL and Splink sample data. The datasets live outside the
// repository (THREADLINE_DATA_DIR, by default ../shared/datasets); the suite is skipped without them.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeName } from './name.js';
import { areNicknameVariants, nicknameRoots } from './nicknames.js';

const dir = resolve(
  process.env.THREADLINE_DATA_DIR ?? join(process.cwd(), '..', 'shared', 'datasets'),
);
const FEBRL = ['dataset1', 'dataset2', 'dataset3', 'dataset4a', 'dataset4b'].map((f) =>
  join(dir, 'febrl', `${f}.csv`),
);
const SPLINK = join(dir, 'splink-fake-1000', 'fake_1000.csv');
const present = [...FEBRL, SPLINK].every((f) => existsSync(f));

// These files have no quoted fields; FEBRL pads fields with a space after each comma.
function readRows(file: string): Record<string, string>[] {
  const [header = '', ...body] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const keys = header.split(',').map((k) => k.trim());
  return body.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? '').trim()]));
  });
}

describe.skipIf(!present)('normalizeName on the FEBRL and Splink samples', () => {
  const febrl = present ? FEBRL.flatMap(readRows) : [];
  const splink = present ? readRows(SPLINK) : [];

  it('is total and idempotent on every record, in both layouts', () => {
    for (const row of febrl) {
      const given = row.given_name ?? '';
      const surname = row.surname ?? '';
      for (const raw of [given, surname, `${given} ${surname}`, `${surname}, ${given}`]) {
        const { full } = normalizeName(raw);
        expect(normalizeName(full).full).toBe(full);
      }
    }
  });

  it('finds the surname as the family name', () => {
    let both = 0;
    let givenFirst = 0;
    let comma = 0;
    for (const row of febrl) {
      const given = row.given_name ?? '';
      const surname = row.surname ?? '';
      if (given === '' || surname === '') continue;
      both++;
      const expected = normalizeName(surname).full;
      if (normalizeName(`${given} ${surname}`).family === expected) givenFirst++;
      if (normalizeName(`${surname}, ${given}`).family === expected) comma++;
    }
    expect(both).toBeGreaterThan(10_000);
    // Without a comma a typo that splits a surname (`finl ay`) cannot be told from a middle name.
    expect(givenFirst / both).toBeGreaterThan(0.98);
    expect(comma / both).toBeGreaterThan(0.999);
  });

  it('reads every non-blank first name as a matchable given name', () => {
    for (const row of [...febrl, ...splink]) {
      const given = row.given_name ?? row.first_name ?? '';
      if (given === '') continue;
      const r = normalizeName(given);
      expect(r.matchable, given).toBe(true);
      expect(r.given, given).toBeDefined();
    }
  });

  it('links the nickname variants of the same person in the Splink sample', () => {
    const byCluster = new Map<string, string[]>();
    for (const row of splink) {
      const given = normalizeName(row.first_name ?? '').given;
      if (given === undefined) continue;
      const list = byCluster.get(row.cluster ?? '') ?? [];
      list.push(given);
      byCluster.set(row.cluster ?? '', list);
    }
    let linkedByNickname = 0;
    for (const names of byCluster.values()) {
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          const a = names[i] ?? '';
          const b = names[j] ?? '';
          if (a !== b && areNicknameVariants(a, b)) linkedByNickname++;
        }
      }
    }
    expect(linkedByNickname).toBeGreaterThan(0);
    expect(nicknameRoots('Rob')).toContain('robert');
  });
});

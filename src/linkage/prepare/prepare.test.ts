import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile/compile.js';
import type { ModelSpecInput } from '../spec/spec.js';
import { trainingSpec, trainModel } from '../train/train.js';
import {
  assemblePrepared,
  type ColumnPart,
  type LinkRecord,
  prepareColumnParts,
  prepareRecords,
} from './prepare.js';
import { plain } from './test-helpers.js';

const spec: ModelSpecInput = {
  region: 'US',
  comparisons: [
    {
      name: 'name',
      field: 'name',
      levels: [
        { kind: 'null' },
        { kind: 'exact', transform: ['name'], tf: {} },
        { kind: 'jaro_winkler', threshold: 0.9, transform: ['fold'] },
        { kind: 'else' },
      ],
    },
    {
      name: 'phone',
      field: 'phone',
      levels: [{ kind: 'null' }, { kind: 'exact', transform: ['phone'] }, { kind: 'else' }],
    },
    {
      name: 'dob',
      field: 'dob',
      levels: [
        { kind: 'null' },
        { kind: 'exact', transform: ['date'] },
        { kind: 'date_within', amount: 40, unit: 'days', transform: ['date'] },
        { kind: 'else' },
      ],
    },
  ],
  blocking: [{ keys: [{ field: 'name', transform: ['dmetaphone'] }] }],
};
const model = compileModel(spec);

const value = fc.oneof(
  fc.constantFrom('Ana Souza', 'ana souza', 'Bob', 'Robert', '310-246-1501', '2024-01-02', ' '),
  fc.constantFrom('+1 (310) 246 1501', '02/01/2024', 'Zoë', 7, null, undefined, true),
  fc.array(fc.constantFrom('Ana', 'Bob', '1970-05-05', '', 3), { maxLength: 3 }),
);
const record = fc.record({ name: value, phone: value, dob: value });

/** Parts over consecutive shares of the records, cut at the given points. */
function partsOf(records: readonly LinkRecord[], cuts: readonly number[]): ColumnPart[][] {
  const bounds = [0, ...cuts.map((c) => Math.min(c, records.length)).sort((a, b) => a - b)];
  bounds.push(records.length);
  const parts: ColumnPart[][] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    parts.push(prepareColumnParts(model.inputs, to - from, (f, r) => records[from + r]?.[f]));
  }
  return parts;
}

describe('column parts', () => {
  it('joined in record order, give exactly what prepareRecords gives', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        fc.array(fc.nat(40), { maxLength: 4 }),
        (records, cuts) => {
          const joined = assemblePrepared(model, records, partsOf(records, cuts));
          expect(plain(joined)).toEqual(plain(prepareRecords(model, records)));
        },
      ),
    );
  });

  it('join for linkage too, across the two sources', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 15 }),
        fc.array(record, { maxLength: 15 }),
        fc.nat(30),
        (left, right, cut) => {
          const all = [...left, ...right];
          const options = { right, dedupeWithinSources: true };
          const joined = assemblePrepared(model, left, partsOf(all, [cut]), options);
          expect(plain(joined)).toEqual(plain(prepareRecords(model, left, options)));
        },
      ),
    );
  });

  it('give ids in order of first occurrence over all records', () => {
    const records = [{ name: 'Bob' }, { name: 'Ana' }, { name: 'Cy' }, { name: 'Ana' }];
    const data = assemblePrepared(model, records, partsOf(records, [1, 3]));
    const column = data.columns[0];
    expect(column?.dictionary).toEqual(['Bob', 'Ana', 'Cy']);
    expect(Array.from(column?.values ?? [])).toEqual([0, 1, 2, 1]);
  });

  it('are refused when they do not cover the records', () => {
    const records = [{ name: 'Bob' }, { name: 'Ana' }];
    expect(() => assemblePrepared(model, records, partsOf(records.slice(1), []))).toThrow(
      /do not fit/,
    );
  });
});

describe('training from prepared records', () => {
  const people: LinkRecord[] = Array.from({ length: 60 }, (_, i) => ({
    id: `r${i}`,
    name: ['Ana Souza', 'Ana Sousa', 'Bob Smith', 'Robert Smith', 'Chen Wei'][i % 5],
    phone: i % 3 === 0 ? null : `310-246-${String(1500 + (i % 7)).padStart(4, '0')}`,
    dob: `19${70 + (i % 4)}-0${1 + (i % 3)}-1${i % 2}`,
  }));

  it('gives the same model and report as training from the records', () => {
    const options = { deterministicRules: [{ keys: [{ field: 'phone' }] }], u: { seed: 3 } };
    const training = compileModel(trainingSpec(spec, options));
    const parts = partsOf(people, [17, 40]);
    const prepared = assemblePrepared(training, people, parts);
    const direct = trainModel(spec, people, options);
    const viaParts = trainModel(spec, people, { ...options, prepared });
    expect(viaParts.spec).toEqual(direct.spec);
    expect(viaParts.report).toEqual(direct.report);
    expect(plain(viaParts.prepared)).toEqual(plain(direct.prepared));
  });

  it('refuses prepared records of another size', () => {
    const training = compileModel(trainingSpec(spec, {}));
    const prepared = prepareRecords(training, people.slice(1));
    expect(() => trainModel(spec, people, { prepared })).toThrow(/not these records/);
  });

  it('refuses records prepared for deduplication when linking', () => {
    const training = compileModel(trainingSpec(spec, {}));
    const prepared = prepareRecords(training, people);
    const left = people.slice(0, 30);
    const right = people.slice(30);
    expect(() => trainModel(spec, left, { right, prepared })).toThrow(/not these records/);
  });
});

describe('joining the same parts twice', () => {
  it('gives the same records both times', () => {
    const records = [{ name: 'Bob' }, { name: 'Ana' }, { name: 'Cy' }, { name: 'Bob' }];
    const parts = partsOf(records, [2]);
    const once = plain(assemblePrepared(model, records, parts));
    expect(plain(assemblePrepared(model, records, parts))).toEqual(once);
    expect(once).toEqual(plain(prepareRecords(model, records)));
  });
});

import { describe, expect, it } from 'vitest';
import { compileModel } from '../linkage/compile/compile.js';
import { prepareRecords } from '../linkage/prepare/prepare.js';
import { plain } from '../linkage/prepare/test-helpers.js';
import { defaultModelSpec } from '../linkage/presets/presets.js';
import { trainingSpec, trainModel } from '../linkage/train/train.js';
import { generatePopulation, POPULATION_COLUMNS, separateTruth } from '../testing/population.js';
import { prepareRecordsInParallel } from './prepare.js';
import { trainModelInParallel } from './train.js';

describe('prepareRecordsInParallel', () => {
  const { records } = separateTruth(generatePopulation({ people: 1_500, seed: 9 }));
  const { spec, deterministicRules } = defaultModelSpec(POPULATION_COLUMNS, { region: 'US' });
  const options = { deterministicRules, u: { seed: 2 } };
  const model = compileModel(trainingSpec(spec, options));

  it('gives exactly what prepareRecords gives, on three threads', async () => {
    // Odd values too: lists, numbers, blanks and booleans cross threads as they read.
    const odd = [
      ...records,
      { id: 'x1', email: ['a@x.com', 'b@x.com'], phone: 3102461501, first_name: true },
      { id: 'x2', email: '   ', surname: ['Souza', 7] },
    ];
    const parallel = await prepareRecordsInParallel(model, odd, { threads: 3, minRecords: 0 });
    expect(plain(parallel)).toEqual(plain(prepareRecords(model, odd)));
  }, 120_000);

  it('links two sources as prepareRecords does', async () => {
    const left = records.slice(0, 1_000);
    const right = records.slice(1_000);
    const options = { right, threads: 2, minRecords: 0 };
    const parallel = await prepareRecordsInParallel(model, left, options);
    expect(plain(parallel)).toEqual(plain(prepareRecords(model, left, { right })));
  }, 120_000);

  it('trains the same model as trainModel', async () => {
    const parallel = await trainModelInParallel(spec, records, {
      ...options,
      threads: 2,
      minRecords: 0,
    });
    const serial = trainModel(spec, records, options);
    expect(parallel.spec).toEqual(serial.spec);
    expect(parallel.report).toEqual(serial.report);
    expect(plain(parallel.prepared)).toEqual(plain(serial.prepared));
  }, 120_000);
});

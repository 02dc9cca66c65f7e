import { describe, expect, it } from 'vitest';
import { predict } from '../linkage/predict/predict.js';
import { defaultModelSpec } from '../linkage/presets/presets.js';
import { trainModel } from '../linkage/train/train.js';
import { generatePopulation, POPULATION_COLUMNS, separateTruth } from '../testing/population.js';
import { predictInParallel } from './parallel.js';

describe('predictInParallel', () => {
  it('keeps exactly the pairs and weights of a single-threaded run', async () => {
    const { records } = separateTruth(generatePopulation({ people: 5_000, seed: 4 }));
    const { spec, deterministicRules } = defaultModelSpec(POPULATION_COLUMNS, { region: 'US' });
    const trained = trainModel(spec, records, { deterministicRules, u: { seed: 1 } });
    const serial = predict(trained.prepared, { threshold: { probability: 0.2 } });
    const parallel = await predictInParallel(trained.prepared, {
      threshold: { probability: 0.2 },
      threads: 2,
    });
    const rows = (p: typeof serial) =>
      Array.from(p.weights, (w, k) => `${p.left[k]}:${p.right[k]}:${w}`).sort();
    expect(parallel.scored).toBe(serial.scored);
    expect(rows(parallel)).toEqual(rows(serial));
    expect(parallel.blocking.pairs).toBe(serial.blocking.pairs);
  }, 120_000);
});

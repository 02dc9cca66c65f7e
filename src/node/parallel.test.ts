import { describe, expect, it } from 'vitest';
import { compileModel } from '../linkage/compile/compile.js';
import { predict } from '../linkage/predict/predict.js';
import { prepareRecords } from '../linkage/prepare/prepare.js';
import { defaultModelSpec } from '../linkage/presets/presets.js';
import { trainingSpec, trainModel } from '../linkage/train/train.js';
import { generatePopulation, POPULATION_COLUMNS, separateTruth } from '../testing/population.js';
import { predictInParallel } from './parallel.js';
import { startScoringSession } from './scoring.js';

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

describe('predictInParallel with a scoring session', () => {
  it('keeps exactly the pairs and weights of a single-threaded run', async () => {
    const { records } = separateTruth(generatePopulation({ people: 3_000, seed: 6 }));
    const { spec, deterministicRules } = defaultModelSpec(POPULATION_COLUMNS, { region: 'US' });
    const options = { deterministicRules, u: { seed: 1 } };
    const training = prepareRecords(compileModel(trainingSpec(spec, options)), records);
    const session = startScoringSession(training, { threads: 3 });
    try {
      const trained = trainModel(spec, records, { ...options, prepared: training });
      const serial = predict(trained.prepared, { threshold: { probability: 0.2 } });
      const parallel = await predictInParallel(trained.prepared, {
        threshold: { probability: 0.2 },
        session,
      });
      const rows = (p: typeof serial) =>
        Array.from(p.weights, (w, k) => `${p.left[k]}:${p.right[k]}:${w}`).sort();
      expect(session.threads).toBe(3);
      expect(parallel.scored).toBe(serial.scored);
      expect(rows(parallel)).toEqual(rows(serial));
      expect(parallel.blocking.pairs).toBe(serial.blocking.pairs);
    } finally {
      await session.close();
    }
  }, 120_000);

  it('scores records it does not hold on this thread, with the same result', async () => {
    const { records } = separateTruth(generatePopulation({ people: 800, seed: 7 }));
    const { spec, deterministicRules } = defaultModelSpec(POPULATION_COLUMNS, { region: 'US' });
    const options = { deterministicRules, u: { seed: 1 } };
    const other = prepareRecords(compileModel(trainingSpec(spec, options)), records.slice(1));
    const session = startScoringSession(other, { threads: 2 });
    try {
      const trained = trainModel(spec, records, options);
      const serial = predict(trained.prepared);
      const parallel = await predictInParallel(trained.prepared, { session });
      expect(parallel.weights.length).toBe(serial.weights.length);
      expect(parallel.scored).toBe(serial.scored);
    } finally {
      await session.close();
    }
  }, 120_000);
});

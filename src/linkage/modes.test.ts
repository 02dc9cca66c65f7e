import { describe, expect, it } from 'vitest';
import { generatePopulation, separateTruth } from '../testing/population.js';
import { clusterPredictions } from './cluster/cluster.js';
import { evaluatePredictions } from './evaluate/evaluate.js';
import { predict } from './predict/predict.js';
import { defaultModelSpec } from './presets/presets.js';
import { trainModel } from './train/train.js';

const COLUMNS = {
  first_name: 'given_name',
  surname: 'family_name',
  dob: 'date_of_birth',
  email: 'email',
  phone: 'phone',
} as const;
const records = [...generatePopulation({ people: 250, seed: 11 })];
const { records: visible, truth: population } = separateTruth(records);
const entity = { get: (id: string) => population.key(id) };
const { spec, deterministicRules } = defaultModelSpec(COLUMNS, { region: 'US' });
// Two sources: even records on the left, odd on the right.
const left = visible.filter((_, k) => k % 2 === 0);
const right = visible.filter((_, k) => k % 2 === 1);

describe('linking two sources, and both linking and deduplicating', () => {
  it('links only across sources, or also within them when asked', () => {
    const link = trainModel(spec, left, { right, deterministicRules, u: { seed: 1 } });
    const both = trainModel(spec, left, {
      right,
      dedupeWithinSources: true,
      deterministicRules,
      u: { seed: 1 },
    });
    const across = predict(link.prepared);
    for (let k = 0; k < across.weights.length; k++) {
      expect(link.prepared.sources[across.left[k] as number]).toBe(0);
      expect(link.prepared.sources[across.right[k] as number]).toBe(1);
    }
    const all = predict(both.prepared);
    const within = Array.from(all.left).filter(
      (i, k) => both.prepared.sources[i] === both.prepared.sources[all.right[k] as number],
    );
    expect(within.length).toBeGreaterThan(0);
    const truth = { key: (id: string) => entity.get(id) ?? '' };
    expect(
      evaluatePredictions(across, truth, { thresholds: [0.5] }).thresholds[0]?.f1,
    ).toBeGreaterThan(0.85);
  });
});

describe('thresholds, labels and evaluation', () => {
  const trained = trainModel(spec, visible, { deterministicRules, u: { seed: 2 } });

  it('cuts by probability or by match weight alike', () => {
    const byProbability = predict(trained.prepared, { threshold: { probability: 0.8 } });
    const byWeight = predict(trained.prepared, { threshold: { weight: Math.log2(0.8 / 0.2) } });
    expect(Array.from(byWeight.weights)).toEqual(Array.from(byProbability.weights));
    expect(() => predict(trained.prepared, { threshold: { probability: 1.5 } })).toThrow(
      /within \[0, 1\]/,
    );
  });

  it('estimates m from labelled pairs when they are given', () => {
    const matches: [string, string][] = [];
    const byEntity = new Map<string, string[]>();
    for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.id]);
    for (const ids of byEntity.values())
      if (ids.length >= 2) matches.push([ids[0] as string, ids[1] as string]);
    const labelled = trainModel(spec, visible, { deterministicRules, matches, u: { seed: 2 } });
    expect(labelled.report.labelledMatches).toBe(matches.length);
    expect(labelled.report.sessions).toEqual([]);
    const truth = { key: (id: string) => entity.get(id) ?? '' };
    const f1 =
      evaluatePredictions(predict(labelled.prepared), truth, { thresholds: [0.5] }).thresholds[0]
        ?.f1 ?? 0;
    expect(f1).toBeGreaterThan(0.85);
    expect(() => trainModel(spec, visible, { matches: [['r0', 'nobody']] })).toThrow(
      /unknown record|nobody/,
    );
  });

  it('evaluates against labelled pairs as against a truth column', () => {
    const predictions = predict(trained.prepared, { threshold: { probability: 0.01 } });
    const byKey = evaluatePredictions(predictions, { key: (id) => entity.get(id) ?? '' });
    const pairs: [string, string][] = [];
    const byEntity = new Map<string, string[]>();
    for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.id]);
    for (const ids of byEntity.values()) {
      for (let x = 0; x < ids.length; x++)
        for (let y = x + 1; y < ids.length; y++) pairs.push([ids[x] as string, ids[y] as string]);
    }
    const byPairs = evaluatePredictions(predictions, { pairs });
    expect(byPairs.truePairs).toBe(byKey.truePairs);
    expect(byPairs.thresholds).toEqual(byKey.thresholds);
    const best = byKey.best;
    expect(best.f1).toBeGreaterThanOrEqual(Math.max(...byKey.thresholds.map((t) => t.f1)));
    for (const error of byKey.errors) {
      const same = entity.get(error.leftId) === entity.get(error.rightId);
      expect(error.kind === 'false_negative').toBe(same);
    }
    expect(
      clusterPredictions(predictions)
        .members.flat()
        .sort((a, b) => a - b),
    ).toEqual(visible.map((_, i) => i));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { generatePopulation, POPULATION_COLUMNS, separateTruth } from '../testing/population.js';
import {
  blockingKeys,
  countCandidatePairs,
  forEachCandidatePair,
  rawPairCount,
} from './blocking/blocking.js';
import { clusterPredictions } from './cluster/cluster.js';
import { compileModel, safeCompileModel } from './compile/compile.js';
import { evaluateClusters, evaluatePredictions } from './evaluate/evaluate.js';
import { explainPair, formatWaterfall } from './explain/explain.js';
import { pairDetail, predict, scoredPairs } from './predict/predict.js';
import { prepareRecords } from './prepare/prepare.js';
import { defaultModelSpec } from './presets/presets.js';
import { matchWeight } from './score/score.js';
import { ModelSpecSchema } from './spec/spec.js';
import { trainModel } from './train/train.js';

function population(people: number, seed: number) {
  return separateTruth(generatePopulation({ people, seed }));
}

describe('the unsupervised pipeline on a generated population', () => {
  const { records, truth } = population(300, 7);
  const { spec, deterministicRules } = defaultModelSpec(POPULATION_COLUMNS, { region: 'US' });
  const trained = trainModel(spec, records, { deterministicRules, u: { seed: 3 } });
  const model = compileModel(trained.spec);
  const data = prepareRecords(model, records);
  const predictions = predict(data, { threshold: { probability: 0.01 } });

  it('trains every comparison without labels', () => {
    expect(trained.report.unestimated).toEqual([]);
    expect(trained.report.sessions.length).toBe(spec.blocking?.length);
    expect(trained.report.prior.estimated).toBe(true);
    for (const comparison of model.comparisons) {
      const top = comparison.levels.find((l) => l.kind !== 'null');
      expect(top?.weight, comparison.name).toBeGreaterThan(0);
    }
  });

  it('finds the duplicates far better than exact keys would', () => {
    const evaluation = evaluatePredictions(predictions, truth, { thresholds: [0.5] });
    const at = evaluation.thresholds[0];
    expect(at?.precision).toBeGreaterThan(0.95);
    expect(at?.recall).toBeGreaterThan(0.85);
    const clusters = evaluateClusters(data, clusterPredictions(predictions), truth);
    expect(clusters.f1).toBeGreaterThan(0.9);
  });

  it('saves and loads as plain JSON with the same scores', () => {
    const reloaded = compileModel(ModelSpecSchema.parse(JSON.parse(JSON.stringify(trained.spec))));
    const again = prepareRecords(reloaded, records);
    for (let k = 0; k < Math.min(50, predictions.weights.length); k++) {
      const i = predictions.left[k] as number;
      const j = predictions.right[k] as number;
      expect(matchWeight(again, i, j)).toBeCloseTo(predictions.weights[k] as number, 9);
    }
  });

  it('explains every decision with a waterfall that adds up', () => {
    const best = scoredPairs(predictions)[0];
    expect(best).toBeDefined();
    if (best === undefined) return;
    const waterfall = explainPair(data, best.left, best.right);
    const sum = waterfall.steps.reduce((total, step) => total + step.weight, 0);
    expect(sum).toBeCloseTo(best.weight, 9);
    expect(waterfall.steps[0]?.name).toBe('prior');
    expect(waterfall.steps.at(-1)?.cumulative).toBeCloseTo(best.weight, 9);
    expect(formatWaterfall(waterfall)).toContain('probability');
    expect(pairDetail(data, best.left, best.right).comparisons).toHaveLength(
      model.comparisons.length,
    );
  });

  it('keeps exactly the pairs a full scoring keeps, whatever the threshold', () => {
    for (const probability of [0.001, 0.2, 0.5, 0.9, 0.999]) {
      const fast = predict(data, { threshold: { probability } });
      const cut = Math.log2(probability / (1 - probability));
      const expected: string[] = [];
      forEachCandidatePair(
        data,
        (i, j) => {
          const w = matchWeight(data, i, j);
          if (w >= cut) expected.push(`${i}:${j}:${w.toFixed(9)}`);
        },
        { maxRulePairs: 1_000_000 },
      );
      const got = Array.from(
        fast.weights,
        (w, k) => `${fast.left[k]}:${fast.right[k]}:${w.toFixed(9)}`,
      );
      expect(got.sort()).toEqual(expected.sort());
    }
  });

  it('is deterministic for a seed', () => {
    const again = trainModel(spec, records, { deterministicRules, u: { seed: 3 } });
    expect(again.spec).toEqual(trained.spec);
  });
});

describe('blocking', () => {
  const model = compileModel({
    comparisons: [{ name: 'a', field: 'a', levels: [{ kind: 'exact' }, { kind: 'else' }] }],
    blocking: [
      { keys: [{ field: 'a' }] },
      { keys: [{ field: 'b' }] },
      { keys: [{ field: 'a' }, { field: 'b' }] },
    ],
  });
  const value = fc.option(
    fc.oneof(
      fc.constantFrom('x', 'y', 'z'),
      fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }),
    ),
    { nil: null },
  );
  const records = fc.array(fc.record({ a: value, b: value }), { maxLength: 25 });

  it('visits each candidate pair once, exactly when some rule agrees', () => {
    fc.assert(
      fc.property(records, (rows) => {
        const data = prepareRecords(model, rows);
        const seen = new Set<string>();
        const report = forEachCandidatePair(data, (i, j) => {
          expect(i).toBeLessThan(j);
          const key = `${i}:${j}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        });
        expect(report.pairs).toBe(seen.size);
        const share = (x: unknown, y: unknown) => {
          const xs = ([] as unknown[]).concat(x ?? []);
          const ys = ([] as unknown[]).concat(y ?? []);
          return xs.some((v) => ys.includes(v));
        };
        for (let i = 0; i < rows.length; i++) {
          for (let j = i + 1; j < rows.length; j++) {
            const expected = share(rows[i]?.a, rows[j]?.a) || share(rows[i]?.b, rows[j]?.b);
            expect(seen.has(`${i}:${j}`)).toBe(expected);
          }
        }
        expect(countCandidatePairs(data).pairs).toBe(seen.size);
      }),
    );
  });

  it('counts the pairs in the blocks of a rule as a direct count does', () => {
    fc.assert(
      fc.property(records, records, fc.boolean(), (left, right, link) => {
        const data = link ? prepareRecords(model, left, { right }) : prepareRecords(model, left);
        model.blocking.forEach((_, r) => {
          const sizes = new Map<string, [number, number]>();
          blockingKeys(data, r).forEach((keys, i) => {
            for (const key of keys) {
              const size = sizes.get(key) ?? [0, 0];
              size[data.sources[i] === 0 ? 0 : 1]++;
              sizes.set(key, size);
            }
          });
          let expected = 0;
          for (const [l, rr] of sizes.values())
            expected += link ? l * rr : ((l + rr) * (l + rr - 1)) / 2;
          expect(rawPairCount(data, r)).toBe(expected);
        });
      }),
    );
  });

  it('samples pairs at the requested rate, each at most once', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ a: i % 2 === 0 ? 'x' : 'y', b: null }));
    const data = prepareRecords(model, rows);
    const total = rawPairCount(data, 0);
    for (const rate of [0.02, 0.3, 0.9]) {
      const seen = new Set<string>();
      forEachCandidatePair(
        data,
        (i, j) => {
          expect(data.columns[0]?.values[i]).toBe(data.columns[0]?.values[j]);
          const key = `${i}:${j}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        },
        { rules: [0], sampleRate: rate, seed: 7 },
      );
      const expected = total * rate;
      expect(Math.abs(seen.size - expected)).toBeLessThan(
        4 * Math.sqrt(total * rate * (1 - rate)) + 1,
      );
    }
  });

  it('pairs only across sources when linking', () => {
    fc.assert(
      fc.property(records, records, (left, right) => {
        const data = prepareRecords(model, left, { right });
        forEachCandidatePair(data, (i, j) => {
          expect(data.sources[i]).not.toBe(data.sources[j]);
        });
      }),
    );
  });
});

describe('clustering', () => {
  const model = compileModel({
    prior: 0.1,
    comparisons: [
      {
        name: 'k',
        field: 'k',
        levels: [
          { kind: 'exact', m: 0.9, u: 0.01 },
          { kind: 'else', m: 0.1, u: 0.99 },
        ],
      },
    ],
  });

  it('does not depend on the order of the scored pairs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.double({ min: -5, max: 20, noNaN: true })), {
          maxLength: 30,
        }),
        fc.integer(),
        (edges, seed) => {
          const data = prepareRecords(
            model,
            Array.from({ length: 10 }, (_, i) => ({ id: String(i), k: 'x' })),
          );
          const valid = edges
            .filter(([a, b]) => a !== b)
            .map(([a, b, w]) => [Math.min(a, b), Math.max(a, b), w] as const);
          const build = (list: readonly (readonly [number, number, number])[]) => ({
            data,
            left: Uint32Array.from(list, (e) => e[0]),
            right: Uint32Array.from(list, (e) => e[1]),
            weights: Float64Array.from(list, (e) => e[2]),
            scored: list.length,
            blocking: { rules: [], pairs: list.length },
          });
          const shuffled = [...valid].sort(
            (x, y) => ((x[0] * 31 + x[1] + seed) % 7) - ((y[0] * 31 + y[1] + seed) % 7),
          );
          for (const bridges of ['allow', 'refuse'] as const) {
            const a = clusterPredictions(build(valid), { bridges });
            const b = clusterPredictions(build(shuffled), { bridges });
            expect([...b.clusterOf]).toEqual([...a.clusterOf]);
          }
        },
      ),
    );
  });

  it('refuses to join two groups through one weak link', () => {
    const data = prepareRecords(
      model,
      Array.from({ length: 4 }, (_, i) => ({ id: String(i), k: 'x' })),
    );
    const predictions = {
      data,
      left: Uint32Array.from([0, 2, 1]),
      right: Uint32Array.from([1, 3, 2]),
      weights: Float64Array.from([20, 20, 1]),
      scored: 3,
      blocking: { rules: [], pairs: 3 },
    };
    expect(clusterPredictions(predictions).members).toEqual([[0, 1, 2, 3]]);
    const careful = clusterPredictions(predictions, { bridges: 'refuse' });
    expect(careful.members).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(careful.refusedBridges).toBe(1);
  });
});

describe('term frequencies', () => {
  it('count agreement on a common value for less than on a rare one', () => {
    const model = compileModel({
      prior: 0.01,
      comparisons: [
        {
          name: 'surname',
          field: 'surname',
          levels: [
            { kind: 'exact', tf: { weight: 1 }, m: 0.9, u: 0.05 },
            { kind: 'else', m: 0.1, u: 0.95 },
          ],
        },
      ],
    });
    const rows = [
      ...Array.from({ length: 18 }, (_, i) => ({ id: `s${i}`, surname: 'smith' })),
      { id: 'r1', surname: 'okafor' },
      { id: 'r2', surname: 'okafor' },
    ];
    const data = prepareRecords(model, rows);
    expect(matchWeight(data, 18, 19)).toBeGreaterThan(matchWeight(data, 0, 1));
  });
});

describe('compiling a spec', () => {
  it('addresses every problem by its path', () => {
    const result = safeCompileModel({
      comparisons: [
        {
          name: 'x',
          levels: [{ kind: 'exact' }, { kind: 'jaro_winkler', threshold: 0.9, field: 'x' }],
        },
        {
          name: 'x',
          field: 'y',
          levels: [
            { kind: 'exact', m: 0.5 },
            { kind: 'custom', predicate: 'nope' },
            { kind: 'else' },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.issues.map((i) => `${i.code}@${i.path.join('.')}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'missing_else@comparisons.0.levels',
        'missing_field@comparisons.0.levels.0.field',
        'duplicate_name@comparisons.1.name',
        'half_trained@comparisons.1.levels.0',
        'unknown_predicate@comparisons.1.levels.1.predicate',
      ]),
    );
  });

  it('throws one library error when used untrained', () => {
    const model = compileModel({
      comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }],
    });
    const data = prepareRecords(model, [{ x: '1' }, { x: '1' }]);
    expect(() => predict(data)).toThrow(ThreadlineError);
  });

  it('refuses records that share an id', () => {
    const model = compileModel({
      comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }],
    });
    expect(() => prepareRecords(model, [{ id: 'a' }, { id: 'a' }])).toThrow(/id "a"/);
  });
});

// One dataset through the whole unsupervised pipeline (train → predict → cluster), with the
// exact-key baseline in the same run. Run by the `linkage` suite in a fresh process per dataset
// so that peak memory is per dataset.
//   tsx benchmarks/linkage-one.ts febrl4 [--data-dir DIR]
import {
  clusterPredictions,
  defaultModelSpec,
  evaluateClusters,
  evaluatePredictions,
  predict,
  trainModel,
} from '../src/index.js';
import { exactKeyClusters } from './lib/baseline.js';
import { dataDir } from './lib/data.js';
import { loadDataset } from './lib/datasets.js';
import { round3 } from './lib/measure.js';

const name = process.argv[2] ?? '';
const dataset = loadDataset(dataDir(process.argv), name);
if (dataset === undefined) {
  console.log(JSON.stringify({ dataset: name, skipped: 'dataset absent or unknown' }));
  process.exit(0);
}

const summary = (a: {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
}) => ({
  precision: round3(a.precision),
  recall: round3(a.recall),
  f1: round3(a.f1),
  tp: a.truePositives,
  fp: a.falsePositives,
});

const t0 = performance.now();
const { spec, deterministicRules } = defaultModelSpec(
  dataset.columns,
  dataset.region === undefined ? {} : { region: dataset.region },
);
const trained = trainModel(spec, dataset.left, {
  idField: dataset.idField,
  ...(dataset.right === undefined ? {} : { right: dataset.right }),
  deterministicRules,
  recall: 0.8,
  u: { seed: 1 },
});
const t1 = performance.now();
const data = trained.prepared;
const predictions = predict(data, { threshold: { probability: 0.01 } });
const t2 = performance.now();
const connected = clusterPredictions(predictions, { threshold: { probability: 0.5 } });
const t3 = performance.now();
const careful = clusterPredictions(predictions, {
  threshold: { probability: 0.5 },
  bridges: 'refuse',
});
const evaluation = evaluatePredictions(predictions, dataset.truth, {
  thresholds: [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 0.999],
});
const at = (p: number) => evaluation.thresholds.find((a) => a.threshold === p);

// Baseline: exact normalized keys, clustered, evaluated the same way.
const all = dataset.right === undefined ? dataset.left : [...dataset.left, ...dataset.right];
const b0 = performance.now();
const baselineOf = exactKeyClusters(all, dataset.columns, dataset.region);
const b1 = performance.now();
const members = new Map<number, number[]>();
baselineOf.forEach((root, i) => {
  members.set(root, [...(members.get(root) ?? []), i]);
});
const baseline = evaluateClusters(
  data,
  { clusterOf: baselineOf, members: [...members.values()], refusedBridges: 0 },
  dataset.truth,
);

console.log(
  JSON.stringify({
    dataset: dataset.name,
    mode: dataset.mode,
    records: data.size,
    candidatePairs: predictions.scored,
    truePairs: evaluation.truePairs,
    prior: trained.spec.prior,
    emSessions: trained.report.sessions.map((s) => ({
      rule: s.rule,
      pairs: s.pairs,
      iterations: s.iterations,
      converged: s.converged,
      matchShare: round3(s.matchShare),
    })),
    pairs: {
      at050: summary(at(0.5) ?? evaluation.best),
      at090: summary(at(0.9) ?? evaluation.best),
      at099: summary(at(0.99) ?? evaluation.best),
      best: { threshold: evaluation.best.threshold, ...summary(evaluation.best) },
    },
    clusters: {
      connectedComponentsAt050: summary(evaluateClusters(data, connected, dataset.truth)),
      refuseWeakBridgesAt050: {
        ...summary(evaluateClusters(data, careful, dataset.truth)),
        refusedBridges: careful.refusedBridges,
      },
    },
    baselineExactKeys: { ...summary(baseline), ms: round3(b1 - b0) },
    timeMs: {
      train: round3(t1 - t0),
      predict: round3(t2 - t1),
      cluster: round3(t3 - t2),
      total: round3(t3 - t0),
    },
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    errorsSample: evaluation.errors
      .slice(0, 6)
      .map((e) => `${e.kind} ${e.leftId}~${e.rightId} p=${round3(e.probability)}`),
  }),
);

import type { Clusters } from '../cluster/cluster.js';
import type { Predictions } from '../predict/predict.js';
import type { PreparedRecords } from '../prepare/prepare.js';
import { probabilityFromWeight, weightFromProbability } from '../score/score.js';

/**
 * Pairwise accuracy at one threshold, counted over unordered record pairs.
 *
 * @example
 * ```ts
 * import type { Accuracy } from 'threadline';
 *
 * const line = (a: Accuracy) => `P ${a.precision.toFixed(3)} R ${a.recall.toFixed(3)} F1 ${a.f1.toFixed(3)}`;
 * console.log(typeof line);
 * ```
 */
export interface Accuracy {
  readonly threshold: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * The truth to evaluate against: a ground-truth key per record (records with the same key are
 * the same entity; empty keys are singletons), or a list of known matching id pairs.
 *
 * @example
 * ```ts
 * import type { Truth } from 'threadline';
 *
 * const byColumn: Truth = { key: (id) => id.replace(/-dup-\d+$/, '').replace(/-org$/, '') };
 * const byPairs: Truth = { pairs: [['a', 'b']] };
 * console.log(Object.keys(byColumn), Object.keys(byPairs));
 * ```
 */
export type Truth =
  | {
      /** The ground-truth entity of a record, from its id and input position ('' for none). */
      readonly key: (id: string, index: number) => string;
    }
  | {
      /** Known matching pairs of record ids (left id, right id when linking). */
      readonly pairs: readonly (readonly [string, string])[];
    };

interface TruthIndex {
  readonly isMatch: (i: number, j: number) => boolean;
  readonly total: number;
  readonly forEachTruePair: (visit: (i: number, j: number) => void) => void;
}

function pairKey(i: number, j: number): string {
  return i < j ? `${i}:${j}` : `${j}:${i}`;
}

function indexTruth(data: PreparedRecords, truth: Truth): TruthIndex {
  const countsAcross = data.mode === 'link';
  if ('key' in truth) {
    const keys = data.ids.map((id, i) => truth.key(id, i));
    const groups = new Map<string, number[]>();
    keys.forEach((key, i) => {
      if (key === '') return;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [i]);
      else group.push(i);
    });
    let total = 0;
    for (const members of groups.values()) {
      if (countsAcross) {
        let left = 0;
        for (const i of members) if (data.sources[i] === 0) left++;
        total += left * (members.length - left);
      } else total += (members.length * (members.length - 1)) / 2;
    }
    return {
      isMatch: (i, j) => keys[i] !== '' && keys[i] === keys[j],
      total,
      forEachTruePair: (visit) => {
        for (const members of groups.values()) {
          for (let x = 0; x < members.length; x++) {
            for (let y = x + 1; y < members.length; y++) {
              const i = members[x] as number;
              const j = members[y] as number;
              if (countsAcross && data.sources[i] === data.sources[j]) continue;
              visit(i, j);
            }
          }
        }
      },
    };
  }
  const byId = new Map<string, number>();
  data.ids.forEach((id, i) => {
    const key = data.mode === 'dedupe' ? id : `${data.sources[i]}:${id}`;
    byId.set(key, i);
  });
  const set = new Set<string>();
  const list: [number, number][] = [];
  for (const [a, b] of truth.pairs) {
    const i = byId.get(data.mode === 'dedupe' ? a : `0:${a}`);
    const j = byId.get(data.mode === 'dedupe' ? b : `1:${b}`);
    if (i === undefined || j === undefined || i === j) continue;
    const key = pairKey(i, j);
    if (set.has(key)) continue;
    set.add(key);
    list.push([i, j]);
  }
  return {
    isMatch: (i, j) => set.has(pairKey(i, j)),
    total: list.length,
    forEachTruePair: (visit) => {
      for (const [i, j] of list) visit(i, j);
    },
  };
}

function accuracy(threshold: number, tp: number, fp: number, total: number): Accuracy {
  const fn = total - tp;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = total === 0 ? 1 : tp / total;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1,
  };
}

/**
 * A pair the model got wrong, to look at.
 *
 * @example
 * ```ts
 * import type { PairError } from 'threadline';
 *
 * const show = (e: PairError) => `${e.kind} ${e.leftId}~${e.rightId} p=${e.probability.toFixed(3)}`;
 * console.log(typeof show);
 * ```
 */
export interface PairError {
  readonly kind: 'false_positive' | 'false_negative';
  readonly left: number;
  readonly right: number;
  readonly leftId: string;
  readonly rightId: string;
  /** The pair's probability, or 0 when blocking never produced it. */
  readonly probability: number;
}

/**
 * Precision, recall and F1 of predictions at each probability threshold, a sweep, and the best
 * F1 found.
 *
 * @example
 * ```ts
 * import type { Evaluation } from 'threadline';
 *
 * const best = (e: Evaluation) => e.best.f1;
 * console.log(typeof best);
 * ```
 */
export interface Evaluation {
  readonly truePairs: number;
  readonly thresholds: readonly Accuracy[];
  readonly best: Accuracy;
  /** False positives (strongest first) and false negatives at `errorsAt`, up to `maxErrors` each. */
  readonly errors: readonly PairError[];
}

/**
 * Options for {@link evaluatePredictions}.
 *
 * @example
 * ```ts
 * import type { EvaluateOptions } from 'threadline';
 *
 * const options: EvaluateOptions = { thresholds: [0.5, 0.9, 0.99], errorsAt: 0.5, maxErrors: 20 };
 * console.log(options.thresholds);
 * ```
 */
export interface EvaluateOptions {
  /** Probabilities to report (default 0.5, 0.9, 0.99 and a sweep from 0.01 to 0.999). */
  readonly thresholds?: readonly number[];
  /** The threshold at which to list errors (default 0.5). */
  readonly errorsAt?: number;
  /** How many false positives and false negatives to list (default 50 each). */
  readonly maxErrors?: number;
}

const SWEEP = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999];

/**
 * Evaluates scored pairs against the truth: precision, recall and F1 over unordered pairs at
 * each threshold (true pairs blocking never produced count as false negatives), the best F1,
 * and the errors to look at.
 *
 * @example
 * ```ts
 * import { compileModel, evaluatePredictions, predict, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ prior: 0.1, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }], blocking: [{ keys: [{ field: 'x' }] }] });
 * const data = prepareRecords(model, [{ id: 'a1', x: '1' }, { id: 'a2', x: '1' }, { id: 'b1', x: '2' }]);
 * const e = evaluatePredictions(predict(data, { threshold: { probability: 0.01 } }), { key: (id) => id[0] ?? '' });
 * console.log(e.best.f1); // 1
 * ```
 */
export function evaluatePredictions(
  predictions: Predictions,
  truth: Truth,
  options: EvaluateOptions = {},
): Evaluation {
  const data = predictions.data;
  const index = indexTruth(data, truth);
  const thresholds = [...new Set(options.thresholds ?? SWEEP)].sort((a, b) => a - b);
  const n = predictions.weights.length;
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (x, y) => (predictions.weights[y] as number) - (predictions.weights[x] as number),
  );
  const correct = new Uint8Array(n);
  for (let k = 0; k < n; k++)
    correct[k] = index.isMatch(predictions.left[k] as number, predictions.right[k] as number)
      ? 1
      : 0;
  // Walk pairs from strongest to weakest, reading counts off at each threshold (highest first).
  const results: Accuracy[] = [];
  let tp = 0;
  let fp = 0;
  let position = 0;
  for (const threshold of [...thresholds].reverse()) {
    const cut = weightFromProbability(threshold);
    while (position < n && (predictions.weights[order[position] as number] as number) >= cut) {
      if (correct[order[position] as number] === 1) tp++;
      else fp++;
      position++;
    }
    results.push(accuracy(threshold, tp, fp, index.total));
  }
  results.reverse();
  const best = results.reduce(
    (a, b) => (b.f1 > a.f1 ? b : a),
    results[0] ?? accuracy(0.5, 0, 0, index.total),
  );

  const errorsAt = weightFromProbability(options.errorsAt ?? 0.5);
  const maxErrors = options.maxErrors ?? 50;
  const errors: PairError[] = [];
  const predicted = new Map<string, number>();
  for (const k of order) {
    const i = predictions.left[k] as number;
    const j = predictions.right[k] as number;
    const w = predictions.weights[k] as number;
    predicted.set(pairKey(i, j), w);
    if (w >= errorsAt && correct[k] === 0 && errors.length < maxErrors) {
      errors.push({
        kind: 'false_positive',
        left: i,
        right: j,
        leftId: data.ids[i] as string,
        rightId: data.ids[j] as string,
        probability: probabilityFromWeight(w),
      });
    }
  }
  let negatives = 0;
  index.forEachTruePair((i, j) => {
    if (negatives >= maxErrors) return;
    const w = predicted.get(pairKey(i, j));
    if (w !== undefined && w >= errorsAt) return;
    negatives++;
    errors.push({
      kind: 'false_negative',
      left: i,
      right: j,
      leftId: data.ids[i] as string,
      rightId: data.ids[j] as string,
      probability: w === undefined ? 0 : probabilityFromWeight(w),
    });
  });
  return { truePairs: index.total, thresholds: results, best, errors };
}

/**
 * Pairwise accuracy of clusters: each cluster stands for all pairs of its records (in link mode,
 * its pairs across the two sources).
 *
 * @example
 * ```ts
 * import { clusterPredictions, compileModel, evaluateClusters, predict, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ prior: 0.1, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }], blocking: [{ keys: [{ field: 'x' }] }] });
 * const data = prepareRecords(model, [{ id: 'a1', x: '1' }, { id: 'a2', x: '1' }, { id: 'b1', x: '2' }]);
 * console.log(evaluateClusters(data, clusterPredictions(predict(data)), { key: (id) => id[0] ?? '' }).f1); // 1
 * ```
 */
export function evaluateClusters(
  data: PreparedRecords,
  clusters: Clusters,
  truth: Truth,
): Accuracy {
  const index = indexTruth(data, truth);
  let tp = 0;
  let predicted = 0;
  for (const members of clusters.members) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        if (data.mode === 'link' && data.sources[i] === data.sources[j]) continue;
        predicted++;
        if (index.isMatch(i, j)) tp++;
      }
    }
  }
  return accuracy(Number.NaN, tp, predicted - tp, index.total);
}

import { ThreadlineError } from '../../core/errors.js';
import {
  type BlockingOptions,
  type BlockingReport,
  forEachCandidatePair,
} from '../blocking/blocking.js';
import type { CompiledLevel } from '../compile/compile.js';
import type { PreparedRecords } from '../prepare/prepare.js';
import {
  assertTrained,
  comparisonLevels,
  comparisonScorer,
  probabilityFromWeight,
  termFrequencyAdjustment,
  weightFromProbability,
} from '../score/score.js';

/**
 * Where to cut: keep pairs at or above a probability, or at or above a match weight.
 *
 * @example
 * ```ts
 * import type { Threshold } from 'threadline';
 *
 * const strict: Threshold = { probability: 0.99 };
 * const loose: Threshold = { weight: 0 };
 * console.log(strict, loose);
 * ```
 */
export type Threshold = { readonly probability: number } | { readonly weight: number };

/** The match weight a threshold stands for. */
export function thresholdWeight(threshold: Threshold): number {
  if ('weight' in threshold) return threshold.weight;
  const p = threshold.probability;
  if (!(p >= 0 && p <= 1)) {
    throw new ThreadlineError('invalid_options', 'A probability threshold must be within [0, 1]', [
      { code: 'out_of_range', path: ['threshold', 'probability'], message: `got ${p}` },
    ]);
  }
  return p === 0
    ? Number.NEGATIVE_INFINITY
    : p === 1
      ? Number.POSITIVE_INFINITY
      : weightFromProbability(p);
}

/**
 * Options for {@link predict}.
 *
 * @example
 * ```ts
 * import type { PredictOptions } from 'threadline';
 *
 * const options: PredictOptions = { threshold: { probability: 0.5 } };
 * console.log(options.threshold);
 * ```
 */
export interface PredictOptions extends BlockingOptions {
  /** Keep pairs at or above this (default: probability 0.5). */
  readonly threshold?: Threshold;
}

/** The largest term-frequency adjustment a level can give on these records. */
function tfBonusBound(data: PreparedRecords, level: CompiledLevel): number {
  if (level.tf === undefined || level.u === undefined) return 0;
  const column = data.columns[level.input];
  const frequencies = column?.frequencies;
  if (frequencies === undefined) return 0;
  let rarest = column?.otherFrequency ?? 1;
  for (const f of frequencies) if (f > 0 && f < rarest) rarest = f;
  if (level.tf.minFrequency !== undefined) rarest = Math.max(rarest, level.tf.minFrequency);
  return Math.max(0, level.tf.weight * Math.log2(level.u / rarest));
}

/** Pairs a rule may produce before `predict` skips it: ten per record, and at least a million. */
export function defaultRulePairBudget(records: number): number {
  return Math.max(1_000_000, 10 * records);
}

/**
 * Scored candidate pairs, as columns: record indexes into the prepared data and match weights.
 * Use {@link scoredPairs} to read them as objects, {@link pairDetail} for one pair's levels.
 *
 * @example
 * ```ts
 * import type { Predictions } from 'threadline';
 *
 * const count = (p: Predictions) => p.weights.length;
 * console.log(typeof count);
 * ```
 */
export interface Predictions {
  readonly data: PreparedRecords;
  readonly left: Uint32Array;
  readonly right: Uint32Array;
  readonly weights: Float64Array;
  /** How many candidate pairs were scored (before the threshold). */
  readonly scored: number;
  readonly blocking: BlockingReport;
}

/**
 * Scores every candidate pair of the prepared records and keeps those at or above the
 * threshold. Works for deduplication (one source), linkage (two sources) or both, as the
 * records were prepared.
 *
 * @throws {@link ThreadlineError} `model_not_trained` when the model lacks m or u.
 * @example
 * ```ts
 * import { compileModel, predict, prepareRecords } from 'threadline';
 *
 * const model = compileModel({
 *   prior: 0.01,
 *   comparisons: [{ name: 'email', field: 'email', levels: [{ kind: 'exact', transform: ['email'], m: 0.9, u: 0.001 }, { kind: 'else', m: 0.1, u: 0.999 }] }],
 *   blocking: [{ keys: [{ field: 'email', transform: ['email_domain'] }] }],
 * });
 * const data = prepareRecords(model, [{ email: 'Ana@x.com' }, { email: 'ana@x.com' }, { email: 'bo@x.com' }]);
 * const result = predict(data, { threshold: { probability: 0.5 } });
 * console.log(result.weights.length, result.scored); // 1 3
 * ```
 */
export function predict(data: PreparedRecords, options: PredictOptions = {}): Predictions {
  const model = data.model;
  assertTrained(model);
  const cut = thresholdWeight(options.threshold ?? { probability: 0.5 });
  const width = model.comparisons.length;
  const levelOf = comparisonScorer(data);
  // Flatten level weights so the inner loop reads a typed array, not nested objects.
  const offsets = new Uint16Array(width + 1);
  for (let c = 0; c < width; c++)
    offsets[c + 1] = (offsets[c] ?? 0) + (model.comparisons[c]?.levels.length ?? 0);
  const levelWeights = new Float64Array(offsets[width] ?? 0);
  const tfLevels = new Uint8Array(offsets[width] ?? 0);
  // The most each comparison can add (its best level, with the largest term-frequency bonus
  // the data allows): once a pair's weight plus what is left cannot reach the cut, the
  // remaining comparisons are skipped. Strong comparisons go first so this happens early.
  const best = new Float64Array(width);
  model.comparisons.forEach((comparison, c) => {
    let most = Number.NEGATIVE_INFINITY;
    comparison.levels.forEach((level: CompiledLevel, l) => {
      levelWeights[(offsets[c] ?? 0) + l] = level.weight;
      tfLevels[(offsets[c] ?? 0) + l] = level.tf === undefined ? 0 : 1;
      most = Math.max(most, level.weight + tfBonusBound(data, level));
    });
    best[c] = most;
  });
  const order = Array.from({ length: width }, (_, c) => c).sort(
    (a, b) => (best[b] as number) - (best[a] as number) || a - b,
  );
  const remaining = new Float64Array(width + 1);
  for (let k = width - 1; k >= 0; k--)
    remaining[k] = (remaining[k + 1] as number) + (best[order[k] as number] as number);
  let capacity = 1024;
  let left = new Uint32Array(capacity);
  let right = new Uint32Array(capacity);
  let weights = new Float64Array(capacity);
  let kept = 0;
  let scored = 0;
  const blocking = forEachCandidatePair(
    data,
    (i, j) => {
      scored++;
      let weight = model.priorWeight;
      for (let k = 0; k < width; k++) {
        if (weight + (remaining[k] as number) < cut) return;
        const c = order[k] as number;
        const level = levelOf(c, i, j);
        const at = (offsets[c] ?? 0) + level;
        weight += levelWeights[at] ?? 0;
        if (tfLevels[at] === 1) weight += termFrequencyAdjustment(data, c, level, i, j);
      }
      if (weight < cut) return;
      if (kept === capacity) {
        capacity *= 2;
        const l2 = new Uint32Array(capacity);
        l2.set(left);
        left = l2;
        const r2 = new Uint32Array(capacity);
        r2.set(right);
        right = r2;
        const w2 = new Float64Array(capacity);
        w2.set(weights);
        weights = w2;
      }
      left[kept] = i;
      right[kept] = j;
      weights[kept] = weight;
      kept++;
    },
    { ...options, maxRulePairs: options.maxRulePairs ?? defaultRulePairBudget(data.size) },
  );
  return {
    data,
    left: left.slice(0, kept),
    right: right.slice(0, kept),
    weights: weights.slice(0, kept),
    scored,
    blocking,
  };
}

/**
 * One scored pair, by record id.
 *
 * @example
 * ```ts
 * import type { ScoredPair } from 'threadline';
 *
 * const show = (p: ScoredPair) => `${p.leftId} ~ ${p.rightId}: ${p.probability.toFixed(3)}`;
 * console.log(typeof show);
 * ```
 */
export interface ScoredPair {
  readonly left: number;
  readonly right: number;
  readonly leftId: string;
  readonly rightId: string;
  readonly weight: number;
  readonly probability: number;
}

/**
 * Reads predictions as pair objects, strongest first.
 *
 * @example
 * ```ts
 * import { compileModel, predict, prepareRecords, scoredPairs } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }], blocking: [{ keys: [{ field: 'x' }] }], prior: 0.1 });
 * const data = prepareRecords(model, [{ id: 'a', x: '1' }, { id: 'b', x: '1' }]);
 * console.log(scoredPairs(predict(data))[0]?.leftId); // a
 * ```
 */
export function scoredPairs(predictions: Predictions): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (let k = 0; k < predictions.weights.length; k++) {
    const left = predictions.left[k] as number;
    const right = predictions.right[k] as number;
    const weight = predictions.weights[k] as number;
    out.push({
      left,
      right,
      leftId: predictions.data.ids[left] as string,
      rightId: predictions.data.ids[right] as string,
      weight,
      probability: probabilityFromWeight(weight),
    });
  }
  out.sort((a, b) => b.weight - a.weight || a.left - b.left || a.right - b.right);
  return out;
}

/**
 * One comparison's part in a pair's score.
 *
 * @example
 * ```ts
 * import type { ComparisonContribution } from 'threadline';
 *
 * const line = (c: ComparisonContribution) => `${c.comparison}: ${c.label} (${c.weight.toFixed(2)})`;
 * console.log(typeof line);
 * ```
 */
export interface ComparisonContribution {
  readonly comparison: string;
  readonly level: number;
  readonly label: string;
  readonly m: number | undefined;
  readonly u: number | undefined;
  /** log2(m/u) of the level (0 for the null level). */
  readonly weight: number;
  /** The term-frequency adjustment, in bits (0 when none). */
  readonly tfAdjustment: number;
}

/**
 * A pair with each comparison's level and contribution.
 *
 * @example
 * ```ts
 * import type { PairDetail } from 'threadline';
 *
 * const strongest = (d: PairDetail) => [...d.comparisons].sort((a, b) => b.weight - a.weight)[0];
 * console.log(typeof strongest);
 * ```
 */
export interface PairDetail extends ScoredPair {
  readonly comparisons: readonly ComparisonContribution[];
}

/**
 * Scores one pair of prepared records and says how each comparison contributed.
 *
 * @example
 * ```ts
 * import { compileModel, pairDetail, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ prior: 0.1, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }] });
 * const data = prepareRecords(model, [{ x: '1' }, { x: '1' }]);
 * console.log(pairDetail(data, 0, 1).comparisons[0]?.label); // exact
 * ```
 */
export function pairDetail(data: PreparedRecords, i: number, j: number): PairDetail {
  const model = data.model;
  assertTrained(model);
  const gamma = comparisonLevels(data, i, j, new Uint8Array(model.comparisons.length));
  let weight = model.priorWeight;
  const comparisons = model.comparisons.map((comparison, c): ComparisonContribution => {
    const level = comparison.levels[gamma[c] ?? 0] as CompiledLevel;
    const tfAdjustment =
      level.tf === undefined ? 0 : termFrequencyAdjustment(data, c, level.index, i, j);
    weight += level.weight + tfAdjustment;
    return {
      comparison: comparison.name,
      level: level.index,
      label: level.label,
      m: level.m,
      u: level.u,
      weight: level.weight,
      tfAdjustment,
    };
  });
  return {
    left: i,
    right: j,
    leftId: data.ids[i] as string,
    rightId: data.ids[j] as string,
    weight,
    probability: probabilityFromWeight(weight),
    comparisons,
  };
}

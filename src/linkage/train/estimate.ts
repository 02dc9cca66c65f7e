import type { Random } from '../../core/random.js';
import { seededRandom } from '../../core/random.js';
import { forEachCandidatePair, rawPairCount } from '../blocking/blocking.js';
import type { PreparedRecords } from '../prepare/prepare.js';
import { levelScorer } from '../score/score.js';
import { clampProbability, normalize, type Parameters } from './params.js';

/** The number of distinct record pairs that could be compared. */
export function possiblePairs(data: PreparedRecords): number {
  if (data.mode === 'dedupe') return (data.size * (data.size - 1)) / 2;
  let left = 0;
  for (let i = 0; i < data.size; i++) if (data.sources[i] === 0) left++;
  const right = data.size - left;
  if (data.mode === 'link') return left * right;
  return (data.size * (data.size - 1)) / 2;
}

/**
 * How u is estimated from random pairs during training.
 *
 * @example
 * ```ts
 * import type { USamplingOptions } from 'threadline';
 *
 * const options: USamplingOptions = { maxPairs: 1_000_000, seed: 42 };
 * console.log(options.seed);
 * ```
 */
export interface USamplingOptions {
  /**
   * The most random pairs to compare (default 150,000; every pair when there are fewer).
   * On the public benchmarks, accuracy is the same from 100,000 to 1,000,000 pairs.
   */
  readonly maxPairs?: number;
  /**
   * Stop early once every level of every comparison has been seen this many times among the
   * sampled pairs (default 100), checked every 25,000 pairs.
   */
  readonly minCountPerLevel?: number;
  /** Seed of the sampling, so that training is reproducible (default 0). */
  readonly seed?: number;
}

/**
 * What u-sampling measured: how many random pairs were compared, and whether that was every
 * possible pair.
 *
 * @example
 * ```ts
 * import type { USamplingReport } from 'threadline';
 *
 * const line = (r: USamplingReport) => `${r.pairs} pairs${r.exhaustive ? ' (all)' : ''}`;
 * console.log(typeof line);
 * ```
 */
export interface USamplingReport {
  readonly pairs: number;
  readonly exhaustive: boolean;
}

/**
 * Estimates u (how often non-matching pairs land in each level) by comparing random pairs,
 * which are almost all non-matches. Seeded: the same seed gives the same estimates.
 * Writes u into `params`.
 */
export function estimateU(
  data: PreparedRecords,
  params: Parameters,
  options: USamplingOptions = {},
): USamplingReport {
  const model = data.model;
  const counts = model.comparisons.map((c) => new Float64Array(c.levels.length));
  const gamma = new Uint8Array(model.comparisons.length);
  const levels = levelScorer(data);
  const maxPairs = Math.max(1, Math.floor(options.maxPairs ?? 150_000));
  const minCount = options.minCountPerLevel ?? 100;
  const enough = () =>
    model.comparisons.every((comparison, c) =>
      comparison.levels.every(
        (level, l) => level.kind === 'null' || (counts[c]?.[l] ?? 0) >= minCount,
      ),
    );
  const total = possiblePairs(data);
  const add = (i: number, j: number) => {
    levels(i, j, gamma);
    for (let c = 0; c < counts.length; c++) {
      const row = counts[c] as Float64Array;
      row[gamma[c] as number] = (row[gamma[c] as number] ?? 0) + 1;
    }
  };
  let sampled = 0;
  const exhaustive = total <= maxPairs;
  if (exhaustive) {
    for (let i = 0; i < data.size; i++) {
      for (let j = i + 1; j < data.size; j++) {
        if (data.mode === 'link' && data.sources[i] === data.sources[j]) continue;
        add(i, j);
        sampled++;
      }
    }
  } else {
    const random: Random = seededRandom(options.seed ?? 0);
    const left: number[] = [];
    const right: number[] = [];
    if (data.mode === 'link') {
      for (let i = 0; i < data.size; i++) (data.sources[i] === 0 ? left : right).push(i);
    }
    while (sampled < maxPairs) {
      let i: number;
      let j: number;
      if (data.mode === 'link') {
        i = left[Math.floor(random() * left.length)] as number;
        j = right[Math.floor(random() * right.length)] as number;
      } else {
        i = Math.floor(random() * data.size);
        j = Math.floor(random() * data.size);
        if (i === j) continue;
      }
      add(i, j);
      sampled++;
      if (sampled % 25_000 === 0 && enough()) break;
    }
  }
  model.comparisons.forEach((comparison, c) => {
    smoothInto(
      counts[c] as Float64Array,
      params.u[c] as Float64Array,
      comparison.levels[0]?.kind === 'null',
    );
  });
  return { pairs: sampled, exhaustive };
}

/**
 * Turns level counts into a distribution over the non-null levels. A level never seen is rare,
 * not impossible: it counts as half an observation.
 */
function smoothInto(counts: Float64Array, into: Float64Array, hasNull: boolean): void {
  let nonNull = 0;
  for (let l = hasNull ? 1 : 0; l < counts.length; l++) nonNull += counts[l] ?? 0;
  for (let l = hasNull ? 1 : 0; l < counts.length; l++) {
    into[l] = Math.max(counts[l] ?? 0, 0.5) / Math.max(1, nonNull);
  }
  normalize(into, hasNull);
}

/**
 * Estimates the prior (the probability that two random records match) from rules that are
 * almost certainly matches (say, same email and same date of birth), and a guess at the share
 * of all matches they find (`recall`). Writes the prior into `params`.
 */
export function estimatePrior(
  data: PreparedRecords,
  params: Parameters,
  rules: readonly number[],
  recall: number,
): { readonly pairs: number; readonly prior: number } {
  const report = forEachCandidatePair(data, () => {}, { rules });
  const total = possiblePairs(data);
  const prior = clampProbability(report.pairs / Math.max(1e-9, recall) / Math.max(1, total));
  params.prior = prior;
  return { pairs: report.pairs, prior };
}

/**
 * One EM session's outcome.
 *
 * @example
 * ```ts
 * import type { EmSessionReport } from 'threadline';
 *
 * const line = (s: EmSessionReport) => `${s.rule}: ${s.pairs} pairs, ${s.iterations} iterations`;
 * console.log(typeof line);
 * ```
 */
export interface EmSessionReport {
  readonly rule: string;
  readonly pairs: number;
  readonly patterns: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** The share of matches among the session's pairs. */
  readonly matchShare: number;
  /** Comparisons not estimated in this session, because the rule fixes them. */
  readonly fixed: readonly string[];
}

/**
 * Options of each EM session.
 *
 * @example
 * ```ts
 * import type { EmOptions } from 'threadline';
 *
 * const options: EmOptions = { maxIterations: 25, tolerance: 1e-4 };
 * console.log(options.maxIterations);
 * ```
 */
export interface EmOptions {
  readonly maxIterations?: number;
  /** Stop when no m moves more than this (default 1e-4). */
  readonly tolerance?: number;
  /** Blocks larger than this are left out of the session (default 5,000 records). */
  readonly maxBlockSize?: number;
  /**
   * The most pairs one session looks at (default 100,000): a rule producing more is sampled
   * down, seeded, since m needs only a representative set of pairs.
   */
  readonly maxPairs?: number;
  /** Seed of that sampling (default 0). */
  readonly seed?: number;
}

/**
 * Runs one expectation-maximisation session on the pairs of one blocking rule: with u fixed,
 * alternately computes each pair's match probability and re-estimates m. Comparisons that read
 * the rule's fields are not estimated (every pair agrees on them by construction). Returns the
 * session's m estimates (NaN where not estimated) without touching `params`.
 */
export function emSession(
  data: PreparedRecords,
  params: Parameters,
  rule: number,
  options: EmOptions = {},
  memo: GammaMemo = new GammaMemo(data),
): { readonly m: Float64Array[]; readonly report: EmSessionReport } {
  const model = data.model;
  const comparisons = model.comparisons;
  const compiledRule = model.blocking[rule];
  const fixed = comparisons.map(
    (c) => compiledRule !== undefined && [...c.fields].some((f) => compiledRule.fields.has(f)),
  );

  const maxBlockSize = options.maxBlockSize ?? 5_000;
  // Pairs with the same comparison vector behave identically: count them once.
  // Level indexes are below 16 (at most 16 levels per comparison), so a vector packs into a
  // number exactly while it fits in 52 bits; wider models fall back to text keys.
  const packable = comparisons.length <= 13;
  const patternIndex = new Map<number | string, number>();
  const gammas: number[] = [];
  const counts: number[] = [];
  let pairs = 0;
  forEachCandidatePair(
    data,
    (i, j) => {
      const gamma = memo.levels(i, j);
      let key: number | string;
      if (packable) {
        key = 0;
        for (let c = 0; c < gamma.length; c++) key = key * 16 + (gamma[c] as number);
      } else key = String.fromCharCode(...gamma);
      const known = patternIndex.get(key);
      pairs++;
      if (known !== undefined) counts[known] = (counts[known] ?? 0) + 1;
      else {
        patternIndex.set(key, counts.length);
        counts.push(1);
        for (const g of gamma) gammas.push(g);
      }
    },
    {
      rules: [rule],
      maxBlockSize,
      sampleRate: Math.min(
        1,
        (options.maxPairs ?? 100_000) / Math.max(1, rawPairCount(data, rule, maxBlockSize)),
      ),
      seed: (options.seed ?? 0) + rule,
    },
  );

  const result = expectationMaximisation({
    gammas: Uint8Array.from(gammas),
    counts: Float64Array.from(counts),
    hasNull: comparisons.map((c) => c.levels[0]?.kind === 'null'),
    m: params.m,
    u: params.u,
    fixed,
    // Within a blocked set matches are far more common than in the whole population; start
    // balanced and let EM find the share.
    share: 0.5,
    maxIterations: options.maxIterations ?? 50,
    tolerance: options.tolerance ?? 1e-4,
  });
  const { m, iterations, converged, share } = result;
  const patterns = counts.length;
  const estimates = m.map((row, c) =>
    fixed[c] ? new Float64Array(row.length).fill(Number.NaN) : row,
  );
  return {
    m: estimates,
    report: {
      rule: compiledRule?.name ?? String(rule),
      pairs,
      patterns,
      iterations,
      converged,
      matchShare: share,
      fixed: comparisons.filter((_, c) => fixed[c]).map((c) => c.name),
    },
  };
}

/**
 * Estimates m from labelled pairs: the share of known matches at each level. Pairs are record
 * indexes into the prepared data. Writes m into `params` for comparisons with at least one
 * non-null labelled match.
 */
export function estimateMFromPairs(
  data: PreparedRecords,
  params: Parameters,
  matches: readonly (readonly [number, number])[],
): number {
  const model = data.model;
  const counts = model.comparisons.map((c) => new Float64Array(c.levels.length));
  const gamma = new Uint8Array(model.comparisons.length);
  const levels = levelScorer(data);
  for (const [i, j] of matches) {
    levels(i, j, gamma);
    for (let c = 0; c < counts.length; c++) {
      const row = counts[c] as Float64Array;
      row[gamma[c] as number] = (row[gamma[c] as number] ?? 0) + 1;
    }
  }
  model.comparisons.forEach((comparison, c) => {
    const row = counts[c] as Float64Array;
    const hasNull = comparison.levels[0]?.kind === 'null';
    // With no labelled match that has a value, the comparison keeps its m.
    if (row.reduce((total, n, l) => total + (hasNull && l === 0 ? 0 : n), 0) === 0) return;
    smoothInto(row, params.m[c] as Float64Array, hasNull);
  });
  return matches.length;
}

/** The inputs of {@link expectationMaximisation}: comparison vectors with their counts. */
export interface EmProblem {
  /** Comparison vectors, flattened: `gammas[p * width + c]` is pattern p's level on comparison c. */
  readonly gammas: Uint8Array;
  /** How many pairs share each pattern. */
  readonly counts: Float64Array;
  /** Per comparison: whether level 0 is a null level (no evidence). */
  readonly hasNull: readonly boolean[];
  /** Starting m per comparison level (not modified). */
  readonly m: readonly Float64Array[];
  /** Fixed u per comparison level. */
  readonly u: readonly Float64Array[];
  /** Comparisons whose m is not estimated. */
  readonly fixed: readonly boolean[];
  /** Starting share of matches. */
  readonly share: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

/**
 * Fellegi–Sunter EM with u fixed: alternately computes each pattern's match probability and
 * re-estimates m (and the share of matches) until no m moves more than the tolerance.
 */
export function expectationMaximisation(problem: EmProblem): {
  readonly m: Float64Array[];
  readonly share: number;
  readonly iterations: number;
  readonly converged: boolean;
} {
  const width = problem.hasNull.length;
  const patterns = problem.counts.length;
  const { gammas, counts, u, fixed, hasNull } = problem;
  const m = problem.m.map((row) => Float64Array.from(row));
  const posterior = new Float64Array(patterns);
  let share = problem.share;
  let iterations = 0;
  let converged = false;
  while (iterations < problem.maxIterations && patterns > 0) {
    iterations++;
    let matched = 0;
    let all = 0;
    for (let p = 0; p < patterns; p++) {
      let logM = Math.log(share);
      let logU = Math.log(1 - share);
      for (let c = 0; c < width; c++) {
        const level = gammas[p * width + c] as number;
        if (hasNull[c] === true && level === 0) continue;
        logM += Math.log(m[c]?.[level] as number);
        logU += Math.log(u[c]?.[level] as number);
      }
      const prob = 1 / (1 + Math.exp(logU - logM));
      posterior[p] = prob;
      matched += prob * (counts[p] as number);
      all += counts[p] as number;
    }
    share = clampProbability(matched / all);
    let moved = 0;
    for (let c = 0; c < width; c++) {
      if (fixed[c] === true) continue;
      const row = m[c] as Float64Array;
      const next = new Float64Array(row.length);
      const skip = hasNull[c] === true;
      for (let p = 0; p < patterns; p++) {
        const level = gammas[p * width + c] as number;
        if (skip && level === 0) continue;
        next[level] = (next[level] ?? 0) + (posterior[p] as number) * (counts[p] as number);
      }
      normalize(next, skip);
      for (let l = skip ? 1 : 0; l < row.length; l++) {
        moved = Math.max(moved, Math.abs((next[l] ?? 0) - (row[l] ?? 0)));
        row[l] = next[l] ?? 0;
      }
    }
    if (moved < problem.tolerance) {
      converged = true;
      break;
    }
  }
  return { m, share, iterations, converged };
}

/**
 * Comparison vectors computed once per record pair and reused: EM sessions on different
 * blocking rules see many of the same pairs (true matches agree on most rules).
 */
export class GammaMemo {
  readonly #data: PreparedRecords;
  readonly #width: number;
  readonly #index = new Map<number, number>();
  readonly #scorer: (i: number, j: number, out: Uint8Array) => Uint8Array;
  #store: Uint8Array;
  readonly #spare: Uint8Array;
  #used = 0;

  constructor(data: PreparedRecords) {
    this.#data = data;
    this.#width = data.model.comparisons.length;
    this.#scorer = levelScorer(data);
    this.#store = new Uint8Array(this.#width * 1024);
    this.#spare = new Uint8Array(this.#width);
  }

  /** The comparison vector of (i, j), i < j; a buffer valid until the next call. */
  levels(i: number, j: number): Uint8Array {
    const width = this.#width;
    const key = i * this.#data.size + j;
    const at = this.#index.get(key);
    if (at !== undefined) {
      for (let c = 0; c < width; c++) this.#spare[c] = this.#store[at + c] as number;
      return this.#spare;
    }
    // A Map holds at most 2^24 entries; past a bound, compute without remembering.
    if (this.#index.size >= 8_000_000) return this.#scorer(i, j, this.#spare);
    if (this.#used + width > this.#store.length) {
      const grown = new Uint8Array(this.#store.length * 2);
      grown.set(this.#store);
      this.#store = grown;
    }
    const offset = this.#used;
    this.#scorer(i, j, this.#spare);
    this.#store.set(this.#spare, offset);
    this.#used += width;
    this.#index.set(key, offset);
    return this.#spare;
  }
}

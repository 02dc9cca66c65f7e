import { ThreadlineError } from '../../core/errors.js';
import type { CompiledLevel, CompiledModel } from '../compile/compile.js';
import { type PreparedColumn, type PreparedRecords, SKETCH_WIDTH } from '../prepare/prepare.js';
import {
  damerauLevenshteinWithin,
  type JaroScratch,
  jaroWinklerWith,
  jaroWith,
  levenshtein,
} from '../similarity/similarity.js';

/** Similarity or distance computed once per comparison and reused by its later levels. */
interface MetricCache {
  input: number;
  kind: string;
  value: number;
  /** For distances: the bound below which `value` is exact (larger distances were skipped). */
  bound: number;
  readonly scratch: JaroScratch;
}

function newCache(): MetricCache {
  return {
    input: -1,
    kind: '',
    value: 0,
    bound: 0,
    scratch: { a: new Uint8Array(64), b: new Uint8Array(64) },
  };
}

function initialOf(value: string): string | undefined {
  const trimmed = value.endsWith('.') ? value.slice(0, -1) : value;
  return trimmed.length === 1 || Array.from(trimmed).length === 1 ? trimmed : undefined;
}

/** Characters two values can have in common, from their sketches (an upper bound). */
function overlap(sketch: Uint8Array, idA: number, idB: number): number {
  let shared = 0;
  const a = idA * SKETCH_WIDTH;
  const b = idB * SKETCH_WIDTH;
  for (let k = 0; k < SKETCH_WIDTH; k++) {
    const x = sketch[a + k] as number;
    const y = sketch[b + k] as number;
    shared += x < y ? x : y;
  }
  return shared;
}

function bestSimilarity(
  column: PreparedColumn,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  kind: 'jaro_winkler' | 'jaro',
  scratch: JaroScratch,
  reach: number,
): number {
  let best = 0;
  const sketch = column.sketch;
  for (let x = a0; x < a1; x++) {
    const idA = column.values[x] as number;
    for (let y = b0; y < b1; y++) {
      const idB = column.values[y] as number;
      if (idA === idB) return 1;
      const sa = column.dictionary[idA] as string;
      const sb = column.dictionary[idB] as string;
      if (sketch !== undefined) {
        // Jaro counts matching characters, at most the characters both strings hold; with no
        // transpositions and the longest prefix, that caps Jaro-Winkler. Below `reach` the
        // exact value never decides a level.
        const m = Math.min(overlap(sketch, idA, idB), sa.length, sb.length);
        const j = m === 0 ? 0 : (m / sa.length + m / sb.length + 1) / 3;
        const cap = kind === 'jaro' ? j : j + 0.4 * (1 - j);
        if (cap < reach) continue;
      }
      const sim = kind === 'jaro' ? jaroWith(sa, sb, scratch) : jaroWinklerWith(sa, sb, scratch);
      if (sim > best) best = sim;
    }
  }
  return best;
}

function smallestDistance(
  column: PreparedColumn,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  kind: 'levenshtein' | 'damerau_levenshtein',
  bound: number,
): number {
  let best = Number.POSITIVE_INFINITY;
  const sketch = column.sketch;
  for (let x = a0; x < a1; x++) {
    const idA = column.values[x] as number;
    for (let y = b0; y < b1; y++) {
      const idB = column.values[y] as number;
      if (idA === idB) return 0;
      const sa = column.dictionary[idA] as string;
      const sb = column.dictionary[idB] as string;
      // Every character of the longer string outside the shared ones costs an edit (swaps keep
      // characters): a lower bound that skips the work when it is already too big.
      const floor =
        sketch === undefined
          ? Math.abs(sa.length - sb.length)
          : Math.max(sa.length, sb.length) - overlap(sketch, idA, idB);
      const d =
        floor > bound
          ? floor
          : kind === 'levenshtein'
            ? levenshtein(sa, sb)
            : damerauLevenshteinWithin(sa, sb, bound);
      if (d < best) best = d;
    }
  }
  return best;
}

function holds(
  data: PreparedRecords,
  level: CompiledLevel,
  i: number,
  j: number,
  cache: MetricCache,
): boolean {
  if (level.kind === 'else') return true;
  const column = data.columns[level.input] as PreparedColumn;
  const a0 = column.offsets[i] as number;
  const a1 = column.offsets[i + 1] as number;
  const b0 = column.offsets[j] as number;
  const b1 = column.offsets[j + 1] as number;
  if (level.kind === 'null') return a0 === a1 || b0 === b1;
  if (a0 === a1 || b0 === b1) return false;
  const values = column.values;
  switch (level.kind) {
    case 'exact':
      if (a1 - a0 === 1 && b1 - b0 === 1) return values[a0] === values[b0];
      return common(values, a0, a1, b0, b1) > 0;
    case 'intersect':
      return common(values, a0, a1, b0, b1) >= level.min;
    case 'jaccard': {
      const shared = common(values, a0, a1, b0, b1);
      return shared / (a1 - a0 + (b1 - b0) - shared) >= level.threshold;
    }
    case 'jaro_winkler':
    case 'jaro': {
      if (cache.input !== level.input || cache.kind !== level.kind) {
        cache.input = level.input;
        cache.kind = level.kind;
        cache.value = bestSimilarity(
          column,
          a0,
          a1,
          b0,
          b1,
          level.kind,
          cache.scratch,
          level.reach,
        );
      }
      return cache.value >= level.threshold;
    }
    case 'levenshtein':
    case 'damerau_levenshtein': {
      if (
        cache.input !== level.input ||
        cache.kind !== level.kind ||
        (cache.value > cache.bound && cache.bound < level.maxDistance)
      ) {
        cache.input = level.input;
        cache.kind = level.kind;
        cache.bound = Math.max(level.maxDistance, level.reach);
        cache.value = smallestDistance(column, a0, a1, b0, b1, level.kind, cache.bound);
      }
      return cache.value <= level.maxDistance;
    }
    case 'date_within': {
      const days = column.days as Float64Array;
      for (let x = a0; x < a1; x++) {
        for (let y = b0; y < b1; y++) {
          if (
            Math.abs(
              (days[values[x] as number] as number) - (days[values[y] as number] as number),
            ) <= level.days
          )
            return true;
        }
      }
      return false;
    }
    case 'date_transposed': {
      const ymd = column.ymd as Int32Array;
      for (let x = a0; x < a1; x++) {
        const p = ymd[values[x] as number] as number;
        if (p === 0) continue;
        for (let y = b0; y < b1; y++) {
          const q = ymd[values[y] as number] as number;
          if (q === 0 || p === q) continue;
          if (
            Math.floor(p / 10000) === Math.floor(q / 10000) &&
            Math.floor(p / 100) % 100 === q % 100 &&
            p % 100 === Math.floor(q / 100) % 100
          )
            return true;
        }
      }
      return false;
    }
    case 'number_within': {
      const numbers = column.numbers as Float64Array;
      for (let x = a0; x < a1; x++) {
        for (let y = b0; y < b1; y++) {
          const na = numbers[values[x] as number] as number;
          const nb = numbers[values[y] as number] as number;
          if (!Number.isFinite(na) || !Number.isFinite(nb)) continue;
          const diff = Math.abs(na - nb);
          if (diff <= level.absolute) return true;
          const scale = Math.max(Math.abs(na), Math.abs(nb));
          if (scale === 0 ? diff === 0 : diff / scale <= level.relative) return true;
        }
      }
      return false;
    }
    case 'initial': {
      for (let x = a0; x < a1; x++) {
        const sa = column.dictionary[values[x] as number] as string;
        const ia = initialOf(sa);
        for (let y = b0; y < b1; y++) {
          const sb = column.dictionary[values[y] as number] as string;
          const ib = initialOf(sb);
          if (
            ia !== undefined
              ? ib === undefined
                ? sb.startsWith(ia)
                : ia === ib
              : ib !== undefined && sa.startsWith(ib)
          )
            return true;
        }
      }
      return false;
    }
    case 'custom': {
      const predicate = level.predicate;
      if (predicate === undefined) return false;
      const listA: string[] = [];
      const listB: string[] = [];
      for (let x = a0; x < a1; x++) listA.push(column.dictionary[values[x] as number] as string);
      for (let y = b0; y < b1; y++) listB.push(column.dictionary[values[y] as number] as string);
      return predicate(listA, listB);
    }
  }
}

/** How many value ids two records share (each record's ids are distinct). */
function common(values: Int32Array, a0: number, a1: number, b0: number, b1: number): number {
  let shared = 0;
  for (let x = a0; x < a1; x++) {
    const id = values[x];
    for (let y = b0; y < b1; y++) {
      if (values[y] === id) {
        shared++;
        break;
      }
    }
  }
  return shared;
}

/**
 * Computes the level of every comparison for the pair (i, j) of prepared records, writing the
 * level indexes into `out` (one per comparison). This is the comparison vector ("gamma") that
 * training counts and prediction scores.
 *
 * @example
 * ```ts
 * import { compileModel, comparisonLevels, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'n', field: 'n', levels: [{ kind: 'null' }, { kind: 'exact' }, { kind: 'else' }] }] });
 * const data = prepareRecords(model, [{ n: 'a' }, { n: 'a' }, {}]);
 * const out = new Uint8Array(1);
 * comparisonLevels(data, 0, 1, out); console.log(out[0]); // 1
 * comparisonLevels(data, 0, 2, out); console.log(out[0]); // 0
 * ```
 */
export function comparisonLevels(
  data: PreparedRecords,
  i: number,
  j: number,
  out: Uint8Array,
): Uint8Array {
  return levelsInto(data, i, j, out, newCache());
}

/** The level of one comparison for (i, j): the first that holds. */
function levelOf(
  data: PreparedRecords,
  c: number,
  i: number,
  j: number,
  cache: MetricCache,
): number {
  const comparisons = data.model.comparisons;
  const levels = (comparisons[c] as (typeof comparisons)[number]).levels;
  cache.input = -1;
  for (let l = 0; l < levels.length; l++) {
    if (holds(data, levels[l] as CompiledLevel, i, j, cache)) return l;
  }
  return levels.length - 1;
}

function levelsInto(
  data: PreparedRecords,
  i: number,
  j: number,
  out: Uint8Array,
  cache: MetricCache,
): Uint8Array {
  for (let c = 0; c < data.model.comparisons.length; c++) out[c] = levelOf(data, c, i, j, cache);
  return out;
}

/**
 * A reusable single-comparison function for hot loops: the level index of comparison `c` for
 * the pair (i, j). Lets a caller stop early once a pair cannot reach a threshold.
 */
export function comparisonScorer(
  data: PreparedRecords,
): (c: number, i: number, j: number) => number {
  const cache = newCache();
  return (c, i, j) => levelOf(data, c, i, j, cache);
}

/**
 * A reusable comparison-vector function for hot loops: like {@link comparisonLevels}, with its
 * scratch space allocated once. Not shared between concurrent callers.
 */
export function levelScorer(
  data: PreparedRecords,
): (i: number, j: number, out: Uint8Array) => Uint8Array {
  const cache = newCache();
  return (i, j, out) => levelsInto(data, i, j, out, cache);
}

/**
 * The term-frequency adjustment (in bits) of one level for the pair (i, j): how much more or
 * less an agreement counts because the agreeing value is rare or common. For exact levels the
 * rarest shared value is used; for fuzzy levels the more common of the two values. 0 when the
 * level has no term-frequency setting.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, termFrequencyAdjustment } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 's', field: 's', levels: [{ kind: 'exact', tf: { weight: 1 }, m: 0.9, u: 0.25 }, { kind: 'else', m: 0.1, u: 0.75 }] }] });
 * const data = prepareRecords(model, [{ s: 'smith' }, { s: 'smith' }, { s: 'smith' }, { s: 'zy' }]);
 * console.log(termFrequencyAdjustment(data, 0, 0, 0, 1).toFixed(2)); // -1.58: smith is common
 * ```
 */
export function termFrequencyAdjustment(
  data: PreparedRecords,
  comparison: number,
  level: number,
  i: number,
  j: number,
): number {
  const compiled = data.model.comparisons[comparison]?.levels[level];
  if (compiled === undefined || compiled.tf === undefined || compiled.u === undefined) return 0;
  const column = data.columns[compiled.input];
  const frequencies = column?.frequencies;
  if (column === undefined || frequencies === undefined) return 0;
  const a0 = column.offsets[i] as number;
  const a1 = column.offsets[i + 1] as number;
  const b0 = column.offsets[j] as number;
  const b1 = column.offsets[j + 1] as number;
  if (a0 === a1 || b0 === b1) return 0;
  let frequency = Number.NaN;
  if (compiled.kind === 'exact') {
    for (let x = a0; x < a1; x++) {
      const id = column.values[x] as number;
      for (let y = b0; y < b1; y++) {
        if (column.values[y] !== id) continue;
        const f = frequencies[id] as number;
        if (!(f >= frequency)) frequency = f;
      }
    }
  }
  if (Number.isNaN(frequency)) {
    frequency = Math.max(
      frequencies[column.values[a0] as number] as number,
      frequencies[column.values[b0] as number] as number,
    );
  }
  if (!(frequency > 0)) return 0;
  if (compiled.tf.minFrequency !== undefined)
    frequency = Math.max(frequency, compiled.tf.minFrequency);
  return compiled.tf.weight * Math.log2(compiled.u / frequency);
}

/** Throws unless every non-null level of the model has m and u. */
export function assertTrained(model: CompiledModel): void {
  if (model.trained) return;
  const missing: string[] = [];
  for (const c of model.comparisons) {
    for (const l of c.levels)
      if (l.kind !== 'null' && (l.m === undefined || l.u === undefined))
        missing.push(`${c.name}[${l.index}]`);
  }
  throw new ThreadlineError(
    'model_not_trained',
    'The model has levels without m and u: train it first',
    [
      {
        code: 'model_not_trained',
        path: ['comparisons'],
        message: `untrained levels: ${missing.slice(0, 10).join(', ')}`,
      },
    ],
  );
}

/**
 * The match weight of the pair (i, j): the prior's log-odds plus each comparison's level
 * weight and term-frequency adjustment, in bits. Positive means "more likely the same".
 *
 * @throws {@link ThreadlineError} with code `model_not_trained` when the model lacks m or u.
 * @example
 * ```ts
 * import { compileModel, matchWeight, prepareRecords, probabilityFromWeight } from 'threadline';
 *
 * const model = compileModel({ prior: 0.01, comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact', m: 0.9, u: 0.001 }, { kind: 'else', m: 0.1, u: 0.999 }] }] });
 * const data = prepareRecords(model, [{ e: 'x' }, { e: 'x' }]);
 * console.log(probabilityFromWeight(matchWeight(data, 0, 1)).toFixed(3)); // 0.901
 * ```
 */
export function matchWeight(
  data: PreparedRecords,
  i: number,
  j: number,
  levels?: Uint8Array,
): number {
  const model = data.model;
  assertTrained(model);
  const gamma = levels ?? comparisonLevels(data, i, j, new Uint8Array(model.comparisons.length));
  let weight = model.priorWeight;
  for (let c = 0; c < model.comparisons.length; c++) {
    const level = (model.comparisons[c] as (typeof model.comparisons)[number]).levels[
      gamma[c] ?? 0
    ] as CompiledLevel;
    weight += level.weight;
    if (level.tf !== undefined) weight += termFrequencyAdjustment(data, c, level.index, i, j);
  }
  return weight;
}

/**
 * Converts a match weight (log2 odds) to a probability.
 *
 * @example
 * ```ts
 * import { probabilityFromWeight } from 'threadline';
 *
 * console.log(probabilityFromWeight(0)); // 0.5
 * ```
 */
export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/**
 * Converts a probability to a match weight (log2 odds).
 *
 * @example
 * ```ts
 * import { weightFromProbability } from 'threadline';
 *
 * console.log(weightFromProbability(0.5)); // 0
 * ```
 */
export function weightFromProbability(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

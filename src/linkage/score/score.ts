import { ThreadlineError } from '../../core/errors.js';
import type { CompiledLevel, CompiledModel, PairView } from '../compile/compile.js';
import type { PreparedRecords } from '../prepare/prepare.js';

const EMPTY: readonly string[] = [];

/** A reusable view of one pair's values for one input; reset per comparison level. */
class View implements PairView {
  a: readonly string[] = EMPTY;
  b: readonly string[] = EMPTY;
  na = Number.NaN;
  nb = Number.NaN;
  load(data: PreparedRecords, input: number, i: number, j: number): void {
    const column = data.columns[input];
    this.a = column?.[i] ?? EMPTY;
    this.b = column?.[j] ?? EMPTY;
    const numbers = data.numbers[input];
    this.na = numbers === undefined ? Number.NaN : (numbers[i] ?? Number.NaN);
    this.nb = numbers === undefined ? Number.NaN : (numbers[j] ?? Number.NaN);
  }
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
  const view = new View();
  const comparisons = data.model.comparisons;
  for (let c = 0; c < comparisons.length; c++) {
    const levels = (comparisons[c] as (typeof comparisons)[number]).levels;
    let loaded = -2;
    let chosen = levels.length - 1;
    for (let l = 0; l < levels.length; l++) {
      const level = levels[l] as CompiledLevel;
      if (level.kind === 'else') {
        chosen = l;
        break;
      }
      if (level.input !== loaded) {
        view.load(data, level.input, i, j);
        loaded = level.input;
      }
      if (level.test(view)) {
        chosen = l;
        break;
      }
    }
    out[c] = chosen;
  }
  return out;
}

function frequencyOf(data: PreparedRecords, input: number, value: string): number {
  const table = data.frequencies[input];
  if (table === undefined) return Number.NaN;
  return table.values.get(value) ?? table.other;
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
  const a = column?.[i] ?? EMPTY;
  const b = column?.[j] ?? EMPTY;
  let frequency = Number.NaN;
  if (compiled.kind === 'exact') {
    for (const value of a) {
      if (!b.includes(value)) continue;
      const f = frequencyOf(data, compiled.input, value);
      if (!(f >= frequency)) frequency = f;
    }
  }
  if (Number.isNaN(frequency)) {
    const fa = a[0] === undefined ? Number.NaN : frequencyOf(data, compiled.input, a[0]);
    const fb = b[0] === undefined ? Number.NaN : frequencyOf(data, compiled.input, b[0]);
    frequency = Math.max(Number.isNaN(fa) ? 0 : fa, Number.isNaN(fb) ? 0 : fb);
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

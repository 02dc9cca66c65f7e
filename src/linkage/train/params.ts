import type { CompiledModel } from '../compile/compile.js';
import type { ModelSpec } from '../spec/spec.js';

/** Mutable model parameters during training: m and u per comparison level, and the prior. */
export interface Parameters {
  prior: number;
  readonly m: Float64Array[];
  readonly u: Float64Array[];
}

const FLOOR = 1e-6;

/** Clamps a probability away from 0 and 1, so that no level gets an infinite weight. */
export function clampProbability(p: number): number {
  return Math.min(1 - FLOOR, Math.max(FLOOR, p));
}

/**
 * Starting m values for levels without one: most matches agree at the top level, and fewer at
 * each level down. EM moves them; they only need the right order.
 */
function initialM(levelCount: number, hasNull: boolean): number[] {
  const first = hasNull ? 1 : 0;
  const k = levelCount - first;
  const out = new Array<number>(levelCount).fill(0);
  if (k <= 0) return out;
  if (k === 1) {
    out[first] = 1;
    return out;
  }
  out[first] = 0.8;
  let weights = 0;
  for (let l = 1; l < k; l++) weights += 1 / l;
  for (let l = 1; l < k; l++) out[first + l] = (0.2 * (1 / l)) / weights;
  return out;
}

/** Reads the model's current parameters (or starting values) into mutable arrays. */
export function readParameters(model: CompiledModel): Parameters {
  const m: Float64Array[] = [];
  const u: Float64Array[] = [];
  for (const comparison of model.comparisons) {
    const levels = comparison.levels;
    const hasNull = levels[0]?.kind === 'null';
    const start = initialM(levels.length, hasNull);
    m.push(Float64Array.from(levels, (l, i) => (l.kind === 'null' ? 0 : (l.m ?? start[i] ?? 0))));
    const uniform = 1 / Math.max(1, levels.length - (hasNull ? 1 : 0));
    u.push(Float64Array.from(levels, (l) => (l.kind === 'null' ? 0 : (l.u ?? uniform))));
  }
  return { prior: model.prior, m, u };
}

/** Normalizes a level distribution (skipping the null level) and clamps each probability. */
export function normalize(values: Float64Array, skipFirst: boolean): void {
  let total = 0;
  for (let l = skipFirst ? 1 : 0; l < values.length; l++) total += values[l] ?? 0;
  if (total <= 0) return;
  for (let l = skipFirst ? 1 : 0; l < values.length; l++)
    values[l] = clampProbability((values[l] ?? 0) / total);
}

/** Writes parameters back into a copy of the model's spec. */
export function writeParameters(spec: ModelSpec, params: Parameters): ModelSpec {
  return {
    ...spec,
    prior: clampProbability(params.prior),
    comparisons: spec.comparisons.map((comparison, c) => ({
      ...comparison,
      levels: comparison.levels.map((level, l) => {
        if (level.kind === 'null') return level;
        return {
          ...level,
          m: clampProbability(params.m[c]?.[l] ?? FLOOR),
          u: clampProbability(params.u[c]?.[l] ?? FLOOR),
        };
      }),
    })),
  };
}

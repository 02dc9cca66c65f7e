import { type PairDetail, pairDetail } from '../predict/predict.js';
import type { PreparedRecords } from '../prepare/prepare.js';
import { probabilityFromWeight } from '../score/score.js';

/**
 * One bar of a waterfall: what a step added, and where the running total stands after it.
 *
 * @example
 * ```ts
 * import type { WaterfallStep } from 'threadline';
 *
 * const bar = (s: WaterfallStep) => `${s.name} ${s.weight >= 0 ? '+' : ''}${s.weight.toFixed(2)}`;
 * console.log(typeof bar);
 * ```
 */
export interface WaterfallStep {
  /** `prior`, a comparison name, or `<comparison> (term frequency)`. */
  readonly name: string;
  /** The level reached, for comparisons. */
  readonly label?: string;
  readonly m?: number;
  readonly u?: number;
  /** The bits this step adds. */
  readonly weight: number;
  /** The running match weight after this step. */
  readonly cumulative: number;
  /** The running probability after this step. */
  readonly probability: number;
}

/**
 * Why a pair scored what it did: the prior, then each comparison's level and contribution (and
 * any term-frequency adjustment), then the total.
 *
 * @example
 * ```ts
 * import type { Waterfall } from 'threadline';
 *
 * const verdict = (w: Waterfall) => (w.probability >= 0.5 ? 'same person' : 'different people');
 * console.log(typeof verdict);
 * ```
 */
export interface Waterfall {
  readonly leftId: string;
  readonly rightId: string;
  readonly steps: readonly WaterfallStep[];
  readonly weight: number;
  readonly probability: number;
}

/**
 * Explains one pair as a waterfall, as data.
 *
 * @example
 * ```ts
 * import { compileModel, explainPair, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ prior: 0.001, comparisons: [{ name: 'email', field: 'email', levels: [{ kind: 'exact', transform: ['email'], m: 0.9, u: 0.0001 }, { kind: 'else', m: 0.1, u: 0.9999 }] }] });
 * const data = prepareRecords(model, [{ id: 'a', email: 'Ana@x.com' }, { id: 'b', email: 'ana@x.com' }]);
 * const w = explainPair(data, 0, 1);
 * console.log(w.steps.map((s) => s.name), w.probability > 0.8); // [ 'prior', 'email' ] true
 * ```
 */
export function explainPair(data: PreparedRecords, i: number, j: number): Waterfall {
  return waterfallOf(data, pairDetail(data, i, j));
}

function waterfallOf(data: PreparedRecords, detail: PairDetail): Waterfall {
  const steps: WaterfallStep[] = [];
  let cumulative = data.model.priorWeight;
  steps.push({
    name: 'prior',
    weight: cumulative,
    cumulative,
    probability: probabilityFromWeight(cumulative),
  });
  for (const c of detail.comparisons) {
    cumulative += c.weight;
    steps.push({
      name: c.comparison,
      label: c.label,
      ...(c.m === undefined ? {} : { m: c.m }),
      ...(c.u === undefined ? {} : { u: c.u }),
      weight: c.weight,
      cumulative,
      probability: probabilityFromWeight(cumulative),
    });
    if (c.tfAdjustment !== 0) {
      cumulative += c.tfAdjustment;
      steps.push({
        name: `${c.comparison} (term frequency)`,
        weight: c.tfAdjustment,
        cumulative,
        probability: probabilityFromWeight(cumulative),
      });
    }
  }
  return {
    leftId: detail.leftId,
    rightId: detail.rightId,
    steps,
    weight: cumulative,
    probability: probabilityFromWeight(cumulative),
  };
}

/**
 * Renders a waterfall as aligned text, one line per step, for logs and terminals.
 *
 * @example
 * ```ts
 * import { compileModel, explainPair, formatWaterfall, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ prior: 0.001, comparisons: [{ name: 'email', field: 'email', levels: [{ kind: 'exact', m: 0.9, u: 0.0001 }, { kind: 'else', m: 0.1, u: 0.9999 }] }] });
 * const data = prepareRecords(model, [{ id: 'a', email: 'x' }, { id: 'b', email: 'x' }]);
 * console.log(formatWaterfall(explainPair(data, 0, 1)));
 * ```
 */
export function formatWaterfall(waterfall: Waterfall): string {
  const rows = waterfall.steps.map((s) => [
    s.name,
    s.label ?? '',
    `${s.weight >= 0 ? '+' : ''}${s.weight.toFixed(2)}`,
    s.cumulative.toFixed(2),
    s.probability.toFixed(4),
  ]);
  const header = ['step', 'level', 'bits', 'total', 'probability'];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, k) => (k >= 2 ? cell.padStart(widths[k] ?? 0) : cell.padEnd(widths[k] ?? 0)))
      .join('  ');
  return [
    `${waterfall.leftId} ~ ${waterfall.rightId}`,
    line(header),
    ...rows.map(line),
    `= match weight ${waterfall.weight.toFixed(2)}, probability ${waterfall.probability.toFixed(4)}`,
  ].join('\n');
}

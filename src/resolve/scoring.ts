import { LRUCache } from 'lru-cache';
import { JOIN, MAX_KEYS_PER_RECORD } from '../linkage/blocking/blocking.js';
import type { CompiledModel } from '../linkage/compile/compile.js';
import { pairDetail } from '../linkage/predict/predict.js';
import { type LinkRecord, prepareRecords } from '../linkage/prepare/prepare.js';
import { probabilityFromWeight } from '../linkage/score/score.js';
import { type NormalizationMemo, rawValues } from '../linkage/transform/transform.js';
import type { Evidence } from './records.js';

/** The record field that carries ids while scoring: not a valid model field name. */
export const ID_FIELD = ' id';

/**
 * Normalizer results kept between resolver calls, in bounded LRU tables: a customer's phone
 * numbers are parsed once, not on every interaction that meets them.
 */
export function boundedMemo(size: number): NormalizationMemo | undefined {
  if (size === 0) return undefined;
  return {
    email: new LRUCache({ max: size }),
    phone: new LRUCache({ max: size }),
    name: new LRUCache({ max: size }),
  };
}

/**
 * The blocking keys of one record under every rule of the model, as `b<rule>:<value>` strings.
 * Computed from the compiled inputs directly: no need to prepare a batch for one record.
 */
export function recordBlockingKeys(
  model: CompiledModel,
  record: LinkRecord,
  memo: NormalizationMemo | undefined,
): string[] {
  const out: string[] = [];
  model.blocking.forEach((rule, r) => {
    let keys: string[] = [''];
    for (let k = 0; k < rule.inputs.length; k++) {
      const input = model.inputs[rule.inputs[k] as number];
      if (input === undefined) return;
      const values = input.apply(rawValues(record[input.field]), memo);
      if (values.length === 0) return;
      const next: string[] = [];
      for (const left of keys)
        for (const v of values) {
          if (next.length >= MAX_KEYS_PER_RECORD) break;
          next.push(k === 0 ? v : `${left}${JOIN}${v}`);
        }
      keys = next;
    }
    for (const key of keys) out.push(`b${r}:${key}`);
  });
  return out;
}

/** One candidate's score against the query. */
export interface PairScore {
  readonly weight: number;
  readonly probability: number;
  readonly steps: Evidence['steps'];
  /** Comparisons that added weight (evidence for), by name. */
  readonly agreeing: readonly string[];
  /** Comparisons that landed on their last, `else` level (clear disagreement), by name. */
  readonly disagreeing: readonly string[];
}

/**
 * Scores a query record against candidate records with the model: weight, probability and the
 * waterfall of each pair. Empty comparisons (no value on a side) are left out of the steps.
 */
export function scorePairs(
  model: CompiledModel,
  query: LinkRecord,
  candidates: readonly LinkRecord[],
  memo: NormalizationMemo | undefined,
): PairScore[] {
  if (candidates.length === 0) return [];
  const records: LinkRecord[] = [{ ...query, [ID_FIELD]: 'q' }];
  candidates.forEach((c, i) => {
    records.push({ ...c, [ID_FIELD]: `c${i}` });
  });
  const data = prepareRecords(model, records, {
    idField: ID_FIELD,
    ...(memo === undefined ? {} : { memo }),
  });
  const out: PairScore[] = [];
  for (let k = 1; k < records.length; k++) {
    const detail = pairDetail(data, 0, k);
    const steps: { name: string; label?: string; weight: number }[] = [
      { name: 'prior', weight: model.priorWeight },
    ];
    const agreeing: string[] = [];
    const disagreeing: string[] = [];
    detail.comparisons.forEach((c, index) => {
      const level = model.comparisons[index]?.levels[c.level];
      if (level?.kind === 'null') return;
      const weight = c.weight + c.tfAdjustment;
      steps.push({ name: c.comparison, label: c.label, weight });
      if (weight > 0) agreeing.push(c.comparison);
      if (level?.kind === 'else') disagreeing.push(c.comparison);
    });
    out.push({
      weight: detail.weight,
      probability: detail.probability,
      steps,
      agreeing,
      disagreeing,
    });
  }
  return out;
}

/** Adds extra steps (shared-key adjustments) to a score. */
export function adjust(
  score: PairScore,
  extra: readonly { name: string; label: string; weight: number }[],
): PairScore {
  if (extra.length === 0) return score;
  let weight = score.weight;
  for (const e of extra) weight += e.weight;
  return {
    weight,
    probability: probabilityFromWeight(weight),
    steps: [...score.steps, ...extra],
    agreeing: score.agreeing,
    disagreeing: score.disagreeing,
  };
}

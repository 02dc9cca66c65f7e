import { JOIN, MAX_KEYS_PER_RECORD } from '../linkage/blocking/blocking.js';
import type { CompiledModel } from '../linkage/compile/compile.js';
import { pairDetail } from '../linkage/predict/predict.js';
import { assemblePrepared, type ColumnPart, type LinkRecord } from '../linkage/prepare/prepare.js';
import { probabilityFromWeight } from '../linkage/score/score.js';
import {
  type NormalizationMemo,
  newNormalizationMemo,
  rawValues,
} from '../linkage/transform/transform.js';
import { GenerationCache } from './cache.js';
import type { Evidence } from './records.js';

/**
 * Normalizer results kept between resolver calls, in bounded tables: a customer's phone
 * numbers are parsed once, not on every interaction that meets them.
 */
export function boundedMemo(size: number): NormalizationMemo | undefined {
  if (size === 0) return undefined;
  return {
    email: new GenerationCache(size),
    phone: new GenerationCache(size),
    name: new GenerationCache(size),
  };
}

/**
 * One record read through the model's inputs: per input, the values it produces, filled in
 * when first needed. Reading is the costly part of scoring and blocking (normalizers,
 * transforms), so a customer's record is read once per version of the customer, not once per
 * comparison, and an input only blocking or only scoring needs is read only for that.
 */
export interface RecordValues {
  /** The record read. */
  readonly record: LinkRecord;
  /** Per model input, its values (undefined until read). */
  readonly values: (readonly string[] | undefined)[];
}

/** What a resolver keeps to read and score records: the model, its memo and caches. */
export interface ScoringContext {
  /** The model scoring and blocking follow. */
  readonly model: CompiledModel;
  /** Normalizer results shared across calls (a fresh memo per read when undefined). */
  readonly memo: NormalizationMemo | undefined;
  /** Waterfall steps shared between decisions. */
  readonly steps: StepTable;
  /** Whole waterfalls of shared steps, by their levels. */
  readonly sequences: Map<string, Step[]>;
  /**
   * Records read before, by record object: a record lives as long as the bounded view cache
   * holding it, and what was read of it no longer (a weak map).
   */
  readonly read: WeakMap<LinkRecord, RecordValues>;
}

/** A scoring context for one resolver. */
export function scoringContext(
  model: CompiledModel,
  memo: NormalizationMemo | undefined,
): ScoringContext {
  return { model, memo, steps: new Map(), sequences: new Map(), read: new WeakMap() };
}

/**
 * A record to read through the model. With `remember`, what is read is kept with the record
 * object and a later call with the same object returns it: only for records that never change
 * (derived views of immutable customer records).
 */
export function recordValues(
  context: ScoringContext,
  record: LinkRecord,
  remember: boolean,
): RecordValues {
  const known = remember ? context.read.get(record) : undefined;
  if (known !== undefined) return known;
  const view: RecordValues = { record, values: new Array(context.model.inputs.length) };
  if (remember) context.read.set(record, view);
  return view;
}

/** The values input `k` produces for a record, read once. */
function inputValues(context: ScoringContext, view: RecordValues, k: number): readonly string[] {
  const known = view.values[k];
  if (known !== undefined) return known;
  const input = context.model.inputs[k];
  if (input === undefined) return [];
  const values = input.apply(
    rawValues(view.record[input.field]),
    context.memo ?? newNormalizationMemo(),
  );
  view.values[k] = values;
  return values;
}

/**
 * The blocking keys of one record under every rule of the model, as `b<rule>:<value>` strings,
 * from the values its inputs produce (read once for scoring and blocking alike).
 */
export function recordBlockingKeys(context: ScoringContext, view: RecordValues): string[] {
  const model = context.model;
  const out: string[] = [];
  model.blocking.forEach((rule, r) => {
    let keys: string[] = [''];
    for (let k = 0; k < rule.inputs.length; k++) {
      const input = model.inputs[rule.inputs[k] as number];
      if (input === undefined) return;
      const values = inputValues(context, view, rule.inputs[k] as number);
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

/** One step of a waterfall, as evidence keeps it. */
type Step = Evidence['steps'][number];

/**
 * Waterfall steps shared between evidence: a comparison at one level without a term-frequency
 * adjustment always weighs the same, so one object per (comparison, level) serves every
 * decision, and a million events hold references instead of a million equal copies. Owned by
 * one resolver (no state outside it).
 */
export type StepTable = Map<string, Step>;

function sharedStep(
  table: StepTable,
  key: string,
  name: string,
  label: string | undefined,
  weight: number,
): Step {
  let step = table.get(key);
  if (step === undefined || step.weight !== weight) {
    step = { name, label, weight } as Step;
    table.set(key, step);
  }
  return step;
}

/**
 * A waterfall of shared steps as one shared array: most decisions follow a handful of level
 * sequences, and evidence kept with every event need not repeat them. Others are copied
 * exactly sized (a grown array carries slack for good).
 */
function sharedSteps(
  context: ScoringContext,
  sequence: string | undefined,
  steps: readonly Step[],
): Step[] {
  if (sequence === undefined) return steps.slice();
  const known = context.sequences.get(sequence);
  if (known !== undefined && known.length === steps.length && known.every((s, i) => s === steps[i]))
    return known;
  const kept = steps.slice();
  context.sequences.set(sequence, kept);
  return kept;
}

/** The first step of every waterfall (it has no label). */
function priorStep(table: StepTable, weight: number): Step {
  let step = table.get('prior');
  if (step === undefined || step.weight !== weight) {
    step = { name: 'prior', weight };
    table.set('prior', step);
  }
  return step;
}

/**
 * Scores a query record against candidate records with the model: weight, probability and the
 * waterfall of each pair. Empty comparisons (no value on a side) are left out of the steps.
 * Records come as their values (see {@link recordValues}), read here as far as not read yet.
 */
export function scorePairs(
  context: ScoringContext,
  query: RecordValues,
  candidates: readonly RecordValues[],
): PairScore[] {
  if (candidates.length === 0) return [];
  const model = context.model;
  const table = context.steps;
  // One column part per input over the query and the candidates, from values already read:
  // the same prepared records as reading them all in one batch, without reading them again.
  const size = candidates.length + 1;
  const parts: ColumnPart[] = model.inputs.map((_, k) => {
    const lists: (readonly string[])[] = [inputValues(context, query, k)];
    let total = (lists[0] as readonly string[]).length;
    for (const c of candidates) {
      const list = inputValues(context, c, k);
      lists.push(list);
      total += list.length;
    }
    const offsets = new Uint32Array(size + 1);
    const values = new Int32Array(total);
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    let at = 0;
    lists.forEach((list, r) => {
      offsets[r] = at;
      for (const value of list) {
        let id = index.get(value);
        if (id === undefined) {
          id = dictionary.length;
          dictionary.push(value);
          index.set(value, id);
        }
        values[at++] = id;
      }
    });
    offsets[size] = at;
    return { offsets, values, dictionary, index };
  });
  const data = assemblePrepared(model, new Array(size), [parts]);
  const out: PairScore[] = [];
  for (let k = 1; k <= candidates.length; k++) {
    const detail = pairDetail(data, 0, k);
    const steps: Step[] = [priorStep(table, model.priorWeight)];
    const agreeing: string[] = [];
    const disagreeing: string[] = [];
    // The levels of the waterfall, while every step is a shared one: the key of the sequence.
    let sequence: string | undefined = '';
    detail.comparisons.forEach((c, index) => {
      const level = model.comparisons[index]?.levels[c.level];
      if (level?.kind === 'null') return;
      const weight = c.weight + c.tfAdjustment;
      if (c.tfAdjustment === 0) {
        const key = `${index}:${c.level}`;
        steps.push(sharedStep(table, key, c.comparison, c.label, weight));
        if (sequence !== undefined) sequence += `${key} `;
      } else {
        steps.push({ name: c.comparison, label: c.label, weight } as Step);
        sequence = undefined;
      }
      if (weight > 0) agreeing.push(c.comparison);
      if (level?.kind === 'else') disagreeing.push(c.comparison);
    });
    out.push({
      weight: detail.weight,
      probability: detail.probability,
      steps: sharedSteps(context, sequence, steps),
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
    steps: score.steps.concat(extra),
    agreeing: score.agreeing,
    disagreeing: score.disagreeing,
  };
}

import type { CompiledBlockingRule } from '../compile/compile.js';
import type { PreparedRecords } from '../prepare/prepare.js';

// Separates the parts of a composite key; it cannot occur in transformed values we produce
// from text a person typed (it is a control character), so "a"+"bc" never equals "ab"+"c".
const JOIN = '\u0001';
const MAX_KEYS_PER_RECORD = 64;
const EMPTY: readonly string[] = [];

/**
 * The blocking keys of every record under one rule: the combinations of the rule's key values
 * (a record with two emails has two keys under an email rule). A record missing any key part
 * has no key and is never paired by that rule.
 *
 * @example
 * ```ts
 * import { blockingKeys, compileModel, prepareRecords } from 'threadline';
 *
 * const model = compileModel({
 *   comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }],
 *   blocking: [{ keys: [{ field: 'x', transform: ['lower'] }] }],
 * });
 * const data = prepareRecords(model, [{ x: 'A' }, { x: ['a', 'b'] }, {}]);
 * console.log(blockingKeys(data, 0)); // [ [ 'a' ], [ 'a', 'b' ], [] ]
 * ```
 */
export function blockingKeys(data: PreparedRecords, rule: number): readonly (readonly string[])[] {
  const compiled = data.model.blocking[rule];
  if (compiled === undefined) return [];
  const columns = compiled.inputs.map((input) => data.columns[input]);
  // Keys are built from value ids internally; spell them out with the dictionaries here.
  return keysFor(data, compiled).map((keys) =>
    keys.map((key) =>
      key
        .split(JOIN)
        .map((id, k) => columns[k]?.dictionary[Number(id)] ?? '')
        .join(JOIN),
    ),
  );
}

function keysFor(data: PreparedRecords, rule: CompiledBlockingRule): (readonly string[])[] {
  const out: (readonly string[])[] = new Array(data.size);
  const columns = rule.inputs.map((input) => data.columns[input]);
  for (let i = 0; i < data.size; i++) {
    let keys: string[] = [];
    columns.forEach((column, k) => {
      if (column === undefined) return;
      const from = column.offsets[i] as number;
      const to = column.offsets[i + 1] as number;
      if (k === 0) {
        for (let x = from; x < to; x++) keys.push(String(column.values[x]));
        return;
      }
      const next: string[] = [];
      for (const left of keys) {
        for (let x = from; x < to && next.length < MAX_KEYS_PER_RECORD; x++) next.push(left + JOIN + String(column.values[x]));
      }
      keys = next;
    });
    out[i] = keys.length === 0 ? EMPTY : keys.length > MAX_KEYS_PER_RECORD ? keys.slice(0, MAX_KEYS_PER_RECORD) : keys;
  }
  return out;
}

function shareKey(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

function smallestSharedKey(a: readonly string[], b: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const x of a) if (b.includes(x) && (best === undefined || x < best)) best = x;
  return best;
}

/**
 * Options for {@link forEachCandidatePair} and {@link countCandidatePairs}.
 *
 * @example
 * ```ts
 * import type { BlockingOptions } from 'threadline';
 *
 * const options: BlockingOptions = { maxBlockSize: 5_000 };
 * console.log(options.maxBlockSize);
 * ```
 */
export interface BlockingOptions {
  /** Rules to use instead of the model's own (indexes into `model.blocking`). */
  readonly rules?: readonly number[];
  /**
   * Blocks with more records than this are skipped (and reported), since a key shared by
   * thousands of records (a placeholder value, a very common surname) says little and costs
   * millions of comparisons. Default: no limit.
   */
  readonly maxBlockSize?: number;
}

/** What happened while producing candidate pairs. */
export interface BlockingReport {
  /** Per rule: its name, the pairs it produced that no earlier rule had produced. */
  readonly rules: readonly {
    readonly name: string;
    readonly pairs: number;
    readonly skippedBlocks: number;
  }[];
  readonly pairs: number;
}

function pairable(data: PreparedRecords, i: number, j: number): boolean {
  if (data.mode === 'dedupe' || data.mode === 'link_and_dedupe') return true;
  return data.sources[i] !== data.sources[j];
}

/**
 * Calls `visit(i, j, rule)` once for every candidate pair (i < j): pairs that share every key
 * of at least one rule. A pair produced by several rules is visited once, under the first.
 * In `link` mode only pairs across the two sources are visited.
 *
 * @example
 * ```ts
 * import { compileModel, forEachCandidatePair, prepareRecords } from 'threadline';
 *
 * const model = compileModel({
 *   comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }],
 *   blocking: [{ keys: [{ field: 'x' }] }, { keys: [{ field: 'y' }] }],
 * });
 * const data = prepareRecords(model, [{ x: 'a', y: '1' }, { x: 'a', y: '1' }, { x: 'b', y: '1' }]);
 * const pairs: string[] = [];
 * forEachCandidatePair(data, (i, j, rule) => pairs.push(`${i}-${j} by ${rule}`));
 * console.log(pairs); // [ '0-1 by 0', '0-2 by 1', '1-2 by 1' ]
 * ```
 */
export function forEachCandidatePair(
  data: PreparedRecords,
  visit: (i: number, j: number, rule: number) => void,
  options: BlockingOptions = {},
): BlockingReport {
  const ruleIndexes = options.rules ?? data.model.blocking.map((_, r) => r);
  const maxBlock = options.maxBlockSize ?? Number.POSITIVE_INFINITY;
  const keys: (readonly string[])[][] = [];
  const report: { name: string; pairs: number; skippedBlocks: number }[] = [];
  let total = 0;
  for (let position = 0; position < ruleIndexes.length; position++) {
    const rule = data.model.blocking[ruleIndexes[position] as number];
    if (rule === undefined) continue;
    const ruleKeys = keysFor(data, rule);
    keys.push(ruleKeys);
    const blocks = new Map<string, number[]>();
    for (let i = 0; i < data.size; i++) {
      for (const key of ruleKeys[i] ?? EMPTY) {
        const block = blocks.get(key);
        if (block === undefined) blocks.set(key, [i]);
        else block.push(i);
      }
    }
    let produced = 0;
    let skipped = 0;
    const earlier = keys.slice(0, -1);
    for (const [key, members] of blocks) {
      if (members.length < 2) continue;
      if (members.length > maxBlock) {
        skipped++;
        continue;
      }
      for (let x = 0; x < members.length; x++) {
        const i = members[x] as number;
        const keysI = ruleKeys[i] ?? EMPTY;
        for (let y = x + 1; y < members.length; y++) {
          const j = members[y] as number;
          if (!pairable(data, i, j)) continue;
          const keysJ = ruleKeys[j] ?? EMPTY;
          // Records with several keys meet in several blocks: keep the pair in one of them.
          if ((keysI.length > 1 || keysJ.length > 1) && smallestSharedKey(keysI, keysJ) !== key)
            continue;
          let seenBefore = false;
          for (const previous of earlier) {
            if (shareKey(previous[i] ?? EMPTY, previous[j] ?? EMPTY)) {
              seenBefore = true;
              break;
            }
          }
          if (seenBefore) continue;
          produced++;
          visit(i, j, ruleIndexes[position] as number);
        }
      }
    }
    report.push({ name: rule.name, pairs: produced, skippedBlocks: skipped });
    total += produced;
  }
  return { rules: report, pairs: total };
}

/**
 * Counts the candidate pairs each rule would produce, before running a comparison: per rule
 * the pairs no earlier rule produced, and the total. Use it to choose rules that keep the
 * work bounded.
 *
 * @example
 * ```ts
 * import { compileModel, countCandidatePairs, prepareRecords } from 'threadline';
 *
 * const model = compileModel({
 *   comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }],
 *   blocking: [{ name: 'by x', keys: [{ field: 'x' }] }],
 * });
 * const data = prepareRecords(model, [{ x: 'a' }, { x: 'a' }, { x: 'a' }]);
 * console.log(countCandidatePairs(data).rules[0]); // { name: 'by x', pairs: 3, skippedBlocks: 0 }
 * ```
 */
export function countCandidatePairs(
  data: PreparedRecords,
  options: BlockingOptions = {},
): BlockingReport {
  return forEachCandidatePair(data, () => {}, options);
}

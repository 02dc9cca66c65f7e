import { seededRandom } from '../../core/random.js';
import type { CompiledBlockingRule } from '../compile/compile.js';
import type { PreparedRecords } from '../prepare/prepare.js';

// Separates the parts of a composite key; it cannot occur in transformed values we produce
// from text a person typed (it is a control character), so "a"+"bc" never equals "ab"+"c".
export const JOIN = '\u0001';
/** The most keys one record has under one rule (a record with many values per key part). */
export const MAX_KEYS_PER_RECORD = 64;

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
  // Keys are built from value ids internally; spell them out with the dictionaries here.
  return keysFor(data, compiled).map((keys) => keys.map((key) => describeKey(data, compiled, key)));
}

/** A blocking key: value ids packed into one number when they fit, else joined as text. */
type Key = number | string;
const NO_KEYS: readonly Key[] = Object.freeze([]);

function keysFor(data: PreparedRecords, rule: CompiledBlockingRule): (readonly Key[])[] {
  const out: (readonly Key[])[] = new Array(data.size);
  const columns = rule.inputs.map((input) => data.columns[input]);
  let capacity = 1;
  for (const column of columns) capacity *= (column?.dictionary.length ?? 0) + 1;
  const numeric = capacity < Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < data.size; i++) {
    let keys: Key[] = [];
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k];
      if (column === undefined) {
        keys = [];
        break;
      }
      const from = column.offsets[i] as number;
      const to = column.offsets[i + 1] as number;
      if (k === 0) {
        for (let x = from; x < to; x++)
          keys.push(numeric ? (column.values[x] as number) : String(column.values[x]));
        continue;
      }
      const radix = column.dictionary.length + 1;
      const next: Key[] = [];
      for (const left of keys) {
        for (let x = from; x < to && next.length < MAX_KEYS_PER_RECORD; x++) {
          const id = column.values[x] as number;
          next.push(numeric ? (left as number) * radix + id : `${left}${JOIN}${id}`);
        }
      }
      keys = next;
      if (keys.length === 0) break;
    }
    out[i] =
      keys.length === 0
        ? NO_KEYS
        : keys.length > MAX_KEYS_PER_RECORD
          ? keys.slice(0, MAX_KEYS_PER_RECORD)
          : keys;
  }
  return out;
}

/** Spells a key out with the rule's dictionaries, for people. */
function describeKey(data: PreparedRecords, rule: CompiledBlockingRule, key: Key): string {
  const columns = rule.inputs.map((input) => data.columns[input]);
  const ids: number[] = [];
  if (typeof key === 'string') ids.push(...key.split(JOIN).map(Number));
  else {
    let rest = key;
    for (let k = columns.length - 1; k >= 0; k--) {
      const radix = k === 0 ? Number.POSITIVE_INFINITY : (columns[k]?.dictionary.length ?? 0) + 1;
      ids.unshift(k === 0 ? rest : rest % radix);
      rest = k === 0 ? 0 : Math.floor(rest / radix);
    }
  }
  return ids.map((id, k) => columns[k]?.dictionary[id] ?? '').join(JOIN);
}

function shareKey(a: readonly Key[], b: readonly Key[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

function smallestSharedKey(a: readonly Key[], b: readonly Key[]): Key | undefined {
  let best: Key | undefined;
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
   * millions of comparisons. Default 5,000 (a block of that size is 12.5 million pairs).
   */
  readonly maxBlockSize?: number;
  /**
   * Keep each candidate pair with this probability (default 1: all). Training uses it to bound
   * the work of an EM session on a rule that produces many pairs.
   */
  readonly sampleRate?: number;
  /** Seed of the sampling (default 0). */
  readonly seed?: number;
  /**
   * Skip (and report) any rule whose blocks hold more pairs than this. Broad rules (a date of
   * birth alone, a first name and a year) help recall on small files and would flood a large
   * one; this keeps them where they are affordable. Default: no limit (`predict` sets one).
   */
  readonly maxRulePairs?: number;
  /**
   * Produce only this share of the blocks (`index` of `count` equal shares, by block order),
   * so that several threads can each take one share of the same records. Default: all.
   */
  readonly partition?: { readonly index: number; readonly count: number };
}

/**
 * The pairs a rule's blocks hold before any deduplication across rules: cheap to compute, an
 * upper bound on what the rule produces, and how to size a sample.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, rawPairCount } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }], blocking: [{ keys: [{ field: 'x' }] }] });
 * const data = prepareRecords(model, [{ x: 'a' }, { x: 'a' }, { x: 'a' }, { x: 'b' }]);
 * console.log(rawPairCount(data, 0)); // 3
 * ```
 */
export function rawPairCount(
  data: PreparedRecords,
  rule: number,
  maxBlockSize = Number.POSITIVE_INFINITY,
): number {
  const compiled = data.model.blocking[rule];
  if (compiled === undefined) return 0;
  const keys = cachedRuleKeys(data, compiled);
  // Block sizes by sorting the single keys (faster than a map over a million records), each
  // side apart; records with several keys are few and counted with a map.
  const sides: number[][] = [[], []];
  const extra = new Map<Key, [number, number]>();
  for (let i = 0; i < data.size; i++) {
    const side = data.sources[i] === 0 ? 0 : 1;
    const single = keys.single[i] as number;
    if (!Number.isNaN(single)) (sides[side] as number[]).push(single);
    else {
      for (const key of keys.many.get(i) ?? NO_KEYS) {
        const size = extra.get(key);
        if (size === undefined) extra.set(key, side === 0 ? [1, 0] : [0, 1]);
        else size[side]++;
      }
    }
  }
  const left = Float64Array.from(sides[0] as number[]).sort();
  const right = Float64Array.from(sides[1] as number[]).sort();
  let total = 0;
  const count = (l: number, r: number) => {
    if (l + r > maxBlockSize || l + r < 2) return;
    total += data.mode === 'link' ? l * r : ((l + r) * (l + r - 1)) / 2;
  };
  let x = 0;
  let y = 0;
  while (x < left.length || y < right.length) {
    const key = Math.min(
      x < left.length ? (left[x] as number) : Number.POSITIVE_INFINITY,
      y < right.length ? (right[y] as number) : Number.POSITIVE_INFINITY,
    );
    let l = 0;
    let r = 0;
    while (x < left.length && left[x] === key) {
      l++;
      x++;
    }
    while (y < right.length && right[y] === key) {
      r++;
      y++;
    }
    const more = extra.get(key);
    if (more !== undefined) {
      l += more[0];
      r += more[1];
      extra.delete(key);
    }
    count(l, r);
  }
  for (const [l, r] of extra.values()) count(l, r);
  return total;
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
  const maxBlock = options.maxBlockSize ?? 5_000;
  const rate = options.sampleRate ?? 1;
  const partition = options.partition;
  const random = rate < 1 ? seededRandom(options.seed ?? 0) : undefined;
  // How many pairs to pass over before the next kept one.
  let skip = random === undefined ? 0 : geometric(random, rate);
  const earlier: RuleKeys[] = [];
  const report: { name: string; pairs: number; skippedBlocks: number; skipped?: boolean }[] = [];
  const linkOnly = data.mode === 'link';
  let total = 0;
  for (let position = 0; position < ruleIndexes.length; position++) {
    const ruleIndex = ruleIndexes[position] as number;
    const rule = data.model.blocking[ruleIndex];
    if (rule === undefined) continue;
    if (
      options.maxRulePairs !== undefined &&
      rawPairCount(data, ruleIndex, maxBlock) > options.maxRulePairs
    ) {
      report.push({ name: rule.name, pairs: 0, skippedBlocks: 0, skipped: true });
      continue;
    }
    const keys = cachedRuleKeys(data, rule);
    const blocks = new Map<Key, number[]>();
    for (let i = 0; i < data.size; i++) {
      const single = keys.single[i] as number;
      if (!Number.isNaN(single)) {
        const block = blocks.get(single);
        if (block === undefined) blocks.set(single, [i]);
        else block.push(i);
        continue;
      }
      for (const key of keys.many.get(i) ?? NO_KEYS) {
        const block = blocks.get(key);
        if (block === undefined) blocks.set(key, [i]);
        else block.push(i);
      }
    }
    let produced = 0;
    let skipped = 0;
    let ordinal = -1;
    for (const [key, members] of blocks) {
      if (members.length < 2) continue;
      if (members.length > maxBlock) {
        skipped++;
        continue;
      }
      ordinal++;
      if (partition !== undefined && ordinal % partition.count !== partition.index) continue;
      // Members are in record order, so when linking the left records come first and only
      // left × right pairs are enumerated.
      let split = 0;
      if (linkOnly)
        while (split < members.length && data.sources[members[split] as number] === 0) split++;
      const xEnd = linkOnly ? split : members.length;
      for (let x = 0; x < xEnd; x++) {
        const i = members[x] as number;
        const yStart = linkOnly ? split : x + 1;
        let y = yStart;
        if (random !== undefined) {
          // Sampling: jump straight to the next kept pair, carrying the jump across rows, so
          // the work is proportional to the pairs kept, not to the block's pairs.
          const row = members.length - yStart;
          if (skip >= row) {
            skip -= row;
            continue;
          }
          y = yStart + skip;
        }
        while (y < members.length) {
          const j = members[y] as number;
          let keep = true;
          // Records with several keys meet in several blocks: keep the pair in one of them.
          if (
            keys.many.size > 0 &&
            (keys.many.has(i) || keys.many.has(j)) &&
            smallestSharedKey(keysOf(keys, i), keysOf(keys, j)) !== key
          )
            keep = false;
          for (let e = 0; keep && e < earlier.length; e++) {
            if (share(earlier[e] as RuleKeys, i, j)) keep = false;
          }
          if (keep) {
            produced++;
            visit(i, j, ruleIndex);
          }
          if (random === undefined) y++;
          else {
            skip = geometric(random, rate);
            const next = y + 1 + skip;
            if (next >= members.length) {
              skip = next - members.length;
              break;
            }
            y = next;
          }
        }
      }
    }
    earlier.push(keys);
    report.push({ name: rule.name, pairs: produced, skippedBlocks: skipped });
    total += produced;
  }
  return { rules: report, pairs: total };
}

/** Failures before the first success, each trial succeeding with probability `rate`. */
function geometric(random: () => number, rate: number): number {
  if (rate >= 1) return 0;
  if (rate <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.log(1 - random()) / Math.log(1 - rate));
}

/**
 * A rule's keys per record, compact: most records have exactly one numeric key, kept in a
 * typed array (NaN when the record has none or several); the others are listed apart.
 */
interface RuleKeys {
  readonly single: Float64Array;
  readonly many: ReadonlyMap<number, readonly Key[]>;
}

/** The rule's keys, computed once per prepared records and rule inputs. */
function cachedRuleKeys(data: PreparedRecords, rule: CompiledBlockingRule): RuleKeys {
  const columns = rule.inputs.map((input) => data.columns[input]);
  // Keyed by what the rule reads, so records re-bound to another model (sharing columns)
  // reuse the keys; the columns themselves confirm the entry.
  const name = `blocking:${rule.inputs.map((input) => data.model.inputs[input]?.key ?? input).join('\u0002')}`;
  const known = data.memo.get(name) as { columns: unknown[]; keys: RuleKeys } | undefined;
  if (known?.columns.every((column, k) => column === columns[k])) return known.keys;
  const keys = fastRuleKeys(data, rule) ?? ruleKeys(keysFor(data, rule));
  data.memo.set(name, { columns, keys });
  return keys;
}

/**
 * Keys without intermediate arrays for the common case: every record has at most one value
 * per key field and the packed key fits in a number. Records with several values fall back
 * to the general path. Undefined when the rule cannot be packed.
 */
function fastRuleKeys(data: PreparedRecords, rule: CompiledBlockingRule): RuleKeys | undefined {
  const columns = rule.inputs.map((input) => data.columns[input]);
  let capacity = 1;
  for (const column of columns) {
    if (column === undefined) return undefined;
    capacity *= column.dictionary.length + 1;
  }
  if (!(capacity < Number.MAX_SAFE_INTEGER)) return undefined;
  const single = new Float64Array(data.size).fill(Number.NaN);
  const many = new Map<number, readonly Key[]>();
  let slow: number[] | undefined;
  for (let i = 0; i < data.size; i++) {
    let key = 0;
    let ok = true;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k] as (typeof columns)[number] & object;
      const from = column.offsets[i] as number;
      const to = column.offsets[i + 1] as number;
      if (to === from) {
        ok = false;
        break;
      }
      if (to - from > 1) {
        ok = false;
        if (slow === undefined) slow = [];
        slow.push(i);
        break;
      }
      key =
        k === 0
          ? (column.values[from] as number)
          : key * (column.dictionary.length + 1) + (column.values[from] as number);
    }
    if (ok) single[i] = key;
  }
  if (slow !== undefined) {
    const all = keysFor(data, rule);
    for (const i of slow) {
      const keys = all[i] ?? NO_KEYS;
      if (keys.length === 1 && typeof keys[0] === 'number') single[i] = keys[0];
      else if (keys.length > 0) many.set(i, keys);
    }
  }
  return { single, many };
}

function ruleKeys(all: readonly (readonly Key[])[]): RuleKeys {
  const single = new Float64Array(all.length).fill(Number.NaN);
  const many = new Map<number, readonly Key[]>();
  all.forEach((keys, i) => {
    if (keys.length === 1 && typeof keys[0] === 'number') single[i] = keys[0];
    else if (keys.length > 0) many.set(i, keys);
  });
  return { single, many };
}

function keysOf(keys: RuleKeys, i: number): readonly Key[] {
  const single = keys.single[i] as number;
  return !Number.isNaN(single) ? [single] : (keys.many.get(i) ?? NO_KEYS);
}

function share(keys: RuleKeys, i: number, j: number): boolean {
  const a = keys.single[i] as number;
  const b = keys.single[j] as number;
  if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b;
  if (keys.many.size === 0) return false;
  return shareKey(keysOf(keys, i), keysOf(keys, j));
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

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
  // Training and prediction ask for the same counts again and again (each EM session, each
  // scoring thread); the count depends only on the keys, the sources and the block bound.
  const name = `pairs:${data.mode}:${maxBlockSize}:${ruleMemoName(data, compiled)}`;
  const known = data.memo.get(name) as { keys: RuleKeys; total: number } | undefined;
  if (known?.keys === keys) return known.total;
  const total = countRawPairs(data, compiled, keys, maxBlockSize);
  data.memo.set(name, { keys, total });
  return total;
}

function countRawPairs(
  data: PreparedRecords,
  rule: CompiledBlockingRule,
  keys: RuleKeys,
  maxBlockSize: number,
): number {
  const blocks = cachedBlocks(data, rule, keys);
  let total = 0;
  for (let b = 0; b < blocks.keys.length; b++) {
    const from = blocks.starts[b] as number;
    const to = blocks.starts[b + 1] as number;
    const size = to - from;
    if (size > maxBlockSize) continue;
    if (data.mode !== 'link') total += (size * (size - 1)) / 2;
    else {
      // Members are in record order: the left records come first.
      let left = 0;
      while (left < size && data.sources[blocks.members[from + left] as number] === 0) left++;
      total += left * (size - left);
    }
  }
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
  let local = new Float64Array(64);
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
    const blocks = cachedBlocks(data, rule, keys);
    const members = blocks.members;
    let produced = 0;
    let skipped = 0;
    let ordinal = -1;
    for (let b = 0; b < blocks.keys.length; b++) {
      const key = blocks.keys[b] as Key;
      // The block's records are members[from] up to members[from + count].
      const from = blocks.starts[b] as number;
      const count = (blocks.starts[b + 1] as number) - from;
      if (count > maxBlock) {
        skipped++;
        continue;
      }
      ordinal++;
      if (partition !== undefined && ordinal % partition.count !== partition.index) continue;
      // Members are in record order, so when linking the left records come first and only
      // left × right pairs are enumerated.
      let split = 0;
      if (linkOnly)
        while (split < count && data.sources[members[from + split] as number] === 0) split++;
      const xEnd = linkOnly ? split : count;
      // Without sampling every pair of the block is checked against the earlier rules: read
      // each member's earlier keys once, side by side, rather than twice per pair from
      // arrays over all records.
      const gathered = random === undefined && earlier.length > 0;
      const width = earlier.length;
      if (gathered) {
        if (local.length < count * width)
          local = new Float64Array(Math.max(count * width, local.length * 2));
        for (let x = 0; x < count; x++) {
          const i = members[from + x] as number;
          for (let e = 0; e < width; e++)
            local[x * width + e] = (earlier[e] as RuleKeys).single[i] as number;
        }
      }
      for (let x = 0; x < xEnd; x++) {
        const i = members[from + x] as number;
        const yStart = linkOnly ? split : x + 1;
        let y = yStart;
        if (random !== undefined) {
          // Sampling: jump straight to the next kept pair, carrying the jump across rows, so
          // the work is proportional to the pairs kept, not to the block's pairs.
          const row = count - yStart;
          if (skip >= row) {
            skip -= row;
            continue;
          }
          y = yStart + skip;
        }
        while (y < count) {
          const j = members[from + y] as number;
          let keep = true;
          // Records with several keys meet in several blocks: keep the pair in one of them.
          if (
            keys.many.size > 0 &&
            (keys.many.has(i) || keys.many.has(j)) &&
            smallestSharedKey(keysOf(keys, i), keysOf(keys, j)) !== key
          )
            keep = false;
          if (gathered) {
            for (let e = 0; keep && e < width; e++) {
              const keyOfI = local[x * width + e] as number;
              const keyOfJ = local[y * width + e] as number;
              // Two single keys decide it here; otherwise the lists are read (share).
              if (
                keyOfI === keyOfJ ||
                ((Number.isNaN(keyOfI) || Number.isNaN(keyOfJ)) &&
                  share(earlier[e] as RuleKeys, i, j))
              )
                keep = false;
            }
          } else {
            for (let e = 0; keep && e < earlier.length; e++) {
              if (share(earlier[e] as RuleKeys, i, j)) keep = false;
            }
          }
          if (keep) {
            produced++;
            visit(i, j, ruleIndex);
          }
          if (random === undefined) y++;
          else {
            skip = geometric(random, rate);
            const next = y + 1 + skip;
            if (next >= count) {
              skip = next - count;
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

/**
 * A rule's blocks of two or more records, compact: block b holds the records
 * `members[starts[b]]` up to `members[starts[b + 1]]` (in record order) and has the key
 * `keys[b]`. Blocks are in order of their key's first occurrence among the records.
 */
interface RuleBlocks {
  readonly keys: readonly Key[];
  readonly starts: Uint32Array;
  readonly members: Uint32Array;
}

/** The rule's blocks, built once per rule keys: training's sessions and scoring share them. */
function cachedBlocks(
  data: PreparedRecords,
  rule: CompiledBlockingRule,
  keys: RuleKeys,
): RuleBlocks {
  const name = `blocks:${ruleMemoName(data, rule)}`;
  const known = data.memo.get(name) as { keys: RuleKeys; blocks: RuleBlocks } | undefined;
  if (known?.keys === keys) return known.blocks;
  const blocks = buildBlocks(data.size, keys);
  data.memo.set(name, { keys, blocks });
  return blocks;
}

function buildBlocks(size: number, keys: RuleKeys): RuleBlocks {
  // First pass: number the keys in order of first occurrence and count their records.
  // Numeric keys (nearly all) go through an open-addressing table on typed arrays: a Map
  // boxes every key above 2^31 and costs several times more per record.
  const table = numberTable(size, keys);
  const numberOf = new Map<Key, number>();
  const firstKeys: Key[] = [];
  let counts = new Uint32Array(1024);
  const blockOf = new Int32Array(size).fill(-1);
  const count = (b: number, key: Key): number => {
    if (b === firstKeys.length) {
      firstKeys.push(key);
      if (b === counts.length) {
        const grown = new Uint32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    counts[b] = (counts[b] as number) + 1;
    return b;
  };
  const number = (key: Key): number => {
    if (typeof key === 'number') return count(table.numberOf(key, firstKeys.length), key);
    let b = numberOf.get(key);
    if (b === undefined) {
      b = firstKeys.length;
      numberOf.set(key, b);
    }
    return count(b, key);
  };
  for (let i = 0; i < size; i++) {
    const single = keys.single[i] as number;
    if (!Number.isNaN(single)) blockOf[i] = number(single);
    else for (const key of keys.many.get(i) ?? NO_KEYS) number(key);
  }
  // Blocks of one record pair nothing: keep the others, in the same order.
  const kept = new Int32Array(firstKeys.length).fill(-1);
  const blockKeys: Key[] = [];
  let total = 0;
  for (let b = 0; b < firstKeys.length; b++) {
    if ((counts[b] as number) < 2) continue;
    kept[b] = blockKeys.length;
    blockKeys.push(firstKeys[b] as Key);
    total += counts[b] as number;
  }
  const starts = new Uint32Array(blockKeys.length + 1);
  for (let b = 0, k = 0; b < firstKeys.length; b++) {
    if (kept[b] === -1) continue;
    starts[k + 1] = (starts[k] as number) + (counts[b] as number);
    k++;
  }
  const members = new Uint32Array(total);
  const filled = starts.slice(0, blockKeys.length);
  const place = (b: number, i: number) => {
    const k = kept[b] as number;
    if (k === -1) return;
    members[filled[k] as number] = i;
    filled[k] = (filled[k] as number) + 1;
  };
  for (let i = 0; i < size; i++) {
    const b = blockOf[i] as number;
    if (b >= 0) place(b, i);
    else if (Number.isNaN(keys.single[i] as number)) {
      for (const key of keys.many.get(i) ?? NO_KEYS)
        place(typeof key === 'number' ? table.numberOf(key, -1) : (numberOf.get(key) as number), i);
    }
  }
  return { keys: blockKeys, starts, members };
}

/** Numbers keys: each new key gets `next`; with `next` -1 an unknown key is not added. */
interface KeyNumbers {
  numberOf(key: number, next: number): number;
}

/**
 * A table for the rule's numeric keys: an array indexed by key when the keys are small (packed
 * ids of small dictionaries), else a hash table.
 */
function numberTable(size: number, keys: RuleKeys): KeyNumbers {
  let largest = -1;
  for (let i = 0; i < keys.single.length; i++) {
    const key = keys.single[i] as number;
    if (key > largest) largest = key;
  }
  for (const list of keys.many.values())
    for (const key of list) if (typeof key === 'number' && key > largest) largest = key;
  if (largest < 4 * size + 1024) {
    const numbers = new Int32Array(largest + 1).fill(-1);
    return {
      numberOf(key: number, next: number): number {
        const known = numbers[key] as number;
        if (known !== -1 || next === -1) return known;
        numbers[key] = next;
        return next;
      },
    };
  }
  return new NumberTable(size);
}

function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * Numbers for numeric keys, by open addressing on typed arrays (keys are integers below 2^53,
 * packed value ids; never NaN).
 */
class NumberTable implements KeyNumbers {
  #keys: Float64Array;
  #numbers: Int32Array;
  #mask: number;
  #used = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.#keys = new Float64Array(capacity);
    this.#numbers = new Int32Array(capacity).fill(-1);
    this.#mask = capacity - 1;
  }

  /** The key's number; a new key gets `next` (or, when `next` is -1, is not added: -1). */
  numberOf(key: number, next: number): number {
    // The key's two 32-bit halves (it is an integer), mixed (murmur3's finalizer): keys are
    // often small and consecutive, which must not cluster in the table.
    let slot = mix((key >>> 0) ^ mix((key / 4294967296) >>> 0)) & this.#mask;
    for (;;) {
      const number = this.#numbers[slot] as number;
      if (number === -1) break;
      if (this.#keys[slot] === key) return number;
      slot = (slot + 1) & this.#mask;
    }
    if (next === -1) return -1;
    this.#keys[slot] = key;
    this.#numbers[slot] = next;
    if (++this.#used * 2 > this.#mask) this.#grow();
    return next;
  }

  #grow(): void {
    const keys = this.#keys;
    const numbers = this.#numbers;
    this.#keys = new Float64Array(keys.length * 2);
    this.#numbers = new Int32Array(keys.length * 2).fill(-1);
    this.#mask = keys.length * 2 - 1;
    this.#used = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      if ((numbers[slot] as number) !== -1)
        this.numberOf(keys[slot] as number, numbers[slot] as number);
    }
  }
}

/** What a rule reads, as text: rules reading the same inputs share memo entries. */
function ruleMemoName(data: PreparedRecords, rule: CompiledBlockingRule): string {
  return rule.inputs.map((input) => data.model.inputs[input]?.key ?? input).join('\u0002');
}

/** The rule's keys, computed once per prepared records and rule inputs. */
function cachedRuleKeys(data: PreparedRecords, rule: CompiledBlockingRule): RuleKeys {
  const columns = rule.inputs.map((input) => data.columns[input]);
  // Keyed by what the rule reads, so records re-bound to another model (sharing columns)
  // reuse the keys; the columns themselves confirm the entry.
  const name = `blocking:${ruleMemoName(data, rule)}`;
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
  const singleA = !Number.isNaN(a);
  const singleB = !Number.isNaN(b);
  if (singleA && singleB) return a === b;
  if (keys.many.size === 0) return false;
  // A record with no single key has several keys or none; read the lists without building
  // one for a single key.
  const manyA = singleA ? undefined : keys.many.get(i);
  if (!singleA && manyA === undefined) return false;
  const manyB = singleB ? undefined : keys.many.get(j);
  if (!singleB && manyB === undefined) return false;
  if (manyA === undefined) return (manyB as readonly Key[]).includes(a);
  if (manyB === undefined) return manyA.includes(b);
  return shareKey(manyA, manyB);
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

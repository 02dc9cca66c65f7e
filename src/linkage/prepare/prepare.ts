import { ThreadlineError } from '../../core/errors.js';
import type { CompiledInput, CompiledModel } from '../compile/compile.js';
import {
  isoDate,
  type NormalizationMemo,
  newNormalizationMemo,
  rawValues,
} from '../transform/transform.js';

/**
 * A record to match: field names to values. Values may be strings, numbers, or lists (a
 * customer's several emails); `null`, `undefined` and blank strings mean "no value".
 *
 * @example
 * ```ts
 * import type { LinkRecord } from 'threadline';
 *
 * const r: LinkRecord = { id: '7', name: 'Ana Souza', email: ['ana@example.com', 'ana.s@work.example'], phone: null };
 * console.log(Object.keys(r).length);
 * ```
 */
export type LinkRecord = Readonly<Record<string, unknown>>;

/**
 * How often each value of one input occurs among records (the share of records with a value
 * that have it), and the frequency assumed for values not listed.
 *
 * @example
 * ```ts
 * import type { FrequencyTable } from 'threadline';
 *
 * const surnames: FrequencyTable = { values: new Map([['smith', 0.01]]), other: 0.0002 };
 * console.log(surnames.values.get('smith'));
 * ```
 */
export interface FrequencyTable {
  readonly values: ReadonlyMap<string, number>;
  readonly other: number;
}

/**
 * One model input read over all records, stored compactly: every distinct value once in a
 * dictionary, and each record's values as dictionary ids (`values[offsets[i]]` up to
 * `values[offsets[i + 1]]`). Comparisons work on ids; equal ids are equal values.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, recordValues } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'c', field: 'city', levels: [{ kind: 'exact', transform: ['fold'] }, { kind: 'else' }] }] });
 * const data = prepareRecords(model, [{ city: 'Lisboa' }, { city: 'LISBOA' }, {}]);
 * const column = data.columns[0];
 * console.log(column?.dictionary, recordValues(data, 0, 2)); // [ 'lisboa' ] []
 * ```
 */
export interface PreparedColumn {
  /** Record i's value ids are `values[offsets[i]]` up to (not including) `values[offsets[i + 1]]`. */
  readonly offsets: Uint32Array;
  readonly values: Int32Array;
  /** The distinct values, by id. */
  readonly dictionary: readonly string[];
  /** Per value id, for date inputs: days since the epoch (NaN when not a date). */
  readonly days: Float64Array | undefined;
  /** Per value id, for date inputs: the date as the integer yyyymmdd (0 when not a date). */
  readonly ymd: Int32Array | undefined;
  /** Per value id, for number inputs: the value as a number (NaN when not one). */
  readonly numbers: Float64Array | undefined;
  /**
   * For inputs compared by string similarity: per value id, 37 character counts (letters,
   * digits, other), whose overlap bounds Jaro-Winkler from above and edit distance from below,
   * so most hopeless pairs are rejected without the full computation.
   */
  readonly sketch: Uint8Array | undefined;
  /** Per value id, for term-frequency inputs: how often the value occurs. */
  readonly frequencies: Float64Array | undefined;
  /** The frequency of values the frequency table does not list. */
  readonly otherFrequency: number;
}

/**
 * Records read once through every input of a model: each input's values as a
 * {@link PreparedColumn}. Make it with {@link prepareRecords}; blocking, training, prediction
 * and explanation all read it.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, recordValues } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'email', field: 'email', levels: [{ kind: 'exact', transform: ['email'] }, { kind: 'else' }] }] });
 * const data = prepareRecords(model, [{ id: 'a', email: 'Ana@Example.com' }, { id: 'b', email: 'ana@example.com' }]);
 * console.log(data.size, recordValues(data, 0, 0)); // 2 [ 'ana@example.com' ]
 * ```
 */
export interface PreparedRecords {
  readonly model: CompiledModel;
  readonly size: number;
  /** Record ids, as strings, in input order. */
  readonly ids: readonly string[];
  /** For linkage, which source each record came from (0 = left, 1 = right); all 0 for dedupe. */
  readonly sources: Uint8Array;
  /** Whether pairs within one source are candidates (dedupe) or only across sources (link). */
  readonly mode: 'dedupe' | 'link' | 'link_and_dedupe';
  /** Per model input: the prepared column. */
  readonly columns: readonly PreparedColumn[];
  /** Reads record i as given (for re-binding to another model without re-reading input). */
  readonly record: (i: number) => LinkRecord | undefined;
  /**
   * Values derived from these records and reused across calls (blocking keys per rule). An
   * internal memo: owned by this value, never shared.
   *
   * @internal
   */
  readonly memo: Map<string, unknown>;
}

/**
 * Options for {@link prepareRecords}.
 *
 * @example
 * ```ts
 * import type { PrepareOptions } from 'threadline';
 *
 * const options: PrepareOptions = { idField: 'rec_id' };
 * console.log(options.idField);
 * ```
 */
export interface PrepareOptions {
  /** The field holding each record's unique id (default `id`; the row number when absent). */
  readonly idField?: string;
  /** With `right`, the records are linked across two sources. */
  readonly right?: readonly LinkRecord[];
  /** With `right`: also find duplicates within each source (default false: link only). */
  readonly dedupeWithinSources?: boolean;
  /**
   * Normalizer results to reuse across calls (see {@link newNormalizationMemo}); by default each
   * call starts empty. A caller preparing small batches again and again (the resolver) passes
   * bounded tables so that a phone number is parsed once, not on every call.
   */
  readonly memo?: NormalizationMemo;
}

/**
 * Reads records through a model's inputs once, so that every later step compares prepared
 * values. Deduplicates one source, or links `records` (left) with `options.right`.
 *
 * @throws {@link ThreadlineError} with code `invalid_input` when two records of one source
 * share an id.
 * @example
 * ```ts
 * import { compileModel, prepareRecords, recordValues } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'phone', field: 'phone', levels: [{ kind: 'exact', transform: ['phone'] }, { kind: 'else' }] }], region: 'US' });
 * const data = prepareRecords(model, [{ id: 'f1', phone: '310/246-1501' }], { right: [{ id: 'z1', phone: '310-246-1501' }] });
 * console.log(data.mode, recordValues(data, 0, 0), recordValues(data, 0, 1)); // link [ '+13102461501' ] [ '+13102461501' ]
 * ```
 */
export function prepareRecords(
  model: CompiledModel,
  records: readonly LinkRecord[],
  options: PrepareOptions = {},
): PreparedRecords {
  const size = records.length + (options.right?.length ?? 0);
  const at = recordReader(records, options.right);
  const part = prepareColumnParts(
    model.inputs,
    size,
    (field, i) => at(i)?.[field],
    options.memo ?? newNormalizationMemo(),
  );
  return assemblePrepared(model, records, [part], options);
}

function recordReader(
  records: readonly LinkRecord[],
  right: readonly LinkRecord[] | undefined,
): (i: number) => LinkRecord | undefined {
  const leftSize = records.length;
  return (i) => (i < leftSize ? records[i] : right?.[i - leftSize]);
}

/**
 * One model input read over a run of consecutive records, with a dictionary of its own: what
 * {@link prepareColumnParts} makes and {@link assemblePrepared} joins. Plain data, so a part can
 * be made on another thread. Used by the thread helpers (src/node); not part of the package's
 * root entry.
 *
 */
export interface ColumnPart {
  /** Record r's value ids (r counted from the part's first record) are `values[offsets[r]]` up to `values[offsets[r + 1]]`. */
  readonly offsets: Uint32Array;
  /** Ids into this part's own dictionary. */
  readonly values: Int32Array;
  /** The part's distinct values, in order of first occurrence. */
  readonly dictionary: readonly string[];
  /**
   * The dictionary's ids by value, when the part was made on this thread: joining parts then
   * need not index the first part's dictionary again. Joining takes it over (and adds the
   * later parts' values to it; a grown index is not used again).
   */
  readonly index?: Map<string, number>;
}

/**
 * Reads `size` records through model inputs, without the per-column statistics: the part of
 * {@link prepareRecords} that grows with the records, split out so that several threads can each
 * read a share of the records; {@link assemblePrepared} joins the shares.
 *
 * @param inputs - the inputs to read (a compiled model's `inputs`).
 * @param size - how many records.
 * @param read - the raw value of a field in record r of the share (0 ≤ r < size).
 * @param memo - normalizer results to reuse (default: a fresh memo).
 * @returns one part per input, in the order of `inputs`.
 */
export function prepareColumnParts(
  inputs: readonly Pick<CompiledInput, 'field' | 'apply'>[],
  size: number,
  read: (field: string, r: number) => unknown,
  memo: NormalizationMemo = newNormalizationMemo(),
): ColumnPart[] {
  // Inputs reading the same field share one pass over the records.
  const byField = new Map<string, number[]>();
  inputs.forEach((input, k) => {
    const list = byField.get(input.field);
    if (list === undefined) byField.set(input.field, [k]);
    else list.push(k);
  });
  const parts: ColumnPart[] = new Array(inputs.length);
  for (const [field, ks] of byField) {
    const builders = ks.map(
      (k) => new ColumnBuilder(size, (inputs[k] as (typeof inputs)[number]).apply, memo),
    );
    const index = new RawIndex();
    for (let r = 0; r < size; r++) {
      const value = read(field, r);
      // Most values are one non-blank string: number it without making a list for it.
      if (typeof value === 'string' && value.trim() !== '') {
        const rawId = index.ofValue(value);
        for (const builder of builders) builder.add(r, value, rawId);
        continue;
      }
      const raw = rawValues(value);
      const rawId = index.of(raw);
      for (const builder of builders) builder.add(r, raw, rawId);
    }
    ks.forEach((k, b) => {
      parts[k] = (builders[b] as ColumnBuilder).part();
    });
  }
  return parts;
}

/**
 * Joins column parts into prepared records: the same value {@link prepareRecords} returns for
 * `records` and `options`, when `parts` were made by {@link prepareColumnParts} over the
 * records in order (the first part from record 0, each next part from where the last ended),
 * for the inputs of `model`.
 *
 * @throws {@link ThreadlineError} `invalid_input` when two records of one source share an id,
 * or when the parts do not cover the records.
 */
export function assemblePrepared(
  model: CompiledModel,
  records: readonly LinkRecord[],
  parts: readonly (readonly ColumnPart[])[],
  options: Omit<PrepareOptions, 'memo'> = {},
): PreparedRecords {
  const right = options.right;
  const leftSize = records.length;
  const size = leftSize + (right?.length ?? 0);
  const at = recordReader(records, right);
  const covered = parts.reduce((n, part) => n + ((part[0]?.offsets.length ?? 1) - 1), 0);
  if (
    parts.some((part) => part.length !== model.inputs.length) ||
    (model.inputs.length > 0 && covered !== size)
  ) {
    throw new ThreadlineError('invalid_input', 'The column parts do not fit the records', [
      {
        code: 'parts_mismatch',
        path: ['parts'],
        message: `expected ${model.inputs.length} columns over ${size} records, got parts over ${covered}`,
      },
    ]);
  }
  const idField = options.idField ?? 'id';
  const sources = new Uint8Array(size);
  if (right !== undefined) sources.fill(1, leftSize);

  const ids: string[] = new Array(size);
  const seen = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const raw = at(i)?.[idField];
    const id = raw === undefined || raw === null || raw === '' ? String(i) : String(raw);
    const key = `${sources[i]}:${id}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new ThreadlineError('invalid_input', `Two records have the id "${id}"`, [
        {
          code: 'duplicate_id',
          path: [i, idField],
          message: `record ${i} repeats the id of record ${previous}`,
        },
      ]);
    }
    seen.set(key, i);
    ids[i] = id;
  }

  const tfInputs = tfInputsOf(model);
  const columns: PreparedColumn[] = model.inputs.map((_, k) => {
    const joined = joinParts(
      size,
      parts.map((part) => part[k] as ColumnPart),
    );
    return finishColumn(
      size,
      joined.offsets,
      joined.values,
      joined.dictionary,
      needsOf(model, k, tfInputs),
    );
  });

  const mode =
    right === undefined
      ? 'dedupe'
      : options.dedupeWithinSources === true
        ? 'link_and_dedupe'
        : 'link';
  return Object.freeze({ model, size, ids, sources, mode, columns, record: at, memo: new Map() });
}

/**
 * One column from parts in record order. Ids are given in order of first occurrence over all
 * records, exactly as one builder reading every record would give them: the first part's
 * dictionary, then each later part's values not seen before, in that part's order.
 */
function joinParts(
  size: number,
  parts: readonly ColumnPart[],
): { offsets: Uint32Array; values: Int32Array; dictionary: readonly string[] } {
  const first = parts[0];
  if (first === undefined) {
    return { offsets: new Uint32Array(size + 1), values: new Int32Array(0), dictionary: [] };
  }
  if (parts.length === 1) {
    return { offsets: first.offsets, values: first.values, dictionary: first.dictionary };
  }
  const dictionary = [...first.dictionary];
  // The first part's own index saves building one, unless an earlier join already grew it.
  const idOf =
    first.index !== undefined && first.index.size === first.dictionary.length
      ? first.index
      : new Map(first.dictionary.map((value, id) => [value, id]));
  const offsets = new Uint32Array(size + 1);
  const values = new Int32Array(parts.reduce((n, part) => n + part.values.length, 0));
  let record = 0;
  let at = 0;
  for (const [p, part] of parts.entries()) {
    const count = part.offsets.length - 1;
    for (let r = 0; r < count; r++) offsets[record + r] = at + (part.offsets[r] as number);
    if (p === 0) values.set(part.values, at);
    else {
      const translate = new Int32Array(part.dictionary.length);
      part.dictionary.forEach((value, local) => {
        let id = idOf.get(value);
        if (id === undefined) {
          id = dictionary.length;
          dictionary.push(value);
          idOf.set(value, id);
        }
        translate[local] = id;
      });
      for (let x = 0; x < part.values.length; x++)
        values[at + x] = translate[part.values[x] as number] as number;
    }
    record += count;
    at += part.values.length;
  }
  offsets[size] = at;
  return { offsets, values, dictionary };
}

function tfInputsOf(model: CompiledModel): Set<number> {
  const tfInputs = new Set<number>();
  for (const comparison of model.comparisons) {
    for (const level of comparison.levels)
      if (level.tf !== undefined && level.input >= 0) tfInputs.add(level.input);
  }
  return tfInputs;
}

function needsOf(model: CompiledModel, k: number, tfInputs: ReadonlySet<number>): ColumnNeeds {
  const input = model.inputs[k];
  return {
    sketch: input?.sketch ?? false,
    dates: input?.dates ?? false,
    numbers: input?.numbers ?? false,
    frequencies: tfInputs.has(k) ? (model.termFrequencies.get(k) ?? null) : undefined,
  };
}

/**
 * The same records prepared for another model: columns the two models read alike (same field,
 * transforms and needs) are reused, the others are read afresh. Use it to score with a trained
 * model the records it was trained on, without reading them twice.
 *
 * @example
 * ```ts
 * import { bindModel, compileModel, prepareRecords } from 'threadline';
 *
 * const untrained = compileModel({ comparisons: [{ name: 'e', field: 'email', levels: [{ kind: 'exact', transform: ['email'] }, { kind: 'else' }] }] });
 * const data = prepareRecords(untrained, [{ email: 'a@x.com' }, { email: 'A@x.com' }]);
 * const trained = compileModel({ comparisons: [{ name: 'e', field: 'email', levels: [{ kind: 'exact', transform: ['email'], m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }] });
 * console.log(bindModel(data, trained).columns[0] === data.columns[0]); // true
 * ```
 */
export function bindModel(data: PreparedRecords, model: CompiledModel): PreparedRecords {
  const byKey = new Map(data.model.inputs.map((input, k) => [input.key, k]));
  const oldTf = tfInputsOf(data.model);
  const newTf = tfInputsOf(model);
  const memo = newNormalizationMemo();
  const columns = model.inputs.map((input, k) => {
    const old = byKey.get(input.key);
    const column = old === undefined ? undefined : data.columns[old];
    const needs = needsOf(model, k, newTf);
    const reusable =
      column !== undefined &&
      old !== undefined &&
      (!needs.dates || column.days !== undefined) &&
      (!needs.numbers || column.numbers !== undefined) &&
      (!needs.sketch || column.sketch !== undefined) &&
      // Frequencies counted from these records equal those of a table trained on them; a table
      // from elsewhere must be applied afresh.
      (needs.frequencies === undefined || (needs.frequencies === null ? oldTf.has(old) : false));
    if (reusable && column !== undefined) return column;
    return prepareColumn(data.size, (i) => data.record(i)?.[input.field], input.apply, needs, memo);
  });
  // The memo is keyed by what is read and checked against the columns, so it is shared.
  return Object.freeze({ ...data, model, columns, memo: data.memo });
}

interface ColumnNeeds {
  readonly sketch: boolean;
  readonly dates: boolean;
  readonly numbers: boolean;
  /** undefined: no frequencies; null: count them from the data; a table: use it. */
  readonly frequencies: FrequencyTable | null | undefined;
}

function prepareColumn(
  size: number,
  read: (i: number) => unknown,
  apply: (values: readonly string[], memo?: NormalizationMemo) => readonly string[],
  needs: ColumnNeeds,
  memo: NormalizationMemo,
): PreparedColumn {
  const builder = new ColumnBuilder(size, apply, memo);
  const index = new RawIndex();
  for (let i = 0; i < size; i++) {
    const raw = rawValues(read(i));
    builder.add(i, raw, index.of(raw));
  }
  const part = builder.part();
  return finishColumn(size, part.offsets, part.values, part.dictionary, needs);
}

/**
 * Numbers the distinct raw values of one field in order of first occurrence, so that the
 * inputs reading the field transform each distinct value once and look it up by number, not
 * by text: records repeat raw values (a city, a surname, a person's email on each copy).
 */
class RawIndex {
  readonly #idOf = new Map<string, number>();

  /** The value's number, or -1 for records without exactly one raw value (read each time). */
  of(raw: readonly string[]): number {
    return raw.length === 1 ? this.ofValue(raw[0] as string) : -1;
  }

  /** The number of a record's one raw value. */
  ofValue(value: string): number {
    let id = this.#idOf.get(value);
    if (id === undefined) {
      id = this.#idOf.size;
      this.#idOf.set(value, id);
    }
    return id;
  }
}

/** Builds one column record by record; several builders can share one read of a field. */
class ColumnBuilder {
  readonly #size: number;
  readonly #apply: (values: readonly string[], memo?: NormalizationMemo) => readonly string[];
  readonly #memo: NormalizationMemo;
  readonly #offsets: Uint32Array;
  #values: Int32Array;
  #length = 0;
  readonly #dictionary: string[] = [];
  readonly #idOf = new Map<string, number>();
  // Per raw value number (see RawIndex): 0 when not transformed yet, -1 when it gives no value,
  // id + 1 when it gives the one value id; -2 when it gives several, kept in #several.
  #known: Int32Array;
  readonly #several = new Map<number, Int32Array>();

  constructor(
    size: number,
    apply: (values: readonly string[], memo?: NormalizationMemo) => readonly string[],
    memo: NormalizationMemo,
  ) {
    this.#size = size;
    this.#apply = apply;
    this.#memo = memo;
    this.#offsets = new Uint32Array(size + 1);
    this.#values = new Int32Array(Math.max(16, size));
    this.#known = new Int32Array(Math.max(16, Math.min(size, 1 << 16)));
  }

  /**
   * Adds record i's raw values (a string when there is exactly one); `rawId` numbers them when
   * they are one value, else -1.
   */
  add(i: number, raw: readonly string[] | string, rawId: number): void {
    this.#offsets[i] = this.#length;
    if (rawId >= 0) {
      if (rawId >= this.#known.length) {
        const grown = new Int32Array(Math.max(rawId + 1, this.#known.length * 2));
        grown.set(this.#known);
        this.#known = grown;
      }
      const known = this.#known[rawId] as number;
      if (known > 0) {
        this.#push(known - 1);
        return;
      }
      if (known === -1) return;
      if (known === -2) {
        for (const id of this.#several.get(rawId) as Int32Array) this.#push(id);
        return;
      }
      // First time: transform, give ids, and remember them for the next records.
      const from = this.#length;
      this.#addValues(this.#apply(typeof raw === 'string' ? [raw] : raw, this.#memo));
      const count = this.#length - from;
      if (count === 0) this.#known[rawId] = -1;
      else if (count === 1) this.#known[rawId] = (this.#values[from] as number) + 1;
      else {
        this.#known[rawId] = -2;
        this.#several.set(rawId, this.#values.slice(from, this.#length));
      }
      return;
    }
    this.#addValues(this.#apply(typeof raw === 'string' ? [raw] : raw, this.#memo));
  }

  #addValues(out: readonly string[]): void {
    for (const value of out) {
      let id = this.#idOf.get(value);
      if (id === undefined) {
        id = this.#dictionary.length;
        this.#dictionary.push(value);
        this.#idOf.set(value, id);
      }
      this.#push(id);
    }
  }

  #push(id: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Int32Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = id;
  }

  part(): ColumnPart {
    this.#offsets[this.#size] = this.#length;
    return {
      offsets: this.#offsets,
      values: this.#values.slice(0, this.#length),
      dictionary: this.#dictionary,
      index: this.#idOf,
    };
  }
}

function finishColumn(
  size: number,
  offsets: Uint32Array,
  values: Int32Array,
  dictionary: readonly string[],
  needs: ColumnNeeds,
): PreparedColumn {
  let days: Float64Array | undefined;
  let ymd: Int32Array | undefined;
  if (needs.dates) {
    days = new Float64Array(dictionary.length);
    ymd = new Int32Array(dictionary.length);
    dictionary.forEach((value, id) => {
      const iso = isoDate(value);
      (days as Float64Array)[id] =
        iso === undefined ? Number.NaN : Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
      (ymd as Int32Array)[id] = iso === undefined ? 0 : Number(iso.replaceAll('-', ''));
    });
  }
  const numbers = needs.numbers
    ? Float64Array.from(dictionary, (value) => (value.trim() === '' ? Number.NaN : Number(value)))
    : undefined;

  let frequencies: Float64Array | undefined;
  let otherFrequency = Number.NaN;
  if (needs.frequencies !== undefined) {
    frequencies = new Float64Array(dictionary.length);
    if (needs.frequencies === null) {
      const counts = new Float64Array(dictionary.length);
      let withValue = 0;
      for (let i = 0; i < size; i++) {
        const from = offsets[i] as number;
        const to = offsets[i + 1] as number;
        if (to > from) withValue++;
        for (let k = from; k < to; k++)
          counts[values[k] as number] = (counts[values[k] as number] ?? 0) + 1;
      }
      const total = Math.max(1, withValue);
      for (let id = 0; id < counts.length; id++) frequencies[id] = (counts[id] ?? 0) / total;
      otherFrequency = 1 / total;
    } else {
      const table = needs.frequencies;
      dictionary.forEach((value, id) => {
        (frequencies as Float64Array)[id] = table.values.get(value) ?? table.other;
      });
      otherFrequency = table.other;
    }
  }
  const sketch = needs.sketch ? sketchOf(dictionary) : undefined;
  return Object.freeze({
    offsets,
    values,
    dictionary,
    days,
    ymd,
    numbers,
    sketch,
    frequencies,
    otherFrequency,
  });
}

/** The number of character classes in a sketch: 26 letters, 10 digits, everything else. */
export const SKETCH_WIDTH = 37;

function sketchOf(dictionary: readonly string[]): Uint8Array {
  const out = new Uint8Array(dictionary.length * SKETCH_WIDTH);
  dictionary.forEach((value, id) => {
    const base = id * SKETCH_WIDTH;
    for (let k = 0; k < value.length; k++) {
      const c = value.charCodeAt(k) | 0x20;
      const slot = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + c - 48 : 36;
      // Saturating counts keep the overlap an upper bound.
      if ((out[base + slot] as number) < 255) out[base + slot] = (out[base + slot] as number) + 1;
    }
  });
  return out;
}

/**
 * The transformed values of one record for one model input, as strings.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, recordValues } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'n', field: 'name', levels: [{ kind: 'exact', transform: ['nickname'] }, { kind: 'else' }] }] });
 * const data = prepareRecords(model, [{ name: 'Bob' }]);
 * console.log(recordValues(data, 0, 0)); // [ 'bob', 'robert' ]
 * ```
 */
export function recordValues(
  data: PreparedRecords,
  input: number,
  record: number,
): readonly string[] {
  const column = data.columns[input];
  if (column === undefined) return [];
  const out: string[] = [];
  for (let k = column.offsets[record] as number; k < (column.offsets[record + 1] as number); k++) {
    out.push(column.dictionary[column.values[k] as number] as string);
  }
  return out;
}

/**
 * Prepared records as plain data (typed arrays, strings and numbers), to send to a worker
 * thread or another process and restore there with {@link restorePrepared}.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, preparedSnapshot, restorePrepared } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * const data = prepareRecords(model, [{ e: 'x' }, { e: 'x' }]);
 * const copy = restorePrepared(model, structuredClone(preparedSnapshot(data)));
 * console.log(copy.size, copy.columns[0]?.dictionary); // 2 [ 'x' ]
 * ```
 */
export interface PreparedSnapshot {
  readonly size: number;
  readonly ids: readonly string[];
  readonly sources: Uint8Array;
  readonly mode: PreparedRecords['mode'];
  readonly columns: readonly PreparedColumn[];
}

/**
 * The plain-data part of prepared records; see {@link PreparedSnapshot}.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, preparedSnapshot } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * console.log(preparedSnapshot(prepareRecords(model, [{ e: 'x' }])).size); // 1
 * ```
 */
export function preparedSnapshot(data: PreparedRecords): PreparedSnapshot {
  return {
    size: data.size,
    ids: data.ids,
    sources: data.sources,
    mode: data.mode,
    columns: data.columns,
  };
}

/**
 * Prepared records rebuilt from a snapshot, for a model compiled from the same spec (the
 * columns are matched to the model's inputs by position, so the spec must be identical).
 *
 * @throws {@link ThreadlineError} with code `invalid_input` when the snapshot does not fit the
 * model.
 * @example
 * ```ts
 * import { compileModel, prepareRecords, preparedSnapshot, restorePrepared } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * const data = restorePrepared(model, preparedSnapshot(prepareRecords(model, [{ e: 'x' }])));
 * console.log(data.mode); // dedupe
 * ```
 */
export function restorePrepared(model: CompiledModel, snapshot: PreparedSnapshot): PreparedRecords {
  // Ids may be left out of a snapshot (scoring does not need them).
  if (
    snapshot.columns.length !== model.inputs.length ||
    (snapshot.ids.length !== snapshot.size && snapshot.ids.length !== 0)
  ) {
    throw new ThreadlineError('invalid_input', 'The snapshot was prepared for another model', [
      {
        code: 'snapshot_mismatch',
        path: ['columns'],
        message: `expected ${model.inputs.length} columns, got ${snapshot.columns.length}`,
      },
    ]);
  }
  return Object.freeze({
    model,
    size: snapshot.size,
    ids: snapshot.ids,
    sources: snapshot.sources,
    mode: snapshot.mode,
    columns: snapshot.columns,
    record: () => undefined,
    memo: new Map(),
  });
}

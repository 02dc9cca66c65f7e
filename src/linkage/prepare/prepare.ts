import { ThreadlineError } from '../../core/errors.js';
import type { CompiledModel } from '../compile/compile.js';
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
  const right = options.right;
  const leftSize = records.length;
  const size = leftSize + (right?.length ?? 0);
  const at = (i: number): LinkRecord | undefined =>
    i < leftSize ? records[i] : right?.[i - leftSize];
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
  const memo = options.memo ?? newNormalizationMemo();
  // Inputs reading the same field share one pass over the records.
  const byField = new Map<string, number[]>();
  model.inputs.forEach((input, k) => {
    const list = byField.get(input.field);
    if (list === undefined) byField.set(input.field, [k]);
    else list.push(k);
  });
  const columns: PreparedColumn[] = new Array(model.inputs.length);
  for (const [field, inputs] of byField) {
    const builders = inputs.map(
      (k) =>
        new ColumnBuilder(
          size,
          (model.inputs[k] as CompiledModel['inputs'][number]).apply,
          needsOf(model, k, tfInputs),
          memo,
        ),
    );
    for (let i = 0; i < size; i++) {
      const raw = rawValues(at(i)?.[field]);
      for (const builder of builders) builder.add(i, raw);
    }
    inputs.forEach((k, b) => {
      columns[k] = (builders[b] as ColumnBuilder).finish();
    });
  }

  const mode =
    right === undefined
      ? 'dedupe'
      : options.dedupeWithinSources === true
        ? 'link_and_dedupe'
        : 'link';
  return Object.freeze({ model, size, ids, sources, mode, columns, record: at, memo: new Map() });
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
  const builder = new ColumnBuilder(size, apply, needs, memo);
  for (let i = 0; i < size; i++) builder.add(i, rawValues(read(i)));
  return builder.finish();
}

/** Builds one column record by record; several builders can share one read of a field. */
class ColumnBuilder {
  readonly #size: number;
  readonly #apply: (values: readonly string[], memo?: NormalizationMemo) => readonly string[];
  readonly #needs: ColumnNeeds;
  readonly #memo: NormalizationMemo;
  readonly #offsets: Uint32Array;
  #values: Int32Array;
  #length = 0;
  readonly #dictionary: string[] = [];
  readonly #idOf = new Map<string, number>();
  // Records often repeat raw values (a city, a surname): transform each distinct raw value
  // once. For near-unique values (emails, phones) the cache only costs memory, so it stops
  // when the first records rarely repeat.
  readonly #transformed = new Map<string, readonly string[]>();
  #caching = true;
  #hits = 0;

  constructor(
    size: number,
    apply: (values: readonly string[], memo?: NormalizationMemo) => readonly string[],
    needs: ColumnNeeds,
    memo: NormalizationMemo,
  ) {
    this.#size = size;
    this.#apply = apply;
    this.#needs = needs;
    this.#memo = memo;
    this.#offsets = new Uint32Array(size + 1);
    this.#values = new Int32Array(Math.max(16, size));
  }

  add(i: number, raw: readonly string[]): void {
    this.#offsets[i] = this.#length;
    let out: readonly string[];
    if (this.#caching && raw.length === 1) {
      const value = raw[0] as string;
      const cached = this.#transformed.get(value);
      if (cached === undefined) {
        out = this.#apply(raw, this.#memo);
        if (this.#transformed.size < 2_000_000) this.#transformed.set(value, out);
      } else {
        out = cached;
        this.#hits++;
      }
      if (i === 20_000 && this.#hits < 5_000) {
        this.#caching = false;
        this.#transformed.clear();
      }
    } else out = this.#apply(raw, this.#memo);
    for (const value of out) {
      let id = this.#idOf.get(value);
      if (id === undefined) {
        id = this.#dictionary.length;
        this.#dictionary.push(value);
        this.#idOf.set(value, id);
      }
      if (this.#length === this.#values.length) {
        const grown = new Int32Array(this.#values.length * 2);
        grown.set(this.#values);
        this.#values = grown;
      }
      this.#values[this.#length++] = id;
    }
  }

  finish(): PreparedColumn {
    const offsets = this.#offsets;
    offsets[this.#size] = this.#length;
    return finishColumn(
      this.#size,
      offsets,
      this.#values.slice(0, this.#length),
      this.#dictionary,
      this.#needs,
    );
  }
}

function finishColumn(
  size: number,
  offsets: Uint32Array,
  values: Int32Array,
  dictionary: string[],
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

import { ThreadlineError } from '../../core/errors.js';
import { type CompiledModel, dayNumber } from '../compile/compile.js';
import { rawValues } from '../transform/transform.js';

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
 * Records read once through every input of a model: the transformed values of each record,
 * their numeric views, and term frequencies. Make it with {@link prepareRecords}; blocking,
 * training, prediction and explanation all read it.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'email', field: 'email', levels: [{ kind: 'exact', transform: ['email'] }, { kind: 'else' }] }] });
 * const data = prepareRecords(model, [{ id: 'a', email: 'Ana@Example.com' }, { id: 'b', email: 'ana@example.com' }]);
 * console.log(data.size, data.columns[0]?.[0]); // 2 [ 'ana@example.com' ]
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
  /** Per model input, per record: the transformed values (empty: no value). */
  readonly columns: readonly (readonly (readonly string[])[])[];
  /** Per model input with a numeric view: the first value as a number (NaN: none). */
  readonly numbers: readonly (Float64Array | undefined)[];
  /** Per model input used by a term-frequency level: how often each value occurs. */
  readonly frequencies: readonly (FrequencyTable | undefined)[];
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
}

/**
 * Reads records through a model's inputs once, so that every later step compares prepared
 * values. Deduplicates one source, or links `records` (left) with `options.right`.
 *
 * @throws {@link ThreadlineError} with code `invalid_input` when two records share an id.
 * @example
 * ```ts
 * import { compileModel, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'phone', field: 'phone', levels: [{ kind: 'exact', transform: ['phone'] }, { kind: 'else' }] }], region: 'US' });
 * const data = prepareRecords(model, [{ id: 'f1', phone: '310/246-1501' }], { right: [{ id: 'z1', phone: '310-246-1501' }] });
 * console.log(data.mode, data.columns[0]); // link [ [ '+13102461501' ], [ '+13102461501' ] ]
 * ```
 */
export function prepareRecords(
  model: CompiledModel,
  records: readonly LinkRecord[],
  options: PrepareOptions = {},
): PreparedRecords {
  const all = options.right === undefined ? records : [...records, ...options.right];
  const size = all.length;
  const idField = options.idField ?? 'id';
  const sources = new Uint8Array(size);
  if (options.right !== undefined) sources.fill(1, records.length);

  const ids: string[] = new Array(size);
  const seen = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const raw = all[i]?.[idField];
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

  // Records often repeat raw values (a city, a surname): transform each distinct raw value once.
  const columns = model.inputs.map((input) => {
    const cache = new Map<string, readonly string[]>();
    const column: (readonly string[])[] = new Array(size);
    for (let i = 0; i < size; i++) {
      const raw = rawValues(all[i]?.[input.field]);
      if (raw.length === 1) {
        const value = raw[0] as string;
        let out = cache.get(value);
        if (out === undefined) {
          out = input.apply(raw);
          if (cache.size < 1_000_000) cache.set(value, out);
        }
        column[i] = out;
      } else {
        column[i] = input.apply(raw);
      }
    }
    return column;
  });

  const numbers = model.inputs.map((input, k) => {
    if (input.numeric === undefined) return undefined;
    const column = columns[k] ?? [];
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const first = column[i]?.[0];
      out[i] =
        input.numeric === 'date'
          ? dayNumber(first)
          : first === undefined
            ? Number.NaN
            : Number(first);
    }
    return out;
  });

  const tfInputs = new Set<number>();
  for (const comparison of model.comparisons) {
    for (const level of comparison.levels)
      if (level.tf !== undefined && level.input >= 0) tfInputs.add(level.input);
  }
  const frequencies = model.inputs.map((_, k): FrequencyTable | undefined => {
    if (!tfInputs.has(k)) return undefined;
    const fromModel = model.termFrequencies.get(k);
    if (fromModel !== undefined) return fromModel;
    return termFrequencies(columns[k] ?? []);
  });

  const mode =
    options.right === undefined
      ? 'dedupe'
      : options.dedupeWithinSources === true
        ? 'link_and_dedupe'
        : 'link';
  return Object.freeze({ model, size, ids, sources, mode, columns, numbers, frequencies });
}

/** Counts how often each value occurs: the share of records with a value that have it. */
export function termFrequencies(column: readonly (readonly string[])[]): FrequencyTable {
  const counts = new Map<string, number>();
  let withValue = 0;
  for (const values of column) {
    if (values.length === 0) continue;
    withValue++;
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const total = Math.max(1, withValue);
  const values = new Map<string, number>();
  for (const [value, count] of counts) values.set(value, count / total);
  return { values, other: 1 / total };
}

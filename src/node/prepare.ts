import { availableParallelism } from 'node:os';
import type { CompiledModel } from '../linkage/compile/compile.js';
import {
  assemblePrepared,
  type ColumnPart,
  type LinkRecord,
  type PreparedRecords,
  type PrepareOptions,
  prepareColumnParts,
  prepareRecords,
} from '../linkage/prepare/prepare.js';
import { newNormalizationMemo, rawValues } from '../linkage/transform/transform.js';
import { runWorker, threadCount } from './threads.js';

/**
 * Options for {@link prepareRecordsInParallel}: those of `prepareRecords`, and how many threads
 * to use.
 */
export interface ParallelPrepareOptions extends PrepareOptions {
  /** Threads, this one included (default: the machine's available parallelism, at most 8). */
  readonly threads?: number;
  /**
   * Below this many records everything runs on this thread (default 50,000): starting a thread
   * and copying the records to it costs more than it saves on small inputs.
   */
  readonly minRecords?: number;
}

/** A share of the records for a worker: the raw values of each field the model reads. */
export interface PrepareTask {
  /** Tells the worker what to do. */
  readonly task: 'prepare';
  /** The model's inputs, as data: the thread compiles their transforms itself. */
  readonly inputs: readonly { readonly field: string; readonly transform: unknown }[];
  /** The model's phone region, which the transforms need. */
  readonly region: string | undefined;
  /** How many records the share holds. */
  readonly size: number;
  /** Per field read, the share's raw values in record order. */
  readonly fields: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * Prepares records as `prepareRecords` does, reading equal shares of the records on several
 * threads (this one takes the first share). The result is the same value `prepareRecords`
 * returns: the shares are joined in record order, with dictionary ids in order of first
 * occurrence. Small inputs are prepared on this thread alone.
 */
export async function prepareRecordsInParallel(
  model: CompiledModel,
  records: readonly LinkRecord[],
  options: ParallelPrepareOptions = {},
): Promise<PreparedRecords> {
  const { threads: wanted, minRecords = 50_000, ...rest } = options;
  const threads = threadCount(wanted, availableParallelism());
  const size = records.length + (rest.right?.length ?? 0);
  if (threads === 1 || size < minRecords || model.inputs.length === 0) {
    return prepareRecords(model, records, rest);
  }
  const at = (i: number): LinkRecord | undefined =>
    i < records.length ? records[i] : rest.right?.[i - records.length];
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.round((size * t) / threads));
  const fields = [...new Set(model.inputs.map((input) => input.field))];
  const inputs = model.inputs.map((input) => ({ field: input.field, transform: input.transform }));
  const jobs: Promise<ColumnPart[]>[] = [];
  for (let t = 1; t < threads; t++) {
    const from = bounds[t] as number;
    const to = bounds[t + 1] as number;
    const share: Record<string, unknown[]> = Object.create(null);
    for (const field of fields) {
      const column: unknown[] = new Array(to - from);
      for (let i = from; i < to; i++) column[i - from] = plain(at(i)?.[field]);
      share[field] = column;
    }
    const task: PrepareTask = {
      task: 'prepare',
      inputs,
      region: model.spec.region,
      size: to - from,
      fields: share,
    };
    jobs.push(runWorker<ColumnPart[]>(task));
  }
  const first = prepareColumnParts(
    model.inputs,
    bounds[1] as number,
    (field, r) => at(r)?.[field],
    rest.memo ?? newNormalizationMemo(),
  );
  const others = await Promise.all(jobs);
  const { memo: _memo, ...assembleOptions } = rest;
  return assemblePrepared(model, records, [first, ...others], assembleOptions);
}

/**
 * A raw field value as plain data a thread can receive, read the same way: scalars as they
 * are, anything else as the list of strings `rawValues` reads from it.
 */
function plain(value: unknown): unknown {
  if (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  return rawValues(value);
}

import type { CompiledModel } from '../linkage/compile/compile.js';
import { compileModel } from '../linkage/compile/compile.js';
import type { LinkRecord } from '../linkage/prepare/prepare.js';
import type { ModelSpec, ModelSpecInput } from '../linkage/spec/spec.js';
import {
  type TrainedModel,
  type TrainOptions,
  trainingSpec,
  trainModel,
} from '../linkage/train/train.js';
import { prepareRecordsInParallel } from './prepare.js';

/** Options for {@link trainModelInParallel}: those of `trainModel`, and how many threads to use. */
export interface ParallelTrainOptions extends Omit<TrainOptions, 'prepared'> {
  /** Threads, this one included (default: the machine's available parallelism, at most 8). */
  readonly threads?: number;
  /** Below this many records everything runs on this thread (default 50,000). */
  readonly minRecords?: number;
}

/**
 * Trains a model as `trainModel` does, reading (normalizing) the records on several threads
 * first. The result is the same as `trainModel`'s.
 */
export async function trainModelInParallel(
  spec: ModelSpecInput | ModelSpec,
  records: readonly LinkRecord[],
  options: ParallelTrainOptions = {},
): Promise<TrainedModel> {
  const { threads, minRecords, ...train } = options;
  const model: CompiledModel = compileModel(
    trainingSpec(spec, train),
    train.predicates === undefined ? {} : { predicates: train.predicates },
  );
  const prepared = await prepareRecordsInParallel(model, records, {
    ...(threads === undefined ? {} : { threads }),
    ...(minRecords === undefined ? {} : { minRecords }),
    ...(train.idField === undefined ? {} : { idField: train.idField }),
    ...(train.right === undefined ? {} : { right: train.right }),
    ...(train.dedupeWithinSources === undefined
      ? {}
      : { dedupeWithinSources: train.dedupeWithinSources }),
  });
  return trainModel(spec, records, { ...train, prepared });
}

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { PreparedRecords } from '../linkage/prepare/prepare.js';
import { preparedSnapshot } from '../linkage/prepare/prepare.js';
import type { WorkerResult } from './parallel.js';
import { startWorker, threadCount } from './threads.js';

/**
 * Scoring threads started early, while this thread is still training: each receives the
 * prepared records once and builds every blocking rule's keys and blocks in the meantime, so
 * that `predictInParallel` (given them as `session`) only sends the trained model. Close them
 * when done.
 */
export interface ScoringSession {
  /** Threads, this one included. */
  readonly threads: number;
  /** Stops the threads. */
  close(): Promise<void>;
  /**
   * Scores one share of the blocks on each thread of the session, for records bound from the
   * session's records; undefined when the records are not (then score them another way).
   *
   * @internal
   */
  score(
    data: PreparedRecords,
    options: unknown,
    shares: readonly { readonly index: number; readonly count: number }[],
  ): Promise<WorkerResult>[] | undefined;
}

/** What a session thread answers: a result, or why it could not score. */
export type SessionAnswer =
  | { readonly ok: true; readonly result: WorkerResult }
  | { readonly ok: false; readonly reason: string };

/** The first message of a session thread. */
export interface SessionTask {
  /** Tells the worker what to do. */
  readonly task: 'session';
  /** The spec the records were prepared for. */
  readonly spec: PreparedRecords['model']['spec'];
  /** The prepared records, without ids. */
  readonly snapshot: ReturnType<typeof preparedSnapshot>;
  /** The block size scoring will use (default 5,000), to count each rule's pairs ahead. */
  readonly maxBlockSize: number | undefined;
}

/**
 * Starts scoring threads for records prepared (for training, say) before the model is known.
 * Models with custom predicates cannot cross threads: for them, and with one thread, the
 * session holds no thread and scoring runs here.
 */
export function startScoringSession(
  training: PreparedRecords,
  options: { readonly threads?: number; readonly maxBlockSize?: number } = {},
): ScoringSession {
  const threads = threadCount(options.threads, availableParallelism());
  const custom = training.model.comparisons.some((c) => c.levels.some((l) => l.kind === 'custom'));
  const workers: Worker[] = [];
  if (!custom) {
    const task: SessionTask = {
      task: 'session',
      spec: training.model.spec,
      snapshot: { ...preparedSnapshot(training), ids: [] },
      maxBlockSize: options.maxBlockSize,
    };
    for (let t = 1; t < threads; t++) workers.push(startWorker(task));
  }
  const columns = new Set(training.columns);
  return {
    threads: workers.length + 1,
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
    score(data, scoreOptions, shares) {
      // The threads hold the session's columns: records bound from them (every column one of
      // the session's) can be rebuilt there from the model alone.
      if (
        workers.length === 0 ||
        shares.length !== workers.length ||
        data.size !== training.size ||
        data.memo !== training.memo ||
        !data.columns.every((column) => columns.has(column))
      )
        return undefined;
      return workers.map(
        (worker, w) =>
          new Promise<WorkerResult>((resolve, reject) => {
            const onError = (error: unknown) => reject(error);
            worker.once('error', onError);
            worker.once('message', (answer: SessionAnswer) => {
              worker.off('error', onError);
              if (answer.ok) resolve(answer.result);
              else reject(new Error(answer.reason));
            });
            worker.postMessage({
              spec: data.model.spec,
              options: { ...(scoreOptions as object), partition: shares[w] },
            });
          }),
      );
    },
  };
}

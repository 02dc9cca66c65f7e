import { availableParallelism } from 'node:os';
import type { BlockingReport } from '../linkage/blocking/blocking.js';
import { type Predictions, type PredictOptions, predict } from '../linkage/predict/predict.js';
import type { PreparedRecords } from '../linkage/prepare/prepare.js';
import { preparedSnapshot } from '../linkage/prepare/prepare.js';
import type { ScoringSession } from './scoring.js';
import { runWorker, threadCount } from './threads.js';

/**
 * Options for {@link predictInParallel}: those of `predict`, and how many threads to use.
 */
export interface ParallelPredictOptions extends Omit<PredictOptions, 'partition'> {
  /** Threads, this one included (default: the machine's available parallelism, at most 8). */
  readonly threads?: number;
  /**
   * Below this many records everything runs on this thread (default 100,000): starting a
   * thread and copying the columns costs more than it saves on small inputs.
   */
  readonly minRecords?: number;
  /**
   * Threads started earlier (see {@link startScoringSession}) for the records these were bound
   * from: they already hold the columns and blocks, and score with as many threads as they
   * have (`threads` and `minRecords` are then not used).
   */
  readonly session?: ScoringSession;
}

/** What the worker sends back. */
export interface WorkerResult {
  readonly left: Uint32Array;
  readonly right: Uint32Array;
  readonly weights: Float64Array;
  readonly scored: number;
  readonly blocking: BlockingReport;
}

/**
 * Scores the candidate pairs on several threads: each takes an equal share of the blocks. The
 * result holds the same pairs and weights as `predict` (in another order). Models with custom
 * predicates (functions cannot cross threads) are scored on this thread alone.
 */
export async function predictInParallel(
  data: PreparedRecords,
  options: ParallelPredictOptions = {},
): Promise<Predictions> {
  const { threads: wanted, minRecords = 100_000, session, ...rest } = options;
  if (session?.threads === 1) return predict(data, rest);
  const parts = session === undefined ? undefined : await scoreInSession(data, rest, session);
  if (parts !== undefined) return joinParts(data, parts);
  const threads = threadCount(wanted, availableParallelism());
  const custom = data.model.comparisons.some((c) => c.levels.some((l) => l.kind === 'custom'));
  if (threads === 1 || custom || data.size < minRecords) return predict(data, rest);
  const snapshot = { ...preparedSnapshot(data), ids: [] };
  const jobs: Promise<WorkerResult>[] = [];
  for (let index = 1; index < threads; index++) {
    jobs.push(
      runWorker<WorkerResult>({
        task: 'predict',
        spec: data.model.spec,
        snapshot,
        options: { ...rest, partition: { index, count: threads } },
      }),
    );
  }
  const mine = predict(data, { ...rest, partition: { index: 0, count: threads } });
  const theirs = await Promise.all(jobs);
  return joinParts(data, [mine, ...theirs]);
}

/**
 * Scores share 0 here and the others on the session's threads; a share a thread cannot score
 * is scored here. Undefined when the session cannot score these records at all.
 */
async function scoreInSession(
  data: PreparedRecords,
  options: Omit<PredictOptions, 'partition'>,
  session: ScoringSession,
): Promise<WorkerResult[] | undefined> {
  const count = session.threads;
  const custom = data.model.comparisons.some((c) => c.levels.some((l) => l.kind === 'custom'));
  if (count === 1 || custom) return undefined;
  const shares = Array.from({ length: count - 1 }, (_, k) => ({ index: k + 1, count }));
  const jobs = session.score(data, options, shares);
  if (jobs === undefined) return undefined;
  const mine = predict(data, { ...options, partition: { index: 0, count } });
  const theirs = await Promise.all(
    jobs.map((job, k) =>
      job.catch(() =>
        predict(data, { ...options, partition: shares[k] as { index: number; count: number } }),
      ),
    ),
  );
  return [mine, ...theirs];
}

function joinParts(data: PreparedRecords, parts: readonly WorkerResult[]): Predictions {
  const mine = parts[0] as WorkerResult;
  const total = parts.reduce((n, p) => n + p.weights.length, 0);
  const left = new Uint32Array(total);
  const right = new Uint32Array(total);
  const weights = new Float64Array(total);
  let at = 0;
  for (const part of parts) {
    left.set(part.left, at);
    right.set(part.right, at);
    weights.set(part.weights, at);
    at += part.weights.length;
  }
  const rules = mine.blocking.rules.map((rule, r) => ({
    ...rule,
    pairs: parts.reduce((n, p) => n + (p.blocking.rules[r]?.pairs ?? 0), 0),
  }));
  return {
    data,
    left,
    right,
    weights,
    scored: parts.reduce((n, p) => n + p.scored, 0),
    blocking: { rules, pairs: rules.reduce((n, r) => n + r.pairs, 0) },
  };
}

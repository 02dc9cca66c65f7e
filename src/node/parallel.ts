import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BlockingReport } from '../linkage/blocking/blocking.js';
import { type Predictions, type PredictOptions, predict } from '../linkage/predict/predict.js';
import type { PreparedRecords } from '../linkage/prepare/prepare.js';
import { preparedSnapshot } from '../linkage/prepare/prepare.js';

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
}

/** What the worker sends back. */
export interface WorkerResult {
  readonly left: Uint32Array;
  readonly right: Uint32Array;
  readonly weights: Float64Array;
  readonly scored: number;
  readonly blocking: BlockingReport;
}

function startWorker(message: unknown): Worker {
  // Built, the worker sits beside this module as JavaScript. From source (tests, tsx) it is
  // TypeScript: the thread first registers tsx's loader, then imports it.
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker.js', import.meta.url), { workerData: message });
  }
  const source = new URL('./worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: message });
}

function runWorker(message: unknown): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(message);
    worker.once('message', (result: WorkerResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the scoring worker stopped with code ${code}`));
    });
  });
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
  const { threads: wanted, minRecords = 100_000, ...rest } = options;
  const threads = Math.max(1, Math.min(8, Math.floor(wanted ?? availableParallelism())));
  const custom = data.model.comparisons.some((c) => c.levels.some((l) => l.kind === 'custom'));
  if (threads === 1 || custom || data.size < minRecords) return predict(data, rest);
  const snapshot = { ...preparedSnapshot(data), ids: [] };
  const jobs: Promise<WorkerResult>[] = [];
  for (let index = 1; index < threads; index++) {
    jobs.push(
      runWorker({
        spec: data.model.spec,
        snapshot,
        options: { ...rest, partition: { index, count: threads } },
      }),
    );
  }
  const mine = predict(data, { ...rest, partition: { index: 0, count: threads } });
  const theirs = await Promise.all(jobs);
  const parts: WorkerResult[] = [mine, ...theirs];
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

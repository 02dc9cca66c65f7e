// A scoring thread: rebuilds the prepared records from a snapshot and scores its share of the
// blocks. Started by predictInParallel.
import { parentPort, workerData } from 'node:worker_threads';
import { compileModel } from '../linkage/compile/compile.js';
import { type PredictOptions, predict } from '../linkage/predict/predict.js';
import { type PreparedSnapshot, restorePrepared } from '../linkage/prepare/prepare.js';
import type { ModelSpec } from '../linkage/spec/spec.js';

const { spec, snapshot, options } = workerData as {
  spec: ModelSpec;
  snapshot: PreparedSnapshot;
  options: PredictOptions;
};
const data = restorePrepared(compileModel(spec), snapshot);
const result = predict(data, options);
parentPort?.postMessage(
  {
    left: result.left,
    right: result.right,
    weights: result.weights,
    scored: result.scored,
    blocking: result.blocking,
  },
  [
    result.left.buffer as ArrayBuffer,
    result.right.buffer as ArrayBuffer,
    result.weights.buffer as ArrayBuffer,
  ],
);

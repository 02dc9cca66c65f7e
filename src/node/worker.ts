// A worker thread: prepares a share of the records, or scores a share of the blocks. Started
// by prepareRecordsInParallel and predictInParallel.
import { parentPort, workerData } from 'node:worker_threads';
import { rawPairCount } from '../linkage/blocking/blocking.js';
import { compileModel } from '../linkage/compile/compile.js';
import { type PredictOptions, predict } from '../linkage/predict/predict.js';
import {
  bindModel,
  type PreparedRecords,
  type PreparedSnapshot,
  prepareColumnParts,
  restorePrepared,
} from '../linkage/prepare/prepare.js';
import type { ModelSpec, TransformSpec } from '../linkage/spec/spec.js';
import { compileChain } from '../linkage/transform/transform.js';
import type { RegionCode } from '../normalize/phone/phone.js';
import type { PrepareTask } from './prepare.js';
import type { SessionAnswer, SessionTask } from './scoring.js';

interface PredictTask {
  readonly task: 'predict';
  readonly spec: ModelSpec;
  readonly snapshot: PreparedSnapshot;
  readonly options: PredictOptions;
}

const message = workerData as PrepareTask | PredictTask | SessionTask;

function scored(data: PreparedRecords, options: PredictOptions) {
  const result = predict(data, options);
  return {
    message: {
      left: result.left,
      right: result.right,
      weights: result.weights,
      scored: result.scored,
      blocking: result.blocking,
    },
    transfer: [
      result.left.buffer as ArrayBuffer,
      result.right.buffer as ArrayBuffer,
      result.weights.buffer as ArrayBuffer,
    ],
  };
}

if (message.task === 'prepare') {
  const context = message.region === undefined ? {} : { region: message.region as RegionCode };
  const inputs = message.inputs.map((input) => ({
    field: input.field,
    apply: compileChain(input.transform as readonly TransformSpec[] | undefined, context),
  }));
  const parts = prepareColumnParts(inputs, message.size, (field, r) => message.fields[field]?.[r]);
  parentPort?.postMessage(
    parts.map(({ offsets, values, dictionary }) => ({ offsets, values, dictionary })),
    parts.flatMap((part) => [
      part.offsets.buffer as ArrayBuffer,
      part.values.buffer as ArrayBuffer,
    ]),
  );
} else if (message.task === 'session') {
  const training = restorePrepared(compileModel(message.spec), message.snapshot);
  // While the other thread trains: every rule's keys and blocks, kept in the records' memo,
  // which records bound to the trained model share.
  training.model.blocking.forEach((_, rule) => {
    rawPairCount(training, rule, message.maxBlockSize ?? 5_000);
  });
  const columns = new Set(training.columns);
  parentPort?.on('message', (request: { spec: ModelSpec; options: PredictOptions }) => {
    const data = bindModel(training, compileModel(request.spec));
    // This thread cannot read records: every column must be one it holds.
    if (!data.columns.every((column) => columns.has(column))) {
      const answer: SessionAnswer = { ok: false, reason: 'the model reads other columns' };
      parentPort?.postMessage(answer);
      return;
    }
    const { message: result, transfer } = scored(data, request.options);
    const answer: SessionAnswer = { ok: true, result };
    parentPort?.postMessage(answer, transfer);
  });
} else {
  const data = restorePrepared(compileModel(message.spec), message.snapshot);
  const { message: result, transfer } = scored(data, message.options);
  parentPort?.postMessage(result, transfer);
}

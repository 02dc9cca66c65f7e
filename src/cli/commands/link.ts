/**
 * `threadline link LEFT RIGHT --id COL`: finds the records of two files that belong to the same
 * person and writes `left_id,right_id,probability` for each linked pair, strongest first.
 */
import { evaluatePredictions, scoredPairs } from '../../linkage/index.js';
import { predictInParallel } from '../../node/parallel.js';
import type { CommonOptions } from '../args.js';
import {
  type CliContext,
  checkOutputs,
  count,
  obtainModel,
  printSummary,
  readSource,
  reportAccuracy,
  writeRows,
} from '../pipeline.js';

/**
 * The two files of a `link` run and their id columns.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { LinkInputs } from './commands/link.js';
 *
 * const inputs: LinkInputs = { left: 'crm.csv', right: 'helpdesk.jsonl', leftId: 'id', rightId: 'user_id' };
 * console.log(inputs.rightId);
 * ```
 */
export interface LinkInputs {
  readonly left: string;
  readonly right: string;
  readonly leftId: string;
  readonly rightId: string;
}

/**
 * Runs `link`: read both files, train (or load) a model on them, score the candidate pairs
 * across the files, write the pairs at or above the threshold, strongest first (ties in input
 * order).
 *
 * @param inputs - the files and their id columns.
 * @param options - the checked common options.
 * @param cli - streams and progress.
 * @returns the exit status (0).
 *
 * @example
 * ```ts
 * // from src/cli
 * import { runLink } from './commands/link.js';
 *
 * await runLink({ left: 'a.csv', right: 'b.csv', leftId: 'rec_id', rightId: 'rec_id' }, options, cli);
 * ```
 */
export async function runLink(
  inputs: LinkInputs,
  options: CommonOptions,
  cli: CliContext,
): Promise<number> {
  await checkOutputs(options);
  const left = await readSource(inputs.left, inputs.leftId, options.truth, cli);
  const right = await readSource(inputs.right, inputs.rightId, options.truth, cli);
  const ids = [inputs.leftId, inputs.rightId];
  const { data } = await obtainModel([left, right], ids, options, cli);
  const threshold = { probability: options.threshold };

  cli.progress.start('score', `scoring candidate pairs of ${count(data.size)} records`);
  const predictions = await predictInParallel(data, { threshold });
  const pairs = scoredPairs(predictions);
  cli.progress.end();

  const rows = function* () {
    for (const pair of pairs) yield [pair.leftId, pair.rightId, pair.probability] as const;
  };
  const written = await writeRows(options.out, ['left_id', 'right_id', 'probability'], rows(), cli);

  if (options.truth !== undefined && left.truth !== undefined && right.truth !== undefined) {
    const truth = [...left.truth, ...right.truth];
    cli.progress.start('evaluate', 'evaluating');
    const evaluation = evaluatePredictions(
      predictions,
      { key: (_id, i) => truth[i] ?? '' },
      { thresholds: [options.threshold], maxErrors: 0 },
    );
    cli.progress.end();
    cli.progress.clear();
    reportAccuracy(evaluation.best, options.truth, 'pairs across the files', cli);
  }

  printSummary(
    'link',
    [
      ['records', `${count(left.records.length)} + ${count(right.records.length)}`],
      ['candidate pairs', count(predictions.scored)],
      ['links', `${count(pairs.length)} at probability >= ${options.threshold}`],
      ['output', `${options.out ?? 'standard output'} (${count(written)} rows)`],
    ],
    cli,
  );
  return 0;
}

/**
 * `threadline dedupe FILE --id COL`: groups the records of one file that belong to the same
 * person and writes `id,cluster_id` for every record.
 */
import { clusterPredictions, evaluateClusters } from '../../linkage/index.js';
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
 * Runs `dedupe`: read, train (or load) a model, score candidate pairs, cluster, write one row
 * per record in input order. A cluster's id is the id of its first record in the file, so it
 * stays the same when the same file is deduplicated again.
 *
 * @param file - the input file.
 * @param id - the id column.
 * @param options - the checked common options.
 * @param cli - streams and progress.
 * @returns the exit status (0).
 *
 * @example
 * ```ts
 * // from src/cli
 * import { runDedupe } from './commands/dedupe.js';
 *
 * await runDedupe('people.csv', 'rec_id', options, cli);
 * ```
 */
export async function runDedupe(
  file: string,
  id: string,
  options: CommonOptions,
  cli: CliContext,
): Promise<number> {
  await checkOutputs(options);
  const source = await readSource(file, id, options.truth, cli);
  const { data } = await obtainModel([source], [id], options, cli);
  const threshold = { probability: options.threshold };

  cli.progress.start('score', `scoring candidate pairs of ${count(data.size)} records`);
  const predictions = await predictInParallel(data, { threshold });
  cli.progress.end();

  cli.progress.start('cluster', 'clustering');
  const clusters = clusterPredictions(predictions, { threshold, bridges: options.bridges });
  cli.progress.end();

  const ids = data.ids;
  const rows = function* () {
    for (let i = 0; i < ids.length; i++) {
      yield [ids[i], ids[clusters.clusterOf[i] as number]] as const;
    }
  };
  const written = await writeRows(options.out, ['id', 'cluster_id'], rows(), cli);

  if (options.truth !== undefined && source.truth !== undefined) {
    const truth = source.truth;
    cli.progress.start('evaluate', 'evaluating');
    const accuracy = evaluateClusters(data, clusters, { key: (_id, i) => truth[i] ?? '' });
    cli.progress.end();
    cli.progress.clear();
    reportAccuracy(accuracy, options.truth, 'record pairs in one cluster', cli);
  }

  const groups = clusters.members.filter((m) => m.length > 1).length;
  const refused =
    options.bridges === 'refuse' && clusters.refusedBridges > 0
      ? `; ${count(clusters.refusedBridges)} weak links refused as bridges between groups`
      : '';
  printSummary(
    'dedupe',
    [
      ['records', count(data.size)],
      ['candidate pairs', count(predictions.scored)],
      ['links', `${count(predictions.weights.length)} at probability >= ${options.threshold}`],
      [
        'clusters',
        `${count(clusters.members.length)} (${count(groups)} with more than one record${refused})`,
      ],
      ['output', `${options.out ?? 'standard output'} (${count(written)} rows)`],
    ],
    cli,
  );
  return 0;
}

/**
 * The steps `dedupe` and `link` share: read the input, decide the evidence columns, train or
 * load the model, save it, write the result, report accuracy and a summary.
 */
import { constants } from 'node:fs';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { ThreadlineError } from '../core/errors.js';
import {
  type Accuracy,
  compileModel,
  type LinkRecord,
  type ModelSpec,
  type PreparedRecords,
  type TrainedModel,
} from '../linkage/index.js';
import { prepareRecordsInParallel } from '../node/prepare.js';
import { trainModelInParallel } from '../node/train.js';
import { type CommonOptions, UsageError } from './args.js';
import { type ColumnDetection, detectColumns, sampleValues } from './detect.js';
import {
  type CellValue,
  createCsvWriter,
  detectFormat,
  type InputRecord,
  openRecordWriter,
  readRecords,
  valueToText,
} from './io/index.js';
import {
  buildSpec,
  type EvidenceColumn,
  evidenceColumns,
  fieldName,
  ID_FIELD,
  loadModel,
  modelFields,
} from './model.js';
import { formatBytes, formatDuration, type Progress } from './progress.js';

/**
 * What a command runs with: the output streams, the progress reporter, and how chatty to be.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { CliContext } from './pipeline.js';
 *
 * const hello = (cli: CliContext) => cli.info('threadline: hello');
 * console.log(typeof hello);
 * ```
 */
export interface CliContext {
  readonly stdout: Writable;
  readonly progress: Progress;
  /** An informational line on stderr (the column listing, the summary); silenced by --quiet. */
  info(line: string): void;
  /** A line on stderr that --quiet keeps: warnings and the --truth accuracy. */
  always(line: string): void;
}

/**
 * One input file, read: the records as written, their ids and truth values in file order, and
 * the column names in the order first seen.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { Source } from './pipeline.js';
 *
 * const size = (s: Source) => s.records.length;
 * console.log(typeof size);
 * ```
 */
export interface Source {
  readonly path: string;
  readonly records: readonly InputRecord[];
  readonly ids: readonly string[];
  /** The --truth value of each record ('' when empty), when --truth is given. */
  readonly truth: readonly string[] | undefined;
  readonly columns: readonly string[];
}

const quote = (text: string) => JSON.stringify(text);

/**
 * A count with thousands separators, the same on every machine whatever its locale.
 *
 * @param n - a non-negative integer.
 * @returns the text.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { count } from './pipeline.js';
 *
 * console.log(count(1234567)); // 1,234,567
 * ```
 */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function columnList(columns: Iterable<string>): string {
  const all = [...columns];
  const shown = all.slice(0, 12).map(quote).join(', ');
  return all.length > 12 ? `${shown} and ${all.length - 12} more` : shown;
}

/**
 * Reads one input file, checking that every record has a unique, non-empty id.
 *
 * @throws {@link UsageError} when the id or truth column is not in the file;
 * {@link ThreadlineError} `invalid_input` naming the file and line of a missing or repeated id,
 * or of malformed input.
 * @example
 * ```ts
 * // from src/cli
 * import { readSource } from './pipeline.js';
 *
 * const source = await readSource('people.csv', 'rec_id', undefined, cli);
 * console.log(source.records.length);
 * ```
 */
export async function readSource(
  path: string,
  idColumn: string,
  truthColumn: string | undefined,
  cli: CliContext,
): Promise<Source> {
  const name = basename(path);
  const tabular = detectFormat(path) !== 'jsonl';
  const records: InputRecord[] = [];
  const ids: string[] = [];
  const truth: string[] | undefined = truthColumn === undefined ? undefined : [];
  const lineOf = new Map<string, number>();
  const columns = new Set<string>();
  let truthSeen = false;
  cli.progress.start('read', `reading ${name}`);
  const onProgress = (read: number, total: number | undefined) => {
    const done = total === undefined || total === 0 ? '' : ` ${Math.floor((100 * read) / total)}%`;
    const size =
      total === undefined ? formatBytes(read) : `${formatBytes(read)} of ${formatBytes(total)}`;
    cli.progress.update(`reading ${name}${done} (${size}, ${count(records.length)} records)`);
  };
  for await (const { record, line } of readRecords(path, { trim: true, onProgress })) {
    // CSV and TSV records all carry every header column; JSONL ones only the keys they have.
    if (!tabular || records.length === 0) for (const key of Object.keys(record)) columns.add(key);
    if (tabular && records.length === 0) {
      for (const column of [idColumn, truthColumn]) {
        if (column !== undefined && !Object.hasOwn(record, column)) {
          throw new UsageError(
            `${path} has no column ${quote(column)}; its columns are ${columnList(columns)}`,
          );
        }
      }
    }
    if (!tabular && records.length === 0 && !Object.hasOwn(record, idColumn)) {
      // Most likely the wrong --id rather than a bad record: say which keys there are.
      throw new UsageError(
        `${path}, line ${line}: no key ${quote(idColumn)} for the id; the record's keys are ${columnList(columns)}`,
      );
    }
    const id = valueToText(record[idColumn]);
    if (id === undefined || id.trim() === '') {
      throw new ThreadlineError(
        'invalid_input',
        `${path}, line ${line}: the record has no id (column ${quote(idColumn)} is ${
          Object.hasOwn(record, idColumn) ? 'empty' : 'missing'
        })`,
      );
    }
    const first = lineOf.get(id);
    if (first !== undefined) {
      throw new ThreadlineError(
        'invalid_input',
        `${path}, line ${line}: the id ${quote(id)} is already used on line ${first}; ids must be unique`,
      );
    }
    lineOf.set(id, line);
    if (truth !== undefined && truthColumn !== undefined) {
      const value = valueToText(record[truthColumn]);
      if (value !== undefined) truthSeen = true;
      truth.push(value?.trim() ?? '');
    }
    records.push(record);
    ids.push(id);
  }
  cli.progress.end();
  if (records.length === 0) {
    throw new ThreadlineError('invalid_input', `${path} has no records`);
  }
  if (!tabular && truthColumn !== undefined && !truthSeen) {
    throw new UsageError(
      `no record of ${path} has the key ${quote(truthColumn)}; its keys are ${columnList(columns)}`,
    );
  }
  return { path, records, ids, truth, columns: [...columns] };
}

/**
 * Decides the kind of every column of the sources (for `link`, columns found in only one file
 * are not evidence), lists the decisions on stderr, and returns the evidence columns.
 *
 * @throws {@link UsageError} when a `--column` names no column of the files, or nothing is left
 * to use as evidence.
 * @example
 * ```ts
 * // from src/cli
 * import { chooseColumns } from './pipeline.js';
 *
 * const evidence = chooseColumns([source], ['rec_id'], options, cli);
 * console.log(evidence.map((c) => c.kind));
 * ```
 */
export function chooseColumns(
  sources: readonly Source[],
  idColumns: readonly string[],
  options: CommonOptions,
  cli: CliContext,
): EvidenceColumn[] {
  const all: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const column of source.columns) {
      if (!seen.has(column)) all.push(column);
      seen.add(column);
    }
  }
  for (const column of options.columns.keys()) {
    if (!seen.has(column)) {
      throw new UsageError(
        `--column ${quote(column)}: no such column in ${sources.map((s) => s.path).join(' or ')}; the columns are ${columnList(all)}`,
      );
    }
  }
  const missingFrom = (column: string) =>
    sources.find((s) => !s.columns.includes(column) && !idColumns.includes(column));
  const onlyIn = (column: string) =>
    basename(sources.find((s) => s.columns.includes(column))?.path ?? '');
  const per = Math.ceil(1000 / sources.length);
  const shared = all.filter((c) => missingFrom(c) === undefined);
  const detected = new Map(
    detectColumns(
      shared.map((name) => ({
        name,
        values: sources.flatMap((s) => sampleValues(s.records, name, per)),
      })),
      {
        overrides: options.columns,
        idColumns,
        ...(options.truth === undefined ? {} : { truthColumn: options.truth }),
      },
    ).map((d) => [d.column, d]),
  );
  const detections: ColumnDetection[] = all.map(
    (column) =>
      detected.get(column) ?? {
        column,
        kind: 'ignore',
        source: 'none',
        note: `only in ${onlyIn(column)}`,
      },
  );
  listColumns(detections, cli);
  const evidence = evidenceColumns(detections);
  if (evidence.length === 0) {
    throw new UsageError(
      `no column can be used as evidence; say what some hold with --column NAME=KIND (the columns are ${columnList(all)})`,
    );
  }
  return evidence;
}

function listColumns(detections: readonly ColumnDetection[], cli: CliContext): void {
  const width = Math.min(28, Math.max(6, ...detections.map((d) => d.column.length)));
  cli.info('threadline: columns');
  for (const d of detections) {
    const kind =
      d.source === 'role'
        ? '-'
        : d.kind === 'ignore'
          ? 'ignored'
          : d.platform === undefined
            ? d.kind
            : `${d.kind}:${d.platform}`;
    const how =
      d.source === 'name' && d.kind !== 'ignore'
        ? 'by name'
        : d.source === 'content'
          ? `by content (${d.note})`
          : d.source === 'none' && !d.note.startsWith('only in') && d.note !== 'no values'
            ? `${d.note}; use --column ${quote(`${d.column}=KIND`)} to use it`
            : d.note;
    const field =
      d.kind !== 'ignore' && fieldName(d.column) !== d.column
        ? ` [field ${fieldName(d.column)}]`
        : '';
    cli.info(`  ${d.column.padEnd(width)}  ${kind.padEnd(14)} ${how}${field}`);
  }
}

/**
 * The records as the engine reads them: the id under {@link ID_FIELD}, and each evidence column
 * under its model field. Nothing else (the truth column in particular) reaches the engine.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { engineRecords } from './pipeline.js';
 *
 * const records = engineRecords(source, new Map([['E-mail', 'E-mail']]));
 * console.log(records.length === source.records.length);
 * ```
 */
export function engineRecords(source: Source, fields: ReadonlyMap<string, string>): LinkRecord[] {
  const pairs = [...fields];
  return source.records.map((record, i) => {
    const out: Record<string, unknown> = Object.create(null);
    out[ID_FIELD] = source.ids[i];
    for (const [column, field] of pairs) out[field] = record[column];
    return out;
  });
}

/**
 * The records prepared for scoring, and the model that scores them: trained here on the
 * records, or loaded from `--model`.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { Model } from './pipeline.js';
 *
 * const trainedHere = (m: Model) => m.trained;
 * console.log(typeof trainedHere);
 * ```
 */
export interface Model {
  readonly data: PreparedRecords;
  readonly spec: ModelSpec;
  readonly trained: boolean;
}

/**
 * Trains a model on the sources, or loads `--model` and prepares the sources for it; saves it
 * with `--save-model`.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { obtainModel } from './pipeline.js';
 *
 * const { data } = await obtainModel([source], ['rec_id'], options, cli);
 * console.log(data.size);
 * ```
 */
export async function obtainModel(
  sources: readonly [Source] | readonly [Source, Source],
  idColumns: readonly string[],
  options: CommonOptions,
  cli: CliContext,
): Promise<Model> {
  const model =
    options.model === undefined
      ? await train(sources, idColumns, options, cli)
      : await loaded(options.model, sources, idColumns, options, cli);
  if (options.saveModel !== undefined) {
    await atomicWrite(options.saveModel, `${JSON.stringify(model.spec, null, 2)}\n`);
    cli.info(`threadline: saved the model to ${options.saveModel}`);
  }
  return model;
}

async function train(
  sources: readonly [Source] | readonly [Source, Source],
  idColumns: readonly string[],
  options: CommonOptions,
  cli: CliContext,
): Promise<Model> {
  const evidence = chooseColumns(sources, idColumns, options, cli);
  if (options.region === undefined) {
    const phones = evidence.filter((c) => c.kind === 'phone').map((c) => quote(c.column));
    if (phones.length > 0) {
      cli.always(
        `threadline: warning: no --region: numbers in ${phones.join(', ')} without a country code are compared by their digits only`,
      );
    }
  }
  const fields = new Map(evidence.map((c) => [c.column, c.field]));
  const [left, right] = sources;
  const leftRecords = engineRecords(left, fields);
  const rightRecords = right === undefined ? undefined : engineRecords(right, fields);
  const size = leftRecords.length + (rightRecords?.length ?? 0);
  if (size < 50) {
    cli.always(
      `threadline: warning: only ${size} records; too few to train a reliable model (train on a larger file with --save-model and reuse it with --model)`,
    );
  }
  const { spec, deterministicRules } = buildSpec(evidence, options.region);
  cli.progress.start('train', `training on ${count(size)} records`);
  let trained: TrainedModel;
  try {
    // Reading a large file's records is spread over worker threads; small files stay on this one.
    trained = await trainModelInParallel(spec, leftRecords, {
      idField: ID_FIELD,
      deterministicRules,
      u: { seed: options.seed },
      ...(rightRecords === undefined ? {} : { right: rightRecords }),
    });
  } catch (e) {
    if (e instanceof ThreadlineError && e.issues.some((i) => i.code === 'no_em_rules')) {
      throw new ThreadlineError(
        'invalid_options',
        `cannot train: the evidence columns (${evidence.map((c) => c.column).join(', ')}) give no way to find candidate pairs; add a name, email, phone, date of birth or id number column (--column NAME=KIND)`,
      );
    }
    throw e;
  }
  cli.progress.end();
  if (trained.report.unestimated.length > 0) {
    cli.always(
      `threadline: warning: too little evidence to estimate ${trained.report.unestimated.map(quote).join(', ')}; their starting values were kept`,
    );
  }
  return { data: trained.prepared, spec: trained.spec, trained: true };
}

async function loaded(
  path: string,
  sources: readonly [Source] | readonly [Source, Source],
  idColumns: readonly string[],
  options: CommonOptions,
  cli: CliContext,
): Promise<Model> {
  cli.progress.start('load', `loading the model ${basename(path)}`);
  let { spec, model } = await loadModel(path);
  if (options.region !== undefined && options.region !== spec.region) {
    spec = { ...spec, region: options.region };
    model = compileModel(spec);
  }
  cli.progress.end();
  const wanted = modelFields(model);
  const perSource = sources.map((source) => {
    const fields = new Map<string, string>();
    const byField = new Map<string, string>();
    for (const column of source.columns) {
      const field = fieldName(column);
      if (!wanted.includes(field)) continue;
      if (idColumns.includes(column) || column === options.truth) {
        throw new UsageError(
          `the model reads ${quote(column)} as evidence, but it is the ${column === options.truth ? '--truth' : 'id'} column, which is never evidence`,
        );
      }
      const other = byField.get(field);
      if (other !== undefined) {
        throw new ThreadlineError(
          'invalid_input',
          `${source.path}: the columns ${quote(other)} and ${quote(column)} both stand for the model field ${quote(field)}`,
        );
      }
      byField.set(field, column);
      fields.set(column, field);
    }
    const missing = wanted.filter((f) => !byField.has(f));
    if (fields.size === 0) {
      throw new ThreadlineError(
        'invalid_input',
        `${source.path} has none of the columns the model reads (${missing.map(quote).join(', ')})`,
      );
    }
    if (missing.length > 0) {
      cli.always(
        `threadline: warning: ${source.path} lacks ${missing.map(quote).join(', ')}, which the model reads; they count as empty`,
      );
    }
    return fields;
  });
  const [left, right] = sources;
  const leftRecords = engineRecords(left, perSource[0] ?? new Map());
  const rightRecords =
    right === undefined ? undefined : engineRecords(right, perSource[1] ?? new Map());
  cli.progress.start('prepare', 'preparing the records');
  const data = await prepareRecordsInParallel(model, leftRecords, {
    idField: ID_FIELD,
    ...(rightRecords === undefined ? {} : { right: rightRecords }),
  });
  cli.progress.end();
  return { data, spec, trained: false };
}

/**
 * Checks, before any work, that the folders of `--out` and `--save-model` exist and can be
 * written to, so that a long run does not fail at its last step.
 *
 * @throws the file-system error, naming the file (`cannot open out/x.csv: no such file or directory`).
 * @example
 * ```ts
 * // from src/cli
 * import { checkOutputs } from './pipeline.js';
 *
 * await checkOutputs({ ...options, out: 'clusters.csv' });
 * ```
 */
export async function checkOutputs(options: CommonOptions): Promise<void> {
  for (const path of [options.out, options.saveModel]) {
    if (path === undefined) continue;
    const folder = dirname(path);
    try {
      await access(folder, constants.W_OK);
    } catch (e) {
      throw naming(e, folder, path, true);
    }
  }
}

/**
 * Writes rows to `out` (by its extension) or, without `out`, as CSV to standard output. A file
 * is written under a temporary name and renamed when complete, so a failed run never leaves a
 * half-written result in its place.
 *
 * @returns how many rows were written.
 * @example
 * ```ts
 * // from src/cli
 * import { writeRows } from './pipeline.js';
 *
 * await writeRows('out.csv', ['id', 'cluster_id'], [['a', 'a']], cli);
 * ```
 */
export async function writeRows(
  out: string | undefined,
  header: readonly string[],
  rows: Iterable<readonly CellValue[]>,
  cli: CliContext,
): Promise<number> {
  cli.progress.start('write', `writing ${out ?? 'the result'}`);
  if (out === undefined) {
    const writer = createCsvWriter(cli.stdout, header);
    for (const row of rows) await writer.write(row);
    await writer.close();
    cli.progress.end();
    return writer.rowsWritten;
  }
  const temporary = temporaryName(out);
  try {
    const writer = openRecordWriter(temporary, header, { format: detectFormat(out) });
    try {
      for (const row of rows) await writer.write(row);
    } finally {
      await writer.close();
    }
    await rename(temporary, out);
    cli.progress.end();
    return writer.rowsWritten;
  } catch (e) {
    await rm(temporary, { force: true });
    throw naming(e, temporary, out);
  }
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** A file-system error about the temporary file, told about the file the user named. */
function naming(error: unknown, temporary: string, path: string, always = false): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || (failure.path !== temporary && !always)) return error;
  return Object.assign(new Error(error.message.replaceAll(temporary, path)), {
    code: failure.code,
    path,
  });
}

async function atomicWrite(path: string, text: string): Promise<void> {
  const temporary = temporaryName(path);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw naming(e, temporary, path);
  }
}

/**
 * Prints the pairwise accuracy against the --truth column (kept by --quiet).
 *
 * @example
 * ```ts
 * // from src/cli
 * import { reportAccuracy } from './pipeline.js';
 *
 * reportAccuracy(accuracy, 'entity', 'cluster pairs', cli);
 * ```
 */
export function reportAccuracy(
  accuracy: Accuracy,
  truthColumn: string,
  over: string,
  cli: CliContext,
): void {
  const f = (x: number) => x.toFixed(3);
  cli.always(
    `threadline: accuracy against ${quote(truthColumn)}: precision ${f(accuracy.precision)}, recall ${f(accuracy.recall)}, F1 ${f(accuracy.f1)} (pairwise over ${over}: ${count(accuracy.truePositives)} true, ${count(accuracy.falsePositives)} false, ${count(accuracy.falseNegatives)} missed)`,
  );
}

/**
 * Prints the closing summary: labelled lines, then the time of each phase and the total.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { printSummary } from './pipeline.js';
 *
 * printSummary('dedupe', [['records', '1,000']], cli);
 * ```
 */
export function printSummary(
  command: string,
  lines: readonly (readonly [string, string])[],
  cli: CliContext,
): void {
  cli.progress.clear();
  const times = cli.progress
    .timings()
    .map((t) => `${t.phase} ${formatDuration(t.ms)}`)
    .join(', ');
  const all = [...lines, ['time', `${times}; total ${formatDuration(cli.progress.elapsed())}`]];
  const width = Math.max(...all.map(([label]) => label.length));
  cli.info(`threadline: ${command} done`);
  for (const [label, value] of all) cli.info(`  ${label.padEnd(width)}  ${value}`);
}

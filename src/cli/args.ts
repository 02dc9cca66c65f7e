/**
 * The command line's grammar: argv in, a checked command out, or a {@link UsageError}.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ThreadlineError } from '../core/errors.js';
import { normalizePhone } from '../normalize/index.js';
import { COLUMN_KINDS, type KindChoice, parseKind } from './detect.js';
import { detectFormat } from './io/index.js';

/**
 * A mistake in the command line itself (unknown option, missing or bad value): the process
 * exits with status 2 and a one-line message.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { UsageError } from './args.js';
 *
 * console.log(new UsageError('--threshold must be between 0 and 1').message);
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The options shared by `dedupe` and `link`, checked.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { CommonOptions } from './args.js';
 *
 * const strict = (o: CommonOptions) => o.threshold >= 0.9;
 * console.log(typeof strict);
 * ```
 */
export interface CommonOptions {
  /** The output file; undefined for standard output (CSV). */
  readonly out: string | undefined;
  readonly model: string | undefined;
  readonly saveModel: string | undefined;
  readonly threshold: number;
  readonly region: string | undefined;
  readonly truth: string | undefined;
  /** `--column` choices, by column name, in the order given. */
  readonly columns: ReadonlyMap<string, KindChoice>;
  readonly seed: number;
  readonly bridges: 'allow' | 'refuse';
  readonly quiet: boolean;
}

/**
 * A parsed command line.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { parseCommand } from './args.js';
 *
 * const command = parseCommand(['dedupe', 'people.csv', '--id', 'rec_id']);
 * console.log(command.kind); // dedupe
 * ```
 */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'dedupe';
      readonly file: string;
      readonly id: string;
      readonly options: CommonOptions;
    }
  | {
      readonly kind: 'link';
      readonly left: string;
      readonly right: string;
      readonly leftId: string;
      readonly rightId: string;
      readonly options: CommonOptions;
    };

const OPTIONS = {
  id: { type: 'string' },
  'left-id': { type: 'string' },
  'right-id': { type: 'string' },
  out: { type: 'string', short: 'o' },
  model: { type: 'string' },
  'save-model': { type: 'string' },
  threshold: { type: 'string' },
  region: { type: 'string' },
  truth: { type: 'string' },
  column: { type: 'string', multiple: true },
  seed: { type: 'string' },
  bridges: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/**
 * Parses and checks the arguments (without the `node` and script paths). Every value is checked
 * here, before any file is read: the threshold, the seed, the phone region, the `--column` kinds,
 * the file extensions.
 *
 * @param argv - the arguments, e.g. `process.argv.slice(2)`.
 * @returns the command.
 * @throws {@link UsageError} with a one-line message for any mistake.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { parseCommand } from './args.js';
 *
 * const command = parseCommand(['link', 'a.csv', 'b.csv', '--id', 'id', '--threshold', '0.9']);
 * if (command.kind === 'link') console.log(command.options.threshold); // 0.9
 * ```
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseArgsMessage(e));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const [name, ...files] = positionals;
  if (name === undefined) throw new UsageError('missing command: dedupe or link');
  if (name === 'help') return { kind: 'help' };
  if (name !== 'dedupe' && name !== 'link') {
    throw new UsageError(`unknown command ${JSON.stringify(name)}: expected dedupe or link`);
  }
  const options = commonOptions(values);

  if (name === 'dedupe') {
    if (files.length !== 1) {
      throw new UsageError(
        files.length === 0
          ? 'dedupe needs one input file'
          : `dedupe takes one input file, got ${files.length}`,
      );
    }
    const file = files[0] as string;
    checkInput(file);
    if (values['left-id'] !== undefined || values['right-id'] !== undefined) {
      throw new UsageError('--left-id and --right-id are for link; dedupe takes --id');
    }
    const id = required(values.id, '--id COL (the column holding record ids)');
    checkDistinct(options, [file]);
    checkRoles(options, [id]);
    return { kind: 'dedupe', file, id, options };
  }

  if (files.length !== 2) {
    throw new UsageError(`link needs two input files (LEFT RIGHT), got ${files.length}`);
  }
  const [left, right] = files as [string, string];
  checkInput(left);
  checkInput(right);
  const leftId = values['left-id'] ?? values.id;
  const rightId = values['right-id'] ?? values.id;
  if (leftId === undefined || rightId === undefined) {
    throw new UsageError(
      'missing --id COL (or --left-id and --right-id when the id columns differ)',
    );
  }
  checkDistinct(options, [left, right]);
  checkRoles(options, [leftId, rightId]);
  if (values.bridges !== undefined) {
    throw new UsageError('--bridges is for dedupe; link writes pairs, not clusters');
  }
  return { kind: 'link', left, right, leftId, rightId, options };
}

function commonOptions(values: Values): CommonOptions {
  const out = values.out === '-' ? undefined : values.out;
  if (out !== undefined) checkOutput(out, '--out');
  const columns = new Map<string, KindChoice>();
  for (const text of values.column ?? []) {
    const eq = text.lastIndexOf('=');
    const column = eq < 0 ? '' : text.slice(0, eq);
    if (eq < 0 || column === '') {
      throw new UsageError(`--column ${JSON.stringify(text)}: expected NAME=KIND`);
    }
    const choice = parseKind(text.slice(eq + 1));
    if (choice === undefined) {
      throw new UsageError(
        `--column ${JSON.stringify(text)}: unknown kind ${JSON.stringify(text.slice(eq + 1))}; expected one of ${Object.keys(COLUMN_KINDS).join(', ')} (or handle:PLATFORM)`,
      );
    }
    if (columns.has(column)) {
      throw new UsageError(`--column ${JSON.stringify(column)} is given twice`);
    }
    columns.set(column, choice);
  }
  if (values.model !== undefined && columns.size > 0) {
    throw new UsageError('--column has no effect with --model: the model names its columns');
  }
  const bridges = values.bridges ?? 'refuse';
  if (bridges !== 'allow' && bridges !== 'refuse') {
    throw new UsageError(`--bridges ${JSON.stringify(bridges)}: expected allow or refuse`);
  }
  return {
    out,
    model: values.model,
    saveModel: values['save-model'],
    threshold: threshold(values.threshold),
    region: region(values.region),
    truth: values.truth,
    columns,
    seed: seed(values.seed),
    bridges,
    quiet: values.quiet === true,
  };
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${what}`);
  return value;
}

const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function threshold(text: string | undefined): number {
  if (text === undefined) return 0.5;
  const value = NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(value > 0 && value < 1)) {
    throw new UsageError(
      `--threshold ${JSON.stringify(text)}: expected a probability between 0 and 1 (exclusive), such as 0.9`,
    );
  }
  return value;
}

function seed(text: string | undefined): number {
  if (text === undefined) return 1;
  const value = /^-?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new UsageError(`--seed ${JSON.stringify(text)}: expected an integer`);
  }
  return value;
}

function region(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[A-Z]{2}$/.test(text)) {
    throw new UsageError(
      `--region ${JSON.stringify(text)}: expected two upper-case letters, such as US or GB`,
    );
  }
  try {
    // The phone normalizer checks the region against the numbering metadata before anything else.
    normalizePhone('', { region: text });
  } catch (e) {
    if (e instanceof ThreadlineError && e.code === 'invalid_options') {
      throw new UsageError(
        `--region ${JSON.stringify(text)}: not a region the phone numbering plan knows; use an ISO 3166-1 code such as US or GB`,
      );
    }
    throw e;
  }
  return text;
}

function checkInput(path: string): void {
  try {
    detectFormat(path);
  } catch {
    throw new UsageError(
      `cannot tell the format of ${JSON.stringify(path)}: use a .csv, .tsv, .jsonl or .ndjson file`,
    );
  }
}

function checkOutput(path: string, option: string): void {
  try {
    detectFormat(path);
  } catch {
    throw new UsageError(
      `${option} ${JSON.stringify(path)}: cannot tell the format; use .csv, .tsv, .jsonl or .ndjson`,
    );
  }
}

/** Refuses to overwrite an input with the output or the saved model. */
function checkDistinct(options: CommonOptions, inputs: readonly string[]): void {
  const ins = new Set(inputs.map((p) => resolve(p)));
  for (const [option, path] of [
    ['--out', options.out],
    ['--save-model', options.saveModel],
  ] as const) {
    if (path !== undefined && ins.has(resolve(path))) {
      throw new UsageError(`${option} ${JSON.stringify(path)} would overwrite an input file`);
    }
  }
  if (
    options.out !== undefined &&
    options.saveModel !== undefined &&
    resolve(options.out) === resolve(options.saveModel)
  ) {
    throw new UsageError('--out and --save-model name the same file');
  }
}

/** The id and truth columns are never evidence, so `--column` cannot make them so. */
function checkRoles(options: CommonOptions, ids: readonly string[]): void {
  if (options.truth !== undefined && ids.includes(options.truth)) {
    throw new UsageError(`--truth ${JSON.stringify(options.truth)} is also the id column`);
  }
  for (const [column, choice] of options.columns) {
    if (choice.kind === 'ignore') continue;
    if (ids.includes(column)) {
      throw new UsageError(`--column ${JSON.stringify(column)}: the id column is never evidence`);
    }
    if (column === options.truth) {
      throw new UsageError(
        `--column ${JSON.stringify(column)}: the --truth column is never evidence`,
      );
    }
  }
}

const QUOTED = /'([^']+)'/;

/** Turns Node's parseArgs errors into one short line. */
function parseArgsMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = (QUOTED.exec(message)?.[1] ?? '').replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) return `${option} takes no value`;
    if (message.includes('ambiguous')) {
      return `${option} needs a value (write ${option}=VALUE for a value starting with "-")`;
    }
    return `${option} needs a value`;
  }
  return message.split('\n', 1)[0] ?? message;
}

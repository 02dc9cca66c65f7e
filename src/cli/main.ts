/**
 * The command line's entry point as a function, so tests can run it in-process.
 */
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { ThreadlineError } from '../core/errors.js';
import { parseCommand, UsageError } from './args.js';
import { runDedupe } from './commands/dedupe.js';
import { runHandoff } from './commands/handoff.js';
import { runLink } from './commands/link.js';
import { HELP } from './help.js';
import { formatError } from './io/index.js';
import type { CliContext } from './pipeline.js';
import { createProgress } from './progress.js';

/**
 * The streams and environment `main` runs with (defaults: the process's own).
 *
 * @example
 * ```ts
 * // from src/cli
 * import { PassThrough } from 'node:stream';
 * import type { CliIo } from './main.js';
 *
 * const io: CliIo = { stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
 * console.log(Object.keys(io));
 * ```
 */
export interface CliIo {
  readonly stdout?: Writable;
  /** Progress is redrawn in place when this is a terminal (`isTTY`). */
  readonly stderr?: Writable & { readonly isTTY?: boolean; readonly columns?: number };
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs the command line with the given arguments and returns the exit status: 0 on success,
 * 1 on a failure while running, 2 on a usage error. Never throws; errors are printed on stderr
 * as one line (with the stack when `THREADLINE_DEBUG=1`).
 *
 * @param argv - the arguments after the program name.
 * @param io - the streams and environment (default: the process's).
 * @returns the exit status.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { main } from './main.js';
 *
 * const status = await main(['dedupe', 'people.csv', '--id', 'rec_id', '--out', 'clusters.csv']);
 * console.log(status); // 0
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const debug = env.THREADLINE_DEBUG === '1';
  let progress: ReturnType<typeof createProgress> | undefined;
  try {
    // `handoff` has options of its own (see commands/handoff.ts); it must come first.
    if (argv[0] === 'handoff') return await runHandoff(argv.slice(1), { stdout, stderr });
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      stdout.write(HELP);
      return 0;
    }
    if (command.kind === 'version') {
      stdout.write(`${version()}\n`);
      return 0;
    }
    const { options } = command;
    const active = createProgress({ target: stderr, enabled: !options.quiet });
    progress = active;
    const cli: CliContext = {
      stdout,
      progress: active,
      info: (line) => {
        if (!options.quiet) active.note(line);
      },
      always: (line) => active.note(line),
    };
    if (command.kind === 'dedupe') return await runDedupe(command.file, command.id, options, cli);
    return await runLink(command, options, cli);
  } catch (e) {
    progress?.clear();
    if (e instanceof UsageError) {
      stderr.write(`threadline: ${e.message}\nRun 'threadline --help' for usage.\n`);
      if (debug && e.stack !== undefined) stderr.write(`${e.stack}\n`);
      return 2;
    }
    stderr.write(`threadline: ${describeError(e)}\n`);
    if (debug && e instanceof Error && e.stack !== undefined) stderr.write(`${e.stack}\n`);
    return 1;
  }
}

/**
 * One line for any error: the library's message with its issues run together, or Node's
 * reason (`cannot open x.csv: no such file or directory`), never a stack trace.
 *
 * @param error - whatever was caught.
 * @returns the line, without `threadline: ` and without a newline.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { ThreadlineError } from '../core/errors.js';
 * import { describeError } from './main.js';
 *
 * const e = new ThreadlineError('invalid_model', 'Invalid model', [{ code: 'x', path: ['prior'], message: 'too small' }]);
 * console.log(describeError(e)); // Invalid model: prior: too small
 * ```
 */
export function describeError(error: unknown): string {
  if (error instanceof ThreadlineError) {
    const [headline = '', ...rest] = formatError(error).split('\n');
    const issues = rest.map((line) => line.replace(/^- /, '').trim()).filter((l) => l !== '');
    if (issues.length === 0) return headline;
    const shown = issues.slice(0, 3).join('; ');
    return `${headline}: ${shown}${issues.length > 3 ? `; and ${issues.length - 3} more` : ''}`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EPIPE') return 'the output was closed before everything was written';
  if (code === 'ERR_STRING_TOO_LONG' || error instanceof RangeError) {
    return `out of memory or over a size limit (${formatError(error)}); try a smaller file`;
  }
  return formatError(error).split('\n').join('; ');
}

function version(): string {
  try {
    // src/cli/main.ts and dist/cli/index.js both sit two folders below package.json.
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const parsed: unknown = JSON.parse(text);
    const value = (parsed as { version?: unknown }).version;
    return typeof value === 'string' ? value : 'unknown';
  } catch {
    return 'unknown';
  }
}

import { ThreadlineError } from '../../core/errors.js';

/**
 * Where a problem was found in an input file: a 1-based physical line and, when known, a
 * 1-based column (in UTF-16 code units) or the name of the field concerned.
 */
export interface InputPosition {
  readonly line: number;
  readonly column?: number | string;
}

/**
 * Builds the `invalid_input` error for a malformed file. The message leads with
 * `file, line N, column M` so that an operator can jump straight to the spot; the issue carries
 * the same position as its path (`[line, column]` or `[line, 'field']`).
 */
export function inputError(
  source: string,
  at: InputPosition,
  code: string,
  message: string,
): ThreadlineError {
  const where =
    at.column === undefined
      ? `line ${at.line}`
      : typeof at.column === 'number'
        ? `line ${at.line}, column ${at.column}`
        : `line ${at.line}, field ${JSON.stringify(at.column)}`;
  const path = at.column === undefined ? [at.line] : [at.line, at.column];
  return new ThreadlineError('invalid_input', `${source}, ${where}: ${message}`, [
    { code, path, message },
  ]);
}

/** Builds the `invalid_options` error for a bad option passed by the caller. */
export function optionsError(option: string, message: string): ThreadlineError {
  return new ThreadlineError('invalid_options', `${option}: ${message}`, [
    { code: 'invalid_option', path: [option], message },
  ]);
}

const SYSTEM_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file or directory'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['EISDIR', 'is a directory, expected a file'],
  ['ENOTDIR', 'a part of the path is not a directory'],
  ['EMFILE', 'too many open files'],
  ['ENOSPC', 'no space left on the device'],
  ['EROFS', 'read-only file system'],
  ['EEXIST', 'file already exists'],
]);

/**
 * Renders any error thrown while reading or writing records as one short, human-readable
 * paragraph for the terminal: a {@link ThreadlineError} keeps its message (file, line, column and
 * issues), a Node file-system error becomes `cannot open <path>: <reason>` without a stack trace,
 * anything else falls back to its message.
 *
 * @param error - whatever was caught.
 * @returns the text to print to stderr.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { formatError, readRecords } from './io/index.js';
 *
 * try {
 *   for await (const { record } of readRecords('missing.csv')) console.log(record);
 * } catch (e) {
 *   console.error(formatError(e)); // cannot open missing.csv: no such file or directory
 * }
 * ```
 */
export function formatError(error: unknown): string {
  if (error instanceof ThreadlineError) {
    // The headline usually states the one issue already; repeating it below adds nothing.
    const headline = error.message.split('\n', 1)[0] ?? '';
    return error.issues.every((issue) => headline.endsWith(issue.message))
      ? headline
      : error.message;
  }
  if (error instanceof Error) {
    const { code, path } = error as NodeJS.ErrnoException;
    const reason = code === undefined ? undefined : SYSTEM_ERRORS.get(code);
    if (reason !== undefined) {
      return path === undefined ? reason : `cannot open ${path}: ${reason}`;
    }
    return error.message;
  }
  return String(error);
}

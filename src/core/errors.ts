import type { Issue } from './result.js';

/**
 * Every code a {@link ThreadlineError} can carry. Codes are stable across minor versions.
 *
 * @example
 * ```ts
 * import { ThreadlineError, type ThreadlineErrorCode } from 'threadline';
 *
 * const code: ThreadlineErrorCode = 'invalid_interaction';
 * console.log(new ThreadlineError(code, 'bad input').code);
 * ```
 */
export type ThreadlineErrorCode =
  | 'invalid_interaction'
  | 'invalid_identifier'
  | 'invalid_journey'
  | 'invalid_customer'
  | 'invalid_id'
  | 'invalid_options'
  | 'invalid_input'
  | 'invalid_model'
  | 'model_not_trained'
  | 'invalid_pattern'
  | 'invalid_snapshot'
  | 'not_found'
  | 'refused'
  | 'store_conflict'
  | 'store_failure';

/**
 * The one error class the library throws. Throwing variants (`parseX`) throw it with a
 * `code` and the same path-addressed issues the `safeParseX` variants return.
 *
 * @example
 * ```ts
 * import { parseInteraction, ThreadlineError } from 'threadline';
 *
 * try {
 *   parseInteraction({ channel: 'carrier-pigeon' });
 * } catch (e) {
 *   if (e instanceof ThreadlineError) console.log(e.code, e.issues[0]?.path);
 * }
 * ```
 */
export class ThreadlineError extends Error {
  override readonly name = 'ThreadlineError';
  /** What kind of failure this is. */
  readonly code: ThreadlineErrorCode;
  /** The problems found, each addressed by its path in the input. */
  readonly issues: readonly Issue[];

  constructor(code: ThreadlineErrorCode, message: string, issues: readonly Issue[] = []) {
    super(issues.length > 0 ? `${message}\n${formatIssues(issues)}` : message);
    this.code = code;
    this.issues = issues;
  }
}

/**
 * Renders issues as one line each, `path: message`, for logs and error messages.
 *
 * @example
 * ```ts
 * import { formatIssues } from 'threadline';
 *
 * console.log(formatIssues([{ code: 'invalid_type', path: ['messages', 0, 'text'], message: 'expected string' }]));
 * // - messages[0].text: expected string
 * ```
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => `- ${formatPath(issue.path)}: ${issue.message}`).join('\n');
}

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

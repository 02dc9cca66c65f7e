/**
 * One problem found in an input, addressed by its path from the root of that input.
 *
 * @example
 * ```ts
 * import { safeParseInteraction } from 'threadline';
 *
 * const result = safeParseInteraction({ id: '', channel: 'email' });
 * if (!result.ok) {
 *   for (const issue of result.issues) console.log(issue.path.join('.'), issue.message);
 * }
 * ```
 */
export interface Issue {
  /** A stable, machine-readable code such as `invalid_type` or `forbidden_key`. */
  readonly code: string;
  /** Where the problem is: object keys and array indexes from the root of the input. */
  readonly path: readonly (string | number)[];
  /** A human-readable explanation. */
  readonly message: string;
}

/**
 * The successful branch of a {@link Result}.
 *
 * @example
 * ```ts
 * import { ok } from 'threadline';
 *
 * const r = ok(42);
 * console.log(r.ok, r.value); // true 42
 * ```
 */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/**
 * The failed branch of a {@link Result}: at least one path-addressed {@link Issue}.
 *
 * @example
 * ```ts
 * import { err } from 'threadline';
 *
 * const r = err([{ code: 'custom', path: ['a'], message: 'bad a' }]);
 * console.log(r.ok, r.issues.length); // false 1
 * ```
 */
export interface Err {
  readonly ok: false;
  readonly issues: readonly Issue[];
}

/**
 * What every `safeX` function returns: the value, or the issues that prevented it.
 * Expected outcomes are never exceptions; only the throwing `x` variants throw.
 *
 * @example
 * ```ts
 * import { safeParseInteraction, type Result, type Interaction } from 'threadline';
 *
 * const r: Result<Interaction> = safeParseInteraction({});
 * console.log(r.ok ? 'valid' : `${r.issues.length} issues`);
 * ```
 */
export type Result<T> = Ok<T> | Err;

/**
 * Wraps a value as a successful {@link Result}.
 *
 * @example
 * ```ts
 * import { ok } from 'threadline';
 *
 * console.log(ok('x')); // { ok: true, value: 'x' }
 * ```
 */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/**
 * Builds a failed {@link Result} from its issues.
 *
 * @example
 * ```ts
 * import { err } from 'threadline';
 *
 * console.log(err([{ code: 'too_small', path: ['id'], message: 'empty id' }]).ok); // false
 * ```
 */
export function err(issues: readonly Issue[]): Err {
  return { ok: false, issues };
}

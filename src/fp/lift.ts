import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { ThreadlineError } from '../core/errors.js';
import type { Issue } from '../core/result.js';

/**
 * True for a {@link ThreadlineError}, also one thrown by another copy of the library (an ESM
 * and a CommonJS copy loaded side by side), recognised by its name, code and issues.
 */
function isThreadlineError(error: unknown): error is ThreadlineError {
  if (error instanceof ThreadlineError) return true;
  if (!(error instanceof Error) || error.name !== 'ThreadlineError') return false;
  const candidate = error as Partial<ThreadlineError>;
  return typeof candidate.code === 'string' && Array.isArray(candidate.issues);
}

/**
 * The issues a {@link ThreadlineError} stands for: its own, or, when it carries none, one issue
 * with its code and message, so that a `Left` always says what went wrong.
 *
 * @example
 * ```ts
 * import { ThreadlineError } from 'threadline';
 * import { issuesOf } from 'threadline/fp';
 *
 * console.log(issuesOf(new ThreadlineError('invalid_options', 'maxLength must be positive')));
 * // [ { code: 'invalid_options', path: [], message: 'maxLength must be positive' } ]
 * ```
 */
export function issuesOf(error: ThreadlineError): readonly Issue[] {
  return error.issues.length > 0
    ? error.issues
    : [{ code: error.code, path: [], message: error.message }];
}

/**
 * Runs a computation that may throw a {@link ThreadlineError}, as an `Either`: `Right` with its
 * value, or `Left` with the error's issues. Any other exception is a bug, not an outcome, and
 * is thrown on.
 *
 * @param thunk - the computation.
 * @example
 * ```ts
 * import { interactionId } from 'threadline';
 * import { tryThreadline } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * console.log(E.isLeft(tryThreadline(() => interactionId('has space')))); // true
 * ```
 */
export function tryThreadline<A>(thunk: () => A): E.Either<readonly Issue[], A> {
  try {
    return E.right(thunk());
  } catch (error) {
    if (isThreadlineError(error)) return E.left(issuesOf(error));
    throw error;
  }
}

/**
 * Turns a function that throws {@link ThreadlineError} into one that returns an `Either`, with
 * the same parameters. Every `xEither` of this module is made this way (or from the `safeX`
 * variant); use it for functions of your own built on threadline.
 *
 * @param f - the throwing function.
 * @example
 * ```ts
 * import { normalizePhone } from 'threadline';
 * import { liftEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const phoneIn = liftEither((raw: string, region: string) => normalizePhone(raw, { region }).e164);
 * console.log(phoneIn('020 7946 0958', 'GB')); // { _tag: 'Right', right: '+442079460958' }
 * console.log(E.isLeft(phoneIn('020 7946 0958', 'ZZ'))); // true
 * ```
 */
export function liftEither<Args extends readonly unknown[], A>(
  f: (...args: Args) => A,
): (...args: Args) => E.Either<readonly Issue[], A> {
  return (...args) => tryThreadline(() => f(...args));
}

/**
 * Turns a function that throws {@link ThreadlineError}, or returns a promise that rejects with
 * one, into one that returns a `TaskEither`. The task is lazy: nothing runs until it is
 * invoked, and then the work starts on the next microtask. CPU-bound work still runs on the
 * calling thread: a task only lets it be sequenced with other tasks. Exceptions other than
 * `ThreadlineError` (bugs) reject the task's promise.
 *
 * @param f - the throwing or rejecting function.
 * @example
 * ```ts
 * import { journeyId } from 'threadline';
 * import { liftTaskEither } from 'threadline/fp';
 *
 * const task = liftTaskEither(journeyId)('jny 1');
 * console.log((await task())._tag); // Left
 * ```
 */
export function liftTaskEither<Args extends readonly unknown[], A>(
  f: (...args: Args) => A,
): (...args: Args) => TE.TaskEither<readonly Issue[], Awaited<A>> {
  return (...args) =>
    () =>
      Promise.resolve()
        .then(() => f(...args))
        .then(
          (value): E.Either<readonly Issue[], Awaited<A>> => E.right(value as Awaited<A>),
          (error: unknown) => {
            if (isThreadlineError(error)) return E.left(issuesOf(error));
            throw error;
          },
        );
}

type Method = (...args: never[]) => unknown;

/**
 * An object's methods as `Either`-returning functions (see {@link eitherMethods}); other
 * members as they are.
 */
export type EitherMethods<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer P) => infer R
    ? (...args: P) => E.Either<readonly Issue[], R>
    : T[K];
};

/**
 * An object's methods as `TaskEither`-returning functions (see {@link taskEitherMethods});
 * other members as they are.
 */
export type TaskEitherMethods<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer P) => infer R
    ? (...args: P) => TE.TaskEither<readonly Issue[], Awaited<R>>
    : T[K];
};

function mapMethods<T extends object>(target: T, lift: (method: Method) => unknown): unknown {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(target)) {
    const member: unknown = (target as Record<string, unknown>)[key];
    out[key] = typeof member === 'function' ? lift(member.bind(target) as Method) : member;
  }
  return Object.freeze(out);
}

/**
 * Wraps every method of an object (a journey threader...) as {@link liftEither} does: each
 * returns an `Either` instead of throwing. Methods that cannot fail always return `Right`.
 *
 * @param target - an object whose own enumerable members are its methods.
 * @example
 * ```ts
 * import { createJourneyThreader, parseInteraction } from 'threadline';
 * import { eitherMethods } from 'threadline/fp';
 *
 * const threader = eitherMethods(createJourneyThreader({ customerId: 'cus-7' }));
 * const chat = parseInteraction({ id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z' });
 * console.log(threader.add(chat)._tag, threader.add(chat)._tag); // Right Left
 * ```
 */
export function eitherMethods<T extends object>(target: T): EitherMethods<T> {
  return mapMethods(target, (method) => liftEither(method)) as EitherMethods<T>;
}

/**
 * Wraps every method of an object (a resolver, a store...) as {@link liftTaskEither} does:
 * each returns a lazy `TaskEither` instead of a promise that may reject.
 *
 * @param target - an object whose own enumerable members are its methods.
 * @example
 * ```ts
 * import { createResolver } from 'threadline';
 * import { taskEitherMethods } from 'threadline/fp';
 *
 * const resolver = taskEitherMethods(createResolver({ now: () => new Date('2026-03-02T15:00:00Z') }));
 * const merged = await resolver.merge('cus_missing', 'cus_other')();
 * console.log(merged._tag); // Left
 * ```
 */
export function taskEitherMethods<T extends object>(target: T): TaskEitherMethods<T> {
  return mapMethods(target, (method) => liftTaskEither(method)) as TaskEitherMethods<T>;
}

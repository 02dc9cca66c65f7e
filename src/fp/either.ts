import * as E from 'fp-ts/lib/Either.js';
import type { Issue, Result } from '../core/result.js';
import type { Customer } from '../model/customer.js';
import type { Interaction } from '../model/interaction.js';
import type { Journey } from '../model/journey.js';
import { safeParseCustomer, safeParseInteraction, safeParseJourney } from '../model/parse.js';

/**
 * Converts a threadline {@link Result} into an fp-ts `Either`: `Right` with the value, or
 * `Left` with the path-addressed issues.
 *
 * @example
 * ```ts
 * import { ok } from 'threadline';
 * import { fromResult } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * console.log(E.isRight(fromResult(ok(1)))); // true
 * ```
 */
export function fromResult<T>(result: Result<T>): E.Either<readonly Issue[], T> {
  return result.ok ? E.right(result.value) : E.left(result.issues);
}

/**
 * Validates an unknown value as an {@link Interaction}, as an fp-ts `Either`.
 *
 * @example
 * ```ts
 * import { parseInteractionEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = parseInteractionEither({ id: 'a', channel: 'sms', startedAt: '2026-03-01T09:00:00Z' });
 * console.log(E.isRight(r)); // true
 * ```
 */
export function parseInteractionEither(input: unknown): E.Either<readonly Issue[], Interaction> {
  return fromResult(safeParseInteraction(input));
}

/**
 * Validates an unknown value as a {@link Journey}, as an fp-ts `Either`.
 *
 * @example
 * ```ts
 * import { parseJourneyEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * console.log(E.isLeft(parseJourneyEither({}))); // true
 * ```
 */
export function parseJourneyEither(input: unknown): E.Either<readonly Issue[], Journey> {
  return fromResult(safeParseJourney(input));
}

/**
 * Validates an unknown value as a {@link Customer}, as an fp-ts `Either`.
 *
 * @example
 * ```ts
 * import { parseCustomerEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * console.log(E.isLeft(parseCustomerEither(null))); // true
 * ```
 */
export function parseCustomerEither(input: unknown): E.Either<readonly Issue[], Customer> {
  return fromResult(safeParseCustomer(input));
}

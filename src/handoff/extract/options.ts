import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import { toIssues } from '../../model/parse.js';
import { TimestampSchema } from '../../model/time.js';
import { RegionCodeSchema } from '../../normalize/phone/phone.js';
import type { ReferenceExtractor } from '../../normalize/reference/patterns.js';

/**
 * Options for {@link extractFacts}; see {@link ExtractFactsOptions}.
 *
 * @example
 * ```ts
 * import { ExtractFactsOptionsSchema } from 'threadline';
 *
 * console.log(ExtractFactsOptionsSchema.safeParse({ region: 'GB' }).success); // true
 * console.log(ExtractFactsOptionsSchema.safeParse({ region: 'gb' }).success); // false
 * ```
 */
export const ExtractFactsOptionsSchema = z.strictObject({
  /** The phone region for interactions that do not name one (an interaction's `region` wins). */
  region: RegionCodeSchema.optional(),
  /**
   * How to read numeric dates whose day and month could be swapped (`03/05/2026`): `mdy` or
   * `dmy`. By default, `mdy` in the United States and the Philippines, `dmy` in other known
   * regions; such dates are skipped in Canada (which writes both) and when the region is unknown.
   */
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  /** The reference patterns to find order, ticket and booking numbers with. */
  referenceExtractor: z
    .custom<ReferenceExtractor>(
      (value) =>
        typeof value === 'object' && value !== null && 'tables' in value && 'patterns' in value,
      { message: 'expected an extractor made by compileReferencePatterns' },
    )
    .optional(),
});

/**
 * Options for {@link extractFacts}.
 *
 * @example
 * ```ts
 * import type { ExtractFactsOptions } from 'threadline';
 *
 * const options: ExtractFactsOptions = { region: 'US', dateOrder: 'mdy' };
 * console.log(options.dateOrder);
 * ```
 */
export type ExtractFactsOptions = z.input<typeof ExtractFactsOptionsSchema>;

/**
 * Options for {@link extractCommitments}: `now` decides what is overdue; `dateOrder` is read as
 * for {@link extractFacts}.
 *
 * @example
 * ```ts
 * import { CommitmentOptionsSchema } from 'threadline';
 *
 * console.log(CommitmentOptionsSchema.safeParse({ now: '2026-03-01T09:00:00Z' }).success); // true
 * console.log(CommitmentOptionsSchema.safeParse({}).success); // false
 * ```
 */
export const CommitmentOptionsSchema = z.strictObject({
  /** The current time: an ISO timestamp, milliseconds since 1970, or a `Date`. */
  now: z.union([TimestampSchema, z.number().finite(), z.date()]),
  /** How to read numeric dates whose day and month could be swapped; see {@link ExtractFactsOptions}. */
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
});

/**
 * Options for {@link extractCommitments}.
 *
 * @example
 * ```ts
 * import type { CommitmentOptions } from 'threadline';
 *
 * const options: CommitmentOptions = { now: Date.parse('2026-03-02T12:00:00Z') };
 * console.log(typeof options.now);
 * ```
 */
export type CommitmentOptions = z.input<typeof CommitmentOptionsSchema>;

/** Validates options, throwing `invalid_options` with path-addressed issues. */
export function checkOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ThreadlineError(
    'invalid_options',
    `Invalid options for ${what}`,
    toIssues(result.error),
  );
}

// Regions that write the month first.
const MONTH_FIRST: ReadonlySet<string> = new Set([
  'US',
  'PH',
  'PR',
  'GU',
  'VI',
  'AS',
  'MP',
  'UM',
  'FM',
  'MH',
  'PW',
  'BZ',
]);

/** The date order to use in a region, unless the caller chose one. */
export function dateOrderFor(
  chosen: 'mdy' | 'dmy' | undefined,
  region: string | undefined,
): 'mdy' | 'dmy' | undefined {
  if (chosen !== undefined) return chosen;
  // Canada writes both orders.
  if (region === undefined || region === 'CA') return undefined;
  return MONTH_FIRST.has(region) ? 'mdy' : 'dmy';
}

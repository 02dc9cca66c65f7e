import { z } from 'zod';

/**
 * An instant as an ISO 8601 date-time string with a `Z` or numeric offset
 * (`2026-03-01T09:30:00Z`, `2026-03-01T10:30:00+01:00`). Strings rather than `Date`s so that
 * every model value is plain JSON and survives a round trip unchanged.
 *
 * @example
 * ```ts
 * import { TimestampSchema } from 'threadline';
 *
 * console.log(TimestampSchema.safeParse('2026-03-01T09:30:00Z').success); // true
 * console.log(TimestampSchema.safeParse('yesterday').success); // false
 * ```
 */
export const TimestampSchema = z.iso.datetime({ offset: true });

/**
 * An ISO 8601 instant; see {@link TimestampSchema}.
 *
 * @example
 * ```ts
 * import type { Timestamp } from 'threadline';
 *
 * const at: Timestamp = '2026-03-01T09:30:00Z';
 * console.log(Date.parse(at));
 * ```
 */
export type Timestamp = z.infer<typeof TimestampSchema>;

import { encodeTime } from 'ulid';
import { z } from 'zod';
import { ThreadlineError } from '../core/errors.js';
import type { Random } from '../core/random.js';

// Ids come from many systems (ULIDs, helpdesk ticket numbers, UUIDs, `zd:123`); we accept any
// of them as long as it is printable, has no whitespace and fits in an index column.
const ID_PATTERN = /^[^\s\p{Cc}\p{Cf}]{1,256}$/u;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_MESSAGE = 'expected 1 to 256 printable characters without whitespace';

/**
 * The id of an {@link Interaction}: a ULID made by {@link newInteractionId}, or the caller's
 * own id (a helpdesk ticket id, a call id), 1 to 256 printable characters without whitespace.
 *
 * @example
 * ```ts
 * import { InteractionIdSchema } from 'threadline';
 *
 * console.log(InteractionIdSchema.safeParse('zendesk:48151').success); // true
 * console.log(InteractionIdSchema.safeParse('has space').success); // false
 * ```
 */
export const InteractionIdSchema = z
  .string()
  .regex(ID_PATTERN, ID_MESSAGE)
  .brand<'InteractionId'>();

/**
 * A branded interaction id; see {@link InteractionIdSchema}.
 *
 * @example
 * ```ts
 * import { interactionId, type InteractionId } from 'threadline';
 *
 * const id: InteractionId = interactionId('call-2291');
 * console.log(id);
 * ```
 */
export type InteractionId = z.infer<typeof InteractionIdSchema>;

/**
 * The id of a resolved {@link Customer}. Stable across merges and splits: the resolver keeps
 * a lineage from old ids to the surviving one.
 *
 * @example
 * ```ts
 * import { CustomerIdSchema } from 'threadline';
 *
 * console.log(CustomerIdSchema.parse('cus_01J9Z3'));
 * ```
 */
export const CustomerIdSchema = z.string().regex(ID_PATTERN, ID_MESSAGE).brand<'CustomerId'>();

/**
 * A branded customer id; see {@link CustomerIdSchema}.
 *
 * @example
 * ```ts
 * import { customerId, type CustomerId } from 'threadline';
 *
 * const id: CustomerId = customerId('cus_1');
 * console.log(id);
 * ```
 */
export type CustomerId = z.infer<typeof CustomerIdSchema>;

/**
 * The id of a {@link Journey}: one customer issue followed across channels.
 *
 * @example
 * ```ts
 * import { JourneyIdSchema } from 'threadline';
 *
 * console.log(JourneyIdSchema.parse('jny_1'));
 * ```
 */
export const JourneyIdSchema = z.string().regex(ID_PATTERN, ID_MESSAGE).brand<'JourneyId'>();

/**
 * A branded journey id; see {@link JourneyIdSchema}.
 *
 * @example
 * ```ts
 * import { journeyId, type JourneyId } from 'threadline';
 *
 * const id: JourneyId = journeyId('jny_1');
 * console.log(id);
 * ```
 */
export type JourneyId = z.infer<typeof JourneyIdSchema>;

function brandOrThrow<S extends z.ZodType>(schema: S, kind: string, value: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ThreadlineError('invalid_id', `Invalid ${kind} id ${JSON.stringify(value)}`, [
    { code: 'invalid_format', path: [], message: ID_MESSAGE },
  ]);
}

/**
 * Validates a string as an {@link InteractionId}.
 *
 * @throws {@link ThreadlineError} with code `invalid_id` when the string is not a valid id.
 * @example
 * ```ts
 * import { interactionId } from 'threadline';
 *
 * console.log(interactionId('01J9Z3Q4X8R2M5N7P0K6T1V3W9'));
 * ```
 */
export function interactionId(value: string): InteractionId {
  return brandOrThrow(InteractionIdSchema, 'interaction', value);
}

/**
 * Validates a string as a {@link CustomerId}.
 *
 * @throws {@link ThreadlineError} with code `invalid_id` when the string is not a valid id.
 * @example
 * ```ts
 * import { customerId } from 'threadline';
 *
 * console.log(customerId('cus_42'));
 * ```
 */
export function customerId(value: string): CustomerId {
  return brandOrThrow(CustomerIdSchema, 'customer', value);
}

/**
 * Validates a string as a {@link JourneyId}.
 *
 * @throws {@link ThreadlineError} with code `invalid_id` when the string is not a valid id.
 * @example
 * ```ts
 * import { journeyId } from 'threadline';
 *
 * console.log(journeyId('jny_42'));
 * ```
 */
export function journeyId(value: string): JourneyId {
  return brandOrThrow(JourneyIdSchema, 'journey', value);
}

/**
 * What {@link newInteractionId} needs to make an id: the time and a random source, both
 * injected so that ids are reproducible in tests and replays.
 *
 * @example
 * ```ts
 * import { seededRandom, type IdClock } from 'threadline';
 *
 * const clock: IdClock = { now: Date.parse('2026-03-01T09:00:00Z'), random: seededRandom(1) };
 * console.log(clock.now);
 * ```
 */
export interface IdClock {
  /** Milliseconds since the Unix epoch (a `Date` is accepted too). */
  readonly now: number | Date;
  /** Uniform random numbers in [0, 1); see {@link seededRandom}. */
  readonly random: Random;
}

/**
 * Makes a new ULID interaction id: sortable by time, unique in practice. Deterministic for a
 * given time and random source.
 *
 * @throws {@link ThreadlineError} with code `invalid_options` when `now` is not a time a ULID
 * can hold (negative, not finite, or after the year 10889).
 * @example
 * ```ts
 * import { newInteractionId, seededRandom } from 'threadline';
 *
 * const id = newInteractionId({ now: Date.parse('2026-03-01T09:00:00Z'), random: seededRandom(1) });
 * console.log(id.length); // 26
 * ```
 */
export function newInteractionId(clock: IdClock): InteractionId {
  const time = typeof clock.now === 'number' ? clock.now : clock.now.getTime();
  if (!Number.isInteger(time) || time < 0 || time > 281474976710655) {
    throw new ThreadlineError('invalid_options', 'Cannot make an id for this time', [
      {
        code: 'invalid_time',
        path: ['now'],
        message: 'expected whole milliseconds since 1970, as a ULID holds',
      },
    ]);
  }
  // The time part from ulid; the random part drawn here from the caller's generator, so that
  // the id depends on nothing else (ulid reads the real clock when the time is 0).
  let random = '';
  for (let i = 0; i < 16; i++) random += CROCKFORD[Math.floor(clock.random() * 32) % 32];
  return `${encodeTime(time, 10)}${random}` as InteractionId;
}

/**
 * The generator's options: the schema that validates them eagerly (with path-addressed issues)
 * and fills in the defaults, and the channels a caller may weight.
 */

import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import { toIssues } from '../../model/parse.js';
import { TimestampSchema } from '../../model/time.js';
import { capacity, GENERATED_REGIONS, PLANS } from './phone-plans.js';
import { DAY, LATEST_END, MAX_TIME, startTime } from './time.js';

/**
 * The channels {@link generateInteractions} produces, each with the identifiers typical of it.
 *
 * @example
 * ```ts
 * import { GENERATED_CHANNELS } from 'threadline/testing';
 *
 * console.log(GENERATED_CHANNELS.includes('whatsapp')); // true
 * ```
 */
export const GENERATED_CHANNELS = Object.freeze([
  'email',
  'phone',
  'sms',
  'whatsapp',
  'chat',
  'x',
  'instagram',
  'messenger',
] as const);

export type GeneratedChannel = (typeof GENERATED_CHANNELS)[number];

const share = (fallback: number) => z.number().min(0).max(1).default(fallback);

/**
 * Options for {@link generateInteractions}, validated eagerly: every field is optional.
 *
 * @example
 * ```ts
 * import { InteractionGenerationOptionsSchema } from 'threadline/testing';
 *
 * console.log(InteractionGenerationOptionsSchema.safeParse({ people: -1 }).success); // false
 * console.log(InteractionGenerationOptionsSchema.parse({}).region); // US
 * ```
 */
export const InteractionGenerationOptionsSchema = z
  .strictObject({
    /** How many distinct people (default 100). */
    people: z.number().int().min(0).max(50_000_000).default(100),
    /** Seed: the same options always give the same stream (default 1; 32 bits are used). */
    seed: z.number().int().default(1),
    /** The mean number of interactions per person, at least 1 (default 3). */
    interactionsPerPerson: z.number().min(1).max(1000).default(3),
    /** The start of the time window: an ISO timestamp or milliseconds since the epoch. */
    start: z
      .union([TimestampSchema, z.number().int().min(0).max(MAX_TIME)])
      .default('2026-01-01T00:00:00Z'),
    /** The length of the time window in milliseconds (default 90 days). */
    span: z
      .number()
      .int()
      .min(1)
      .max(MAX_TIME)
      .default(90 * DAY),
    /** Where customers' phone numbers come from, and the interactions' default region. */
    region: z.enum(GENERATED_REGIONS).default('US'),
    /** How much each interaction's values are corrupted, from 0 (canonical) to 1 (heavily). */
    corruption: share(0.5),
    /** Share of people who call and text from a household phone another person also uses. */
    sharedPhones: share(0.03),
    /** Share of people who sometimes write from a shared or role mailbox (info@, family@). */
    sharedMailboxes: share(0.03),
    /** Share of people who change phone number part-way through the stream. */
    changedPhones: share(0.05),
    /** Share of people with a social handle who change it part-way through the stream. */
    newHandles: share(0.05),
    /** Share of interactions carrying a placeholder value (`0000000000`, `test@test.com`, `n/a`). */
    placeholders: share(0.02),
    /** Share of a customer's identifiers that arrive verified (caller id, login, one-time code). */
    verified: share(0.3),
    /** Share of interactions showing one of the business's own identifiers. */
    businessIdentifiers: share(0.02),
    /**
     * Relative weight of each channel; channels left out are not used. About half the people
     * have no social account and use only the other channels, so X, Instagram and Messenger
     * come out below their weight unless they are the only channels.
     */
    channels: z.partialRecord(z.enum(GENERATED_CHANNELS), z.number().min(0).max(1e6)).optional(),
  })
  .superRefine((value, ctx) => {
    const start = startTime(value.start);
    if (start + value.span > LATEST_END) {
      ctx.addIssue({
        code: 'custom',
        path: ['span'],
        message: 'the window must end at least a day before the end of year 9999',
      });
    }
    if (value.channels !== undefined) {
      const total = Object.values(value.channels).reduce<number>((sum, w) => sum + (w ?? 0), 0);
      if (!(total > 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels'],
          message: 'at least one channel needs a positive weight',
        });
      }
    }
    // Every person gets a distinct number and a distinct replacement number.
    if (2 * value.people > capacity(PLANS[value.region])) {
      ctx.addIssue({
        code: 'custom',
        path: ['people'],
        message: `too many people for the numbering plan of ${value.region}`,
      });
    }
  });

/**
 * What a caller may pass to {@link generateInteractions}; see
 * {@link InteractionGenerationOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { InteractionGenerationOptions } from 'threadline/testing';
 *
 * const options: InteractionGenerationOptions = { people: 1000, seed: 7, corruption: 0.3 };
 * console.log(options.people);
 * ```
 */
export type InteractionGenerationOptions = z.input<typeof InteractionGenerationOptionsSchema>;

/** The options with their defaults filled in. */
export type Settings = z.output<typeof InteractionGenerationOptionsSchema>;

/** Validates options, or throws `invalid_options` with every issue. */
export function parseOptions(options: unknown): Settings {
  const result = InteractionGenerationOptionsSchema.safeParse(options);
  if (result.success) return result.data;
  throw new ThreadlineError(
    'invalid_options',
    'Invalid interaction generator options',
    toIssues(result.error),
  );
}

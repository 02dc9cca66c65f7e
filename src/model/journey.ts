import { z } from 'zod';
import { ChannelSchema } from './channel.js';
import { CustomerIdSchema, InteractionIdSchema, JourneyIdSchema } from './ids.js';
import { ReferenceSchema } from './reference.js';
import { TimestampSchema } from './time.js';

/**
 * Where a journey stands: `open`, waiting on one side, `resolved`, or `reopened` after the
 * customer came back about the same thing.
 *
 * @example
 * ```ts
 * import { JourneyStatusSchema } from 'threadline';
 *
 * console.log(JourneyStatusSchema.options.length); // 5
 * ```
 */
export const JourneyStatusSchema = z.enum([
  'open',
  'waiting_on_customer',
  'waiting_on_business',
  'resolved',
  'reopened',
]);

/**
 * One customer issue followed across channels and time: the interactions that belong to it,
 * in order, and what ties them together.
 *
 * @example
 * ```ts
 * import { JourneySchema } from 'threadline';
 *
 * const journey = JourneySchema.parse({
 *   id: 'jny-1', customerId: 'cus-1', status: 'open',
 *   interactionIds: ['em-1', 'tw-1', 'call-1'], channels: ['email', 'x', 'phone'],
 *   openedAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-02T15:00:00Z',
 * });
 * console.log(journey.channels.join(' → ')); // email → x → phone
 * ```
 */
export const JourneySchema = z
  .strictObject({
    id: JourneyIdSchema,
    customerId: CustomerIdSchema,
    status: JourneyStatusSchema,
    /** The interactions of the journey, oldest first. */
    interactionIds: z.array(InteractionIdSchema).min(1).max(100_000),
    /** The channel of each hop, oldest first (consecutive repeats collapsed). */
    channels: z.array(ChannelSchema).min(1),
    references: z.array(ReferenceSchema).default([]),
    /** A short topic label, when one is known. */
    topic: z.string().min(1).max(200).optional(),
    openedAt: TimestampSchema,
    updatedAt: TimestampSchema,
    resolvedAt: TimestampSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (Date.parse(value.updatedAt) < Date.parse(value.openedAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['updatedAt'],
        message: 'updatedAt is before openedAt',
      });
    }
    const seen = new Set<string>();
    value.interactionIds.forEach((id, index) => {
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['interactionIds', index],
          message: `interaction "${id}" appears twice`,
        });
      }
      seen.add(id);
    });
  });

/**
 * A journey; see {@link JourneySchema}.
 *
 * @example
 * ```ts
 * import type { Journey } from 'threadline';
 *
 * const isOpen = (j: Journey) => j.status !== 'resolved';
 * console.log(typeof isOpen);
 * ```
 */
export type Journey = z.infer<typeof JourneySchema>;

import { z } from 'zod';

/**
 * What a reference number refers to.
 *
 * @example
 * ```ts
 * import { ReferenceKindSchema } from 'threadline';
 *
 * console.log(ReferenceKindSchema.options.includes('tracking')); // true
 * ```
 */
export const ReferenceKindSchema = z.enum([
  'order',
  'ticket',
  'booking',
  'tracking',
  'invoice',
  'account',
  'other',
]);

/**
 * A reference kind; see {@link ReferenceKindSchema}.
 *
 * @example
 * ```ts
 * import type { ReferenceKind } from 'threadline';
 *
 * const kind: ReferenceKind = 'booking';
 * console.log(kind);
 * ```
 */
export type ReferenceKind = z.infer<typeof ReferenceKindSchema>;

/**
 * A reference number attached to an interaction: given by the source system (`provided`, e.g.
 * the order a chat was opened from) or found in the text (`extracted`).
 *
 * @example
 * ```ts
 * import { ReferenceSchema } from 'threadline';
 *
 * console.log(ReferenceSchema.parse({ kind: 'order', value: 'A-55123' }).origin); // provided
 * ```
 */
export const ReferenceSchema = z.strictObject({
  kind: ReferenceKindSchema,
  value: z.string().min(1).max(128),
  origin: z.enum(['provided', 'extracted']).default('provided'),
});

/**
 * A reference number; see {@link ReferenceSchema}.
 *
 * @example
 * ```ts
 * import type { Reference } from 'threadline';
 *
 * const ref: Reference = { kind: 'ticket', value: '4521', origin: 'extracted' };
 * console.log(ref.value);
 * ```
 */
export type Reference = z.infer<typeof ReferenceSchema>;

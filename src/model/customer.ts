import { z } from 'zod';
import { IdentifierSchema, TrustSchema } from './identifier.js';
import { CustomerIdSchema, InteractionIdSchema } from './ids.js';
import { TimestampSchema } from './time.js';

/**
 * One identifier of a resolved customer, with its provenance: the normalized matching key,
 * the strongest trust it was seen with, how confident we are that it belongs to this customer,
 * when it was first and last seen, and the interactions it was seen in.
 *
 * @example
 * ```ts
 * import { CustomerIdentifierSchema } from 'threadline';
 *
 * const linked = CustomerIdentifierSchema.parse({
 *   identifier: { kind: 'email', value: 'Ana@Example.com' }, key: 'email:ana@example.com',
 *   trust: { level: 'verified', method: 'login' }, confidence: 1,
 *   firstSeenAt: '2026-03-01T09:00:00Z', lastSeenAt: '2026-03-01T09:00:00Z', interactionIds: ['em-1'],
 * });
 * console.log(linked.key);
 * ```
 */
export const CustomerIdentifierSchema = z.strictObject({
  identifier: IdentifierSchema,
  key: z.string().min(1).max(1024),
  trust: TrustSchema,
  confidence: z.number().min(0).max(1),
  firstSeenAt: TimestampSchema,
  lastSeenAt: TimestampSchema,
  interactionIds: z.array(InteractionIdSchema),
});

/**
 * A customer identifier with provenance; see {@link CustomerIdentifierSchema}.
 *
 * @example
 * ```ts
 * import type { CustomerIdentifier } from 'threadline';
 *
 * const strongest = (ids: CustomerIdentifier[]) => ids.filter((i) => i.trust.level === 'verified');
 * console.log(typeof strongest);
 * ```
 */
export type CustomerIdentifier = z.infer<typeof CustomerIdentifierSchema>;

/**
 * A resolved identity: a cluster of identifiers and interactions believed to be one person.
 *
 * @example
 * ```ts
 * import { CustomerSchema } from 'threadline';
 *
 * const c = CustomerSchema.parse({
 *   id: 'cus-1', identifiers: [], interactionIds: ['em-1'],
 *   createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
 * });
 * console.log(c.names); // []
 * ```
 */
export const CustomerSchema = z.strictObject({
  id: CustomerIdSchema,
  /** Names the customer has given, as written, most recent first. */
  names: z.array(z.string().min(1).max(256)).default([]),
  identifiers: z.array(CustomerIdentifierSchema),
  interactionIds: z.array(InteractionIdSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

/**
 * A resolved customer; see {@link CustomerSchema}.
 *
 * @example
 * ```ts
 * import type { Customer } from 'threadline';
 *
 * const size = (c: Customer) => c.interactionIds.length;
 * console.log(typeof size);
 * ```
 */
export type Customer = z.infer<typeof CustomerSchema>;

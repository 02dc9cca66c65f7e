import type * as t from 'io-ts';
import type { z } from 'zod';
import {
  type Customer,
  type CustomerIdentifier,
  type CustomerIdentifierSchema,
  CustomerSchema,
} from '../model/customer.js';
import { type Journey, JourneySchema, JourneyStatusSchema } from '../model/journey.js';
import {
  arrayOf,
  boundedNumber,
  field,
  list,
  oneOf,
  optional,
  type RuleIssue,
  strictObject,
  text,
  withDefault,
  withRules,
} from './combinators.js';
import { IdentifierCodec, TrustCodec } from './identifier-codecs.js';
import { ReferenceCodec } from './interaction-codecs.js';
import {
  ChannelCodec,
  CustomerIdCodec,
  InteractionIdCodec,
  JourneyIdCodec,
  TimestampCodec,
} from './leaf-codecs.js';

const JourneyObjectCodec = strictObject('Journey', {
  id: JourneyIdCodec,
  customerId: CustomerIdCodec,
  status: oneOf('JourneyStatus', JourneyStatusSchema.options),
  interactionIds: arrayOf(InteractionIdCodec, { min: 1, max: 100_000 }),
  channels: arrayOf(ChannelCodec, { min: 1 }),
  references: withDefault(
    arrayOf(ReferenceCodec),
    () => JourneySchema.shape.references.def.defaultValue,
  ),
  topic: optional(text(1, 200)),
  openedAt: TimestampCodec,
  updatedAt: TimestampCodec,
  resolvedAt: optional(TimestampCodec),
});

/** The journey schema's cross-field rules: not updated before opened; no interaction twice. */
function journeyRules(value: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const openedAt = field(value, 'openedAt');
  const updatedAt = field(value, 'updatedAt');
  if (
    typeof openedAt === 'string' &&
    typeof updatedAt === 'string' &&
    Date.parse(updatedAt) < Date.parse(openedAt)
  ) {
    issues.push({ path: ['updatedAt'], message: 'updatedAt is before openedAt' });
  }
  const seen = new Set<unknown>();
  list(field(value, 'interactionIds')).forEach((id, index) => {
    if (seen.has(id)) {
      issues.push({
        path: ['interactionIds', index],
        message: `interaction "${String(id)}" appears twice`,
      });
    }
    seen.add(id);
  });
  return issues;
}

/**
 * io-ts codec of a {@link Journey}, equivalent to `JourneySchema` and `safeParseJourney`,
 * including its rules: `updatedAt` is not before `openedAt` and no interaction appears twice.
 *
 * @example
 * ```ts
 * import { JourneyCodec, toIssues } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = JourneyCodec.decode({
 *   id: 'jny-1', customerId: 'cus-1', status: 'open',
 *   interactionIds: ['em-1', 'em-1'], channels: ['email'],
 *   openedAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
 * });
 * if (E.isLeft(r)) console.log(toIssues(r.left)[0]?.path); // [ 'interactionIds', 1 ]
 * ```
 */
export const JourneyCodec: t.Type<Journey, z.input<typeof JourneySchema>, unknown> = withRules(
  JourneyObjectCodec,
  journeyRules,
);

/**
 * io-ts codec of a {@link CustomerIdentifier}: an identifier of a resolved customer with its
 * matching key, trust, confidence and provenance.
 *
 * @example
 * ```ts
 * import { CustomerIdentifierCodec } from 'threadline/fp';
 *
 * console.log(CustomerIdentifierCodec.is({
 *   identifier: { kind: 'email', value: 'Ana@Example.com' }, key: 'email:ana@example.com',
 *   trust: { level: 'verified', method: 'login' }, confidence: 1,
 *   firstSeenAt: '2026-03-01T09:00:00Z', lastSeenAt: '2026-03-01T09:00:00Z', interactionIds: ['em-1'],
 * })); // true
 * ```
 */
export const CustomerIdentifierCodec: t.Type<
  CustomerIdentifier,
  z.input<typeof CustomerIdentifierSchema>,
  unknown
> = strictObject('CustomerIdentifier', {
  identifier: IdentifierCodec,
  key: text(1, 1024),
  trust: TrustCodec,
  confidence: boundedNumber(0, 1),
  firstSeenAt: TimestampCodec,
  lastSeenAt: TimestampCodec,
  interactionIds: arrayOf(InteractionIdCodec),
});

/**
 * io-ts codec of a resolved {@link Customer}, equivalent to `CustomerSchema` and
 * `safeParseCustomer`; `names` defaults to `[]`.
 *
 * @example
 * ```ts
 * import { CustomerCodec } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = CustomerCodec.decode({
 *   id: 'cus-1', identifiers: [], interactionIds: ['em-1'],
 *   createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
 * });
 * if (E.isRight(r)) console.log(r.right.names); // []
 * ```
 */
export const CustomerCodec: t.Type<
  Customer,
  z.input<typeof CustomerSchema>,
  unknown
> = strictObject('Customer', {
  id: CustomerIdCodec,
  names: withDefault(arrayOf(text(1, 256)), () => CustomerSchema.shape.names.def.defaultValue),
  identifiers: arrayOf(CustomerIdentifierCodec),
  interactionIds: arrayOf(InteractionIdCodec),
  createdAt: TimestampCodec,
  updatedAt: TimestampCodec,
});

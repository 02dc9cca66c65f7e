import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import {
  type Channel,
  type ChannelProfile,
  type ChannelProfileOverrides,
  ChannelProfileSchema,
  ChannelSchema,
  channelProfile,
  profileOverrides,
} from '../../model/channel.js';
import type { Customer } from '../../model/customer.js';
import type { Interaction } from '../../model/interaction.js';
import type { Journey } from '../../model/journey.js';
import { toIssues } from '../../model/parse.js';
import { TimestampSchema } from '../../model/time.js';
import { RegionCodeSchema } from '../../normalize/phone/phone.js';
import { type HandoffCache, isHandoffCache } from '../cache/cache.js';
import { HandoffBudgetSchema, HandoffFormatSchema, HandoffReaderSchema } from './schema.js';

/**
 * Options of {@link buildHandoff}. Only `to` and `now` are required.
 *
 * @example
 * ```ts
 * import { HandoffOptionsSchema } from 'threadline';
 *
 * const parsed = HandoffOptionsSchema.parse({ to: 'phone', now: '2026-03-01T10:00:00Z' });
 * console.log(parsed.reader, parsed.format, parsed.budget); // agent json { chars: 4000 }
 * ```
 */
export const HandoffOptionsSchema = z.strictObject({
  /** The channel the packet is for. */
  to: ChannelSchema,
  /**
   * For a target channel with public and private sides (X, Instagram): which side the reply
   * goes to. Defaults to the channel profile's visibility, and to `public` for mixed channels,
   * the stricter side.
   */
  visibility: z.enum(['public', 'private']).optional(),
  /** Who reads the packet (default `agent`). */
  reader: HandoffReaderSchema.default('agent'),
  /** The size the rendered packet must fit (default 4,000 characters). */
  budget: HandoffBudgetSchema.default({ chars: 4000 }),
  /** The format the budget is fitted for (default `json`); every renderer fits on its own too. */
  format: HandoffFormatSchema.default('json'),
  /** The current time: an ISO 8601 instant, milliseconds since 1970, or a `Date`. */
  now: z.union([TimestampSchema, z.number().int().nonnegative().max(253402300799999), z.date()]),
  /** Show agents the linked identifiers and contact details unmasked (default false). */
  reveal: z.boolean().default(false),
  /** Linked identifiers with a lower confidence are never shown (default 0.9). */
  disclosureThreshold: z.number().min(0).max(1).default(0.9),
  /** Channel profile overrides (see `channelProfile`), for the service clock and visibility. */
  profiles: z.partialRecord(ChannelSchema, ChannelProfileSchema.partial()).default({}),
  /** The phone region for numbers written without a country code. */
  region: RegionCodeSchema.optional(),
  /** How to read numeric dates whose day and month could be swapped. */
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  /**
   * A cache from `createHandoffCache`, shared by the builds of a growing journey so that each
   * text is read once; the packet is the same with or without it.
   */
  cache: z
    .custom<HandoffCache>(isHandoffCache, { message: 'expected a cache from createHandoffCache' })
    .optional(),
});

/**
 * What callers pass to {@link buildHandoff}; see {@link HandoffOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { HandoffOptions } from 'threadline';
 *
 * const whisper: HandoffOptions = { to: 'phone', reader: 'agent', budget: { chars: 280 }, format: 'text', now: Date.UTC(2026, 2, 1) };
 * console.log(whisper.format); // text
 * ```
 */
export type HandoffOptions = z.input<typeof HandoffOptionsSchema>;

const IdentitySchema = z.object({
  probability: z.number().min(0).max(1),
  weight: z.number().optional(),
  steps: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        label: z.string().max(200).optional(),
        weight: z.number(),
      }),
    )
    .max(200)
    .optional(),
  guards: z.array(z.string().max(500)).max(50).optional(),
});

/**
 * The resolver's view of who this is: the probability that the journey's interactions are one
 * person, and the evidence behind it. The resolver's `Evidence` (a decision's `evidence`, or an
 * event's) has this shape.
 *
 * @example
 * ```ts
 * import type { HandoffIdentity } from 'threadline';
 *
 * const identity: HandoffIdentity = { probability: 0.993, weight: 7.2, steps: [{ name: 'email', label: 'exact', weight: 9.1 }] };
 * console.log(identity.probability);
 * ```
 */
export interface HandoffIdentity {
  /** The probability that all of this is one person. */
  readonly probability: number;
  /** The match weight in bits. */
  readonly weight?: number | undefined;
  /** The waterfall: each comparison's contribution. */
  readonly steps?:
    | readonly {
        readonly name: string;
        readonly label?: string | undefined;
        readonly weight: number;
      }[]
    | undefined;
  /** Guards that limited the decision. */
  readonly guards?: readonly string[] | undefined;
}

/**
 * What a packet is built from: the journey, its interactions (parsed model objects; others are
 * ignored), and, when known, the resolved customer and the resolver's evidence.
 *
 * @example
 * ```ts
 * import type { HandoffInput } from 'threadline';
 *
 * const interactions = (input: HandoffInput) => input.interactions.length;
 * console.log(typeof interactions); // function
 * ```
 */
export interface HandoffInput {
  /** The journey to hand off (see `threadJourneys`). */
  readonly journey: Journey;
  /** Its interactions; interactions of other journeys are ignored. */
  readonly interactions: readonly Interaction[];
  /** The resolved customer (see `resolver.customer(id)`), when known. */
  readonly customer?: Customer | undefined;
  /** The resolver's evidence that this is one person, when known. */
  readonly identity?: HandoffIdentity | undefined;
}

/** Options after validation, with `now` in milliseconds and the target's profile resolved. */
export interface CompiledHandoffOptions {
  readonly to: Channel;
  readonly profile: ChannelProfile;
  readonly publicTarget: boolean;
  readonly reader: z.infer<typeof HandoffReaderSchema>;
  readonly budget: z.infer<typeof HandoffBudgetSchema>;
  readonly format: z.infer<typeof HandoffFormatSchema>;
  readonly nowMs: number;
  readonly now: string;
  readonly reveal: boolean;
  readonly disclosureThreshold: number;
  readonly profiles: ChannelProfileOverrides;
  readonly region: string | undefined;
  readonly dateOrder: 'mdy' | 'dmy' | undefined;
  readonly cache: HandoffCache | undefined;
}

/** Validates options; throws `invalid_options` with path-addressed issues. */
export function compileHandoffOptions(options: unknown): CompiledHandoffOptions {
  const parsed = HandoffOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ThreadlineError('invalid_options', 'Invalid handoff options', toIssues(parsed.error));
  }
  const o = parsed.data;
  const nowMs =
    o.now instanceof Date ? o.now.getTime() : typeof o.now === 'number' ? o.now : Date.parse(o.now);
  if (!Number.isFinite(nowMs) || nowMs < 0 || nowMs > 253402300799999) {
    throw new ThreadlineError('invalid_options', 'Invalid handoff options', [
      { code: 'invalid_date', path: ['now'], message: 'expected a time between 1970 and 9999' },
    ]);
  }
  const profiles = profileOverrides(o.profiles);
  const profile = channelProfile(o.to, profiles);
  const visibility =
    o.visibility ?? (profile.visibility === 'private' ? 'private' : ('public' as const));
  return {
    to: o.to,
    profile,
    publicTarget: visibility === 'public',
    reader: o.reader,
    budget: o.budget,
    format: o.format,
    nowMs,
    now: new Date(nowMs).toISOString(),
    reveal: o.reveal,
    disclosureThreshold: o.disclosureThreshold,
    profiles,
    region: o.region,
    dateOrder: o.dateOrder,
    cache: o.cache,
  };
}

/** Validates the resolver's identity view; throws `invalid_input` with paths. */
export function checkIdentity(identity: unknown): HandoffIdentity | undefined {
  if (identity === undefined) return undefined;
  const parsed = IdentitySchema.safeParse(identity);
  if (parsed.success) return parsed.data;
  throw new ThreadlineError(
    'invalid_input',
    'Invalid identity evidence',
    toIssues(parsed.error).map((issue) => ({ ...issue, path: ['identity', ...issue.path] })),
  );
}

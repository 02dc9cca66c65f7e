import { z } from 'zod';
import { IdentifierSchema } from '../model/identifier.js';
import { RegionCodeSchema } from '../normalize/phone/phone.js';

const probability = z.number().gt(0).lt(1);

/**
 * When the resolver links, asks an agent, or merges two large customers. Probabilities:
 * at or above `link` an interaction joins a customer; from `review` up to `link` an agent is
 * asked; a merge joining two large customers needs `largeMerge`.
 *
 * @example
 * ```ts
 * import { ThresholdsSchema } from 'threadline';
 *
 * console.log(ThresholdsSchema.parse({})); // { link: 0.95, review: 0.5, largeMerge: 0.9999 }
 * ```
 */
export const ThresholdsSchema = z
  .strictObject({
    /** Link at or above this probability (default 0.95). */
    link: probability.default(0.95),
    /** Ask an agent at or above this probability, below `link` (default 0.5). */
    review: probability.default(0.5),
    /** Merge two large customers only at or above this probability (default 0.9999). */
    largeMerge: probability.default(0.9999),
  })
  .superRefine((t, ctx) => {
    if (t.review > t.link)
      ctx.addIssue({ code: 'custom', path: ['review'], message: 'review must not exceed link' });
    if (t.largeMerge < t.link)
      ctx.addIssue({
        code: 'custom',
        path: ['largeMerge'],
        message: 'largeMerge must be at least link',
      });
  });

/**
 * Resolver thresholds; see {@link ThresholdsSchema}.
 *
 * @example
 * ```ts
 * import type { Thresholds } from 'threadline';
 *
 * const strict: Thresholds = { link: 0.99, review: 0.6, largeMerge: 0.99999 };
 * console.log(strict.link);
 * ```
 */
export type Thresholds = z.infer<typeof ThresholdsSchema>;

const limits = z.strictObject({
  email: z.number().int().min(1).max(1000).default(5),
  phone: z.number().int().min(1).max(1000).default(5),
  social: z.number().int().min(1).max(1000).default(10),
  scoped_id: z.number().int().min(1).max(1000).default(10),
  account: z.number().int().min(1).max(1000).default(3),
  device: z.number().int().min(1).max(1000).default(20),
});

/**
 * The guards against false merges. A false merge shows one customer's data to another, so
 * each guard errs towards asking an agent:
 *
 * - `maxCustomersPerIdentifier`: an identifier already held by more customers than this is
 *   generic (a shop's front desk, a shared family line): neither a blocking key nor evidence;
 * - `businessIdentifiers`: the business's own numbers, addresses and handles, never evidence;
 * - `ignoreRoleMailboxes`: `support@`, `info@` and the like are never evidence (default true);
 * - `identifierLimits`: at most this many identifiers of a kind per customer; a link or merge
 *   that would exceed it goes to review;
 * - `uniqueKinds`: kinds one person has at most one of per namespace (an account id); two
 *   different verified ones never merge;
 * - `largeCustomer`: customers with this many interactions or more merge only at
 *   `thresholds.largeMerge` and with more than one agreeing comparison;
 * - `vetoComparisons`: comparisons whose clear disagreement holds a link back for review (a
 *   different given name on a household phone);
 * - `claimedNeedsCorroboration`: a link resting on one comparison needs that identifier to be
 *   verified in the incoming interaction (default true);
 * - `maxCandidatesPerKey` / `maxCandidates`: blocking keys held by more customers than this are
 *   not selective and are skipped; at most this many candidates are scored.
 *
 * @example
 * ```ts
 * import { GuardsSchema } from 'threadline';
 *
 * const guards = GuardsSchema.parse({ maxCustomersPerIdentifier: 2, identifierLimits: { email: 3 } });
 * console.log(guards.identifierLimits.email, guards.identifierLimits.phone); // 3 5
 * ```
 */
export const GuardsSchema = z.strictObject({
  /** An identifier held by more customers than this is generic (default 3). */
  maxCustomersPerIdentifier: z.number().int().min(1).max(1_000_000).default(3),
  /** The business's own identifiers: never evidence. */
  businessIdentifiers: z.array(IdentifierSchema).max(10_000).default([]),
  /** Role mailboxes (`support@`, `info@`) are never evidence (default true). */
  ignoreRoleMailboxes: z.boolean().default(true),
  /** Most identifiers of each kind one customer may hold. */
  identifierLimits: limits.default(limits.parse({})),
  /** Kinds of which one person has one per namespace; conflicting verified ones never merge. */
  uniqueKinds: z
    .array(z.enum(['account', 'scoped_id', 'email', 'phone', 'social', 'device']))
    .default(['account', 'scoped_id']),
  /** Interactions from which a customer counts as large (default 25). */
  largeCustomer: z.number().int().min(2).max(10_000_000).default(25),
  /**
   * Comparisons whose clear disagreement (their last level, `else`) holds a link back for review
   * (default `given_name`: two people sharing a household phone and family name).
   */
  vetoComparisons: z.array(z.string().min(1).max(64)).max(64).default(['given_name']),
  /** A link on one comparison needs a verified identifier (default true). */
  claimedNeedsCorroboration: z.boolean().default(true),
  /** Blocking keys held by more customers are skipped (default 200). */
  maxCandidatesPerKey: z.number().int().min(1).max(100_000).default(200),
  /** The most candidates scored per interaction (default 20). */
  maxCandidates: z.number().int().min(1).max(1000).default(20),
});

/**
 * Merge guards; see {@link GuardsSchema}.
 *
 * @example
 * ```ts
 * import type { Guards } from 'threadline';
 *
 * const shop = (guards: Guards) => guards.businessIdentifiers.length;
 * console.log(typeof shop);
 * ```
 */
export type Guards = z.infer<typeof GuardsSchema>;

/**
 * What {@link GuardsSchema} accepts: every field may be left out.
 *
 * @example
 * ```ts
 * import type { GuardsInput } from 'threadline';
 *
 * const guards: GuardsInput = { businessIdentifiers: [{ kind: 'phone', value: '+18005550100' }] };
 * console.log(guards.businessIdentifiers?.length); // 1
 * ```
 */
export type GuardsInput = z.input<typeof GuardsSchema>;

/**
 * The serialisable settings of a resolver (the model, store and clock are passed beside them).
 *
 * @example
 * ```ts
 * import { ResolverSettingsSchema } from 'threadline';
 *
 * const settings = ResolverSettingsSchema.parse({ region: 'GB' });
 * console.log(settings.thresholds.link, settings.maxValuesPerField); // 0.95 16
 * ```
 */
export const ResolverSettingsSchema = z.strictObject({
  /** When to link, review and merge large customers. */
  thresholds: ThresholdsSchema.default(ThresholdsSchema.parse({})),
  /** The guards against false merges. */
  guards: GuardsSchema.default(GuardsSchema.parse({})),
  /** The phone region for numbers without a country code when an interaction names none. */
  region: RegionCodeSchema.optional(),
  /** The most values of one field a customer's profile keeps for matching, newest first. */
  maxValuesPerField: z.number().int().min(1).max(1000).default(16),
  /** Bounded caches: normalizer results kept between calls. */
  cacheSize: z.number().int().min(0).max(10_000_000).default(20_000),
  /** How many times an ingest retries when another writer changed the store first. */
  retries: z.number().int().min(0).max(100).default(8),
});

/**
 * Resolver settings after defaults; see {@link ResolverSettingsSchema}.
 *
 * @example
 * ```ts
 * import type { ResolverSettings } from 'threadline';
 *
 * const link = (s: ResolverSettings) => s.thresholds.link;
 * console.log(typeof link);
 * ```
 */
export type ResolverSettings = z.infer<typeof ResolverSettingsSchema>;

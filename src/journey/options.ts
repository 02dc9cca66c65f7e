import { z } from 'zod';
import { ThreadlineError } from '../core/errors.js';
import type { Issue } from '../core/result.js';
import {
  type Channel,
  ChannelProfileSchema,
  ChannelSchema,
  channelProfile,
  KNOWN_CHANNELS,
  profileOverrides,
} from '../model/channel.js';
import { type CustomerId, CustomerIdSchema } from '../model/ids.js';
import { toIssues } from '../model/parse.js';
import { type ReferenceKind, ReferenceKindSchema } from '../model/reference.js';
import { defaultReferenceExtractor } from '../normalize/reference/defaults.js';
import type { ReferenceExtractor } from '../normalize/reference/patterns.js';
import {
  type CompiledCues,
  compileCues,
  defaultSwitchCues,
  emptyPhrases,
  SwitchCueSpecSchema,
} from './cues.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ReferenceExtractorSchema = z.custom<ReferenceExtractor>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    'tables' in value &&
    'patterns' in value &&
    Array.isArray((value as { patterns: unknown }).patterns),
  { message: 'expected a compiled reference extractor (see compileReferencePatterns)' },
);

const durationMs = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Options of {@link threadJourneys} and {@link createJourneyThreader}. Only `customerId` is
 * required; every window has a default drawn from the channel profiles.
 *
 * @example
 * ```ts
 * import { JourneyThreadingOptionsSchema } from 'threadline';
 *
 * const r = JourneyThreadingOptionsSchema.safeParse({ customerId: 'cus-1', topicThreshold: 2 });
 * console.log(r.success); // false
 * ```
 */
export const JourneyThreadingOptionsSchema = z.strictObject({
  /** The customer every interaction belongs to; journey ids are derived from it. */
  customerId: CustomerIdSchema,
  /**
   * A channel's continuation window is this many times its profile's expected resolution time
   * (default 4: two hours for chat and phone, four days for email).
   */
  windowFactor: z.number().positive().max(1_000_000).default(4),
  /** Per-channel continuation windows in milliseconds, overriding `windowFactor`. */
  windows: z.partialRecord(ChannelSchema, durationMs).default({}),
  /** Channel profile overrides (see `channelProfile`), used for windows and `dm` cues. */
  profiles: z.partialRecord(ChannelSchema, ChannelProfileSchema.partial()).default({}),
  /** How long a channel-switch cue stays valid, in milliseconds (default 72 hours). */
  cueWindowMs: durationMs.default(72 * HOUR),
  /** How long after its resolution a journey can be reopened by topic alone (default 30 days). */
  reopenWindowMs: durationMs.default(30 * DAY),
  /** The topic similarity (0–1) from which topic alone joins a journey (default 0.3). */
  topicThreshold: z.number().gt(0).max(1).default(0.3),
  /** Fewer distinct topic terms than this and a text is too short to judge by topic (default 3). */
  minTopicTerms: z.number().int().min(1).max(1000).default(3),
  /** How many recently active journeys weak evidence is compared with (default 50). */
  maxCandidates: z.number().int().min(1).max(10_000).default(50),
  /** The reference kinds that thread interactions together (default: all but `account`). */
  referenceKinds: z
    .array(ReferenceKindSchema)
    .default(ReferenceKindSchema.options.filter((kind) => kind !== 'account')),
  /** The channel-switch cue table (default {@link defaultSwitchCues}). */
  cues: z
    .array(SwitchCueSpecSchema)
    .max(10_000)
    .default([...defaultSwitchCues]),
  /** The extractor for reference numbers in subjects and messages. */
  referenceExtractor: ReferenceExtractorSchema.default(defaultReferenceExtractor),
});

/**
 * What callers pass as threading options; see {@link JourneyThreadingOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { JourneyThreadingOptions } from 'threadline';
 *
 * const options: JourneyThreadingOptions = { customerId: 'cus-1', windows: { chat: 3_600_000 } };
 * console.log(options.windows?.chat); // 3600000
 * ```
 */
export type JourneyThreadingOptions = z.input<typeof JourneyThreadingOptionsSchema>;

/** Validated options, with the cue table compiled and windows resolved per channel. */
export interface CompiledThreadingOptions {
  readonly customerId: CustomerId;
  readonly cueWindowMs: number;
  readonly reopenWindowMs: number;
  readonly topicThreshold: number;
  readonly minTopicTerms: number;
  readonly maxCandidates: number;
  readonly referenceKinds: ReadonlySet<ReferenceKind>;
  readonly cues: CompiledCues;
  readonly referenceExtractor: ReferenceExtractor;
  /** The continuation window of a channel. */
  readonly windowOf: (channel: Channel) => number;
  /** Whether a channel has public and private sides (X, Instagram). */
  readonly isMixed: (channel: Channel) => boolean;
  /** The longest window that can matter: older journeys are never candidates for weak evidence. */
  readonly horizonMs: number;
}

/** Validates and compiles threading options; throws `invalid_options` with paths. */
export function compileThreadingOptions(options: unknown): CompiledThreadingOptions {
  const parsed = JourneyThreadingOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ThreadlineError(
      'invalid_options',
      'Invalid journey threading options',
      toIssues(parsed.error),
    );
  }
  const o = parsed.data;
  const issues: Issue[] = [];
  o.cues.forEach((spec, i) => {
    for (const p of emptyPhrases(spec)) {
      issues.push({
        code: 'empty_phrase',
        path: ['cues', i, 'phrases', p],
        message: 'a cue phrase needs at least one letter or digit',
      });
    }
  });
  if (issues.length > 0) {
    throw new ThreadlineError('invalid_options', 'Invalid journey threading options', issues);
  }
  const profiles = profileOverrides(o.profiles);
  const windows = o.windows;
  const cache = new Map<Channel, number>();
  const windowOf = (channel: Channel): number => {
    let window = cache.get(channel);
    if (window === undefined) {
      const explicit = Object.hasOwn(windows, channel) ? windows[channel] : undefined;
      window =
        explicit ??
        Math.min(
          Number.MAX_SAFE_INTEGER,
          Math.round(o.windowFactor * channelProfile(channel, profiles).resolutionMs),
        );
      cache.set(channel, window);
    }
    return window;
  };
  const isMixed = (channel: Channel): boolean =>
    channelProfile(channel, profiles).visibility === 'mixed';
  // Custom channels fall back to the `other` profile unless named in the options, so the known
  // channels and the configured ones bound every window.
  const channels = new Set<Channel>([
    ...KNOWN_CHANNELS,
    ...(Object.keys(windows) as Channel[]),
    ...(Object.keys(profiles) as Channel[]),
  ]);
  let horizonMs = Math.max(o.reopenWindowMs, o.cueWindowMs);
  for (const channel of channels) horizonMs = Math.max(horizonMs, windowOf(channel));
  return {
    customerId: o.customerId,
    cueWindowMs: o.cueWindowMs,
    reopenWindowMs: o.reopenWindowMs,
    topicThreshold: o.topicThreshold,
    minTopicTerms: o.minTopicTerms,
    maxCandidates: o.maxCandidates,
    referenceKinds: new Set(o.referenceKinds),
    cues: compileCues(o.cues),
    referenceExtractor: o.referenceExtractor,
    windowOf,
    isMixed,
    horizonMs,
  };
}

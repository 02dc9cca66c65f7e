/**
 * The public shapes of the generator's output: one interaction with its ground truth, the
 * hard cases it shows, and the stream with its live progress.
 */

import type { Interaction } from '../../model/interaction.js';

/**
 * What a generated interaction shows that a resolver has to cope with: a phone `shared` by a
 * household, a `shared_mailbox`, a `changed_phone` or `new_handle` (the new value), a
 * `placeholder`, one of the business's own identifiers, or a `typo` in an identifier (so the
 * value no longer normalizes to the person's).
 *
 * @example
 * ```ts
 * import type { InteractionFeature } from 'threadline/testing';
 *
 * const feature: InteractionFeature = 'shared_phone';
 * console.log(feature);
 * ```
 */
export type InteractionFeature =
  | 'shared_phone'
  | 'shared_mailbox'
  | 'changed_phone'
  | 'new_handle'
  | 'placeholder'
  | 'business_identifier'
  | 'typo';

/**
 * One generated interaction with its ground truth: the person it belongs to and the journey
 * (issue) within that person's history.
 *
 * @example
 * ```ts
 * import { generateInteractions, type GeneratedInteraction } from 'threadline/testing';
 *
 * const [first] = generateInteractions({ people: 1 });
 * const item: GeneratedInteraction | undefined = first;
 * console.log(item?.person, item?.interaction.id); // p0 ix-1
 * ```
 */
export interface GeneratedInteraction {
  /** A valid interaction, as a helpdesk would deliver it. */
  readonly interaction: Interaction;
  /** The ground-truth person (`p<n>`); never evidence. */
  readonly person: string;
  /** The ground-truth journey (`p<n>-j<k>`): one issue of that person. */
  readonly journey: string;
  /** What this interaction shows that makes resolution hard. */
  readonly features: readonly InteractionFeature[];
}

/**
 * A live view of a stream's progress: how many people were made so far and how many are
 * still held in memory because they have interactions to come.
 *
 * @example
 * ```ts
 * import { generateInteractions, type InteractionStreamStats } from 'threadline/testing';
 *
 * const stream = generateInteractions({ people: 1_000_000 });
 * stream.next();
 * const stats: InteractionStreamStats = stream.stats;
 * console.log(stats.people, stats.interactions); // 1 1
 * ```
 */
export interface InteractionStreamStats {
  /** People materialized so far (people are made only when their first interaction is due). */
  readonly people: number;
  /** People held in memory: those with interactions still to come. */
  readonly active: number;
  /** Interactions yielded so far. */
  readonly interactions: number;
}

/**
 * The stream {@link generateInteractions} returns: a generator of interactions in time order,
 * with live {@link InteractionStreamStats}.
 *
 * @example
 * ```ts
 * import { generateInteractions, type InteractionStream } from 'threadline/testing';
 *
 * const stream: InteractionStream = generateInteractions({ people: 10 });
 * for (const item of stream) if (item.interaction.channel === 'x') break;
 * console.log(stream.stats.people <= 10); // true
 * ```
 */
export type InteractionStream = Generator<GeneratedInteraction, void, undefined> & {
  /** Progress so far; updated as items are taken. */
  readonly stats: InteractionStreamStats;
};

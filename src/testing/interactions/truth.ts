/**
 * Separating what a resolver may see from the ground truth it is scored against.
 */

import type { Interaction } from '../../model/interaction.js';
import type { GeneratedInteraction } from './types.js';

/**
 * Generated interactions without their ground truth, and the truth apart.
 *
 * @example
 * ```ts
 * import { generateInteractions, separateInteractionTruth, type SeparatedInteractions } from 'threadline/testing';
 *
 * const split: SeparatedInteractions = separateInteractionTruth(generateInteractions({ people: 2 }));
 * console.log(split.interactions.length > 0); // true
 * ```
 */
export interface SeparatedInteractions {
  /** The interactions as a resolver sees them, in time order. */
  readonly interactions: readonly Interaction[];
  /** The person an interaction belongs to, by interaction id ('' when unknown). */
  readonly truth: {
    /** The person of an interaction, by interaction id. */
    readonly key: (id: string) => string;
  };
  /** The journey an interaction belongs to, by interaction id ('' when unknown). */
  readonly journeys: {
    /** The journey of an interaction, by interaction id. */
    readonly key: (id: string) => string;
  };
}

/**
 * Splits generated interactions into what a resolver may see and the ground truth (person
 * and journey by interaction id), ready for the evaluation tools.
 *
 * @param items - generated interactions, e.g. from {@link generateInteractions}.
 * @example
 * ```ts
 * import { generateInteractions, separateInteractionTruth } from 'threadline/testing';
 *
 * const { interactions, truth, journeys } = separateInteractionTruth(generateInteractions({ people: 5, seed: 3 }));
 * const first = interactions[0]?.id ?? '';
 * console.log(truth.key(first), journeys.key(first)); // p0 p0-j0
 * ```
 */
export function separateInteractionTruth(
  items: Iterable<GeneratedInteraction>,
): SeparatedInteractions {
  const people = new Map<string, string>();
  const journeys = new Map<string, string>();
  const interactions: Interaction[] = [];
  for (const item of items) {
    people.set(item.interaction.id, item.person);
    journeys.set(item.interaction.id, item.journey);
    interactions.push(item.interaction);
  }
  return {
    interactions,
    truth: { key: (id) => people.get(id) ?? '' },
    journeys: { key: (id) => journeys.get(id) ?? '' },
  };
}

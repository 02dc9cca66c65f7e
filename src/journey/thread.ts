import { ThreadlineError } from '../core/errors.js';
import type { Issue } from '../core/result.js';
import type { Interaction } from '../model/interaction.js';
import type { Journey } from '../model/journey.js';
import type { JourneyAssignment } from './evidence.js';
import { compileThreadingOptions, type JourneyThreadingOptions } from './options.js';
import { toMs } from './prepare.js';
import { threaderFor } from './threader.js';

/**
 * What {@link threadJourneys} returns: the journeys, oldest first, and one assignment per
 * interaction in processing order.
 *
 * @example
 * ```ts
 * import { threadJourneys, type JourneyThreading } from 'threadline';
 *
 * const result: JourneyThreading = threadJourneys([], { customerId: 'cus-1' });
 * console.log(result.journeys.length, result.assignments.length); // 0 0
 * ```
 */
export interface JourneyThreading {
  /** The journeys, ordered by their first interaction. */
  readonly journeys: readonly Journey[];
  /** Where each interaction went and why, in (startedAt, id) order. */
  readonly assignments: readonly JourneyAssignment[];
}

/**
 * Threads one customer's interactions into journeys, one issue each, and explains every
 * assignment. Interactions are processed in (startedAt, id) order whatever order they are
 * given in, so the result depends only on the set of interactions; it equals feeding them in
 * that order to {@link createJourneyThreader}.
 *
 * @param interactions - parsed interactions of one customer (see `parseInteraction`).
 * @param options - see {@link JourneyThreadingOptionsSchema}; only `customerId` is required.
 * @returns the journeys and the assignments.
 * @throws {@link ThreadlineError} `invalid_options` for bad options, `invalid_input` when two
 *   interactions share an id (each duplicate is named, with its index).
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', status: 'closed',
 *   messages: [
 *     { author: 'customer', text: 'My cat is sick, what vitamin dose is safe?' },
 *     { author: 'agent', text: 'A vet should check that: please call us on 0800 123 456.' },
 *   ],
 * });
 * const call = parseInteraction({
 *   id: 'call-1', channel: 'phone', startedAt: '2026-03-01T09:20:00Z',
 * });
 * const { journeys, assignments } = threadJourneys([call, chat], { customerId: 'cus-1' });
 * console.log(journeys.length, journeys[0]?.channels); // 1 [ 'chat', 'phone' ]
 * console.log(assignments[1]?.evidence.map((e) => e.kind)); // [ 'channel_switch', 'time_window' ]
 * ```
 */
export function threadJourneys(
  interactions: readonly Interaction[],
  options: JourneyThreadingOptions,
): JourneyThreading {
  const compiled = compileThreadingOptions(options);
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  interactions.forEach((interaction, index) => {
    const earlier = firstIndex.get(interaction.id);
    if (earlier === undefined) firstIndex.set(interaction.id, index);
    else {
      issues.push({
        code: 'duplicate_id',
        path: [index, 'id'],
        message: `interaction id "${interaction.id}" also appears at index ${earlier}`,
      });
    }
  });
  if (issues.length > 0) {
    throw new ThreadlineError('invalid_input', 'Duplicate interaction ids', issues);
  }
  const ordered = interactions
    .map((interaction) => ({ interaction, ms: toMs(interaction.startedAt) }))
    .sort((a, b) =>
      a.ms !== b.ms
        ? a.ms - b.ms
        : a.interaction.id < b.interaction.id
          ? -1
          : a.interaction.id > b.interaction.id
            ? 1
            : 0,
    );
  const threader = threaderFor(compiled);
  for (const { interaction } of ordered) threader.add(interaction);
  return { journeys: threader.journeys(), assignments: threader.assignments() };
}

/**
 * The generator's entry point: the lazy stream that makes people as their first contact
 * comes due, emits their interactions in time order and drops them after their last.
 */

import type { Interaction } from '../../model/interaction.js';
import { type Context, makeContext } from './context.js';
import { buildInteraction } from './interaction.js';
import { type InteractionGenerationOptions, parseOptions } from './options.js';
import { createPerson, type Household } from './people.js';
import { nextContact, PersonHeap } from './schedule.js';
import type { GeneratedInteraction, InteractionStream, InteractionStreamStats } from './types.js';

/** The stream's progress; only the stream writes it, callers see it read-only. */
interface MutableStats {
  people: number;
  active: number;
  interactions: number;
}

/** People arrive, are served in time order, and leave after their last contact. */
function* stream(ctx: Context, stats: MutableStats): Generator<GeneratedInteraction, void> {
  const { random } = ctx;
  const people = ctx.settings.people;
  const span = ctx.end - ctx.start;
  const heap = new PersonHeap();
  const household: Household = { phone: '', family: '' };
  // First contacts are the order statistics of uniform draws over the window, produced in
  // ascending order one at a time, so people are made only when their first contact is due.
  let position = 0;
  const arrival = (ordinal: number): number => {
    position = 1 - (1 - position) * (1 - random()) ** (1 / (people - ordinal));
    return ctx.start + Math.min(span - 1, Math.floor(position * span));
  };
  let ordinal = 0;
  let nextArrival = people > 0 ? arrival(0) : Number.POSITIVE_INFINITY;
  let n = 0;
  for (;;) {
    const top = heap.peek();
    if (ordinal < people && (top === undefined || nextArrival <= top.next)) {
      heap.push(createPerson(ctx, ordinal, nextArrival, household));
      ordinal++;
      stats.people = ordinal;
      nextArrival = ordinal < people ? arrival(ordinal) : Number.POSITIVE_INFINITY;
      continue;
    }
    const person = heap.pop();
    if (person === undefined) return;
    n++;
    const item = buildInteraction(ctx, person, n);
    person.done++;
    person.previous = person.next;
    if (person.done < person.total) {
      person.next = nextContact(ctx, person.next);
      heap.push(person);
    }
    stats.active = heap.size;
    stats.interactions = n;
    yield item;
  }
}

/**
 * Generates a reproducible stream of customer-service interactions with ground truth: N
 * people, each seen a few times on email, phone, SMS, WhatsApp, web chat, X, Instagram and
 * Messenger, with the identifiers typical of each channel and realistic corruption (typos and
 * transpositions, case and spacing, Gmail dots and `+tags`, national and international phone
 * formats, nicknames and initials, accents dropped), and the hard cases: a new handle, a
 * changed phone number, household phones and shared mailboxes, placeholder values, the
 * business's own identifiers, verified and merely claimed identifiers.
 *
 * Interactions come in time order (`startedAt` ascending) with ids `ix-1`, `ix-2`, …; each is
 * a valid {@link Interaction}. The stream is lazy: a person is made when their first contact
 * is due and dropped after their last, so memory follows the people active at once, not the
 * population, and millions of interactions stream in seconds.
 *
 * @param options - see {@link InteractionGenerationOptionsSchema}.
 * @returns a generator with live {@link InteractionStreamStats}.
 * @throws `ThreadlineError` with code `invalid_options` and path-addressed issues when
 *   the options are malformed.
 * @example
 * ```ts
 * import { parseInteraction } from 'threadline';
 * import { generateInteractions } from 'threadline/testing';
 *
 * for (const { interaction, person, journey } of generateInteractions({ people: 2, seed: 42 })) {
 *   parseInteraction(interaction); // always valid
 *   console.log(interaction.id, interaction.channel, person, journey);
 * }
 * // ix-1 chat p0 p0-j0
 * // ix-2 whatsapp p0 p0-j0
 * // ix-3 email p0 p0-j0
 * // ix-4 phone p1 p1-j0
 * // …
 * ```
 */
export function generateInteractions(
  options: InteractionGenerationOptions = {},
): InteractionStream {
  const ctx = makeContext(parseOptions(options));
  const stats: MutableStats = { people: 0, active: 0, interactions: 0 };
  const readonlyStats: InteractionStreamStats = stats;
  return Object.assign(stream(ctx, stats), { stats: readonlyStats });
}

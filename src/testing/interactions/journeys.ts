/**
 * Journeys: whether a contact continues the person's current issue or starts a new one, and
 * the order number each new order-related issue gets.
 */

import type { Context } from './context.js';
import type { Person } from './people.js';
import { DAY } from './time.js';
import { TOPICS, type Topic } from './topics.js';

/** Starts a new journey (issue) or continues the current one, as people do. */
export function advanceJourney(ctx: Context, person: Person, at: number): void {
  const { random } = ctx;
  if (person.done > 0) {
    // A long silence usually means a new issue; a quick return usually the same one.
    const fresh = random() < (at - person.previous > 7 * DAY ? 0.85 : 0.12);
    if (!fresh) {
      person.step++;
      return;
    }
    person.journey++;
  }
  person.step = 0;
  person.topic = Math.floor(random() * TOPICS.length);
  const topic = TOPICS[person.topic] as Topic;
  person.order =
    topic.orders && random() < 0.75 ? orderNumber(ctx, person.ordinal, person.journey) : undefined;
  person.lastMessageId = undefined;
}

/** A distinct order number per person and journey. */
function orderNumber(ctx: Context, ordinal: number, journey: number): string {
  const value = ctx.orders(ordinal * 64 + (journey % 64));
  return `A-${String(value).padStart(ctx.orderDigits, '0')}`;
}

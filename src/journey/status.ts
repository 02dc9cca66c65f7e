import type { Journey } from '../model/journey.js';
import type { PreparedInteraction } from './prepare.js';

/** A journey's status; see `JourneyStatusSchema`. */
export type JourneyStatus = Journey['status'];

/**
 * Derives a journey's status from its interactions, oldest first:
 *
 * 1. the last interaction is resolved, or closed without the business's last message sending the
 *    customer to another channel: `resolved`;
 * 2. its status says the business is waiting on the customer, or the business's last message
 *    sent the customer to another channel: `waiting_on_customer`;
 * 3. the journey was reopened and nobody from the business has answered since: `reopened`;
 * 4. otherwise whoever spoke last is waited on: the business spoke last, `waiting_on_customer`;
 *    the customer did, `waiting_on_business`;
 * 5. with no words at all: an abandoned contact waits on the business, an outbound one on the
 *    customer, anything else is `open`.
 */
export function deriveStatus(
  items: readonly PreparedInteraction[],
  reopenedBy: PreparedInteraction | undefined,
): JourneyStatus {
  const last = items[items.length - 1];
  if (last === undefined) return 'open';
  if (last.closes) return 'resolved';
  if (last.interaction.status === 'waiting_on_customer' || last.handedOver) {
    return 'waiting_on_customer';
  }
  if (reopenedBy !== undefined && !answeredSince(items, reopenedBy)) return 'reopened';
  for (let i = items.length - 1; i >= 0; i--) {
    const speaker = items[i]?.lastSpeaker;
    if (speaker === 'business') return 'waiting_on_customer';
    if (speaker === 'customer') return 'waiting_on_business';
  }
  if (last.interaction.status === 'abandoned') return 'waiting_on_business';
  if (last.interaction.direction === 'outbound') return 'waiting_on_customer';
  return 'open';
}

function answeredSince(
  items: readonly PreparedInteraction[],
  reopenedBy: PreparedInteraction,
): boolean {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item === undefined) continue;
    if (item.businessSpoke || item.closes) return true;
    if (item === reopenedBy) return false;
  }
  // The reopening interaction is no longer in the journey: nothing to report as reopened.
  return true;
}

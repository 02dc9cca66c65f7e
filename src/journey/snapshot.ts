import type { Channel } from '../model/channel.js';
import type { CustomerId, JourneyId } from '../model/ids.js';
import type { Journey } from '../model/journey.js';
import type { Reference } from '../model/reference.js';
import type { PreparedInteraction } from './prepare.js';
import { deriveStatus } from './status.js';

// `Re:`, `Fwd:`, `AW:` and friends, possibly stacked and numbered (`Re[2]:`).
const REPLY_PREFIX = /^(?:re|fwd?|aw|wg|tr|rv|sv|antw)(?:\[\d{1,4}\])?\s{0,8}:\s{0,8}/i;
const SPACES = /\s+/g;

/** A subject without reply prefixes and with collapsed spaces, at most 200 characters. */
export function topicLabel(subject: string): string | undefined {
  let label = subject.slice(0, 2000).replace(SPACES, ' ').trim();
  for (let previous = ''; previous !== label; ) {
    previous = label;
    label = label.replace(REPLY_PREFIX, '').trim();
  }
  const cut = label.slice(0, 200).trim();
  return cut.length > 0 ? cut : undefined;
}

/** Channel hops, oldest first, with consecutive repeats collapsed. */
export function collapseChannels(items: readonly PreparedInteraction[]): Channel[] {
  const out: Channel[] = [];
  for (const item of items) {
    const channel = item.interaction.channel;
    if (out[out.length - 1] !== channel) out.push(channel);
  }
  return out;
}

function journeyReferences(items: readonly PreparedInteraction[]): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const ref of item.references) {
      const id = `${ref.kind}:${ref.key === '' ? ref.value : ref.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ kind: ref.kind, value: ref.value, origin: ref.origin });
    }
  }
  return out;
}

/** Builds the public {@link Journey} value from a journey's interactions, oldest first. */
export function toJourney(
  id: JourneyId,
  customerId: CustomerId,
  items: readonly [PreparedInteraction, ...PreparedInteraction[]],
  reopenedBy: PreparedInteraction | undefined,
): Journey {
  const first = items[0];
  const last = items[items.length - 1] ?? first;
  let updated = first;
  for (const item of items) if (item.endMs > updated.endMs) updated = item;
  let topic: string | undefined;
  for (const item of items) {
    const subject = item.interaction.subject;
    if (subject === undefined) continue;
    topic = topicLabel(subject);
    if (topic !== undefined) break;
  }
  const status = deriveStatus(items, reopenedBy);
  return {
    id,
    customerId,
    status,
    interactionIds: items.map((item) => item.id),
    channels: collapseChannels(items),
    references: journeyReferences(items),
    ...(topic === undefined ? {} : { topic }),
    openedAt: first.interaction.startedAt,
    updatedAt: updated.endAt,
    ...(status === 'resolved' ? { resolvedAt: last.endAt } : {}),
  };
}

// Small builders for the packet tests: a journey over given interactions, and a resolver run.

import type { Customer } from '../../model/customer.js';
import type { Interaction, InteractionInput } from '../../model/interaction.js';
import type { Journey } from '../../model/journey.js';
import { parseInteraction, parseJourney } from '../../model/parse.js';
import { createResolver } from '../../resolve/resolver.js';
import type { HandoffIdentity } from './options.js';

/** Parses interactions written as plain objects. */
export function interactions(...inputs: InteractionInput[]): Interaction[] {
  return inputs.map((input) => parseInteraction(input));
}

/** One journey holding all the interactions, oldest first. */
export function journeyOf(items: readonly Interaction[], id = 'jny-1'): Journey {
  const sorted = [...items].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  return parseJourney({
    id,
    customerId: 'cus-1',
    status: 'open',
    interactionIds: sorted.map((i) => i.id),
    channels: [...new Set(sorted.map((i) => i.channel))],
    openedAt: sorted[0]?.startedAt,
    updatedAt: sorted[sorted.length - 1]?.startedAt,
  });
}

/** Runs the interactions through a fresh resolver: the last one's customer and evidence. */
export async function resolve(
  items: readonly Interaction[],
  now: string,
): Promise<{ customer: Customer; identity: HandoffIdentity | undefined }> {
  const resolver = createResolver({ now: () => new Date(now) });
  let last: Awaited<ReturnType<typeof resolver.ingest>> | undefined;
  for (const item of items) last = await resolver.ingest(item);
  if (last === undefined) throw new Error('no interactions');
  const customer = await resolver.customer(last.customerId);
  if (customer === undefined) throw new Error('no customer');
  return { customer, identity: last.decision.evidence };
}

/**
 * Assembling one interaction: settling its channel, corruption and hard cases, letting the
 * channel show the customer, writing the conversation, and wrapping it all with its ground
 * truth.
 */

import { interactionId } from '../../model/ids.js';
import type { Interaction, Participant } from '../../model/interaction.js';
import { observe } from './channels.js';
import type { Context } from './context.js';
import type { Draft } from './draft.js';
import { drawIndex, pick } from './draws.js';
import { advanceJourney } from './journeys.js';
import { buildMessages, orderMention } from './messages.js';
import type { GeneratedChannel } from './options.js';
import type { Person } from './people.js';
import { isoTime } from './time.js';
import { AGENTS, BOT, TOPICS, type Topic } from './topics.js';
import type { GeneratedInteraction, InteractionFeature } from './types.js';

/** Shared by the interactions without hard cases; frozen, as every one of them holds it. */
const NO_FEATURES: readonly InteractionFeature[] = Object.freeze([]);

/** Where a ticket stands when the helpdesk exports it. */
const STATUSES = ['resolved', 'open', 'waiting_on_customer', 'closed'] as const;

/** The system each channel's interactions come from. */
const SOURCES: Readonly<Record<GeneratedChannel, string>> = {
  email: 'zendesk',
  phone: 'twilio-voice',
  sms: 'twilio-sms',
  whatsapp: 'whatsapp-cloud',
  chat: 'intercom',
  x: 'x-api',
  instagram: 'meta-graph',
  messenger: 'meta-graph',
};

/** The `n`th interaction of the stream: the person's next contact. */
export function buildInteraction(ctx: Context, person: Person, n: number): GeneratedInteraction {
  const { random, settings } = ctx;
  const at = person.next;
  advanceJourney(ctx, person, at);
  const draft: Draft = {
    ctx,
    person,
    // Each interaction is corrupted to its own degree around the requested level.
    corruption: settings.corruption * (0.5 + random()),
    identifiers: [],
    features: [],
  };
  const social = person.handle !== undefined;
  // People without social accounts draw from the other channels only.
  const channel = ctx.channels[drawIndex(random, social ? ctx.mix : ctx.offlineMix)] ?? 'email';
  const topic = TOPICS[person.topic] as Topic;
  const business = random() < settings.businessIdentifiers;
  const placeholder = random() < settings.placeholders;
  const mentioned =
    person.order !== undefined && random() < (person.step === 0 ? 0.8 : 0.6)
      ? orderMention(random, person.order)
      : undefined;
  const agent = pick(random, AGENTS);
  const cues = { topic, business, placeholder, mentioned, n };
  const { shape, customerName, thread, references = [] } = observe(draft, channel, cues);
  const participants: Participant[] = [
    customerName === undefined
      ? { role: 'customer', id: 'customer' }
      : { role: 'customer', id: 'customer', name: customerName },
    { ...agent },
  ];
  const usesBot = channel === 'chat' && random() < 0.3;
  if (usesBot) participants.push({ ...BOT });

  const { messages, end } = buildMessages(
    ctx,
    person,
    channel,
    shape,
    topic,
    mentioned,
    agent,
    usesBot,
    at,
  );
  const startedAt = isoTime(ctx.clock, at);
  const interaction: Interaction = {
    id: interactionId(`ix-${n}`),
    channel,
    direction: shape.direction,
    startedAt,
    source: SOURCES[channel],
    region: settings.region,
    participants,
    identifiers: draft.identifiers,
    messages,
    references,
    status: pick(random, STATUSES),
    ...(shape.visibility === undefined ? {} : { visibility: shape.visibility }),
    // A call or chat lasts at least until its last message.
    ...(shape.durationMs === undefined
      ? {}
      : { endedAt: isoTime(ctx.clock, Math.max(end, at + shape.durationMs)) }),
    ...(shape.subject === undefined ? {} : { subject: shape.subject }),
    ...(thread === undefined ? {} : { thread }),
  };
  return {
    interaction,
    person: person.id,
    journey: `${person.id}-j${person.journey}`,
    features: draft.features.length === 0 ? NO_FEATURES : draft.features,
  };
}

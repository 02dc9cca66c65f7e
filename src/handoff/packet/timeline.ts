import { channelProfile } from '../../model/channel.js';
import type { InteractionId } from '../../model/ids.js';
import { trendIn } from '../extract/sentiment.js';
import type { BuildContext } from './context.js';
import type { HandoffPacket } from './schema.js';
import { citeIds, duration, plural, when } from './text.js';

type Signal = HandoffPacket['signals'][number];

/** The hops across channels, oldest first. */
export function buildTimeline(ctx: BuildContext): HandoffPacket['timeline'] {
  const hops = ctx.timeline.hops;
  ctx.log.add('timeline', undefined, ctx.policy.timeline, hops.length);
  if (!ctx.policy.timeline.show) return [];
  const out: HandoffPacket['timeline'][number][] = [];
  for (const hop of hops) {
    // Optional fields are added in place, in the schema's order, rather than spread: a long
    // journey has a hop per channel switch.
    const line: Partial<Mutable<HandoffPacket['timeline'][number]>> = {
      channel: hop.channel,
      label: channelProfile(hop.channel, ctx.options.profiles).label,
    };
    if (hop.visibility !== undefined) line.visibility = hop.visibility;
    line.startedAt = hop.startedAt;
    line.endedAt = hop.endedAt;
    line.durationMs = hop.durationMs;
    line.gapBeforeMs = hop.gapBeforeMs;
    if (hop.firstResponseMs !== undefined) line.firstResponseMs = hop.firstResponseMs;
    line.interactions = hop.interactionIds.length;
    line.cites = citeIds(hop.interactionIds);
    out.push(line as HandoffPacket['timeline'][number]);
  }
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Interactions with at least one customer message: where the customer waited. */
function customerSpoke(ctx: BuildContext): InteractionId[] {
  const out: InteractionId[] = [];
  for (const interaction of ctx.raw) {
    for (const message of interaction.messages) {
      if (message.author !== 'customer') continue;
      out.push(interaction.id);
      break;
    }
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Effort and mood: repeat contacts, channel switches, waiting time, sentiment trend. */
export function buildSignals(ctx: BuildContext): HandoffPacket['signals'] {
  const t = ctx.timeline;
  const out: Signal[] = [];
  if (t.repeatContacts > 0) {
    const inbound: InteractionId[] = [];
    for (const interaction of ctx.raw) {
      if (interaction.direction === 'inbound') inbound.push(interaction.id);
    }
    out.push({
      kind: 'repeat_contacts',
      value: t.repeatContacts,
      text: `${plural(t.repeatContacts, 'repeat contact')} by the customer`,
      cites: citeIds(inbound.slice(1)),
    });
  }
  if (t.channelSwitches > 0) {
    const labels = t.hops.map((h) => channelProfile(h.channel, ctx.options.profiles).label);
    const path = labels.length > 4 ? ['…', ...labels.slice(-4)] : labels;
    out.push({
      kind: 'channel_switches',
      value: t.channelSwitches,
      text: `${plural(t.channelSwitches, 'channel switch', 'channel switches')}: ${path.join(' → ')}`,
      cites: citeIds(t.hops.slice(1).map((h) => h.interactionIds[0] as InteractionId)),
    });
  }
  const spoke = customerSpoke(ctx);
  if (t.customerWaitingMs > 0 && spoke.length > 0) {
    const still = t.waitingSince === undefined ? '' : `; waiting since ${when(t.waitingSince)}`;
    out.push({
      kind: 'waiting',
      value: t.customerWaitingMs,
      text: `waited ${duration(t.customerWaitingMs)} for answers across channels${still}`,
      cites: citeIds(spoke),
    });
  }
  const trend = trendIn(ctx.talk);
  const moods = trend.perInteraction.filter((p) => p.score !== 0);
  if (moods.length > 0) {
    out.push({
      kind: 'sentiment',
      value: round2(trend.last),
      text: `mood ${trend.trend} (${round2(trend.first)} → ${round2(trend.last)})`,
      cites: citeIds(moods.map((p) => p.interactionId)),
    });
  }
  ctx.log.add('signals', undefined, ctx.policy.signals, out.length);
  return ctx.policy.signals.show ? out : [];
}

/** The target channel's expectations and the customer's wait so far. */
export function buildServiceClock(ctx: BuildContext): HandoffPacket['serviceClock'] {
  ctx.log.add('service_clock', undefined, ctx.policy.serviceClock);
  if (!ctx.policy.serviceClock.show) return undefined;
  const { profile, to, nowMs, profiles } = ctx.options;
  const t = ctx.timeline;
  const elapsedMs = Math.max(0, nowMs - Date.parse(t.startedAt));
  const expect =
    profile.firstResponseMs === 0
      ? 'an answer at once'
      : `a first reply within ${duration(profile.firstResponseMs)}`;
  const wait =
    t.customerWaitingMs === 0
      ? 'The customer has not waited for an answer yet'
      : `The customer has waited ${duration(t.customerWaitingMs)} for answers across channels`;
  const over = elapsedMs > profile.resolutionMs ? ' (past the resolution time)' : '';
  const label = channelProfile(to, profiles).label;
  const first = ctx.raw[0]?.id as InteractionId;
  const last = ctx.raw[ctx.raw.length - 1]?.id as InteractionId;
  const spoke = customerSpoke(ctx);
  const waitingIn = t.waitingSince === undefined ? undefined : spoke[spoke.length - 1];
  return {
    channel: to,
    synchronous: profile.synchronous,
    expectedFirstResponseMs: profile.firstResponseMs,
    expectedResolutionMs: profile.resolutionMs,
    waitedMs: t.customerWaitingMs,
    openWaitMs: t.openWaitMs,
    ...(t.waitingSince === undefined ? {} : { waitingSince: t.waitingSince }),
    elapsedMs,
    text:
      `${label}: customers expect ${expect} and resolution within ${duration(profile.resolutionMs)}. ` +
      `${wait}; first contact ${duration(elapsedMs)} ago${over}.`,
    cites: citeIds([first, ...(waitingIn === undefined ? [] : [waitingIn]), last]),
  };
}

// Words the renderers share.

import type { Channel } from '../../model/channel.js';
import { channelProfile } from '../../model/channel.js';
import type { FactKind } from '../extract/schema.js';
import type { HandoffPacket } from '../packet/schema.js';

/** What a fact kind is called in a rendered packet. */
export const FACT_LABELS: Readonly<Record<FactKind, string>> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  username: 'Username',
  account_id: 'Account',
  social_handle: 'Handle',
  order_id: 'Order',
  ticket: 'Ticket',
  booking: 'Booking',
  tracking: 'Tracking',
  invoice: 'Invoice',
  reference: 'Reference',
  address: 'Address',
  postcode: 'Postcode',
  amount: 'Amount',
  date: 'Date',
  product: 'Product',
};

/** A role for people: `Customer`, `Agent`, `Bot`, `System`. */
export function roleLabel(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** A channel's name for people (its built-in profile's label). */
export function channelLabel(channel: Channel): string {
  return channelProfile(channel).label;
}

/** What a section's left-out lines are called, one and many. */
const OMITTED_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  summary: ['summary sentence', 'summary sentences'],
  timeline: ['timeline hop', 'timeline hops'],
  facts: ['fact', 'facts'],
  tried: ['tried action', 'tried actions'],
  promised: ['promise', 'promises'],
  openQuestions: ['open question', 'open questions'],
  signals: ['signal', 'signals'],
  serviceClock: ['service clock', 'service clocks'],
  verified: ['verification', 'verifications'],
  identifiers: ['linked identifier', 'linked identifiers'],
  evidence: ['evidence waterfall', 'evidence waterfalls'],
  abstract: ['generated summary', 'generated summaries'],
};

/** `3 facts, 2 timeline hops` from a fit report, or '' when nothing was left out. */
export function omittedText(packet: HandoffPacket): string {
  return packet.fit.omitted
    .map(({ section, count }) => {
      const [one, many] = OMITTED_NAMES[section] ?? [section, section];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(', ');
}

/** `4 masked, 2 withheld` from a redaction report, or '' when nothing was redacted. */
export function redactedText(packet: HandoffPacket): string {
  let masked = 0;
  let withheld = 0;
  for (const e of packet.redaction.entries) {
    if (e.action === 'masked') masked += e.count;
    else withheld += e.count;
  }
  const parts: string[] = [];
  if (masked > 0) parts.push(`${masked} masked`);
  if (withheld > 0) parts.push(`${withheld} withheld`);
  return parts.join(', ');
}

/** A weight in bits with its sign: `+12.0`, `-3.4`. */
export function signed(weight: number): string {
  const fixed = weight.toFixed(1);
  return weight >= 0 ? `+${fixed}` : fixed;
}

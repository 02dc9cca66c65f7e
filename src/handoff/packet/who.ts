import { channelProfile } from '../../model/channel.js';
import type { ObservedIdentifier, Trust } from '../../model/identifier.js';
import type { InteractionId } from '../../model/ids.js';
import type { Interaction } from '../../model/interaction.js';
import { identifierKey } from '../../normalize/identifier/identifier.js';
import { maskValue } from '../redact/mask.js';
import type { Treatment } from '../redact/policy.js';
import { identifierValue } from '../redact/secrets.js';
import type { BuildContext } from './context.js';
import type { HandoffPacket } from './schema.js';
import { citeIds, percent } from './text.js';

type Who = HandoffPacket['who'];
type Verified = Who['verified'][number];
type Method = Extract<Trust, { level: 'verified' }>['method'];

const METHOD_WORDS: Readonly<Record<Exclude<Method, 'channel_native'>, string>> = {
  login: 'login',
  otp: 'one-time code',
  sso: 'single sign-on',
  document: 'document check',
  agent: 'checked by an agent',
  other: 'other check',
};

/** How a verification reads: `caller id` for a phone the channel proved, `login`, …. */
function methodWords(kind: Verified['kind'], method: Method): string {
  if (method !== 'channel_native') return METHOD_WORDS[method];
  switch (kind) {
    case 'phone':
      return 'caller id';
    case 'email':
      return 'sender address';
    case 'social':
    case 'scoped_id':
      return 'platform account';
    default:
      return 'the channel';
  }
}

/** How the customer proved an identifier in this journey, latest interaction per kind and way. */
function verifications(ctx: BuildContext): Verified[] {
  const latest = new Map<string, { seen: ObservedIdentifier; interaction: Interaction }>();
  for (const interaction of ctx.raw) {
    for (const seen of interaction.identifiers) {
      if (seen.trust.level !== 'verified') continue;
      latest.set(`${seen.kind}\u0000${seen.trust.method}\u0000${interaction.channel}`, {
        seen,
        interaction,
      });
    }
  }
  const out: Verified[] = [];
  for (const { seen, interaction } of latest.values()) {
    if (seen.trust.level !== 'verified') continue;
    let treatment: Treatment =
      ctx.policy.reader === 'customer'
        ? { show: false, action: 'withheld', reason: 'reader' }
        : ctx.policy.verifiedValue();
    if (ctx.undisclosed.size > 0) {
      const region = interaction.region ?? ctx.options.region;
      const key = identifierKey(seen, region === undefined ? {} : { region }).key;
      const written = `=${identifierValue(seen).trim().toLowerCase()}`;
      if (ctx.undisclosed.has(key) || ctx.undisclosed.has(written)) {
        treatment = { show: false, action: 'withheld', reason: 'disclosure_threshold' };
      }
    }
    ctx.log.add('verification', seen.kind, treatment);
    const value = identifierValue(seen);
    const shown = treatment.show
      ? value
      : treatment.action === 'masked'
        ? maskValue(seen.kind, value)
        : undefined;
    out.push({
      kind: seen.kind,
      method: seen.trust.method,
      channel: interaction.channel,
      ...(shown === undefined ? {} : { value: shown }),
      cites: [interaction.id],
    });
  }
  // Most recent first: the freshest proof is the one an agent leans on.
  const order = new Map(ctx.raw.map((i, k) => [i.id as string, k]));
  return out.sort(
    (a, b) => (order.get(b.cites[0] ?? '') ?? 0) - (order.get(a.cites[0] ?? '') ?? 0),
  );
}

/** The name the customer goes by: the customer record's latest, else the latest participant's. */
function nameOf(ctx: BuildContext): string | undefined {
  const recorded = ctx.customer?.names[0];
  if (recorded !== undefined) return recorded;
  for (let k = ctx.raw.length - 1; k >= 0; k--) {
    const participant = ctx.raw[k]?.participants.find(
      (p) => p.role === 'customer' && p.name !== undefined,
    );
    if (participant?.name !== undefined) return participant.name;
  }
  return undefined;
}

/** How sure we are that this is one person: the resolver's view, else the customer record's. */
function identityOf(ctx: BuildContext): Who['identity'] {
  const { identity, customer } = ctx;
  if (identity !== undefined) {
    return {
      source: 'resolver',
      probability: identity.probability,
      ...(identity.weight === undefined ? {} : { weight: identity.weight }),
      ...(identity.steps === undefined
        ? {}
        : {
            steps: identity.steps.map((s) => ({
              name: s.name,
              ...(s.label === undefined ? {} : { label: s.label }),
              weight: s.weight,
            })),
          }),
      guards: [...(identity.guards ?? [])],
    };
  }
  if (customer === undefined || customer.identifiers.length === 0) return undefined;
  // The weakest link among the identifiers seen in this journey bounds the whole story.
  const inJourney = new Set<string>(ctx.journey.interactionIds);
  const relevant = customer.identifiers.filter((i) =>
    i.interactionIds.some((id) => inJourney.has(id)),
  );
  const pool = relevant.length > 0 ? relevant : customer.identifiers;
  const probability = Math.min(...pool.map((i) => i.confidence));
  return { source: 'customer', probability, guards: [] };
}

/** The customer record's identifiers that may be listed, most confident first. */
function linkedIdentifiers(ctx: BuildContext): Who['identifiers'] {
  const customer = ctx.customer;
  if (customer === undefined) return [];
  const inJourney = new Set<string>(ctx.journey.interactionIds);
  const sorted = [...customer.identifiers].sort(
    (a, b) => b.confidence - a.confidence || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const out: Who['identifiers'][number][] = [];
  for (const linked of sorted) {
    const treatment = ctx.policy.linked(linked.confidence);
    ctx.log.add('identifier', linked.identifier.kind, treatment);
    if (!treatment.show && treatment.action === 'withheld') continue;
    const value = identifierValue(linked.identifier);
    // Cite the journey's own sightings when there are any, else the latest elsewhere.
    const own = linked.interactionIds.filter((id) => inJourney.has(id));
    out.push({
      kind: linked.identifier.kind,
      value: treatment.show ? value : maskValue(linked.identifier.kind, value),
      masked: !treatment.show,
      verified: linked.trust.level === 'verified',
      confidence: linked.confidence,
      cites: citeIds(own.length > 0 ? own : linked.interactionIds),
    });
  }
  return out;
}

/** The identity line: the name, the customer id, how sure we are, how they were verified. */
function identityLine(
  ctx: BuildContext,
  name: string | undefined,
  identity: Who['identity'],
  verified: readonly Verified[],
): string {
  const { policy, customer, options } = ctx;
  const parts: string[] = [];
  const shownName = policy.name.show ? name : undefined;
  parts.push(
    shownName ??
      (policy.name.show ? 'Name not given' : 'Customer (name withheld on a public channel)'),
  );
  if (policy.reader === 'customer') return parts.join(' · ');
  if (customer !== undefined && policy.customerId.show) parts[0] = `${parts[0]} (${customer.id})`;
  if (identity !== undefined && policy.identity.show) {
    parts.push(
      `one person: ${percent(identity.probability)} (${identity.source === 'resolver' ? 'resolver' : 'customer record'})`,
    );
  } else if (customer === undefined && ctx.identity === undefined) {
    parts.push('not resolved to a customer');
  }
  if (verified.length === 0) parts.push('not verified in this journey');
  else {
    const ways = verified.slice(0, 2).map((v) => {
      const label = channelProfile(v.channel, options.profiles).label;
      return `${v.kind} (${methodWords(v.kind, v.method)}) on ${label}`;
    });
    parts.push(`verified: ${ways.join(', ')}`);
  }
  return parts.join(' · ');
}

/** The who section. */
export function buildWho(ctx: BuildContext): Who {
  const { policy, customer } = ctx;
  const name = nameOf(ctx);
  if (name !== undefined) ctx.log.add('name', undefined, policy.name);
  const verified = verifications(ctx);
  const identity = identityOf(ctx);
  if (identity !== undefined) {
    ctx.log.add('identity', undefined, policy.identity);
    if (identity.steps !== undefined) ctx.log.add('evidence', undefined, policy.evidence);
  }
  if (customer !== undefined) ctx.log.add('customer_id', undefined, policy.customerId);
  const last = ctx.raw[ctx.raw.length - 1]?.id;
  const sources: InteractionId[] = [...verified.map((v) => v.cites[0] as InteractionId).reverse()];
  if (last !== undefined) sources.push(last);
  const shownIdentity =
    identity === undefined || !policy.identity.show
      ? undefined
      : policy.evidence.show || identity.steps === undefined
        ? identity
        : (({ steps: _, ...rest }) => rest)(identity);
  return {
    line: identityLine(ctx, name, identity, verified),
    cites: citeIds(sources),
    ...(customer !== undefined && policy.customerId.show ? { customerId: customer.id } : {}),
    ...(name !== undefined && policy.name.show ? { name } : {}),
    ...(shownIdentity === undefined ? {} : { identity: shownIdentity }),
    verified: policy.reader === 'customer' ? [] : verified,
    identifiers: linkedIdentifiers(ctx),
  };
}

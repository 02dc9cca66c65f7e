import { ThreadlineError } from '../../core/errors.js';
import type { Issue } from '../../core/result.js';
import { journeyTimeline } from '../../journey/timeline.js';
import type { Interaction, Message } from '../../model/interaction.js';
import type { Journey } from '../../model/journey.js';
import type { RegionCode } from '../../normalize/phone/phone.js';
import { defaultReferenceExtractor } from '../../normalize/reference/defaults.js';
import { buildMemo } from '../cache/cache.js';
import { factsIn } from '../extract/facts.js';
import { Readings } from '../extract/reading.js';
import { parseInstant } from '../extract/time.js';
import { conversationOf, retold } from '../extract/walk.js';
import { policyFor, type Treatment } from '../redact/policy.js';
import { createRedactionLog } from '../redact/report.js';
import { createScrubber, type Scrubber, type Secret } from '../redact/scrub.js';
import { factSecret, identifierSecret, identifierValue, nameSecret } from '../redact/secrets.js';
import { budgetTooSmall, fitFor } from '../render/render.js';
import type { BuildContext } from './context.js';
import { buildFacts, factTreatment } from './facts.js';
import { buildIssue, buildLatest } from './issue.js';
import { buildOpenQuestions, buildPromised, buildTried } from './lines.js';
import {
  type CompiledHandoffOptions,
  checkIdentity,
  compileHandoffOptions,
  type HandoffInput,
  type HandoffOptions,
} from './options.js';
import { canonical } from './order.js';
import type { HandoffPacket } from './schema.js';
import { buildServiceClock, buildSignals, buildTimeline } from './timeline.js';
import { buildWho } from './who.js';

/** A built packet with what the summarizer plug-in needs to add to it safely. */
export interface Draft {
  readonly packet: HandoffPacket;
  readonly options: CompiledHandoffOptions;
  readonly scrub: Scrubber;
}

/** The journey's interactions, oldest first; throws `invalid_input` for missing or repeated ones. */
function journeyInteractions(
  journey: Journey,
  interactions: readonly Interaction[],
): Interaction[] {
  const wanted = new Set<string>(journey.interactionIds);
  const found = new Map<string, Interaction>();
  const issues: Issue[] = [];
  interactions.forEach((interaction, index) => {
    if (!wanted.has(interaction.id)) return;
    if (found.has(interaction.id)) {
      issues.push({
        code: 'duplicate_id',
        path: ['interactions', index, 'id'],
        message: `interaction id "${interaction.id}" appears more than once`,
      });
    }
    found.set(interaction.id, interaction);
  });
  journey.interactionIds.forEach((id, index) => {
    if (!found.has(id)) {
      issues.push({
        code: 'missing_interaction',
        path: ['journey', 'interactionIds', index],
        message: `interaction "${id}" of journey "${journey.id}" was not given`,
      });
    }
  });
  if (issues.length > 0)
    throw new ThreadlineError('invalid_input', 'Cannot build the handoff', issues);
  return [...found.values()]
    .map((interaction) => ({ interaction, ms: parseInstant(interaction.startedAt) }))
    .sort((a, b) => a.ms - b.ms || (a.interaction.id < b.interaction.id ? -1 : 1))
    .map((x) => x.interaction);
}

/**
 * The same interaction with every secret replaced in its subject and messages; the interaction
 * itself when no text changes (most hold no secret), so that nothing is copied for them.
 */
function redactTexts(interaction: Interaction, scrub: Scrubber): Interaction {
  let messages: Message[] | undefined;
  const original = interaction.messages;
  for (let k = 0; k < original.length; k++) {
    const m = original[k] as Message;
    const text = scrub(m.text);
    if (text === m.text && messages === undefined) continue;
    messages ??= original.slice(0, k);
    messages.push(text === m.text ? m : { ...m, text });
  }
  const subject = interaction.subject === undefined ? undefined : scrub(interaction.subject);
  if (messages === undefined && subject === interaction.subject) return interaction;
  return {
    ...interaction,
    messages: messages ?? original.slice(),
    ...(subject === undefined ? {} : { subject }),
  };
}

/** Builds the packet, fitted to its format and budget, and keeps the scrubber for add-ons. */
export function draftHandoff(input: HandoffInput, options: HandoffOptions): Draft {
  const o = compileHandoffOptions(options);
  const identity = checkIdentity(input.identity);
  const { journey, customer } = input;
  const raw = journeyInteractions(journey, input.interactions);
  const timeline = journeyTimeline(journey, raw, { now: o.nowMs });
  const policy = policyFor(o.reader, o.publicTarget, o.reveal, o.disclosureThreshold);
  const log = createRedactionLog();

  // Every value that may not be shown as is, found before any text is built.
  const secrets: Secret[] = [];
  const undisclosed = new Set<string>();
  for (const linked of customer?.identifiers ?? []) {
    const treatment: Treatment =
      linked.confidence < o.disclosureThreshold
        ? { show: false, action: 'withheld', reason: 'disclosure_threshold' }
        : policy.verifiedValue();
    if (linked.confidence < o.disclosureThreshold) {
      // Known by its resolver key, and by its value as written (`=` keeps the two apart).
      undisclosed.add(linked.key);
      undisclosed.add(`=${identifierValue(linked.identifier).trim().toLowerCase()}`);
    }
    if (!treatment.show) secrets.push(identifierSecret(linked.identifier, linked.key, treatment));
  }
  // Every extractor reads the same texts: each is read once, for the raw and the redacted copy,
  // and with a cache, once for all the builds that keep it.
  const memo = o.cache === undefined ? undefined : buildMemo(o.cache);
  const readings = new Readings(memo?.texts);
  const told = conversationOf(raw, readings);
  const facts = factsIn(
    told,
    {
      region: o.region as RegionCode | undefined,
      dateOrder: o.dateOrder,
      extractor: defaultReferenceExtractor,
    },
    { readings, values: memo?.values },
  );
  const treatments = facts.map((fact) => factTreatment(fact, policy, undisclosed));
  facts.forEach((fact, k) => {
    const treatment = treatments[k] as Treatment;
    if (!treatment.show) secrets.push(factSecret(fact, treatment));
  });
  // Values by kind: the value strings keep their hashes, a joined key would be hashed anew.
  const observed = new Map<string, Set<string>>();
  for (const interaction of raw) {
    for (const seen of interaction.identifiers) {
      // Observed identifiers are facts too; these catch the ones a fact did not cover.
      if (seen.kind === 'device' || policy.verifiedValue().show) continue;
      const value = identifierValue(seen);
      let values = observed.get(seen.kind);
      if (values === undefined) {
        values = new Set();
        observed.set(seen.kind, values);
      }
      if (values.has(value)) continue;
      values.add(value);
      secrets.push(identifierSecret(seen, undefined, policy.verifiedValue()));
    }
  }
  if (!policy.name.show) {
    const names = [
      ...(customer?.names ?? []),
      ...raw.flatMap((i) =>
        i.participants.filter((p) => p.role === 'customer').map((p) => p.name ?? ''),
      ),
      ...facts
        .filter((f) => f.kind === 'name')
        .flatMap((f) => [f.value, ...f.citations.map((c) => c.text)]),
    ].filter((n) => n !== '');
    secrets.push(nameSecret(names, policy.name));
  }
  const scrub = createScrubber(secrets, log);
  const redacted = raw.map((interaction) => redactTexts(interaction, scrub));
  // The redacted conversation keeps the raw one's order and times; only its texts are new.
  const copyOf = new Map(raw.map((interaction, k) => [interaction, redacted[k] as Interaction]));
  const talk = retold(told, (interaction) => copyOf.get(interaction) as Interaction, readings);

  const ctx: BuildContext = {
    options: o,
    policy,
    log,
    scrub,
    journey,
    raw,
    redacted,
    talk,
    timeline,
    customer,
    identity,
    undisclosed,
    section: memo?.section,
  };
  const who = buildWho(ctx);
  const issue = buildIssue(ctx);
  const latest = buildLatest(ctx);
  const serviceClock = buildServiceClock(ctx);
  const full: HandoffPacket = canonical({
    version: 1,
    journeyId: journey.id,
    status: journey.status,
    builtAt: o.now,
    to: {
      channel: o.to,
      label: o.profile.label,
      visibility: o.publicTarget ? 'public' : 'private',
    },
    reader: o.reader,
    who,
    issue,
    ...(latest === undefined ? {} : { latest }),
    timeline: buildTimeline(ctx),
    facts: buildFacts(facts, treatments, log),
    tried: buildTried(ctx),
    promised: buildPromised(ctx),
    openQuestions: buildOpenQuestions(ctx),
    signals: buildSignals(ctx),
    ...(serviceClock === undefined ? {} : { serviceClock }),
    redaction: {
      reveal: o.reveal,
      disclosureThreshold: o.disclosureThreshold,
      entries: log.entries(),
    },
    fit: {
      unit: 'chars' in o.budget ? 'chars' : 'tokens',
      limit: 'chars' in o.budget ? o.budget.chars : o.budget.tokens,
      format: o.format,
      omitted: [],
      truncated: [],
    },
  });
  const fitted = fitFor(full, o.format, o.budget);
  if (!fitted.ok) throw budgetTooSmall(o.format, o.budget, fitted.smallest);
  return { packet: fitted.packet, options: o, scrub };
}

/**
 * Builds the handoff packet for the next reader on the next channel: who the customer is and
 * how sure we are, the issue in their words and a short summary, the cross-channel timeline,
 * the facts already given, what was tried, what was promised (overdue flagged), open questions
 * on either side, effort and mood signals, and the target channel's service clock. Every line
 * cites the interactions it came from. Personal values are masked or withheld for the reader and
 * the target channel before any text is built, and `redaction` reports what was hidden and why.
 * The packet is fitted to `budget` as rendered in `format` by dropping the least important lines
 * first; the identity line, the issue line and the customer's latest message are never dropped.
 * Deterministic: the same input and options always give the same packet, with no clock read.
 *
 * @param input - the journey, its interactions, and when known the customer and the resolver's
 *   evidence.
 * @param options - see {@link HandoffOptionsSchema}; `to` and `now` are required.
 * @returns the packet.
 * @throws {@link ThreadlineError} `invalid_options` for bad options or a budget too small for
 *   the required lines; `invalid_input` when an interaction of the journey is missing or
 *   repeated, or the identity evidence is malformed.
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   identifiers: [{ kind: 'email', value: 'ana.souza@gmail.com', trust: { level: 'verified', method: 'login' } }],
 *   messages: [
 *     { author: 'customer', text: 'My cat is sick. What vitamin B12 dose is safe for a 4 kg cat?', at: '2026-03-01T09:00:00Z' },
 *     { author: 'bot', text: 'A vet should answer that. Please call us on 0800 123 456.', at: '2026-03-01T09:01:00Z' },
 *   ],
 * });
 * const call = parseInteraction({ id: 'call-1', channel: 'phone', startedAt: '2026-03-01T09:20:00Z' });
 * const [journey] = threadJourneys([chat, call], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [chat, call] }, { to: 'phone', now: '2026-03-01T09:21:00Z' });
 *   console.log(packet.issue.line.text); // What vitamin B12 dose is safe for a 4 kg cat?
 *   console.log(packet.facts.map((f) => `${f.kind} ${f.value}`)); // [ 'email a***@g***.com' ]
 *   console.log(packet.who.line); // Name not given · not resolved to a customer · verified: email (login) on Web chat
 * }
 * ```
 */
export function buildHandoff(input: HandoffInput, options: HandoffOptions): HandoffPacket {
  return draftHandoff(input, options).packet;
}

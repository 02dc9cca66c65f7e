import fc from 'fast-check';
import { ThreadlineError } from '../core/errors.js';
import {
  buildHandoff,
  estimateTokens,
  fitHandoff,
  type HandoffInput,
  type HandoffOptions,
  type HandoffPacket,
  renderHandoff,
  toBotFrameworkHandoff,
  toConnectAttributes,
  toSunshinePassControl,
  toTwilioTaskAttributes,
} from '../handoff/index.js';
import type { Channel } from '../model/channel.js';
import type { Customer } from '../model/customer.js';
import type { InteractionInput } from '../model/interaction.js';
import { parseCustomer, parseInteraction, parseJourney } from '../model/parse.js';
import { checkLaw, type Law } from './law.js';

/**
 * Options for {@link packetLaws}.
 *
 * @example
 * ```ts
 * import { buildHandoff } from 'threadline';
 * import type { PacketLawOptions } from 'threadline/testing';
 *
 * const options: PacketLawOptions = { build: (input, o) => buildHandoff(input, { ...o, disclosureThreshold: 0.95 }), numRuns: 10 };
 * console.log(options.numRuns); // 10
 * ```
 */
export interface PacketLawOptions {
  /** The packet builder under test, with the adopter's settings (default `buildHandoff`). */
  readonly build?: (input: HandoffInput, options: HandoffOptions) => HandoffPacket;
  /** Runs per law (default 25). */
  readonly numRuns?: number;
  /** Seed for reproducible runs. */
  readonly seed?: number;
}

const GIVEN = ['Ana', 'Rui', 'Maria', 'Noor', 'Priya', 'Tomas'];
const FAMILY = ['Souza', 'Okafor', 'Haddad', 'Lindqvist', 'Martins'];
const DOMAINS = ['gmail.com', 'outlook.com', 'example.org'];
const AREAS = ['310', '415', '617', '702'];
const CHANNELS = ['email', 'chat', 'phone', 'sms', 'x', 'whatsapp', 'instagram'] as const;

/** One made-up customer and the ways their details are written. */
interface Person {
  readonly name: string;
  readonly email: string;
  readonly e164: string;
  /** The phone as people write it: international, national with punctuation. */
  readonly phones: readonly string[];
  readonly handle: string;
}

/** A journey to hand off, with the personal values planted in it and the options to use. */
interface Story {
  readonly input: HandoffInput;
  readonly options: HandoffOptions;
  readonly person: Person;
}

const personArbitrary: fc.Arbitrary<Person> = fc
  .record({
    given: fc.constantFrom(...GIVEN),
    family: fc.constantFrom(...FAMILY),
    n: fc.integer({ min: 10, max: 99 }),
    domain: fc.constantFrom(...DOMAINS),
    area: fc.constantFrom(...AREAS),
    line: fc.integer({ min: 100, max: 199 }),
  })
  .map(({ given, family, n, domain, area, line }) => {
    const local = `0${line}`;
    return {
      name: `${given} ${family}`,
      email: `${given}.${family}${n}@${domain}`.toLowerCase(),
      e164: `+1${area}555${local}`,
      phones: [`(${area}) 555-${local}`, `+1 ${area} 555 ${local}`, `${area}.555.${local}`],
      handle: `${given}_${family}${n}`.toLowerCase(),
    };
  });

type Line = (p: Person, k: number) => string;

const CUSTOMER_LINES: readonly Line[] = [
  () => 'Hi, my order #A-55123 still has not arrived.',
  (p) => `My email is ${p.email}, please write to me there.`,
  (p, k) => `Call me on ${p.phones[k % p.phones.length]} this afternoon.`,
  (p) => `This is ${p.name}.`,
  () => 'Is it safe to give my cat vitamin B12 drops?',
  () => 'This is the third time I write and nobody answers!!',
  () => 'Thanks, that helps a lot.',
  (p) => `You can find me as @${p.handle}.`,
];

const BUSINESS_LINES: readonly Line[] = [
  () => "I've reset your password.",
  () => "We'll call you back tomorrow.",
  () => 'Could you send me your order number?',
  () => 'A replacement has been sent.',
  () => 'Please call us on 0800 123 456.',
  (p) => `I will email you at ${p.email} today.`,
];

const SYSTEM_LINES: readonly Line[] = [() => 'Ticket escalated to tier 2.'];

const storyArbitrary: fc.Arbitrary<Story> = fc
  .record({
    person: personArbitrary,
    contacts: fc.array(
      fc.record({
        channel: fc.constantFrom(...CHANNELS),
        side: fc.constantFrom('public', 'private', undefined),
        gapMinutes: fc.integer({ min: 0, max: 3000 }),
        email: fc.constantFrom('none', 'claimed', 'verified'),
        phone: fc.constantFrom('none', 'claimed', 'verified'),
        handle: fc.boolean(),
        named: fc.boolean(),
        messages: fc.array(
          fc.record({
            author: fc.constantFrom('customer', 'customer', 'agent', 'bot', 'system'),
            line: fc.nat(),
          }),
          { maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    resolved: fc.constantFrom('none', 'customer', 'resolver'),
    confidences: fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), {
      minLength: 3,
      maxLength: 3,
    }),
    to: fc.constantFrom<Channel>('phone', 'email', 'chat', 'sms', 'x', 'instagram', 'whatsapp'),
    visibility: fc.constantFrom('public', 'private', undefined),
    reader: fc.constantFrom('agent', 'bot', 'customer'),
    reveal: fc.boolean(),
    budget: fc.oneof(
      fc.integer({ min: 1, max: 12_000 }).map((chars) => ({ chars })),
      fc.integer({ min: 1, max: 3_000 }).map((tokens) => ({ tokens })),
    ),
    format: fc.constantFrom('json', 'markdown', 'text'),
    nowAfterMinutes: fc.integer({ min: 1, max: 5000 }),
  })
  .map((r): Story => {
    const { person } = r;
    let minute = 0;
    const seen = { email: [] as string[], phone: [] as string[], social: [] as string[] };
    const interactions = r.contacts.map((c, k) => {
      minute += c.gapMinutes;
      const startedAt = new Date(Date.UTC(2026, 2, 1) + minute * 60_000).toISOString();
      const id = `ix-${k + 1}`;
      const identifiers: NonNullable<InteractionInput['identifiers']> = [];
      const trust = (level: string) =>
        level === 'verified'
          ? ({ level: 'verified', method: 'channel_native' } as const)
          : ({ level: 'claimed' } as const);
      if (c.email !== 'none') {
        identifiers.push({ kind: 'email', value: person.email, trust: trust(c.email) });
        seen.email.push(id);
      }
      if (c.phone !== 'none') {
        identifiers.push({ kind: 'phone', value: person.e164, trust: trust(c.phone) });
        seen.phone.push(id);
      }
      if (c.handle) {
        identifiers.push({ kind: 'social', platform: 'x', handle: `@${person.handle}` });
        seen.social.push(id);
      }
      const messages = c.messages.map((m, j) => {
        const lines =
          m.author === 'customer'
            ? CUSTOMER_LINES
            : m.author === 'system'
              ? SYSTEM_LINES
              : BUSINESS_LINES;
        const line = lines[m.line % lines.length] as Line;
        return {
          author: m.author,
          text: line(person, m.line + j),
          at: new Date(Date.parse(startedAt) + j * 60_000).toISOString(),
        };
      });
      return parseInteraction({
        id,
        channel: c.channel,
        ...(c.side === undefined ? {} : { visibility: c.side }),
        startedAt,
        region: 'US',
        identifiers,
        participants: c.named ? [{ role: 'customer', name: person.name }] : [],
        messages,
      });
    });
    const ids = interactions.map((i) => i.id);
    const first = interactions[0];
    const last = interactions[interactions.length - 1];
    const journey = parseJourney({
      id: 'jny-law',
      customerId: 'cus-law',
      status: 'open',
      interactionIds: ids,
      channels: [...new Set(interactions.map((i) => i.channel))],
      openedAt: first?.startedAt,
      updatedAt: last?.startedAt,
    });
    const at = first?.startedAt ?? '2026-03-01T00:00:00Z';
    const linked: Customer['identifiers'][number][] = [];
    const link = (
      identifier: Customer['identifiers'][number]['identifier'],
      key: string,
      k: number,
      where: string[],
    ) => {
      if (where.length === 0) return;
      linked.push({
        identifier,
        key,
        trust: { level: 'claimed' },
        confidence: r.confidences[k] ?? 1,
        firstSeenAt: at,
        lastSeenAt: at,
        interactionIds: where as Customer['interactionIds'],
      });
    };
    link({ kind: 'email', value: person.email }, `email:${person.email}`, 0, seen.email);
    link({ kind: 'phone', value: person.e164 }, `phone:${person.e164}`, 1, seen.phone);
    link(
      { kind: 'social', platform: 'x', handle: `@${person.handle}` },
      `social:x:${person.handle}`,
      2,
      seen.social,
    );
    const customer =
      r.resolved === 'none'
        ? undefined
        : parseCustomer({
            id: 'cus-law',
            names: [person.name],
            identifiers: linked,
            interactionIds: ids,
            createdAt: at,
            updatedAt: last?.startedAt ?? at,
          });
    const now = new Date(
      Date.parse(last?.startedAt ?? at) + r.nowAfterMinutes * 60_000,
    ).toISOString();
    return {
      person,
      input: {
        journey,
        interactions,
        ...(customer === undefined ? {} : { customer }),
        ...(r.resolved === 'resolver'
          ? {
              identity: {
                probability: 0.97,
                weight: 5,
                steps: [
                  { name: 'prior', weight: -9 },
                  { name: 'email', label: 'exact', weight: 14 },
                ],
              },
            }
          : {}),
      },
      options: {
        to: r.to,
        ...(r.visibility === undefined ? {} : { visibility: r.visibility }),
        reader: r.reader,
        reveal: r.reveal,
        budget: r.budget,
        format: r.format,
        now,
        region: 'US',
      },
    };
  });

const FORMATS = ['json', 'markdown', 'text'] as const;

/** The size of a text in a budget's unit. */
const sizeIn = (text: string, budget: HandoffOptions['budget']) =>
  budget === undefined || 'chars' in budget ? text.length : estimateTokens(text);

const limitOf = (budget: HandoffOptions['budget']) =>
  budget === undefined ? 4000 : 'chars' in budget ? budget.chars : budget.tokens;

/** Markdown output with its backslash escapes removed, as a reader sees it. */
const unescapeMarkdown = (markdown: string) => markdown.replace(/\\([\\`*_[\]<>~])/g, '$1');

const tooSmall = (e: unknown) =>
  e instanceof ThreadlineError &&
  e.code === 'invalid_options' &&
  e.issues.some((i) => i.code === 'budget_too_small');

/** Every rendering and adapter payload of a packet, as text (renderings that cannot fit are left out). */
function outputs(packet: HandoffPacket): string[] {
  const out: string[] = [];
  for (const format of FORMATS) {
    try {
      const text = renderHandoff(packet, { format });
      out.push(format === 'markdown' ? unescapeMarkdown(text) : text);
    } catch (e) {
      if (!tooSmall(e)) throw e;
    }
  }
  for (const payload of [
    toBotFrameworkHandoff(packet),
    toSunshinePassControl(packet),
    toConnectAttributes(packet),
    toTwilioTaskAttributes(packet),
  ]) {
    if (payload.ok) out.push(JSON.stringify(payload.value));
  }
  return out;
}

/** Every line's citations, with where the line sits. */
function citations(p: HandoffPacket): { where: string; cites: readonly string[] }[] {
  const lines: { where: string; cites: readonly string[] }[] = [
    { where: 'who', cites: p.who.cites },
    { where: 'issue', cites: p.issue.line.cites },
  ];
  const add = (where: string, items: readonly { readonly cites: readonly string[] }[]) => {
    items.forEach((item, k) => {
      lines.push({ where: `${where}[${k}]`, cites: item.cites });
    });
  };
  if (p.latest !== undefined) lines.push({ where: 'latest', cites: p.latest.cites });
  add('who.verified', p.who.verified);
  add('issue.summary', p.issue.summary);
  add('timeline', p.timeline);
  add('facts', p.facts);
  add('tried', p.tried);
  add('promised', p.promised);
  add('openQuestions', p.openQuestions);
  add('signals', p.signals);
  if (p.serviceClock !== undefined)
    lines.push({ where: 'serviceClock', cites: p.serviceClock.cites });
  return lines;
}

function describe(story: Story): string {
  const { input, options } = story;
  const lines = input.interactions.map((i) => {
    const ids = i.identifiers.map((x) => x.kind).join('+') || 'no identifiers';
    const messages = i.messages.map((m) => `${m.author}: ${m.text}`).join(' / ');
    return `  ${i.id} ${i.channel}${i.visibility === undefined ? '' : ` (${i.visibility})`} at ${i.startedAt}, ${ids}: ${messages}`;
  });
  return [
    ...lines,
    `  customer: ${input.customer === undefined ? 'none' : input.customer.identifiers.map((c) => `${c.key} ${c.confidence.toFixed(2)}`).join(', ')}${input.identity === undefined ? '' : ', with resolver evidence'}`,
    `  options: ${JSON.stringify(options)}`,
  ].join('\n');
}

/**
 * The laws every handoff packet builder must keep, as checks an adopter runs with their own
 * settings (a wrapped `buildHandoff` with a different threshold or profiles):
 *
 * - never over budget: the packet's own rendering fits its budget, every other rendering and
 *   every adapter payload fits its own or says it cannot; a generous budget always fits;
 * - the identity line, the issue line and the customer's latest message always survive, in
 *   every rendering;
 * - deterministic: the same journey, in any order, gives the same packet and the same text;
 * - redaction never leaks: an identifier of the interactions or the customer record that the
 *   reader may not see unmasked (and, on a public channel, the customer's name when a
 *   participant or the customer record gives it) appears in no rendering and no adapter
 *   payload, however the messages write it;
 * - citations always point at real interactions: every line cites at least one interaction of
 *   the journey (linked identifiers, of the customer record).
 *
 * Stories are small journeys (one to five contacts on phone, email, chat, SMS, X, WhatsApp or
 * Instagram) of one made-up person whose email, phone and X handle appear in identifiers and
 * in messages, written several ways, with random readers, target channels, budgets and formats.
 *
 * @example
 * ```ts
 * import { packetLaws } from 'threadline/testing';
 *
 * const laws = packetLaws({ numRuns: 5 });
 * for (const law of laws) await law.check();
 * console.log(laws.length); // 5
 * ```
 */
export function packetLaws(options: PacketLawOptions = {}): readonly Law[] {
  const build = options.build ?? buildHandoff;
  /** The packet, or undefined when the budget is too small for it. */
  const tryBuild = (story: Story): HandoffPacket | undefined => {
    try {
      return build(story.input, story.options);
    } catch (e) {
      if (tooSmall(e)) return undefined;
      throw e;
    }
  };
  const generous = (story: Story): Story => ({
    ...story,
    options: {
      ...story.options,
      budget: { chars: 1_000_000 },
    },
  });
  return [
    {
      name: 'a packet never exceeds its budget, in any renderer or adapter',
      check: () =>
        checkLaw(
          'never over budget',
          storyArbitrary,
          (story) => {
            const budget = story.options.budget;
            const limit = limitOf(budget);
            const packet = tryBuild(story);
            if (packet === undefined) {
              const big = 'chars' in (budget ?? { chars: 0 }) ? limit >= 6000 : limit >= 2000;
              return big ? `a budget of ${limit} was refused as too small` : true;
            }
            for (const format of FORMATS) {
              let text: string;
              try {
                text = renderHandoff(packet, { format });
              } catch (e) {
                if (tooSmall(e) && format !== story.options.format) continue;
                throw e;
              }
              const size = sizeIn(text, budget);
              if (size > limit) return `${format} takes ${size}, over the budget of ${limit}`;
            }
            const limits = [
              ['Bot Framework', toBotFrameworkHandoff(packet), 262_144],
              ['Sunshine', toSunshinePassControl(packet), 4096],
              ['Twilio', toTwilioTaskAttributes(packet), 16_384],
            ] as const;
            for (const [platform, payload, max] of limits) {
              if (!payload.ok) continue;
              const value =
                platform === 'Sunshine'
                  ? JSON.stringify((payload.value as { metadata: unknown }).metadata)
                  : JSON.stringify(payload.value);
              const bytes = new TextEncoder().encode(value).length;
              if (bytes > max) return `${platform} payload takes ${bytes} bytes, over ${max}`;
            }
            const connect = toConnectAttributes(packet);
            if (connect.ok) {
              let bytes = 0;
              for (const [k, v] of Object.entries(connect.value.Attributes)) {
                bytes += new TextEncoder().encode(k + v).length;
              }
              if (bytes > 32_768) return `Connect attributes take ${bytes} bytes, over 32768`;
            }
            return true;
          },
          describe,
          options,
        ),
    },
    {
      name: 'the identity line, the issue line and the latest message always survive',
      check: () =>
        checkLaw(
          'required lines survive',
          storyArbitrary,
          (story) => {
            const packet = tryBuild(story);
            if (packet === undefined) return true;
            const full = build(generous(story).input, generous(story).options);
            const wrote = story.input.interactions.some((i) =>
              i.messages.some((m) => m.author === 'customer' && /[\p{L}\p{N}]/u.test(m.text)),
            );
            if (wrote && packet.latest === undefined) return 'the latest message was dropped';
            if (packet.who.line === '' || packet.issue.line.text === '')
              return 'an empty required line';
            // A shortened line is the start of the full one, cut at a word with an ellipsis.
            const startsFull = (cut: string, whole: string) =>
              cut === whole || (cut.endsWith('…') && whole.startsWith(cut.slice(0, -1).trimEnd()));
            if (!startsFull(packet.who.line, full.who.line)) return 'the identity line changed';
            if (!startsFull(packet.issue.line.text, full.issue.line.text))
              return 'the issue line changed';
            if (
              packet.latest !== undefined &&
              full.latest !== undefined &&
              !startsFull(packet.latest.text, full.latest.text)
            ) {
              return 'the latest message changed';
            }
            for (const format of FORMATS) {
              let fitted: HandoffPacket;
              try {
                fitted = fitHandoff(packet, { format });
              } catch (e) {
                if (tooSmall(e) && format !== story.options.format) continue;
                throw e;
              }
              if (wrote && fitted.latest === undefined)
                return `${format} dropped the latest message`;
              if (!startsFull(fitted.who.line, full.who.line))
                return `${format} changed the identity line`;
              if (!startsFull(fitted.issue.line.text, full.issue.line.text))
                return `${format} changed the issue line`;
              const text = renderHandoff(packet, { format });
              const shown = format === 'markdown' ? unescapeMarkdown(text) : text;
              for (const line of [fitted.who.line, fitted.issue.line.text, fitted.latest?.text]) {
                if (line === undefined) continue;
                const visible = format === 'json' ? JSON.stringify(line) : line;
                if (!shown.includes(visible)) return `${format} does not show "${line}"`;
              }
            }
            return true;
          },
          describe,
          options,
        ),
    },
    {
      name: 'the same journey, in any order, gives the same packet',
      check: () =>
        checkLaw(
          'deterministic',
          storyArbitrary,
          (story) => {
            const a = tryBuild(story);
            const reversed: Story = {
              ...story,
              input: { ...story.input, interactions: [...story.input.interactions].reverse() },
            };
            const b = tryBuild(reversed);
            if (JSON.stringify(a) !== JSON.stringify(b)) return 'the packets differ';
            if (a === undefined || b === undefined) return true;
            for (const format of FORMATS) {
              const render = (p: HandoffPacket) => {
                try {
                  return renderHandoff(p, { format });
                } catch (e) {
                  if (tooSmall(e)) return 'too small';
                  throw e;
                }
              };
              if (render(a) !== render(b)) return `the ${format} renderings differ`;
            }
            return true;
          },
          describe,
          options,
        ),
    },
    {
      name: 'redaction never leaks a masked value into any renderer or adapter',
      check: () =>
        checkLaw(
          'no leaks',
          storyArbitrary,
          (story) => {
            const packet = tryBuild(story);
            if (packet === undefined) return true;
            const { person, options: o, input } = story;
            const open =
              packet.reader === 'agent' && o.reveal === true && packet.to.visibility === 'private';
            const hidden: string[] = [];
            if (open) {
              // Revealed to the agent, except what is linked below the disclosure threshold.
              for (const linked of input.customer?.identifiers ?? []) {
                if (linked.confidence >= packet.redaction.disclosureThreshold) continue;
                if (linked.identifier.kind === 'email') hidden.push(person.email);
                if (linked.identifier.kind === 'phone') hidden.push(person.e164, ...person.phones);
                if (linked.identifier.kind === 'social') hidden.push(`@${person.handle}`);
              }
            } else {
              // The values the packet knows as the customer's: identifiers of the interactions
              // or of the customer record. Wherever the messages write them, they must not show.
              const kinds = new Set<string>([
                ...input.interactions.flatMap((i) => i.identifiers.map((x) => x.kind)),
                ...(input.customer?.identifiers ?? []).map((x) => x.identifier.kind),
              ]);
              if (kinds.has('email')) hidden.push(person.email);
              if (kinds.has('phone')) hidden.push(person.e164, ...person.phones);
              if (kinds.has('social')) hidden.push(`@${person.handle}`);
            }
            // A name is known when the customer record or a participant gives it; a name only
            // typed in a message ("this is Ana") is not recognised, so it cannot be hidden.
            const named =
              input.customer !== undefined ||
              input.interactions.some((i) => i.participants.some((x) => x.name === person.name));
            if (packet.to.visibility === 'public' && named) hidden.push(person.name);
            for (const text of outputs(packet)) {
              const folded = text.toLowerCase();
              for (const value of hidden) {
                if (folded.includes(value.toLowerCase())) return `"${value}" appears in:\n${text}`;
              }
            }
            return true;
          },
          describe,
          options,
        ),
    },
    {
      name: 'citations always point at real interactions',
      check: () =>
        checkLaw(
          'real citations',
          storyArbitrary,
          (story) => {
            const packet = tryBuild(story);
            if (packet === undefined) return true;
            const journey = new Set<string>(story.input.journey.interactionIds);
            for (const { where, cites } of citations(packet)) {
              if (cites.length === 0) return `${where} cites nothing`;
              for (const id of cites)
                if (!journey.has(id)) return `${where} cites "${id}", not in the journey`;
            }
            for (const linked of packet.who.identifiers) {
              const known = new Set<string>(
                (story.input.customer?.identifiers ?? []).flatMap((i) => i.interactionIds),
              );
              for (const id of linked.cites)
                if (!known.has(id)) return `a linked identifier cites "${id}"`;
            }
            const latest = packet.latest;
            if (latest !== undefined) {
              const source = story.input.interactions.find((i) => i.id === latest.cites[0]);
              if (!source?.messages.some((m) => m.author === 'customer')) {
                return 'the latest message cites an interaction without customer messages';
              }
            }
            return true;
          },
          describe,
          options,
        ),
    },
  ];
}

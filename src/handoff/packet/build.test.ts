import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import type { Customer } from '../../model/customer.js';
import { parseCustomer } from '../../model/parse.js';
import { buildHandoff } from './build.js';
import type { HandoffOptions } from './options.js';
import { HandoffPacketSchema } from './schema.js';
import { interactions, journeyOf } from './test-helpers.js';

const NOW = '2026-03-02T10:00:00Z';

const story = interactions(
  {
    id: 'em-1',
    channel: 'email',
    startedAt: '2026-03-01T09:00:00Z',
    subject: 'Refund for order A-55123',
    identifiers: [
      {
        kind: 'email',
        value: 'ana.souza@gmail.com',
        trust: { level: 'verified', method: 'channel_native' },
      },
    ],
    participants: [{ role: 'customer', name: 'Ana Souza' }],
    messages: [
      {
        author: 'customer',
        text: 'I was charged twice for order A-55123. Please refund one charge.',
        at: '2026-03-01T09:00:00Z',
      },
      { author: 'system', text: 'Ticket escalated to billing.', at: '2026-03-01T09:05:00Z' },
      {
        author: 'agent',
        text: "I've escalated it to billing. We'll refund you within 5 days.",
        at: '2026-03-01T11:00:00Z',
      },
    ],
  },
  {
    id: 'sms-2',
    channel: 'sms',
    startedAt: '2026-03-02T09:00:00Z',
    identifiers: [{ kind: 'phone', value: '+13102461501' }],
    messages: [
      {
        author: 'customer',
        text: 'Any news? You can also reach me at ana.souza@gmail.com or +1 310 246 1501.',
        at: '2026-03-02T09:00:00Z',
      },
    ],
  },
);
const journey = journeyOf(story);

const customer = (confidences: { email: number; phone: number }): Customer =>
  parseCustomer({
    id: 'cus-ana',
    names: ['Ana Souza'],
    identifiers: [
      {
        identifier: { kind: 'email', value: 'ana.souza@gmail.com' },
        key: 'email:ana.souza@gmail.com',
        trust: { level: 'verified', method: 'channel_native' },
        confidence: confidences.email,
        firstSeenAt: '2026-03-01T09:00:00Z',
        lastSeenAt: '2026-03-01T09:00:00Z',
        interactionIds: ['em-1'],
      },
      {
        identifier: { kind: 'phone', value: '+13102461501' },
        key: 'phone:+13102461501',
        trust: { level: 'claimed' },
        confidence: confidences.phone,
        firstSeenAt: '2026-03-02T09:00:00Z',
        lastSeenAt: '2026-03-02T09:00:00Z',
        interactionIds: ['sms-2'],
      },
    ],
    interactionIds: ['em-1', 'sms-2'],
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
  });

const build = (
  options: Partial<HandoffOptions> = {},
  extra: { customer?: Customer; identity?: Parameters<typeof buildHandoff>[0]['identity'] } = {},
) =>
  buildHandoff(
    { journey, interactions: story, ...extra },
    { to: 'phone', now: NOW, budget: { chars: 100_000 }, ...options },
  );

function thrown(f: () => unknown): ThreadlineError {
  try {
    f();
  } catch (e) {
    if (e instanceof ThreadlineError) return e;
    throw e;
  }
  throw new Error('expected a ThreadlineError');
}

describe('buildHandoff: options and inputs', () => {
  it('refuses bad options with path-addressed issues', () => {
    const e = thrown(() =>
      buildHandoff({ journey, interactions: story }, {
        to: 'fax',
        now: 'soon',
        budget: { chars: 0 },
      } as unknown as HandoffOptions),
    );
    expect(e.code).toBe('invalid_options');
    expect(e.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['to', 'now', 'budget']));
  });

  it('names the interactions of the journey that were not given', () => {
    const e = thrown(() =>
      buildHandoff({ journey, interactions: story.slice(0, 1) }, { to: 'phone', now: NOW }),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      expect.objectContaining({
        code: 'missing_interaction',
        path: ['journey', 'interactionIds', 1],
      }),
    ]);
  });

  it('refuses malformed identity evidence', () => {
    const e = thrown(() => build({}, { identity: { probability: 2 } }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues[0]?.path).toEqual(['identity', 'probability']);
  });

  it('says how small a budget is too small', () => {
    const e = thrown(() => build({ budget: { chars: 50 }, format: 'json' }));
    expect(e.code).toBe('invalid_options');
    expect(e.issues[0]).toMatchObject({ code: 'budget_too_small', path: ['budget', 'chars'] });
    expect(e.issues[0]?.message).toMatch(/need at least \d+ characters in json; the budget is 50/);
  });

  it('ignores interactions of other journeys and matches its schema', () => {
    const other = interactions({ id: 'other', channel: 'chat', startedAt: '2026-03-01T10:00:00Z' });
    const packet = buildHandoff(
      { journey, interactions: [...story, ...other] },
      { to: 'phone', now: NOW },
    );
    expect(HandoffPacketSchema.parse(packet)).toEqual(packet);
    expect(JSON.stringify(packet)).not.toContain('"other"');
  });

  it('is deterministic and takes no clock of its own', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
    expect(build({ now: Date.parse(NOW) })).toEqual(build({ now: new Date(NOW) }));
    expect(build().builtAt).toBe('2026-03-02T10:00:00.000Z');
  });
});

describe('buildHandoff: who', () => {
  it('says so when nothing resolved the customer', () => {
    const packet = build();
    expect(packet.who.line).toBe(
      'Ana Souza · not resolved to a customer · verified: email (sender address) on Email',
    );
    expect(packet.who.identity).toBeUndefined();
    expect(packet.who.cites).toEqual(['em-1', 'sms-2']);
  });

  it('takes the weakest link of the customer record when the resolver gave no evidence', () => {
    const packet = build({}, { customer: customer({ email: 1, phone: 0.93 }) });
    expect(packet.who.identity).toEqual({ source: 'customer', probability: 0.93, guards: [] });
    expect(packet.who.line).toMatch(/^Ana Souza \(cus-ana\) · one person: 93% \(customer record\)/);
    expect(packet.who.identifiers.map((i) => [i.kind, i.value, i.masked])).toEqual([
      ['email', 'a***@g***.com', true],
      ['phone', '***1501', true],
    ]);
  });

  it('shows the resolver’s probability and waterfall to agents, the probability only to bots', () => {
    const identity = {
      probability: 0.998,
      weight: 9,
      steps: [
        { name: 'prior', weight: -12 },
        { name: 'email', label: 'exact', weight: 21 },
      ],
    };
    const agent = build({}, { customer: customer({ email: 1, phone: 1 }), identity });
    expect(agent.who.identity).toMatchObject({
      source: 'resolver',
      probability: 0.998,
      steps: identity.steps,
    });
    const bot = build({ reader: 'bot' }, { customer: customer({ email: 1, phone: 1 }), identity });
    expect(bot.who.identity).toEqual({
      source: 'resolver',
      probability: 0.998,
      weight: 9,
      guards: [],
    });
    expect(bot.who.identifiers).toEqual([]);
    expect(bot.redaction.entries).toContainEqual({
      what: 'evidence',
      action: 'withheld',
      reason: 'reader',
      count: 1,
    });
  });
});

describe('buildHandoff: redaction', () => {
  const allText = (packet: unknown) => JSON.stringify(packet);

  it('masks contact details for agents by default, in facts and in quoted text', () => {
    const packet = build();
    expect(
      packet.facts.filter((f) => f.kind === 'email' || f.kind === 'phone').map((f) => f.value),
    ).toEqual(['a***@g***.com', '***1501']);
    expect(packet.latest?.text).toBe(
      'Any news? You can also reach me at a***@g***.com or ***1501.',
    );
    expect(allText(packet)).not.toMatch(/ana\.souza@gmail\.com|246 ?1501/);
  });

  it('reveals them to an agent when asked, but never to a bot', () => {
    expect(build({ reveal: true }).latest?.text).toContain('ana.souza@gmail.com');
    expect(build({ reveal: true, reader: 'bot' }).latest?.text).not.toContain(
      'ana.souza@gmail.com',
    );
  });

  it('never shows an identifier linked below the disclosure threshold, even when revealing', () => {
    const packet = build({ reveal: true }, { customer: customer({ email: 1, phone: 0.6 }) });
    expect(packet.who.identifiers.map((i) => i.kind)).toEqual(['email']);
    expect(packet.facts.map((f) => f.kind)).not.toContain('phone');
    expect(packet.latest?.text).toBe(
      'Any news? You can also reach me at ana.souza@gmail.com or [phone].',
    );
    expect(packet.redaction.entries).toContainEqual({
      what: 'identifier',
      kind: 'phone',
      action: 'withheld',
      reason: 'disclosure_threshold',
      count: 1,
    });
  });

  it('withholds a value linked below the threshold whatever its kind', () => {
    const shop = interactions({
      id: 'chat-9',
      channel: 'chat',
      startedAt: '2026-03-01T09:00:00Z',
      identifiers: [{ kind: 'account', namespace: 'shop', value: 'CUST-778122' }],
      messages: [{ author: 'customer', text: 'My account CUST-778122 is locked.' }],
    });
    const doubtful = parseCustomer({
      id: 'cus-9',
      identifiers: [
        {
          identifier: { kind: 'account', namespace: 'shop', value: 'CUST-778122' },
          key: 'account:shop:CUST778122',
          trust: { level: 'claimed' },
          confidence: 0.5,
          firstSeenAt: '2026-03-01T09:00:00Z',
          lastSeenAt: '2026-03-01T09:00:00Z',
          interactionIds: ['chat-9'],
        },
      ],
      interactionIds: ['chat-9'],
      createdAt: '2026-03-01T09:00:00Z',
      updatedAt: '2026-03-01T09:00:00Z',
    });
    const packet = buildHandoff(
      { journey: journeyOf(shop), interactions: shop, customer: doubtful },
      { to: 'chat', now: NOW, reveal: true },
    );
    expect(packet.facts.map((f) => f.kind)).not.toContain('account_id');
    expect(JSON.stringify(packet)).not.toContain('778122');
  });

  it('keeps internal lines, probabilities and signals from the customer', () => {
    const packet = build(
      { reader: 'customer' },
      { customer: customer({ email: 1, phone: 1 }), identity: { probability: 0.99 } },
    );
    expect(packet.who).toMatchObject({ line: 'Ana Souza', verified: [], identifiers: [] });
    expect(packet.who.identity).toBeUndefined();
    expect(packet.who.customerId).toBeUndefined();
    expect(packet.signals).toEqual([]);
    expect(packet.serviceClock).toBeUndefined();
    expect(packet.tried.map((t) => t.author)).not.toContain('system');
    expect(packet.redaction.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'internal_line', action: 'withheld', reason: 'reader' }),
        expect.objectContaining({ what: 'identity', action: 'withheld', reason: 'reader' }),
        expect.objectContaining({ what: 'service_clock', action: 'withheld', reason: 'reader' }),
      ]),
    );
  });

  it('withholds everything personal when the reply is public', () => {
    const packet = build({ to: 'x' }, { customer: customer({ email: 1, phone: 1 }) });
    expect(packet.to).toEqual({ channel: 'x', label: 'X (Twitter)', visibility: 'public' });
    expect(packet.who.name).toBeUndefined();
    expect(packet.facts.map((f) => f.kind)).toEqual([]);
    expect(allText(packet)).not.toMatch(/Ana|Souza|A-55123|ana\.souza|1501/);
    const dm = build(
      { to: 'x', visibility: 'private' },
      { customer: customer({ email: 1, phone: 1 }) },
    );
    expect(dm.to.visibility).toBe('private');
    expect(dm.who.name).toBe('Ana Souza');
  });
});

describe('buildHandoff: sections', () => {
  it('cites every line, flags the overdue promise and keeps the escalation as tried', () => {
    const packet = build({ now: '2026-03-09T10:00:00Z' });
    expect(packet.issue.line).toEqual({
      text: 'I was charged twice for order A-55123.',
      cites: ['em-1'],
    });
    expect(packet.promised).toEqual([
      expect.objectContaining({
        action: 'refund',
        dueText: 'within 5 days',
        overdue: true,
        cites: ['em-1'],
      }),
    ]);
    expect(packet.tried.map((t) => `${t.author}: ${t.text}`)).toEqual([
      'system: Ticket escalated to billing.',
      "agent: I've escalated it to billing.",
    ]);
    expect(packet.timeline.map((h) => [h.label, h.gapBeforeMs])).toEqual([
      ['Email', 0],
      ['SMS', 22 * 3_600_000],
    ]);
    expect(packet.serviceClock?.text).toMatch(
      /^Phone: customers expect an answer at once and resolution within 30 min\./,
    );
  });

  it('falls back to the subject when the customer has not written', () => {
    const quiet = interactions({
      id: 'em-9',
      channel: 'email',
      startedAt: '2026-03-01T09:00:00Z',
      subject: 'Parcel 1Z999 missing',
    });
    const packet = buildHandoff(
      { journey: journeyOf(quiet), interactions: quiet },
      { to: 'email', now: NOW },
    );
    expect(packet.issue.line).toEqual({ text: 'Parcel 1Z999 missing', cites: ['em-9'] });
    expect(packet.latest).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { threadJourneys } from '../journey/thread.js';
import {
  buildHandoff,
  fitHandoff,
  type HandoffPacket,
  renderHandoff,
  toSunshinePassControl,
} from './index.js';
import { interactions, resolve } from './packet/test-helpers.js';

// Two journeys told the way a helpdesk records them, handed to the next channel.

describe('the chat about a sick cat’s vitamin dose that becomes a phone call', () => {
  const story = interactions(
    {
      id: 'chat-7',
      channel: 'chat',
      startedAt: '2026-03-01T09:00:00Z',
      region: 'US',
      status: 'closed',
      identifiers: [
        {
          kind: 'email',
          value: 'ana.souza@gmail.com',
          trust: { level: 'verified', method: 'login' },
        },
        { kind: 'phone', value: '(415) 246-0134', source: 'pre-chat form' },
      ],
      participants: [
        { role: 'customer', id: 'c', name: 'Ana Souza' },
        { role: 'bot', id: 'b', name: 'PetBot' },
        { role: 'agent', id: 'a', name: 'Priya' },
      ],
      messages: [
        {
          author: 'customer',
          text: 'Hi! My cat Miso has kidney disease and the vet prescribed vitamin B12 drops from order #PX-40917.',
          at: '2026-03-01T09:00:00Z',
        },
        {
          author: 'customer',
          text: 'How many drops a day are safe for a 4 kg cat?',
          at: '2026-03-01T09:00:30Z',
        },
        {
          author: 'bot',
          text: "I can't give dosing advice. I'm passing you to a colleague.",
          at: '2026-03-01T09:01:00Z',
        },
        {
          author: 'agent',
          text: 'Hi Ana, this is Priya. I have checked your order PX-40917: it is the 1 mg/ml bottle.',
          at: '2026-03-01T09:04:00Z',
        },
        {
          author: 'agent',
          text: 'Our pharmacist will call you back within 2 hours on your number.',
          at: '2026-03-01T09:05:00Z',
        },
        {
          author: 'customer',
          text: "OK, my number is (415) 246-0134. Should I skip tonight's dose?",
          at: '2026-03-01T09:06:00Z',
        },
      ],
    },
    {
      id: 'call-8',
      channel: 'phone',
      startedAt: '2026-03-01T12:30:00Z',
      region: 'US',
      identifiers: [
        {
          kind: 'phone',
          value: '+14152460134',
          trust: { level: 'verified', method: 'channel_native' },
        },
      ],
      participants: [{ role: 'customer', name: 'Ana Souza' }],
      messages: [
        {
          author: 'customer',
          text: 'Nobody called me back and Miso is due her dose at 6. I am worried.',
          at: '2026-03-01T12:30:00Z',
        },
      ],
    },
  );
  const now = '2026-03-01T12:31:00Z';

  async function packetFor(
    options: Partial<Parameters<typeof buildHandoff>[1]> = {},
  ): Promise<HandoffPacket> {
    const { customer, identity } = await resolve(story, now);
    const [journey] = threadJourneys(story, { customerId: customer.id }).journeys;
    if (journey === undefined) throw new Error('no journey');
    return buildHandoff(
      { journey, interactions: story, customer, identity },
      { to: 'phone', now, format: 'markdown', budget: { chars: 3000 }, ...options },
    );
  }

  it('is one journey of one resolved customer, verified by caller id', async () => {
    const packet = await packetFor();
    expect(packet.timeline.map((h) => h.channel)).toEqual(['chat', 'phone']);
    expect(packet.who.identity?.source).toBe('resolver');
    expect(packet.who.identity?.probability).toBeGreaterThan(0.99);
    expect(packet.who.line).toMatch(
      /^Ana Souza \(cus_\w+\) · one person: 99\.9% \(resolver\) · verified: phone \(caller id\) on Phone, email \(login\) on Web chat$/,
    );
    expect(packet.who.cites).toEqual(['chat-7', 'call-8']);
  });

  it('tells the phone agent the issue, the overdue callback and the open question', async () => {
    const packet = await packetFor();
    expect(packet.issue.line.text).toContain('vitamin B12 drops');
    expect(packet.latest).toMatchObject({ channel: 'phone', cites: ['call-8'] });
    expect(packet.latest?.text).toContain('Nobody called me back');
    expect(packet.promised).toEqual([
      expect.objectContaining({
        action: 'call',
        overdue: true,
        fulfilled: false,
        due: '2026-03-01T11:05:00.000Z',
        cites: ['chat-7'],
      }),
    ]);
    expect(packet.openQuestions.map((q) => q.text)).toContain("Should I skip tonight's dose?");
    const facts = packet.facts.map((f) => `${f.kind} ${f.value}${f.verified ? ' verified' : ''}`);
    expect(facts).toEqual(
      expect.arrayContaining([
        'order_id PX-40917',
        'phone ***0134 verified',
        'email a***@g***.com verified',
      ]),
    );
    expect(packet.signals.map((s) => s.kind)).toEqual([
      'repeat_contacts',
      'channel_switches',
      'waiting',
      'sentiment',
    ]);
    expect(packet.serviceClock).toMatchObject({ channel: 'phone', expectedFirstResponseMs: 0 });
  });

  it('never shows the phone number or the email, even where the customer typed them', async () => {
    const packet = await packetFor();
    const markdown = renderHandoff(packet);
    expect(markdown).not.toContain('246-0134');
    expect(markdown).not.toContain('ana.souza@gmail.com');
    // The customer typed the number in the chat; it was masked there before any line was made.
    expect(packet.redaction.entries).toContainEqual(
      expect.objectContaining({
        what: 'text',
        kind: 'phone',
        action: 'masked',
        reason: 'masked_by_default',
      }),
    );
  });

  it('whispers the essentials to the phone agent in a few lines', async () => {
    const packet = await packetFor();
    const whisper = renderHandoff(packet, { format: 'text', budget: { chars: 480 } });
    expect(whisper.length).toBeLessThanOrEqual(480);
    expect(whisper.split('\n').slice(1, 5)).toEqual([
      expect.stringMatching(/^Ana Souza/),
      'Issue: My cat Miso has kidney disease and the vet prescribed vitamin B12 drops from order #PX-40917.',
      'Latest (Phone): Nobody called me back and Miso is due her dose at 6. I am worried.',
      'OVERDUE: Our pharmacist will call you back within 2 hours on your number',
    ]);
  });
});

describe('a booking started on Twitter, moved to DM, then email', () => {
  const story = interactions(
    {
      id: 'tw-1',
      channel: 'x',
      visibility: 'public',
      startedAt: '2026-03-09T08:00:00Z',
      identifiers: [
        {
          kind: 'social',
          platform: 'x',
          handle: '@marta_travels',
          trust: { level: 'verified', method: 'channel_native' },
        },
      ],
      participants: [{ role: 'customer', id: 'm', name: 'Marta Lind' }],
      messages: [
        {
          author: 'customer',
          text: '@FlyHome my booking K7XQ2M was cancelled and nobody tells me why. I fly on 14 March!',
          at: '2026-03-09T08:00:00Z',
        },
        {
          author: 'agent',
          text: '@marta_travels Sorry to hear that! Please DM us your booking reference and email so we can look into it.',
          at: '2026-03-09T08:20:00Z',
        },
      ],
    },
    {
      id: 'tw-2',
      channel: 'x',
      visibility: 'private',
      startedAt: '2026-03-09T08:30:00Z',
      identifiers: [
        {
          kind: 'social',
          platform: 'x',
          handle: '@marta_travels',
          trust: { level: 'verified', method: 'channel_native' },
        },
      ],
      participants: [{ role: 'customer', id: 'm', name: 'Marta Lind' }],
      messages: [
        {
          author: 'customer',
          text: 'Booking reference K7XQ2M, email marta.lind@outlook.com',
          at: '2026-03-09T08:30:00Z',
        },
        {
          author: 'agent',
          text: "Thanks Marta. The flight was moved, so the booking was cancelled. I've requested a rebooking. We'll email you the new itinerary within 24 hours.",
          at: '2026-03-09T08:41:00Z',
        },
        {
          author: 'customer',
          text: "Can I get a refund instead if the new time doesn't work?",
          at: '2026-03-09T08:45:00Z',
        },
      ],
    },
    {
      id: 'em-3',
      channel: 'email',
      startedAt: '2026-03-10T10:00:00Z',
      subject: 'Booking K7XQ2M: still no itinerary',
      identifiers: [
        {
          kind: 'email',
          value: 'marta.lind@outlook.com',
          trust: { level: 'verified', method: 'channel_native' },
        },
      ],
      participants: [{ role: 'customer', id: 'm', name: 'Marta Lind' }],
      messages: [
        {
          author: 'customer',
          text: 'Hello, it has been more than a day and I still have no itinerary for booking K7XQ2M. I fly on 14 March. Please help.',
          at: '2026-03-10T10:00:00Z',
        },
      ],
    },
  );
  const now = '2026-03-10T10:30:00Z';
  const [journey] = threadJourneys(story, { customerId: 'cus-marta' }).journeys;

  const build = (options: Partial<Parameters<typeof buildHandoff>[1]>) => {
    if (journey === undefined) throw new Error('no journey');
    return buildHandoff(
      { journey, interactions: story },
      { to: 'email', now, budget: { chars: 6000 }, ...options },
    );
  };

  it('threads the public tweet, the DM and the email into one journey of three hops', () => {
    expect(journey?.interactionIds).toEqual(['tw-1', 'tw-2', 'em-3']);
    const packet = build({});
    expect(packet.timeline.map((h) => [h.channel, h.visibility ?? null])).toEqual([
      ['x', 'public'],
      ['x', 'private'],
      ['email', null],
    ]);
    expect(packet.signals.find((s) => s.kind === 'channel_switches')?.text).toBe(
      '2 channel switches: X (Twitter) → X (Twitter) → Email',
    );
  });

  it('gives the email agent the booking, the rebooking already asked for and the overdue itinerary', () => {
    const packet = build({});
    expect(packet.facts.find((f) => f.kind === 'booking')).toMatchObject({
      value: 'K7XQ2M',
      cites: ['tw-1', 'em-3'],
    });
    expect(packet.facts.find((f) => f.kind === 'email')).toMatchObject({
      value: 'm***@o***.com',
      verified: true,
      masked: true,
    });
    expect(packet.tried.map((t) => t.text)).toContain("I've requested a rebooking.");
    expect(packet.promised).toEqual([
      expect.objectContaining({ action: 'email', overdue: true, cites: ['tw-2'] }),
    ]);
    expect(packet.openQuestions).toEqual([
      expect.objectContaining({
        by: 'customer',
        text: "Can I get a refund instead if the new time doesn't work?",
      }),
    ]);
    expect(packet.latest?.cites).toEqual(['em-3']);
  });

  it('puts nothing personal into a public reply on X', () => {
    const packet = build({ to: 'x', format: 'markdown' });
    expect(packet.to.visibility).toBe('public');
    expect(packet.who.line).toBe(
      'Customer (name withheld on a public channel) · not resolved to a customer · verified: email (sender address) on Email, social (platform account) on X (Twitter)',
    );
    const outputs = [
      renderHandoff(packet, { format: 'json' }),
      renderHandoff(packet, { format: 'markdown' }),
      renderHandoff(packet, { format: 'text' }),
      JSON.stringify(toSunshinePassControl(packet)),
    ];
    for (const text of outputs) {
      for (const secret of ['K7XQ2M', 'marta.lind', 'marta_travels', 'Marta Lind', 'Marta']) {
        expect(text).not.toContain(secret);
      }
    }
    expect(packet.facts.map((f) => f.kind)).toEqual(['date']);
    expect(packet.redaction.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          what: 'fact',
          kind: 'booking',
          action: 'withheld',
          reason: 'public_channel',
        }),
        expect.objectContaining({ what: 'name', action: 'withheld', reason: 'public_channel' }),
      ]),
    );
  });

  it('gives a bot what it needs and no more', () => {
    const packet = build({ reader: 'bot' });
    expect(packet.timeline).toEqual([]);
    expect(packet.who.identifiers).toEqual([]);
    expect(packet.facts.find((f) => f.kind === 'booking')?.value).toBe('K7XQ2M');
    expect(packet.redaction.entries).toContainEqual(
      expect.objectContaining({ what: 'timeline', action: 'withheld', reason: 'reader', count: 3 }),
    );
  });

  it('fits an SMS to the customer without internal signals', () => {
    const packet = build({ to: 'sms', reader: 'customer', format: 'text', budget: { chars: 320 } });
    const sms = renderHandoff(packet);
    expect(sms.length).toBeLessThanOrEqual(320);
    expect(packet.signals).toEqual([]);
    expect(packet.serviceClock).toBeUndefined();
    expect(packet.who.line).toBe('Marta Lind');
    expect(fitHandoff(packet)).toEqual(packet);
  });
});

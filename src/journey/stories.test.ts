import { describe, expect, it } from 'vitest';
import type { JourneyEvidence } from './evidence.js';
import { at, DAY, HOUR, make } from './test-helpers.js';
import { threadJourneys } from './thread.js';
import { createJourneyThreader } from './threader.js';
import { journeyTimeline } from './timeline.js';

const options = { customerId: 'cus-ana' };

function kinds(evidence: readonly JourneyEvidence[]): string[] {
  return evidence.map((e) => e.kind);
}

function find<K extends JourneyEvidence['kind']>(
  evidence: readonly JourneyEvidence[],
  kind: K,
): Extract<JourneyEvidence, { kind: K }> | undefined {
  return evidence.find((e): e is Extract<JourneyEvidence, { kind: K }> => e.kind === kind);
}

describe('story 1: a chat about a sick cat becomes a phone call', () => {
  const chat = (agentLine: string) =>
    make({
      id: 'chat-1',
      channel: 'chat',
      startedAt: at(0),
      endedAt: at(4),
      status: 'closed',
      messages: [
        {
          author: 'customer',
          at: at(0),
          text: 'Hi, my cat has been sick and the vet suggested vitamins. What dose of vitamin B12 is safe for her?',
        },
        { author: 'agent', at: at(2), text: agentLine },
        { author: 'customer', at: at(3), text: 'ok, thanks' },
      ],
    });
  const cue =
    "Sorry to hear she's unwell. Dosing needs our pet pharmacist: please call us on 0800 555 0199.";

  it('joins the call through the cue, with no reference shared', () => {
    const call = make({
      id: 'call-1',
      channel: 'phone',
      startedAt: at(24),
      endedAt: at(35),
      messages: [
        {
          author: 'customer',
          text: 'Hi, I was just on your chat about the vitamin dose for my cat.',
        },
        { author: 'agent', text: 'Of course, let me check her records.' },
      ],
    });
    const { journeys, assignments } = threadJourneys([call, chat(cue)], options);
    expect(journeys).toHaveLength(1);
    expect(journeys[0]?.channels).toEqual(['chat', 'phone']);
    expect(journeys[0]?.references).toEqual([]);
    expect(journeys[0]?.status).toBe('waiting_on_customer');
    const evidence = assignments[1]?.evidence ?? [];
    expect(kinds(evidence)[0]).toBe('channel_switch');
    expect(find(evidence, 'channel_switch')).toMatchObject({
      cueId: 'business-call-us',
      speaker: 'business',
      text: 'please call us',
      target: 'phone',
      cueInteractionId: 'chat-1',
      cueMessageIndex: 1,
      cueAt: at(2),
      elapsedMs: 22 * 60_000,
    });
  });

  it('needs the cue when the call comes later and says nothing', () => {
    const call = make({ id: 'call-1', channel: 'phone', startedAt: at(5 * 60) });
    const withCue = threadJourneys([chat(cue), call], options);
    expect(withCue.journeys).toHaveLength(1);
    expect(kinds(withCue.assignments[1]?.evidence ?? [])).toEqual(['channel_switch']);

    const without = threadJourneys([chat('Sorry to hear she is unwell. Bye!'), call], options);
    expect(without.journeys).toHaveLength(2);
    expect(without.assignments[1]?.evidence).toEqual([
      // The chat was resolved, so only words could reopen it, and the call has none.
      expect.objectContaining({ kind: 'new_journey', reason: 'insufficient_evidence' }),
    ]);
  });

  it('treats a chat closed on a hand-over as not resolved', () => {
    expect(threadJourneys([chat(cue)], options).journeys[0]?.status).toBe('waiting_on_customer');
    expect(threadJourneys([chat('All sorted, bye!')], options).journeys[0]?.status).toBe(
      'resolved',
    );
  });
});

describe('story 2: a booking moves from a public tweet to a DM to email', () => {
  const tweet = make({
    id: 'tw-1',
    channel: 'x',
    visibility: 'public',
    startedAt: at(0),
    thread: { postId: '1001' },
    messages: [
      {
        author: 'customer',
        at: at(0),
        text: '@AcmeAir my booking for Friday has the wrong passenger name on it, can you help?',
      },
      {
        author: 'agent',
        at: at(10),
        text: "Sorry about that! Please DM us your booking ref and we'll fix it.",
      },
    ],
  });
  const dm = make({
    id: 'dm-1',
    channel: 'x',
    visibility: 'private',
    startedAt: at(30),
    thread: { conversationId: 'dm-ana' },
    messages: [
      {
        author: 'customer',
        at: at(30),
        text: 'Hi, booking ref QX7P2L, the name should be Ana Souza not Ana Sousa.',
      },
      {
        author: 'agent',
        at: at(40),
        text: "Thanks! We've emailed you a form to confirm the change.",
      },
    ],
  });
  const email = make({
    id: 'em-1',
    channel: 'email',
    startedAt: at(180),
    subject: 'Name change for booking QX7P2L',
    messages: [{ author: 'customer', text: 'Form attached as requested.' }],
  });

  it('threads all three into one journey with hops x → x (private) → email', () => {
    const interactions = [email, dm, tweet];
    const { journeys, assignments } = threadJourneys(interactions, options);
    expect(journeys).toHaveLength(1);
    const journey = journeys[0];
    if (journey === undefined) return;
    expect(journey.interactionIds).toEqual(['tw-1', 'dm-1', 'em-1']);
    expect(journey.channels).toEqual(['x', 'email']);
    expect(journey.references).toEqual([{ kind: 'booking', value: 'QX7P2L', origin: 'extracted' }]);
    expect(journey.topic).toBe('Name change for booking QX7P2L');

    const [, toDm, toEmail] = assignments;
    expect(find(toDm?.evidence ?? [], 'channel_switch')).toMatchObject({
      text: 'DM us',
      target: 'dm',
      cueInteractionId: 'tw-1',
    });
    expect(kinds(toEmail?.evidence ?? []).slice(0, 2)).toEqual(['reference', 'channel_switch']);
    expect(find(toEmail?.evidence ?? [], 'reference')).toMatchObject({
      key: 'QX7P2L',
      matchedInteractionId: 'dm-1',
    });

    const timeline = journeyTimeline(journey, interactions);
    expect(timeline.hops.map((h) => [h.channel, h.visibility])).toEqual([
      ['x', 'public'],
      ['x', 'private'],
      ['email', undefined],
    ]);
    expect(timeline.channelSwitches).toBe(2);
    expect(timeline.hops.map((h) => h.gapBeforeMs)).toEqual([0, 20 * 60_000, 140 * 60_000]);
  });

  it('does not take a public reply for the DM the cue asked for', () => {
    const publicReply = make({ ...dm, id: 'tw-2', visibility: 'public', thread: {} });
    const [, second] = threadJourneys([tweet, publicReply], options).assignments;
    expect(kinds(second?.evidence ?? [])).not.toContain('channel_switch');
  });
});

describe('story 3: two unrelated issues in the same week', () => {
  const screen = make({
    id: 'em-1',
    channel: 'email',
    startedAt: at(0),
    subject: 'Cracked screen on order 48213',
    thread: { messageId: '<c1@mail.example>' },
    messages: [
      {
        author: 'customer',
        at: at(0),
        text: 'My order 48213 arrived today with a cracked screen. Can I get a replacement?',
      },
      {
        author: 'agent',
        at: at(120),
        text: 'So sorry! A replacement is on its way; please send the broken one back.',
      },
    ],
  });
  const login = make({
    id: 'chat-1',
    channel: 'chat',
    startedAt: at(2 * 24 * 60 + 5 * 60),
    status: 'resolved',
    messages: [
      {
        author: 'customer',
        text: "I can't log in to my account, the password reset link never arrives.",
      },
      { author: 'agent', text: 'I have sent you a new reset link, it works now.' },
    ],
  });
  const followUp = make({
    id: 'em-2',
    channel: 'email',
    startedAt: at(3 * 24 * 60 + 60),
    subject: 'Re: Cracked screen',
    thread: { inReplyTo: ['<c1@mail.example>'] },
    messages: [{ author: 'customer', text: 'Where do I send the broken phone back?' }],
  });

  it('keeps them in two journeys, and explains why', () => {
    const { journeys, assignments } = threadJourneys([screen, login, followUp], options);
    expect(journeys.map((j) => j.interactionIds)).toEqual([['em-1', 'em-2'], ['chat-1']]);
    expect(journeys.map((j) => j.status)).toEqual(['waiting_on_business', 'resolved']);
    expect(journeys[0]?.topic).toBe('Cracked screen on order 48213');

    const loginEvidence = assignments[1]?.evidence[0];
    expect(loginEvidence).toMatchObject({
      kind: 'new_journey',
      reason: 'different_topic',
      closest: { journeyId: journeys[0]?.id },
    });
    if (loginEvidence?.kind === 'new_journey') {
      expect(loginEvidence.closest?.similarity).toBeLessThan(0.3);
    }
    expect(assignments[2]?.evidence[0]).toMatchObject({
      kind: 'thread_key',
      header: 'inReplyTo',
      matchedInteractionId: 'em-1',
      matchedHeader: 'messageId',
    });
  });
});

describe('story 4: a resolved order issue reopened ten days later', () => {
  const first = make({
    id: 'em-1',
    channel: 'email',
    startedAt: at(0),
    subject: 'Charged twice for order 55123',
    status: 'resolved',
    messages: [
      { author: 'customer', at: at(0), text: 'I was charged twice for order 55123.' },
      {
        author: 'agent',
        at: at(90),
        text: "Sorry about that, we've refunded the duplicate charge.",
      },
    ],
  });
  const again = make({
    id: 'em-2',
    channel: 'email',
    startedAt: new Date(Date.parse(at(90)) + 10 * DAY).toISOString(),
    subject: 'Refund missing',
    messages: [
      { author: 'customer', text: 'The refund for order 55123 still has not appeared on my card.' },
    ],
  });

  it('reopens the journey on the shared order number', () => {
    const threader = createJourneyThreader(options);
    threader.add(first);
    expect(threader.journeys()[0]?.status).toBe('resolved');
    expect(threader.journeys()[0]?.resolvedAt).toBe(at(90));

    const assignment = threader.add(again);
    expect(assignment.decision).toBe('joined');
    expect(kinds(assignment.evidence)).toEqual(['reference', 'reopen']);
    expect(find(assignment.evidence, 'reference')).toMatchObject({ key: '55123' });
    expect(find(assignment.evidence, 'reopen')).toEqual({
      kind: 'reopen',
      resolvedInteractionId: 'em-1',
      resolvedAt: at(90),
      elapsedMs: 10 * DAY,
    });
    const journey = threader.journeys()[0];
    expect(journey?.status).toBe('reopened');
    expect(journey?.resolvedAt).toBeUndefined();

    threader.add(
      make({
        id: 'em-3',
        channel: 'email',
        direction: 'outbound',
        startedAt: new Date(Date.parse(again.startedAt) + HOUR).toISOString(),
        messages: [{ author: 'agent', text: 'Found it: the refund for order 55123 was resent.' }],
      }),
    );
    expect(threader.journeys()[0]?.status).toBe('waiting_on_customer');
  });

  it('reopens on topic alone within the reopen window', () => {
    const chat = make({
      id: 'chat-1',
      channel: 'chat',
      startedAt: new Date(Date.parse(at(0)) + 3 * DAY).toISOString(),
      messages: [
        { author: 'customer', text: 'I was charged twice again, the duplicate charge is back' },
      ],
    });
    const { journeys, assignments } = threadJourneys([first, chat], options);
    expect(journeys).toHaveLength(1);
    // The email's four-day window covers the chat three days later.
    expect(kinds(assignments[1]?.evidence ?? [])).toEqual(['topic', 'time_window', 'reopen']);
    expect(journeys[0]?.status).toBe('reopened');

    const late = threadJourneys(
      [first, make({ ...chat, startedAt: new Date(Date.parse(at(0)) + 40 * DAY).toISOString() })],
      options,
    );
    expect(late.journeys).toHaveLength(2);
  });
});

describe('more threading rules', () => {
  it('follows an email reply chain whatever the gap', () => {
    const a = make({
      id: 'em-1',
      channel: 'email',
      startedAt: at(0),
      thread: { messageId: '<a1@shop.example>' },
      messages: [{ author: 'customer', text: 'Question about my loyalty points balance' }],
    });
    const b = make({
      id: 'em-2',
      channel: 'email',
      startedAt: new Date(Date.parse(at(0)) + 60 * DAY).toISOString(),
      thread: { references: ['a1@shop.example'] },
      messages: [{ author: 'customer', text: 'Something completely different now, sorry' }],
    });
    const { journeys, assignments } = threadJourneys([a, b], options);
    expect(journeys).toHaveLength(1);
    expect(assignments[1]?.evidence[0]).toMatchObject({ kind: 'thread_key', header: 'references' });
  });

  it('follows a call transfer through previousContactId', () => {
    const a = make({ id: 'call-1', channel: 'phone', startedAt: at(0) });
    const b = make({
      id: 'call-2',
      channel: 'phone',
      startedAt: at(24 * 60),
      thread: { previousContactId: 'call-1' },
    });
    const { journeys, assignments } = threadJourneys([a, b], options);
    expect(journeys).toHaveLength(1);
    expect(assignments[1]?.evidence[0]).toMatchObject({
      kind: 'thread_key',
      header: 'previousContactId',
      matchedHeader: 'id',
    });
  });

  it('merges two journeys when one message quotes both of their references', () => {
    const a = make({
      id: 'a',
      channel: 'email',
      startedAt: at(0),
      references: [{ kind: 'order', value: 'A-10001' }],
    });
    const b = make({
      id: 'b',
      channel: 'chat',
      startedAt: at(10 * 24 * 60),
      references: [{ kind: 'ticket', value: 'T-555' }],
    });
    const c = make({
      id: 'c',
      channel: 'phone',
      startedAt: at(11 * 24 * 60),
      messages: [{ author: 'customer', text: 'This is about order A-10001 and ticket T-555.' }],
    });
    const threader = createJourneyThreader(options);
    const ja = threader.add(a).journeyId;
    const jb = threader.add(b).journeyId;
    expect(ja).not.toBe(jb);
    const merge = threader.add(c);
    expect(merge.journeyId).toBe(ja);
    expect(merge.mergedJourneyIds).toEqual([jb]);
    expect(threader.journeys().map((j) => j.interactionIds)).toEqual([['a', 'b', 'c']]);
    expect(threader.journeyOf('b')).toBe(ja);
  });

  it('does not join on an account number unless asked to', () => {
    const a = make({
      id: 'a',
      channel: 'email',
      startedAt: at(0),
      references: [{ kind: 'account', value: '99887766' }],
      messages: [{ author: 'customer', text: 'My parcel arrived damaged' }],
    });
    const b = make({
      id: 'b',
      channel: 'email',
      startedAt: at(60),
      references: [{ kind: 'account', value: '99887766' }],
      messages: [{ author: 'customer', text: 'Please update my billing address' }],
    });
    expect(threadJourneys([a, b], options).journeys).toHaveLength(2);
    const all = threadJourneys([a, b], { ...options, referenceKinds: ['account'] });
    expect(all.journeys).toHaveLength(1);
  });

  it('joins a contact too short to judge to the latest open journey within its window', () => {
    const a = make({
      id: 'chat-1',
      channel: 'chat',
      startedAt: at(0),
      messages: [{ author: 'customer', text: 'My parcel arrived damaged, the box was crushed' }],
    });
    const b = make({
      id: 'chat-2',
      channel: 'chat',
      startedAt: at(15),
      messages: [{ author: 'customer', text: 'hello? anyone?' }],
    });
    const { journeys, assignments } = threadJourneys([a, b], options);
    expect(journeys).toHaveLength(1);
    expect(assignments[1]?.evidence).toEqual([
      { kind: 'time_window', channel: 'chat', elapsedMs: 15 * 60_000, windowMs: 2 * HOUR },
    ]);
    const later = threadJourneys([a, make({ ...b, startedAt: at(3 * 60) })], options);
    expect(later.journeys).toHaveLength(2);
    const shorter = threadJourneys([a, b], { ...options, windows: { chat: 10 * 60_000 } });
    expect(shorter.journeys).toHaveLength(2);
  });

  it('follows a customer cue too', () => {
    const a = make({
      id: 'em-1',
      channel: 'email',
      startedAt: at(0),
      messages: [
        { author: 'customer', text: "My boiler is leaking again. I'll call you tomorrow." },
      ],
    });
    const b = make({ id: 'call-1', channel: 'phone', startedAt: at(20 * 60) });
    const { journeys, assignments } = threadJourneys([a, b], options);
    expect(journeys).toHaveLength(1);
    expect(find(assignments[1]?.evidence ?? [], 'channel_switch')).toMatchObject({
      speaker: 'customer',
      text: "I'll call",
    });
  });

  it('uses a custom cue table', () => {
    const a = make({
      id: 'chat-1',
      channel: 'chat',
      startedAt: at(0),
      messages: [{ author: 'agent', text: 'Visit our kiosk at the station for a swap.' }],
    });
    const b = make({ id: 'k-1', channel: 'custom:kiosk', startedAt: at(26 * 60) });
    const windows = { 'custom:kiosk': HOUR };
    expect(threadJourneys([a, b], { ...options, windows }).journeys).toHaveLength(2);
    const cues = [
      {
        id: 'kiosk',
        speaker: 'business' as const,
        target: 'custom:kiosk' as const,
        phrases: ['visit our kiosk'],
      },
    ];
    expect(threadJourneys([a, b], { ...options, windows, cues }).journeys).toHaveLength(1);
  });

  it('sends a dm cue said off social media to the private messaging channels', () => {
    const a = make({
      id: 'chat-1',
      channel: 'chat',
      startedAt: at(0),
      messages: [{ author: 'agent', text: 'Send us a DM on Instagram with a photo.' }],
    });
    const b = make({ id: 'ig-1', channel: 'instagram', startedAt: at(10 * 60) });
    const { journeys } = threadJourneys([a, b], options);
    expect(journeys).toHaveLength(1);
  });
});

describe('a public tweet, answered in a DM that quotes an earlier email order', () => {
  it('merges the tweet into the order journey through the cue', () => {
    const email = make({
      id: 'em-1',
      channel: 'email',
      startedAt: at(0),
      messages: [{ author: 'customer', at: at(0), text: 'My order #A-55123 has not arrived yet.' }],
    });
    const tweet = make({
      id: 'tw-1',
      channel: 'x',
      visibility: 'public',
      startedAt: at(5 * 24 * 60),
      messages: [
        { author: 'customer', at: at(5 * 24 * 60), text: 'still nothing, 5 days now' },
        {
          author: 'agent',
          at: at(5 * 24 * 60 + 10),
          text: 'Sorry! Please DM us your order number.',
        },
      ],
    });
    const dm = make({
      id: 'dm-1',
      channel: 'x',
      visibility: 'private',
      startedAt: at(5 * 24 * 60 + 30),
      messages: [{ author: 'customer', at: at(5 * 24 * 60 + 30), text: "It's order A55123." }],
    });
    const { journeys, assignments } = threadJourneys([email, tweet, dm], options);
    expect(journeys).toHaveLength(1);
    const last = assignments.find((a) => a.interactionId === 'dm-1');
    expect(kinds(last?.evidence ?? [])).toEqual(
      expect.arrayContaining(['reference', 'channel_switch']),
    );
    expect(last?.mergedJourneyIds).toHaveLength(1);
  });
});

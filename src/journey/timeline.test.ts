import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { at, customerInteractions, HOUR, MINUTE, make } from './test-helpers.js';
import { threadJourneys } from './thread.js';
import { JourneyTimelineSchema, journeyTimeline } from './timeline.js';

const options = { customerId: 'cus-1' };

describe('journeyTimeline laws', () => {
  it('has non-negative gaps that add up, and covers the journey exactly', () => {
    fc.assert(
      fc.property(
        customerInteractions(),
        fc.option(fc.integer({ min: 0, max: 60 * 24 * 60 }), { nil: undefined }),
        (xs, nowMinute) => {
          const now = nowMinute === undefined ? {} : { now: at(nowMinute) };
          for (const journey of threadJourneys(xs, options).journeys) {
            const t = journeyTimeline(journey, xs, now);
            expect(JourneyTimelineSchema.safeParse(t).success).toBe(true);
            expect(t.hops.flatMap((h) => h.interactionIds)).toEqual(journey.interactionIds);
            for (const hop of t.hops) expect(hop.gapBeforeMs).toBeGreaterThanOrEqual(0);
            expect(t.hops[0]?.gapBeforeMs).toBe(0);
            expect(t.hops.reduce((n, h) => n + h.gapBeforeMs, 0)).toBe(t.idleMs);
            expect(t.activeMs + t.idleMs).toBe(t.spanMs);
            expect(Date.parse(t.endedAt) - Date.parse(t.startedAt)).toBe(t.spanMs);
            expect(t.customerWaitingMs).toBe(
              t.responseTimesMs.reduce((n, w) => n + w, 0) + t.openWaitMs,
            );
            expect(t.firstResponseMs).toBe(t.responseTimesMs[0]);
            expect(t.channelSwitches).toBe(t.hops.length - 1);
            if (nowMinute === undefined || t.waitingSince === undefined) {
              expect(t.openWaitMs).toBe(0);
            }
            // Hops split the journey's channels further (public and private sides), never less.
            expect(t.hops.length).toBeGreaterThanOrEqual(journey.channels.length);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('journeyTimeline', () => {
  const email = make({
    id: 'em-1',
    channel: 'email',
    startedAt: at(0),
    references: [{ kind: 'order', value: '55123' }],
    messages: [
      { author: 'customer', at: at(0), text: 'Where is my parcel?' },
      { author: 'bot', at: at(1), text: 'We got your message.' },
      { author: 'customer', at: at(30), text: 'Hello?' },
    ],
  });
  const chat = make({
    id: 'chat-1',
    channel: 'chat',
    startedAt: at(5 * 60),
    endedAt: at(5 * 60 + 20),
    references: [{ kind: 'order', value: '55123' }],
    messages: [
      { author: 'customer', at: at(5 * 60), text: 'Still waiting on my parcel' },
      { author: 'agent', at: at(5 * 60 + 4), text: 'It ships today.' },
    ],
  });
  const interactions = [email, chat];
  const journey = threadJourneys(interactions, options).journeys[0];

  it('measures waits across channels, counting bots by default', () => {
    if (journey === undefined) throw new Error('expected a journey');
    const t = journeyTimeline(journey, interactions);
    expect(t.responseTimesMs).toEqual([1 * MINUTE, 5 * HOUR + 4 * MINUTE - 30 * MINUTE]);
    expect(t.firstResponseMs).toBe(MINUTE);
    expect(t.hops.map((h) => h.firstResponseMs)).toEqual([MINUTE, 4 * MINUTE]);
    expect(t.hops[1]?.gapBeforeMs).toBe(5 * HOUR - 30 * MINUTE);
    expect(t.repeatContacts).toBe(1);
    expect(t.waitingSince).toBeUndefined();
  });

  it('counts only agents when asked to', () => {
    if (journey === undefined) throw new Error('expected a journey');
    const t = journeyTimeline(journey, interactions, { replyRoles: ['agent'] });
    expect(t.responseTimesMs).toEqual([5 * HOUR + 4 * MINUTE]);
    expect(t.hops[0]?.firstResponseMs).toBeUndefined();
  });

  it('measures the wait still running at now', () => {
    const waiting = make({
      id: 'sms-1',
      channel: 'sms',
      startedAt: at(0),
      messages: [{ author: 'customer', text: 'Is anyone there?' }],
    });
    const [j] = threadJourneys([waiting], options).journeys;
    if (j === undefined) throw new Error('expected a journey');
    const t = journeyTimeline(j, [waiting], { now: Date.parse(at(90)) });
    expect(t.waitingSince).toBe(at(0));
    expect(t.openWaitMs).toBe(90 * MINUTE);
    expect(t.customerWaitingMs).toBe(90 * MINUTE);
    expect(journeyTimeline(j, [waiting]).openWaitMs).toBe(0);
  });

  it('reports missing or duplicated interactions and bad options', () => {
    if (journey === undefined) throw new Error('expected a journey');
    const codes = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return e instanceof ThreadlineError ? [e.code, e.message] : ['other', String(e)];
      }
      return ['none', ''];
    };
    expect(codes(() => journeyTimeline(journey, [email]))).toEqual([
      'invalid_input',
      expect.stringContaining('"chat-1"'),
    ]);
    expect(codes(() => journeyTimeline(journey, [email, chat, chat]))[0]).toBe('invalid_input');
    expect(codes(() => journeyTimeline(journey, interactions, { now: 'soon' }))[0]).toBe(
      'invalid_options',
    );
  });
});

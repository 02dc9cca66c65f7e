import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { JourneyIdSchema } from '../model/ids.js';
import { type Interaction, InteractionSchema } from '../model/interaction.js';
import { JourneySchema } from '../model/journey.js';
import { extractReferences } from '../normalize/reference/extract.js';
import { normalizeReferenceValue } from '../normalize/reference/keys.js';
import { interactionArbitrary } from '../testing/arbitraries.js';
import { JourneyAssignmentSchema } from './evidence.js';
import { at, customerInteractions, inTimeOrder, make } from './test-helpers.js';
import { threadJourneys } from './thread.js';
import { createJourneyThreader } from './threader.js';

const options = { customerId: 'cus-1' };

function journeyByInteraction(result: ReturnType<typeof threadJourneys>): Map<string, string> {
  const map = new Map<string, string>();
  for (const j of result.journeys) for (const id of j.interactionIds) map.set(id, j.id);
  return map;
}

/** Threading reference keys of an interaction, computed from the public normalizers. */
function referenceKeys(interaction: Interaction): Set<string> {
  const keys = new Set<string>();
  const add = (kind: string, value: string) => {
    const key = normalizeReferenceValue(value, 'alnum-upper');
    if (kind !== 'account' && key !== '') keys.add(key);
  };
  for (const r of interaction.references) add(r.kind, r.value);
  const texts = [interaction.subject ?? '', ...interaction.messages.map((m) => m.text)];
  for (const text of texts) for (const r of extractReferences(text)) add(r.kind, r.value);
  return keys;
}

const arbitraryMix = fc.oneof(
  customerInteractions(),
  fc.uniqueArray(interactionArbitrary({ maxMessages: 3, maxIdentifiers: 1 }), {
    maxLength: 12,
    selector: (i) => i.id,
  }),
);

describe('threadJourneys laws', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        expect(threadJourneys(xs, options)).toEqual(threadJourneys(xs, options));
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        arbitraryMix.chain((xs) =>
          fc.tuple(
            fc.constant(xs),
            fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
          ),
        ),
        ([xs, shuffled]) => {
          expect(threadJourneys(shuffled, options)).toEqual(threadJourneys(xs, options));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('puts every interaction in exactly one journey and assigns each once', () => {
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        const result = threadJourneys(xs, options);
        const placed = result.journeys.flatMap((j) => j.interactionIds);
        expect([...placed].sort()).toEqual(xs.map((x) => x.id).sort());
        expect(result.assignments.map((a) => a.interactionId)).toEqual(
          inTimeOrder(xs).map((x) => x.id),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('returns journeys and assignments that satisfy their schemas', () => {
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        const result = threadJourneys(xs, options);
        for (const j of result.journeys) {
          expect(JourneySchema.safeParse(j).success).toBe(true);
          expect(JourneyIdSchema.safeParse(j.id).success).toBe(true);
          expect(j.customerId).toBe('cus-1');
          expect(j.status === 'resolved').toBe(j.resolvedAt !== undefined);
        }
        for (const a of result.assignments) {
          expect(JourneyAssignmentSchema.safeParse(a).success).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('orders interactions oldest first and collapses repeated channel hops', () => {
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        const byId = new Map(xs.map((x) => [x.id, x]));
        for (const j of threadJourneys(xs, options).journeys) {
          const members = j.interactionIds.map((id) => byId.get(id) as Interaction);
          expect(members).toEqual(inTimeOrder(members));
          const hops = members
            .map((m) => m.channel)
            .filter((c, k, all) => k === 0 || all[k - 1] !== c);
          expect(j.channels).toEqual(hops);
          j.channels.forEach((c, k) => {
            expect(c).not.toBe(j.channels[k - 1]);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('always joins interactions that share a reference or a conversation id', () => {
    fc.assert(
      fc.property(customerInteractions(), (xs) => {
        const journeyOf = journeyByInteraction(threadJourneys(xs, options));
        for (const a of xs) {
          const keys = referenceKeys(a);
          for (const b of xs) {
            if (a === b) continue;
            const shared = [...referenceKeys(b)].some((k) => keys.has(k));
            const sameConversation =
              a.channel === b.channel &&
              a.thread?.conversationId !== undefined &&
              a.thread.conversationId === b.thread?.conversationId;
            if (shared || sameConversation) expect(journeyOf.get(a.id)).toBe(journeyOf.get(b.id));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('equals feeding the interactions one by one in time order', () => {
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        const threader = createJourneyThreader(options);
        const assignments = inTimeOrder(xs).map((x) => threader.add(x));
        const batch = threadJourneys(xs, options);
        expect(assignments).toEqual(batch.assignments);
        expect(threader.assignments()).toEqual(batch.assignments);
        expect(threader.journeys()).toEqual(batch.journeys);
        for (const j of batch.journeys) {
          for (const id of j.interactionIds) expect(threader.journeyOf(id)).toBe(j.id);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('derives journey ids from the customer and the first interaction', () => {
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        const byId = new Map<string, Interaction>(xs.map((x) => [x.id, x]));
        for (const j of threadJourneys(xs, options).journeys) {
          const opener = byId.get(j.interactionIds[0] ?? '') as Interaction;
          expect(threadJourneys([opener], options).journeys[0]?.id).toBe(j.id);
          expect(threadJourneys([opener], { customerId: 'cus-2' }).journeys[0]?.id).not.toBe(j.id);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('explains every assignment, in a fixed evidence order', () => {
    const order = ['thread_key', 'reference', 'channel_switch', 'topic', 'time_window', 'reopen'];
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        for (const a of threadJourneys(xs, options).assignments) {
          const kinds = a.evidence.map((e) => e.kind);
          if (a.decision === 'new') {
            expect(kinds).toEqual(['new_journey']);
            expect(a.mergedJourneyIds).toEqual([]);
          } else {
            expect(kinds).not.toContain('new_journey');
            const ranks = kinds.map((k) => order.indexOf(k));
            expect(ranks).toEqual([...ranks].sort((p, q) => p - q));
            // A journey is joined on evidence, never on the time window alone when it has words
            // to compare: topic, a cue or a key must then be present.
            expect(kinds.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is total on out-of-order incremental input', () => {
    fc.assert(
      fc.property(arbitraryMix, (xs) => {
        const threader = createJourneyThreader(options);
        for (const x of xs) threader.add(x);
        const placed = threader.journeys().flatMap((j) => j.interactionIds);
        expect([...placed].sort()).toEqual(xs.map((x) => x.id).sort());
        for (const j of threader.journeys()) expect(JourneySchema.safeParse(j).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('input errors', () => {
  const chat = make({ id: 'chat-1', channel: 'chat', startedAt: at(0) });

  it('names duplicate ids in a batch, with their index', () => {
    const copy = make({ id: 'chat-1', channel: 'sms', startedAt: at(5) });
    try {
      threadJourneys([chat, make({ id: 'x-1', channel: 'x', startedAt: at(1) }), copy], options);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ThreadlineError);
      const error = e as ThreadlineError;
      expect(error.code).toBe('invalid_input');
      expect(error.issues[0]?.path).toEqual([2, 'id']);
      expect(error.message).toContain('"chat-1"');
    }
  });

  it('refuses to add the same interaction twice', () => {
    const threader = createJourneyThreader(options);
    threader.add(chat);
    expect(() => threader.add(chat)).toThrowError(/chat-1/);
    expect(threader.assignments()).toHaveLength(1);
  });

  it('handles an empty input', () => {
    expect(threadJourneys([], options)).toEqual({ journeys: [], assignments: [] });
  });

  it('accepts interactions straight from the schema', () => {
    const parsed = InteractionSchema.parse({ id: 'sms-1', channel: 'sms', startedAt: at(0) });
    expect(threadJourneys([parsed], options).journeys[0]?.status).toBe('open');
  });
});

describe('performance shape', () => {
  it('threads 5,000 interactions of one customer', () => {
    const topics = ['cat vitamin dose', 'cracked screen parcel', 'charged twice renewal'];
    const xs: Interaction[] = [];
    for (let k = 0; k < 5000; k++) {
      xs.push(
        make({
          id: `i-${k}`,
          channel: (['email', 'chat', 'phone', 'x'] as const)[k % 4] ?? 'email',
          startedAt: at(k * 37),
          messages: [
            {
              author: 'customer',
              text: `${topics[k % 3]} question ${k % 7} order ${10000 + (k % 900)}`,
            },
            { author: 'agent', text: k % 11 === 0 ? 'please call us' : 'looking into it' },
          ],
          ...(k % 13 === 0 ? { status: 'resolved' as const } : {}),
        }),
      );
    }
    const result = threadJourneys(xs, options);
    expect(result.assignments).toHaveLength(5000);
    expect(result.journeys.reduce((n, j) => n + j.interactionIds.length, 0)).toBe(5000);
  });
});

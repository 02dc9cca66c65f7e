import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import type { Interaction, Message } from '../../model/interaction.js';
import { generateInteractions } from '../../testing/interactions/index.js';
import { buildHandoff } from '../packet/build.js';
import type { HandoffOptions } from '../packet/options.js';
import type { HandoffPacket } from '../packet/schema.js';
import { buildHandoffWithSummary } from '../packet/summarizer.js';
import { interactions, journeyOf } from '../packet/test-helpers.js';
import { renderHandoff } from '../render/render.js';
import { createHandoffCache, type HandoffCache } from './cache.js';

/** One generated person's interactions, oldest first. */
function generated(options: Parameters<typeof generateInteractions>[0]): Interaction[] {
  return [...generateInteractions(options)]
    .map((g) => g.interaction)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

// Three people who say different things in different regions; journeys are cut from their
// histories, so builds share some texts and not others.
const POOLS: readonly (readonly Interaction[])[] = [
  generated({ people: 1, interactionsPerPerson: 24, seed: 7 }),
  generated({ people: 1, interactionsPerPerson: 16, seed: 3, region: 'GB', corruption: 1 }),
  generated({ people: 1, interactionsPerPerson: 16, seed: 11, region: 'DE' }),
];

const OPTIONS: readonly Omit<HandoffOptions, 'now' | 'cache'>[] = [
  { to: 'phone', reader: 'agent', format: 'markdown', budget: { chars: 4000 } },
  { to: 'sms', reader: 'customer', format: 'text', budget: { chars: 900 } },
  {
    to: 'email',
    reader: 'agent',
    format: 'json',
    budget: { chars: 100_000 },
    reveal: true,
    region: 'GB',
    dateOrder: 'dmy',
  },
  { to: 'x', reader: 'bot', format: 'json', budget: { tokens: 1500 }, dateOrder: 'mdy' },
];

/** A change to one interaction that keeps its id: what a cache keyed by id would get wrong. */
type Edit =
  | { readonly kind: 'text'; readonly at: number; readonly word: string }
  | { readonly kind: 'swap'; readonly at: number }
  | { readonly kind: 'email'; readonly word: string }
  | { readonly kind: 'subject'; readonly word: string }
  | { readonly kind: 'time'; readonly hours: number };

function edited(interaction: Interaction, edit: Edit, other: Interaction): Interaction {
  const messages = interaction.messages;
  switch (edit.kind) {
    case 'text': {
      if (messages.length === 0) return interaction;
      const k = edit.at % messages.length;
      const m = messages[k] as Message;
      const text = `${m.text} My order number is #B-${edit.word} and call me on +1 415 555 0100.`;
      return { ...interaction, messages: messages.map((x, j) => (j === k ? { ...x, text } : x)) };
    }
    case 'swap': {
      // Another interaction's words under this one's id.
      const texts = other.messages.map((m) => m.text);
      if (texts.length === 0) return interaction;
      return {
        ...interaction,
        messages: messages.map((m, j) => ({
          ...m,
          text: texts[(j + edit.at) % texts.length] ?? '',
        })),
      };
    }
    case 'email':
      return {
        ...interaction,
        identifiers: [
          ...interaction.identifiers,
          { kind: 'email', value: `${edit.word}@example.com`, trust: { level: 'claimed' } },
        ],
      };
    case 'subject':
      return { ...interaction, subject: `Re: ticket ${edit.word.toUpperCase()}-77` };
    case 'time': {
      const ms = Date.parse(interaction.startedAt) + edit.hours * 3_600_000;
      return { ...interaction, startedAt: new Date(ms).toISOString() };
    }
  }
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('text' as const),
    at: fc.nat(20),
    word: fc.stringMatching(/^[0-9]{4,8}$/),
  }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('email' as const), word: fc.stringMatching(/^[a-z]{3,8}$/) }),
  fc.record({ kind: fc.constant('subject' as const), word: fc.stringMatching(/^[a-z]{2,5}$/) }),
  fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: -48, max: 48 }) }),
);

/** One build of a sequence: which history, which window of it, which options, what edits. */
const stepArb = fc.record({
  pool: fc.nat(POOLS.length - 1),
  from: fc.nat(8),
  length: fc.integer({ min: 1, max: 24 }),
  options: fc.nat(OPTIONS.length - 1),
  edits: fc.array(fc.record({ index: fc.nat(30), edit: editArb }), { maxLength: 2 }),
  nowHours: fc.integer({ min: -24, max: 24 * 30 }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

/** The input and options of a step. */
function stepInput(step: Step) {
  const pool = POOLS[step.pool] as readonly Interaction[];
  const from = Math.min(step.from, pool.length - 1);
  const items = pool.slice(from, from + step.length);
  for (const { index, edit } of step.edits) {
    const k = index % items.length;
    const other = pool[(index * 7) % pool.length] as Interaction;
    items[k] = edited(items[k] as Interaction, edit, other);
  }
  const last = items.reduce((max, i) => Math.max(max, Date.parse(i.startedAt)), 0);
  const now = new Date(last + step.nowHours * 3_600_000).toISOString();
  const options = { ...(OPTIONS[step.options] as HandoffOptions), now };
  return { input: { journey: journeyOf(items), interactions: items }, options };
}

/** The packet, or the error's code and message: a bad budget must fail the same way. */
function outcome(build: () => HandoffPacket): unknown {
  try {
    const packet = build();
    return {
      packet,
      rendered: (['json', 'markdown', 'text'] as const).map((format) =>
        renderHandoff(packet, { format }),
      ),
    };
  } catch (error) {
    if (error instanceof ThreadlineError) return { code: error.code, message: error.message };
    throw error;
  }
}

function sameWithAndWithout(cache: HandoffCache, step: Step): void {
  const { input, options } = stepInput(step);
  const cold = outcome(() => buildHandoff(input, options));
  const warm = outcome(() => buildHandoff(input, { ...options, cache }));
  expect(warm).toEqual(cold);
}

describe('createHandoffCache', () => {
  it('law: a build with a cache gives the packet a build without one gives, whatever the cache saw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(stepArb, { minLength: 1, maxLength: 6 }),
        (maxTexts, steps) => {
          // A small bound, so that texts are evicted while journeys still share others.
          const cache = createHandoffCache({ maxTexts });
          for (const step of steps) sameWithAndWithout(cache, step);
          expect(cache.size).toBeLessThanOrEqual(maxTexts);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('law: a journey growing one interaction at a time builds as without a cache at each size', () => {
    fc.assert(
      fc.property(
        fc.nat(POOLS.length - 1),
        fc.nat(OPTIONS.length - 1),
        fc.integer({ min: 5, max: 400 }),
        (pool, options, maxTexts) => {
          const cache = createHandoffCache({ maxTexts });
          const size = (POOLS[pool] as readonly Interaction[]).length;
          for (let length = 1; length <= size; length += 3) {
            sameWithAndWithout(cache, { pool, from: 0, length, options, edits: [], nowHours: 1 });
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('law: deterministic, the same build twice on one cache gives the same packet', () => {
    fc.assert(
      fc.property(stepArb, (step) => {
        const cache = createHandoffCache({ maxTexts: 50 });
        const { input, options } = stepInput(step);
        expect(outcome(() => buildHandoff(input, { ...options, cache }))).toEqual(
          outcome(() => buildHandoff(input, { ...options, cache })),
        );
      }),
      { numRuns: 20 },
    );
  });

  const chat = (text: string) =>
    interactions({
      id: 'chat-1',
      channel: 'chat',
      startedAt: '2026-03-01T09:00:00Z',
      messages: [{ author: 'customer', text, at: '2026-03-01T09:00:00Z' }],
    });
  const now = '2026-03-01T10:00:00Z';

  it('never reuses what was read for an interaction that came back under the same id with other words', () => {
    const cache = createHandoffCache();
    const first = chat('My order #A-55123 never arrived.');
    const again = chat('My order #Z-90001 never arrived, and I was charged $20.');
    const before = buildHandoff(
      { journey: journeyOf(first), interactions: first },
      { to: 'phone', now, cache },
    );
    const after = buildHandoff(
      { journey: journeyOf(again), interactions: again },
      { to: 'phone', now, cache },
    );
    expect(before.facts.map((f) => f.value)).toEqual(['A-55123']);
    expect(after.facts.map((f) => `${f.kind} ${f.value}`)).toEqual([
      'order_id Z-90001',
      'amount $20',
    ]);
    expect(after.issue.line.text).toContain('Z-90001');
  });

  it('reuses the texts of interactions parsed anew, and keeps at most maxTexts of them', () => {
    const cache = createHandoffCache({ maxTexts: 3 });
    const build = (text: string) => {
      const items = chat(text);
      return buildHandoff(
        { journey: journeyOf(items), interactions: items },
        { to: 'phone', now, cache },
      );
    };
    build('Where is my parcel?');
    expect(cache.size).toBe(1);
    build('Where is my parcel?');
    expect(cache.size).toBe(1);
    for (const text of ['One?', 'Two?', 'Three?', 'Four?']) build(text);
    expect(cache.size).toBe(3);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('serves buildHandoffWithSummary too, with the same packet as without', async () => {
    const cache = createHandoffCache();
    const items = POOLS[0]?.slice(0, 12) ?? [];
    const input = { journey: journeyOf(items), interactions: items };
    const options = {
      to: 'chat',
      now: '2027-01-01T00:00:00Z',
      summarizer: async (p: HandoffPacket) => `About: ${p.issue.line.text}`,
    } as const;
    const cold = await buildHandoffWithSummary(input, options);
    await buildHandoffWithSummary(input, { ...options, cache });
    const warm = await buildHandoffWithSummary(input, { ...options, cache });
    expect(warm).toEqual(cold);
    expect(cache.size).toBeGreaterThan(0);
  });

  it('rejects a bad bound and anything but a cache it made', () => {
    expect(() => createHandoffCache({ maxTexts: 0 })).toThrow(ThreadlineError);
    const items = chat('Hello?');
    try {
      buildHandoff(
        { journey: journeyOf(items), interactions: items },
        { to: 'phone', now, cache: new Map() as unknown as HandoffCache },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ThreadlineError);
      expect((error as ThreadlineError).code).toBe('invalid_options');
      expect((error as ThreadlineError).issues[0]?.path).toEqual(['cache']);
    }
  });
});

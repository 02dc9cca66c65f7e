import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import type { Interaction } from '../../model/interaction.js';
import { parseInteraction } from '../../model/parse.js';
import { interactionArbitrary, messyTextArbitrary } from '../../testing/arbitraries.js';
import type { Citation } from '../citation.js';
import { dialogSentences } from './dialog.js';
import {
  HandoffSummarySchema,
  IssueLineSchema,
  IssueSectionSchema,
  issueLine,
  issueSection,
  summarize,
} from './index.js';

const messy = messyTextArbitrary(
  [
    '@help ',
    'My order ',
    'has not arrived',
    'was charged twice',
    ". I can't log in",
    '!!! ',
    '? ',
    ' (1/2)',
    'https://t.co/x ',
    '😅',
    '\n',
    ' ^SR',
    'Hi there, ',
    'Thanks! ',
    'We have refunded it. ',
    'x'.repeat(300),
    ' ',
  ],
  20,
);

/** Interactions with distinct ids, some of their message texts replaced by messy ones. */
const storyArbitrary = fc
  .tuple(
    fc.uniqueArray(interactionArbitrary({ maxMessages: 8 }), {
      maxLength: 4,
      selector: (i) => i.id,
    }),
    fc.array(fc.option(messy, { nil: undefined }), { maxLength: 40 }),
  )
  .map(([interactions, texts]) => {
    let k = 0;
    return interactions.map((interaction) => ({
      ...interaction,
      messages: interaction.messages.map((m) => {
        const text = texts[k++];
        return text === undefined ? m : { ...m, text };
      }),
    }));
  });

const budgetArbitrary = fc.integer({ min: 20, max: 600 });

/** The chronological order key of a citation: interaction start, input index, message index. */
function orderKey(interactions: readonly Interaction[], c: Citation): [number, number, number] {
  const index = interactions.findIndex((i) => i.id === c.interactionId);
  const interaction = interactions[index] as Interaction;
  return [Date.parse(interaction.startedAt), index, c.messageIndex ?? -1];
}

const before = (a: [number, number, number], b: [number, number, number]) =>
  a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] <= b[2];

function expectCitesReal(interactions: readonly Interaction[], c: Citation, role?: string) {
  const interaction = interactions.find((i) => i.id === c.interactionId);
  expect(interaction).toBeDefined();
  const message = interaction?.messages[c.messageIndex ?? -1];
  expect(message).toBeDefined();
  // The unified citation also names the author and the time (the interaction's start when the
  // message has none).
  expect(c.author).toBe(message?.author);
  expect(c.at).toBe(message?.at ?? interaction?.startedAt);
  if (role !== undefined) expect(message?.author).toBe(role);
}

describe('budgets', () => {
  it('the issue line, the summary and the section never exceed their budget', () => {
    fc.assert(
      fc.property(storyArbitrary, budgetArbitrary, fc.boolean(), (story, budgetChars, labels) => {
        expect(issueLine(story, { budgetChars }).text.length).toBeLessThanOrEqual(budgetChars);
        const summary = summarize(story, { budgetChars, roleLabels: labels });
        expect(summary.text.length).toBeLessThanOrEqual(budgetChars);
        const section = issueSection(story, { budgetChars, roleLabels: labels });
        expect(section.text.length).toBeLessThanOrEqual(budgetChars);
        expect(section.summary.text.length).toBeLessThanOrEqual(budgetChars);
      }),
    );
  });

  it('a single huge message still fits the smallest budget', () => {
    const story = [
      parseInteraction({
        id: 'em-1',
        channel: 'email',
        startedAt: '2026-03-01T09:00:00Z',
        messages: [{ author: 'customer', text: 'a'.repeat(100_000) }],
      }),
    ];
    expect(summarize(story, { budgetChars: 20 }).text.length).toBeLessThanOrEqual(20);
    expect(issueLine(story, { budgetChars: 20 }).text).toBe(`${'a'.repeat(19)}…`);
    expect(issueSection(story, { budgetChars: 20 }).text.length).toBeLessThanOrEqual(20);
  });
});

describe('results', () => {
  it('are deterministic and match their schemas', () => {
    fc.assert(
      fc.property(storyArbitrary, budgetArbitrary, (story, budgetChars) => {
        const copy = structuredClone(story);
        expect(issueLine(copy, { budgetChars })).toEqual(issueLine(story, { budgetChars }));
        expect(summarize(copy, { budgetChars })).toEqual(summarize(story, { budgetChars }));
        expect(issueSection(copy, { budgetChars })).toEqual(issueSection(story, { budgetChars }));
        IssueLineSchema.parse(issueLine(story, { budgetChars }));
        HandoffSummarySchema.parse(summarize(story, { budgetChars }));
        IssueSectionSchema.parse(issueSection(story, { budgetChars }));
      }),
    );
  });

  it('do not depend on the order the interactions are given in', () => {
    const distinctStarts = storyArbitrary.filter(
      (story) => new Set(story.map((i) => i.startedAt)).size === story.length,
    );
    fc.assert(
      fc.property(distinctStarts, budgetArbitrary, (story, budgetChars) => {
        const reversed = [...story].reverse();
        expect(summarize(reversed, { budgetChars })).toEqual(summarize(story, { budgetChars }));
        expect(issueSection(reversed, { budgetChars })).toEqual(
          issueSection(story, { budgetChars }),
        );
      }),
    );
  });

  it('cite real messages by their authors, in dialog order', () => {
    fc.assert(
      fc.property(storyArbitrary, budgetArbitrary, (story, budgetChars) => {
        const { sentences } = summarize(story, { budgetChars });
        for (const s of sentences) expectCitesReal(story, s.citation, s.role);
        for (let k = 1; k < sentences.length; k++) {
          const a = orderKey(story, (sentences[k - 1] as { citation: Citation }).citation);
          const b = orderKey(story, (sentences[k] as { citation: Citation }).citation);
          expect(before(a, b)).toBe(true);
        }
        const section = issueSection(story, { budgetChars });
        for (const s of section.summary.sentences) expectCitesReal(story, s.citation, s.role);
        const line = issueLine(story, { budgetChars });
        if (line.citation !== null) expectCitesReal(story, line.citation, line.role ?? undefined);
      }),
    );
  });

  it('quote the customer in the issue line whenever the customer said anything', () => {
    fc.assert(
      fc.property(storyArbitrary, budgetArbitrary, (story, budgetChars) => {
        const customerSpoke = dialogSentences(story).some((s) => s.role === 'customer');
        const line = issueLine(story, { budgetChars });
        expect(line.role === 'customer').toBe(customerSpoke);
        // The section quotes the same sentence, cut to its own share of the budget.
        const section = issueSection(story, { budgetChars });
        expect(section.issue.citation).toEqual(line.citation);
        expect(section.issue.role).toEqual(line.role);
        const spoke = dialogSentences(story).length > 0;
        expect(line.citation !== null).toBe(spoke);
        expect(line.text !== '').toBe(spoke);
      }),
    );
  });

  it('never repeat a sentence, nor the issue line inside the section', () => {
    fc.assert(
      fc.property(storyArbitrary, budgetArbitrary, (story, budgetChars) => {
        const section = issueSection(story, { budgetChars });
        expect(section.text.includes(section.issue.text)).toBe(true);
        const texts = [section.issue.text, ...section.summary.sentences.map((s) => s.text)];
        expect(new Set(texts).size).toBe(texts.length);
        const plain = summarize(story, { budgetChars }).sentences.map((s) => s.text);
        expect(new Set(plain).size).toBe(plain.length);
      }),
    );
  });

  it('repeat nothing when the customer says the same thing twice', () => {
    const story = [
      parseInteraction({
        id: 'x-1',
        channel: 'x',
        startedAt: '2026-03-01T09:00:00Z',
        messages: [
          { author: 'customer', text: '@shop my order has not arrived' },
          { author: 'customer', text: '@shop my order has not arrived!!' },
          {
            author: 'agent',
            text: 'Please DM us your order number and we will chase the courier.',
          },
        ],
      }),
    ];
    expect(issueSection(story, { budgetChars: 300 }).text).toBe(
      'Customer: my order has not arrived Agent: Please DM us your order number and we will chase the courier.',
    );
  });
});

describe('now', () => {
  const story = [
    parseInteraction({
      id: 'chat-1',
      channel: 'chat',
      startedAt: '2026-03-01T09:00:00Z',
      messages: [
        {
          author: 'customer',
          text: 'My router keeps dropping the connection.',
          at: '2026-03-01T09:00:00Z',
        },
        {
          author: 'agent',
          text: 'We have sent an engineer for Monday.',
          at: '2026-03-01T09:05:00Z',
        },
      ],
    }),
    parseInteraction({
      id: 'call-1',
      channel: 'phone',
      startedAt: '2026-03-04T10:00:00Z',
      messages: [{ author: 'customer', text: 'The engineer never came and I was charged a fee.' }],
    }),
  ];

  it('leaves out messages and interactions after it', () => {
    const early = summarize(story, { budgetChars: 300, now: '2026-03-01T09:01:00Z' });
    expect(early.sentences.map((s) => [s.citation.interactionId, s.citation.messageIndex])).toEqual(
      [['chat-1', 0]],
    );
    const later = summarize(story, { budgetChars: 300, now: Date.parse('2026-03-02T00:00:00Z') });
    expect(later.sentences.every((s) => s.citation.interactionId === 'chat-1')).toBe(true);
    const all = summarize(story, { budgetChars: 300 });
    expect(all.sentences.some((s) => s.citation.interactionId === 'call-1')).toBe(true);
  });
});

describe('options', () => {
  const story = [
    parseInteraction({
      id: 'sms-1',
      channel: 'sms',
      startedAt: '2026-03-01T09:00:00Z',
      messages: [{ author: 'customer', text: 'Where is my parcel?' }],
    }),
  ];
  const bad: [unknown, string][] = [
    [{ budgetChars: 19 }, 'budgetChars'],
    [{ budgetChars: 40.5 }, 'budgetChars'],
    [{ budgetChars: '100' }, 'budgetChars'],
    [{}, 'budgetChars'],
    [{ budgetChars: 100, now: 'yesterday' }, 'now'],
    [{ budgetChars: 100, roleLabels: 'yes' }, 'roleLabels'],
  ];

  it.each(bad)('rejects %j with invalid_options at its path', (options, path) => {
    for (const call of [summarize, issueSection] as const) {
      try {
        call(story, options as { budgetChars: number });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ThreadlineError);
        expect((e as ThreadlineError).code).toBe('invalid_options');
        expect((e as ThreadlineError).issues[0]?.path).toEqual([path]);
      }
    }
  });

  it('rejects unknown options and a non-object', () => {
    expect(() => issueLine(story, { budgetChars: 100, roleLabels: true } as never)).toThrow(
      ThreadlineError,
    );
    expect(() => summarize(story, null as never)).toThrow(ThreadlineError);
  });

  it('labels role runs only when asked', () => {
    expect(summarize(story, { budgetChars: 100 }).text).toBe('Customer: Where is my parcel?');
    expect(summarize(story, { budgetChars: 100, roleLabels: false }).text).toBe(
      'Where is my parcel?',
    );
  });
});

describe('long dialogs', () => {
  it('summarise 5,000 messages within the budget, citing the first and later messages', () => {
    const messages = Array.from({ length: 5000 }, (_, k) =>
      k % 2 === 0
        ? {
            author: 'customer' as const,
            text: `Message ${k}: my order ${k % 97} is still late. Why?`,
          }
        : {
            author: 'agent' as const,
            text: `We have escalated ticket ${k} to the courier and will refund the fee.`,
          },
    );
    const story = [
      parseInteraction({
        id: 'chat-long',
        channel: 'chat',
        startedAt: '2026-03-01T09:00:00Z',
        messages,
      }),
    ];
    const section = issueSection(story, { budgetChars: 360 });
    expect(section.text.length).toBeLessThanOrEqual(360);
    expect(section.issue.citation).toMatchObject({ interactionId: 'chat-long', messageIndex: 0 });
    expect(section.summary.sentences.length).toBeGreaterThan(0);
  });
});

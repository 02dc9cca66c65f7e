// Characterization: the packet and every extractor's output for fixed journeys, pinned by a digest
// of their JSON. The digests were written from the code before the build was made faster, so a
// performance change that alters any output, even one character of one citation, fails here.
// When a behaviour change is intended, check the new output by eye and update the snapshot
// (`npx vitest run src/handoff/packet/characterization.test.ts -u`).
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../model/interaction.js';
import { generateInteractions } from '../../testing/interactions/index.js';
import { extractActions } from '../extract/actions.js';
import { extractCommitments } from '../extract/commitments.js';
import { extractFacts } from '../extract/facts.js';
import { extractOpenQuestions } from '../extract/questions.js';
import { sentimentTrend } from '../extract/sentiment.js';
import { issueSection } from '../summary/section.js';
import { summarize } from '../summary/summarize.js';
import { buildHandoff } from './build.js';
import type { HandoffOptions } from './options.js';
import { interactions, journeyOf } from './test-helpers.js';

/** A 64-bit digest (two FNV-1a lanes with different offsets) of a value's JSON, as hex. */
function digest(value: unknown): string {
  const json = JSON.stringify(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) + (a >>> 7);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

// A short story that reaches every extractor: contact details, an address, an order number, an
// amount, a promise with a deadline, a question answered later and one left open, actions on
// both sides, and a mood that sours.
const story = interactions(
  {
    id: 'em-1',
    channel: 'email',
    startedAt: '2026-03-01T09:00:00Z',
    subject: 'Refund for order A-55123',
    participants: [{ role: 'customer', name: 'Ana Souza' }],
    messages: [
      {
        author: 'customer',
        text: 'Hi, I was charged $49.90 twice for order A-55123. I already tried calling yesterday. Can you refund one charge?',
        at: '2026-03-01T09:00:00Z',
      },
      { author: 'system', text: 'Ticket escalated to billing.', at: '2026-03-01T09:05:00Z' },
      {
        author: 'agent',
        text: "Sorry about that! I've escalated it to billing and we'll refund you by Friday. Could you confirm your postcode?",
        at: '2026-03-01T11:00:00Z',
      },
      {
        author: 'customer',
        text: 'Sure: 9756 Primrose Street, Newark, MI 85971. My name is Ana Souza.',
        at: '2026-03-01T11:10:00Z',
      },
    ],
  },
  {
    id: 'sms-2',
    channel: 'sms',
    startedAt: '2026-03-09T09:00:00Z',
    identifiers: [{ kind: 'phone', value: '+13102461501' }],
    messages: [
      {
        author: 'customer',
        text: 'Still no refund, this is ridiculous!! Reach me at ana.souza@gmail.com or +1 310 246 1501. When will it arrive?',
        at: '2026-03-09T09:00:00Z',
      },
      {
        author: 'agent',
        text: 'I will call you tomorrow before 5pm to sort it out.',
        at: '2026-03-09T09:30:00Z',
      },
      {
        author: 'customer',
        text: 'Ok. And can you also send me a copy of the invoice?',
        at: '2026-03-09T09:40:00Z',
      },
    ],
  },
);

/** One generated person's journey, oldest first. */
function generated(options: Parameters<typeof generateInteractions>[0]): Interaction[] {
  return [...generateInteractions(options)]
    .map((g) => g.interaction)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

const JOURNEYS: Record<string, readonly Interaction[]> = {
  story,
  us200: generated({ people: 1, interactionsPerPerson: 200, seed: 7 }),
  gb60: generated({ people: 1, interactionsPerPerson: 60, seed: 3, region: 'GB', corruption: 1 }),
  de40: generated({ people: 1, interactionsPerPerson: 40, seed: 11, region: 'DE' }),
};

const OPTIONS: Record<string, Omit<HandoffOptions, 'now'>> = {
  phoneAgent: { to: 'phone', reader: 'agent', format: 'markdown', budget: { chars: 4000 } },
  smsCustomer: { to: 'sms', reader: 'customer', format: 'text', budget: { chars: 900 } },
  emailRevealed: {
    to: 'email',
    reader: 'agent',
    format: 'json',
    budget: { chars: 100_000 },
    reveal: true,
    region: 'GB',
    dateOrder: 'dmy',
  },
};

/** The digest of every output for one journey. */
function digests(items: readonly Interaction[]): Record<string, string> {
  const last = items.reduce((max, i) => Math.max(max, Date.parse(i.startedAt)), 0);
  const now = new Date(last + 3 * 86_400_000).toISOString();
  const journey = journeyOf(items);
  const out: Record<string, string> = {
    facts: digest(extractFacts(items)),
    commitments: digest(extractCommitments(items, { now })),
    openQuestions: digest(extractOpenQuestions(items)),
    actions: digest(extractActions(items)),
    sentiment: digest(sentimentTrend(items)),
    issueSection: digest(issueSection(items, { budgetChars: 640, now })),
    summary: digest(summarize(items, { budgetChars: 360 })),
  };
  for (const [name, options] of Object.entries(OPTIONS)) {
    out[name] = digest(buildHandoff({ journey, interactions: items }, { ...options, now }));
  }
  return out;
}

describe('handoff outputs for fixed journeys (characterization)', () => {
  it('the digest is sensitive to every character', () => {
    expect(digest({ a: 'x' })).not.toBe(digest({ a: 'y' }));
    expect(digest([1, 2])).not.toBe(digest([2, 1]));
  });

  it('the hand-written story', () => {
    expect(digests(JOURNEYS.story ?? [])).toMatchInlineSnapshot(`
      {
        "actions": "eaa30fe049b553ea",
        "commitments": "f43619bafc5abba8",
        "emailRevealed": "50f7aa460f77be01",
        "facts": "b90b4f0a61692162",
        "issueSection": "9e6617fdc27389de",
        "openQuestions": "12653b4cb8003764",
        "phoneAgent": "1400e3eae1f30c3d",
        "sentiment": "2295ecdb9c17a318",
        "smsCustomer": "b5d0ee44de479871",
        "summary": "2091f76e536596b5",
      }
    `);
  });

  it('a generated US journey of 200 interactions', () => {
    expect(digests(JOURNEYS.us200 ?? [])).toMatchInlineSnapshot(`
      {
        "actions": "bc7e33c1cc13d0eb",
        "commitments": "741638a587718e91",
        "emailRevealed": "068bd1c22b389d49",
        "facts": "1fa2b3a2c89bd4f9",
        "issueSection": "d32edf63e3f09875",
        "openQuestions": "741638a587718e91",
        "phoneAgent": "fec775ff0510cbff",
        "sentiment": "03968fc74ee1d33b",
        "smsCustomer": "8608a82d9e8df4d4",
        "summary": "9cec11ceb7da80a6",
      }
    `);
  });

  it('a generated GB journey with heavy corruption', () => {
    expect(digests(JOURNEYS.gb60 ?? [])).toMatchInlineSnapshot(`
      {
        "actions": "2c8a456864e34d9c",
        "commitments": "741638a587718e91",
        "emailRevealed": "82720a3030cb11ca",
        "facts": "6fad60574378b02f",
        "issueSection": "ba77734426520dc9",
        "openQuestions": "cfb7b1943f521bee",
        "phoneAgent": "3778c5e649c61995",
        "sentiment": "a05d316d38831991",
        "smsCustomer": "ffd56489ee276611",
        "summary": "342200ad39ba5998",
      }
    `);
  });

  it('a generated DE journey', () => {
    expect(digests(JOURNEYS.de40 ?? [])).toMatchInlineSnapshot(`
      {
        "actions": "788cd022bf95a891",
        "commitments": "741638a587718e91",
        "emailRevealed": "12dd1285fd3adaad",
        "facts": "892e892e89cf139c",
        "issueSection": "771d2f1131d4aecb",
        "openQuestions": "741638a587718e91",
        "phoneAgent": "649af71193a00150",
        "sentiment": "5f994f39eb3695d6",
        "smsCustomer": "947e592399837071",
        "summary": "b6d9c63d58da2dba",
      }
    `);
  });
});

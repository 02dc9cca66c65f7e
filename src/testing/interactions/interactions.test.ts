import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { IdentifierSchema } from '../../model/identifier.js';
import type { Interaction } from '../../model/interaction.js';
import { parseInteraction } from '../../model/parse.js';
import { normalizeEmail } from '../../normalize/email/email.js';
import { areNicknameVariants } from '../../normalize/name/nicknames.js';
import { normalizePhone } from '../../normalize/phone/phone.js';
import { extractReferences } from '../../normalize/reference/extract.js';
import { normalizeHandle } from '../../normalize/social/handle.js';
import {
  GENERATED_CHANNELS,
  GENERATED_PLACEHOLDERS,
  GENERATED_REGIONS,
  type GeneratedInteraction,
  generatedBusinessIdentifiers,
  generateInteractions,
  type InteractionGenerationOptions,
  separateInteractionTruth,
} from './index.js';

const take = (options: InteractionGenerationOptions): GeneratedInteraction[] => [
  ...generateInteractions(options),
];

const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  ...GENERATED_PLACEHOLDERS.phones,
  ...GENERATED_PLACEHOLDERS.emails,
]);

/** A business identifier's comparable key, from its raw value. */
function businessKeys(region: (typeof GENERATED_REGIONS)[number]): Set<string> {
  const keys = new Set<string>();
  for (const id of generatedBusinessIdentifiers({ region })) {
    if (id.kind === 'phone') keys.add(normalizePhone(id.value, { region }).key);
    if (id.kind === 'email') keys.add(normalizeEmail(id.value).key);
    if (id.kind === 'social') keys.add(`${id.platform}:${handleKey(id.platform, id.handle)}`);
  }
  return keys;
}

function handleKey(platform: string, raw: string): string {
  const h = normalizeHandle(platform, raw);
  return h.valid ? h.handle : raw;
}

/** The comparable key of an identifier, or undefined for placeholders. */
function keyOf(i: Interaction['identifiers'][number], region: string): string | undefined {
  switch (i.kind) {
    case 'phone': {
      if (PLACEHOLDER_VALUES.has(i.value)) return undefined;
      const p = normalizePhone(i.value, { region: i.region ?? region });
      return p.e164;
    }
    case 'email': {
      if (PLACEHOLDER_VALUES.has(i.value)) return undefined;
      const e = normalizeEmail(i.value);
      return e.valid ? e.canonical : undefined;
    }
    case 'social':
      return `${i.platform}:${handleKey(i.platform, i.handle)}`;
    case 'scoped_id':
      return `${i.scope}:${i.id}`;
    case 'account':
      return `${i.namespace}:${i.value}`;
    default:
      return undefined;
  }
}

// One large sample, shared by the tests that measure shares: 5,000 people with every hard
// case turned up so that each is seen often enough to measure.
const SHARES = {
  sharedPhones: 0.1,
  sharedMailboxes: 0.1,
  changedPhones: 0.15,
  newHandles: 0.2,
  placeholders: 0.05,
  businessIdentifiers: 0.04,
  verified: 0.3,
} as const;
const SAMPLE = take({ people: 5000, seed: 11, interactionsPerPerson: 4, ...SHARES });
const BUSINESS_US = businessKeys('US');

describe('generateInteractions: validity', () => {
  it('yields interactions that parseInteraction accepts unchanged, on any options', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer(),
          people: fc.integer({ min: 0, max: 60 }),
          interactionsPerPerson: fc.double({ min: 1, max: 6, noNaN: true }),
          corruption: fc.double({ min: 0, max: 1, noNaN: true }),
          region: fc.constantFrom(...GENERATED_REGIONS),
          sharedPhones: fc.double({ min: 0, max: 1, noNaN: true }),
          sharedMailboxes: fc.double({ min: 0, max: 1, noNaN: true }),
          changedPhones: fc.double({ min: 0, max: 1, noNaN: true }),
          newHandles: fc.double({ min: 0, max: 1, noNaN: true }),
          placeholders: fc.double({ min: 0, max: 1, noNaN: true }),
          verified: fc.double({ min: 0, max: 1, noNaN: true }),
          businessIdentifiers: fc.double({ min: 0, max: 1, noNaN: true }),
          channels: fc.option(
            fc.dictionary(fc.constantFrom(...GENERATED_CHANNELS), fc.integer({ min: 1, max: 5 }), {
              minKeys: 1,
            }),
            { nil: undefined },
          ),
        }),
        (options) => {
          const { channels, ...rest } = options;
          for (const { interaction } of generateInteractions(
            channels === undefined ? rest : { ...rest, channels },
          )) {
            expect(parseInteraction(interaction)).toEqual(interaction);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('yields thousands of valid interactions with default options', () => {
    const items = take({ people: 2000, seed: 5 });
    expect(items.length).toBeGreaterThan(4000);
    for (const { interaction } of items) {
      expect(parseInteraction(interaction)).toEqual(interaction);
      expect(JSON.parse(JSON.stringify(interaction))).toEqual(interaction);
    }
  });

  it('yields interactions in time order, with sequential ids, inside the window', () => {
    const start = Date.parse('2025-06-01T00:00:00Z');
    const span = 30 * 86_400_000;
    const items = take({ people: 800, seed: 9, start, span });
    let previous = Number.NEGATIVE_INFINITY;
    items.forEach(({ interaction }, k) => {
      expect(interaction.id).toBe(`ix-${k + 1}`);
      const t = Date.parse(interaction.startedAt);
      expect(t).toBeGreaterThanOrEqual(previous);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(start + span);
      // Timestamps are written exactly as Date writes them.
      expect(new Date(t).toISOString()).toBe(interaction.startedAt);
      for (const m of interaction.messages) {
        expect(new Date(Date.parse(m.at ?? '')).toISOString()).toBe(m.at);
      }
      previous = t;
    });
  });

  it('stays valid at the edges of the time range', () => {
    const latest = Date.UTC(9999, 11, 30, 23, 59, 59, 999);
    for (const [start, span] of [
      [0, 1],
      [latest - 3_600_000, 3_600_000],
      [Date.parse('1900-01-01T00:00:00Z'), 10],
    ] as const) {
      const options = { people: 300, seed: 2, start: new Date(start).toISOString(), span };
      for (const { interaction } of generateInteractions(options)) {
        expect(parseInteraction(interaction)).toEqual(interaction);
      }
    }
  });

  it('gives every interaction its own objects', () => {
    const [a, b] = take({ people: 1, seed: 1, interactionsPerPerson: 30 });
    const before = JSON.stringify(b);
    for (const p of a?.interaction.participants ?? []) p.name = 'changed';
    for (const i of a?.interaction.identifiers ?? []) i.trust = { level: 'claimed' };
    expect(JSON.stringify(b)).toBe(before);
  });

  it('gives neighbouring people unrelated numbers and addresses', () => {
    // The first phone and address of each person, in order of appearance.
    const phones = new Map<string, string>();
    const emails = new Map<string, string>();
    for (const { interaction, person, features } of take({
      people: 1000,
      seed: 3,
      corruption: 0,
    })) {
      if (features.length > 0) continue;
      for (const id of interaction.identifiers) {
        if (id.kind === 'phone' && !phones.has(person)) phones.set(person, id.value);
        if (id.kind === 'email' && !emails.has(person)) emails.set(person, id.value);
      }
    }
    let alike = 0;
    let pairs = 0;
    for (let p = 1; p < 1000; p++) {
      const a = phones.get(`p${p - 1}`);
      const b = phones.get(`p${p}`);
      if (a === undefined || b === undefined) continue;
      pairs++;
      if (a.slice(-4) === b.slice(-4) || a.slice(0, 8) === b.slice(0, 8)) alike++;
    }
    expect(pairs).toBeGreaterThan(500);
    expect(alike / pairs).toBeLessThan(0.05);
    const digits = [...emails.values()].map((e) => /(\d+)@/.exec(e)?.[1] ?? '');
    expect(new Set(digits).size).toBe(digits.length);
  });

  it('accepts the start as an ISO timestamp', () => {
    const [first] = take({ people: 1, start: '2024-02-29T12:00:00Z', span: 1000 });
    expect(first?.interaction.startedAt.startsWith('2024-02-29T12:00:0')).toBe(true);
  });

  it('gives each customer phone number in every region a valid, matchable reading', () => {
    for (const region of GENERATED_REGIONS) {
      const business = businessKeys(region);
      for (const { interaction, features } of take({ people: 300, seed: 2, region })) {
        if (features.includes('typo')) continue;
        for (const id of interaction.identifiers) {
          if (id.kind !== 'phone' || PLACEHOLDER_VALUES.has(id.value)) continue;
          const phone = normalizePhone(id.value, { region: interaction.region ?? region });
          expect(phone.matchable, `${region} ${id.value}`).toBe(true);
          expect(phone.region === region || business.has(phone.key), id.value).toBe(true);
        }
      }
    }
  });
});

describe('generateInteractions: options', () => {
  const failure = (options: unknown): ThreadlineError => {
    try {
      generateInteractions(options as InteractionGenerationOptions);
    } catch (e) {
      if (e instanceof ThreadlineError) return e;
      throw e;
    }
    throw new Error('expected a ThreadlineError');
  };

  it.each([
    [{ people: -1 }, ['people']],
    [{ people: 1.5 }, ['people']],
    [{ corruption: 2 }, ['corruption']],
    [{ verified: -0.1 }, ['verified']],
    [{ interactionsPerPerson: 0 }, ['interactionsPerPerson']],
    [{ start: 'yesterday' }, ['start']],
    [{ span: 0 }, ['span']],
    [{ start: '9999-12-31T00:00:00Z', span: 2 * 86_400_000 }, ['span']],
    [{ region: 'XX' }, ['region']],
    [{ channels: { email: 0 } }, ['channels']],
    [{ channels: { fax: 1 } }, ['channels']],
    [{ region: 'DE', people: 50_000_000 }, ['people']],
  ])('rejects %j at its path', (options, path) => {
    const error = failure(options);
    expect(error.code).toBe('invalid_options');
    expect(error.issues.some((i) => i.path[0] === path[0])).toBe(true);
  });

  it('rejects unknown options', () => {
    expect(failure({ peoples: 3 }).code).toBe('invalid_options');
  });

  it('uses only the channels asked for, roughly in the weights asked for', () => {
    const items = take({ people: 3000, seed: 4, channels: { email: 3, sms: 1 } });
    const email = items.filter((i) => i.interaction.channel === 'email').length;
    expect(items.every((i) => ['email', 'sms'].includes(i.interaction.channel))).toBe(true);
    expect(email / items.length).toBeGreaterThan(0.7);
    expect(email / items.length).toBeLessThan(0.8);
  });

  it('gives everybody a social account when only social channels are asked for', () => {
    const items = take({ people: 300, seed: 4, channels: { x: 1, instagram: 1 } });
    expect(items.length).toBeGreaterThan(300);
    for (const { interaction } of items) {
      expect(interaction.identifiers.some((i) => i.kind === 'social')).toBe(true);
    }
  });
});

describe('generateInteractions: determinism and streaming', () => {
  it('gives the same stream for the same options, and another for another seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, people) => {
        const a = take({ people, seed });
        expect(take({ people, seed })).toEqual(a);
        expect(take({ people, seed: seed + 1 })).not.toEqual(a);
      }),
      { numRuns: 25 },
    );
  });

  it('makes people only when their first contact is due', () => {
    const stream = generateInteractions({ people: 1_000_000, seed: 3 });
    const first: GeneratedInteraction[] = [];
    for (const item of stream) {
      first.push(item);
      if (first.length === 10) break;
    }
    expect(first).toHaveLength(10);
    // At most one person per interaction so far: the rest of the million were never made.
    expect(stream.stats.people).toBeLessThanOrEqual(10);
    expect(stream.stats.interactions).toBe(10);
    expect(new Set(first.map((i) => i.person)).size).toBe(stream.stats.people);
  });

  it('holds only the people with interactions still to come', () => {
    const stream = generateInteractions({ people: 20_000, seed: 8 });
    let most = 0;
    for (const _ of stream) most = Math.max(most, stream.stats.active);
    expect(stream.stats.people).toBe(20_000);
    expect(stream.stats.active).toBe(0);
    expect(most).toBeLessThan(20_000 / 2);
  });

  it('yields nothing for no people', () => {
    expect(take({ people: 0 })).toEqual([]);
  });
});

describe('generateInteractions: ground truth', () => {
  it('sees every person, about as often as asked', () => {
    for (const mean of [1, 3, 7]) {
      const counts = new Map<string, number>();
      for (const { person } of take({ people: 3000, seed: 12, interactionsPerPerson: mean })) {
        counts.set(person, (counts.get(person) ?? 0) + 1);
      }
      expect(counts.size).toBe(3000);
      for (let p = 0; p < 3000; p++) expect(counts.has(`p${p}`)).toBe(true);
      const average = [...counts.values()].reduce((a, b) => a + b, 0) / counts.size;
      expect(Math.abs(average - mean) / mean).toBeLessThan(0.05);
    }
  });

  it('separates the interactions from the truth', () => {
    const items = take({ people: 50, seed: 1 });
    const { interactions, truth, journeys } = separateInteractionTruth(items);
    expect(interactions).toHaveLength(items.length);
    items.forEach((item, k) => {
      expect(interactions[k]).toBe(item.interaction);
      expect(truth.key(item.interaction.id)).toBe(item.person);
      expect(journeys.key(item.interaction.id)).toBe(item.journey);
      expect(item.journey.startsWith(`${item.person}-j`)).toBe(true);
    });
    expect(truth.key('nope')).toBe('');
    expect(journeys.key('nope')).toBe('');
  });

  it('links two people through an identifier only where the truth says it is shared', () => {
    const owners = new Map<string, Set<string>>();
    const sharedBy = new Map<string, Set<InteractionFeatureName>>();
    for (const { interaction, person, features } of SAMPLE) {
      if (features.includes('typo')) continue;
      for (const id of interaction.identifiers) {
        const key = keyOf(id, 'US');
        if (key === undefined || BUSINESS_US.has(key)) continue;
        const k = `${id.kind}|${key}`;
        const set = owners.get(k) ?? new Set<string>();
        set.add(person);
        owners.set(k, set);
        const why = sharedBy.get(k) ?? new Set<InteractionFeatureName>();
        for (const f of features) why.add(f);
        sharedBy.set(k, why);
      }
    }
    let phones = 0;
    let mailboxes = 0;
    for (const [k, people] of owners) {
      if (people.size < 2) continue;
      const why = sharedBy.get(k) ?? new Set();
      if (k.startsWith('phone|')) {
        expect(why.has('shared_phone'), k).toBe(true);
        phones++;
      } else if (k.startsWith('email|')) {
        expect(why.has('shared_mailbox'), k).toBe(true);
        mailboxes++;
      } else expect.fail(`${k} is shared by ${[...people].join(', ')}`);
    }
    expect(phones).toBeGreaterThan(100);
    expect(mailboxes).toBeGreaterThan(50);
  });
});

type InteractionFeatureName = GeneratedInteraction['features'][number];

describe('generateInteractions: hard cases at their shares', () => {
  const peopleWith = (feature: InteractionFeatureName): number =>
    new Set(SAMPLE.filter((i) => i.features.includes(feature)).map((i) => i.person)).size;
  const interactionsWith = (feature: InteractionFeatureName): number =>
    SAMPLE.filter((i) => i.features.includes(feature)).length;

  it('shares household phones at about the requested share', () => {
    // Most people show a phone at least once in four interactions.
    const share = peopleWith('shared_phone') / 5000;
    expect(share).toBeGreaterThan(SHARES.sharedPhones * 0.6);
    expect(share).toBeLessThan(SHARES.sharedPhones * 1.1);
  });

  it('uses shared mailboxes at about the requested share', () => {
    const share = peopleWith('shared_mailbox') / 5000;
    expect(share).toBeGreaterThan(SHARES.sharedMailboxes * 0.5);
    expect(share).toBeLessThan(SHARES.sharedMailboxes * 1.1);
  });

  it('changes phone numbers part-way, the old and the new number both seen', () => {
    const share = peopleWith('changed_phone') / 5000;
    expect(share).toBeGreaterThan(SHARES.changedPhones * 0.3);
    expect(share).toBeLessThan(SHARES.changedPhones * 1.1);
    const phones = new Map<string, Set<string>>();
    for (const { interaction, person, features } of SAMPLE) {
      if (features.includes('typo') || features.includes('shared_phone')) continue;
      for (const id of interaction.identifiers) {
        const key = id.kind === 'phone' ? keyOf(id, 'US') : undefined;
        if (key === undefined || BUSINESS_US.has(key)) continue;
        phones.set(person, (phones.get(person) ?? new Set()).add(key));
      }
    }
    const changed = new Set(
      SAMPLE.filter((i) => i.features.includes('changed_phone')).map((i) => i.person),
    );
    const twoNumbers = [...phones].filter(([, set]) => set.size > 1).map(([p]) => p);
    expect(twoNumbers.length).toBeGreaterThan(100);
    for (const p of twoNumbers) expect(changed.has(p)).toBe(true);
  });

  it('gives some people a new handle part-way, at about the requested share', () => {
    // Handles show on X only: a stream of X and email makes the change observable.
    const newHandles = 0.3;
    const items = take({
      people: 2000,
      seed: 21,
      interactionsPerPerson: 6,
      newHandles,
      channels: { x: 2, email: 1 },
    });
    const handles = new Map<string, Set<string>>();
    for (const { interaction, person } of items) {
      for (const id of interaction.identifiers) {
        if (id.kind !== 'social') continue;
        const key = handleKey('x', id.handle);
        if (BUSINESS_US.has(`x:${key}`)) continue;
        handles.set(person, (handles.get(person) ?? new Set()).add(key));
      }
    }
    const renamed = new Set(
      items.filter((i) => i.features.includes('new_handle')).map((i) => i.person),
    );
    const twoHandles = [...handles].filter(([, set]) => set.size > 1).map(([p]) => p);
    for (const p of twoHandles) expect(renamed.has(p)).toBe(true);
    // Everyone has a handle here; a change is missed only when no X contact follows it.
    const share = twoHandles.length / handles.size;
    expect(share).toBeGreaterThan(newHandles * 0.6);
    expect(share).toBeLessThan(newHandles * 1.1);
  });

  it('carries placeholders at the requested share, never matchable', () => {
    const share = interactionsWith('placeholder') / SAMPLE.length;
    expect(share).toBeGreaterThan(SHARES.placeholders * 0.8);
    expect(share).toBeLessThan(SHARES.placeholders * 1.2);
    for (const { interaction, features } of SAMPLE) {
      const placeholders = interaction.identifiers.filter((i) =>
        PLACEHOLDER_VALUES.has(i.kind === 'phone' || i.kind === 'email' ? i.value : ''),
      );
      expect(placeholders.length > 0).toBe(features.includes('placeholder'));
      for (const id of placeholders) {
        expect(id.trust.level).toBe('claimed');
        const matchable =
          id.kind === 'phone'
            ? normalizePhone(id.value, { region: 'US' }).matchable
            : normalizeEmail(id.kind === 'email' ? id.value : '').matchable;
        expect(matchable).toBe(false);
      }
    }
  });

  it("shows the business's own identifiers at the requested share", () => {
    const share = interactionsWith('business_identifier') / SAMPLE.length;
    expect(share).toBeGreaterThan(SHARES.businessIdentifiers * 0.8);
    expect(share).toBeLessThan(SHARES.businessIdentifiers * 1.2);
    for (const { interaction, features } of SAMPLE) {
      if (!features.includes('business_identifier')) continue;
      const keys = interaction.identifiers.map((i) => keyOf(i, 'US'));
      expect(keys.some((k) => k !== undefined && BUSINESS_US.has(k))).toBe(true);
    }
  });

  it('verifies about the requested share of customer identifiers, by the expected methods', () => {
    for (const verified of [0.3, 0.8]) {
      const items =
        verified === SHARES.verified ? SAMPLE : take({ people: 3000, seed: 13, verified });
      let total = 0;
      let yes = 0;
      for (const { interaction } of items) {
        for (const id of interaction.identifiers) {
          const key = keyOf(id, 'US');
          if (key === undefined || BUSINESS_US.has(key)) continue;
          total++;
          if (id.trust.level === 'verified') {
            yes++;
            expect(['channel_native', 'login', 'otp']).toContain(id.trust.method);
          }
        }
      }
      expect(Math.abs(yes / total - verified)).toBeLessThan(0.02);
    }
  });

  it('writes phones in national and international formats, Gmail with dots and tags', () => {
    let national = 0;
    let international = 0;
    let gmailVariants = 0;
    for (const { interaction } of SAMPLE) {
      for (const id of interaction.identifiers) {
        if (id.kind === 'phone' && !PLACEHOLDER_VALUES.has(id.value)) {
          if (id.value.trim().startsWith('+')) international++;
          else national++;
        }
        if (id.kind === 'email') {
          const e = normalizeEmail(id.value);
          if (e.valid && e.provider === 'gmail' && e.key !== e.canonical) gmailVariants++;
        }
      }
    }
    expect(national).toBeGreaterThan(500);
    expect(international).toBeGreaterThan(500);
    expect(gmailVariants).toBeGreaterThan(200);
  });

  it('writes names with nicknames, initials and case changes, always of the same given name', () => {
    const givens = new Map<string, string>();
    let nicknames = 0;
    let initials = 0;
    for (const { interaction, person, features } of SAMPLE) {
      // Caller-name lookups put the surname first; placeholders are not names.
      if (interaction.channel === 'phone' || features.includes('placeholder')) continue;
      const name = interaction.participants.find((p) => p.role === 'customer')?.name;
      if (name === undefined) continue;
      const token = (name.includes(',') ? (name.split(',')[1] ?? '') : name).trim().split(' ')[0];
      if (token === undefined || token.endsWith('.')) {
        initials++;
        continue;
      }
      const known = givens.get(person);
      if (known === undefined) givens.set(person, token);
      else {
        expect(areNicknameVariants(known, token), `${known} / ${token}`).toBe(true);
        if (known.toLowerCase() !== token.toLowerCase()) nicknames++;
      }
    }
    expect(nicknames).toBeGreaterThan(200);
    expect(initials).toBeGreaterThan(50);
  });

  it('adds typos only when asked to corrupt, and writes canonical values at corruption 0', () => {
    expect(interactionsWith('typo')).toBeGreaterThan(50);
    for (const { interaction, features } of take({ people: 1000, seed: 6, corruption: 0 })) {
      expect(features).not.toContain('typo');
      for (const id of interaction.identifiers) {
        if (id.kind === 'phone' && !PLACEHOLDER_VALUES.has(id.value)) {
          expect(id.value).toMatch(/^\+1\d{10}$/);
        }
        if (id.kind === 'email' && !PLACEHOLDER_VALUES.has(id.value)) {
          expect(normalizeEmail(id.value).key).toBe(id.value);
        }
      }
    }
  });
});

describe('generateInteractions: journeys', () => {
  it('mentions order numbers the extractor finds, never shared between people', () => {
    const orderOwners = new Map<string, string>();
    const journeyOrders = new Map<string, Set<string>>();
    let mentions = 0;
    for (const { interaction, person, journey } of SAMPLE) {
      for (const m of interaction.messages) {
        for (const ref of extractReferences(m.text)) {
          if (ref.kind !== 'order') continue;
          mentions++;
          expect(orderOwners.get(ref.key) ?? person).toBe(person);
          orderOwners.set(ref.key, person);
          journeyOrders.set(journey, (journeyOrders.get(journey) ?? new Set()).add(ref.key));
        }
      }
      for (const ref of interaction.references) {
        expect(orderOwners.get(ref.value.replace('-', '')) ?? person).toBe(person);
      }
    }
    expect(mentions).toBeGreaterThan(SAMPLE.length / 3);
    // One issue, one order: the number chains a journey's interactions.
    for (const orders of journeyOrders.values()) expect(orders.size).toBe(1);
  });

  it('threads email replies within a journey', () => {
    const byMessageId = new Map<string, string>();
    let replies = 0;
    for (const { interaction, journey } of SAMPLE) {
      if (interaction.thread?.messageId !== undefined)
        byMessageId.set(interaction.thread.messageId, journey);
      for (const parent of interaction.thread?.inReplyTo ?? []) {
        expect(byMessageId.get(parent)).toBe(journey);
        replies++;
      }
    }
    expect(replies).toBeGreaterThan(100);
  });
});

describe('generatedBusinessIdentifiers', () => {
  it('gives valid identifiers, the phone matchable in its region', () => {
    for (const region of GENERATED_REGIONS) {
      const ids = generatedBusinessIdentifiers({ region });
      for (const id of ids) expect(IdentifierSchema.safeParse(id).success).toBe(true);
      const phone = ids.find((i) => i.kind === 'phone');
      expect(phone?.kind === 'phone' && normalizePhone(phone.value).matchable).toBe(true);
    }
    expect(generatedBusinessIdentifiers()).toEqual(generatedBusinessIdentifiers({ region: 'US' }));
  });

  it('rejects an unknown region', () => {
    expect(() =>
      generatedBusinessIdentifiers({ region: 'ZZ' as InteractionGenerationOptions['region'] }),
    ).toThrow(ThreadlineError);
  });
});

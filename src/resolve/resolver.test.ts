import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import type { InteractionInput } from '../model/interaction.js';
import { createResolver, type Resolver } from './resolver.js';
import { replayEvents } from './state.js';
import { createMemoryStore } from './store.js';

const verified = { level: 'verified', method: 'channel_native' } as const;
const clock = () => new Date('2026-03-10T12:00:00Z');
const fresh = (options: Parameters<typeof createResolver>[0] = {}) =>
  createResolver({ now: clock, region: 'US', ...options });

let n = 0;
function contact(
  channel: InteractionInput['channel'],
  at: string,
  identifiers: InteractionInput['identifiers'],
  name?: string,
  id?: string,
): InteractionInput {
  n += 1;
  return {
    id: id ?? `${channel}-${n}`,
    channel,
    startedAt: at,
    identifiers,
    participants: name === undefined ? [] : [{ role: 'customer', name }],
  };
}

async function partition(resolver: Resolver): Promise<string[][]> {
  return (await resolver.customers())
    .map((c) => c.interactions.map((i) => i.id as string).sort())
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

describe('stories', () => {
  it("links Ana's email and her call, and explains why", async () => {
    const resolver = fresh();
    const email = await resolver.ingest(
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [{ kind: 'email', value: 'ana.souza@gmail.com', trust: verified }],
        'Ana Souza',
      ),
    );
    expect(email.decision.outcome).toBe('new');
    const call = await resolver.ingest(
      contact(
        'phone',
        '2026-03-02T15:00:00Z',
        [
          { kind: 'phone', value: '(310) 246-1501', trust: verified },
          { kind: 'email', value: 'Ana.Souza@GMail.com' },
        ],
        'Ana Souza',
      ),
    );
    expect(call.decision.outcome).toBe('linked');
    expect(call.customerId).toBe(email.customerId);
    expect(call.decision.probability).toBeGreaterThan(0.999);
    const steps = call.decision.evidence?.steps.map((s) => `${s.name}: ${s.label ?? ''}`);
    expect(steps).toEqual([
      'prior: ',
      'email: same address',
      'given_name: same given name',
      'family_name: same family name',
    ]);
    const customer = await resolver.customer(email.customerId);
    expect(customer?.identifiers.map((i) => i.key).sort()).toEqual([
      'email:ana.souza@gmail.com',
      'phone:+13102461501',
    ]);
  });

  it('asks an agent about the shared family phone, and remembers the answer', async () => {
    const resolver = fresh();
    const ana = await resolver.ingest(
      contact(
        'phone',
        '2026-03-01T09:00:00Z',
        [{ kind: 'phone', value: '+13102461501', trust: verified }],
        'Ana Souza',
      ),
    );
    const rui = await resolver.ingest(
      contact(
        'phone',
        '2026-03-02T09:00:00Z',
        [{ kind: 'phone', value: '310-246-1501', trust: verified }],
        'Rui Souza',
      ),
    );
    expect(rui.decision.outcome).toBe('review');
    expect(rui.customerId).not.toBe(ana.customerId);
    expect(rui.reviewId).toBeDefined();
    expect((await resolver.reviews()).map((r) => r.id)).toEqual([rui.reviewId]);
    await resolver.reject(rui.reviewId as string, undefined, {
      actor: { kind: 'agent', id: 'a1' },
    });
    expect(await resolver.reviews()).toEqual([]);
    expect(await resolver.labels()).toEqual([
      { left: rui.decision.interactionId, right: ana.decision.interactionId, match: false },
    ]);
    // Rui calls again, with his name: his own customer, never Ana's.
    const again = await resolver.ingest(
      contact(
        'phone',
        '2026-03-05T09:00:00Z',
        [{ kind: 'phone', value: '+13102461501', trust: verified }],
        'Rui Souza',
      ),
    );
    expect(again.customerId).toBe(rui.customerId);
    await expect(resolver.merge(ana.customerId, rui.customerId)).rejects.toMatchObject({
      code: 'refused',
    });
  });

  it('never treats a support@ mailbox as evidence', async () => {
    const resolver = fresh();
    const a = await resolver.ingest(
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [{ kind: 'email', value: 'support@acme-corp.com', trust: verified }],
        'Li Wei',
      ),
    );
    const b = await resolver.ingest(
      contact(
        'email',
        '2026-03-01T10:00:00Z',
        [{ kind: 'email', value: 'Support@Acme-Corp.com', trust: verified }],
        'Maria Lopez',
      ),
    );
    expect(b.decision.outcome).toBe('new');
    expect(b.customerId).not.toBe(a.customerId);
    expect(b.decision.guards.join(' ')).toContain('role or shared mailbox');
  });

  it('follows a customer who changes phone number', async () => {
    const resolver = fresh();
    const first = await resolver.ingest(
      contact(
        'sms',
        '2026-03-01T09:00:00Z',
        [
          { kind: 'phone', value: '+13102461501', trust: verified },
          { kind: 'email', value: 'sam.okafor@outlook.com', trust: verified },
        ],
        'Sam Okafor',
      ),
    );
    const moved = await resolver.ingest(
      contact(
        'whatsapp',
        '2026-03-04T09:00:00Z',
        [
          { kind: 'phone', value: '+447911123456', trust: verified },
          { kind: 'email', value: 'sam.okafor@outlook.com' },
        ],
        'Sam Okafor',
      ),
    );
    expect(moved.customerId).toBe(first.customerId);
    const customer = await resolver.customer(first.customerId);
    expect(customer?.identifiers.filter((i) => i.identifier.kind === 'phone')).toHaveLength(2);
    // Calls from either number now reach Sam.
    const call = await resolver.resolve(
      contact('phone', '2026-03-05T09:00:00Z', [
        { kind: 'phone', value: '07911 123456', region: 'GB', trust: verified },
      ]),
    );
    expect(call.customerId).toBe(first.customerId);
  });

  it('lets an agent undo a wrong merge, and keeps the ids straight', async () => {
    const resolver = fresh();
    const a = await resolver.ingest(
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [{ kind: 'email', value: 'jo.park@gmail.com', trust: verified }],
        'Jo Park',
      ),
    );
    const b = await resolver.ingest(
      contact(
        'chat',
        '2026-03-02T09:00:00Z',
        [{ kind: 'account', namespace: 'shop', value: 'u-77', trust: verified }],
        'Jo Parker',
      ),
    );
    const before = await partition(resolver);
    const survivor = await resolver.merge(a.customerId, b.customerId, { reason: 'looked alike' });
    expect(survivor).toBe(a.customerId);
    expect((await resolver.lineage(b.customerId)).current).toBe(a.customerId);
    expect((await resolver.customer(b.customerId))?.id).toBe(a.customerId);
    const revived = await resolver.unmerge(a.customerId, b.customerId, {
      reason: 'two different people',
      keepApart: true,
    });
    expect(revived).toBe(b.customerId);
    expect(await partition(resolver)).toEqual(before);
    expect((await resolver.lineage(b.customerId)).current).toBe(b.customerId);
    await expect(resolver.merge(a.customerId, b.customerId)).rejects.toMatchObject({
      code: 'refused',
    });
    const types = (await resolver.events()).map((e) => e.type);
    expect(types.slice(-3)).toEqual(['customers_merged', 'customer_split', 'constraint_added']);
  });

  it("ignores the business's own number on outbound calls", async () => {
    const resolver = fresh({
      guards: { businessIdentifiers: [{ kind: 'phone', value: '+18002752273' }] },
    });
    const a = await resolver.ingest(
      contact(
        'phone',
        '2026-03-01T09:00:00Z',
        [{ kind: 'phone', value: '+18002752273' }],
        'Kim Lee',
      ),
    );
    const b = await resolver.ingest(
      contact(
        'phone',
        '2026-03-01T10:00:00Z',
        [{ kind: 'phone', value: '800-275-2273' }],
        'Ola Berg',
      ),
    );
    expect(b.customerId).not.toBe(a.customerId);
    expect(b.decision.candidates).toEqual([]);
  });

  it('never merges two different verified account ids', async () => {
    const resolver = fresh();
    const a = await resolver.ingest(
      contact(
        'chat',
        '2026-03-01T09:00:00Z',
        [
          { kind: 'account', namespace: 'shop', value: 'u-1', trust: verified },
          { kind: 'email', value: 'twin@gmail.com', trust: verified },
        ],
        'Alex Twin',
      ),
    );
    const b = await resolver.ingest(
      contact(
        'chat',
        '2026-03-01T10:00:00Z',
        [
          { kind: 'account', namespace: 'shop', value: 'u-2', trust: verified },
          { kind: 'email', value: 'twin@gmail.com', trust: verified },
        ],
        'Alex Twin',
      ),
    );
    expect(b.customerId).not.toBe(a.customerId);
    expect(b.decision.candidates[0]?.status).toBe('blocked');
  });

  it('asks for corroboration when one claimed identifier is all there is', async () => {
    const resolver = fresh();
    await resolver.ingest(
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [{ kind: 'email', value: 'pat.kim@yahoo.com', trust: verified }],
        'Pat Kim',
      ),
    );
    const typed = await resolver.resolve(
      contact('chat', '2026-03-01T10:00:00Z', [{ kind: 'email', value: 'pat.kim@yahoo.com' }]),
    );
    expect(typed.outcome).toBe('review');
    expect(typed.candidates[0]?.evidence.guards.join(' ')).toContain('corroboration');
  });

  it('stops at the identifier limit per customer', async () => {
    const resolver = fresh({ guards: { identifierLimits: { email: 2 } } });
    const name = 'Noor Haddad';
    const phone = { kind: 'phone', value: '+13107770199', trust: verified } as const;
    await resolver.ingest(
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [phone, { kind: 'email', value: 'noor1@gmail.com' }],
        name,
      ),
    );
    await resolver.ingest(
      contact(
        'email',
        '2026-03-02T09:00:00Z',
        [phone, { kind: 'email', value: 'noor2@gmail.com' }],
        name,
      ),
    );
    const third = await resolver.ingest(
      contact(
        'email',
        '2026-03-03T09:00:00Z',
        [phone, { kind: 'email', value: 'noor3@gmail.com' }],
        name,
      ),
    );
    expect(third.decision.outcome).toBe('review');
    expect(third.decision.candidates[0]?.evidence.guards.join(' ')).toContain('limit 2');
  });

  it('bridges two customers an interaction shows to be one', async () => {
    const resolver = fresh();
    const a = await resolver.ingest(
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [{ kind: 'email', value: 'lea.m@gmail.com', trust: verified }],
        'Lea Martin',
      ),
    );
    const b = await resolver.ingest(
      contact(
        'phone',
        '2026-03-02T09:00:00Z',
        [{ kind: 'phone', value: '+33612345678', trust: verified }],
        'Lea Martin',
      ),
    );
    expect(b.decision.outcome).not.toBe('linked');
    const both = await resolver.ingest(
      contact(
        'chat',
        '2026-03-03T09:00:00Z',
        [
          { kind: 'email', value: 'lea.m@gmail.com', trust: verified },
          { kind: 'phone', value: '+33 6 12 34 56 78', trust: verified },
        ],
        'Lea Martin',
      ),
    );
    expect(both.decision.outcome).toBe('linked');
    expect(both.customerId).toBe(a.customerId);
    expect(both.decision.merges).toEqual([b.customerId]);
    expect(await partition(resolver)).toHaveLength(1);
  });
});

describe('idempotence, errors and snapshots', () => {
  it('changes nothing when the same interaction comes twice', async () => {
    const resolver = fresh();
    const input = contact('sms', '2026-03-01T09:00:00Z', [
      { kind: 'phone', value: '+13107770111', trust: verified },
    ]);
    const first = await resolver.ingest(input);
    const head = await resolver.store.head();
    const second = await resolver.ingest(input);
    expect(second.decision.duplicate).toBe(true);
    expect(second.customerId).toBe(first.customerId);
    expect(second.events).toEqual([]);
    expect(await resolver.store.head()).toBe(head);
  });

  it('rejects bad input with paths, and changes nothing', async () => {
    const resolver = fresh();
    await expect(resolver.ingest({ id: 'x', channel: 'email' } as never)).rejects.toMatchObject({
      code: 'invalid_interaction',
    });
    const batch = [
      contact('sms', '2026-03-01T09:00:00Z', [{ kind: 'phone', value: '+13107770111' }]),
      { id: 'bad', channel: 'carrier-pigeon', startedAt: 'yesterday' },
    ];
    const error = await resolver.ingestMany(batch as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThreadlineError);
    expect((error as ThreadlineError).issues.map((i) => i.path[0])).toContain(1);
    expect(await resolver.store.head()).toBe(0);
    expect(() => createResolver({ thresholds: { link: 0.4, review: 0.9 } })).toThrow(/review/);
    expect(() => createResolver({ guards: { maxCustomersPerIdentifier: 0 } })).toThrow(
      /maxCustomersPerIdentifier/,
    );
    expect(() => createResolver({ guards: { surprise: true } })).toThrow(ThreadlineError);
    await expect(resolver.merge('cus_nobody', 'cus_else')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('exports a snapshot that imports into an empty store and nowhere else', async () => {
    const resolver = fresh();
    await resolver.ingestMany([
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [{ kind: 'email', value: 'ivy.chen@gmail.com', trust: verified }],
        'Ivy Chen',
      ),
      contact(
        'phone',
        '2026-03-02T09:00:00Z',
        [{ kind: 'phone', value: '+13107770142', trust: verified }],
        'Ivy Chen',
      ),
      contact(
        'phone',
        '2026-03-03T09:00:00Z',
        [{ kind: 'phone', value: '+13107770142', trust: verified }],
        'Ian Chen',
      ),
    ]);
    const snapshot = JSON.parse(JSON.stringify(await resolver.exportSnapshot()));
    const copy = fresh();
    await copy.importSnapshot(snapshot);
    expect(await copy.exportSnapshot()).toEqual(snapshot);
    const probe = contact(
      'sms',
      '2026-03-04T09:00:00Z',
      [{ kind: 'phone', value: '+13107770142', trust: verified }],
      'Ivy Chen',
    );
    expect(await copy.resolve(probe)).toEqual(await resolver.resolve(probe));
    await expect(copy.importSnapshot(snapshot)).rejects.toMatchObject({ code: 'refused' });
    const broken = { ...snapshot, events: [{ ...snapshot.events[0], seq: 'one' }] };
    const error = await fresh()
      .importSnapshot(broken)
      .catch((e: unknown) => e);
    expect((error as ThreadlineError).code).toBe('invalid_snapshot');
    expect((error as ThreadlineError).issues[0]?.path).toEqual(['events', 0, 'seq']);
  });

  it('keeps every event when two resolvers write to one store at once', async () => {
    const store = createMemoryStore();
    const one = fresh({ store });
    const two = fresh({ store });
    const people = Array.from({ length: 12 }, (_, i) =>
      contact('sms', `2026-03-01T09:${String(i).padStart(2, '0')}:00Z`, [
        {
          kind: 'phone',
          value: `+1310555${String(1000 + (i % 4)).padStart(4, '0')}`,
          trust: verified,
        },
      ]),
    );
    await Promise.all(people.map((p, i) => (i % 2 === 0 ? one : two).ingest(p)));
    const events = await one.events();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const state = replayEvents(events);
    expect([...state.customers.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      await one.customers(),
    );
    expect(await partition(one)).toHaveLength(4);
  });
});

describe('order', () => {
  it('groups by connected components of shared identifiers, in any arrival order, when every link is exact', async () => {
    const { default: fc } = await import('fast-check');
    const { contactStreamArbitrary } = await import('../testing/resolver-laws.js');
    const { identifierKey } = await import('../normalize/identifier/identifier.js');
    const exactOnly = contactStreamArbitrary({ people: 4 }).map((stream) =>
      stream
        .map((i) => ({
          ...i,
          participants: [],
          identifiers: (i.identifiers ?? [])
            .filter((x) => !('value' in x) || !x.value.startsWith('+1 800'))
            .map((x) => ({ ...x, trust: verified })),
        }))
        .filter((i) => i.identifiers.length > 0),
    );
    await fc.assert(
      fc.asyncProperty(
        exactOnly.chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }),
          ),
        ),
        async ([stream, arrival]) => {
          // Union-find over interactions sharing an identifier key.
          const parent = new Map<string, string>();
          const find = (x: string): string => {
            const p = parent.get(x) ?? x;
            if (p === x) return x;
            const root = find(p);
            parent.set(x, root);
            return root;
          };
          const holder = new Map<string, string>();
          for (const i of stream) {
            for (const x of i.identifiers) {
              const key = identifierKey(x).key;
              const other = holder.get(key);
              if (other === undefined) holder.set(key, i.id);
              else parent.set(find(i.id), find(other));
            }
          }
          const groups = new Map<string, string[]>();
          for (const i of stream) groups.set(find(i.id), [...(groups.get(find(i.id)) ?? []), i.id]);
          const expected = [...groups.values()]
            .map((g) => g.sort())
            .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
          const resolver = fresh({
            guards: {
              maxCustomersPerIdentifier: 1000,
              identifierLimits: { email: 100, phone: 100, social: 100 },
            },
          });
          for (const i of arrival) await resolver.ingest(i);
          expect(await partition(resolver)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('labels', () => {
  it('follows the latest human judgement: a confirmed match undone by an unmerge becomes a non-match', async () => {
    const resolver = fresh();
    const a = await resolver.ingest(
      contact(
        'email',
        '2026-03-01T09:00:00Z',
        [{ kind: 'email', value: 'mia.ross@gmail.com', trust: verified }],
        'Mia Ross',
      ),
    );
    const b = await resolver.ingest(
      contact('chat', '2026-03-02T09:00:00Z', [{ kind: 'email', value: 'mia.ross@gmail.com' }]),
    );
    expect(b.decision.outcome).toBe('review');
    const survivor = await resolver.confirm(b.reviewId as string);
    expect(survivor).toBe(a.customerId);
    expect((await resolver.labels()).map((l) => l.match)).toEqual([true]);
    expect((await resolver.review(b.reviewId as string))?.status).toBe('confirmed');
    await resolver.unmerge(survivor, b.customerId, { reason: 'a colleague typed her address' });
    expect((await resolver.labels()).map((l) => l.match)).toEqual([false]);
  });
});

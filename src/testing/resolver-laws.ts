import fc from 'fast-check';
import type { InteractionInput } from '../model/interaction.js';
import type { CustomerRecord } from '../resolve/records.js';
import type { Resolver } from '../resolve/resolver.js';
import { replayEvents } from '../resolve/state.js';
import { checkLaw, type Law } from './law.js';

/**
 * Options for {@link resolverLaws}.
 *
 * @example
 * ```ts
 * import { createResolver } from 'threadline';
 * import type { ResolverLawOptions } from 'threadline/testing';
 *
 * const options: ResolverLawOptions = { createResolver: () => createResolver({ now: () => 0 }), numRuns: 20 };
 * console.log(options.numRuns);
 * ```
 */
export interface ResolverLawOptions {
  /** A fresh resolver with the adopter's configuration and an empty store, on every call. */
  readonly createResolver: () => Resolver;
  /** Interaction streams to try (default {@link contactStreamArbitrary}). */
  readonly streams?: fc.Arbitrary<readonly InteractionInput[]>;
  /** Runs per law (default 25). */
  readonly numRuns?: number;
  /** Seed for reproducible runs. */
  readonly seed?: number;
}

const GIVEN = ['Ana', 'Rui', 'Li', 'Maria', 'Sam', 'Noor', 'Jo', 'Lea', 'Ivy', 'Kim'];
const FAMILY = ['Souza', 'Lopez', 'Chen', 'Okafor', 'Haddad', 'Park', 'Martin', 'Berg'];
const AREA = ['212', '310', '415', '617', '702', '801'];

/** One made-up person: a name and the identifiers they use. */
interface Person {
  readonly name: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly handle: string | undefined;
}

const personArbitrary = (index: number): fc.Arbitrary<Person> =>
  fc
    .record({
      given: fc.constantFrom(...GIVEN),
      family: fc.constantFrom(...FAMILY),
      emails: fc.integer({ min: 0, max: 2 }),
      phones: fc.integer({ min: 0, max: 2 }),
      area: fc.constantFrom(...AREA),
      handle: fc.boolean(),
    })
    .map(({ given, family, emails, phones, area, handle }) => ({
      name: `${given} ${family}`,
      emails: Array.from({ length: emails }, (_, k) =>
        `${given}.${family}${index}${k === 0 ? '' : `.${k}`}@gmail.com`.toLowerCase(),
      ),
      phones: Array.from(
        { length: phones },
        (_, k) => `+1 ${area} 55${k} ${String(2000 + index).padStart(4, '0')}`,
      ),
      handle: handle ? `${given}_${family}_${index}`.toLowerCase() : undefined,
    }));

/**
 * Streams of contacts from a handful of made-up people: each contact shows a random subset of
 * one person's identifiers (email, phone, handle), verified or claimed, with or without the
 * name, on a channel that fits, sometimes with the business's own support line
 * (`+1 800 275 2273`) attached. Small on purpose: properties shrink to a few contacts.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { contactStreamArbitrary } from 'threadline/testing';
 *
 * const [stream] = fc.sample(contactStreamArbitrary({ people: 3, contacts: 5 }), { numRuns: 1, seed: 1 });
 * console.log(stream?.length); // 5
 * ```
 */
export function contactStreamArbitrary(
  options: { readonly people?: number; readonly contacts?: number } = {},
): fc.Arbitrary<readonly InteractionInput[]> {
  const people = options.people ?? 4;
  const contacts = options.contacts;
  const population = fc.tuple(...Array.from({ length: people }, (_, i) => personArbitrary(i)));
  const pick = fc.record({
    who: fc.nat({ max: people - 1 }),
    useEmail: fc.boolean(),
    usePhone: fc.boolean(),
    useHandle: fc.boolean(),
    withName: fc.boolean(),
    verified: fc.boolean(),
    business: fc.integer({ min: 0, max: 9 }),
    minute: fc.nat({ max: 10_000 }),
  });
  const picks =
    contacts === undefined
      ? fc.array(pick, { minLength: 1, maxLength: 12 })
      : fc.array(pick, { minLength: contacts, maxLength: contacts });
  return fc.tuple(population, picks).map(([persons, chosen]) =>
    chosen.map((c, i): InteractionInput => {
      const person = persons[c.who] as Person;
      const trust = c.verified
        ? ({ level: 'verified', method: 'channel_native' } as const)
        : ({ level: 'claimed' } as const);
      const identifiers: NonNullable<InteractionInput['identifiers']> = [];
      const email = person.emails[i % Math.max(1, person.emails.length)];
      const phone = person.phones[i % Math.max(1, person.phones.length)];
      if (c.useEmail && email !== undefined)
        identifiers.push({ kind: 'email', value: email, trust });
      if (c.usePhone && phone !== undefined)
        identifiers.push({ kind: 'phone', value: phone, trust });
      if (c.useHandle && person.handle !== undefined)
        identifiers.push({ kind: 'social', platform: 'x', handle: `@${person.handle}`, trust });
      if (c.business === 0) identifiers.push({ kind: 'phone', value: '+1 800 275 2273' });
      const channel =
        identifiers[0]?.kind === 'social'
          ? 'x'
          : identifiers[0]?.kind === 'phone'
            ? 'phone'
            : 'email';
      return {
        id: `c${i}-p${c.who}`,
        channel,
        startedAt: new Date(Date.UTC(2026, 2, 1) + c.minute * 60_000).toISOString(),
        identifiers,
        participants: c.withName ? [{ role: 'customer', name: person.name }] : [],
      };
    }),
  );
}

/** The grouping of interactions into customers, as sorted lists of interaction ids. */
function partitionOf(customers: readonly CustomerRecord[]): string[][] {
  return customers
    .map((c) => c.interactions.map((i) => i.id as string).sort())
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

function describe(stream: readonly InteractionInput[]): string {
  return stream
    .map((i) => {
      const ids = (i.identifiers ?? [])
        .map((x) => {
          const value = x.kind === 'social' ? x.handle : 'value' in x ? x.value : x.kind;
          const trust = x.trust?.level === 'verified' ? ' (verified)' : '';
          return `${x.kind} ${value}${trust}`;
        })
        .join(', ');
      const name = i.participants?.[0]?.name;
      return `  ${i.id} at ${i.startedAt} on ${i.channel}: ${ids || 'no identifiers'}${name === undefined ? '' : `, name ${name}`}`;
    })
    .join('\n');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The laws every resolver configuration must keep, as checks an adopter runs with their own
 * model, guards and store:
 *
 * - ingesting the same interactions again changes nothing (idempotence);
 * - a batch's outcome does not depend on its order (`ingestMany`);
 * - replaying the event log rebuilds exactly the live customers;
 * - merging two customers and unmerging them restores the grouping;
 * - two customers kept apart are never merged by later interactions;
 * - the business's own identifiers never join two people;
 * - adding an identifier the customer has never lowers the probability of that customer.
 *
 * @example
 * ```ts
 * import { createResolver } from 'threadline';
 * import { resolverLaws } from 'threadline/testing';
 *
 * const laws = resolverLaws({
 *   createResolver: () => createResolver({ now: () => 0, guards: { businessIdentifiers: [{ kind: 'phone', value: '+18002752273' }] } }),
 *   numRuns: 3,
 * });
 * for (const law of laws) await law.check();
 * console.log(laws.length); // 7
 * ```
 */
export function resolverLaws(options: ResolverLawOptions): readonly Law[] {
  const streams = options.streams ?? contactStreamArbitrary();
  const make = options.createResolver;
  const ingestAll = async (resolver: Resolver, stream: readonly InteractionInput[]) => {
    for (const interaction of stream) await resolver.ingest(interaction);
  };
  const explainStream = (s: readonly InteractionInput[]) => describe(s);
  return [
    {
      name: 'ingesting the same interactions again changes nothing',
      check: () =>
        checkLaw(
          'idempotence',
          streams,
          async (stream) => {
            const resolver = make();
            await ingestAll(resolver, stream);
            const before = await resolver.customers();
            const head = await resolver.store.head();
            await ingestAll(resolver, stream);
            if ((await resolver.store.head()) !== head) return 'the second pass wrote events';
            return same(before, await resolver.customers()) || 'customers changed';
          },
          explainStream,
          options,
        ),
    },
    {
      name: "a batch's outcome does not depend on its order",
      check: () =>
        checkLaw(
          'batch order independence',
          streams.chain((s) =>
            fc.tuple(
              fc.constant(s),
              fc.shuffledSubarray([...s], { minLength: s.length, maxLength: s.length }),
            ),
          ),
          async ([stream, shuffled]) => {
            const a = make();
            const b = make();
            await a.ingestMany(stream);
            await b.ingestMany(shuffled);
            return same(await a.customers(), await b.customers()) || 'the customers differ';
          },
          ([s, t]) => `${explainStream(s)}\nshuffled as: ${t.map((i) => i.id).join(', ')}`,
          options,
        ),
    },
    {
      name: 'replaying the event log rebuilds the live customers',
      check: () =>
        checkLaw(
          'replay equals live',
          fc.tuple(streams, fc.nat({ max: 100 }), fc.nat({ max: 100 })),
          async ([stream, x, y]) => {
            const resolver = make();
            await ingestAll(resolver, stream);
            const customers = await resolver.customers();
            const a = customers[x % Math.max(1, customers.length)];
            const b = customers[y % Math.max(1, customers.length)];
            if (a !== undefined && b !== undefined && a.id !== b.id)
              await resolver.merge(a.id, b.id).catch(() => undefined);
            const live = await resolver.customers();
            const replayed = [...replayEvents(await resolver.events()).customers.values()].sort(
              (p, q) => (p.id < q.id ? -1 : 1),
            );
            return same(live, replayed) || 'the replayed customers differ from the live ones';
          },
          ([s, x, y]) => `${explainStream(s)}\nthen merging customers #${x} and #${y}`,
          options,
        ),
    },
    {
      name: 'merging two customers and unmerging them restores the grouping',
      check: () =>
        checkLaw(
          'merge then unmerge',
          fc.tuple(streams, fc.nat({ max: 100 }), fc.nat({ max: 100 })),
          async ([stream, x, y]) => {
            const resolver = make();
            await ingestAll(resolver, stream);
            const customers = await resolver.customers();
            const a = customers[x % Math.max(1, customers.length)];
            const b = customers[y % Math.max(1, customers.length)];
            if (a === undefined || b === undefined || a.id === b.id) return true;
            const before = partitionOf(customers);
            const merged = await resolver.merge(a.id, b.id).catch(() => undefined);
            if (merged === undefined) return true;
            const absorbed = merged === a.id ? b.id : a.id;
            await resolver.unmerge(merged, absorbed, { reason: 'law check', keepApart: false });
            return same(before, partitionOf(await resolver.customers())) || 'the grouping differs';
          },
          ([s, x, y]) =>
            `${explainStream(s)}\nthen merging and unmerging customers #${x} and #${y}`,
          options,
        ),
    },
    {
      name: 'customers kept apart are never merged later',
      check: () =>
        checkLaw(
          'cannot-link holds',
          fc.tuple(streams, streams),
          async ([first, second]) => {
            const resolver = make();
            await ingestAll(resolver, first);
            const customers = await resolver.customers();
            const [a, b] = customers;
            if (a === undefined || b === undefined) return true;
            await resolver.keepApart(a.id, b.id);
            const later = second.map((i) => ({ ...i, id: `later-${i.id}` }));
            await ingestAll(resolver, later);
            const holderA = await resolver.record(a.id);
            const holderB = await resolver.record(b.id);
            return holderA?.id !== holderB?.id || `${a.id} and ${b.id} were merged`;
          },
          ([s, t]) =>
            `${explainStream(s)}\nthen, after keeping the first two customers apart:\n${explainStream(t)}`,
          options,
        ),
    },
    {
      name: "the business's own identifiers never join two people",
      check: () =>
        checkLaw(
          'no merge through a generic value',
          fc.array(fc.nat({ max: 50 }), { minLength: 2, maxLength: 6 }),
          async (minutes) => {
            const resolver = make();
            const stream = minutes.map(
              (m, i): InteractionInput => ({
                id: `biz-${i}`,
                channel: 'phone',
                direction: 'outbound',
                startedAt: new Date(Date.UTC(2026, 2, 1) + m * 60_000).toISOString(),
                identifiers: [
                  {
                    kind: 'phone',
                    value: '+1 800 275 2273',
                    trust: { level: 'verified', method: 'channel_native' },
                  },
                ],
                participants: [],
              }),
            );
            await ingestAll(resolver, stream);
            const customers = await resolver.customers();
            return (
              customers.length === stream.length ||
              `${stream.length} calls became ${customers.length} customers`
            );
          },
          (m) => `${m.length} outbound calls from +1 800 275 2273 with nothing else in common`,
          options,
        ),
    },
    {
      name: 'adding an identifier the customer has never lowers its probability',
      check: () =>
        checkLaw(
          'monotonicity',
          fc.tuple(streams, fc.nat({ max: 100 })),
          async ([stream, pick]) => {
            const resolver = make();
            await ingestAll(resolver, stream);
            const customers = await resolver.customers();
            const target = customers[pick % Math.max(1, customers.length)];
            if (target === undefined) return true;
            const known = target.interactions
              .flatMap((i) => i.identifiers)
              .filter((e) => e.evidence)
              .map((e) => e.identifier);
            if (known.length === 0) return true;
            const cut = pick % known.length;
            const base: InteractionInput = {
              id: 'probe',
              channel: 'chat',
              startedAt: '2026-04-01T00:00:00Z',
              identifiers: known.slice(0, cut),
              participants: [],
            };
            const without = await resolver.resolve(base);
            const withIt = await resolver.resolve({
              ...base,
              identifiers: known.slice(0, cut + 1),
            });
            const p0 = without.candidates.find((c) => c.customerId === target.id)?.probability ?? 0;
            const p1 = withIt.candidates.find((c) => c.customerId === target.id)?.probability ?? 0;
            return p1 >= p0 || `probability fell from ${p0} to ${p1}`;
          },
          ([s, p]) => `${explainStream(s)}\nthen probing customer #${p}`,
          options,
        ),
    },
  ];
}

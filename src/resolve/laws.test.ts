import { describe, expect, it } from 'vitest';
import { resolverLaws } from '../testing/resolver-laws.js';
import { storeConformance } from '../testing/store-conformance.js';
import { createResolver } from './resolver.js';
import { createMemoryStore } from './store.js';

const business = [{ kind: 'phone', value: '+18002752273' }] as const;

describe('resolver laws (the kit adopters run, on the default configuration)', () => {
  for (const law of resolverLaws({
    createResolver: () =>
      createResolver({
        now: () => '2026-03-10T00:00:00Z',
        guards: { businessIdentifiers: [...business] },
      }),
    numRuns: 40,
  }))
    it(law.name, law.check);
});

describe('resolver laws with tight guards', () => {
  for (const law of resolverLaws({
    createResolver: () =>
      createResolver({
        now: () => '2026-03-10T00:00:00Z',
        thresholds: { link: 0.9, review: 0.2 },
        guards: {
          businessIdentifiers: [...business],
          maxCustomersPerIdentifier: 1,
          identifierLimits: { email: 1, phone: 1 },
          largeCustomer: 2,
        },
      }),
    numRuns: 25,
  }))
    it(law.name, law.check);
});

describe('the memory store keeps the store contract', () => {
  for (const law of storeConformance({ createStore: async () => createMemoryStore(), numRuns: 15 }))
    it(law.name, law.check);
});

describe('the laws catch what they are about', () => {
  const now = () => '2026-03-10T00:00:00Z';
  const lawNamed = (
    laws: readonly { name: string; check: () => Promise<void> }[],
    part: string,
  ) => {
    const law = laws.find((l) => l.name.includes(part));
    if (law === undefined) throw new Error(`no law about ${part}`);
    return law;
  };

  it('fails idempotence for a resolver that takes a redelivery for a new interaction', async () => {
    let calls = 0;
    const laws = resolverLaws({
      createResolver: () => {
        const inner = createResolver({ now });
        return {
          ...inner,
          ingest: (interaction, options) => {
            calls += 1;
            return inner.ingest(
              { ...interaction, id: `${String(interaction.id)}#${calls}` } as never,
              options,
            );
          },
        };
      },
      numRuns: 10,
      seed: 1,
    });
    await expect(lawNamed(laws, 'again').check()).rejects.toThrow(
      /Law "idempotence" fails[\s\S]*Counterexample/,
    );
  });

  it("fails the business law when the business's number is not configured", async () => {
    const laws = resolverLaws({
      createResolver: () => createResolver({ now }),
      numRuns: 10,
      seed: 1,
    });
    await expect(lawNamed(laws, 'business').check()).rejects.toThrow(
      /outbound calls from \+1 800 275 2273/,
    );
  });

  it('fails the store contract for a store that ignores the expected head', async () => {
    const laws = storeConformance({
      createStore: async () => {
        const inner = createMemoryStore();
        return {
          ...inner,
          commit: async (change) => inner.commit({ ...change, expectedHead: await inner.head() }),
        };
      },
      numRuns: 3,
    });
    await expect(lawNamed(laws, 'stale head').check()).rejects.toThrow(/store_conflict/);
  });

  it('fails the store contract for a store that forgets to remove index entries', async () => {
    const laws = storeConformance({
      createStore: async () => {
        const inner = createMemoryStore();
        return { ...inner, commit: (change) => inner.commit({ ...change, indexRemove: [] }) };
      },
      numRuns: 3,
    });
    await expect(lawNamed(laws, 'all of its parts').check()).rejects.toThrow(/index after merge/);
  });
});

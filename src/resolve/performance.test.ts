import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerId, InteractionId } from '../model/ids.js';
import { contactStreamArbitrary } from '../testing/resolver-laws.js';
import { GenerationCache } from './cache.js';
import { canonicalInstant } from './evidence.js';
import type { CustomerRecord, ResolverEvent } from './records.js';
import { createResolver } from './resolver.js';
import { createMemoryStore, emptyStoreCommit, type StoreCommit } from './store.js';
import { flatString } from './strings.js';

const AT = '2026-03-01T09:00:00.000Z';

const op = fc.oneof(
  fc.record({ set: fc.nat({ max: 30 }), value: fc.nat() }),
  fc.record({ get: fc.nat({ max: 30 }) }),
);

describe('GenerationCache', () => {
  it('returns the last value set for a key, or forgets it; never more than its size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(op, { maxLength: 200 }),
        (size, ops) => {
          const cache = new GenerationCache<number, number>(size);
          const last = new Map<number, number>();
          for (const o of ops) {
            if ('set' in o) {
              cache.set(o.set, o.value);
              last.set(o.set, o.value);
              // What was just remembered is there.
              expect(cache.get(o.set)).toBe(o.value);
            } else {
              const got = cache.get(o.get);
              if (got !== undefined) expect(got).toBe(last.get(o.get));
            }
            expect(cache.size).toBeLessThanOrEqual(Math.max(2, size));
          }
        },
      ),
    );
  });

  it('keeps what is read often while new keys stream past', () => {
    const cache = new GenerationCache<string, number>(10);
    cache.set('hot', 1);
    for (let i = 0; i < 1000; i++) {
      cache.set(`cold-${i}`, i);
      expect(cache.get('hot')).toBe(1);
    }
  });
});

describe('flatString', () => {
  it('is the identity on values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        expect(flatString(`${a}:${b}`)).toBe(`${a}:${b}`);
      }),
    );
  });
});

function customer(id: string): CustomerRecord {
  return {
    id: id as CustomerId,
    createdAt: AT,
    updatedAt: AT,
    interactions: [
      {
        id: `i-${id}` as InteractionId,
        channel: 'email',
        at: AT,
        identifiers: [],
        fields: {},
        confidence: 1,
      },
    ],
    attached: [],
    detached: [],
    cannotLink: [],
    mergedFrom: [],
  };
}

function commitOf(
  head: number,
  put: readonly CustomerRecord[],
  remove: readonly string[],
): StoreCommit {
  return {
    ...emptyStoreCommit(head),
    events: put.map(
      (r, k): ResolverEvent => ({
        type: 'customer_created',
        seq: head + 1 + k,
        at: AT,
        actor: { kind: 'automatic' },
        customerId: r.id,
        interaction: r.interactions[0] as CustomerRecord['interactions'][number],
      }),
    ),
    put,
    remove: remove as CustomerId[],
  };
}

describe('memory store paging', () => {
  it('pages customers exactly as sorting and slicing every id would, for any limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 30 }),
        fc.array(fc.nat({ max: 29 }), { maxLength: 10 }),
        fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
        fc.oneof(
          fc.integer({ min: -5, max: 40 }),
          fc.constant(Number.NaN),
          fc.constant(Number.POSITIVE_INFINITY),
        ),
        async (ids, removed, after, limit) => {
          const store = createMemoryStore();
          await store.commit(commitOf(0, ids.map(customer), []));
          // Read once, so that removing later must invalidate what paging remembers.
          await store.listCustomers(undefined, 1000);
          const gone = [...new Set(removed.map((k) => ids[k]).filter((id) => id !== undefined))];
          await store.commit(commitOf(await store.head(), [customer('zz-new')], gone));
          const live = [...ids.filter((id) => !gone.includes(id)), 'zz-new'];
          const expected = live
            .filter((id) => after === undefined || id > after)
            .sort()
            .slice(0, limit);
          const got = (await store.listCustomers(after, limit)).map((c) => c.id);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('caches never change a decision', () => {
  it('writes the same events with every cache off', async () => {
    await fc.assert(
      fc.asyncProperty(contactStreamArbitrary({ people: 4 }), async (stream) => {
        const cached = createResolver({ now: () => AT, region: 'US' });
        const uncached = createResolver({ now: () => AT, region: 'US', cacheSize: 0 });
        for (const contact of stream) {
          await cached.ingest(contact);
          await uncached.ingest(contact);
        }
        // JSON, not deep equality: the key order of events is part of what a log export shows.
        expect(JSON.stringify(await cached.events())).toBe(JSON.stringify(await uncached.events()));
      }),
      { numRuns: 40 },
    );
  });

  it('ingests a batch (parsed once) exactly as one call per interaction in canonical order', async () => {
    await fc.assert(
      fc.asyncProperty(contactStreamArbitrary({ people: 3 }), async (stream) => {
        const batch = createResolver({ now: () => AT, region: 'US' });
        const single = createResolver({ now: () => AT, region: 'US' });
        await batch.ingestMany(stream);
        const ordered = [...stream].sort(
          (a, b) =>
            Date.parse(a.startedAt) - Date.parse(b.startedAt) ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        );
        for (const contact of ordered) await single.ingest(contact);
        expect(JSON.stringify(await batch.events())).toBe(JSON.stringify(await single.events()));
      }),
      { numRuns: 30 },
    );
  });

  it('stamps events with their draft fields first, then seq, at and actor', async () => {
    const resolver = createResolver({ now: () => AT, region: 'US' });
    const result = await resolver.ingest({
      id: 'em-1',
      channel: 'email',
      startedAt: AT,
      identifiers: [{ kind: 'email', value: 'ana@example.com' }],
    });
    expect(Object.keys(result.events[0] ?? {})).toEqual([
      'type',
      'customerId',
      'interaction',
      'seq',
      'at',
      'actor',
    ]);
  });
});

describe('canonicalInstant', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  it('is what Date#toISOString writes, for canonical strings naming any day, valid or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 999 }),
        (y, mo, d, h, mi, ms) => {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(mi, 2)}.${pad(ms, 3)}Z`;
          const parsed = new Date(text);
          if (Number.isNaN(parsed.getTime())) return;
          expect(canonicalInstant(text)).toBe(parsed.toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('normalizes other valid forms', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString();
          expect(canonicalInstant(iso)).toBe(iso);
          expect(canonicalInstant(iso.replace('Z', '+00:00'))).toBe(iso);
          expect(canonicalInstant(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(
            new Date(iso.replace(/\.\d{3}Z$/, 'Z')).toISOString(),
          );
        },
      ),
    );
    expect(canonicalInstant('2026-02-30T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(canonicalInstant('2026-01-01T24:00:00.000Z')).toBe('2026-01-02T00:00:00.000Z');
  });
});

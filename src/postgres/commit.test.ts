import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerId, InteractionId } from '../model/ids.js';
import type { CustomerRecord, Review } from '../resolve/records.js';
import { emptyStoreCommit, type StoreCommit } from '../resolve/store.js';
import { commitParameters } from './commit.js';

const AT = '2026-03-01T09:00:00.000Z';
const cid = (s: string) => s as CustomerId;

function record(id: string, version: number): CustomerRecord {
  return {
    id: cid(id),
    createdAt: AT,
    updatedAt: AT,
    interactions: [],
    attached: [],
    detached: [],
    cannotLink: [],
    mergedFrom: Array.from({ length: version }, (_, k) => cid(`cus_old${k}`)),
  };
}

function review(id: string, status: Review['status']): Review {
  return {
    id,
    status,
    customerId: cid('cus_a'),
    candidates: [{ customerId: cid('cus_b'), probability: 0.5, weight: 0 }],
    requestedAt: AT,
    answers: [],
  };
}

const empty = emptyStoreCommit(0);

/** What a store holds after a change, applied part by part as the memory store does. */
function applyRaw(change: StoreCommit) {
  const customers = new Map<string, string>();
  const index = new Set<string>();
  const owners = new Map<string, string>();
  const redirects = new Map<string, string>();
  const reviews = new Map<string, string>();
  for (const id of change.remove) customers.delete(id);
  for (const r of change.put) customers.set(r.id, JSON.stringify(r));
  for (const [k, id] of change.indexRemove) index.delete(`${k}|${id}`);
  for (const [k, id] of change.indexAdd) index.add(`${k}|${id}`);
  for (const [i, id] of change.owners) owners.set(i, id);
  for (const [f, t] of change.redirects) redirects.set(f, t);
  for (const id of change.unredirect) redirects.delete(id);
  for (const r of change.reviews) reviews.set(r.id, JSON.stringify(r));
  return { customers, index, owners, redirects, reviews: [...reviews] };
}

/** The same, from the commit function's arguments, in the function's order of statements. */
function applyParameters(values: readonly unknown[]) {
  const [, , putIds, put, remove, rk, ri, ak, ai, oi, oc, rf, rt, un, rv] = values as [
    number,
    string,
    string[],
    string,
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    string,
  ];
  const customers = new Map<string, string>();
  const index = new Set<string>();
  const owners = new Map<string, string>();
  const redirects = new Map<string, string>();
  const reviews = new Map<string, string>();
  for (const id of remove) customers.delete(id);
  (JSON.parse(put) as unknown[]).forEach((r, i) => {
    customers.set(putIds[i] as string, JSON.stringify(r));
  });
  rk.forEach((k, i) => {
    index.delete(`${k}|${ri[i]}`);
  });
  ak.forEach((k, i) => {
    index.add(`${k}|${ai[i]}`);
  });
  oi.forEach((i, n) => {
    owners.set(i, oc[n] as string);
  });
  rf.forEach((f, n) => {
    redirects.set(f, rt[n] as string);
  });
  for (const id of un) redirects.delete(id);
  for (const r of JSON.parse(rv) as Review[]) reviews.set(r.id, JSON.stringify(r));
  return { customers, index, owners, redirects, reviews: [...reviews] };
}

const small = fc.constantFrom('a', 'b', 'c');
const pair = fc.tuple(small, small);

const commitArbitrary: fc.Arbitrary<StoreCommit> = fc
  .record({
    put: fc.array(fc.tuple(small, fc.nat(3)), { maxLength: 6 }),
    remove: fc.array(small, { maxLength: 4 }),
    indexAdd: fc.array(pair, { maxLength: 6 }),
    indexRemove: fc.array(pair, { maxLength: 6 }),
    owners: fc.array(pair, { maxLength: 6 }),
    redirects: fc.array(pair, { maxLength: 6 }),
    unredirect: fc.array(small, { maxLength: 4 }),
    reviews: fc.array(fc.tuple(small, fc.constantFrom('open', 'confirmed', 'rejected' as const)), {
      maxLength: 6,
    }),
  })
  .map((p) => ({
    ...empty,
    put: p.put.map(([id, v]) => record(`cus_${id}`, v)),
    remove: p.remove.map((id) => cid(`cus_${id}`)),
    indexAdd: p.indexAdd.map(([k, id]) => [k, cid(id)] as const),
    indexRemove: p.indexRemove.map(([k, id]) => [k, cid(id)] as const),
    owners: p.owners.map(([i, id]) => [i as InteractionId, cid(id)] as const),
    redirects: p.redirects.map(([f, t]) => [cid(f), cid(t)] as const),
    unredirect: p.unredirect.map((id) => cid(id)),
    reviews: p.reviews.map(([id, status]) => review(`rev_${id}`, status)),
  }));

describe('commitParameters', () => {
  it('keeps what a store would end up with, whatever repeats in the change', () => {
    fc.assert(
      fc.property(commitArbitrary, (change) => {
        const { values } = commitParameters(change);
        expect(applyParameters(values)).toEqual(applyRaw(change));
      }),
    );
  });

  it('sends each row once, so no statement touches a row twice', () => {
    fc.assert(
      fc.property(commitArbitrary, (change) => {
        const { values } = commitParameters(change);
        const [, , putIds, , remove, rk, ri, ak, ai, oi, , rf, , un] = values as string[][];
        const distinct = (xs: readonly string[]) => new Set(xs).size === xs.length;
        const pairs = (ks: readonly string[], ids: readonly string[]) =>
          ks.map((k, i) => `${k}|${ids[i]}`);
        for (const list of [putIds, remove, oi, rf, un]) expect(distinct(list ?? [])).toBe(true);
        expect(distinct(pairs(rk ?? [], ri ?? []))).toBe(true);
        expect(distinct(pairs(ak ?? [], ai ?? []))).toBe(true);
      }),
    );
  });

  it('gives a review written twice its first place and its last value', () => {
    const { values } = commitParameters({
      ...empty,
      reviews: [review('rev_1', 'open'), review('rev_2', 'open'), review('rev_1', 'confirmed')],
    });
    const sent = JSON.parse(values[14] as string) as Review[];
    expect(sent.map((r) => [r.id, r.status])).toEqual([
      ['rev_1', 'confirmed'],
      ['rev_2', 'open'],
    ]);
  });

  it('returns the customers written, by id, for the store to keep', () => {
    const a1 = record('cus_a', 1);
    const a2 = record('cus_a', 2);
    const { put, values } = commitParameters({ ...empty, expectedHead: 7, put: [a1, a2] });
    expect(values[0]).toBe(7);
    expect(put.get('cus_a')).toBe(a2);
    expect(values[2]).toEqual(['cus_a']);
    expect(JSON.parse(values[3] as string)).toEqual([a2]);
  });
});

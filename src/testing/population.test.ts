import { describe, expect, it } from 'vitest';
import { generatePopulation } from './population.js';

describe('generatePopulation', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = [...generatePopulation({ people: 50, seed: 3 })];
    const b = [...generatePopulation({ people: 50, seed: 3 })];
    const c = [...generatePopulation({ people: 50, seed: 4 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives every person at least one record and unique record ids', () => {
    const records = [...generatePopulation({ people: 200, seed: 1 })];
    expect(new Set(records.map((r) => r.entity)).size).toBe(200);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('streams large populations lazily with long-tailed names', () => {
    let count = 0;
    const names = new Map<string, number>();
    for (const r of generatePopulation({ people: 50_000, seed: 2 })) {
      count++;
      if (r.surname !== null)
        names.set(r.surname.toLowerCase(), (names.get(r.surname.toLowerCase()) ?? 0) + 1);
      if (count >= 20_000) break;
    }
    expect(count).toBe(20_000);
    // No single surname dominates, and there are many distinct ones.
    expect(Math.max(...names.values()) / count).toBeLessThan(0.05);
    expect(names.size).toBeGreaterThan(1000);
  });
});

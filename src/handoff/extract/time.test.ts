import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetMinutes, parseInstant } from './time.js';

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

/** An ISO timestamp in one of the shapes journeys use, from its parts (which may be out of range). */
const timestamp = fc
  .record({
    year: fc.integer({ min: 900, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    millis: fc.option(fc.integer({ min: 0, max: 999 })),
    offset: fc.option(fc.integer({ min: -24 * 60, max: 24 * 60 })),
  })
  .map((t) => {
    const date = `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}`;
    const time = `${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`;
    const millis = t.millis === null ? '' : `.${pad(t.millis, 3)}`;
    const zone =
      t.offset === null
        ? 'Z'
        : `${t.offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(t.offset) / 60), 2)}:${pad(Math.abs(t.offset) % 60, 2)}`;
    return `${date}T${time}${millis}${zone}`;
  });

/** The same timestamp with one character replaced: near misses must not be read as timestamps. */
const nearMiss = fc
  .tuple(timestamp, fc.nat(), fc.constantFrom('x', ' ', '-', ':', '9', 'z', 't', '.', '+'))
  .map(([t, at, c]) => {
    const i = at % t.length;
    return t.slice(0, i) + c + t.slice(i + 1);
  });

describe('parseInstant', () => {
  it('reads every timestamp exactly as Date.parse does, valid or not', () => {
    fc.assert(
      fc.property(fc.oneof(timestamp, nearMiss, fc.string({ maxLength: 30 })), (t) => {
        expect(Object.is(parseInstant(t), Date.parse(t))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the shapes journeys use, and leaves the rest to Date.parse', () => {
    expect(parseInstant('2026-03-01T09:00:00Z')).toBe(Date.UTC(2026, 2, 1, 9));
    expect(parseInstant('2024-02-29T23:59:59.999+01:00')).toBe(
      Date.UTC(2024, 1, 29, 22, 59, 59, 999),
    );
    expect(parseInstant('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(parseInstant('2026-02-30T00:00:00Z')).toBe(Date.parse('2026-02-30T00:00:00Z'));
    expect(parseInstant('not a time')).toBeNaN();
  });
});

describe('offsetMinutes', () => {
  it('reads the offset a timestamp was written in', () => {
    expect(offsetMinutes('2026-03-01T09:00:00Z')).toBe(0);
    expect(offsetMinutes('2026-03-01T09:00:00z')).toBe(0);
    expect(offsetMinutes('2026-03-01T09:00:00-05:00')).toBe(-300);
    expect(offsetMinutes('2026-03-01T09:00:00+0530')).toBe(330);
    expect(offsetMinutes('2026-03-01T09:00:00')).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInteractions } from '../../testing/interactions/index.js';
import { buildHandoff } from '../packet/build.js';
import type { HandoffPacket } from '../packet/schema.js';
import { interactions, journeyOf } from '../packet/test-helpers.js';
import { fitFor, renderAs } from '../render/render.js';
import { MIN_REQUIRED_CHARS } from './fit.js';
import { estimateTokens } from './measure.js';
import { rankUnits, type Unit } from './units.js';

describe('estimateTokens', () => {
  it('counts words by four characters, other characters one each, spaces nothing', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('   \n\t')).toBe(0);
    expect(estimateTokens('cat')).toBe(1);
    expect(estimateTokens('vitamins')).toBe(2);
    expect(estimateTokens('B12, 4 kg?')).toBe(5);
    expect(estimateTokens('café')).toBe(2);
    expect(estimateTokens('猫')).toBe(1);
  });

  it('adds up over texts joined by whitespace, and never exceeds the length', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(' ', '\n', '\t'), (a, b, sep) => {
        const joined = estimateTokens(`${a}${sep}${b}`);
        return (
          joined === estimateTokens(a) + estimateTokens(b) && joined <= a.length + b.length + 1
        );
      }),
    );
  });
});

// A long journey of one made-up person, so that every section has lines to drop, opened by a
// chat with promises, questions and actions.
const opening = interactions({
  id: 'chat-0',
  channel: 'chat',
  startedAt: '2026-01-05T09:00:00Z',
  messages: [
    { author: 'customer', text: 'Where is my refund for order A-77881? I asked last week.' },
    { author: 'agent', text: "I've reset your password and escalated the refund." },
    { author: 'agent', text: "We'll call you back tomorrow. Could you confirm your postcode?" },
    { author: 'agent', text: 'I will send you the label by Friday.' },
  ],
});
const long = [
  ...opening,
  ...[...generateInteractions({ people: 1, interactionsPerPerson: 40, seed: 5 })]
    .map((g) => g.interaction)
    .slice(0, 30),
];
const last = long[long.length - 1]?.startedAt ?? '2026-06-01T00:00:00Z';
const full = buildHandoff(
  { journey: journeyOf(long), interactions: long },
  { to: 'chat', now: last, budget: { chars: 10_000_000 } },
);

/** The units a fitted packet kept, as `section:index` of the full packet. */
function kept(fitted: HandoffPacket): Set<string> {
  const units = rankUnits(full);
  const keys = new Set<string>();
  const present = (section: Unit['section'], index: number): boolean => {
    const pick = <T>(all: readonly T[], some: readonly T[]) => some.includes(all[index] as T);
    switch (section) {
      case 'summary':
        return pick(full.issue.summary, fitted.issue.summary);
      case 'verified':
        return pick(full.who.verified, fitted.who.verified);
      case 'identifiers':
        return pick(full.who.identifiers, fitted.who.identifiers);
      case 'evidence':
        return fitted.who.identity?.steps !== undefined;
      case 'serviceClock':
        return fitted.serviceClock !== undefined;
      case 'abstract':
        return fitted.abstract !== undefined;
      default:
        return pick(full[section], fitted[section] as readonly unknown[]);
    }
  };
  for (const u of units) if (present(u.section, u.index)) keys.add(`${u.section}:${u.index}`);
  return keys;
}

describe('fitting', () => {
  it('ranks overdue promises before everything else', () => {
    const units = rankUnits(full);
    expect(units.length).toBeGreaterThan(20);
    const first = units.findIndex((u) => u.section === 'facts');
    const overdue = full.promised.flatMap((p, i) => (p.overdue ? [i] : []));
    expect(overdue.length).toBeGreaterThan(0);
    expect(units.slice(0, overdue.length).map((u) => u.section)).toEqual(
      overdue.map(() => 'promised'),
    );
    for (const i of overdue) {
      const at = units.findIndex((u) => u.section === 'promised' && u.index === i);
      expect(at).toBeLessThan(first);
    }
  });

  it('keeps a prefix of the ranking: no line survives a more important one', () => {
    const units = rankUnits(full);
    fc.assert(
      fc.property(
        fc.constantFrom('json', 'markdown', 'text'),
        fc.integer({ min: 1500, max: 20_000 }),
        (format, chars) => {
          const fitted = fitFor(full, format, { chars });
          if (!fitted.ok) return true;
          const keys = kept(fitted.packet);
          const prefix = units.findIndex((u) => !keys.has(`${u.section}:${u.index}`));
          const size = renderAs(format, fitted.packet).length;
          return (
            size <= chars &&
            (prefix === -1 ||
              units.slice(prefix).every((u) => !keys.has(`${u.section}:${u.index}`)))
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('shortens the required lines only when nothing else is left, and reports it', () => {
    const bare = fitFor(full, 'text', { chars: 1 });
    expect(bare.ok).toBe(false);
    const fitted = fitFor(full, 'text', { chars: 200 });
    if (!fitted.ok) throw new Error('expected a fit');
    const p = fitted.packet;
    expect(renderAs('text', p).length).toBeLessThanOrEqual(200);
    expect(p.facts).toEqual([]);
    expect(p.fit.truncated.length).toBeGreaterThan(0);
    for (const line of [p.who.line, p.issue.line.text]) {
      expect(line.length).toBeGreaterThanOrEqual(Math.min(MIN_REQUIRED_CHARS - 1, line.length));
    }
    expect(p.fit.omitted.map((o) => o.section)).toContain('facts');
  });

  it('leaves a packet that already fits exactly as it is', () => {
    const fitted = fitFor(full, 'json', { chars: 10_000_000 });
    expect(fitted).toEqual({ ok: true, packet: full });
  });
});

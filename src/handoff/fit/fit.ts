// Fitting a packet to a size: keep the longest prefix of its ranked lines (see `rankUnits`)
// whose rendering fits, found by galloping then bisecting, so that the work grows with what is
// kept rather than with the journey. When even the required lines do not fit, they are
// shortened at a word, down to a floor; below it the packet cannot fit.

import { canonical } from '../packet/order.js';
import type { HandoffFormat, HandoffPacket } from '../packet/schema.js';
import { truncateAtWord } from '../summary/fit.js';
import { rankUnits, type Unit, type UnitSection } from './units.js';

/** Required lines are never cut below this many characters. */
export const MIN_REQUIRED_CHARS = 20;

/** Where a packet is going: the size function and the most it may be. */
export interface FitTarget {
  /** The size of a packet once rendered for this target. */
  readonly size: (packet: HandoffPacket) => number;
  readonly limit: number;
  /** What the packet's `fit` report should say about this target. */
  readonly unit: 'chars' | 'tokens' | 'bytes';
  readonly reportedLimit: number;
  readonly format: HandoffFormat;
}

/** The fitted packet, or the smallest size it could reach. */
export type FitOutcome =
  | { readonly ok: true; readonly packet: HandoffPacket }
  | { readonly ok: false; readonly smallest: number };

const SECTION_ORDER: readonly UnitSection[] = [
  'verified',
  'identifiers',
  'evidence',
  'summary',
  'timeline',
  'facts',
  'tried',
  'promised',
  'openQuestions',
  'signals',
  'serviceClock',
  'abstract',
];

/** Where each droppable line stands in the ranking: its unit's position, by section and index. */
export type Ranks = ReadonlyMap<UnitSection, Int32Array>;

/** The ranks of `units`: a line is kept in the first `m` units when its rank is below `m`. */
export function ranksOf(units: readonly Unit[]): Ranks {
  const sizes = new Map<UnitSection, number>();
  for (const unit of units) {
    sizes.set(unit.section, Math.max(sizes.get(unit.section) ?? 0, unit.index + 1));
  }
  const ranks = new Map<UnitSection, Int32Array>();
  for (const [section, size] of sizes) ranks.set(section, new Int32Array(size).fill(units.length));
  units.forEach((unit, k) => {
    (ranks.get(unit.section) as Int32Array)[unit.index] = k;
  });
  return ranks;
}

/** Whether line `index` of `section` is among the first `m` units. */
function isKept(ranks: Ranks, section: UnitSection, index: number, m: number): boolean {
  const rank = ranks.get(section)?.[index];
  return rank !== undefined && rank < m;
}

/** Keeps the first `m` units (by their `ranks`) and drops the other optional lines. */
export function prune(
  packet: HandoffPacket,
  ranks: Ranks,
  m: number,
  target: FitTarget,
): HandoffPacket {
  const omitted = new Map<string, number>();
  for (const entry of packet.fit.omitted) omitted.set(entry.section, entry.count);
  const filter = <T>(section: UnitSection, items: readonly T[]): readonly T[] => {
    const kept: T[] = [];
    for (let i = 0; i < items.length; i++) {
      if (isKept(ranks, section, i, m)) kept.push(items[i] as T);
    }
    if (kept.length === items.length) return items;
    const dropped = items.length - kept.length;
    omitted.set(section, (omitted.get(section) ?? 0) + dropped);
    return kept;
  };
  const { who, issue } = packet;
  const identity =
    who.identity === undefined
      ? undefined
      : isKept(ranks, 'evidence', 0, m) || who.identity.steps === undefined
        ? who.identity
        : (() => {
            omitted.set('evidence', (omitted.get('evidence') ?? 0) + 1);
            const { steps: _, ...rest } = who.identity;
            return rest;
          })();
  const clockKept = isKept(ranks, 'serviceClock', 0, m);
  if (packet.serviceClock !== undefined && !clockKept) {
    omitted.set('serviceClock', (omitted.get('serviceClock') ?? 0) + 1);
  }
  const abstractKept = isKept(ranks, 'abstract', 0, m);
  if (packet.abstract !== undefined && !abstractKept) {
    omitted.set('abstract', (omitted.get('abstract') ?? 0) + 1);
  }
  const { serviceClock, abstract, ...rest } = packet;
  const out: HandoffPacket = {
    ...rest,
    who: {
      ...who,
      ...(identity === undefined ? {} : { identity }),
      verified: filter('verified', who.verified),
      identifiers: filter('identifiers', who.identifiers),
    },
    issue: { ...issue, summary: filter('summary', issue.summary) },
    timeline: filter('timeline', packet.timeline),
    facts: filter('facts', packet.facts),
    tried: filter('tried', packet.tried),
    promised: filter('promised', packet.promised),
    openQuestions: filter('openQuestions', packet.openQuestions),
    signals: filter('signals', packet.signals),
    ...(serviceClock !== undefined && clockKept ? { serviceClock } : {}),
    ...(abstract !== undefined && abstractKept ? { abstract } : {}),
    fit: {
      unit: target.unit,
      limit: target.reportedLimit,
      format: target.format,
      omitted: SECTION_ORDER.filter((s) => (omitted.get(s) ?? 0) > 0).map((section) => ({
        section,
        count: omitted.get(section) as number,
      })),
      truncated: packet.fit.truncated,
    },
  };
  return canonical(out);
}

/** Shortens the required lines to at most `cap` characters each. */
export function truncateRequired(packet: HandoffPacket, cap: number): HandoffPacket {
  const truncated = new Set(packet.fit.truncated);
  const cut = (text: string, what: 'who' | 'issue' | 'latest'): string => {
    if (text.length <= cap) return text;
    truncated.add(what);
    return truncateAtWord(text, cap);
  };
  const who = { ...packet.who, line: cut(packet.who.line, 'who') };
  const issue = {
    ...packet.issue,
    line: { ...packet.issue.line, text: cut(packet.issue.line.text, 'issue') },
  };
  const latest =
    packet.latest === undefined
      ? undefined
      : { ...packet.latest, text: cut(packet.latest.text, 'latest') };
  const order = ['who', 'issue', 'latest'] as const;
  return canonical({
    ...packet,
    who,
    issue,
    ...(latest === undefined ? {} : { latest }),
    fit: { ...packet.fit, truncated: order.filter((w) => truncated.has(w)) },
  });
}

/**
 * Fits a packet to a target: drops optional lines from the least important up, then, if the
 * required lines alone are too long, shortens them. Deterministic.
 */
export function fitPacket(packet: HandoffPacket, target: FitTarget): FitOutcome {
  const units = rankUnits(packet);
  const ranks = ranksOf(units);
  const cache = new Map<number, HandoffPacket>();
  const at = (m: number): HandoffPacket => {
    let p = cache.get(m);
    if (p === undefined) {
      p = prune(packet, ranks, m, target);
      cache.set(m, p);
    }
    return p;
  };
  const fits = (m: number) => target.size(at(m)) <= target.limit;
  const n = units.length;
  if (!fits(0)) return shorten(at(0), target);
  // Gallop: 1, 2, 4, … (and finally all) until a prefix no longer fits; then bisect. Only
  // prefixes up to twice the one kept are ever rendered, however long the journey.
  let lo = 0;
  let hi = Math.min(1, n);
  while (hi > lo && fits(hi)) {
    lo = hi;
    hi = Math.min(hi * 2, n);
  }
  if (lo === n) return { ok: true, packet: at(n) };
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return { ok: true, packet: at(lo) };
}

/** The required lines cut to the longest common length that fits, or the smallest size. */
function shorten(bare: HandoffPacket, target: FitTarget): FitOutcome {
  const longest = Math.max(
    bare.who.line.length,
    bare.issue.line.text.length,
    bare.latest?.text.length ?? 0,
  );
  const floor = truncateRequired(bare, MIN_REQUIRED_CHARS);
  const floorSize = target.size(floor);
  if (floorSize > target.limit) return { ok: false, smallest: floorSize };
  let lo = MIN_REQUIRED_CHARS;
  let hi = longest;
  let best = floor;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    const p = truncateRequired(bare, mid);
    if (target.size(p) <= target.limit) {
      lo = mid;
      best = p;
    } else hi = mid;
  }
  return { ok: true, packet: best };
}

// The order in which a packet's optional lines are kept when space is short, computed from the
// packet itself so that any packet (even one read back from JSON) can be fitted again. Lines
// are taken in two rounds: first the most useful few of every section, then the rest. The
// identity line, the issue line and the customer's latest message are not units: they are
// never dropped.
import type { HandoffPacket } from '../packet/schema.js';

/** A section whose lines can be dropped. */
export type UnitSection =
  | 'promised'
  | 'openQuestions'
  | 'facts'
  | 'summary'
  | 'serviceClock'
  | 'tried'
  | 'signals'
  | 'timeline'
  | 'verified'
  | 'identifiers'
  | 'evidence'
  | 'abstract';

/** One droppable line: a section and the line's index in it. */
export interface Unit {
  readonly section: UnitSection;
  readonly index: number;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const latestFirst = (n: number) => range(n).reverse();

/** Lines of `indexes` in order, the first `quota` in round one and the rest in round two. */
interface Pick {
  readonly section: UnitSection;
  readonly indexes: readonly number[];
  readonly quota: number;
}

/**
 * The packet's droppable lines, most important first. Round one: overdue promises, the
 * customer's latest two open questions, six facts, two summary sentences, the service clock,
 * the two latest tried actions, two open promises, the signals, the latest and the first hop,
 * two verifications, the business's latest open question. Round two: everything else, in the
 * same section order, then the linked identifiers, the resolver's waterfall and a summarizer's
 * text.
 */
export function rankUnits(packet: HandoffPacket): Unit[] {
  const promised = packet.promised;
  const due = (i: number) => promised[i]?.due ?? promised[i]?.madeAt ?? '';
  const byDue = (a: number, b: number) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a - b);
  const overdue = range(promised.length)
    .filter((i) => promised[i]?.overdue === true)
    .sort(byDue);
  const open = range(promised.length)
    .filter((i) => promised[i]?.overdue === false && promised[i]?.fulfilled === false)
    .sort(byDue);
  const kept = latestFirst(promised.length).filter((i) => promised[i]?.fulfilled === true);

  const questions = latestFirst(packet.openQuestions.length);
  const customerAsked = questions.filter((i) => packet.openQuestions[i]?.by === 'customer');
  const businessAsked = questions.filter((i) => packet.openQuestions[i]?.by === 'business');

  const hops = packet.timeline.length;
  // The latest hop is where the customer is now; the first is where the story began.
  const timeline = hops <= 1 ? range(hops) : [hops - 1, 0, ...latestFirst(hops - 1).slice(0, -1)];

  const picks: Pick[] = [
    { section: 'promised', indexes: overdue, quota: overdue.length },
    { section: 'openQuestions', indexes: customerAsked, quota: 2 },
    { section: 'facts', indexes: range(packet.facts.length), quota: 6 },
    { section: 'summary', indexes: range(packet.issue.summary.length), quota: 2 },
    { section: 'serviceClock', indexes: packet.serviceClock === undefined ? [] : [0], quota: 1 },
    { section: 'tried', indexes: latestFirst(packet.tried.length), quota: 2 },
    { section: 'promised', indexes: [...open, ...kept], quota: Math.min(2, open.length) },
    { section: 'signals', indexes: range(packet.signals.length), quota: 4 },
    { section: 'timeline', indexes: timeline, quota: 2 },
    { section: 'verified', indexes: range(packet.who.verified.length), quota: 2 },
    { section: 'openQuestions', indexes: businessAsked, quota: 1 },
    { section: 'identifiers', indexes: range(packet.who.identifiers.length), quota: 0 },
    {
      section: 'evidence',
      indexes: packet.who.identity?.steps === undefined ? [] : [0],
      quota: 0,
    },
    // A summarizer's text is fitted into the room the deterministic lines leave, so it goes first.
    { section: 'abstract', indexes: packet.abstract === undefined ? [] : [0], quota: 0 },
  ];
  const units: Unit[] = [];
  for (const pick of picks) {
    for (const index of pick.indexes.slice(0, pick.quota))
      units.push({ section: pick.section, index });
  }
  for (const pick of picks) {
    for (const index of pick.indexes.slice(pick.quota))
      units.push({ section: pick.section, index });
  }
  return units;
}

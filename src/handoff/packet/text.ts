// Small formatting helpers shared by the section builders and the renderers.
import type { InteractionId } from '../../model/ids.js';
import { truncateAtWord } from '../summary/fit.js';

const SPACES = /\s+/g;
// What `oneLine` changes: white space other than a space, two spaces, a space at either end.
const NOT_ONE_LINE = /[^\S ]| {2}|^ | $/;

/** Collapses runs of whitespace (line breaks included) to one space and trims. */
export function oneLine(text: string): string {
  return NOT_ONE_LINE.test(text) ? text.replace(SPACES, ' ').trim() : text;
}

/** One line, cut at a word to at most `max` characters. */
export function clip(text: string, max: number): string {
  return truncateAtWord(oneLine(text), max);
}

/**
 * The interactions a line cites: distinct, in the order given (oldest first); when more than
 * three, the oldest and the two most recent.
 */
export function citeIds(ids: readonly InteractionId[]): InteractionId[] {
  const distinct: InteractionId[] = [];
  // Lines cite a few interactions; only a long list is worth a set.
  const seen = ids.length > 8 ? new Set<string>() : undefined;
  for (const id of ids) {
    if (seen === undefined ? distinct.includes(id) : seen.has(id)) continue;
    seen?.add(id);
    distinct.push(id);
  }
  if (distinct.length <= 3) return distinct;
  return [
    distinct[0] as InteractionId,
    distinct[distinct.length - 2] as InteractionId,
    distinct[distinct.length - 1] as InteractionId,
  ];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration for people: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`. */
export function duration(ms: number): string {
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.round((ms - h * HOUR) / MINUTE);
    return m === 0 ? `${h} h` : m === 60 ? `${h + 1} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.round((ms - d * DAY) / HOUR);
  return h === 0 ? `${d} d` : h === 24 ? `${d + 1} d` : `${d} d ${h} h`;
}

/** An instant to the minute, in UTC: `2026-03-01 09:05 UTC`. */
export function when(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (!Number.isFinite(ms)) return timestamp;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * A probability as a percentage people read at a glance: `98%`, `99.7%`, `100%`. Rounded down,
 * so that nothing short of certainty reads as 100%.
 */
export function percent(p: number): string {
  const pct = p * 100;
  if (pct >= 100) return '100%';
  if (pct >= 99) return `${(Math.floor(pct * 10) / 10).toFixed(1)}%`;
  return `${Math.floor(pct)}%`;
}

/** `1 repeat contact`, `2 repeat contacts`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

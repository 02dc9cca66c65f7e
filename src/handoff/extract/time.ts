// Calendar arithmetic in the writer's local time. A message's timestamp carries its UTC offset
// (`2026-03-01T18:00:00-05:00`); "tomorrow" and "by Friday" are read in that offset, which is
// the best guess at the writer's calendar that the data gives. `Z` reads as UTC.

import { isValidDate, parseInstant } from '../../journey/instant.js';

// Kept here too: the extractors read time through this module.
export { isValidDate, parseInstant };

/** Milliseconds in a minute. */
export const MINUTE = 60_000;
/** Milliseconds in an hour. */
export const HOUR = 3_600_000;
/** Milliseconds in a day (calendar days are handled by the local-day helpers). */
export const DAY = 86_400_000;

// The instants an ISO string with a four-digit year can hold.
const MIN_MS = Date.UTC(0, 0, 1) - 100 * DAY;
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999) - 2 * DAY;

const OFFSET = /(?:([+-])(\d{2}):?(\d{2})?|[zZ])$/;

/** The UTC offset in minutes that an ISO timestamp was written in; 0 for `Z` or none. */
export function offsetMinutes(timestamp: string): number {
  const last = timestamp.charCodeAt(timestamp.length - 1);
  if (last === 90 || last === 122) return 0;
  const m = OFFSET.exec(timestamp);
  if (m === null || m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '-' ? -minutes : minutes;
}

/** Milliseconds of an ISO timestamp, or `fallback` when it cannot be read. */
export function instant(timestamp: string | undefined, fallback: number): number {
  if (timestamp === undefined) return fallback;
  const ms = parseInstant(timestamp);
  return Number.isFinite(ms) ? ms : fallback;
}

/** An instant as an ISO string, or undefined when it falls outside four-digit years. */
export function isoOrUndefined(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return undefined;
  return new Date(ms).toISOString();
}

/** A calendar day in the writer's offset. */
export interface LocalDay {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
  /** 0 for Sunday to 6 for Saturday. */
  readonly weekday: number;
  /** The UTC instant of the local midnight that starts the day. */
  readonly startMs: number;
}

/** The local calendar day an instant falls on, in a UTC offset given in minutes. */
export function localDay(ms: number, offset: number): LocalDay {
  const shifted = new Date(ms + offset * MINUTE);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return {
    year,
    month,
    day,
    weekday: shifted.getUTCDay(),
    startMs: Date.UTC(year, month - 1, day) - offset * MINUTE,
  };
}

/** The last millisecond of the local day `plusDays` after the day of `ms`. */
export function endOfLocalDay(ms: number, offset: number, plusDays = 0): number {
  return localDay(ms, offset).startMs + (plusDays + 1) * DAY - 1;
}

/** The UTC instant of local midnight at the start of a calendar date, in an offset. */
export function dateStart(year: number, month: number, day: number, offset: number): number {
  return Date.UTC(year, month - 1, day) - offset * MINUTE;
}

/** `YYYY-MM-DD`. */
export function dayKey(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day key of the local day `plusDays` after (or before, when negative) the day of `ms`. */
export function shiftedDayKey(ms: number, offset: number, plusDays: number): string {
  const d = localDay(ms + plusDays * DAY, offset);
  return dayKey(d.year, d.month, d.day);
}

/**
 * The year that puts month/day nearest to a reference day: a date written without a year is
 * read as the nearest such date, so "March 3" in January means the March coming up and "Dec 30"
 * in January the one just past.
 */
export function nearestYear(month: number, day: number, reference: LocalDay): number {
  let best = reference.year;
  let bestDistance = Number.POSITIVE_INFINITY;
  const ref = Date.UTC(reference.year, reference.month - 1, reference.day);
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    if (!isValidDate(year, month, day)) continue;
    const distance = Math.abs(Date.UTC(year, month - 1, day) - ref);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

/** Adds calendar months to a local date, clamping the day to the target month's length. */
export function addMonths(ms: number, offset: number, months: number): number {
  const d = localDay(ms, offset);
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  let day = d.day;
  while (day > 28 && !isValidDate(year, month, day)) day--;
  const timeOfDay = ms - d.startMs;
  return dateStart(year, month, day, offset) + timeOfDay;
}

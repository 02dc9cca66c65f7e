// Calendar arithmetic in the writer's local time. A message's timestamp carries its UTC offset
// (`2026-03-01T18:00:00-05:00`); "tomorrow" and "by Friday" are read in that offset, which is
// the best guess at the writer's calendar that the data gives. `Z` reads as UTC.

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

/** The number written by the ASCII digits `text[at, at + width)`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, width: number): number {
  let value = 0;
  for (let i = at; i < at + width; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * `Date.parse`, with a fast path for the shape timestamps nearly always have in a journey:
 * `YYYY-MM-DDTHH:MM:SS[.sss]` then `Z` or `±HH:MM`, naming a real date and time from year 1000
 * on. Anything else (other shapes, local times, impossible dates) goes to `Date.parse`, so the
 * result is always the same as `Date.parse`'s; the fast path only skips its generality, which
 * costs more than the rest of reading a short message.
 */
export function parseInstant(text: string): number {
  const n = text.length;
  // 2026-03-01T09:00:00Z, …00.000Z, …00+01:00, …00.000+01:00
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return Date.parse(text);
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  )
    return Date.parse(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  let at = 19;
  let millis = 0;
  if (n === 24 || n === 29) {
    if (text.charCodeAt(19) !== 46) return Date.parse(text);
    millis = digitsAt(text, 20, 3);
    at = 23;
  }
  let offset = 0;
  const sign = text.charCodeAt(at);
  if (at + 1 === n) {
    if (sign !== 90) return Date.parse(text);
  } else {
    const hours = digitsAt(text, at + 1, 2);
    const minutes = digitsAt(text, at + 4, 2);
    if (
      (sign !== 43 && sign !== 45) ||
      text.charCodeAt(at + 3) !== 58 ||
      hours < 0 ||
      hours > 23 ||
      minutes < 0 ||
      minutes > 59
    )
      return Date.parse(text);
    offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  }
  if (
    year < 1000 ||
    !isValidDate(year, month, day) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millis < 0
  )
    return Date.parse(text);
  return (
    daysSinceEpoch(year, month, day) * DAY +
    hour * HOUR +
    minute * MINUTE +
    second * 1000 +
    millis -
    offset * MINUTE
  );
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, in integer arithmetic
 * (`Date.UTC(year, month - 1, day) / DAY`, without the cost of a `Date` call). Years count from
 * March so that the leap day ends the year; a 400-year era holds 146,097 days.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date (29 February only in leap years). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const max = DAYS_IN_MONTH[month - 1] ?? 0;
  if (!Number.isInteger(day) || day < 1 || day > max) return false;
  if (month === 2 && day === 29) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return true;
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

// Reading ISO timestamps fast. A journey's every message carries one, and every pass over a
// journey (threading, the timeline, the handoff packet) reads them: `Date.parse` handles every
// shape it accepts, and that generality costs more than the rest of reading a short message.

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

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

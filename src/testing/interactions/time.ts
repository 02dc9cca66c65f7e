/**
 * Time for the generator: the units it schedules in, the limits of a timestamp, and a fast
 * ISO formatter, because formatting timestamps is the single largest cost of an interaction.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The last instant `toISOString` writes with a four-digit year, as timestamps require. */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Windows end a day early: replies and call ends come up to a day after the last start. */
export const LATEST_END = MAX_TIME - DAY;

/** The start of the window in milliseconds, from the option's ISO timestamp or milliseconds. */
export const startTime = (start: string | number): number =>
  typeof start === 'number' ? start : Date.parse(start);

/** The last day formatted, as `YYYY-MM-DDT`: most timestamps in a row share it. */
export interface Clock {
  day: number;
  prefix: string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * `new Date(ms).toISOString()`, several times faster: the date part is formatted once per day
 * and the time of day by hand. Timestamps dominate the cost of a generated interaction.
 */
export function isoTime(clock: Clock, ms: number): string {
  const day = Math.floor(ms / DAY);
  if (day !== clock.day) {
    clock.day = day;
    clock.prefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / 1000);
  return `${clock.prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest - s * 1000)}Z`;
}

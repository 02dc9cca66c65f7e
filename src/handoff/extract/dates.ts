// Dates written in messages: ISO (`2026-03-05`), numeric (`03/05/2026`), with month names
// (`March 5th`, `5 March 2026`, `Mar. 5, 2026`) and relative to the message (`yesterday`,
// `3 days ago`, `last Friday`). Numeric dates whose day and month could be swapped are read only
// when the order is known (an option, or the interaction's region); otherwise they are skipped.
import type { Reading } from './reading.js';
import { fold, isSpaceCode, type Span, type Token, tokenize } from './text.js';
import {
  dayKey,
  isValidDate,
  type LocalDay,
  localDay,
  nearestYear,
  shiftedDayKey,
} from './time.js';

/** How to read `03/05/2026`: month first (US) or day first (most of the world). */
export type DateOrder = 'mdy' | 'dmy';

/** A date found in a text. */
export interface FoundDate extends Span {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** `YYYY-MM-DD`. */
  readonly key: string;
  /** True when the text said it relative to the message (`yesterday`). */
  readonly relative: boolean;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Weekday names, 0 for Sunday. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
]);

/** Counts written as words ("a week", "two days", "forty-eight hours"). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
  ['thirty', 30],
  ['twenty-four', 24],
  ['forty-eight', 48],
  ['seventy-two', 72],
]);

const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;
const NUMERIC_DATE = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g;
const ORDINAL_DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const YEAR = /^(?:19|20)\d{2}$/;

// What every date `findDates` reads has: digits around a separator (`2026-03-05`, `3/5/26`), a
// month name, or a relative word (`yesterday`, `last Friday`, `3 days ago`).
const NUMBER_SEPARATOR = /\d[-/.]\d/;

/**
 * False when `findDates` cannot find a date in a text whatever the message time: a cheap test
 * that lets most texts skip the date scan, and lets what a text gives be reused across days.
 */
export function mayHaveDate(reading: Reading): boolean {
  for (const token of reading.tokens) {
    const word = token.word;
    if (word === 'yesterday' || word === 'last' || word === 'ago' || MONTHS.has(word)) return true;
  }
  return NUMBER_SEPARATOR.test(reading.folded);
}

/** The day in a token like `5`, `05` or `21st`, when it is one. */
function dayOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const m = ORDINAL_DAY.exec(word);
  if (m === null) return undefined;
  const day = Number(m[1]);
  return day >= 1 && day <= 31 ? day : undefined;
}

/** True when only spaces, commas and dots (at most three characters) separate two tokens. */
function adjacent(folded: string, a: Token, b: Token | undefined): boolean {
  if (b === undefined || b.start - a.end > 3) return false;
  for (let i = a.end; i < b.start; i++) {
    const code = folded.charCodeAt(i);
    if (!(isSpaceCode(code) || code === 44 || code === 46)) return false;
  }
  return b.start > a.end;
}

function twoDigitYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

/**
 * Finds the dates in `text`, resolved against the message's local day: a date without a year
 * is the nearest such date; `yesterday` is the day before.
 *
 * @param ms - the message time.
 * @param offset - the UTC offset (minutes) the message time was written in.
 * @param order - how to read ambiguous numeric dates; undefined skips them.
 */
export function findDates(
  text: string,
  ms: number,
  offset: number,
  order: DateOrder | undefined,
  folded: string = fold(text),
  tokens: readonly Token[] = tokenize(folded),
): FoundDate[] {
  const found: FoundDate[] = [];
  const today = localDay(ms, offset);
  const add = (start: number, end: number, y: number, m: number, d: number, relative: boolean) => {
    if (!isValidDate(y, m, d)) return;
    found.push({ start, end, year: y, month: m, day: d, key: dayKey(y, m, d), relative });
  };

  for (const m of folded.matchAll(ISO_DATE)) {
    const start = m.index;
    add(start, start + m[0].length, Number(m[1]), Number(m[2]), Number(m[3]), false);
  }
  for (const m of folded.matchAll(NUMERIC_DATE)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = twoDigitYear(m[4] ?? '');
    // A day above 12 settles the order; otherwise only a known order does.
    const resolved: DateOrder | undefined = a > 12 ? 'dmy' : b > 12 ? 'mdy' : order;
    if (resolved === undefined) continue;
    const [month, day] = resolved === 'mdy' ? [a, b] : [b, a];
    const start = m.index;
    add(start, start + m[0].length, year, month, day, false);
  }

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    const month = MONTHS.get(token.word);
    if (month !== undefined) {
      const next = tokens[k + 1];
      const day = adjacent(folded, token, next) ? dayOf(next?.word) : undefined;
      if (day !== undefined && next !== undefined) {
        const yearToken = tokens[k + 2];
        const hasYear = adjacent(folded, next, yearToken) && YEAR.test(yearToken?.word ?? '');
        const year = hasYear ? Number(yearToken?.word) : nearestYear(month, day, today);
        add(token.start, hasYear ? (yearToken as Token).end : next.end, year, month, day, false);
        k += hasYear ? 2 : 1;
        continue;
      }
    }
    const day = dayOf(token.word);
    if (day !== undefined) {
      let monthIndex = k + 1;
      if (tokens[monthIndex]?.word === 'of' && adjacent(folded, token, tokens[monthIndex])) {
        monthIndex++;
      }
      const monthToken = tokens[monthIndex];
      const before = tokens[monthIndex - 1] as Token;
      const named = monthToken === undefined ? undefined : MONTHS.get(monthToken.word);
      // "5 may" is too often "5 may be…" to count without a year or an ordinal.
      const modal = monthToken?.word === 'may' && !/\D/.test(token.word);
      if (named !== undefined && monthToken !== undefined && adjacent(folded, before, monthToken)) {
        const yearToken = tokens[monthIndex + 1];
        const hasYear = adjacent(folded, monthToken, yearToken) && YEAR.test(yearToken?.word ?? '');
        if (!modal || hasYear) {
          const year = hasYear ? Number(yearToken?.word) : nearestYear(named, day, today);
          add(
            token.start,
            hasYear ? (yearToken as Token).end : monthToken.end,
            year,
            named,
            day,
            false,
          );
          k = hasYear ? monthIndex + 1 : monthIndex;
          continue;
        }
      }
    }
    relativeAt(tokens, k, today, ms, offset, found);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep the first of overlapping readings (the numeric and token scans can both see one date).
  const out: FoundDate[] = [];
  let reach = -1;
  for (const date of found) {
    if (date.start < reach) continue;
    out.push(date);
    reach = date.end;
  }
  return out;
}

function relativeAt(
  tokens: readonly Token[],
  k: number,
  today: LocalDay,
  ms: number,
  offset: number,
  found: FoundDate[],
): void {
  const token = tokens[k] as Token;
  const count = /^\d{1,3}$/.test(token.word) ? Number(token.word) : NUMBER_WORDS.get(token.word);
  // Most words start no relative date: leave before building anything.
  if (
    count === undefined &&
    token.word !== 'yesterday' &&
    token.word !== 'day' &&
    token.word !== 'last'
  )
    return;
  const push = (end: Token, days: number) => {
    const key = shiftedDayKey(ms, offset, days);
    const [y, m, d] = key.split('-').map(Number);
    found.push({
      start: token.start,
      end: end.end,
      year: y ?? 0,
      month: m ?? 0,
      day: d ?? 0,
      key,
      relative: true,
    });
  };
  if (token.word === 'yesterday') {
    const prior = tokens[k - 1]?.word === 'before' && tokens[k - 2]?.word === 'day';
    if (!prior) push(token, -1);
    return;
  }
  if (
    token.word === 'day' &&
    tokens[k + 1]?.word === 'before' &&
    tokens[k + 2]?.word === 'yesterday'
  ) {
    push(tokens[k + 2] as Token, -2);
    return;
  }
  if (token.word === 'last') {
    const weekday = WEEKDAYS.get(tokens[k + 1]?.word ?? '');
    if (weekday !== undefined) {
      const back = (today.weekday - weekday + 7) % 7 || 7;
      push(tokens[k + 1] as Token, -back);
    }
    return;
  }
  const unit = tokens[k + 1]?.word;
  if (count !== undefined && tokens[k + 2]?.word === 'ago' && count > 0) {
    if (unit === 'day' || unit === 'days') push(tokens[k + 2] as Token, -count);
    else if (unit === 'week' || unit === 'weeks') push(tokens[k + 2] as Token, -7 * count);
  }
}

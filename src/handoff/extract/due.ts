// When a promise falls due, read from its words and the time it was made. Day words end with
// their day ("tomorrow" is due at the end of tomorrow, in the writer's offset); durations count
// from the message ("within 5 days" is five times 24 hours later; "5 business days" skips
// weekends and ends with the fifth business day); a range counts its upper end ("24-48 hours").
// Vague words ("shortly", "soon", "a few days") are kept as text with no due time. A due time is
// never before the message: words that would put it there ("this morning" said in the evening,
// a date already past) give no due time.
import { type DateOrder, findDates, NUMBER_WORDS, WEEKDAYS } from './dates.js';
import type { Token } from './text.js';
import { addMonths, DAY, dateStart, endOfLocalDay, HOUR, localDay, MINUTE } from './time.js';

/** The words that set a promise's time, and the time when they give one. */
export interface FoundDue {
  readonly start: number;
  readonly end: number;
  readonly due?: number;
}

interface Context {
  readonly ms: number;
  readonly offset: number;
}

const VAGUE_SINGLE: ReadonlySet<string> = new Set([
  'shortly',
  'soon',
  'asap',
  'momentarily',
  'later',
  'eventually',
]);

const PREPOSITIONS: ReadonlySet<string> = new Set([
  'within',
  'in',
  'under',
  'than',
  'after',
  'next',
  'about',
  'around',
  'approximately',
  'roughly',
  'another',
  'to',
]);

const UNITS: ReadonlyMap<string, 'minute' | 'hour' | 'day' | 'week' | 'month'> = new Map([
  ['minute', 'minute'],
  ['minutes', 'minute'],
  ['min', 'minute'],
  ['mins', 'minute'],
  ['hour', 'hour'],
  ['hours', 'hour'],
  ['hr', 'hour'],
  ['hrs', 'hour'],
  ['h', 'hour'],
  ['day', 'day'],
  ['days', 'day'],
  ['week', 'week'],
  ['weeks', 'week'],
  ['wk', 'week'],
  ['wks', 'week'],
  ['month', 'month'],
  ['months', 'month'],
]);

const GLUED = /^(\d{1,4})(h|hr|hrs|hours|d|days|min|mins)$/;
const RANGE = /^(\d{1,4})-(\d{1,4})$/;
const COUNT = /^\d{1,4}$/;

const MAX_COUNT = 1000;

/** The number a token says (`5`, `five`, `24-48` as its upper end), when it says one. */
function countOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (COUNT.test(word)) return Number(word);
  const range = RANGE.exec(word);
  if (range !== null) return Math.max(Number(range[1]), Number(range[2]));
  return NUMBER_WORDS.get(word);
}

function endOfWeek(ctx: Context, weeksAhead: number): number {
  const today = localDay(ctx.ms, ctx.offset);
  // Weeks run Monday to Sunday.
  const toSunday = (7 - today.weekday) % 7;
  return endOfLocalDay(ctx.ms, ctx.offset, toSunday + 7 * weeksAhead);
}

function endOfMonth(ctx: Context, monthsAhead: number): number {
  const today = localDay(ctx.ms, ctx.offset);
  // The first day of the month after the target month, less a millisecond.
  const total = today.year * 12 + (today.month - 1) + monthsAhead + 1;
  return dateStart(Math.floor(total / 12), (total % 12) + 1, 1, ctx.offset) - 1;
}

function businessDays(ctx: Context, count: number): number {
  let ahead = 0;
  let left = count;
  let weekday = localDay(ctx.ms, ctx.offset).weekday;
  while (left > 0) {
    ahead++;
    weekday = (weekday + 1) % 7;
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return endOfLocalDay(ctx.ms, ctx.offset, ahead);
}

function duration(
  ctx: Context,
  count: number,
  unit: string,
  business: boolean,
): number | undefined {
  if (count <= 0 || count > MAX_COUNT) return undefined;
  switch (unit) {
    case 'minute':
      return ctx.ms + count * MINUTE;
    case 'hour':
      return ctx.ms + count * HOUR;
    case 'day':
      return business ? businessDays(ctx, count) : ctx.ms + count * DAY;
    case 'week':
      return ctx.ms + count * 7 * DAY;
    case 'month':
      return count > 120 ? undefined : addMonths(ctx.ms, ctx.offset, count);
    default:
      return undefined;
  }
}

/** The hour a part of the day ends at, for "tomorrow morning" and "this afternoon". */
function partOfDay(word: string | undefined): number | undefined {
  switch (word) {
    case 'morning':
      return 12;
    case 'afternoon':
      return 18;
    case 'evening':
    case 'night':
    case 'tonight':
      return 24;
    default:
      return undefined;
  }
}

type Reading = { readonly end: number; readonly due?: number } | undefined;

/** Reads a due expression starting at token `k`; `end` is the index of the token after it. */
function readAt(tokens: readonly Token[], k: number, ctx: Context): Reading {
  const w = (i: number) => tokens[i]?.word;
  const word = w(k) ?? '';
  const dayAt = (plusDays: number, hour: number | undefined) => {
    const start = localDay(ctx.ms, ctx.offset).startMs + plusDays * DAY;
    return hour === undefined || hour === 24 ? start + DAY - 1 : start + hour * HOUR;
  };

  if (VAGUE_SINGLE.has(word)) {
    if (word === 'later' && w(k + 1) === 'today') return { end: k + 2, due: dayAt(0, undefined) };
    return { end: word === 'later' && w(k + 1) === 'on' ? k + 2 : k + 1 };
  }
  if (word === 'right' && w(k + 1) === 'away') return { end: k + 2 };
  if (word === 'in' && (w(k + 1) === 'a' || w(k + 1) === 'due')) {
    const next = w(k + 2);
    if (next === 'moment' || next === 'bit' || next === 'while' || next === 'course')
      return { end: k + 3 };
  }
  if (word === 'today' || word === 'tonight') {
    return { end: k + 1, due: dayAt(0, partOfDay(word)) };
  }
  if (word === 'eod' || word === 'cob') return { end: k + 1, due: dayAt(0, undefined) };
  if ((word === 'end' || word === 'close') && w(k + 1) === 'of') {
    let i = k + 2;
    if (w(i) === 'the') i++;
    const what = w(i);
    if (what === 'day' || what === 'business' || what === 'today')
      return { end: i + 1, due: dayAt(0, undefined) };
    if (what === 'week') return { end: i + 1, due: endOfWeek(ctx, 0) };
    if (what === 'month') return { end: i + 1, due: endOfMonth(ctx, 0) };
    return undefined;
  }
  if (word === 'this') {
    const part = partOfDay(w(k + 1));
    if (part !== undefined) return { end: k + 2, due: dayAt(0, part) };
    if (w(k + 1) === 'week' || w(k + 1) === 'weekend')
      return { end: k + 2, due: endOfWeek(ctx, 0) };
    if (w(k + 1) === 'month') return { end: k + 2, due: endOfMonth(ctx, 0) };
  }
  if (word === 'the' && w(k + 1) === 'weekend') return { end: k + 2, due: endOfWeek(ctx, 0) };
  if (word === 'tomorrow') {
    const part = partOfDay(w(k + 1));
    return { end: part === undefined ? k + 1 : k + 2, due: dayAt(1, part) };
  }
  if (word === 'day' && w(k + 1) === 'after' && w(k + 2) === 'tomorrow') {
    return { end: k + 3, due: dayAt(2, undefined) };
  }
  if (word === 'next' && (w(k + 1) === 'week' || w(k + 1) === 'month')) {
    return {
      end: k + 2,
      due: w(k + 1) === 'week' ? endOfWeek(ctx, 1) : endOfMonth(ctx, 1),
    };
  }
  const weekday = WEEKDAYS.get(word);
  if (weekday !== undefined) {
    const before = w(k - 1);
    if (before === 'last' || before === 'since' || before === 'every' || w(k + 1) === 'ago')
      return undefined;
    const today = localDay(ctx.ms, ctx.offset).weekday;
    let ahead = (weekday - today + 7) % 7;
    if (before === 'next' && ahead === 0) ahead = 7;
    const part = partOfDay(w(k + 1));
    return { end: part === undefined ? k + 1 : k + 2, due: dayAt(ahead, part) };
  }
  if (PREPOSITIONS.has(word) || word === 'the') {
    return readDuration(tokens, k + 1, ctx);
  }
  return undefined;
}

/** Reads `[the] [next] N [-/to/or M] [more] [business|working] unit` from token `k`. */
function readDuration(tokens: readonly Token[], k: number, ctx: Context): Reading {
  const w = (i: number) => tokens[i]?.word;
  let i = k;
  if (w(i) === 'the') i++;
  if (w(i) === 'next' || w(i) === 'another') i++;
  if (w(i) === 'a' && (w(i + 1) === 'few' || w(i + 1) === 'couple')) i++;
  if (w(i) === 'few' || w(i) === 'several' || w(i) === 'couple') {
    const vague = w(i) !== 'couple';
    i++;
    if (w(i) === 'of') i++;
    const extra = w(i) === 'more' ? 1 : 0;
    const business = w(i + extra) === 'business' || w(i + extra) === 'working';
    const unit = UNITS.get(w(i + extra + (business ? 1 : 0)) ?? '');
    if (unit === undefined) return undefined;
    const end = i + extra + (business ? 2 : 1);
    return vague ? { end } : withDue(end, duration(ctx, 2, unit, business));
  }
  const glued = GLUED.exec(w(i) ?? '');
  if (glued !== null) {
    const unit = glued[2]?.startsWith('h') ? 'hour' : glued[2]?.startsWith('m') ? 'minute' : 'day';
    return withDue(i + 1, duration(ctx, Number(glued[1]), unit, false));
  }
  let count = countOf(w(i));
  if (count === undefined) {
    // "within the hour", "within the week".
    const unit = UNITS.get(w(i) ?? '');
    if (unit !== undefined && tokens[i - 1]?.word === 'the')
      return withDue(i + 1, duration(ctx, 1, unit, false));
    return undefined;
  }
  i++;
  if (w(i) === 'to' || w(i) === 'or') {
    const upper = countOf(w(i + 1));
    if (upper !== undefined) {
      count = Math.max(count, upper);
      i += 2;
    }
  }
  if (w(i) === 'more') i++;
  const business = w(i) === 'business' || w(i) === 'working';
  if (business) i++;
  const unit = UNITS.get(w(i) ?? '');
  if (unit === undefined) return undefined;
  return withDue(i + 1, duration(ctx, count, unit, business));
}

function withDue(end: number, due: number | undefined): Reading {
  return due === undefined ? { end } : { end, due };
}

/**
 * Finds the first due expression in the tokens of a sentence.
 *
 * @param text - the message text the tokens index into.
 * @param tokens - the folded tokens of the sentence.
 * @param ms - when the promise was made.
 * @param offset - the UTC offset (minutes) the message time was written in.
 * @param order - how to read ambiguous numeric dates.
 */
export function findDue(
  text: string,
  tokens: readonly Token[],
  ms: number,
  offset: number,
  order: DateOrder | undefined,
): FoundDue | undefined {
  const ctx: Context = { ms, offset };
  for (let k = 0; k < tokens.length; k++) {
    const reading = readAt(tokens, k, ctx);
    if (reading === undefined) continue;
    const first = tokens[k] as Token;
    const last = tokens[Math.max(k, reading.end - 1)] ?? first;
    const span = { start: first.start, end: last.end };
    const due = reading.due !== undefined && reading.due >= ms ? reading.due : undefined;
    return due === undefined ? span : { ...span, due };
  }
  // A calendar date ("by March 5") is due at the end of that day, when it is still ahead.
  const sentence =
    tokens.length === 0
      ? undefined
      : { start: tokens[0]?.start ?? 0, end: tokens[tokens.length - 1]?.end ?? 0 };
  if (sentence === undefined) return undefined;
  const slice = text.slice(sentence.start, sentence.end);
  for (const date of findDates(slice, ms, offset, order)) {
    if (date.relative) continue;
    const dayEnd = Date.UTC(date.year, date.month - 1, date.day) - offset * MINUTE + DAY - 1;
    const span = { start: sentence.start + date.start, end: sentence.start + date.end };
    return dayEnd >= ms ? { ...span, due: dayEnd } : span;
  }
  return undefined;
}

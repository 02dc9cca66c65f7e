import { ThreadlineError } from '../../core/errors.js';
import { normalizeEmail } from '../../normalize/email/email.js';
import { foldName } from '../../normalize/name/fold.js';
import { normalizeName } from '../../normalize/name/name.js';
import { nicknameRoots } from '../../normalize/name/nicknames.js';
import type { RegionCode } from '../../normalize/phone/phone.js';
import { normalizePhone } from '../../normalize/phone/phone.js';
import { normalizeHandle } from '../../normalize/social/handle.js';
import { phoneticKeys } from '../phonetic/index.js';
import type { TransformSpec } from '../spec/spec.js';

/** What a transform may need to know besides the value. */
export interface TransformContext {
  readonly region?: RegionCode;
}

/**
 * Where a {@link NormalizationMemo} keeps one normalizer's results: a `Map`, or any cache with
 * the same `get`, `set` and `size` (a bounded LRU cache, for a long-lived caller).
 *
 * @example
 * ```ts
 * import type { MemoTable } from 'threadline';
 *
 * const table: MemoTable<number> = new Map<string, number>();
 * table.set('a', 1);
 * console.log(table.get('a'), table.size); // 1 1
 * ```
 */
export interface MemoTable<T> {
  /** The remembered result for a raw value, if any. */
  get(key: string): T | undefined;
  /** Remembers a result (a bounded table may forget another to make room). */
  set(key: string, value: T): unknown;
  /** How many results are remembered. */
  readonly size: number;
}

/**
 * Normalizer results remembered while records are read: several inputs read the same field
 * through different transforms (an email as address, mailbox and user), and each raw value is
 * normalized once. Owned by the caller: one batch, or a long-lived reader such as the resolver,
 * which passes bounded tables.
 *
 * @example
 * ```ts
 * import { compileModel, newNormalizationMemo } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'email', levels: [{ kind: 'exact', transform: ['email'] }, { kind: 'else' }] }] });
 * const memo = newNormalizationMemo();
 * console.log(model.inputs[0]?.apply(['Ana@Example.com'], memo), memo.email.size); // [ 'ana@example.com' ] 1
 * ```
 */
export interface NormalizationMemo {
  readonly email: MemoTable<ReturnType<typeof normalizeEmail>>;
  readonly phone: MemoTable<ReturnType<typeof normalizePhone>>;
  readonly name: MemoTable<ReturnType<typeof normalizeName>>;
}

/**
 * A fresh, empty {@link NormalizationMemo}.
 *
 * @example
 * ```ts
 * import { newNormalizationMemo } from 'threadline';
 *
 * console.log(newNormalizationMemo().phone.size); // 0
 * ```
 */
export function newNormalizationMemo(): NormalizationMemo {
  return { email: new Map(), phone: new Map(), name: new Map() };
}

const MEMO_LIMIT = 2_000_000;

function remember<T>(map: MemoTable<T>, key: string, compute: () => T): T {
  const known = map.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (map.size < MEMO_LIMIT) map.set(key, value);
  return value;
}

/** A compiled transform: one value in, zero or more values out. */
export type ValueTransform = (
  value: string,
  out: string[],
  memo: NormalizationMemo | undefined,
) => void;

const EMPTY: readonly string[] = Object.freeze([]);

/** A field value as records carry it. */
export type FieldValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number)[];

/** Reads a raw field value as a list of non-empty strings. */
export function rawValues(value: unknown): readonly string[] {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : [value];
  if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : EMPTY;
  if (typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) for (const v of rawValues(item)) out.push(v);
    return out;
  }
  return EMPTY;
}

function push(out: string[], value: string | undefined): void {
  if (value !== undefined && value !== '') out.push(value);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST_SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

/**
 * Reads a date written in a common form as `YYYY-MM-DD`, or undefined. Day-first is assumed
 * for dotted dates (`24.06.1971`), and for slashed ones when the first number cannot be a
 * month; otherwise slashed dates are month-first. Impossible dates (31 February) give undefined.
 */
export function isoDate(text: string): string | undefined {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = ISO.exec(t) ?? COMPACT.exec(t) ?? YEAR_FIRST_SLASHED.exec(t);
  if (match !== null) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    match = SLASHED.exec(t);
    if (match === null) return undefined;
    const a = Number(match[1]);
    const b = Number(match[2]);
    y = Number(match[3]);
    const dayFirst = t.includes('.') || a > 12;
    m = dayFirst ? b : a;
    d = dayFirst ? a : b;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NON_DIGIT = /\D+/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const SPACES = /\s+/;

/** Compiles one transform spec into a function. */
export function compileTransform(spec: TransformSpec, context: TransformContext): ValueTransform {
  if (typeof spec === 'object') {
    switch (spec.fn) {
      case 'first':
        return (v, out, _memo) => push(out, Array.from(v).slice(0, spec.n).join(''));
      case 'last':
        return (v, out, _memo) => push(out, Array.from(v).slice(-spec.n).join(''));
      case 'handle':
        return (v, out, _memo) => {
          const h = normalizeHandle(spec.platform, v);
          if (h.matchable) push(out, h.handle);
        };
    }
  }
  const phoneOptions =
    context.region === undefined
      ? { lineType: false }
      : { region: context.region, lineType: false };
  switch (spec) {
    case 'trim':
      return (v, out, _memo) => push(out, v.trim());
    case 'lower':
      return (v, out, _memo) => push(out, v.toLowerCase());
    case 'fold':
      return (v, out, _memo) => push(out, foldName(v));
    case 'digits':
      return (v, out, _memo) => push(out, v.replace(NON_DIGIT, ''));
    case 'alnum':
      return (v, out, _memo) => push(out, v.toLowerCase().replace(NON_ALNUM, ''));
    case 'email':
      return (v, out, memo) => {
        const e =
          memo === undefined ? normalizeEmail(v) : remember(memo.email, v, () => normalizeEmail(v));
        if (e.matchable) push(out, e.key);
      };
    case 'email_canonical':
      return (v, out, memo) => {
        const e =
          memo === undefined ? normalizeEmail(v) : remember(memo.email, v, () => normalizeEmail(v));
        if (e.matchable) push(out, e.canonical);
      };
    case 'email_user':
      return (v, out, memo) => {
        const e =
          memo === undefined ? normalizeEmail(v) : remember(memo.email, v, () => normalizeEmail(v));
        if (e.matchable) push(out, e.user);
      };
    case 'email_domain':
      return (v, out, memo) => {
        const e =
          memo === undefined ? normalizeEmail(v) : remember(memo.email, v, () => normalizeEmail(v));
        if (e.matchable) push(out, e.domain);
      };
    case 'phone':
      return (v, out, memo) => {
        const p =
          memo === undefined
            ? normalizePhone(v, phoneOptions)
            : remember(memo.phone, v, () => normalizePhone(v, phoneOptions));
        if (p.matchable) push(out, p.e164);
      };
    case 'phone_national':
      return (v, out, memo) => {
        const p =
          memo === undefined
            ? normalizePhone(v, phoneOptions)
            : remember(memo.phone, v, () => normalizePhone(v, phoneOptions));
        if (p.matchable) push(out, p.nationalNumber);
      };
    case 'name':
      return (v, out, memo) => {
        const n =
          memo === undefined ? normalizeName(v) : remember(memo.name, v, () => normalizeName(v));
        if (n.matchable) push(out, n.full);
      };
    case 'given':
      return (v, out, memo) => {
        const n =
          memo === undefined ? normalizeName(v) : remember(memo.name, v, () => normalizeName(v));
        if (n.matchable) push(out, n.given);
      };
    case 'family':
      return (v, out, memo) => {
        const n =
          memo === undefined ? normalizeName(v) : remember(memo.name, v, () => normalizeName(v));
        if (n.matchable) push(out, n.familyJoined ?? n.family);
      };
    case 'initials':
      return (v, out, memo) => {
        const n =
          memo === undefined ? normalizeName(v) : remember(memo.name, v, () => normalizeName(v));
        if (n.matchable) push(out, n.initials);
      };
    case 'nickname':
      return (v, out, _memo) => {
        for (const root of nicknameRoots(v)) push(out, root);
      };
    case 'dmetaphone':
      return (v, out, _memo) => {
        for (const code of phoneticKeys(v)) push(out, code);
      };
    case 'tokens':
      return (v, out, _memo) => {
        for (const token of foldName(v).split(SPACES)) push(out, token);
      };
    case 'date':
      return (v, out, _memo) => push(out, isoDate(v));
    case 'year':
      return (v, out, _memo) =>
        push(out, isoDate(v)?.slice(0, 4) ?? (/^\d{4}$/.test(v.trim()) ? v.trim() : undefined));
    case 'month_day':
      return (v, out, _memo) => push(out, isoDate(v)?.slice(5));
  }
  throw new ThreadlineError('invalid_options', `Unknown transform ${JSON.stringify(spec)}`);
}

/** Compiles a chain of transforms; the chain maps a list of values to a list of values. */
export function compileChain(
  specs: readonly TransformSpec[] | undefined,
  context: TransformContext,
): (values: readonly string[], memo?: NormalizationMemo) => readonly string[] {
  if (specs === undefined || specs.length === 0) {
    return (values, _memo) => (values.length > 1 ? [...new Set(values)] : values);
  }
  const steps = specs.map((spec) => compileTransform(spec, context));
  return (values, memo) => {
    let current: readonly string[] = values;
    for (const step of steps) {
      const next: string[] = [];
      for (const value of current) step(value, next, memo);
      current = next;
      if (current.length === 0) return EMPTY;
    }
    // Duplicates would make list comparisons and blocking keys count a value twice.
    return current.length > 1 ? [...new Set(current)] : current;
  };
}

/** A stable text key for a field and transform chain, used to share prepared columns. */
export function inputKey(field: string, specs: readonly TransformSpec[] | undefined): string {
  return specs === undefined || specs.length === 0 ? field : `${field}|${JSON.stringify(specs)}`;
}

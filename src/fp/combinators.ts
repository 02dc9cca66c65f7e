import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { z } from 'zod';

// The io-ts combinators the model codecs are built from. Each mirrors one zod behaviour the
// model schemas rely on: strict objects that reject unknown keys, defaults, length-bounded
// strings and arrays, discriminated unions, plain-object records, and cross-field rules.
//
// zod goes on validating after some failures and not after others, and which failures it
// reports depends on it: a cross-field rule runs only when every failure so far was a check
// that lets validation continue (a string too long, an unknown key), and a length check runs
// even after a type error (a `[]` where a string was expected is also "too small") unless a
// failure explicitly halted validation (an array over its maximum, a fractional integer).
// Each coded error records its `flow`, so that the codecs report exactly what zod reports.

/**
 * How validation goes on after an error: `continue` (later checks and rules still run),
 * `abort` (rules stop, length checks still run) or `halt` (everything stops).
 */
export type Flow = 'continue' | 'abort' | 'halt';

/**
 * An io-ts validation error that also carries a threadline issue code and the {@link Flow}
 * zod gives it.
 */
export interface CodedError extends t.ValidationError {
  /** The issue code zod gives this failure (`too_big`, `unrecognized_keys`...). */
  readonly code: string;
  /** What zod still checks after it. */
  readonly flow: Flow;
}

/** True when the error carries a threadline issue code. */
export function isCodedError(error: t.ValidationError): error is CodedError {
  return typeof (error as Partial<CodedError>).code === 'string';
}

/** Issues after which zod stops running refinements. */
const ABORTING: ReadonlySet<string> = new Set([
  'invalid_type',
  'invalid_value',
  'invalid_union',
  'invalid_key',
]);

/** Whether zod would still run cross-field rules after this error. */
function isContinuable(error: t.ValidationError): boolean {
  return isCodedError(error) && error.flow === 'continue';
}

/** Whether this error stops zod's length checks too. Errors of other codecs count as aborts. */
function halts(error: t.ValidationError): boolean {
  return isCodedError(error) && error.flow === 'halt';
}

/** A failed validation with one coded error. */
function fail<A>(
  value: unknown,
  context: t.Context,
  code: string,
  message: string,
  flow: Flow = ABORTING.has(code) ? 'abort' : 'continue',
): t.Validation<A> {
  return t.failures([coded(value, context, code, message, flow)]);
}

function coded(
  value: unknown,
  context: t.Context,
  code: string,
  message: string,
  flow: Flow = ABORTING.has(code) ? 'abort' : 'continue',
): CodedError {
  return { value, context, message, code, flow };
}

/**
 * zod's length checks: they run on anything with a `length` (a string where an array was
 * expected too), count strings in code points, and compare whatever `length` holds.
 */
function lengthErrors(
  value: unknown,
  context: t.Context,
  min: number | undefined,
  max: number | undefined,
): CodedError[] {
  if (value === null || value === undefined) return [];
  const length: unknown = (value as { readonly length?: unknown }).length;
  if (length === undefined) return [];
  const size = typeof value === 'string' ? z.core.util.codePointLength(value) : (length as number);
  const origin = typeof value === 'string' ? 'string' : Array.isArray(value) ? 'array' : 'unknown';
  const unitOf = typeof value === 'string' ? 'characters' : 'items';
  const errors: CodedError[] = [];
  if (min !== undefined && !(size >= min)) {
    const message =
      origin === 'unknown'
        ? `Too small: expected unknown to be >=${min}`
        : `Too small: expected ${origin} to have >=${min} ${unitOf}`;
    errors.push(coded(value, context, 'too_small', message));
  }
  if (max !== undefined && !(size <= max)) {
    const message =
      origin === 'unknown'
        ? `Too big: expected unknown to be <=${max}`
        : `Too big: expected ${origin} to have <=${max} ${unitOf}`;
    errors.push(coded(value, context, 'too_big', message));
  }
  return errors;
}

/** The kind of value a message says was received, in zod's words. */
export function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return 'Infinity';
  }
  if (typeof value === 'object') {
    const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== 'Object' && name !== '' ? name : 'object';
  }
  return typeof value;
}

function typeError<A>(value: unknown, context: t.Context, expected: string): t.Validation<A> {
  return fail(
    value,
    context,
    'invalid_type',
    `Invalid input: expected ${expected}, received ${received(value)}`,
  );
}

/** The test zod's object schemas apply to their input: any non-null, non-array object. */
function isObjectLike(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/**
 * A string of `min` to `max` characters, as `z.string().min(min).max(max)` (no minimum check
 * when `min` is 0). Like zod, characters are Unicode code points, not UTF-16 units.
 */
export function text(min: number, max: number): t.Type<string, string, unknown> {
  const lower = min > 0 ? min : undefined;
  const fits = (s: string) => {
    const size = z.core.util.codePointLength(s);
    return size >= min && size <= max;
  };
  return new t.Type<string, string, unknown>(
    `string(${min}..${max})`,
    (u): u is string => typeof u === 'string' && fits(u),
    (u, c) => {
      const errors: t.ValidationError[] = [];
      if (typeof u !== 'string') {
        errors.push(
          coded(u, c, 'invalid_type', `Invalid input: expected string, received ${received(u)}`),
        );
      }
      errors.push(...lengthErrors(u, c, lower, max));
      return errors.length > 0 ? t.failures(errors) : t.success(u as string);
    },
    t.identity,
  );
}

/** A finite number within `[min, max]`, as `z.number().min(min).max(max)`. */
export function boundedNumber(min: number, max: number): t.Type<number, number, unknown> {
  return new t.Type<number, number, unknown>(
    `number(${min}..${max})`,
    (u): u is number => typeof u === 'number' && u >= min && u <= max,
    (u, c) => {
      if (typeof u !== 'number' || !Number.isFinite(u)) return typeError(u, c, 'number');
      if (u < min) return fail(u, c, 'too_small', `Too small: expected number to be >=${min}`);
      if (u > max) return fail(u, c, 'too_big', `Too big: expected number to be <=${max}`);
      return t.success(u);
    },
    t.identity,
  );
}

/** A non-negative safe integer, as `z.number().int().nonnegative()`. */
export const nonNegativeInt: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  'nonNegativeInt',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) => {
    if (typeof u !== 'number' || !Number.isFinite(u)) return typeError(u, c, 'number');
    if (!Number.isInteger(u)) {
      return fail(u, c, 'invalid_type', 'Invalid input: expected int, received number', 'halt');
    }
    // zod checks the safe range and the sign separately, and reports every one that fails.
    const errors: CodedError[] = [];
    if (u > Number.MAX_SAFE_INTEGER) {
      errors.push(
        coded(u, c, 'too_big', `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`),
      );
    }
    if (u < Number.MIN_SAFE_INTEGER) {
      errors.push(
        coded(u, c, 'too_small', `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`),
      );
    }
    if (u < 0) errors.push(coded(u, c, 'too_small', 'Too small: expected number to be >=0'));
    return errors.length > 0 ? t.failures(errors) : t.success(u);
  },
  t.identity,
);

/**
 * A string checked by a zod leaf schema of the model (an id, a timestamp, a region code),
 * decoded to that schema's output type. Only leaves are delegated this way, so that the model
 * has one definition of each format; every structure is an io-ts combinator. The schema must
 * not transform: its output is its input, at most branded, so encoding is the identity.
 */
export function zodLeaf<S extends z.ZodType<string, string>>(
  name: string,
  schema: S,
): t.Type<z.output<S>, z.input<S>, unknown> {
  return new t.Type<z.output<S>, z.input<S>, unknown>(
    name,
    (u): u is z.output<S> => schema.safeParse(u).success,
    (u, c) => {
      // The leaf sees the raw input, so a wrong type is reported in the schema's own words.
      const result = schema.safeParse(u);
      if (result.success) return t.success(result.data);
      return t.failures(result.error.issues.map((issue) => coded(u, c, issue.code, issue.message)));
    },
    (a) => a as z.input<S>,
  );
}

/** One of a fixed list of strings, as `z.enum(values)`. */
export function oneOf<V extends string>(name: string, values: readonly V[]): t.Type<V, V, unknown> {
  const allowed: ReadonlySet<string> = new Set(values);
  const is = (u: unknown): u is V => typeof u === 'string' && allowed.has(u);
  const expected = values.map((v) => JSON.stringify(v)).join('|');
  return new t.Type<V, V, unknown>(
    name,
    is,
    (u, c) =>
      is(u)
        ? t.success(u)
        : fail(u, c, 'invalid_value', `Invalid option: expected one of ${expected}`),
    t.identity,
  );
}

/**
 * The first of several codecs that accepts the input, as `z.union(members)`. A failure is one
 * `invalid_union` error naming the union rather than one error per member, as zod reports it.
 */
export function anyOf<CS extends [t.Mixed, t.Mixed, ...t.Mixed[]]>(
  name: string,
  members: CS,
): t.Type<t.TypeOf<CS[number]>, t.OutputOf<CS[number]>, unknown> {
  const inner = t.union(members);
  return new t.Type<t.TypeOf<CS[number]>, t.OutputOf<CS[number]>, unknown>(
    name,
    (u): u is t.TypeOf<CS[number]> => inner.is(u),
    (u, c) => {
      const result = inner.validate(u, c);
      return E.isRight(result)
        ? result
        : fail(u, c, 'invalid_union', `Invalid input: expected ${name}`);
    },
    (a) => inner.encode(a),
  );
}

/** A field that may be left out; `undefined` counts as left out. Mirrors `.optional()`. */
export class OptionalType<C extends t.Mixed> extends t.Type<
  t.TypeOf<C> | undefined,
  t.OutputOf<C> | undefined,
  unknown
> {
  /** Marks the field optional for {@link strictObject}. */
  readonly _tag = 'OptionalType' as const;
  /** The codec of the value when present. */
  readonly codec: C;

  constructor(codec: C) {
    super(
      codec.name,
      (u): u is t.TypeOf<C> | undefined => u === undefined || codec.is(u),
      (u, c) => (u === undefined ? t.success(undefined) : codec.validate(u, c)),
      (a) => (a === undefined ? undefined : codec.encode(a)),
    );
    this.codec = codec;
  }
}

/** Marks a field of a {@link strictObject} as optional. */
export function optional<C extends t.Mixed>(codec: C): OptionalType<C> {
  return new OptionalType(codec);
}

/**
 * A value that becomes `make()` when absent or `undefined`, as `.default(value)`. Like zod,
 * the default is not validated again, and a fresh copy is made each time.
 */
export function withDefault<C extends t.Mixed>(
  codec: C,
  make: () => t.TypeOf<C>,
): t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  return new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    codec.name,
    (u): u is t.TypeOf<C> => codec.is(u),
    (u, c) => (u === undefined ? t.success(make()) : codec.validate(u, c)),
    (a) => codec.encode(a),
  );
}

/**
 * An array of `item`s with a length within bounds, as `z.array(item).min(min).max(max)`. Like
 * zod, an array over the maximum is refused before its items are read (and nothing else is
 * checked), and the result is always a fresh array.
 */
export function arrayOf<C extends t.Mixed>(
  item: C,
  bounds: { readonly min?: number; readonly max?: number } = {},
): t.Type<t.TypeOf<C>[], t.OutputOf<C>[], unknown> {
  const { min, max } = bounds;
  const items = t.array(item);
  return new t.Type<t.TypeOf<C>[], t.OutputOf<C>[], unknown>(
    `Array<${item.name}>`,
    (u): u is t.TypeOf<C>[] =>
      items.is(u) &&
      (min === undefined || u.length >= min) &&
      (max === undefined || u.length <= max),
    (u, c) => {
      if (Array.isArray(u) && max !== undefined && u.length > max) {
        const message = `Too big: expected array to have <=${max} items`;
        return fail(u, c, 'too_big', message, 'halt');
      }
      const errors: t.ValidationError[] = [];
      const result = Array.isArray(u) ? items.validate(u, c) : undefined;
      if (result === undefined)
        errors.push(
          coded(u, c, 'invalid_type', `Invalid input: expected array, received ${received(u)}`),
        );
      else if (E.isLeft(result)) errors.push(...result.left);
      if (!errors.some(halts)) errors.push(...lengthErrors(u, c, min, max));
      if (result === undefined || E.isLeft(result) || errors.length > 0) return t.failures(errors);
      return t.success([...result.right]);
    },
    (a) => a.map((x) => item.encode(x)),
  );
}

/** The fields of a {@link strictObject}: a codec per key, {@link optional} for optional ones. */
export type Props = { readonly [key: string]: t.Mixed };

type OptionalKeys<P extends Props> = {
  [K in keyof P]: P[K] extends OptionalType<t.Mixed> ? K : never;
}[keyof P];
type RequiredKeys<P extends Props> = Exclude<keyof P, OptionalKeys<P>>;
type Flatten<T> = { [K in keyof T]: T[K] };

/** The decoded type of a {@link strictObject} with these fields. */
export type TypeOfProps<P extends Props> = Flatten<
  { [K in RequiredKeys<P>]: t.TypeOf<P[K]> } & { [K in OptionalKeys<P>]?: t.TypeOf<P[K]> }
>;

/** The encoded type of a {@link strictObject} with these fields. */
export type OutputOfProps<P extends Props> = Flatten<
  { [K in RequiredKeys<P>]: t.OutputOf<P[K]> } & { [K in OptionalKeys<P>]?: t.OutputOf<P[K]> }
>;

const PROTO_MESSAGE = 'the key "__proto__" is not allowed: it could reach the object prototype';

function protoError(input: unknown, context: t.Context): CodedError {
  const at = t.appendContext(context, '__proto__', t.unknown, undefined);
  return coded(input, at, 'forbidden_key', PROTO_MESSAGE);
}

/** A codec for an object with exactly the given fields. */
export class StrictObjectType<P extends Props> extends t.Type<
  TypeOfProps<P>,
  OutputOfProps<P>,
  unknown
> {
  /** Tells combinators and reporters this is an object of known fields. */
  readonly _tag = 'StrictObjectType' as const;
  /** The codec of each field. */
  readonly props: P;

  constructor(
    name: string,
    is: t.Is<TypeOfProps<P>>,
    validate: t.Validate<unknown, TypeOfProps<P>>,
    encode: t.Encode<TypeOfProps<P>, OutputOfProps<P>>,
    props: P,
  ) {
    super(name, is, validate, encode);
    this.props = props;
  }
}

/**
 * An object with exactly these fields, as `z.strictObject(props)`: unknown keys are refused
 * (an own `__proto__` is also reported as a forbidden key, as `parseInteraction` does), fields
 * are read even when inherited, and the result is a fresh object with the fields in
 * declaration order. An optional field given as `undefined` is kept as `undefined`.
 */
export function strictObject<P extends Props>(name: string, props: P): StrictObjectType<P> {
  const keys = Object.keys(props);
  const known: ReadonlySet<string> = new Set(keys);
  const isOptional = (codec: t.Mixed): boolean => codec instanceof OptionalType;
  const is = (u: unknown): u is TypeOfProps<P> => {
    if (!isObjectLike(u)) return false;
    for (const key in u) if (!known.has(key)) return false;
    for (const key of keys) {
      const codec = props[key] as t.Mixed;
      if (isOptional(codec) && !(key in u)) continue;
      if (!codec.is(u[key])) return false;
    }
    return true;
  };
  const validate = (u: unknown, c: t.Context): t.Validation<TypeOfProps<P>> => {
    if (!isObjectLike(u)) return typeError(u, c, 'object');
    const out: Record<string, unknown> = {};
    const errors: t.ValidationError[] = [];
    for (const key of keys) {
      const codec = props[key] as t.Mixed;
      if (isOptional(codec) && !(key in u)) continue;
      const value = u[key];
      const result = codec.validate(value, t.appendContext(c, key, codec, value));
      if (E.isLeft(result)) errors.push(...result.left);
      else out[key] = result.right;
    }
    // `for...in`, as zod uses: inherited enumerable keys count as unknown too.
    const unknown: string[] = [];
    for (const key in u) if (!known.has(key)) unknown.push(key);
    if (unknown.length > 0) {
      const list = unknown.map((k) => JSON.stringify(k)).join(', ');
      const noun = unknown.length === 1 ? 'key' : 'keys';
      errors.push(coded(u, c, 'unrecognized_keys', `Unrecognized ${noun}: ${list}`));
      if (Object.hasOwn(u, '__proto__')) errors.push(protoError(u, c));
    }
    return errors.length > 0 ? t.failures(errors) : t.success(out as TypeOfProps<P>);
  };
  const encode = (a: TypeOfProps<P>): OutputOfProps<P> => {
    const source: Readonly<Record<string, unknown>> = a;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (key in source) out[key] = (props[key] as t.Mixed).encode(source[key]);
    }
    return out as OutputOfProps<P>;
  };
  return new StrictObjectType(name, is, validate, encode, props);
}

/**
 * One of several object codecs, chosen by the string in their `tag` field, as
 * `z.discriminatedUnion(tag, members)`. `members` maps each tag value to its codec; an unknown
 * tag is reported at the tag's path.
 */
export function discriminatedUnion<M extends { readonly [value: string]: t.Mixed }>(
  name: string,
  tag: string,
  members: M,
): t.Type<t.TypeOf<M[keyof M]>, t.OutputOf<M[keyof M]>, unknown> {
  const pick = (u: unknown): t.Mixed | undefined => {
    if (!isObjectLike(u)) return undefined;
    const value = u[tag];
    return typeof value === 'string' && Object.hasOwn(members, value) ? members[value] : undefined;
  };
  const expected = Object.keys(members)
    .map((v) => `'${v}'`)
    .join(' | ');
  return new t.Type<t.TypeOf<M[keyof M]>, t.OutputOf<M[keyof M]>, unknown>(
    name,
    (u): u is t.TypeOf<M[keyof M]> => pick(u)?.is(u) === true,
    (u, c) => {
      if (!isObjectLike(u)) return typeError(u, c, 'object');
      const member = pick(u);
      if (member !== undefined) return member.validate(u, c);
      const value = u[tag];
      return fail(
        value,
        t.appendContext(c, tag, t.unknown, value),
        'invalid_union',
        `Invalid discriminator value. Expected ${expected}`,
      );
    },
    (a) => {
      const member = pick(a);
      return member === undefined ? a : member.encode(a);
    },
  );
}

/**
 * A record of string keys to values, as `z.record(key, value)`: the input must be a plain
 * object (zod's own test), every own enumerable key is checked (a symbol key is refused), and
 * an own `__proto__` key is refused as `parseInteraction` refuses it rather than dropped.
 */
export function plainRecord<K extends t.Type<string, string, unknown>, V extends t.Mixed>(
  name: string,
  key: K,
  value: V,
): t.Type<Record<t.TypeOf<K>, t.TypeOf<V>>, Record<string, t.OutputOf<V>>, unknown> {
  type A = Record<t.TypeOf<K>, t.TypeOf<V>>;
  const entries = (u: Record<PropertyKey, unknown>) =>
    Reflect.ownKeys(u).filter(
      (k) => k !== '__proto__' && Object.prototype.propertyIsEnumerable.call(u, k),
    );
  return new t.Type<A, Record<string, t.OutputOf<V>>, unknown>(
    name,
    (u): u is A =>
      z.core.util.isPlainObject(u) &&
      !Object.hasOwn(u, '__proto__') &&
      entries(u).every((k) => typeof k === 'string' && key.is(k) && value.is(u[k])),
    (u, c) => {
      if (!z.core.util.isPlainObject(u)) return typeError(u, c, 'record');
      const out: Record<string, unknown> = {};
      const errors: t.ValidationError[] = [];
      if (Object.hasOwn(u, '__proto__')) errors.push(protoError(u, c));
      for (const k of entries(u)) {
        const at = t.appendContext(c, String(k), key, k);
        const keyResult = typeof k === 'string' ? key.validate(k, at) : undefined;
        if (keyResult === undefined || E.isLeft(keyResult)) {
          const why = keyResult === undefined ? [] : keyResult.left.map((e) => e.message ?? '');
          const detail = why.filter((m) => m !== '').join('; ');
          const message =
            detail === '' ? 'Invalid key in record' : `Invalid key in record: ${detail}`;
          errors.push(coded(k, at, 'invalid_key', message));
          continue;
        }
        const v = u[k];
        const result = value.validate(v, t.appendContext(c, keyResult.right, value, v));
        if (E.isLeft(result)) errors.push(...result.left);
        else out[keyResult.right] = result.right;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as A);
    },
    (a) => {
      const out: Record<string, t.OutputOf<V>> = {};
      for (const k of Object.keys(a)) out[k] = value.encode((a as Record<string, unknown>)[k]);
      return out;
    },
  );
}

/** A problem a cross-field rule found, at a path relative to the value checked. */
export interface RuleIssue {
  /** Where the problem is, from the value the rule checked. */
  readonly path: readonly (string | number)[];
  /** What is wrong, for people. */
  readonly message: string;
}

/**
 * Adds cross-field rules to a codec, as `.superRefine(rules)`. The rules read the value
 * defensively, because, like zod, they also run when the fields only failed checks that let
 * validation continue (a string too long, an unknown key): they then see the input as given.
 */
export function withRules<C extends t.Mixed>(
  codec: C,
  rules: (value: unknown) => readonly RuleIssue[],
): t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  const toErrors = (root: unknown, c: t.Context, found: readonly RuleIssue[]): t.Errors =>
    found.flatMap((issue) => {
      let context = c;
      let actual = root;
      for (const segment of issue.path) {
        actual =
          isObjectLike(actual) || Array.isArray(actual) ? readAt(actual, segment) : undefined;
        context = t.appendContext(context, String(segment), codec, actual);
      }
      return [coded(actual, context, 'custom', issue.message)];
    });
  return new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    codec.name,
    (u): u is t.TypeOf<C> => codec.is(u) && rules(u).length === 0,
    (u, c) => {
      const result = codec.validate(u, c);
      if (E.isRight(result)) {
        const found = rules(result.right);
        return found.length === 0 ? result : t.failures(toErrors(result.right, c, found));
      }
      if (!result.left.every(isContinuable)) return result;
      return t.failures([...result.left, ...toErrors(u, c, rules(u))]);
    },
    (a) => codec.encode(a),
  );
}

function readAt(container: object, segment: string | number): unknown {
  return (container as Record<string | number, unknown>)[segment];
}

/** Reads a field of a value that may not be an object. */
export function field(value: unknown, key: string): unknown {
  return isObjectLike(value) ? value[key] : undefined;
}

/** Reads a value as a list, `[]` when it is not an array (absent, as a zod default gives). */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

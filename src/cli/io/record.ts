/**
 * A JSON value as `JSON.parse` produces it.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { JsonValue } from './io/index.js';
 *
 * const value: JsonValue = { tags: ['vip'], score: 3, verified: true, note: null };
 * console.log(JSON.stringify(value));
 * ```
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * One input record: column or key names to values. CSV and TSV values are always strings (the
 * header gives the names); JSONL values are kept exactly as written, so they may be numbers,
 * booleans, `null`, arrays or nested objects. Records have no prototype, so a column called
 * `constructor` or `toString` reads as data (or as absent), never as an inherited method.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { valueToText, type InputRecord } from './io/index.js';
 *
 * const record: InputRecord = Object.assign(Object.create(null), { id: 7, email: 'a@b.io' });
 * console.log(valueToText(record.id)); // 7
 * ```
 */
export type InputRecord = Readonly<Record<string, JsonValue>>;

/**
 * The text of a record value, for use as an id or a comparison input: strings as they are,
 * numbers and booleans as `String` renders them, arrays and objects as JSON, and `null` or a
 * missing value as `undefined` (so a caller can tell "absent" from "empty string").
 *
 * @param value - a value read from a record, or `undefined` when the key is absent.
 * @returns its text, or `undefined`.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { valueToText } from './io/index.js';
 *
 * console.log(valueToText(42), valueToText(''), valueToText(null)); // 42  undefined
 * ```
 */
export function valueToText(value: JsonValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

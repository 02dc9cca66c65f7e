import { inputError, optionsError } from './errors.js';
import type { InputRecord } from './record.js';

/**
 * One record read from a JSONL line, with the 1-based line it came from.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { JsonlParser, type JsonlEntry } from './io/index.js';
 *
 * const entries: JsonlEntry[] = new JsonlParser().push('{"id":1}\n');
 * console.log(entries[0]?.line); // 1
 * ```
 */
export interface JsonlEntry {
  readonly record: InputRecord;
  readonly line: number;
}

/**
 * Options of {@link JsonlParser}.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { JsonlParser, type JsonlParserOptions } from './io/index.js';
 *
 * const options: JsonlParserOptions = { source: 'contacts.jsonl', maxLineSize: 65536 };
 * console.log(new JsonlParser(options).end()); // []
 * ```
 */
export interface JsonlParserOptions {
  /**
   * The longest line accepted, in UTF-16 code units (default 16 MiB), so that a file without
   * line breaks fails fast instead of being buffered whole.
   */
  readonly maxLineSize?: number;
  /** The name used in error messages, usually the file path (default `<input>`). */
  readonly source?: string;
}

/** The default for {@link JsonlParserOptions.maxLineSize}: 16 MiB of UTF-16 code units. */
export const DEFAULT_MAX_LINE_SIZE = 16 * 1024 * 1024;

const POSITION = /at position (\d+)/;

/**
 * A streaming JSON Lines parser: one JSON object per line, LF or CRLF line endings, blank lines
 * skipped, an optional UTF-8 byte order mark dropped. Push text in chunks of any size; each call
 * returns the records completed so far, each with its line number.
 *
 * It throws a `ThreadlineError` with code `invalid_input`, naming the source and line, when a
 * line is not valid JSON, holds something other than an object (an array, a string, `null`…),
 * contains a `__proto__` key at any depth (such keys are a prototype-pollution vector for
 * whatever consumes the record next), or is longer than `maxLineSize`. Records are returned
 * without a prototype (see {@link InputRecord}).
 *
 * @example
 * ```ts
 * // from src/cli
 * import { JsonlParser } from './io/index.js';
 *
 * const parser = new JsonlParser({ source: 'people.jsonl' });
 * const entries = [...parser.push('{"id":1}\n\n{"id"'), ...parser.push(':2}'), ...parser.end()];
 * console.log(entries.map((e) => [e.line, e.record.id])); // [ [ 1, 1 ], [ 3, 2 ] ]
 * ```
 */
export class JsonlParser {
  readonly #maxLineSize: number;
  readonly #source: string;
  #rest = '';
  #line = 1;
  #atStart = true;

  /**
   * @param options - the line size limit and the source name for error messages.
   * @throws ThreadlineError with code `invalid_options` for a bad limit.
   */
  constructor(options: JsonlParserOptions = {}) {
    const max = options.maxLineSize ?? DEFAULT_MAX_LINE_SIZE;
    if (!Number.isSafeInteger(max) || max < 1) {
      throw optionsError('maxLineSize', `expected a positive integer, got ${String(max)}`);
    }
    this.#maxLineSize = max;
    this.#source = options.source ?? '<input>';
  }

  /**
   * Parses the next piece of text.
   *
   * @param chunk - any amount of text, continuing exactly where the previous chunk stopped.
   * @returns the records whose lines this chunk completed.
   */
  push(chunk: string): JsonlEntry[] {
    const entries: JsonlEntry[] = [];
    if (chunk.length === 0) return entries;
    let start = 0;
    if (this.#atStart) {
      this.#atStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
    }
    let newline = chunk.indexOf('\n', start);
    if (newline === -1) {
      this.#rest += start === 0 ? chunk : chunk.slice(start);
      this.#checkSize(this.#rest.length);
      return entries;
    }
    this.#take(this.#rest + chunk.slice(start, newline), entries);
    start = newline + 1;
    newline = chunk.indexOf('\n', start);
    while (newline !== -1) {
      this.#take(chunk.slice(start, newline), entries);
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    this.#rest = chunk.slice(start);
    this.#checkSize(this.#rest.length);
    return entries;
  }

  /**
   * Signals the end of the input and returns the record on the last line, if the text did not
   * end with a line break.
   */
  end(): JsonlEntry[] {
    const entries: JsonlEntry[] = [];
    const rest = this.#rest;
    this.#rest = '';
    if (rest.length > 0) this.#take(rest, entries);
    return entries;
  }

  #take(text: string, entries: JsonlEntry[]): void {
    const line = this.#line++;
    this.#checkSize(text.length, line);
    // A CR left by a CRLF ending is whitespace to JSON.parse, like any other padding.
    if (isBlank(text)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const position = POSITION.exec(reason)?.[1];
      throw inputError(
        this.#source,
        position === undefined ? { line } : { line, column: Number(position) + 1 },
        'invalid_json',
        `not valid JSON (${reason})`,
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
      throw inputError(
        this.#source,
        { line },
        'not_an_object',
        `expected a JSON object on each line, found ${kind}`,
      );
    }
    const proto = findProtoKey(value, []);
    if (proto !== undefined) {
      throw inputError(
        this.#source,
        { line, column: proto.length === 0 ? '__proto__' : [...proto, '__proto__'].join('.') },
        'forbidden_key',
        'a "__proto__" key is refused: it could pollute object prototypes downstream',
      );
    }
    Object.setPrototypeOf(value, null);
    entries.push({ record: value as InputRecord, line });
  }

  #checkSize(length: number, line = this.#line): void {
    if (length > this.#maxLineSize) {
      throw inputError(
        this.#source,
        { line },
        'line_too_large',
        `this line is longer than ${this.#maxLineSize} characters (maxLineSize)`,
      );
    }
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The four whitespace characters JSON allows.
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

/** The path to the first object holding an own `__proto__` key, or undefined. */
function findProtoKey(value: object, path: string[]): string[] | undefined {
  if (Object.hasOwn(value, '__proto__')) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) {
        const found = findProtoKey(item, [...path, String(i)]);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) {
      const found = findProtoKey(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

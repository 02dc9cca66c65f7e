import { inputError, optionsError } from './errors.js';

/**
 * Options of {@link CsvParser} and {@link parseCsv}.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { CsvParser, type CsvParserOptions } from './io/index.js';
 *
 * const options: CsvParserOptions = { delimiter: '\t', source: 'contacts.tsv' };
 * console.log(new CsvParser(options).push('a\tb\n')[0]?.fields); // [ 'a', 'b' ]
 * ```
 */
export interface CsvParserOptions {
  /** One character that separates fields: `,` (the default) or `\t`; never `"`, CR or LF. */
  readonly delimiter?: string;
  /**
   * The longest field accepted, in UTF-16 code units (default 1 MiB). A field that grows past it
   * is refused, so an unterminated quote in a huge file fails fast instead of buffering the rest
   * of the file.
   */
  readonly maxFieldSize?: number;
  /** The most fields one row may have (default 10,000), for the same reason. */
  readonly maxColumns?: number;
  /** The name used in error messages, usually the file path (default `<input>`). */
  readonly source?: string;
}

/**
 * One parsed CSV row: its fields, and the 1-based physical line on which it starts (a quoted
 * field may span lines, so the next row can start several lines later).
 *
 * @example
 * ```ts
 * // from src/cli
 * import { parseCsv, type CsvRow } from './io/index.js';
 *
 * const rows: readonly CsvRow[] = parseCsv('a,"b\nc"\nd,e\n');
 * console.log(rows.map((row) => row.line)); // [ 1, 3 ]
 * ```
 */
export interface CsvRow {
  readonly fields: string[];
  readonly line: number;
}

/** The default for {@link CsvParserOptions.maxFieldSize}: 1 MiB of UTF-16 code units. */
export const DEFAULT_MAX_FIELD_SIZE = 1024 * 1024;
/** The default for {@link CsvParserOptions.maxColumns}. */
export const DEFAULT_MAX_COLUMNS = 10_000;

const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;

// Parser states. Plain numbers rather than a `const enum`, which isolatedModules forbids.
const ROW_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
/** Just after a quote inside a quoted field: either the closing quote or half of `""`. */
const QUOTED_QUOTE = 4;

/**
 * A streaming, incremental RFC 4180 parser. Feed it text in chunks of any size with
 * {@link CsvParser.push} and finish with {@link CsvParser.end}; each call returns the rows it
 * completed. Chunk boundaries may fall anywhere, even inside a quoted field, between CR and LF or
 * between the two quotes of `""`: the rows are the same however the text is split.
 *
 * The dialect: fields are separated by the delimiter, records end with CRLF, LF or a lone CR,
 * a field is quoted with `"` and a quote inside it is doubled. Quoted fields keep their line
 * breaks as written. Spaces are data (`a, b` gives `' b'`). A leading UTF-8 byte order mark is
 * dropped. Blank lines (nothing at all between two line breaks) are skipped, so a trailing line
 * break never makes an extra row; a row holding one empty field must therefore be written `""`,
 * which the writers of this folder do.
 *
 * The parser is strict: a quote inside an unquoted field (`ab"c`), text after a closing quote
 * (`"ab"c`), an unterminated quote, a field longer than `maxFieldSize` or a row with more than
 * `maxColumns` fields throws a `ThreadlineError` with code `invalid_input` whose message names
 * the source, line and column. Once it has thrown, the parser must not be used again.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { CsvParser } from './io/index.js';
 *
 * const parser = new CsvParser();
 * const rows = [...parser.push('id,note\n1,"say ""hi'), ...parser.push('"""\r'), ...parser.end()];
 * console.log(rows.map((row) => row.fields)); // [ [ 'id', 'note' ], [ '1', 'say "hi"' ] ]
 * ```
 */
export class CsvParser {
  readonly #delimiter: number;
  readonly #maxFieldSize: number;
  readonly #maxColumns: number;
  readonly #source: string;

  #state = ROW_START;
  /** Text of the current field carried over from earlier chunks (or before a `""`). */
  #partial = '';
  #fields: string[] = [];
  #rowLine = 1;
  #line = 1;
  /** Absolute offset (in code units since the start of the input) of the current line. */
  #lineStart = 0;
  /** Absolute offset of the first code unit of the next chunk. */
  #base = 0;
  #lastCode = -1;
  #atStart = true;
  #quoteLine = 1;
  #quoteColumn = 1;

  /**
   * @param options - delimiter, size limits and the source name for error messages.
   * @throws ThreadlineError with code `invalid_options` for a bad delimiter or limit.
   */
  constructor(options: CsvParserOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
      throw optionsError('delimiter', 'expected one character other than a quote, CR or LF');
    }
    this.#delimiter = delimiter.charCodeAt(0);
    this.#maxFieldSize = positiveInteger(
      'maxFieldSize',
      options.maxFieldSize,
      DEFAULT_MAX_FIELD_SIZE,
    );
    this.#maxColumns = positiveInteger('maxColumns', options.maxColumns, DEFAULT_MAX_COLUMNS);
    this.#source = options.source ?? '<input>';
  }

  /**
   * Parses the next piece of text.
   *
   * @param chunk - any amount of text, continuing exactly where the previous chunk stopped.
   * @returns the rows completed by this chunk, in order (often none, or many).
   */
  push(chunk: string): CsvRow[] {
    const rows: CsvRow[] = [];
    const n = chunk.length;
    if (n === 0) return rows;
    let i = 0;
    if (this.#atStart) {
      this.#atStart = false;
      if (chunk.charCodeAt(0) === BOM) {
        i = 1;
        this.#lineStart = 1;
      }
    }
    const delimiter = this.#delimiter;
    const base = this.#base;
    let state = this.#state;
    let partial = this.#partial;
    let fields = this.#fields;
    let fieldStart = i;

    // Everything the loop touches lives in locals; the fields are written back at the end.
    scan: while (i < n) {
      let c = chunk.charCodeAt(i);
      if (state === UNQUOTED) {
        // Most characters are plain data: skip over them without going round the state machine.
        while (c !== delimiter && c !== LF && c !== CR && c !== QUOTE) {
          if (++i === n) break scan;
          c = chunk.charCodeAt(i);
        }
        if (c === delimiter) {
          this.#add(fields, partial + chunk.slice(fieldStart, i));
          partial = '';
          state = FIELD_START;
        } else if (c === LF || c === CR) {
          this.#add(fields, partial + chunk.slice(fieldStart, i));
          partial = '';
          rows.push({ fields, line: this.#rowLine });
          fields = [];
          this.#newline(c, chunk, i, base);
          state = ROW_START;
        } else if (c === QUOTE) {
          throw this.#error(
            'unexpected_quote',
            base + i,
            'a quote inside an unquoted field; quote the whole field and double the quotes inside it',
          );
        }
      } else if (state === QUOTED) {
        while (c !== QUOTE && c !== LF && c !== CR) {
          if (++i === n) break scan;
          c = chunk.charCodeAt(i);
        }
        if (c === QUOTE) {
          partial += chunk.slice(fieldStart, i);
          state = QUOTED_QUOTE;
        } else if (c === LF || c === CR) {
          this.#newline(c, chunk, i, base);
        }
      } else if (state === QUOTED_QUOTE) {
        if (c === QUOTE) {
          partial += '"';
          fieldStart = i + 1;
          state = QUOTED;
        } else if (c === delimiter) {
          this.#add(fields, partial);
          partial = '';
          state = FIELD_START;
        } else if (c === LF || c === CR) {
          this.#add(fields, partial);
          partial = '';
          rows.push({ fields, line: this.#rowLine });
          fields = [];
          this.#newline(c, chunk, i, base);
          state = ROW_START;
        } else {
          throw this.#error(
            'text_after_quote',
            base + i,
            'unexpected text after a closing quote; a quoted field must end at a delimiter or line break',
          );
        }
      } else {
        // ROW_START or FIELD_START: the first character of a field decides its kind.
        if (state === ROW_START && c !== LF && c !== CR) this.#rowLine = this.#line;
        if (c === QUOTE) {
          this.#quoteLine = this.#line;
          this.#quoteColumn = base + i - this.#lineStart + 1;
          fieldStart = i + 1;
          state = QUOTED;
        } else if (c === delimiter) {
          this.#add(fields, '');
          state = FIELD_START;
        } else if (c === LF || c === CR) {
          // At ROW_START this is a blank line (or the LF of a CRLF): nothing to emit.
          if (state === FIELD_START) {
            this.#add(fields, '');
            rows.push({ fields, line: this.#rowLine });
            fields = [];
            state = ROW_START;
          }
          this.#newline(c, chunk, i, base);
        } else {
          fieldStart = i;
          state = UNQUOTED;
        }
      }
      i++;
    }

    if (state === UNQUOTED || state === QUOTED) {
      partial += chunk.slice(fieldStart, n);
      if (partial.length > this.#maxFieldSize) throw this.#fieldTooLarge();
    }
    this.#state = state;
    this.#partial = partial;
    this.#fields = fields;
    this.#base = base + n;
    this.#lastCode = chunk.charCodeAt(n - 1);
    return rows;
  }

  /**
   * Signals the end of the input and returns the last row, if the text did not end with a line
   * break.
   *
   * @throws ThreadlineError with code `invalid_input` if a quoted field is still open.
   */
  end(): CsvRow[] {
    const state = this.#state;
    this.#state = ROW_START;
    if (state === QUOTED) {
      throw inputError(
        this.#source,
        { line: this.#quoteLine, column: this.#quoteColumn },
        'unterminated_quote',
        'this quoted field is never closed; the file ends inside it',
      );
    }
    if (state === ROW_START) return [];
    // An unquoted field is still in `partial`, a closed quoted one too; after a delimiter the
    // last field is empty, which `partial` also is.
    this.#add(this.#fields, this.#partial);
    const row = { fields: this.#fields, line: this.#rowLine };
    this.#partial = '';
    this.#fields = [];
    return [row];
  }

  #add(fields: string[], value: string): void {
    if (value.length > this.#maxFieldSize) throw this.#fieldTooLarge();
    if (fields.length >= this.#maxColumns) throw this.#tooManyColumns();
    fields.push(value.length < DETACH_FROM ? value : detach(value));
  }

  #newline(c: number, chunk: string, i: number, base: number): void {
    // CRLF is one line break: the LF only moves the line start.
    const previous = i > 0 ? chunk.charCodeAt(i - 1) : this.#lastCode;
    if (c === CR || previous !== CR) this.#line++;
    this.#lineStart = base + i + 1;
  }

  #error(code: string, offset: number, message: string): Error {
    return inputError(
      this.#source,
      { line: this.#line, column: offset - this.#lineStart + 1 },
      code,
      message,
    );
  }

  #fieldTooLarge(): Error {
    return inputError(
      this.#source,
      { line: this.#rowLine },
      'field_too_large',
      `a field in the row starting here is longer than ${this.#maxFieldSize} characters (maxFieldSize); is a quote left open?`,
    );
  }

  #tooManyColumns(): Error {
    return inputError(
      this.#source,
      { line: this.#rowLine },
      'too_many_columns',
      `the row starting here has more than ${this.#maxColumns} fields (maxColumns)`,
    );
  }
}

/**
 * V8 copies slices shorter than this; longer ones point into the string they were cut from.
 */
const DETACH_FROM = 13;

/**
 * Returns a copy of `value` that does not point into the chunk it was sliced from. A field kept
 * by the caller (an id, an email) would otherwise keep its whole 64 KiB chunk alive: keeping one
 * field in every five hundred rows of a 50 MB file kept all 50 MB. Concatenating builds a new
 * string, and slicing that flattens it into fresh memory; the copy costs less than 10% of the
 * parse.
 */
function detach(value: string): string {
  return ` ${value}`.slice(1);
}

/**
 * Parses a whole CSV text at once: a convenience over {@link CsvParser} for small inputs and
 * tests. Files should be streamed with `readRecords` instead.
 *
 * @param text - the complete CSV text.
 * @param options - as for {@link CsvParser}.
 * @returns every row, the header included, each with the line it starts on.
 * @throws ThreadlineError with code `invalid_input` for malformed text.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { parseCsv } from './io/index.js';
 *
 * console.log(parseCsv('name,city\r\n"Doe, Jane",Paris\r\n').map((row) => row.fields));
 * // [ [ 'name', 'city' ], [ 'Doe, Jane', 'Paris' ] ]
 * ```
 */
export function parseCsv(text: string, options: CsvParserOptions = {}): CsvRow[] {
  const parser = new CsvParser(options);
  const rows = parser.push(text);
  for (const row of parser.end()) rows.push(row);
  return rows;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw optionsError(name, `expected a positive integer, got ${String(value)}`);
  }
  return value;
}

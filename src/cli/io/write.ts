import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ThreadlineError } from '../../core/errors.js';
import { optionsError } from './errors.js';
import { detectFormat, type RecordFormat } from './read.js';
import type { JsonValue } from './record.js';

/**
 * A value a writer accepts in one cell. `null` and `undefined` are written as an empty CSV
 * field (and dropped or kept as `null` in JSONL); numbers and booleans as their text; arrays and
 * objects as JSON text in CSV.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { CellValue } from './io/index.js';
 *
 * const cells: CellValue[] = ['c-1', 0.93, true, null];
 * console.log(cells.length); // 4
 * ```
 */
export type CellValue = JsonValue | undefined;

/**
 * One row for a writer: either values in header order, or a record looked up by header names
 * (absent names give empty fields).
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { WriterRow } from './io/index.js';
 *
 * const asArray: WriterRow = ['c-1', 'r-17'];
 * const asRecord: WriterRow = { cluster_id: 'c-1', record_id: 'r-17' };
 * console.log(asArray, asRecord);
 * ```
 */
export type WriterRow = readonly CellValue[] | Readonly<Record<string, CellValue>>;

/**
 * A streaming record writer. `write` resolves once the row is buffered and the destination can
 * take more (awaiting it is how backpressure reaches the caller); `close` flushes everything
 * and, for a file the writer opened, resolves only once the file is closed. A failed write to
 * the destination is reported by the next `write` or by `close`.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { createCsvWriter, type RecordWriter } from './io/index.js';
 *
 * const writer: RecordWriter = createCsvWriter('clusters.csv', ['cluster_id', 'record_id']);
 * await writer.write(['c-1', 'r-17']);
 * await writer.close();
 * console.log(writer.rowsWritten); // 1
 * ```
 */
export interface RecordWriter {
  /** Appends one row (not counting a CSV header). */
  write(row: WriterRow): Promise<void>;
  /** Flushes and finishes the output. Further writes throw. */
  close(): Promise<void>;
  /** How many rows `write` accepted so far. */
  readonly rowsWritten: number;
}

/**
 * Options of the writers.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { createCsvWriter, type WriterOptions } from './io/index.js';
 *
 * const options: WriterOptions = { delimiter: '\t' };
 * const writer = createCsvWriter(process.stdout, ['id'], options);
 * await writer.write(['a']);
 * await writer.close();
 * ```
 */
export interface WriterOptions {
  /** CSV: the field delimiter (default `,`; a tab for `.tsv` in {@link openRecordWriter}). */
  readonly delimiter?: string;
  /**
   * How much text (UTF-16 code units) to gather before handing it to the stream (default
   * 64 Ki): one large write costs far less than thousands of small ones.
   */
  readonly bufferSize?: number;
}

/**
 * Creates a CSV writer. The header is written first. Fields are quoted only when they must be
 * (they contain the delimiter, a quote, CR or LF; start or end with a space or tab, which other
 * readers would trim; start with a byte order mark; or are the only, empty, field of a row, which
 * would otherwise read as a blank line). Quotes are doubled, lines end with LF, the text is
 * UTF-8 without a byte order mark; `parseCsv` reads every written table back unchanged (apart
 * from lone UTF-16 surrogates, which UTF-8 cannot carry and become U+FFFD in a file).
 *
 * Values are written as given: there is deliberately no guard against spreadsheet formula
 * injection (prefixing `=`, `+`, `-`, `@` with a quote). The writer emits ids, scores and the
 * caller's own data for other programs to read back, and such a guard would alter negative
 * numbers and any id that starts with those characters.
 *
 * @param target - a file path (created or truncated) or a writable text stream such as
 *   `process.stdout`, which `close` flushes but leaves open.
 * @param header - the column names, in order.
 * @param options - delimiter and buffer size.
 * @returns the writer.
 * @throws ThreadlineError with code `invalid_options` for an empty header or a bad option, and
 *   from `write` for an array row whose length differs from the header's.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { createCsvWriter } from './io/index.js';
 *
 * const writer = createCsvWriter(process.stdout, ['id', 'note']);
 * await writer.write(['1', 'say "hi", then leave']);
 * await writer.close();
 * // id,note
 * // 1,"say ""hi"", then leave"
 * ```
 */
export function createCsvWriter(
  target: string | Writable,
  header: readonly string[],
  options: WriterOptions = {},
): RecordWriter {
  if (header.length === 0) throw optionsError('header', 'expected at least one column name');
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw optionsError('delimiter', 'expected one character other than a quote, CR or LF');
  }
  const sink = new TextSink(target, bufferSize(options));
  const names = [...header];
  const width = names.length;
  const encode = csvFieldEncoder(delimiter);
  const line = (cells: readonly CellValue[]): string => {
    if (width === 1) {
      const only = encode(cells[0]);
      return only === '' ? '""\n' : `${only}\n`;
    }
    let text = encode(cells[0]);
    for (let i = 1; i < width; i++) text += delimiter + encode(cells[i]);
    return `${text}\n`;
  };
  sink.queue(line(names));
  let rows = 0;
  return {
    get rowsWritten() {
      return rows;
    },
    write(row) {
      let cells: readonly CellValue[];
      if (isArrayRow(row)) {
        if (row.length !== width) {
          return Promise.reject(
            optionsError(
              'row',
              `expected ${width} values (one per header column), got ${row.length}`,
            ),
          );
        }
        cells = row;
      } else {
        cells = names.map((name) => (Object.hasOwn(row, name) ? row[name] : undefined));
      }
      rows++;
      return sink.append(line(cells));
    },
    close: () => sink.close(),
  };
}

/**
 * Creates a JSON Lines writer: one `JSON.stringify`d object per line, LF endings, UTF-8.
 * `JSON.stringify` escapes lone surrogates, so every string survives the round trip through a
 * file. Without a header each record is written as given (keys with an `undefined` value are
 * dropped, as JSON has no `undefined`); with one, array rows are zipped with it and records are
 * narrowed to its keys, in its order, with absent keys written as `null`.
 *
 * @param target - a file path (created or truncated) or a writable text stream.
 * @param header - optional key names; required to write array rows.
 * @param options - buffer size.
 * @returns the writer.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { createJsonlWriter } from './io/index.js';
 *
 * const writer = createJsonlWriter(process.stdout);
 * await writer.write({ cluster_id: 'c-1', record_id: 'r-17', score: 0.97 });
 * await writer.close();
 * // {"cluster_id":"c-1","record_id":"r-17","score":0.97}
 * ```
 */
export function createJsonlWriter(
  target: string | Writable,
  header?: readonly string[],
  options: WriterOptions = {},
): RecordWriter {
  if (header !== undefined && header.length === 0) {
    throw optionsError('header', 'expected at least one key name, or no header at all');
  }
  const sink = new TextSink(target, bufferSize(options));
  const names = header === undefined ? undefined : [...header];
  let rows = 0;
  return {
    get rowsWritten() {
      return rows;
    },
    write(row) {
      let value: unknown = row;
      if (names !== undefined) {
        if (isArrayRow(row) && row.length !== names.length) {
          return Promise.reject(
            optionsError('row', `expected ${names.length} values (one per key), got ${row.length}`),
          );
        }
        const object: Record<string, CellValue> = {};
        for (let i = 0; i < names.length; i++) {
          const name = names[i] as string;
          const cell = isArrayRow(row) ? row[i] : Object.hasOwn(row, name) ? row[name] : undefined;
          // defineProperty, not assignment: a key named `__proto__` must stay an own key.
          Object.defineProperty(object, name, {
            value: cell ?? null,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        value = object;
      } else if (isArrayRow(row)) {
        return Promise.reject(optionsError('row', 'array rows need a header to name their values'));
      }
      rows++;
      return sink.append(`${JSON.stringify(value)}\n`);
    },
    close: () => sink.close(),
  };
}

/**
 * Opens a writer for a file, choosing the format from its extension (or `format`): CSV, TSV
 * (a CSV writer with a tab delimiter) or JSONL.
 *
 * @param path - the output file, created or truncated.
 * @param header - the column (or key) names, in order.
 * @param options - as for the writers, plus an explicit format.
 * @returns the writer.
 * @throws ThreadlineError with code `invalid_options` for an unsupported extension.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { openRecordWriter } from './io/index.js';
 *
 * const writer = openRecordWriter('out.tsv', ['cluster_id', 'record_id']);
 * await writer.write({ cluster_id: 'c-1', record_id: 'r-17' });
 * await writer.close();
 * ```
 */
export function openRecordWriter(
  path: string,
  header: readonly string[],
  options: WriterOptions & { readonly format?: RecordFormat } = {},
): RecordWriter {
  const format = options.format ?? detectFormat(path);
  const rest: WriterOptions =
    options.bufferSize === undefined ? {} : { bufferSize: options.bufferSize };
  if (format === 'jsonl') return createJsonlWriter(path, header, rest);
  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : ',');
  return createCsvWriter(path, header, { ...rest, delimiter });
}

function isArrayRow(row: WriterRow): row is readonly CellValue[] {
  return Array.isArray(row);
}

function bufferSize(options: WriterOptions): number {
  const size = options.bufferSize ?? 64 * 1024;
  if (!Number.isSafeInteger(size) || size < 1) {
    throw optionsError('bufferSize', `expected a positive integer, got ${String(size)}`);
  }
  return size;
}

/** Returns the function that renders one cell as a CSV field, quoted only when needed. */
function csvFieldEncoder(delimiter: string): (cell: CellValue) => string {
  const escaped = delimiter.replace(/[\\\]^-]/g, '\\$&');
  // Built once per writer, not per field.
  const special = new RegExp(`["\\r\\n${escaped}]|^[ \\t\\uFEFF]|[ \\t]$`);
  return (cell) => {
    const text =
      cell === null || cell === undefined
        ? ''
        : typeof cell === 'string'
          ? cell
          : typeof cell === 'object'
            ? JSON.stringify(cell)
            : String(cell);
    return special.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
}

const RESOLVED = Promise.resolve();

/**
 * Gathers text and hands it to a writable stream in large pieces, waiting for `drain` whenever
 * the stream's buffer is full.
 */
class TextSink {
  readonly #stream: Writable;
  readonly #owned: boolean;
  readonly #limit: number;
  #buffer = '';
  #failure: Error | undefined;
  #closed = false;

  constructor(target: string | Writable, limit: number) {
    this.#owned = typeof target === 'string';
    this.#stream = typeof target === 'string' ? createWriteStream(target) : target;
    this.#limit = limit;
    // Without a listener an asynchronous error (EACCES on open, say) would crash the process;
    // it is kept and reported by the next write or by close instead.
    this.#stream.on('error', (error: Error) => {
      this.#failure ??= error;
    });
  }

  /** Buffers text without flushing (for the header, written before anyone awaits). */
  queue(text: string): void {
    this.#buffer += text;
  }

  append(text: string): Promise<void> {
    if (this.#closed) {
      return Promise.reject(new ThreadlineError('invalid_options', 'write after close'));
    }
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    this.#buffer += text;
    return this.#buffer.length >= this.#limit ? this.#flush() : RESOLVED;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#flush();
    if (this.#owned) {
      this.#stream.end();
      await finished(this.#stream);
    }
    if (this.#failure !== undefined) throw this.#failure;
  }

  async #flush(): Promise<void> {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#buffer === '') return;
    const text = this.#buffer;
    this.#buffer = '';
    if (!this.#stream.write(text, 'utf8')) await drained(this.#stream);
    if (this.#failure !== undefined) throw this.#failure;
  }
}

function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error('the output stream was destroyed'));
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = (): void => done();
    const onError = (error: Error): void => done(error);
    const onClose = (): void => done(new Error('the output stream closed before it drained'));
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ThreadlineError } from '../../core/errors.js';
import { CsvParser, type CsvRow } from './csv-parser.js';
import { csvRecordBuilder } from './csv-records.js';
import { inputError, optionsError } from './errors.js';
import { JsonlParser } from './jsonl-parser.js';
import type { InputRecord } from './record.js';

/**
 * The file formats the command line reads and writes.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { detectFormat, type RecordFormat } from './io/index.js';
 *
 * const format: RecordFormat = detectFormat('export.ndjson');
 * console.log(format); // jsonl
 * ```
 */
export type RecordFormat = 'csv' | 'tsv' | 'jsonl';

const EXTENSIONS: ReadonlyMap<string, RecordFormat> = new Map([
  ['.csv', 'csv'],
  ['.tsv', 'tsv'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
]);

/**
 * Tells the format of a file from its extension, ignoring case: `.csv`, `.tsv`, `.jsonl` or
 * `.ndjson`.
 *
 * @param path - a file path or name.
 * @returns the format.
 * @throws ThreadlineError with code `invalid_options` for any other extension, naming the
 * supported ones.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { detectFormat } from './io/index.js';
 *
 * console.log(detectFormat('Contacts.CSV')); // csv
 * ```
 */
export function detectFormat(path: string): RecordFormat {
  const extension = extname(path).toLowerCase();
  const format = EXTENSIONS.get(extension);
  if (format === undefined) {
    const message = `cannot tell the format of ${JSON.stringify(path)} from its extension${
      extension === '' ? '' : ` ${JSON.stringify(extension)}`
    }; supported extensions are .csv, .tsv, .jsonl and .ndjson`;
    throw new ThreadlineError('invalid_options', message, [
      { code: 'unknown_extension', path: ['path'], message },
    ]);
  }
  return format;
}

/**
 * Options of {@link readRecords}.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { ReadRecordsOptions } from './io/index.js';
 *
 * const options: ReadRecordsOptions = { trim: true, onProgress: (read, total) => {} };
 * console.log(Object.keys(options)); // [ 'trim', 'onProgress' ]
 * ```
 */
export interface ReadRecordsOptions {
  /** The format, when the extension does not tell it (default: from the extension). */
  readonly format?: RecordFormat;
  /** CSV/TSV: the field delimiter (default `,` for CSV and a tab for TSV). */
  readonly delimiter?: string;
  /** CSV/TSV: the longest field accepted, in UTF-16 code units (default 1 MiB). */
  readonly maxFieldSize?: number;
  /** CSV/TSV: the most fields a row may have (default 10,000). */
  readonly maxColumns?: number;
  /** JSONL: the longest line accepted, in UTF-16 code units (default 16 MiB). */
  readonly maxLineSize?: number;
  /** CSV/TSV: pad short rows with empty strings and drop extra fields instead of failing. */
  readonly relaxColumnCount?: boolean;
  /** CSV/TSV: trim white space around header names and values (default false: spaces are data). */
  readonly trim?: boolean;
  /**
   * Called after each chunk is read with the bytes read so far and the file size, for a progress
   * bar. `totalBytes` is undefined when the path is not a regular file (a pipe, say).
   */
  readonly onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
  /** The size of each read, in bytes (default 64 KiB). */
  readonly chunkSize?: number;
}

/**
 * One record and the 1-based line of the file on which it starts.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { readRecords, type RecordEntry } from './io/index.js';
 *
 * for await (const entry of readRecords('contacts.csv')) {
 *   const { record, line }: RecordEntry = entry;
 *   console.log(line, record.email);
 * }
 * ```
 */
export interface RecordEntry {
  readonly record: InputRecord;
  readonly line: number;
}

/**
 * Streams the records of a CSV, TSV or JSONL file, in file order, in bounded memory: only the
 * current chunk (64 KiB by default) and the records it completes are held, whatever the file size. CSV and TSV files must start with a
 * header row that names every column; each later row becomes a record keyed by those names with
 * string values (see `CsvParser` for the dialect). JSONL files hold one JSON object per line; the
 * values are kept as written (see `JsonlParser`).
 *
 * The format comes from the extension unless `options.format` is given; options are checked
 * when `readRecords` is called, the file is opened when iteration starts. Leaving the loop early
 * closes the file.
 *
 * @param path - the file to read.
 * @param options - format, dialect, limits and a progress callback.
 * @returns an async iterable of records with their line numbers.
 * @throws ThreadlineError with code `invalid_options` for an unknown extension or a bad option
 * (at the call); while iterating, `invalid_input` for a malformed file, its message naming the
 * file, line and column; Node's own errors (ENOENT…) when the file cannot be read, which
 * `formatError` turns into one readable line.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { readRecords } from './io/index.js';
 *
 * let count = 0;
 * for await (const { record } of readRecords('dataset4a.csv', { trim: true })) {
 *   if (record.rec_id !== '') count++;
 * }
 * console.log(count); // 5000
 * ```
 */
export function readRecords(
  path: string,
  options: ReadRecordsOptions = {},
): AsyncIterable<RecordEntry> {
  const format = options.format ?? detectFormat(path);
  const chunkSize = options.chunkSize ?? 64 * 1024;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw optionsError('chunkSize', `expected a positive integer, got ${String(chunkSize)}`);
  }
  const makeDecoder =
    format === 'jsonl' ? jsonlDecoder(path, options) : csvDecoder(path, format, options);
  // Constructing one decoder checks every option now rather than at the first iteration.
  makeDecoder();
  return {
    [Symbol.asyncIterator]: () => readWith(path, chunkSize, options.onProgress, makeDecoder()),
  };
}

/** Turns each chunk, then `undefined` at the end of the file, into the records it completes. */
type Decoder = (chunk: string | undefined) => Iterable<RecordEntry>;

function jsonlDecoder(path: string, options: ReadRecordsOptions): () => Decoder {
  const parserOptions = {
    source: path,
    ...(options.maxLineSize === undefined ? {} : { maxLineSize: options.maxLineSize }),
  };
  return () => {
    const parser = new JsonlParser(parserOptions);
    return (chunk) => (chunk === undefined ? parser.end() : parser.push(chunk));
  };
}

function csvDecoder(
  path: string,
  format: 'csv' | 'tsv',
  options: ReadRecordsOptions,
): () => Decoder {
  const parserOptions = {
    source: path,
    delimiter: options.delimiter ?? (format === 'tsv' ? '\t' : ','),
    ...(options.maxFieldSize === undefined ? {} : { maxFieldSize: options.maxFieldSize }),
    ...(options.maxColumns === undefined ? {} : { maxColumns: options.maxColumns }),
  };
  const recordOptions = {
    source: path,
    relaxColumnCount: options.relaxColumnCount === true,
    trim: options.trim === true,
  };
  return () => {
    const parser = new CsvParser(parserOptions);
    let toRecord: ((row: CsvRow) => InputRecord) | undefined;
    return (chunk) => {
      const rows = chunk === undefined ? parser.end() : parser.push(chunk);
      const entries: RecordEntry[] = [];
      for (const row of rows) {
        if (toRecord === undefined) toRecord = csvRecordBuilder(row, recordOptions);
        else entries.push({ record: toRecord(row), line: row.line });
      }
      if (chunk === undefined && toRecord === undefined) {
        throw inputError(
          path,
          { line: 1 },
          'missing_header',
          'the file is empty; expected a header row',
        );
      }
      return entries;
    };
  };
}

/** The streaming loop shared by every format. */
async function* readWith(
  path: string,
  chunkSize: number,
  onProgress: ReadRecordsOptions['onProgress'],
  decode: Decoder,
): AsyncGenerator<RecordEntry, void, undefined> {
  let totalBytes: number | undefined;
  if (onProgress !== undefined) {
    const info = await stat(path);
    totalBytes = info.isFile() ? info.size : undefined;
  }
  // `encoding: 'utf8'` makes the stream decode across chunk boundaries, so a multi-byte
  // character split between two reads still arrives whole.
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: chunkSize });
  try {
    for await (const chunk of stream) {
      yield* decode(chunk as string);
      onProgress?.(stream.bytesRead, totalBytes);
    }
    yield* decode(undefined);
  } finally {
    stream.destroy();
  }
}

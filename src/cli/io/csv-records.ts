import type { CsvRow } from './csv-parser.js';
import { inputError } from './errors.js';

/**
 * How CSV rows become records once the header is known.
 */
export interface CsvRecordOptions {
  /** Pad short rows with empty strings and drop extra fields, instead of refusing the row. */
  readonly relaxColumnCount?: boolean;
  /** Trim white space around header names and values (FEBRL files put a space after commas). */
  readonly trim?: boolean;
  /** The name used in error messages. */
  readonly source: string;
}

/**
 * Validates a header row and returns the function that turns each following row into a
 * record. Header names must be non-empty and distinct (after trimming, when asked), otherwise
 * records would silently lose columns.
 */
export function csvRecordBuilder(
  header: CsvRow,
  options: CsvRecordOptions,
): (row: CsvRow) => Record<string, string> {
  const { source } = options;
  const trim = options.trim === true;
  const names = trim ? header.fields.map((name) => name.trim()) : header.fields;
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    if (name === '') {
      throw inputError(
        source,
        { line: header.line, column: i + 1 },
        'empty_column_name',
        `header field ${i + 1} is empty; every column needs a name`,
      );
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw inputError(
        source,
        { line: header.line, column: name },
        'duplicate_column_name',
        `the column name ${JSON.stringify(name)} appears twice in the header (fields ${first + 1} and ${i + 1})`,
      );
    }
    seen.set(name, i);
  }

  const width = names.length;
  const relax = options.relaxColumnCount === true;
  return (row) => {
    const fields = row.fields;
    if (fields.length !== width && !relax) {
      throw inputError(
        source,
        { line: row.line },
        'column_count',
        `this row has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${width}`,
      );
    }
    // No prototype: a column named `__proto__` or `constructor` is just data.
    const record: Record<string, string> = Object.create(null);
    for (let i = 0; i < width; i++) {
      const value = fields[i] ?? '';
      record[names[i] as string] = trim ? value.trim() : value;
    }
    return record;
  };
}

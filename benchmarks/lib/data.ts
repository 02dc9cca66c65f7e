// Reading the public evaluation datasets. They live outside the repository (by default in
// ../shared/datasets); benchmarks that need them say so clearly when they are absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv as parseCsvRows } from '../../src/cli/io/csv-parser.js';

export interface DataDir {
  readonly path: string;
  readonly present: boolean;
}

export function dataDir(argv: readonly string[]): DataDir {
  const flag = argv.indexOf('--data-dir');
  const given = flag >= 0 ? argv[flag + 1] : process.env.THREADLINE_DATA_DIR;
  const path = resolve(given ?? join(process.cwd(), '..', 'shared', 'datasets'));
  return { path, present: existsSync(path) };
}

/** Reads one dataset file, or returns undefined (and says so on stderr) when it is missing. */
export function readDataset(dir: DataDir, relative: string): string | undefined {
  const file = join(dir.path, relative);
  if (!existsSync(file)) {
    console.error(`dataset missing: ${file} (pass --data-dir DIR or set THREADLINE_DATA_DIR)`);
    return undefined;
  }
  return readFileSync(file, 'utf8');
}

/**
 * Reads a whole CSV text into records with the command line's RFC 4180 parser; `trim` trims
 * header names and values (the FEBRL files put a space after each comma).
 */
export function parseCsv(text: string, options: { trim?: boolean } = {}): Record<string, string>[] {
  const clean = (value: string) => (options.trim ? value.trim() : value);
  const [header, ...rows] = parseCsvRows(text);
  if (header === undefined) return [];
  const names = header.fields.map(clean);
  return rows.map((row) => {
    const record: Record<string, string> = Object.create(null);
    names.forEach((name, i) => {
      record[name] = clean(row.fields[i] ?? '');
    });
    return record;
  });
}

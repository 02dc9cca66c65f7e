// Reading the public evaluation datasets. They live outside the repository (by default in
// ../shared/datasets); benchmarks that need them say so clearly when they are absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into records. */
export function parseCsv(text: string, options: { trim?: boolean } = {}): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  if (header === undefined) return [];
  const names = header.map((h) => (options.trim ? h.trim() : h));
  return body.map((r) => {
    const record: Record<string, string> = Object.create(null);
    names.forEach((name, i) => {
      const value = r[i] ?? '';
      record[name] = options.trim ? value.trim() : value;
    });
    return record;
  });
}

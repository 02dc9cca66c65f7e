import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCsvWriter, createJsonlWriter, type WriterRow } from '../../src/cli/io/index.js';
import { type CliIo, main } from '../../src/cli/main.js';
import { generatePopulation, type PopulationRecord } from '../../src/testing/index.js';

/** A writable stream that keeps what is written, optionally posing as a terminal. */
export class Collector extends Writable {
  text = '';
  readonly isTTY: boolean;
  readonly columns = 120;
  constructor(tty = false) {
    super({ decodeStrings: false });
    this.isTTY = tty;
  }
  override _write(chunk: unknown, _encoding: BufferEncoding, done: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : String(chunk);
    done();
  }
}

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in-process with collected streams. */
export async function run(
  argv: readonly string[],
  options: { readonly tty?: boolean; readonly env?: CliIo['env'] } = {},
): Promise<Run> {
  const stdout = new Collector();
  const stderr = new Collector(options.tty === true);
  const status = await main(argv, { stdout, stderr, env: options.env ?? {} });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** A temporary folder, removed by `cleanup`. */
export function tempFolder(): { readonly path: (name: string) => string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-cli-'));
  return {
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const COLUMNS = [
  'id',
  'entity',
  'first_name',
  'surname',
  'dob',
  'email',
  'phone',
  'city',
] as const satisfies readonly (keyof PopulationRecord)[];

export function population(people: number, seed: number): PopulationRecord[] {
  return [...generatePopulation({ people, seed })];
}

/** Writes records to CSV or JSONL (by the extension) with the io writers. */
export async function writeRecords(
  path: string,
  records: readonly PopulationRecord[],
  columns: readonly string[] = COLUMNS,
): Promise<void> {
  const writer = path.endsWith('.jsonl')
    ? createJsonlWriter(path, columns)
    : createCsvWriter(path, columns);
  for (const record of records) await writer.write(record as unknown as WriterRow);
  await writer.close();
}

/** Reads a small CSV written by the command line (no quoting needed for ids and numbers). */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const [head = '', ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: head.split(','), rows: lines.map((line) => line.split(',')) };
}

/** The F1 printed by --truth, or NaN. */
export function reportedF1(stderr: string): number {
  const match = /F1 (\d\.\d+)/.exec(stderr);
  return match === null ? Number.NaN : Number(match[1]);
}

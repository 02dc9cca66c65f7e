/**
 * Helpers shared by the tests of this folder (not exported from the folder's index).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { ThreadlineError } from '../../core/errors.js';
import type { InputRecord } from './record.js';

/** Cuts `text` at the given offsets (any order, duplicates and out-of-range values allowed). */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => Math.min(Math.max(cut, 0), text.length)))].sort(
    (a, b) => a - b,
  );
  const chunks: string[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(text.slice(start, point));
    start = point;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** One chunk per UTF-16 code unit: the harshest split, through surrogate pairs too. */
export function perCodeUnit(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.charAt(i));
}

/** Runs `f` and returns its value, or the `code`, `path` and message of the error it threw. */
export function outcome<T>(
  f: () => T,
): { readonly value: T } | { readonly error: string; readonly path: unknown } {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof ThreadlineError) return { error: e.message, path: e.issues[0]?.path };
    throw e;
  }
}

/** A writable text stream that keeps every string it receives, undecoded. */
export function memorySink(): { readonly stream: Writable; text(): string } {
  const parts: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      parts.push(chunk);
      callback();
    },
  });
  return { stream, text: () => parts.join('') };
}

/** A temporary folder for one test file, removed by `cleanup`. */
export function tempFolder(): {
  readonly path: (name: string) => string;
  readonly write: (name: string, content: string | Uint8Array) => string;
  readonly cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-io-'));
  return {
    path: (name) => join(dir, name),
    write: (name, content) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Characters that exercise every branch of the CSV dialect, and then some. */
const csvSpecial = fc.constantFrom('"', ',', '\r', '\n', '\t', ' ', '\uFEFF', 'a', 'é', '😀');

/** A cell: arbitrary Unicode, weighted towards the characters CSV must quote. */
export const cellArb = (options: { readonly loneSurrogates: boolean }): fc.Arbitrary<string> =>
  fc.string({
    unit: options.loneSurrogates
      ? fc.oneof(
          { weight: 3, arbitrary: csvSpecial },
          { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
          {
            weight: 1,
            arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
          },
        )
      : fc.oneof(csvSpecial, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength: 12,
  });

/** A rectangular table of at least one row (the header) and one column. */
export const tableArb = (cell: fc.Arbitrary<string>): fc.Arbitrary<string[][]> =>
  fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
      minLength: 1,
      maxLength: 12,
    }),
  );

/**
 * A JSON object with arbitrary keys and values, minus `__proto__` keys (which the reader
 * refuses), normalised to what JSON can represent.
 */
export const jsonRecordArb: fc.Arbitrary<InputRecord> = fc
  .dictionary(fc.string({ unit: 'binary' }), fc.jsonValue(), { maxKeys: 5 })
  .filter((value) => !JSON.stringify(value).includes('"__proto__"'))
  // What JSON can carry: fast-check may generate -0, which JSON writes as 0.
  .map((value) => JSON.parse(JSON.stringify(value)) as InputRecord);

/** Runs `f` and returns the ThreadlineError it throws (fails when it throws nothing). */
export function thrown(f: () => unknown): ThreadlineError {
  try {
    f();
  } catch (e) {
    if (e instanceof ThreadlineError) return e;
    throw e;
  }
  throw new Error('expected a ThreadlineError');
}

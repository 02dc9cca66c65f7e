import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { CsvParser, parseCsv } from './csv-parser.js';
import { JsonlParser } from './jsonl-parser.js';
import { readRecords } from './read.js';
import {
  cellArb,
  jsonRecordArb,
  memorySink,
  perCodeUnit,
  splitAt,
  tableArb,
  tempFolder,
} from './test-helpers.js';
import { createCsvWriter, createJsonlWriter, openRecordWriter } from './write.js';

const temp = tempFolder();
afterAll(() => temp.cleanup());

async function csvText(table: readonly string[][], delimiter = ','): Promise<string> {
  const sink = memorySink();
  const [header = [], ...rows] = table;
  const writer = createCsvWriter(sink.stream, header, { delimiter });
  for (const row of rows) await writer.write(row);
  await writer.close();
  return sink.text();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('createCsvWriter: laws', () => {
  it('write then parse gives back the same table, for any strings and either delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        tableArb(cellArb({ loneSurrogates: true })),
        fc.constantFrom(',', '\t'),
        async (table, delimiter) => {
          const text = await csvText(table, delimiter);
          expect(parseCsv(text, { delimiter }).map((row) => row.fields)).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parsing the written text is independent of chunking, down to one character per chunk', async () => {
    await fc.assert(
      fc.asyncProperty(
        tableArb(cellArb({ loneSurrogates: true })),
        fc.array(fc.nat({ max: 300 }), { maxLength: 12 }),
        async (table, cuts) => {
          const text = await csvText(table);
          for (const chunks of [splitAt(text, cuts), perCodeUnit(text)]) {
            const parser = new CsvParser();
            const rows = [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
            expect(rows.map((row) => row.fields)).toEqual(table);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round-trips through a UTF-8 file and readRecords (well-formed strings)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        tableArb(cellArb({ loneSurrogates: false })),
        fc.integer({ min: 1, max: 64 }),
        async (table, chunkSize) => {
          const file = temp.path(`law-${run++}.csv`);
          // Header names must be distinct and non-empty for readRecords.
          const header = (table[0] ?? []).map((_, i) => `c${i}`);
          const writer = createCsvWriter(file, header);
          for (const row of table) await writer.write(row);
          await writer.close();
          const read: string[][] = [];
          for await (const { record } of readRecords(file, { chunkSize })) {
            read.push(header.map((name) => String(record[name])));
          }
          expect(read).toEqual(table);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('createCsvWriter: examples', () => {
  it('quotes only when needed and doubles quotes', async () => {
    const text = await csvText([
      ['id', 'note'],
      ['plain', 'a,b'],
      ['say "hi"', 'two\nlines'],
      [' lead', 'trail '],
      ['cr\r', '\uFEFFbom'],
      ['', ''],
    ]);
    expect(text).toBe(
      'id,note\nplain,"a,b"\n"say ""hi""","two\nlines"\n" lead","trail "\n"cr\r","\uFEFFbom"\n,\n',
    );
  });

  it('writes a lone empty field as "" so it does not read back as a blank line', async () => {
    expect(await csvText([['id'], [''], ['x']])).toBe('id\n""\nx\n');
  });

  it('does not alter values that spreadsheets would treat as formulas', async () => {
    expect(await csvText([['v'], ['=1+1'], ['-3'], ['@x'], ['+44']])).toBe(
      'v\n=1+1\n-3\n@x\n+44\n',
    );
  });

  it('accepts records by header name and renders non-string cells', async () => {
    const sink = memorySink();
    const writer = createCsvWriter(sink.stream, ['id', 'score', 'ok', 'tags', 'none']);
    await writer.write({ id: 'r1', score: 0.5, ok: true, tags: ['a', 'b'], none: null });
    await writer.write({ id: 'r2' });
    await writer.write(['r3', 1, false, null, undefined]);
    await writer.close();
    expect(sink.text()).toBe(
      'id,score,ok,tags,none\nr1,0.5,true,"[""a"",""b""]",\nr2,,,,\nr3,1,false,,\n',
    );
    expect(writer.rowsWritten).toBe(3);
  });

  it('refuses rows of the wrong width, an empty header and writes after close', async () => {
    const sink = memorySink();
    const writer = createCsvWriter(sink.stream, ['a', 'b']);
    await expect(writer.write(['only one'])).rejects.toBeInstanceOf(ThreadlineError);
    await writer.close();
    await expect(writer.write(['x', 'y'])).rejects.toThrow(/after close/);
    expect(() => createCsvWriter(sink.stream, [])).toThrow(ThreadlineError);
    expect(() => createCsvWriter(sink.stream, ['a'], { delimiter: '"' })).toThrow(ThreadlineError);
  });

  it('write() stays pending while the stream is full, and resolves once it drains', async () => {
    const parts: string[] = [];
    const callbacks: (() => void)[] = [];
    const held = new Writable({
      highWaterMark: 4,
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        parts.push(chunk);
        callbacks.push(callback);
      },
    });
    const writer = createCsvWriter(held, ['n'], { bufferSize: 1 });
    let resolved = false;
    // 'n\n0\n' fills the 4-character buffer of the stream.
    const pending = writer.write(['0']).then(() => {
      resolved = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved).toBe(false);
    expect(parts).toEqual(['n\n0\n']);
    callbacks.shift()?.();
    await pending;
    expect(resolved).toBe(true);
  });

  it('loses nothing on a slow stream', async () => {
    const parts: string[] = [];
    const slow = new Writable({
      highWaterMark: 16,
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        parts.push(chunk);
        setTimeout(callback, 1);
      },
    });
    const writer = createCsvWriter(slow, ['n'], { bufferSize: 8 });
    for (let i = 0; i < 50; i++) await writer.write([String(i)]);
    await writer.close();
    expect(parts.join('')).toBe(`n\n${Array.from({ length: 50 }, (_, i) => `${i}\n`).join('')}`);
  });

  it('flushes to the file before close resolves, and reports an unwritable path', async () => {
    const file = temp.path('out.csv');
    const writer = createCsvWriter(file, ['a']);
    await writer.write(['1']);
    await writer.close();
    expect(readFileSync(file, 'utf8')).toBe('a\n1\n');

    const bad = createCsvWriter(temp.path('no/such/dir/out.csv'), ['a']);
    await bad.write(['1']).catch(() => undefined);
    await expect(bad.close()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('createJsonlWriter', () => {
  const record = jsonRecordArb;

  it('write then parse gives back the same records, lone surrogates included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(record, fc.record({ id: cellArb({ loneSurrogates: true }) })), {
          maxLength: 8,
        }),
        fc.array(fc.nat({ max: 500 }), { maxLength: 10 }),
        async (records, cuts) => {
          const sink = memorySink();
          const writer = createJsonlWriter(sink.stream);
          for (const r of records) await writer.write(r);
          await writer.close();
          const parser = new JsonlParser();
          const chunks = splitAt(sink.text(), cuts);
          const read = [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
          expect(read.map((entry) => entry.record)).toEqual(records);
        },
      ),
    );
  });

  it('round-trips through a file, lone surrogates included (JSON escapes them)', async () => {
    const file = temp.path('surrogates.jsonl');
    const records = [{ id: '\uD800x' }, { id: 'y\uDFFF', n: 1 }];
    const writer = createJsonlWriter(file);
    for (const r of records) await writer.write(r);
    await writer.close();
    const read = [];
    for await (const { record } of readRecords(file)) read.push(record);
    expect(read).toEqual(records);
    expect(LONE_SURROGATE.test(records[0]?.id ?? '')).toBe(true);
  });

  it('with a header: zips array rows and narrows records to the header keys', async () => {
    const sink = memorySink();
    const writer = createJsonlWriter(sink.stream, ['id', '__proto__', 'x']);
    await writer.write(['a', 'p', 1]);
    await writer.write({ id: 'b', extra: 'dropped' });
    await writer.close();
    expect(sink.text()).toBe(
      '{"id":"a","__proto__":"p","x":1}\n{"id":"b","__proto__":null,"x":null}\n',
    );
    await expect(createJsonlWriter(sink.stream).write(['no header'])).rejects.toThrow(/header/);
  });

  it('openRecordWriter picks the format from the extension', async () => {
    for (const [name, expected] of [
      ['o.csv', 'id,name\n1,"a,b"\n'],
      ['o.tsv', 'id\tname\n1\ta,b\n'],
      ['o.ndjson', '{"id":"1","name":"a,b"}\n'],
    ] as const) {
      const writer = openRecordWriter(temp.path(name), ['id', 'name']);
      await writer.write({ id: '1', name: 'a,b' });
      await writer.close();
      expect(readFileSync(temp.path(name), 'utf8')).toBe(expected);
    }
    expect(() => openRecordWriter(temp.path('o.xlsx'), ['id'])).toThrow(/supported extensions/);
  });
});

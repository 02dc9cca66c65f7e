import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { formatError } from './errors.js';
import { detectFormat, type ReadRecordsOptions, type RecordEntry, readRecords } from './read.js';
import { valueToText } from './record.js';
import { tempFolder } from './test-helpers.js';

const temp = tempFolder();
afterAll(() => temp.cleanup());

async function readAll(path: string, options: ReadRecordsOptions = {}): Promise<RecordEntry[]> {
  const entries: RecordEntry[] = [];
  for await (const entry of readRecords(path, options)) entries.push(entry);
  return entries;
}

async function failure(path: string, options: ReadRecordsOptions = {}): Promise<ThreadlineError> {
  try {
    await readAll(path, options);
  } catch (e) {
    if (e instanceof ThreadlineError) return e;
    throw e;
  }
  throw new Error('expected a ThreadlineError');
}

describe('detectFormat', () => {
  it('knows .csv, .tsv, .jsonl and .ndjson, in any case', () => {
    expect(detectFormat('a/b/Contacts.CSV')).toBe('csv');
    expect(detectFormat('x.tsv')).toBe('tsv');
    expect(detectFormat('x.jsonl')).toBe('jsonl');
    expect(detectFormat('x.NDJSON')).toBe('jsonl');
  });

  it('refuses anything else with invalid_options, naming the supported extensions', () => {
    for (const path of ['x.txt', 'x.csv.gz', 'noextension', 'x.json']) {
      try {
        detectFormat(path);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ThreadlineError);
        expect((e as ThreadlineError).code).toBe('invalid_options');
        expect(formatError(e)).toContain('supported extensions are .csv, .tsv, .jsonl and .ndjson');
      }
    }
    // Checked at the call, before any file is opened.
    expect(() => readRecords('missing.xlsx')).toThrow(ThreadlineError);
    expect(() => readRecords('x.csv', { maxFieldSize: 0 })).toThrow(/maxFieldSize/);
  });
});

describe('readRecords: CSV and TSV', () => {
  it('yields null-prototype records keyed by the header, with their lines', async () => {
    const file = temp.write(
      'people.csv',
      '\uFEFFid,name,__proto__\r\n1,"Doe, Jane",x\r\n2,"multi\r\nline",y\r\n',
    );
    const entries = await readAll(file);
    expect(entries.map((e) => e.line)).toEqual([2, 3]);
    expect(entries[0]?.record).toEqual({ id: '1', name: 'Doe, Jane', ['__proto__']: 'x' });
    expect(Object.getPrototypeOf(entries[0]?.record)).toBeNull();
    expect(Object.keys(entries[1]?.record ?? {})).toEqual(['id', 'name', '__proto__']);
    expect(entries[1]?.record.name).toBe('multi\r\nline');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads .tsv with a tab delimiter', async () => {
    const file = temp.write('people.tsv', 'id\tname\n1\tDoe, Jane\n');
    expect((await readAll(file))[0]?.record).toEqual({ id: '1', name: 'Doe, Jane' });
  });

  it('keeps spaces unless asked to trim header names and values', async () => {
    const file = temp.write('febrl-like.csv', 'rec_id, given_name\nrec-1, jane');
    expect((await readAll(file))[0]?.record).toEqual({ rec_id: 'rec-1', ' given_name': ' jane' });
    expect((await readAll(file, { trim: true }))[0]?.record).toEqual({
      rec_id: 'rec-1',
      given_name: 'jane',
    });
  });

  it('refuses a row with a different number of fields, naming the line', async () => {
    const file = temp.write('ragged.csv', 'a,b,c\n1,2,3\n\n"x\ny",2\n');
    const error = await failure(file);
    expect(formatError(error)).toBe(`${file}, line 4: this row has 2 fields but the header has 3`);
    expect(error.issues[0]).toMatchObject({ code: 'column_count', path: [4] });
  });

  it('pads short rows and truncates long ones with relaxColumnCount', async () => {
    const file = temp.write('relaxed.csv', 'a,b\n1\n1,2,3\n');
    const records = (await readAll(file, { relaxColumnCount: true })).map((e) => e.record);
    expect(records).toEqual([
      { a: '1', b: '' },
      { a: '1', b: '2' },
    ]);
  });

  it('refuses empty or duplicate header names, and an empty file', async () => {
    const empty = await failure(temp.write('empty-name.csv', 'id,,name\n1,2,3\n'));
    expect(empty.issues[0]).toMatchObject({ code: 'empty_column_name', path: [1, 2] });
    const duplicate = await failure(temp.write('dup.csv', 'id,email,email\n'));
    expect(duplicate.issues[0]).toMatchObject({
      code: 'duplicate_column_name',
      path: [1, 'email'],
    });
    expect(duplicate.message).toContain('fields 2 and 3');
    const trimmedDuplicate = await failure(temp.write('dup2.csv', 'id, id\n'), { trim: true });
    expect(trimmedDuplicate.issues[0]?.code).toBe('duplicate_column_name');
    expect((await failure(temp.write('empty.csv', ''))).issues[0]?.code).toBe('missing_header');
    expect(await readAll(temp.write('header-only.csv', 'id,name\n'))).toEqual([]);
  });

  it('reports malformed quoting with the file, line and column', async () => {
    const file = temp.write('bad.csv', 'a,b\n1,2\nab"c,d\n');
    const error = await failure(file);
    expect(formatError(error)).toBe(
      `${file}, line 3, column 3: a quote inside an unquoted field; quote the whole field and double the quotes inside it`,
    );
    const open = await failure(temp.write('open.csv', 'a,b\n1,"2\n'));
    expect(open.issues[0]).toMatchObject({ code: 'unterminated_quote', path: [2, 3] });
  });

  it('gives the same records whatever the read size, multi-byte characters included', async () => {
    const text = 'id,name\n1,"Zoë ""Z"" 😀"\r\n2,Łukasz\n3,"李\n雷"\n';
    const file = temp.write('unicode.csv', text);
    const expected = await readAll(file);
    expect(expected.map((e) => e.record.name)).toEqual(['Zoë "Z" 😀', 'Łukasz', '李\n雷']);
    for (const chunkSize of [1, 2, 3, 5, 7])
      expect(await readAll(file, { chunkSize })).toEqual(expected);
  });
});

describe('readRecords: JSONL', () => {
  it('yields objects as written, with line numbers, skipping blank lines', async () => {
    const file = temp.write('people.jsonl', '{"id":1,"tags":["a"]}\n\n{"id":"2","ok":true}\n');
    const entries = await readAll(file);
    expect(entries).toEqual([
      { record: { id: 1, tags: ['a'] }, line: 1 },
      { record: { id: '2', ok: true }, line: 3 },
    ]);
    expect(entries.map((e) => valueToText(e.record.id))).toEqual(['1', '2']);
  });

  it('names the file and line of a bad line', async () => {
    const file = temp.write('bad.ndjson', '{"id":1}\n[1]\n');
    expect(formatError(await failure(file))).toBe(
      `${file}, line 2: expected a JSON object on each line, found an array`,
    );
    const proto = await failure(temp.write('proto.jsonl', '{"__proto__":{"x":1}}\n'));
    expect(proto.issues[0]).toMatchObject({ code: 'forbidden_key', path: [1, '__proto__'] });
  });

  it('honours an explicit format over the extension', async () => {
    const file = temp.write('data.txt', '{"id":1}\n');
    expect((await readAll(file, { format: 'jsonl' }))[0]?.record).toEqual({ id: 1 });
  });
});

describe('readRecords: streaming behaviour', () => {
  it('reports progress in bytes up to the file size', async () => {
    const text = `id,name\n${Array.from({ length: 2000 }, (_, i) => `${i},name ${i}\n`).join('')}`;
    const file = temp.write('progress.csv', text);
    const calls: [number, number | undefined][] = [];
    const entries = await readAll(file, {
      chunkSize: 1024,
      onProgress: (read, total) => calls.push([read, total]),
    });
    expect(entries).toHaveLength(2000);
    const size = Buffer.byteLength(text);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.every(([, total]) => total === size)).toBe(true);
    const reads = calls.map(([read]) => read);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(reads.at(-1)).toBe(size);
  });

  it('can be iterated twice, and stopping early is fine', async () => {
    const file = temp.write('twice.csv', 'id\n1\n2\n3\n');
    const records = readRecords(file);
    for await (const { record } of records) {
      expect(record.id).toBe('1');
      break;
    }
    const all: string[] = [];
    for await (const { record } of records) all.push(String(record.id));
    expect(all).toEqual(['1', '2', '3']);
  });

  it('lets a missing file surface as a readable Node error', async () => {
    const missing = temp.path('missing.csv');
    await expect(readAll(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    await readAll(missing).catch((e: unknown) => {
      expect(formatError(e)).toBe(`cannot open ${missing}: no such file or directory`);
    });
  });
});

describe('readRecords: public datasets (skipped when absent)', () => {
  // The public datasets sit beside the project (../shared/datasets) unless told otherwise.
  const datasets =
    process.env.THREADLINE_DATA_DIR ?? resolve(import.meta.dirname, '../../../../shared/datasets');
  const febrl = `${datasets}/febrl`;
  const splink = `${datasets}/splink-fake-1000/fake_1000.csv`;

  it.skipIf(!existsSync(`${febrl}/dataset4a.csv`))(
    'FEBRL dataset4a.csv: all 5,000 rows although the file has no trailing newline',
    async () => {
      const entries = await readAll(`${febrl}/dataset4a.csv`, { trim: true });
      expect(entries).toHaveLength(5000);
      expect(entries[0]?.record.rec_id).toMatch(/^rec-\d+-(org|dup-\d+)$/);
      expect(Object.keys(entries[0]?.record ?? {})).toContain('given_name');
      expect(entries.at(-1)?.line).toBe(5001);
      expect(new Set(entries.map((e) => e.record.rec_id)).size).toBe(5000);
    },
  );

  it.skipIf(!existsSync(`${febrl}/dataset1.csv`))(
    'FEBRL dataset1.csv: spaces after commas are kept as data unless trimmed',
    async () => {
      const raw = await readAll(`${febrl}/dataset1.csv`);
      expect(raw).toHaveLength(1000);
      expect(Object.keys(raw[0]?.record ?? {})[1]).toBe(' given_name');
      expect(String(raw[0]?.record[' surname'])).toMatch(/^ /);
    },
  );

  it.skipIf(!existsSync(splink))('Splink fake_1000.csv: 1,000 rows with empty cities', async () => {
    const entries = await readAll(splink);
    expect(entries).toHaveLength(1000);
    expect(Object.keys(entries[0]?.record ?? {})).toEqual([
      'unique_id',
      'first_name',
      'surname',
      'dob',
      'city',
      'email',
      'cluster',
    ]);
    expect(entries.some((e) => e.record.city === '')).toBe(true);
  });
});

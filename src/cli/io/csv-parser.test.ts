import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv } from './csv-parser.js';
import { outcome, perCodeUnit, splitAt, thrown } from './test-helpers.js';

const fields = (text: string, options = {}) => parseCsv(text, options).map((row) => row.fields);

function parseChunks(chunks: readonly string[], options = {}) {
  const parser = new CsvParser(options);
  const rows = chunks.flatMap((chunk) => parser.push(chunk));
  return [...rows, ...parser.end()];
}

describe('CsvParser: RFC 4180 examples', () => {
  it('parses the RFC samples: plain, quoted, embedded line breaks and doubled quotes', () => {
    expect(fields('aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n')).toEqual([
      ['aaa', 'bbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(fields('aaa,bbb,ccc\r\nzzz,yyy,xxx')).toEqual([
      ['aaa', 'bbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(fields('"aaa","bbb","ccc"\r\nzzz,yyy,xxx\r\n')).toEqual([
      ['aaa', 'bbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(fields('"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx')).toEqual([
      ['aaa', 'b\r\nbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(fields('"aaa","b""bb","ccc"')).toEqual([['aaa', 'b"bb', 'ccc']]);
  });

  it('treats LF, CRLF and a lone CR alike as record ends', () => {
    expect(fields('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(fields('a,,c\n,,\n"",x,\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
      ['', 'x', ''],
    ]);
  });

  it('keeps spaces as data (FEBRL style) and commas inside quotes', () => {
    expect(fields('rec_id, given_name\nrec-1, jane \n')).toEqual([
      ['rec_id', ' given_name'],
      ['rec-1', ' jane '],
    ]);
    expect(fields('"x, y",z\n')).toEqual([['x, y', 'z']]);
    // A space before an opening quote makes the field unquoted, so the quote is misplaced.
    expect(thrown(() => parseCsv('a, "b"')).issues[0]?.path).toEqual([1, 4]);
  });

  it('skips blank lines, so a trailing line break adds no row, and keeps `""` as one empty field', () => {
    expect(fields('a\n\n\r\nb\n\n')).toEqual([['a'], ['b']]);
    expect(fields('a\n""\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(fields('')).toEqual([]);
    expect(fields('\n\n')).toEqual([]);
  });

  it('drops a UTF-8 byte order mark at the very start only', () => {
    expect(fields('\uFEFFid,name\n1,Ana\n')).toEqual([
      ['id', 'name'],
      ['1', 'Ana'],
    ]);
    expect(fields('id,\uFEFFname\n')).toEqual([['id', '\uFEFFname']]);
    expect(fields('"\uFEFFid"\n')).toEqual([['\uFEFFid']]);
  });

  it('reports the line each row starts on, counting line breaks inside quotes', () => {
    const rows = parseCsv('h1,h2\r\n"a\r\nb",c\n\nd,"e\nf\rg"\nh,i');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5, 8]);
  });

  it('splits on tabs with the tab delimiter, and quotes still work', () => {
    expect(fields('a\tb,c\n"x\ty"\tz\n', { delimiter: '\t' })).toEqual([
      ['a', 'b,c'],
      ['x\ty', 'z'],
    ]);
  });

  it('handles chunk boundaries inside quotes, between CR and LF and inside a doubled quote', () => {
    const text = 'id,note\r\n1,"say ""hi""\r\nthen, leave"\r\n2,x\r\n';
    const expected = [
      ['id', 'note'],
      ['1', 'say "hi"\r\nthen, leave'],
      ['2', 'x'],
    ];
    expect(parseChunks(perCodeUnit(text)).map((row) => row.fields)).toEqual(expected);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parseChunks(splitAt(text, [cut])).map((row) => row.fields)).toEqual(expected);
    }
    expect(parseChunks(['\uFEFF', 'a', '\r', '\n', 'b']).map((row) => row.line)).toEqual([1, 2]);
    expect(parseChunks(['', '\uFEFFa', '']).map((row) => row.fields)).toEqual([['a']]);
  });
});

describe('CsvParser: malformed input is refused with its line and column', () => {
  it('a quote inside an unquoted field', () => {
    const error = thrown(() => parseCsv('a,b\n1,2\nab"c,d\n', { source: 'people.csv' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^people\.csv, line 3, column 3: a quote inside an unquoted/);
    expect(error.issues[0]).toMatchObject({ code: 'unexpected_quote', path: [3, 3] });
  });

  it('text after a closing quote, with the line counted through quoted line breaks', () => {
    const error = thrown(() => parseCsv('a,b\n"x\ny"z,1\n'));
    expect(error.issues[0]).toMatchObject({ code: 'text_after_quote', path: [3, 3] });
    expect(error.message).toContain('<input>, line 3, column 3');
  });

  it('an unterminated quote at end of file, reported where the quote opened', () => {
    const error = thrown(() => parseCsv('a,b\r\n1,2\r\n3,"oops\r\n4,5\r\n'));
    expect(error.issues[0]).toMatchObject({ code: 'unterminated_quote', path: [3, 3] });
  });

  it('columns count from after the BOM and from the start of the physical line', () => {
    expect(thrown(() => parseCsv('\uFEFFa"b')).issues[0]?.path).toEqual([1, 2]);
    expect(thrown(() => parseCsv('"x\r\nyy"z')).issues[0]?.path).toEqual([2, 4]);
  });

  it('a field longer than maxFieldSize, in one chunk or across many', () => {
    expect(() => parseCsv('abcdef\n', { maxFieldSize: 5 })).toThrow(/line 1: .*maxFieldSize/);
    expect(fields('abcde\n', { maxFieldSize: 5 })).toEqual([['abcde']]);
    const parser = new CsvParser({ maxFieldSize: 8 });
    parser.push('h\n"');
    const error = thrown(() => {
      for (let i = 0; i < 100; i++) parser.push('xx');
    });
    expect(error.issues[0]).toMatchObject({ code: 'field_too_large', path: [2] });
  });

  it('a row with more than maxColumns fields', () => {
    expect(fields('a,b,c\n', { maxColumns: 3 })).toEqual([['a', 'b', 'c']]);
    expect(() => parseCsv('a,b,c,\n', { maxColumns: 3 })).toThrow(/line 1: .*maxColumns/);
    expect(() => parseCsv('x\na,b,c,d', { maxColumns: 3 })).toThrow(/line 2: .*maxColumns/);
  });

  it('bad options are invalid_options errors', () => {
    for (const delimiter of ['', '"', '\n', '\r', ';;']) {
      expect(thrown(() => new CsvParser({ delimiter })).code).toBe('invalid_options');
    }
    expect(thrown(() => new CsvParser({ maxFieldSize: 0 })).code).toBe('invalid_options');
    expect(thrown(() => new CsvParser({ maxColumns: 1.5 })).code).toBe('invalid_options');
    expect(fields('a;b\n', { delimiter: ';' })).toEqual([['a', 'b']]);
  });
});

describe('CsvParser: laws', () => {
  const csvText = fc.string({
    unit: fc.constantFrom('a', 'b', '"', ',', '\r', '\n', ' ', '\t', '\uFEFF', '😀'),
    maxLength: 60,
  });

  it('the outcome (rows, or the exact error) does not depend on how the text is chunked', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat({ max: 60 }), { maxLength: 8 }), (text, cuts) => {
        const whole = outcome(() => parseCsv(text));
        expect(outcome(() => parseChunks(splitAt(text, cuts)))).toEqual(whole);
        expect(outcome(() => parseChunks(perCodeUnit(text)))).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a ThreadlineError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom(',', '\t'), (text, delimiter) => {
        outcome(() => parseCsv(text, { delimiter }));
      }),
    );
  });

  it('text without quotes or line breaks is one row split on the delimiter', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', ' ', 'é', '\t'), minLength: 1 }),
        (text) => {
          expect(fields(text)).toEqual([text.split(',')]);
        },
      ),
    );
  });
});

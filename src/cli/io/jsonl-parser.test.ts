import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonlParser } from './jsonl-parser.js';
import { jsonRecordArb, outcome, perCodeUnit, splitAt, thrown } from './test-helpers.js';

function parseChunks(chunks: readonly string[], source?: string) {
  const parser = new JsonlParser(source === undefined ? {} : { source });
  const entries = chunks.flatMap((chunk) => parser.push(chunk));
  return [...entries, ...parser.end()];
}

describe('JsonlParser: examples', () => {
  it('reads one object per line, LF or CRLF, skipping blank lines, with line numbers', () => {
    const entries = parseChunks([
      '\uFEFF{"id":1}\r\n\r\n  \n{"id":"b","tags":["x"],"n":null}\n{"id":3}',
    ]);
    expect(entries.map((e) => e.line)).toEqual([1, 4, 5]);
    expect(entries.map((e) => e.record)).toEqual([
      { id: 1 },
      { id: 'b', tags: ['x'], n: null },
      { id: 3 },
    ]);
  });

  it('returns records without a prototype', () => {
    const [entry] = parseChunks(['{"constructor":"x"}\n']);
    expect(Object.getPrototypeOf(entry?.record)).toBeNull();
    expect(entry?.record.toString).toBeUndefined();
  });

  it('reports invalid JSON with the file and line (and column when V8 gives a position)', () => {
    const error = thrown(() => parseChunks(['{"id":1}\n{"id":}\n'], 'people.jsonl'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^people\.jsonl, line 2(, column \d+)?: not valid JSON/);
    expect(error.issues[0]?.code).toBe('invalid_json');
    expect(error.issues[0]?.path[0]).toBe(2);
  });

  it('refuses lines that hold arrays, scalars or null', () => {
    for (const [line, kind] of [
      ['[1,2]', 'an array'],
      ['"x"', 'string'],
      ['42', 'number'],
      ['true', 'boolean'],
      ['null', 'null'],
    ] as const) {
      const error = thrown(() => parseChunks([`{"ok":1}\n\n${line}\n`]));
      expect(error.message).toContain(`line 3: expected a JSON object on each line, found ${kind}`);
      expect(error.issues[0]).toMatchObject({ code: 'not_an_object', path: [3] });
    }
  });

  it('refuses __proto__ keys at any depth, even when spelled with escapes', () => {
    expect(thrown(() => parseChunks(['{"__proto__":{"admin":true}}'])).issues[0]).toMatchObject({
      code: 'forbidden_key',
      path: [1, '__proto__'],
    });
    expect(
      thrown(() => parseChunks(['{}\n{"a":[{"b":{"\\u005f_proto__":1}}]}'])).issues[0]?.path,
    ).toEqual([2, 'a.0.b.__proto__']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses a line longer than maxLineSize, even before it ends', () => {
    const parser = new JsonlParser({ maxLineSize: 10 });
    expect(parser.push('{"a":1}\n')).toHaveLength(1);
    expect(() => parser.push('{"b":"0123456789')).toThrow(/line 2: .*maxLineSize/);
    expect(thrown(() => new JsonlParser({ maxLineSize: -1 })).code).toBe('invalid_options');
  });
});

describe('JsonlParser: laws', () => {
  const record = jsonRecordArb;

  it('round-trips JSON.stringify output, however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 10 }),
        fc.constantFrom('\n', '\r\n'),
        (records, cuts, eol) => {
          const text = records.map((r) => JSON.stringify(r) + eol).join('');
          const entries = parseChunks(splitAt(text, cuts));
          expect(entries.map((e) => e.record)).toEqual(records);
          expect(entries.map((e) => e.line)).toEqual(records.map((_, i) => i + 1));
        },
      ),
    );
  });

  it('the outcome does not depend on chunking, even for garbage', () => {
    const text = fc.string({
      unit: fc.constantFrom('{', '}', '"', ':', '1', 'a', '\n', '\r', ' ', '[', ']', ','),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, fc.array(fc.nat({ max: 40 }), { maxLength: 6 }), (t, cuts) => {
        const whole = outcome(() => parseChunks([t]));
        expect(outcome(() => parseChunks(splitAt(t, cuts)))).toEqual(whole);
        expect(outcome(() => parseChunks(perCodeUnit(t)))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.js';
import {
  COLUMNS,
  population,
  readCsv,
  reportedF1,
  run,
  tempFolder,
  writeRecords,
} from './helpers.js';

const temp = tempFolder();
afterAll(() => temp.cleanup());

const people = population(200, 7);
const csv = temp.path('people.csv');
const jsonl = temp.path('people.jsonl');
const left = temp.path('left.csv');
const right = temp.path('right.tsv');
const small = temp.path('small.csv');

beforeAll(async () => {
  await writeRecords(csv, people);
  await writeRecords(jsonl, people);
  await writeRecords(
    left,
    people.filter((_, i) => i % 2 === 0),
  );
  await writeRecords(
    right,
    people.filter((_, i) => i % 2 === 1),
  );
  await writeRecords(small, people.slice(0, 60));
  // The TSV writer is the CSV writer with tabs: rewrite the commas of this simple file.
  writeFileSync(right, readFileSync(right, 'utf8').replaceAll(',', '\t'));
});

/** Checks a dedupe result: one row per record in input order, clusters named by first member. */
function checkClusters(rows: readonly (readonly string[])[]): Map<string, string[]> {
  expect(rows.map((r) => r[0])).toEqual(people.map((p) => p.id));
  const position = new Map(people.map((p, i) => [p.id, i]));
  const clusters = new Map<string, string[]>();
  for (const [id = '', cluster = ''] of rows) {
    expect(position.has(cluster)).toBe(true);
    // A cluster is named after its first record in the file, which belongs to it.
    expect(position.get(cluster)).toBeLessThanOrEqual(position.get(id) as number);
    clusters.set(cluster, [...(clusters.get(cluster) ?? []), id]);
  }
  for (const [cluster, members] of clusters) expect(members[0]).toBe(cluster);
  return clusters;
}

describe('threadline dedupe', () => {
  it('writes id,cluster_id for every record and reports a high F1 against the truth', async () => {
    const out = temp.path('clusters.csv');
    const result = await run([
      'dedupe',
      csv,
      '--id',
      'id',
      '--truth',
      'entity',
      '--region',
      'US',
      '--out',
      out,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const { header, rows } = readCsv(out);
    expect(header).toEqual(['id', 'cluster_id']);
    const clusters = checkClusters(rows);
    expect(clusters.size).toBeGreaterThan(100);
    expect(clusters.size).toBeLessThan(people.length);
    expect(reportedF1(result.stderr)).toBeGreaterThan(0.85);
    // The column listing, and the summary.
    expect(result.stderr).toMatch(/entity\s+-\s+ground truth, never evidence/);
    expect(result.stderr).toMatch(/email\s+email\s+by name/);
    expect(result.stderr).toMatch(new RegExp(`records\\s+${people.length}\n`));
    expect(result.stderr).toMatch(/candidate pairs\s+[\d,]+/);
    expect(result.stderr).toMatch(/clusters\s+[\d,]+ \(/);
    expect(result.stderr).toMatch(/time\s+read .*train .*score .*cluster .*total/);
  });

  it('never uses the truth column as evidence', async () => {
    // Scrambling the truth values changes the reported accuracy but not a single cluster.
    const scrambled = temp.path('scrambled.csv');
    await writeRecords(
      scrambled,
      people.map((p, i) => ({ ...p, entity: `x${(i * 7919) % people.length}` })),
    );
    const a = temp.path('a.csv');
    const b = temp.path('b.csv');
    await run(['dedupe', csv, '--id', 'id', '--truth', 'entity', '--quiet', '--out', a]);
    const result = await run([
      'dedupe',
      scrambled,
      '--id',
      'id',
      '--truth',
      'entity',
      '--quiet',
      '--out',
      b,
    ]);
    expect(result.status).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(reportedF1(result.stderr)).toBeLessThan(0.1);
  });

  it('reproduces the same output from a saved model', async () => {
    const model = temp.path('model.json');
    const first = temp.path('first.csv');
    const second = temp.path('second.csv');
    const trained = await run([
      'dedupe',
      csv,
      '--id',
      'id',
      '--region',
      'US',
      '--save-model',
      model,
      '--out',
      first,
    ]);
    expect(trained.status).toBe(0);
    const text = readFileSync(model, 'utf8');
    expect(text).toMatch(/^\{\n {2}"version": 1,/); // pretty-printed JSON
    expect(
      JSON.parse(text)
        .comparisons.map((c: { field: string }) => c.field)
        .sort(),
    ).toEqual(['city', 'dob', 'email', 'first_name', 'phone', 'surname']);
    const reused = await run(['dedupe', csv, '--id', 'id', '--model', model, '--out', second]);
    expect(reused.status).toBe(0);
    expect(reused.stderr).not.toContain('train');
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it('reads JSONL and writes JSONL, with the same clusters as from CSV', async () => {
    const fromCsv = temp.path('from-csv.csv');
    const out = temp.path('clusters.jsonl');
    await run(['dedupe', csv, '--id', 'id', '--quiet', '--out', fromCsv]);
    const result = await run(['dedupe', jsonl, '--id', 'id', '--quiet', '--out', out]);
    expect(result.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const row of rows) expect(Object.keys(row)).toEqual(['id', 'cluster_id']);
    const pairs = rows.map((r) => [String(r.id), String(r.cluster_id)]);
    checkClusters(pairs);
    expect(pairs).toEqual(readCsv(fromCsv).rows);
  });

  it('writes CSV to standard output without --out', async () => {
    const result = await run(['dedupe', small, '--id', 'id', '--quiet']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,cluster_id');
    expect(lines).toHaveLength(61);
  });

  it('detects renamed columns by content and takes --column overrides', async () => {
    const renamed = temp.path('renamed.csv');
    await writeRecords(
      renamed,
      people.map((p) => ({ ...p })),
      COLUMNS,
    );
    const text = readFileSync(renamed, 'utf8').replace(
      'id,entity,first_name,surname,dob,email,phone,city',
      'key,entity,Given,col_a,col_b,contact,reach,col_c',
    );
    writeFileSync(renamed, text);
    const result = await run([
      'dedupe',
      renamed,
      '--id',
      'key',
      '--truth',
      'entity',
      '--column',
      'col_a=family_name',
      '--column',
      'col_c=ignore',
      '--out',
      temp.path('renamed-out.csv'),
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Given\s+given_name\s+by name/);
    expect(result.stderr).toMatch(/col_a\s+family_name\s+from --column/);
    expect(result.stderr).toMatch(/col_b\s+date_of_birth\s+by content/);
    expect(result.stderr).toMatch(/contact\s+email\s+by content/);
    expect(result.stderr).toMatch(/reach\s+phone\s+by content/);
    expect(result.stderr).toMatch(/col_c\s+ignored\s+from --column/);
    expect(reportedF1(result.stderr)).toBeGreaterThan(0.85);
  });

  it('lists columns it does not recognise as ignored', async () => {
    const extra = temp.path('extra.csv');
    await writeRecords(
      extra,
      people.slice(0, 80).map((p) => ({ ...p, favourite: 'blue' }) as never),
      [...COLUMNS, 'favourite'],
    );
    const result = await run(['dedupe', extra, '--id', 'id', '--out', temp.path('extra-out.csv')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /favourite\s+ignored\s+not recognised; use --column "favourite=KIND" to use it/,
    );
  });
});

describe('threadline link', () => {
  it('writes left_id,right_id,probability for linked pairs, strongest first', async () => {
    const out = temp.path('links.csv');
    const result = await run([
      'link',
      left,
      right,
      '--id',
      'id',
      '--truth',
      'entity',
      '--region',
      'US',
      '--threshold',
      '0.6',
      '--out',
      out,
    ]);
    expect(result.status).toBe(0);
    const { header, rows } = readCsv(out);
    expect(header).toEqual(['left_id', 'right_id', 'probability']);
    expect(rows.length).toBeGreaterThan(100);
    const leftIds = new Set(people.filter((_, i) => i % 2 === 0).map((p) => p.id));
    const rightIds = new Set(people.filter((_, i) => i % 2 === 1).map((p) => p.id));
    const probabilities = rows.map((r) => Number(r[2]));
    for (const [l = '', r = ''] of rows) {
      expect(leftIds.has(l)).toBe(true);
      expect(rightIds.has(r)).toBe(true);
    }
    for (const p of probabilities) expect(p).toBeGreaterThanOrEqual(0.6);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(reportedF1(result.stderr)).toBeGreaterThan(0.85);
    expect(result.stderr).toContain(`${leftIds.size} + ${rightIds.size}`);
  });

  it('accepts different id columns with --left-id and --right-id', async () => {
    const renamed = temp.path('right-renamed.csv');
    const rightPeople = people.filter((_, i) => i % 2 === 1);
    await writeRecords(renamed, rightPeople);
    writeFileSync(renamed, readFileSync(renamed, 'utf8').replace(/^id,/, 'user_id,'));
    const out = temp.path('links2.jsonl');
    const result = await run([
      'link',
      left,
      renamed,
      '--left-id',
      'id',
      '--right-id',
      'user_id',
      '--quiet',
      '--out',
      out,
    ]);
    expect(result.status).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { left_id: string; right_id: string; probability: number },
      );
    expect(rows.length).toBeGreaterThan(100);
    expect(typeof rows[0]?.probability).toBe('number');
  });
});

describe('usage errors exit 2 with one line and a hint', () => {
  const cases: readonly (readonly [string, readonly string[], RegExp])[] = [
    ['no command', [], /missing command/],
    ['an unknown command', ['merge', 'x.csv'], /unknown command "merge"/],
    [
      'an unknown option',
      ['dedupe', 'x.csv', '--id', 'id', '--frobnicate'],
      /unknown option --frobnicate/,
    ],
    ['a missing value', ['dedupe', 'x.csv', '--id'], /--id needs a value/],
    ['a missing --id', ['dedupe', 'x.csv'], /missing --id COL/],
    ['no file', ['dedupe', '--id', 'id'], /dedupe needs one input file/],
    ['one file for link', ['link', 'a.csv', '--id', 'id'], /link needs two input files/],
    ['a threshold of 1', ['dedupe', 'x.csv', '--id', 'id', '--threshold', '1'], /--threshold "1"/],
    ['a threshold of 0', ['dedupe', 'x.csv', '--id', 'id', '--threshold', '0'], /between 0 and 1/],
    [
      'a threshold that is no number',
      ['dedupe', 'x.csv', '--id', 'id', '--threshold', 'high'],
      /--threshold "high"/,
    ],
    [
      'an unknown region',
      ['dedupe', 'x.csv', '--id', 'id', '--region', 'ZZ'],
      /--region "ZZ": not a region/,
    ],
    [
      'a lower-case region',
      ['dedupe', 'x.csv', '--id', 'id', '--region', 'us'],
      /two upper-case letters/,
    ],
    [
      'an unknown kind',
      ['dedupe', 'x.csv', '--id', 'id', '--column', 'a=shoe'],
      /unknown kind "shoe"/,
    ],
    [
      'a column without a kind',
      ['dedupe', 'x.csv', '--id', 'id', '--column', 'a'],
      /expected NAME=KIND/,
    ],
    [
      'the id column as evidence',
      ['dedupe', 'x.csv', '--id', 'id', '--column', 'id=email'],
      /id column is never evidence/,
    ],
    [
      'the truth column as evidence',
      ['dedupe', 'x.csv', '--id', 'id', '--truth', 't', '--column', 't=email'],
      /--truth column is never evidence/,
    ],
    [
      'an unknown input format',
      ['dedupe', 'x.xlsx', '--id', 'id'],
      /cannot tell the format of "x.xlsx"/,
    ],
    [
      'an unknown output format',
      ['dedupe', 'x.csv', '--id', 'id', '--out', 'y.txt'],
      /--out "y.txt"/,
    ],
    ['a bad seed', ['dedupe', 'x.csv', '--id', 'id', '--seed', '1.5'], /--seed "1.5"/],
    [
      'overwriting the input',
      ['dedupe', 'x.csv', '--id', 'id', '--out', 'x.csv'],
      /would overwrite an input/,
    ],
    [
      '--column with --model',
      ['dedupe', 'x.csv', '--id', 'id', '--model', 'm.json', '--column', 'a=email'],
      /--column has no effect with --model/,
    ],
  ];
  for (const [what, argv, message] of cases) {
    it(`for ${what}`, async () => {
      const result = await run(argv);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^threadline: /);
      expect(lines[0]).toMatch(message);
      expect(lines[1]).toBe("Run 'threadline --help' for usage.");
    });
  }

  it('for an id column the file does not have', async () => {
    const result = await run(['dedupe', csv, '--id', 'rec_id']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `${csv} has no column "rec_id"; its columns are "id", "entity"`,
    );
  });

  it('for a --column the file does not have', async () => {
    const result = await run(['dedupe', csv, '--id', 'id', '--column', 'mobile=phone']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--column "mobile": no such column');
  });
});

describe('failures exit 1 with one clear line', () => {
  it('for a missing file', async () => {
    const missing = temp.path('missing.csv');
    const result = await run(['dedupe', missing, '--id', 'id', '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`threadline: cannot open ${missing}: no such file or directory\n`);
    // On a terminal the progress line is erased before the message.
    const tty = await run(['dedupe', missing, '--id', 'id'], { tty: true });
    expect(tty.stderr.split('\r\u001b[K').at(-1)).toBe(
      `threadline: cannot open ${missing}: no such file or directory\n`,
    );
  });

  it('for a repeated id, naming both lines', async () => {
    const file = temp.path('dup.csv');
    writeFileSync(file, 'id,email\na,x@y.com\nb,z@y.com\na,w@y.com\n');
    const result = await run(['dedupe', file, '--id', 'id', '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `threadline: ${file}, line 4: the id "a" is already used on line 2; ids must be unique\n`,
    );
  });

  it('for an output folder that does not exist, before any work', async () => {
    const out = temp.path('no/such/folder/out.csv');
    const result = await run(['dedupe', csv, '--id', 'id', '--out', out]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: `threadline: cannot open ${out}: no such file or directory\n`,
    });
  });

  it('for a file without records', async () => {
    const file = temp.path('header-only.csv');
    writeFileSync(file, 'id,email\n');
    const result = await run(['dedupe', file, '--id', 'id', '--quiet']);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: `threadline: ${file} has no records\n`,
    });
  });

  it('for an empty id', async () => {
    const file = temp.path('empty-id.jsonl');
    writeFileSync(file, '{"id":"a","email":"x@y.com"}\n{"email":"z@y.com"}\n');
    const result = await run(['dedupe', file, '--id', 'id', '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}, line 2: the record has no id (column "id" is missing)`,
    );
  });

  it('for a malformed file, and a broken model', async () => {
    const file = temp.path('bad.csv');
    writeFileSync(file, 'id,email\na,x@y.com,extra\n');
    const bad = await run(['dedupe', file, '--id', 'id', '--quiet']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /^threadline: .*bad\.csv, line 2: this row has 3 fields but the header has 2\n$/,
    );

    const model = temp.path('broken.json');
    writeFileSync(model, '{"comparisons": 3}');
    const broken = await run(['dedupe', csv, '--id', 'id', '--model', model, '--quiet']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(
      /^threadline: cannot use the model .*broken\.json: not a threadline model \(comparisons: /,
    );
    expect(broken.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints the stack only with THREADLINE_DEBUG=1', async () => {
    const missing = temp.path('missing.csv');
    const plain = await run(['dedupe', missing, '--id', 'id']);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(['dedupe', missing, '--id', 'id'], { env: { THREADLINE_DEBUG: '1' } });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('help, version, progress', () => {
  it('documents every option, with an example', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(HELP);
    for (const option of [
      '--id',
      '--left-id',
      '--right-id',
      '--out',
      '--model',
      '--save-model',
      '--threshold',
      '--region',
      '--truth',
      '--column',
      '--seed',
      '--bridges',
      '--quiet',
      '--help',
      '--version',
    ]) {
      expect(HELP).toContain(option);
    }
    expect(HELP).toContain('Examples:');
    expect((await run(['dedupe', '--help'])).stdout).toBe(HELP);
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('redraws one line on a terminal, and writes plain lines otherwise', async () => {
    const args = ['dedupe', small, '--id', 'id', '--out', temp.path('progress-out.csv')];
    const tty = await run(args, { tty: true });
    expect(tty.status).toBe(0);
    expect(tty.stderr).toContain('\r');
    expect(tty.stderr).toContain('\u001b[K');
    const plain = await run(args);
    expect(plain.stderr).not.toContain('\r');
    expect(plain.stderr).not.toContain('\u001b');
    expect(plain.stderr).toContain('threadline: training on 60 records…\n');
  });

  it('is silent with --quiet apart from warnings and the --truth accuracy', async () => {
    const result = await run(
      ['dedupe', small, '--id', 'id', '--truth', 'entity', '--quiet', '--out', temp.path('q.csv')],
      { tty: true },
    );
    expect(result.status).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^threadline: accuracy against "entity": precision/);
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr).not.toContain('columns');
    expect(result.stderr).not.toContain('done');
  });
});

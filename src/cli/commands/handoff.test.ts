import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP } from '../help.js';
import { main } from '../main.js';
import { HANDOFF_HELP, parseHandoffArgs } from './handoff.js';

class Collector extends Writable {
  text = '';
  override _write(chunk: unknown, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

async function run(argv: readonly string[]) {
  const stdout = new Collector();
  const stderr = new Collector();
  const status = await main(argv, { stdout, stderr, env: {} });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

const dir = mkdtempSync(join(tmpdir(), 'threadline-handoff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
};

const chat = {
  id: 'chat-1',
  channel: 'chat',
  startedAt: '2026-03-01T09:00:00Z',
  identifiers: [
    { kind: 'email', value: 'ana.souza@gmail.com', trust: { level: 'verified', method: 'login' } },
  ],
  participants: [{ role: 'customer', name: 'Ana Souza' }],
  messages: [
    {
      author: 'customer',
      text: 'My cat is sick. What vitamin B12 dose is safe for a 4 kg cat?',
      at: '2026-03-01T09:00:00Z',
    },
    {
      author: 'agent',
      text: 'A vet will call you back within the hour. Please call us on 0800 123 456 if not.',
      at: '2026-03-01T09:02:00Z',
    },
  ],
};
const call = {
  id: 'call-1',
  channel: 'phone',
  startedAt: '2026-03-01T10:30:00Z',
  messages: [{ author: 'customer', text: 'Nobody called me back.', at: '2026-03-01T10:30:00Z' }],
};
const old = {
  id: 'em-0',
  channel: 'email',
  startedAt: '2025-11-02T09:00:00Z',
  messages: [{ author: 'customer', text: 'Please update my delivery address for the newsletter.' }],
};
const journeyFile = file('journey.json', { interactions: [old, chat, call] });

describe('threadline handoff', () => {
  it('prints the latest journey as Markdown for a phone agent, within the budget', async () => {
    const result = await run(['handoff', journeyFile, '--to', 'phone', '--budget-chars', '1500']);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeLessThanOrEqual(1500);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      '### Handoff to Phone, for the agent',
      '- **Who:** Ana Souza · not resolved to a customer · verified: email (login) on Web chat [chat-1, call-1]',
      '- **Issue:** “What vitamin B12 dose is safe for a 4 kg cat?” [chat-1]',
    ]);
    expect(result.stdout).toContain('**Overdue**');
    expect(result.stdout).not.toContain('ana.souza@gmail.com');
    expect(result.stderr).toMatch(
      /^threadline: 2 journeys in .*journey\.json; handing off the latest \(jny_\w+, 2 interactions\)\n$/,
    );
  });

  it('prints JSON and short text, the same every time', async () => {
    const json = await run([
      'handoff',
      journeyFile,
      '--to',
      'sms',
      '--format',
      'json',
      '--reader',
      'bot',
    ]);
    expect(json.status).toBe(0);
    const packet = JSON.parse(json.stdout) as { reader: string; builtAt: string };
    expect(packet.reader).toBe('bot');
    expect(packet.builtAt).toBe('2026-03-01T10:30:00.000Z');
    expect(
      (await run(['handoff', journeyFile, '--to', 'sms', '--format', 'json', '--reader', 'bot']))
        .stdout,
    ).toBe(json.stdout);
    const sms = await run([
      'handoff',
      journeyFile,
      '--to',
      'sms',
      '--format',
      'text',
      '--budget-chars',
      '320',
      '--now',
      '2026-03-01T11:00:00Z',
    ]);
    expect(sms.stdout.length).toBeLessThanOrEqual(320);
    expect(sms.stdout.split('\n')[2]).toBe('Issue: What vitamin B12 dose is safe for a 4 kg cat?');
  });

  it('uses the journey the file names, with its customer', async () => {
    const named = file('named.json', {
      interactions: [old, chat, call],
      journey: {
        id: 'jny-old',
        customerId: 'cus-1',
        status: 'resolved',
        interactionIds: ['em-0'],
        channels: ['email'],
        openedAt: '2025-11-02T09:00:00Z',
        updatedAt: '2025-11-02T09:00:00Z',
      },
    });
    const result = await run(['handoff', named, '--to', 'email', '--format', 'text']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Issue: Please update my delivery address for the newsletter.');
    expect(result.stderr).toBe('');
  });

  it('prints its own help, and is listed in the main help', async () => {
    const help = await run(['handoff', '--help']);
    expect(help).toEqual({ status: 0, stdout: HANDOFF_HELP, stderr: '' });
    expect(HELP).toContain('threadline handoff JOURNEY.json --to CHANNEL [options]');
  });

  it('exits 2 on usage errors, with one line', async () => {
    for (const [argv, message] of [
      [['handoff', journeyFile], 'handoff needs --to CHANNEL'],
      [['handoff', '--to', 'phone'], 'handoff needs one journey file'],
      [['handoff', journeyFile, '--to', 'fax'], '--to "fax": not a channel'],
      [
        ['handoff', journeyFile, '--to', 'phone', '--format', 'pdf'],
        '--format "pdf": expected markdown, json, text',
      ],
      [
        ['handoff', journeyFile, '--to', 'phone', '--budget-chars', '0'],
        '--budget-chars "0": expected a whole number above 0',
      ],
      [
        ['handoff', journeyFile, '--to', 'phone', '--budget-chars', '40'],
        '--budget-chars: too small',
      ],
      [['handoff', journeyFile, '--to', 'phone', '--frobnicate'], 'unknown option --frobnicate'],
      [['handoff', journeyFile, '--to'], '--to needs a value'],
    ] as const) {
      const result = await run(argv);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`threadline: ${message}`);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    }
  });

  it('exits 1 on a missing or invalid file, naming the problem', async () => {
    const missing = await run(['handoff', join(dir, 'nope.json'), '--to', 'phone']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such file or directory/);
    const broken = await run([
      'handoff',
      file('broken.json', '{"interactions": ['),
      '--to',
      'phone',
    ]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/is not valid JSON/);
    const invalid = await run([
      'handoff',
      file('invalid.json', { interactions: [{ ...chat, channel: 'pigeon' }] }),
      '--to',
      'phone',
    ]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/interactions\[0\]\.channel/);
  });

  it('parses its options', () => {
    expect(
      parseHandoffArgs([
        'j.json',
        '--to',
        'x',
        '--visibility',
        'private',
        '--budget-tokens',
        '300',
        '--reveal',
      ]),
    ).toEqual({
      kind: 'handoff',
      file: 'j.json',
      to: 'x',
      visibility: 'private',
      reader: 'agent',
      format: 'markdown',
      budget: { tokens: 300 },
      now: undefined,
      reveal: true,
      region: undefined,
    });
  });
});

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../examples/demo.ts', import.meta.url));

describe('npm run demo', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', demo], { encoding: 'utf8' });

  it('resolves the story to one customer and one journey', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('4 contacts in 1 journey');
    expect(run.stdout).toMatch(/it also shows cus_\w+ is the same person: merged/);
  });

  it('prints a packet within its budget that masks the customer’s contact details', () => {
    const packet = run.stdout.slice(run.stdout.indexOf('### Handoff to Phone'));
    expect(packet).toContain('**Issue:**');
    expect(packet).toContain('A-55123');
    for (const raw of ['555-2671', '4155552671', 'anasouza@gmail.com', 'Ana.Souza+shop'])
      expect(packet).not.toContain(raw);
    const length = Number(/(\d+) characters; masked/.exec(run.stdout)?.[1]);
    expect(length).toBeGreaterThan(0);
    expect(length).toBeLessThanOrEqual(2500);
  });
});

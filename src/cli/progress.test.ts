import { describe, expect, it } from 'vitest';
import { createProgress, formatBytes, formatDuration } from './progress.js';

function setup(options: { tty: boolean; enabled?: boolean }) {
  let time = 0;
  let text = '';
  const progress = createProgress({
    target: { write: (s: string) => (text += s), isTTY: options.tty, columns: 40 },
    enabled: options.enabled ?? true,
    now: () => time,
  });
  return {
    progress,
    advance: (ms: number) => {
      time += ms;
    },
    output: () => text,
  };
}

describe('createProgress', () => {
  it('redraws one line on a terminal, at most every 100 ms, and erases it between phases', () => {
    const { progress, advance, output } = setup({ tty: true });
    progress.start('read', 'reading a.csv');
    progress.update('reading a.csv 10%');
    advance(50);
    progress.update('reading a.csv 20%'); // too soon: skipped
    advance(60);
    progress.update('reading a.csv 30%');
    progress.end();
    expect(output()).toBe('\rreading a.csv…\u001b[K\rreading a.csv 30%\u001b[K\r\u001b[K');
  });

  it('keeps the progress line under lasting notes, and cuts it to the terminal width', () => {
    const { progress, output } = setup({ tty: true });
    progress.start('train', 'training on a great many records from a long file name');
    progress.note('warning: something');
    expect(output()).toBe(
      '\rtraining on a great many records from …\u001b[K' +
        '\r\u001b[Kwarning: something\n' +
        '\rtraining on a great many records from …\u001b[K',
    );
  });

  it('writes plain lines elsewhere: each phase, then progress at most every 5 s', () => {
    const { progress, advance, output } = setup({ tty: false });
    progress.start('read', 'reading a.csv');
    progress.update('reading a.csv 10%');
    advance(5000);
    progress.update('reading a.csv 90%');
    progress.end();
    progress.note('done');
    expect(output()).toBe('threadline: reading a.csv…\nthreadline: reading a.csv 90%\ndone\n');
  });

  it('writes no progress when disabled, but still times the phases', () => {
    const { progress, advance, output } = setup({ tty: true, enabled: false });
    progress.start('read', 'reading');
    advance(30);
    progress.update('reading 50%');
    progress.start('train', 'training'); // ends "read"
    advance(70);
    progress.end();
    progress.start('read', 'reading more');
    advance(5);
    progress.end();
    progress.clear();
    expect(output()).toBe('');
    expect(progress.timings()).toEqual([
      { phase: 'read', ms: 35 },
      { phase: 'train', ms: 70 },
    ]);
    expect(progress.elapsed()).toBe(105);
  });
});

describe('formatting', () => {
  it('prints bytes and durations for people', () => {
    expect([0, 999, 1000, 519_618, 12_345_678, 3e9].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '1.0 kB',
      '520 kB',
      '12.3 MB',
      '3.0 GB',
    ]);
    expect([0.4, 850, 2404.2, 59_999, 185_000].map(formatDuration)).toEqual([
      '0 ms',
      '850 ms',
      '2.40 s',
      '1 min 00 s',
      '3 min 05 s',
    ]);
  });
});

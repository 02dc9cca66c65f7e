/**
 * Progress and phase timing on stderr: a single line redrawn in place on a terminal, occasional
 * plain lines in a log file or a pipe, nothing at all with `--quiet`. Timings are kept either
 * way, for the summary.
 */

/**
 * Where progress goes: anything with `write`, such as `process.stderr`, and whether it is a
 * terminal (and how wide).
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { ProgressTarget } from './progress.js';
 *
 * const lines: string[] = [];
 * const target: ProgressTarget = { write: (text: string) => lines.push(text), isTTY: false };
 * console.log(target.isTTY); // false
 * ```
 */
export interface ProgressTarget {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * Options of {@link createProgress}.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { ProgressOptions } from './progress.js';
 *
 * const options: ProgressOptions = { target: process.stderr, enabled: true };
 * console.log(options.enabled);
 * ```
 */
export interface ProgressOptions {
  readonly target: ProgressTarget;
  /** False with `--quiet`: nothing is written, phases are still timed. */
  readonly enabled: boolean;
  /** Redraw one line in place (default: whether the target is a terminal). */
  readonly tty?: boolean;
  /** A clock in milliseconds (default `performance.now`). */
  readonly now?: () => number;
  /** Least time between two redraws on a terminal, in ms (default 100). */
  readonly redrawEvery?: number;
  /** Least time between two plain progress lines, in ms (default 5000). */
  readonly lineEvery?: number;
}

/**
 * How long one phase took.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { PhaseTiming } from './progress.js';
 *
 * const t: PhaseTiming = { phase: 'train', ms: 1520 };
 * console.log(t.phase);
 * ```
 */
export interface PhaseTiming {
  readonly phase: string;
  readonly ms: number;
}

/**
 * A progress reporter. `start` begins a phase (and ends the one before), `update` reports how
 * far it is, `end` closes it; `note` prints a lasting line (a warning, a listing) without
 * garbling the progress line; `clear` removes the progress line before the summary.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { createProgress } from './progress.js';
 *
 * const progress = createProgress({ target: process.stderr, enabled: true });
 * progress.start('score', 'scoring candidate pairs');
 * progress.end();
 * progress.clear();
 * console.log(progress.timings().map((t) => t.phase)); // [ 'score' ]
 * ```
 */
export interface Progress {
  start(phase: string, label: string): void;
  update(text: string): void;
  end(): void;
  note(line: string): void;
  clear(): void;
  /** The phases ended so far, in order; a phase started twice adds up. */
  timings(): readonly PhaseTiming[];
  /** Time since the reporter was created, in ms. */
  elapsed(): number;
}

/**
 * Creates a progress reporter writing to `target`.
 *
 * @param options - the target, whether to write at all, and the clock.
 * @returns the reporter.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { createProgress } from './progress.js';
 *
 * const progress = createProgress({ target: process.stderr, enabled: !process.argv.includes('--quiet') });
 * progress.start('read', 'reading contacts.csv');
 * progress.update('reading contacts.csv 40%');
 * progress.end();
 * ```
 */
export function createProgress(options: ProgressOptions): Progress {
  const { target, enabled } = options;
  const tty = options.tty ?? target.isTTY === true;
  const now = options.now ?? (() => performance.now());
  const redrawEvery = options.redrawEvery ?? 100;
  const lineEvery = options.lineEvery ?? 5000;
  const began = now();
  const totals = new Map<string, number>();
  let phase: { name: string; since: number } | undefined;
  let shown = false;
  let current = '';
  let lastDraw = Number.NEGATIVE_INFINITY;

  const draw = (text: string): void => {
    current = text;
    const width = (target.columns ?? 80) - 1;
    const line = text.length > width && width > 10 ? `${text.slice(0, width - 1)}…` : text;
    target.write(`\r${line}\u001b[K`);
    shown = true;
    lastDraw = now();
  };
  const erase = (): void => {
    if (shown) target.write('\r\u001b[K');
    shown = false;
  };
  const end = (): void => {
    if (phase === undefined) return;
    totals.set(phase.name, (totals.get(phase.name) ?? 0) + (now() - phase.since));
    phase = undefined;
    // Between phases nothing is under way, so nothing is shown.
    erase();
  };

  return {
    start(name, label) {
      end();
      phase = { name, since: now() };
      if (!enabled) return;
      if (tty) draw(`${label}…`);
      else {
        target.write(`threadline: ${label}…\n`);
        lastDraw = now();
      }
    },
    update(text) {
      if (!enabled) return;
      const at = now();
      if (tty) {
        if (at - lastDraw >= redrawEvery) draw(text);
      } else if (at - lastDraw >= lineEvery) {
        target.write(`threadline: ${text}\n`);
        lastDraw = at;
      }
    },
    end,
    note(line) {
      const wasShown = shown;
      erase();
      target.write(`${line}\n`);
      if (wasShown) draw(current);
    },
    clear() {
      erase();
    },
    timings() {
      return [...totals].map(([name, ms]) => ({ phase: name, ms }));
    },
    elapsed() {
      return now() - began;
    },
  };
}

/**
 * A byte count for people: `812 B`, `3.4 kB`, `1.2 MB`, `2.0 GB` (powers of 1000).
 *
 * @param bytes - a count of bytes.
 * @returns the text.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { formatBytes } from './progress.js';
 *
 * console.log(formatBytes(519_618)); // 520 kB
 * ```
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/**
 * A duration for people: `850 ms`, `2.40 s`, `3 min 05 s`.
 *
 * @param ms - milliseconds.
 * @returns the text.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { formatDuration } from './progress.js';
 *
 * console.log(formatDuration(2404.2), formatDuration(185_000)); // 2.40 s 3 min 05 s
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_995) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

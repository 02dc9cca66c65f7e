// Timing helpers for the benchmark scripts. Benchmarks print numbers; tests never assert them.

export interface Timing {
  readonly iterations: number;
  readonly totalMs: number;
  readonly nsPerOp: number;
  readonly opsPerSec: number;
}

/** Runs `fn` over the inputs in rounds until at least `minMs` have passed, after a warm-up. */
export function throughput<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  minMs = 300,
): Timing {
  let sink = 0;
  const round = () => {
    for (const input of inputs) sink += fn(input) === undefined ? 0 : 1;
  };
  const warmupEnd = performance.now() + Math.min(100, minMs / 3);
  while (performance.now() < warmupEnd) round();
  let iterations = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    round();
    iterations += inputs.length;
    now = performance.now();
  }
  const totalMs = now - start;
  if (sink < 0) console.error('unreachable');
  return {
    iterations,
    totalMs: round3(totalMs),
    nsPerOp: round3((totalMs * 1e6) / iterations),
    opsPerSec: Math.round((iterations * 1000) / totalMs),
  };
}

/** Per-call latencies in microseconds: p50, p99, max. */
export function latencies<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
): {
  readonly p50Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
} {
  const samples = new Float64Array(inputs.length);
  inputs.forEach((input, i) => {
    const t0 = performance.now();
    fn(input);
    samples[i] = (performance.now() - t0) * 1000;
  });
  samples.sort();
  return {
    p50Us: quantile(samples, 0.5),
    p99Us: quantile(samples, 0.99),
    maxUs: round3(samples[samples.length - 1] ?? 0),
  };
}

/** The sample at quantile `q` of ascending `sorted` samples (nearest rank below), rounded. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  return round3(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Seeded draws the generator makes everywhere: from a weighted list, uniformly from a list,
 * and a count with a given mean. Each takes the stream's one `Random`, so the order of draws
 * is what fixes the output for a seed.
 */

import type { Random } from '../../core/random.js';

/** Cumulative weights scaled to end at 1, for {@link drawIndex}. */
export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    total += weights[k] as number;
    out[k] = total;
  }
  for (let k = 0; k < weights.length; k++) out[k] = total > 0 ? (out[k] as number) / total : 0;
  return out;
}

/** Cumulative Zipf weights for a list ordered from most to least common. */
export const zipf = (size: number, exponent: number): Float64Array =>
  cumulativeOf(Array.from({ length: size }, (_, r) => 1 / (r + 1) ** exponent));

/** The index a uniform draw falls in, by binary search over cumulative weights. */
export function drawIndex(random: Random, cumulative: Float64Array): number {
  const x = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One item, uniformly. */
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Knuth's method for small means; a rounded normal for large ones. */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random();
    while (p > limit) {
      k++;
      p *= random();
    }
    return k;
  }
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
}

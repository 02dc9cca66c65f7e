import fastLevenshtein from 'fast-levenshtein';

// Scratch buffers reused across calls would be module state; allocation per call is cheap for
// the short strings compared here, and keeps every function pure and re-entrant.

/**
 * Jaro similarity of two strings: 1 for equal strings, 0 when they share no characters within
 * the matching window. Symmetric and bounded to [0, 1].
 *
 * @example
 * ```ts
 * import { jaro } from 'threadline';
 *
 * console.log(jaro('martha', 'marhta').toFixed(3)); // 0.944
 * ```
 */
export function jaro(a: string, b: string): number {
  return jaroWith(a, b, undefined);
}

/**
 * Scratch space for {@link jaroWith}: reusing it across calls avoids two allocations per
 * comparison on hot paths. Grows as needed.
 */
export interface JaroScratch {
  a: Uint8Array;
  b: Uint8Array;
}

/** Jaro similarity using caller-owned scratch buffers (or fresh ones when none are given). */
export function jaroWith(a: string, b: string, scratch: JaroScratch | undefined): number {
  if (a === b) return 1;
  let la = a.length;
  let lb = b.length;
  if (la === 0 || lb === 0) return 0;
  // Make the result independent of argument order: always scan the shorter string.
  if (la > lb) {
    const t = a;
    a = b;
    b = t;
    la = a.length;
    lb = b.length;
  }
  const window = Math.max(0, Math.floor(lb / 2) - 1);
  let matchedA: Uint8Array;
  let matchedB: Uint8Array;
  if (scratch === undefined) {
    matchedA = new Uint8Array(la);
    matchedB = new Uint8Array(lb);
  } else {
    if (scratch.a.length < la) scratch.a = new Uint8Array(Math.max(la, scratch.a.length * 2));
    if (scratch.b.length < lb) scratch.b = new Uint8Array(Math.max(lb, scratch.b.length * 2));
    matchedA = scratch.a;
    matchedB = scratch.b;
    matchedA.fill(0, 0, la);
    matchedB.fill(0, 0, lb);
  }
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * Jaro-Winkler similarity: Jaro, boosted for a common prefix of up to four characters (names
 * and handles that differ only at the end score higher). Symmetric and bounded to [0, 1].
 *
 * @param prefixScale - how much each prefix character adds (0.1 by default; at most 0.25).
 * @example
 * ```ts
 * import { jaroWinkler } from 'threadline';
 *
 * console.log(jaroWinkler('martha', 'marhta').toFixed(3)); // 0.961
 * console.log(jaroWinkler('souza', 'sousa') > 0.9); // true
 * ```
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  return jaroWinklerWith(a, b, undefined, prefixScale);
}

/** Jaro-Winkler similarity using caller-owned scratch buffers. */
export function jaroWinklerWith(
  a: string,
  b: string,
  scratch: JaroScratch | undefined,
  prefixScale = 0.1,
): number {
  const j = jaroWith(a, b, scratch);
  if (j === 1 || j === 0) return j;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const scale = Math.min(0.25, Math.max(0, prefixScale));
  return j + prefix * scale * (1 - j);
}

/**
 * Levenshtein edit distance: the fewest single-character insertions, deletions and
 * substitutions that turn one string into the other.
 *
 * @example
 * ```ts
 * import { levenshtein } from 'threadline';
 *
 * console.log(levenshtein('kitten', 'sitting')); // 3
 * ```
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  return fastLevenshtein.get(a, b);
}

/**
 * Damerau-Levenshtein distance (optimal string alignment): Levenshtein where swapping two
 * adjacent characters counts as one edit, the commonest typing error.
 *
 * @example
 * ```ts
 * import { damerauLevenshtein, levenshtein } from 'threadline';
 *
 * console.log(damerauLevenshtein('3102461501', '3102416501'), levenshtein('3102461501', '3102416501')); // 1 2
 * ```
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  const width = lb + 1;
  // Three rolling rows: two back is needed for the transposition step.
  let prev2 = new Uint32Array(width);
  let prev = new Uint32Array(width);
  let row = new Uint32Array(width);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (prev2[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  return prev[lb] ?? 0;
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance, computed only as far as `bound`:
 * returns the distance when it is at most `bound`, otherwise `bound + 1`. Work is O(length ×
 * bound) instead of O(length²), which is what comparison levels such as "one edit" need.
 *
 * @example
 * ```ts
 * import { damerauLevenshteinWithin } from 'threadline';
 *
 * console.log(damerauLevenshteinWithin('4066625', '4066652', 1)); // 1
 * console.log(damerauLevenshteinWithin('4066625', '9999999', 2)); // 3
 * ```
 */
export function damerauLevenshteinWithin(a: string, b: string, bound: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  const over = bound + 1;
  if (Math.abs(la - lb) > bound) return over;
  if (la === 0 || lb === 0) return Math.max(la, lb) <= bound ? Math.max(la, lb) : over;
  const width = lb + 1;
  let prev2 = new Int32Array(width);
  let prev = new Int32Array(width);
  let row = new Int32Array(width);
  for (let j = 0; j <= lb; j++) prev[j] = j <= bound ? j : over;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(lb, i + bound);
    row[0] = i <= bound ? i : over;
    if (lo > 1) row[lo - 1] = over;
    const ca = a.charCodeAt(i - 1);
    let rowMin = row[0] as number;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = (prev[j - 1] as number) + (ca === cb ? 0 : 1);
      const del = (prev[j] as number) + 1;
      if (del < best) best = del;
      const ins = (row[j - 1] as number) + 1;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = (prev2[j - 2] as number) + 1;
        if (swap < best) best = swap;
      }
      if (best > over) best = over;
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (hi < lb) row[hi + 1] = over;
    if (rowMin > bound) return over;
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  const d = prev[lb] as number;
  return d > bound ? over : d;
}

/**
 * Jaccard similarity of two token sets: shared tokens over all tokens. 1 when both are empty.
 *
 * @example
 * ```ts
 * import { jaccard } from 'threadline';
 *
 * console.log(jaccard(['12', 'main', 'st'], ['12', 'main', 'street'])); // 0.5
 * ```
 */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 1;
  let shared = 0;
  for (const token of setA) if (setB.has(token)) shared++;
  return shared / (setA.size + setB.size - shared);
}

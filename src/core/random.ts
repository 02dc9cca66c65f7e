/**
 * A source of uniform random numbers in [0, 1), like `Math.random`. The library never calls
 * `Math.random` itself: every function that needs randomness takes one of these, so the same
 * seed always gives the same result.
 *
 * @example
 * ```ts
 * import { seededRandom, type Random } from 'threadline';
 *
 * const random: Random = seededRandom(42);
 * console.log(random() >= 0 && random() < 1); // true
 * ```
 */
export type Random = () => number;

/**
 * A small, fast, seeded pseudo-random generator (the sfc32 algorithm), for reproducible
 * sampling, id generation and tests. Not for cryptography.
 *
 * @param seed - any integer; the same seed always gives the same sequence.
 * @returns a function returning numbers uniformly distributed in [0, 1).
 *
 * @example
 * ```ts
 * import { seededRandom } from 'threadline';
 *
 * const a = seededRandom(7);
 * const b = seededRandom(7);
 * console.log(a() === b()); // true
 * ```
 */
export function seededRandom(seed: number): Random {
  // Spread the seed over four words with splitmix32 so that nearby seeds give unrelated streams.
  let s = seed | 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const random = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still echo the seed; discard them.
  for (let i = 0; i < 12; i++) random();
  return random;
}

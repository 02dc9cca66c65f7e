/**
 * Keyed bijections that number people: every person gets a distinct phone number, suffix,
 * Messenger id and order numbers without the generator remembering which were given out, so
 * memory stays flat however many people the stream makes.
 */

/** A 32-bit integer hash (murmur3's finalizer): the round function of {@link permutation}. */
function mix(value: number, key: number): number {
  let z = Math.imul(value ^ key, 0x9e3779b1);
  z = Math.imul(z ^ (z >>> 15), 0x85ebca77);
  return (z ^ (z >>> 13)) >>> 0;
}

/**
 * A keyed bijection of [0, modulus) for moduli up to 2^52: distinct people get distinct
 * numbers, and neighbours get unrelated ones (a linear map would give them near-identical
 * digits, which a string comparison would mistake for a near-match). A four-round Feistel
 * network permutes the smallest even power of two that holds the range; values outside the
 * range are walked along their cycle until they fall inside it, in under four steps on average.
 */
export function permutation(modulus: number, key: number): (n: number) => number {
  let bits = 2;
  while (2 ** bits < modulus) bits += 2;
  const half = 2 ** (bits / 2);
  const mask = half - 1;
  return (n) => {
    let x = n;
    do {
      let left = Math.floor(x / half);
      let right = x - left * half;
      for (let round = 0; round < 4; round++) {
        const next = (left ^ (mix(right, key + round) & mask)) >>> 0;
        left = right;
        right = next;
      }
      x = left * half + right;
    } while (x >= modulus);
    return x;
  };
}

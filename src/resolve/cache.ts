/**
 * A bounded cache in two generations: entries go to the young map; when it fills, it becomes
 * the old one (the previous old one is dropped) and a read that finds an old entry moves it back
 * to the young map. Recently used entries survive, at most `size` are held, and a read is one
 * or two map lookups, with none of an LRU list's bookkeeping. What it returns never depends on
 * what it remembers: callers cache pure results only.
 */
export class GenerationCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  readonly #generation: number;

  /** @param size - the most entries held (two generations of half as many). */
  constructor(size: number) {
    this.#generation = Math.max(1, Math.ceil(size / 2));
  }

  /** The remembered value, if any. */
  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.#put(key, old);
    }
    return old;
  }

  /** Remembers a value (forgetting the oldest generation when the young one is full). */
  set(key: K, value: V): this {
    this.#put(key, value);
    return this;
  }

  /** How many entries are held. */
  get size(): number {
    return this.#young.size + this.#old.size;
  }

  #put(key: K, value: V): void {
    this.#young.set(key, value);
    if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }
}

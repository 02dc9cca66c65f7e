import fc from 'fast-check';

/**
 * A law an adopter runs in their own test runner: a name, and a check that resolves when the
 * law holds and rejects with the shrunk counterexample, in words, when it does not.
 *
 * @example
 * ```ts
 * import type { Law } from 'threadline/testing';
 *
 * const always: Law = { name: 'trivially true', check: async () => {} };
 * await always.check();
 * console.log(always.name);
 * ```
 */
export interface Law {
  /** What the law says. */
  readonly name: string;
  /** Resolves when it holds; rejects with the counterexample otherwise. */
  readonly check: () => Promise<void>;
}

/** How many runs a law makes, and from which seed. */
export interface LawRuns {
  /** Runs of the property (default 25). */
  readonly numRuns?: number;
  /** Seed for reproducible runs. */
  readonly seed?: number;
}

/**
 * Checks a property the way every law suite of the kit does: resolves when it holds, and
 * otherwise rejects with the law's name, the shrunk counterexample told by `explain`, and why it
 * failed (the property's own words, or the error it threw).
 */
export async function checkLaw<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  property: (value: T) => boolean | string | Promise<boolean | string>,
  explain: (value: T) => string,
  runs: LawRuns,
): Promise<void> {
  let why = '';
  const result = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      const outcome = await property(value);
      if (outcome === true) return true;
      why = outcome === false ? '' : outcome;
      return false;
    }),
    { numRuns: runs.numRuns ?? 25, ...(runs.seed === undefined ? {} : { seed: runs.seed }) },
  );
  if (!result.failed) return;
  const example = result.counterexample?.[0];
  const error =
    result.errorInstance instanceof Error ? `\nError: ${result.errorInstance.message}` : '';
  throw new Error(
    `Law "${name}" fails after ${result.numShrinks} shrinks (seed ${result.seed}, path "${result.counterexamplePath}").\n` +
      `Counterexample:\n${example === undefined ? '(none)' : explain(example)}${why === '' ? '' : `\nWhy: ${why}`}${error}`,
  );
}

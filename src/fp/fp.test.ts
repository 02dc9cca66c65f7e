import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { safeParseInteraction } from '../model/parse.js';
import { interactionArbitrary } from '../testing/arbitraries.js';
import { parseCustomerEither, parseInteractionEither, parseJourneyEither } from './index.js';

describe('threadline/fp', () => {
  it('agrees with safeParseInteraction on valid and invalid inputs', () => {
    const input = fc.oneof(
      interactionArbitrary().map((i) => JSON.parse(JSON.stringify(i))),
      fc.anything(),
    );
    fc.assert(
      fc.property(input, (value) => {
        const result = safeParseInteraction(value);
        const either = parseInteractionEither(value);
        expect(E.isRight(either)).toBe(result.ok);
        expect(result.ok ? E.right(result.value) : E.left(result.issues)).toEqual(either);
      }),
      { numRuns: 200 },
    );
  });

  it('returns the issues on the left', () => {
    const left = parseJourneyEither({ id: 'j' });
    expect(E.isLeft(left) && left.left.length > 0).toBe(true);
    expect(E.isLeft(parseCustomerEither(undefined))).toBe(true);
  });
});

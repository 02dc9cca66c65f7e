/**
 * The placeholder values that stand in for "unknown" in real data: public, so that tests can
 * check a resolver never links two customers through them.
 */

/**
 * Placeholder values people type into required fields, or systems write for "unknown". A
 * resolver must never link two customers through them; the generator draws from these lists.
 *
 * @example
 * ```ts
 * import { normalizeEmail } from 'threadline';
 * import { GENERATED_PLACEHOLDERS } from 'threadline/testing';
 *
 * console.log(GENERATED_PLACEHOLDERS.emails.every((e) => !normalizeEmail(e).matchable)); // true
 * ```
 */
export const GENERATED_PLACEHOLDERS = Object.freeze({
  /** Phone values for a withheld or unknown number. */
  phones: Object.freeze(['0000000000', '1234567890', '5555555555', '9999999999', 'n/a']),
  /** Email values typed to get past a required field. */
  emails: Object.freeze(['test@test.com', 'none@none.com', 'noemail@noemail.com', 'n/a']),
  /** Names shown when the customer gave none. */
  names: Object.freeze(['n/a', 'Guest', 'Customer', 'Unknown']),
});

import type { z } from 'zod';

/**
 * A nominal ("branded") string type. Values of a branded type are made only by the
 * validating constructors and schemas of this library, so a plain string can never be
 * passed where, say, a `PhoneE164` is expected.
 *
 * @example
 * ```ts
 * import type { Branded } from 'threadline';
 *
 * type TicketId = Branded<'TicketId'>;
 * const accept = (id: TicketId) => id;
 * // accept('T-1'); // does not compile: a plain string is not a TicketId
 * ```
 */
export type Branded<B extends string> = string & z.$brand<B>;

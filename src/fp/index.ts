/**
 * fp-ts interop: `Either` versions of threadline's fallible functions. Requires `fp-ts`
 * (an optional peer dependency of threadline).
 *
 * @packageDocumentation
 */
export {
  fromResult,
  parseCustomerEither,
  parseInteractionEither,
  parseJourneyEither,
} from './either.js';

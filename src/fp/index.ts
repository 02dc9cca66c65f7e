/**
 * fp-ts and io-ts interop for threadline. Requires `fp-ts` and `io-ts` (optional peer
 * dependencies of threadline); the root entry never loads them.
 *
 * **Codecs.** `XCodec` is an io-ts codec for each public model type (`InteractionCodec`,
 * `JourneyCodec`, `CustomerCodec`, `IdentifierCodec`, `TrustCodec`, the branded ids...). Each
 * is equivalent to the model's zod schema as `safeParseX` applies it: the same inputs accepted
 * and refused (unknown keys, `__proto__` keys, cross-field rules), the same defaults, the same
 * decoded values. `toIssues` and `formatErrors` turn io-ts errors into threadline issues with
 * zod's paths; `decodeWith(codec)` decodes straight to an `Either` of issues.
 *
 * **Either and TaskEither.** For every fallible function `x` of the root entry there is an
 * `xEither` with the same parameters, returning `Either<readonly Issue[], T>`: `Left` with the
 * issues the throwing `x` would have put in its `ThreadlineError` (or `safeX` in its result),
 * `Right` with the value. Functions that can take long on large inputs (`trainModel`,
 * `prepareRecords`, `predict`) also have an `xTaskEither`, a lazy `TaskEither` that does the
 * work when invoked. Objects with methods get the same treatment: `eitherMethods(threader)`
 * and `taskEitherMethods(resolver)` (for the resolver's and stores' promise-returning
 * methods). Only `ThreadlineError` becomes a `Left`: any other exception is a bug and is thrown
 * on (or rejects the task). `liftEither` and `liftTaskEither` build the same for functions of
 * your own.
 *
 * @packageDocumentation
 */
export type { CodecOf } from './codec-of.js';
export {
  fromResult,
  parseCustomerEither,
  parseInteractionEither,
  parseJourneyEither,
} from './either.js';
export {
  applyEventEither,
  clusterPredictionsEither,
  compileModelEither,
  compileReferencePatternsEither,
  createEmailNormalizerEither,
  createJourneyThreaderEither,
  createResolverEither,
  customerIdEither,
  doubleMetaphoneEither,
  explainPairEither,
  identifierKeyEither,
  interactionIdEither,
  journeyIdEither,
  journeyTimelineEither,
  matchWeightEither,
  newInteractionIdEither,
  normalizeEmailEither,
  normalizeNameEither,
  normalizePhoneEither,
  pairDetailEither,
  phoneticallyEqualEither,
  phoneticKeysEither,
  predictEither,
  predictTaskEither,
  prepareRecordsEither,
  prepareRecordsTaskEither,
  replayEventsEither,
  restorePreparedEither,
  threadJourneysEither,
  trainingSpecEither,
  trainModelEither,
  trainModelTaskEither,
} from './functions.js';
export {
  buildHandoffEither,
  createHandoffCacheEither,
  extractCommitmentsEither,
  extractFactsEither,
  fitHandoffEither,
  issueLineEither,
  issueSectionEither,
  renderHandoffEither,
  summarizeEither,
  toBotFrameworkHandoffEither,
  toConnectAttributesEither,
  toSunshinePassControlEither,
  toTwilioTaskAttributesEither,
} from './handoff.js';
export {
  AccountIdentifierCodec,
  DeviceIdentifierCodec,
  EmailIdentifierCodec,
  IdentifierCodec,
  ObservedIdentifierCodec,
  PhoneIdentifierCodec,
  ScopedIdIdentifierCodec,
  SocialIdentifierCodec,
  TrustCodec,
} from './identifier-codecs.js';
export {
  AttachmentCodec,
  AttributesCodec,
  InteractionCodec,
  MessageCodec,
  ParticipantCodec,
  ReferenceCodec,
  ThreadKeysCodec,
} from './interaction-codecs.js';
export { decodeWith, formatErrors, toIssues } from './issues.js';
export { CustomerCodec, CustomerIdentifierCodec, JourneyCodec } from './journey-codecs.js';
export {
  ChannelCodec,
  CustomerIdCodec,
  InteractionIdCodec,
  JourneyIdCodec,
  TimestampCodec,
} from './leaf-codecs.js';
export {
  type EitherMethods,
  eitherMethods,
  issuesOf,
  liftEither,
  liftTaskEither,
  type TaskEitherMethods,
  taskEitherMethods,
  tryThreadline,
} from './lift.js';

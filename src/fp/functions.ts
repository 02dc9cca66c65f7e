import type * as E from 'fp-ts/lib/Either.js';
import type { Issue } from '../core/result.js';
import { threadJourneys } from '../journey/thread.js';
import { createJourneyThreader } from '../journey/threader.js';
import { journeyTimeline } from '../journey/timeline.js';
import { clusterPredictions } from '../linkage/cluster/cluster.js';
import {
  type CompiledModel,
  type CompileOptions,
  safeCompileModel,
} from '../linkage/compile/compile.js';
import { explainPair } from '../linkage/explain/explain.js';
import { doubleMetaphone } from '../linkage/phonetic/double-metaphone.js';
import { phoneticallyEqual, phoneticKeys } from '../linkage/phonetic/keys.js';
import { pairDetail, predict } from '../linkage/predict/predict.js';
import { prepareRecords, restorePrepared } from '../linkage/prepare/prepare.js';
import { matchWeight } from '../linkage/score/score.js';
import type { ModelSpec, ModelSpecInput } from '../linkage/spec/spec.js';
import { trainingSpec, trainModel } from '../linkage/train/train.js';
import { customerId, interactionId, journeyId, newInteractionId } from '../model/ids.js';
import { createEmailNormalizer, normalizeEmail } from '../normalize/email/email.js';
import { identifierKey } from '../normalize/identifier/identifier.js';
import { normalizeName } from '../normalize/name/name.js';
import { normalizePhone } from '../normalize/phone/phone.js';
import {
  type ReferenceExtractor,
  safeCompileReferencePatterns,
} from '../normalize/reference/patterns.js';
import { createResolver } from '../resolve/resolver.js';
import { applyEvent, replayEvents } from '../resolve/state.js';
import { fromResult } from './either.js';
import { liftEither, liftTaskEither } from './lift.js';

// Model ------------------------------------------------------------------------------------

/**
 * `interactionId` as an `Either`: the branded id, or the reason the string is not one.
 *
 * @example
 * ```ts
 * import { interactionIdEither } from 'threadline/fp';
 *
 * console.log(interactionIdEither('call 2291')._tag); // Left
 * ```
 */
export const interactionIdEither = liftEither(interactionId);

/**
 * `customerId` as an `Either`.
 *
 * @example
 * ```ts
 * import { customerIdEither } from 'threadline/fp';
 *
 * console.log(customerIdEither('cus_42')); // { _tag: 'Right', right: 'cus_42' }
 * ```
 */
export const customerIdEither = liftEither(customerId);

/**
 * `journeyId` as an `Either`.
 *
 * @example
 * ```ts
 * import { journeyIdEither } from 'threadline/fp';
 *
 * console.log(journeyIdEither('')._tag); // Left
 * ```
 */
export const journeyIdEither = liftEither(journeyId);

/**
 * `newInteractionId` as an `Either`: `Left` when the clock's time is not one a ULID can hold.
 *
 * @example
 * ```ts
 * import { seededRandom } from 'threadline';
 * import { newInteractionIdEither } from 'threadline/fp';
 *
 * console.log(newInteractionIdEither({ now: -1, random: seededRandom(1) })._tag); // Left
 * ```
 */
export const newInteractionIdEither = liftEither(newInteractionId);

// Normalizers ------------------------------------------------------------------------------

/**
 * `normalizeEmail` as an `Either`: `Left` for malformed options. An address that is not valid
 * is still a `Right`: it is an outcome the result describes, not an error.
 *
 * @example
 * ```ts
 * import { normalizeEmailEither } from 'threadline/fp';
 *
 * console.log(normalizeEmailEither('Ana@Example.com', { roleLocalParts: [''] })._tag); // Left
 * ```
 */
export const normalizeEmailEither = liftEither(normalizeEmail);

/**
 * `createEmailNormalizer` as an `Either`: the normalizer, or the problems with the options.
 *
 * @example
 * ```ts
 * import { createEmailNormalizerEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const made = createEmailNormalizerEither({ disposableDomains: ['throwaway.dev'] });
 * if (E.isRight(made)) console.log(made.right('x@throwaway.dev').disposable); // true
 * ```
 */
export const createEmailNormalizerEither = liftEither(createEmailNormalizer);

/**
 * `normalizeName` as an `Either`: `Left` for malformed options.
 *
 * @example
 * ```ts
 * import { normalizeNameEither } from 'threadline/fp';
 *
 * console.log(normalizeNameEither('Ana Souza', { order: 'family-first' })._tag); // Right
 * ```
 */
export const normalizeNameEither = liftEither(normalizeName);

/**
 * `normalizePhone` as an `Either`: `Left` for a region the numbering metadata does not know.
 *
 * @example
 * ```ts
 * import { normalizePhoneEither } from 'threadline/fp';
 *
 * console.log(normalizePhoneEither('020 7946 0958', { region: 'ZZ' })._tag); // Left
 * ```
 */
export const normalizePhoneEither = liftEither(normalizePhone);

/**
 * `identifierKey` as an `Either`: `Left` when a phone region (the identifier's or the
 * option's) is unknown to the numbering metadata.
 *
 * @example
 * ```ts
 * import { identifierKeyEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const key = identifierKeyEither({ kind: 'phone', value: '020 7946 0958' }, { region: 'GB' });
 * if (E.isRight(key)) console.log(key.right.key); // phone:+442079460958
 * ```
 */
export const identifierKeyEither = liftEither(identifierKey);

/**
 * `compileReferencePatterns` as an `Either`: the extractor, or the problems with the patterns
 * (from `safeCompileReferencePatterns`).
 *
 * @example
 * ```ts
 * import { compileReferencePatternsEither } from 'threadline/fp';
 *
 * console.log(compileReferencePatternsEither([{ kind: 'order' }])._tag); // Left
 * ```
 */
export function compileReferencePatternsEither(
  specs: unknown,
): E.Either<readonly Issue[], ReferenceExtractor> {
  return fromResult(safeCompileReferencePatterns(specs));
}

// Phonetic keys ----------------------------------------------------------------------------

/**
 * `doubleMetaphone` as an `Either`: `Left` when `maxLength` is not a positive integer or
 * `Infinity`.
 *
 * @example
 * ```ts
 * import { doubleMetaphoneEither } from 'threadline/fp';
 *
 * console.log(doubleMetaphoneEither('Smith')); // { _tag: 'Right', right: [ 'SM0', 'XMT' ] }
 * console.log(doubleMetaphoneEither('Smith', 0)._tag); // Left
 * ```
 */
export const doubleMetaphoneEither = liftEither(doubleMetaphone);

/**
 * `phoneticKeys` as an `Either`: `Left` for an invalid `maxLength`.
 *
 * @example
 * ```ts
 * import { phoneticKeysEither } from 'threadline/fp';
 *
 * console.log(phoneticKeysEither('Ana Smith', 2.5)._tag); // Left
 * ```
 */
export const phoneticKeysEither = liftEither(phoneticKeys);

/**
 * `phoneticallyEqual` as an `Either`: `Left` for an invalid `maxLength`.
 *
 * @example
 * ```ts
 * import { phoneticallyEqualEither } from 'threadline/fp';
 *
 * console.log(phoneticallyEqualEither('Catherine', 'Kathryn')); // { _tag: 'Right', right: true }
 * ```
 */
export const phoneticallyEqualEither = liftEither(phoneticallyEqual);

// Matching engine --------------------------------------------------------------------------

/**
 * `compileModel` as an `Either`: the compiled model, or the path-addressed problems of the
 * spec (from `safeCompileModel`).
 *
 * @example
 * ```ts
 * import { compileModelEither } from 'threadline/fp';
 *
 * const r = compileModelEither({ comparisons: [{ name: 'x', levels: [{ kind: 'exact' }] }] });
 * console.log(r._tag); // Left
 * ```
 */
export function compileModelEither(
  spec: ModelSpecInput | ModelSpec,
  options: CompileOptions = {},
): E.Either<readonly Issue[], CompiledModel> {
  return fromResult(safeCompileModel(spec, options));
}

/**
 * `trainModel` as an `Either`: `Left` for a bad spec, or when there is nothing to estimate m
 * from. Training can take seconds on large inputs; see {@link trainModelTaskEither}.
 *
 * @example
 * ```ts
 * import { trainModelEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const spec = { comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] };
 * const r = trainModelEither(spec, [{ e: 'a' }, { e: 'b' }]);
 * if (E.isLeft(r)) console.log(r.left[0]?.code); // no_em_rules
 * ```
 */
export const trainModelEither = liftEither(trainModel);

/**
 * `trainingSpec` as an `Either`: the spec to prepare records with for training, or the problems
 * with the spec and options.
 *
 * @example
 * ```ts
 * import { trainingSpecEither } from 'threadline/fp';
 *
 * const spec = { comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] };
 * console.log(trainingSpecEither(spec)._tag); // Left (no blocking rule to estimate m from)
 * ```
 */
export const trainingSpecEither = liftEither(trainingSpec);

/**
 * `trainModel` as a lazy `TaskEither`: the training runs when the task is invoked.
 *
 * @example
 * ```ts
 * import { trainModelTaskEither } from 'threadline/fp';
 *
 * const people = [
 *   { id: '1', name: 'Ana Souza', city: 'Lisbon' }, { id: '2', name: 'Ana Sousa', city: 'Lisbon' },
 *   { id: '3', name: 'Bob Smith', city: 'Leeds' }, { id: '4', name: 'Robert Smith', city: 'Leeds' },
 * ];
 * const task = trainModelTaskEither(
 *   {
 *     comparisons: [{ name: 'name', field: 'name', levels: [{ kind: 'null' }, { kind: 'jaro_winkler', threshold: 0.9, transform: ['name'] }, { kind: 'else' }] }],
 *     blocking: [{ keys: [{ field: 'city', transform: ['fold'] }] }],
 *   },
 *   people,
 *   { u: { seed: 1 } },
 * );
 * const trained = await task();
 * console.log(trained._tag); // Right
 * ```
 */
export const trainModelTaskEither = liftTaskEither(trainModel);

/**
 * `prepareRecords` as an `Either`: `Left` when two records of one source share an id.
 *
 * @example
 * ```ts
 * import { compileModel } from 'threadline';
 * import { prepareRecordsEither } from 'threadline/fp';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * console.log(prepareRecordsEither(model, [{ id: 'a', e: 'x' }, { id: 'a', e: 'y' }])._tag); // Left
 * ```
 */
export const prepareRecordsEither = liftEither(prepareRecords);

/**
 * `prepareRecords` as a lazy `TaskEither`, for large record sets.
 *
 * @example
 * ```ts
 * import { compileModel } from 'threadline';
 * import { prepareRecordsTaskEither } from 'threadline/fp';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * const prepared = await prepareRecordsTaskEither(model, [{ e: 'x' }, { e: 'x' }])();
 * if (prepared._tag === 'Right') console.log(prepared.right.size); // 2
 * ```
 */
export const prepareRecordsTaskEither = liftTaskEither(prepareRecords);

/**
 * `restorePrepared` as an `Either`: `Left` when the snapshot does not fit the model.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords, preparedSnapshot } from 'threadline';
 * import { restorePreparedEither } from 'threadline/fp';
 *
 * const one = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * const two = compileModel({ comparisons: [
 *   { name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] },
 *   { name: 'f', field: 'f', levels: [{ kind: 'exact' }, { kind: 'else' }] },
 * ] });
 * const snapshot = preparedSnapshot(prepareRecords(one, [{ e: 'x' }]));
 * console.log(restorePreparedEither(one, snapshot)._tag, restorePreparedEither(two, snapshot)._tag); // Right Left
 * ```
 */
export const restorePreparedEither = liftEither(restorePrepared);

/**
 * `predict` as an `Either`: `Left` when the model is not trained or a threshold is out of
 * range.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords } from 'threadline';
 * import { predictEither } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * const r = predictEither(prepareRecords(model, [{ e: 'x' }, { e: 'x' }]));
 * if (E.isLeft(r)) console.log(r.left[0]?.code); // model_not_trained
 * ```
 */
export const predictEither = liftEither(predict);

/**
 * `predict` as a lazy `TaskEither`, for scoring many pairs.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords } from 'threadline';
 * import { predictTaskEither } from 'threadline/fp';
 *
 * const model = compileModel({ prior: 0.1, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }], blocking: [{ keys: [{ field: 'x' }] }] });
 * const data = prepareRecords(model, [{ x: '1' }, { x: '1' }, { x: '2' }]);
 * const scored = await predictTaskEither(data, { threshold: { probability: 2 } })();
 * console.log(scored._tag); // Left
 * ```
 */
export const predictTaskEither = liftTaskEither(predict);

/**
 * `pairDetail` as an `Either`: `Left` when the model is not trained.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords } from 'threadline';
 * import { pairDetailEither } from 'threadline/fp';
 *
 * const model = compileModel({ prior: 0.1, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }] });
 * const detail = pairDetailEither(prepareRecords(model, [{ x: '1' }, { x: '1' }]), 0, 1);
 * if (detail._tag === 'Right') console.log(detail.right.comparisons[0]?.label); // exact
 * ```
 */
export const pairDetailEither = liftEither(pairDetail);

/**
 * `explainPair` as an `Either`: `Left` when the model is not trained.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords } from 'threadline';
 * import { explainPairEither } from 'threadline/fp';
 *
 * const untrained = compileModel({ comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * console.log(explainPairEither(prepareRecords(untrained, [{ x: '1' }, { x: '1' }]), 0, 1)._tag); // Left
 * ```
 */
export const explainPairEither = liftEither(explainPair);

/**
 * `matchWeight` as an `Either`: `Left` when the model is not trained.
 *
 * @example
 * ```ts
 * import { compileModel, prepareRecords } from 'threadline';
 * import { matchWeightEither } from 'threadline/fp';
 *
 * const model = compileModel({ prior: 0.5, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.8, u: 0.2 }, { kind: 'else', m: 0.2, u: 0.8 }] }] });
 * console.log(matchWeightEither(prepareRecords(model, [{ x: '1' }, { x: '1' }]), 0, 1)); // { _tag: 'Right', right: 2 }
 * ```
 */
export const matchWeightEither = liftEither(matchWeight);

/**
 * `clusterPredictions` as an `Either`: `Left` when a threshold is out of range.
 *
 * @example
 * ```ts
 * import { compileModel, predict, prepareRecords } from 'threadline';
 * import { clusterPredictionsEither } from 'threadline/fp';
 *
 * const model = compileModel({ prior: 0.1, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }], blocking: [{ keys: [{ field: 'x' }] }] });
 * const predictions = predict(prepareRecords(model, [{ x: '1' }, { x: '1' }, { x: '2' }]));
 * const clusters = clusterPredictionsEither(predictions);
 * if (clusters._tag === 'Right') console.log(clusters.right.members); // [ [ 0, 1 ], [ 2 ] ]
 * console.log(clusterPredictionsEither(predictions, { threshold: { probability: -1 } })._tag); // Left
 * ```
 */
export const clusterPredictionsEither = liftEither(clusterPredictions);

// Journeys ---------------------------------------------------------------------------------

/**
 * `threadJourneys` as an `Either`: `Left` for bad options, or when two interactions share an
 * id.
 *
 * @example
 * ```ts
 * import { parseInteraction } from 'threadline';
 * import { threadJourneysEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z' });
 * console.log(threadJourneysEither([chat], { customerId: 'cus-1' })._tag); // Right
 * console.log(threadJourneysEither([chat, chat], { customerId: 'cus-1' })._tag); // Left
 * ```
 */
export const threadJourneysEither = liftEither(threadJourneys);

/**
 * `createJourneyThreader` as an `Either`: the threader, or the problems with the options. Its
 * `add` still throws on a repeated interaction; wrap the threader with `eitherMethods` to get
 * an `Either` there too.
 *
 * @example
 * ```ts
 * import { createJourneyThreaderEither } from 'threadline/fp';
 *
 * console.log(createJourneyThreaderEither({ customerId: 'cus 7' })._tag); // Left
 * ```
 */
export const createJourneyThreaderEither = liftEither(createJourneyThreader);

/**
 * `journeyTimeline` as an `Either`: `Left` for bad options.
 *
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 * import { journeyTimelineEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z' });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * if (journey) console.log(journeyTimelineEither(journey, [chat], { now: 'soon' })._tag); // Left
 * ```
 */
export const journeyTimelineEither = liftEither(journeyTimeline);

// Identity resolution ----------------------------------------------------------------------

/**
 * `createResolver` as an `Either`: the resolver, or the problems with the options. Its
 * methods return promises; wrap it with `taskEitherMethods` for `TaskEither`s.
 *
 * @example
 * ```ts
 * import { createResolverEither } from 'threadline/fp';
 *
 * console.log(createResolverEither({ thresholds: { link: 2 } })._tag); // Left
 * ```
 */
export const createResolverEither = liftEither(createResolver);

/**
 * `applyEvent` as an `Either`: `Right` once the event is applied (the state changes in place),
 * `Left` with the state unchanged when the event is out of order or inconsistent.
 *
 * @example
 * ```ts
 * import { emptyResolverState } from 'threadline';
 * import { applyEventEither } from 'threadline/fp';
 *
 * const state = emptyResolverState();
 * const r = applyEventEither(state, {
 *   type: 'customer_created', seq: 2, at: '2026-03-01T09:00:00Z', actor: { kind: 'automatic' },
 *   customerId: 'cus_a' as never,
 *   interaction: { id: 'em-1' as never, channel: 'email', at: '2026-03-01T09:00:00Z', identifiers: [], fields: {}, confidence: 1 },
 * });
 * console.log(r._tag, state.head); // Left 0
 * ```
 */
export const applyEventEither = liftEither(applyEvent);

/**
 * `replayEvents` as an `Either`: the state, or the problems with the event log.
 *
 * @example
 * ```ts
 * import { replayEventsEither } from 'threadline/fp';
 *
 * const r = replayEventsEither([]);
 * if (r._tag === 'Right') console.log(r.right.customers.size); // 0
 * ```
 */
export const replayEventsEither = liftEither(replayEvents);

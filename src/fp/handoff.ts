import {
  buildHandoff,
  createHandoffCache,
  extractCommitments,
  extractFacts,
  fitHandoff,
  issueLine,
  issueSection,
  renderHandoff,
  summarize,
  toBotFrameworkHandoff,
  toConnectAttributes,
  toSunshinePassControl,
  toTwilioTaskAttributes,
} from '../handoff/index.js';
import { liftEither } from './lift.js';

/**
 * `buildHandoff` as an `Either`: the packet, or the problems with the input or options.
 *
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 * import { buildHandoffEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * console.log(buildHandoffEither({ journey: journey as never, interactions: [chat] }, { to: 'phone', now: '2026-03-01T10:00:00Z' })._tag); // Right
 * console.log(buildHandoffEither({ journey: journey as never, interactions: [chat] }, { to: 'phone', now: 'soon' })._tag); // Left
 * ```
 */
export const buildHandoffEither = liftEither(buildHandoff);

/**
 * `renderHandoff` as an `Either`: the rendered text, or why it cannot fit.
 *
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys } from 'threadline';
 * import { renderHandoffEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * const packet = buildHandoff({ journey: journey as never, interactions: [chat] }, { to: 'phone', now: '2026-03-01T10:00:00Z' });
 * console.log(renderHandoffEither(packet, { format: 'text' })._tag); // Right
 * ```
 */
export const renderHandoffEither = liftEither(renderHandoff);

/**
 * `fitHandoff` as an `Either`: the packet as a renderer would show it, or why it cannot fit.
 *
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys } from 'threadline';
 * import { fitHandoffEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * const packet = buildHandoff({ journey: journey as never, interactions: [chat] }, { to: 'phone', now: '2026-03-01T10:00:00Z' });
 * console.log(fitHandoffEither(packet, { format: 'markdown' })._tag); // Right
 * ```
 */
export const fitHandoffEither = liftEither(fitHandoff);

/**
 * `toBotFrameworkHandoff` as an `Either`: the Bot Framework `handoff.initiate` activity, or the problems.
 *
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys } from 'threadline';
 * import { toBotFrameworkHandoffEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * const packet = buildHandoff({ journey: journey as never, interactions: [chat] }, { to: 'chat', now: '2026-03-01T10:00:00Z' });
 * console.log(toBotFrameworkHandoffEither(packet)._tag); // Right
 * ```
 */
export const toBotFrameworkHandoffEither = liftEither(toBotFrameworkHandoff);

/**
 * `toConnectAttributes` as an `Either`: Amazon Connect contact attributes, or the problems.
 *
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys } from 'threadline';
 * import { toConnectAttributesEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * const packet = buildHandoff({ journey: journey as never, interactions: [chat] }, { to: 'phone', now: '2026-03-01T10:00:00Z' });
 * console.log(toConnectAttributesEither(packet)._tag); // Right
 * ```
 */
export const toConnectAttributesEither = liftEither(toConnectAttributes);

/**
 * `toSunshinePassControl` as an `Either`: Sunshine Conversations `passControl` metadata, or the problems.
 *
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys } from 'threadline';
 * import { toSunshinePassControlEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * const packet = buildHandoff({ journey: journey as never, interactions: [chat] }, { to: 'chat', now: '2026-03-01T10:00:00Z' });
 * console.log(toSunshinePassControlEither(packet)._tag); // Right
 * ```
 */
export const toSunshinePassControlEither = liftEither(toSunshinePassControl);

/**
 * `toTwilioTaskAttributes` as an `Either`: Twilio task attributes, or the problems.
 *
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, threadJourneys } from 'threadline';
 * import { toTwilioTaskAttributesEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * const packet = buildHandoff({ journey: journey as never, interactions: [chat] }, { to: 'phone', now: '2026-03-01T10:00:00Z' });
 * console.log(toTwilioTaskAttributesEither(packet)._tag); // Right
 * ```
 */
export const toTwilioTaskAttributesEither = liftEither(toTwilioTaskAttributes);

/**
 * `extractFacts` as an `Either`: the facts ledger, or the problems with the options.
 *
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 * import { extractFactsEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * console.log(extractFactsEither([chat])._tag); // Right
 * ```
 */
export const extractFactsEither = liftEither(extractFacts);

/**
 * `extractCommitments` as an `Either`: the commitments, or the problems with the options.
 *
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 * import { extractCommitmentsEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * console.log(extractCommitmentsEither([chat], { now: '2026-03-01T10:00:00Z' })._tag); // Right
 * ```
 */
export const extractCommitmentsEither = liftEither(extractCommitments);

/**
 * `issueLine` as an `Either`: the issue line, or the problems with the options.
 *
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 * import { issueLineEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * console.log(issueLineEither([chat], { budgetChars: 120 })._tag); // Right
 * console.log(issueLineEither([chat], { budgetChars: 5 })._tag); // Left
 * ```
 */
export const issueLineEither = liftEither(issueLine);

/**
 * `issueSection` as an `Either`: the issue and summary, or the problems with the options.
 *
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 * import { issueSectionEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * console.log(issueSectionEither([chat], { budgetChars: 360 })._tag); // Right
 * ```
 */
export const issueSectionEither = liftEither(issueSection);

/**
 * `summarize` as an `Either`: the summary, or the problems with the options.
 *
 * @example
 * ```ts
 * import { parseInteraction, threadJourneys } from 'threadline';
 * import { summarizeEither } from 'threadline/fp';
 *
 * const chat = parseInteraction({ id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', participants: [{ role: 'customer', name: 'Ana Souza' }], messages: [{ author: 'customer', text: 'Order #PX-40917 has not arrived.', at: '2026-03-01T09:00:00Z' }] });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * console.log(summarizeEither([chat], { budgetChars: 360 })._tag); // Right
 * ```
 */
export const summarizeEither = liftEither(summarize);

/**
 * `createHandoffCache` as an `Either`: a cache to share between builds, or the problems with its
 * options.
 *
 * @example
 * ```ts
 * import { createHandoffCacheEither } from 'threadline/fp';
 *
 * console.log(createHandoffCacheEither({ maxTexts: 2000 })._tag); // Right
 * console.log(createHandoffCacheEither({ maxTexts: -1 })._tag); // Left
 * ```
 */
export const createHandoffCacheEither = liftEither(createHandoffCache);

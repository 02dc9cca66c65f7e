/**
 * The adopter kit: fast-check arbitraries for every model type, for property-based tests in
 * your own CI. Requires `fast-check` (an optional peer dependency of threadline).
 *
 * @packageDocumentation
 */
export {
  customerArbitrary,
  emailTextArbitrary,
  type InteractionArbitraryOptions,
  identifierArbitrary,
  interactionArbitrary,
  journeyArbitrary,
  messyTextArbitrary,
  observedIdentifierArbitrary,
  phoneTextArbitrary,
  type TimeWindow,
  timestampArbitrary,
} from './arbitraries.js';
export {
  GENERATED_CHANNELS,
  GENERATED_PLACEHOLDERS,
  GENERATED_REGIONS,
  type GeneratedInteraction,
  generatedBusinessIdentifiers,
  generateInteractions,
  type InteractionFeature,
  type InteractionGenerationOptions,
  InteractionGenerationOptionsSchema,
  type InteractionStream,
  type InteractionStreamStats,
  type SeparatedInteractions,
  separateInteractionTruth,
} from './interactions/index.js';
export type { Law } from './law.js';
export { type PacketLawOptions, packetLaws } from './packet-laws.js';
export {
  generatePopulation,
  POPULATION_COLUMNS,
  type PopulationOptions,
  type PopulationRecord,
  type SeparatedPopulation,
  separateTruth,
} from './population.js';
export {
  contactStreamArbitrary,
  type ResolverLawOptions,
  resolverLaws,
} from './resolver-laws.js';
export { type StoreConformanceOptions, storeConformance } from './store-conformance.js';

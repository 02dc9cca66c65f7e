/**
 * A seeded, lazy stream of omnichannel customer-service interactions with ground truth and the
 * hard cases identity resolution meets in practice. This is the folder's public surface.
 */

export { generatedBusinessIdentifiers } from './business.js';
export { generateInteractions } from './generate.js';
export {
  GENERATED_CHANNELS,
  type InteractionGenerationOptions,
  InteractionGenerationOptionsSchema,
} from './options.js';
export { GENERATED_REGIONS } from './phone-plans.js';
export { GENERATED_PLACEHOLDERS } from './placeholders.js';
export { type SeparatedInteractions, separateInteractionTruth } from './truth.js';
export type {
  GeneratedInteraction,
  InteractionFeature,
  InteractionStream,
  InteractionStreamStats,
} from './types.js';

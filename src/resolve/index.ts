export {
  defaultInteractionFields,
  type InteractionFields,
} from './evidence.js';
export { omnichannelModelSpec } from './model.js';
export {
  type Guards,
  type GuardsInput,
  GuardsSchema,
  type ResolverSettings,
  ResolverSettingsSchema,
  type Thresholds,
  ThresholdsSchema,
} from './options.js';
export {
  type Actor,
  ActorSchema,
  type CustomerRecord,
  CustomerRecordSchema,
  type Evidence,
  EvidenceSchema,
  type IdentifierEntry,
  IdentifierEntrySchema,
  type InteractionEntry,
  InteractionEntrySchema,
  type ResolverEvent,
  ResolverEventSchema,
  type Review,
  ReviewSchema,
} from './records.js';
export {
  type CandidateScore,
  type ChangeOptions,
  createResolver,
  type Decision,
  type IngestResult,
  type LabelledPair,
  type Lineage,
  type Resolver,
  type ResolverOptions,
  type ResolverSnapshot,
  type SplitOptions,
} from './resolver.js';
export {
  applyEvent,
  canonicalCustomerId,
  emptyResolverState,
  type ResolverState,
  replayEvents,
} from './state.js';
export { createMemoryStore, type Posting, type ResolverStore, type StoreCommit } from './store.js';

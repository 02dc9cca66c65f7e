export { extractActions } from './actions.js';
export { extractCommitments } from './commitments.js';
export { extractFacts } from './facts.js';
export { type FactValueOptions, normalizeFactValue } from './normalize.js';
export {
  type CommitmentOptions,
  CommitmentOptionsSchema,
  type ExtractFactsOptions,
  ExtractFactsOptionsSchema,
} from './options.js';
export { extractOpenQuestions } from './questions.js';
export {
  type Commitment,
  CommitmentSchema,
  type ConversationSide,
  ConversationSideSchema,
  type Fact,
  type FactCitation,
  FactCitationSchema,
  type FactEvidence,
  FactEvidenceSchema,
  type FactKind,
  FactKindSchema,
  FactSchema,
  type OpenQuestion,
  OpenQuestionSchema,
  type SentimentTrend,
  SentimentTrendSchema,
  type TriedAction,
  TriedActionSchema,
} from './schema.js';
export { sentiment, sentimentTrend } from './sentiment.js';

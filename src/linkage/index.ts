export {
  type BlockingOptions,
  type BlockingReport,
  blockingKeys,
  countCandidatePairs,
  forEachCandidatePair,
  rawPairCount,
} from './blocking/blocking.js';
export { type ClusterOptions, type Clusters, clusterPredictions } from './cluster/cluster.js';
export {
  type CompiledBlockingRule,
  type CompiledComparison,
  type CompiledInput,
  type CompiledLevel,
  type CompiledModel,
  type CompileOptions,
  type CustomPredicate,
  compileModel,
  safeCompileModel,
} from './compile/compile.js';
export {
  type Accuracy,
  type EvaluateOptions,
  type Evaluation,
  evaluateClusters,
  evaluatePredictions,
  type PairError,
  type Truth,
} from './evaluate/evaluate.js';
export {
  explainPair,
  formatWaterfall,
  type Waterfall,
  type WaterfallStep,
} from './explain/explain.js';
export {
  DEFAULT_PHONETIC_LENGTH,
  type DoubleMetaphoneCodes,
  doubleMetaphone,
  phoneticallyEqual,
  phoneticKeys,
} from './phonetic/index.js';
export {
  type ComparisonContribution,
  type PairDetail,
  type Predictions,
  type PredictOptions,
  pairDetail,
  predict,
  type ScoredPair,
  scoredPairs,
  type Threshold,
} from './predict/predict.js';
export {
  bindModel,
  type FrequencyTable,
  type LinkRecord,
  type PreparedColumn,
  type PreparedRecords,
  type PreparedSnapshot,
  type PrepareOptions,
  preparedSnapshot,
  prepareRecords,
  recordValues,
  restorePrepared,
} from './prepare/prepare.js';
export {
  type ColumnKind,
  codeComparison,
  type DefaultModelOptions,
  dateOfBirthComparison,
  defaultModelSpec,
  emailComparison,
  familyNameComparison,
  fullNameComparison,
  givenNameComparison,
  handleComparison,
  idNumberComparison,
  phoneComparison,
  referencesComparison,
  textComparison,
} from './presets/presets.js';
export {
  comparisonLevels,
  levelScorer,
  matchWeight,
  probabilityFromWeight,
  termFrequencyAdjustment,
  weightFromProbability,
} from './score/score.js';
export {
  damerauLevenshtein,
  damerauLevenshteinWithin,
  jaccard,
  jaro,
  jaroWinkler,
  levenshtein,
} from './similarity/similarity.js';
export {
  type BlockingKeySpec,
  BlockingKeySpecSchema,
  type BlockingRuleSpec,
  BlockingRuleSpecSchema,
  type ComparisonSpec,
  type ComparisonSpecInput,
  ComparisonSpecSchema,
  type LevelSpec,
  LevelSpecSchema,
  type ModelSpec,
  type ModelSpecInput,
  ModelSpecSchema,
  type TermFrequencyTable,
  TermFrequencyTableSchema,
  type TransformSpec,
  TransformSpecSchema,
} from './spec/spec.js';
export type {
  EmOptions,
  EmSessionReport,
  USamplingOptions,
  USamplingReport,
} from './train/estimate.js';
export {
  type TrainedModel,
  type TrainingReport,
  type TrainOptions,
  trainingSpec,
  trainModel,
} from './train/train.js';
export {
  type MemoTable,
  type NormalizationMemo,
  newNormalizationMemo,
} from './transform/transform.js';

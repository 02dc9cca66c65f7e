export { defaultReferenceExtractor, defaultReferencePatterns } from './defaults.js';
export {
  type ExtractionStats,
  extractReferences,
  type FoundReference,
  FoundReferenceSchema,
  referenceStepBound,
} from './extract.js';
export {
  normalizeReferenceValue,
  passesReferenceCheck,
  type ReferenceCheck,
  ReferenceCheckSchema,
  type ReferenceNormalization,
  ReferenceNormalizationSchema,
} from './keys.js';
export {
  compileReferencePatterns,
  type ReferenceExtractor,
  type ReferencePatternSpec,
  ReferencePatternSpecSchema,
  safeCompileReferencePatterns,
} from './patterns.js';

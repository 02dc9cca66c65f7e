export { issueLine } from './issue.js';
export {
  type HandoffSummary,
  HandoffSummarySchema,
  type HandoffSummarySentence,
  HandoffSummarySentenceSchema,
  type IssueLine,
  type IssueLineOptions,
  IssueLineOptionsSchema,
  IssueLineSchema,
  type IssueSection,
  type IssueSectionOptions,
  IssueSectionOptionsSchema,
  IssueSectionSchema,
  type SummarizeOptions,
  SummarizeOptionsSchema,
} from './schema.js';
export { issueSection } from './section.js';
export { summarize } from './summarize.js';

export {
  type BotFrameworkHandoff,
  type BotFrameworkHandoffOptions,
  BotFrameworkHandoffOptionsSchema,
  type TranscriptActivity,
  toBotFrameworkHandoff,
} from './adapters/bot-framework.js';
export {
  type ConnectAttributes,
  type ConnectAttributesOptions,
  ConnectAttributesOptionsSchema,
  toConnectAttributes,
} from './adapters/connect.js';
export {
  type SunshinePassControl,
  type SunshinePassControlOptions,
  SunshinePassControlOptionsSchema,
  toSunshinePassControl,
} from './adapters/sunshine.js';
export {
  type TwilioTaskAttributes,
  type TwilioTaskAttributesOptions,
  TwilioTaskAttributesOptionsSchema,
  toTwilioTaskAttributes,
} from './adapters/twilio.js';
export {
  createHandoffCache,
  type HandoffCache,
  type HandoffCacheOptions,
  HandoffCacheOptionsSchema,
} from './cache/cache.js';
export { type Citation, CitationSchema } from './citation.js';
export * from './extract/index.js';
export { estimateTokens } from './fit/measure.js';
export { buildHandoff } from './packet/build.js';
export {
  type HandoffIdentity,
  type HandoffInput,
  type HandoffOptions,
  HandoffOptionsSchema,
} from './packet/options.js';
export {
  type HandoffBudget,
  HandoffBudgetSchema,
  type HandoffFormat,
  HandoffFormatSchema,
  type HandoffPacket,
  HandoffPacketSchema,
  type HandoffReader,
  HandoffReaderSchema,
} from './packet/schema.js';
export {
  buildHandoffWithSummary,
  type HandoffSummarizer,
  type HandoffWithSummary,
  type HandoffWithSummaryOptions,
  SummarizerOptionsSchema,
} from './packet/summarizer.js';
export { type MaskKind, maskValue } from './redact/mask.js';
export {
  fitHandoff,
  type RenderHandoffOptions,
  RenderHandoffOptionsSchema,
  renderHandoff,
} from './render/render.js';
export * from './summary/index.js';

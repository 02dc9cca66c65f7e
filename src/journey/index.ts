export {
  defaultSwitchCues,
  type SwitchCueSpec,
  SwitchCueSpecSchema,
  type SwitchTarget,
  SwitchTargetSchema,
} from './cues.js';
export {
  ChannelSwitchEvidenceSchema,
  type JourneyAssignment,
  JourneyAssignmentSchema,
  type JourneyEvidence,
  JourneyEvidenceSchema,
  NewJourneyEvidenceSchema,
  ReferenceEvidenceSchema,
  ReopenEvidenceSchema,
  type ThreadHeader,
  ThreadHeaderSchema,
  ThreadKeyEvidenceSchema,
  TimeWindowEvidenceSchema,
  TopicEvidenceSchema,
} from './evidence.js';
export { type JourneyThreadingOptions, JourneyThreadingOptionsSchema } from './options.js';
export { type JourneyThreading, threadJourneys } from './thread.js';
export { createJourneyThreader, type JourneyThreader } from './threader.js';
export {
  type JourneyHop,
  JourneyHopSchema,
  type JourneyTimeline,
  type JourneyTimelineOptions,
  JourneyTimelineOptionsSchema,
  JourneyTimelineSchema,
  journeyTimeline,
} from './timeline.js';

import type { JourneyTimeline } from '../../journey/timeline.js';
import type { Customer } from '../../model/customer.js';
import type { Interaction } from '../../model/interaction.js';
import type { Journey } from '../../model/journey.js';
import type { Conversation } from '../extract/walk.js';
import type { Policy } from '../redact/policy.js';
import type { RedactionLog } from '../redact/report.js';
import type { Scrubber } from '../redact/scrub.js';
import type { SectionMemo } from '../summary/section.js';
import type { CompiledHandoffOptions, HandoffIdentity } from './options.js';

/** Everything the section builders share while one packet is built. */
export interface BuildContext {
  readonly options: CompiledHandoffOptions;
  readonly policy: Policy;
  readonly log: RedactionLog;
  readonly scrub: Scrubber;
  readonly journey: Journey;
  /** The journey's interactions as given, oldest first (start time, then id). */
  readonly raw: readonly Interaction[];
  /** The same interactions with every secret replaced in their texts. */
  readonly redacted: readonly Interaction[];
  /** The redacted interactions as one conversation, their texts read once for the build. */
  readonly talk: Conversation;
  readonly timeline: JourneyTimeline;
  readonly customer: Customer | undefined;
  readonly identity: HandoffIdentity | undefined;
  /**
   * The customer's identifiers linked below the disclosure threshold: their resolver keys, and
   * their values as written, lower-cased, after `=`.
   */
  readonly undisclosed: ReadonlySet<string>;
  /** The summary's tables kept by a handoff cache, when the build has one. */
  readonly section: SectionMemo | undefined;
}

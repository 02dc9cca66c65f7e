/**
 * The interaction being built: the person, how corrupted this interaction is, and the
 * identifiers and hard-case features gathered so far. Renderers and channels all write
 * into one draft.
 */

import type { ObservedIdentifier, Trust } from '../../model/identifier.js';
import type { Context } from './context.js';
import type { Person } from './people.js';
import type { InteractionFeature } from './types.js';

/** How a verified identifier was verified. */
export type VerificationMethod = 'channel_native' | 'login' | 'otp';

// Every interaction gets its own objects, so that an adopter editing one edits only that one.
export const claimed = (): Trust => ({ level: 'claimed' });
const verified = (method: VerificationMethod): Trust => ({ level: 'verified', method });

/** What one interaction is being built from. */
export interface Draft {
  readonly ctx: Context;
  readonly person: Person;
  readonly corruption: number;
  readonly identifiers: ObservedIdentifier[];
  readonly features: InteractionFeature[];
}

/** Records a hard case the interaction shows, once. */
export function note(draft: Draft, feature: InteractionFeature): void {
  if (!draft.features.includes(feature)) draft.features.push(feature);
}

/** Verified by `method` at the requested share of the time, otherwise merely claimed. */
export function trustFor(draft: Draft, method: VerificationMethod): Trust {
  return draft.ctx.random() < draft.ctx.settings.verified ? verified(method) : claimed();
}

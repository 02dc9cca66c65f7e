/**
 * Adding identifiers to a draft: the person's current phone, address or handle (after any
 * change of number or handle), placeholders in place of a value, and the business's own
 * identifiers where a customer's belong. Each records the hard case it shows.
 */

import type { ObservedIdentifier } from '../../model/identifier.js';
import { BUSINESS_EMAIL, supportLine } from './business.js';
import { claimed, type Draft, note, trustFor } from './draft.js';
import { pick } from './draws.js';
import { switched } from './people.js';
import { GENERATED_PLACEHOLDERS } from './placeholders.js';
import { renderEmail, renderHandle, renderPhone } from './render.js';

/** The phone the person uses at this point of their history. */
function currentPhone(draft: Draft): string {
  const { person } = draft;
  const changed = switched(person, person.phoneChange);
  if (changed !== undefined) {
    note(draft, 'changed_phone');
    return changed;
  }
  if (person.sharesPhone) note(draft, 'shared_phone');
  return person.phone;
}

/** The handle the person uses at this point of their history, if they have one. */
function currentHandle(draft: Draft): string | undefined {
  const { person } = draft;
  const changed = switched(person, person.handleChange);
  if (changed !== undefined) {
    note(draft, 'new_handle');
    return changed;
  }
  return person.handle;
}

/** The person's current phone, as the channel delivered it. */
export function addPhone(draft: Draft, method: 'channel_native' | 'otp'): void {
  const digits = currentPhone(draft);
  const trust = trustFor(draft, method);
  const value = renderPhone(draft, digits, trust);
  if (draft.ctx.random() < 0.3) {
    draft.identifiers.push({ kind: 'phone', value, region: draft.ctx.settings.region, trust });
  } else draft.identifiers.push({ kind: 'phone', value, trust });
}

/** One of the person's addresses, or the shared mailbox they sometimes write from. */
export function addEmail(
  draft: Draft,
  method: 'channel_native' | 'otp',
  displayName: boolean,
): void {
  const { random } = draft.ctx;
  const { person } = draft;
  let address: string;
  if (person.mailbox !== undefined && random() < 0.6) {
    address = person.mailbox;
    note(draft, 'shared_mailbox');
  } else address = pick(random, person.emails);
  const trust = trustFor(draft, method);
  draft.identifiers.push({
    kind: 'email',
    value: renderEmail(draft, address, trust, displayName),
    trust,
  });
}

/** The person's current handle on `platform`, if they have one. */
export function addHandle(draft: Draft, platform: 'x' | 'instagram'): void {
  const handle = currentHandle(draft);
  if (handle === undefined) return;
  const trust = trustFor(draft, 'channel_native');
  const value = platform === 'instagram' ? handle.replaceAll('_', '.') : handle;
  draft.identifiers.push({
    kind: 'social',
    platform,
    handle: renderHandle(draft, value),
    trust,
  });
}

/** A placeholder typed where a value was required. */
export function addPlaceholder(draft: Draft, kind: 'phone' | 'email'): void {
  const { random } = draft.ctx;
  const value =
    kind === 'phone'
      ? pick(random, GENERATED_PLACEHOLDERS.phones)
      : pick(random, GENERATED_PLACEHOLDERS.emails);
  draft.identifiers.push({ kind, value, trust: claimed(), source: 'web-form' });
  note(draft, 'placeholder');
}

/** Shows one of the business's own identifiers among the customer's. */
export function addBusinessIdentifier(draft: Draft, identifier: ObservedIdentifier): void {
  draft.identifiers.push(identifier);
  note(draft, 'business_identifier');
}

/** The business's support address, typed by a customer as if it were theirs. */
export const addBusinessEmail = (draft: Draft): void =>
  addBusinessIdentifier(draft, { kind: 'email', value: BUSINESS_EMAIL, trust: claimed() });

/** The business's support line, as the record or the customer wrote it. */
export function addSupportLine(draft: Draft, source?: string): void {
  const value = supportLine(draft.ctx.plan, draft.corruption);
  addBusinessIdentifier(
    draft,
    source === undefined
      ? { kind: 'phone', value, trust: claimed() }
      : { kind: 'phone', value, trust: claimed(), source },
  );
}

/**
 * Rendering a person's values as channels deliver them: names with nicknames, initials and
 * dropped accents; addresses with Gmail dots and tags, display names and stray spaces; phone
 * numbers in national and international formats; handles with and without `@`. How much is
 * changed follows the draft's corruption.
 */

import type { Trust } from '../../model/identifier.js';
import { type Draft, note } from './draft.js';
import { pick } from './draws.js';
import { applyPattern, e164 } from './phone-plans.js';
import { capitalise, plainName, typo } from './spelling.js';
import { GMAIL_TAGS } from './vocabulary.js';

/** A name as the channel showed it: nicknames, initials, order, case and accents vary. */
export function renderName(draft: Draft, givenOnly: boolean): string {
  const { random } = draft.ctx;
  const c = draft.corruption;
  const { given } = draft.person;
  let first = given.length > 1 && random() < c * 0.4 ? pick(random, given.slice(1)) : given[0];
  let family = draft.person.family;
  if (random() < c * 0.05) family = typo(random, family);
  if (random() < c * 0.3) {
    first = plainName(first);
    family = plainName(family);
  }
  let name: string;
  if (givenOnly) name = first;
  else {
    const form = random();
    if (form < c * 0.1) name = `${first.slice(0, 1)}. ${family}`;
    else if (form < c * 0.2) name = `${first} ${family.slice(0, 1).toUpperCase()}.`;
    else if (form < c * 0.25) name = `${family}, ${first}`;
    else name = `${first} ${family}`;
  }
  const style = random();
  if (style < c * 0.2) name = name.toLowerCase();
  else if (style < c * 0.3) name = name.toUpperCase();
  return name;
}

/** An address as typed or shown, with the Gmail variants that reach the same mailbox. */
export function renderEmail(
  draft: Draft,
  address: string,
  trust: Trust,
  displayName: boolean,
): string {
  const { random } = draft.ctx;
  const c = draft.corruption;
  if (c === 0) return address;
  const at = address.lastIndexOf('@');
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  if (domain === 'gmail.com') {
    // Gmail ignores dots and `+tags`: the same mailbox written several ways.
    if (random() < c * 0.5) {
      if (local.includes('.')) local = local.replaceAll('.', '');
      else {
        const i = 1 + Math.floor(random() * (local.length - 1));
        local = `${local.slice(0, i)}.${local.slice(i)}`;
      }
    }
    if (random() < c * 0.3) local = `${local}+${pick(random, GMAIL_TAGS)}`;
    if (random() < c * 0.05) domain = 'googlemail.com';
  }
  if (trust.level === 'claimed' && random() < c * 0.06) {
    local = typo(random, local);
    note(draft, 'typo');
  }
  let value = `${local}@${domain}`;
  const casing = random();
  if (casing < c * 0.1) value = value.toUpperCase();
  else if (casing < c * 0.3) value = capitalise(value);
  if (displayName && random() < 0.35) {
    const name = renderName(draft, false).replaceAll('"', '');
    // A comma in a bare display name would split the header into two addresses.
    value = random() < 0.5 || name.includes(',') ? `"${name}" <${value}>` : `${name} <${value}>`;
  }
  if (random() < c * 0.15) value = random() < 0.5 ? ` ${value}` : `${value} `;
  return value;
}

/** A number as delivered: E.164 from carriers, any national or international format from people. */
export function renderPhone(draft: Draft, digits: string, trust: Trust): string {
  const { random, plan } = draft.ctx;
  const c = draft.corruption;
  const canonical = e164(plan, digits);
  if (c === 0) return canonical;
  // Carriers deliver caller ids in E.164; people and forms write numbers every which way.
  if (trust.level === 'verified' && random() < 0.7) return canonical;
  let nsn = digits;
  if (trust.level === 'claimed' && random() < c * 0.05) {
    const i = Math.floor(random() * (nsn.length - 1));
    const a = nsn[i] ?? '0';
    const b = nsn[i + 1] ?? '0';
    const swapped = a === b ? String((Number(a) + 1) % 10) + b : b + a;
    nsn = nsn.slice(0, i) + swapped + nsn.slice(i + 2);
    note(draft, 'typo');
  }
  if (random() > 0.3 + c) return e164(plan, nsn);
  const patterns = random() < 0.55 ? plan.national : plan.international;
  const value = applyPattern(pick(random, patterns), nsn);
  return random() < c * 0.1 ? ` ${value} ` : value;
}

/** A handle with its case changed and, sometimes, the `@` people add. */
export function renderHandle(draft: Draft, handle: string): string {
  const { random } = draft.ctx;
  const c = draft.corruption;
  let value = handle;
  const casing = random();
  if (casing < c * 0.4) value = capitalise(value);
  else if (casing < c * 0.5) value = value.toUpperCase();
  if (random() < Math.min(1, c) * 0.6) value = `@${value}`;
  return value;
}

/**
 * Making people: a name, personal addresses, a phone number, maybe a social handle, account
 * and Messenger id, and the hard cases they carry for life (a household phone, a shared
 * mailbox, a number or handle they will change). A person is made only when their first
 * contact is due and keeps just the state needed to continue their history.
 */

import type { Random } from '../../core/random.js';
import type { Context } from './context.js';
import { drawIndex, poisson } from './draws.js';
import { emailAddress, phoneNumber, sharedMailbox, socialHandle, suffix } from './identities.js';
import { FAMILY, FAMILY_WEIGHTS, GIVEN, GIVEN_WEIGHTS, type GivenName } from './vocabulary.js';

/**
 * One person's stable attributes and the little state needed to continue their history.
 * Nothing here grows with the number of interactions.
 */
export interface Person {
  readonly ordinal: number;
  readonly id: string;
  readonly given: GivenName;
  readonly family: string;
  /** Personal addresses, as the person writes them when careful. */
  readonly emails: readonly string[];
  /** The number they use at first (a household's when `sharesPhone`), national digits. */
  readonly phone: string;
  readonly sharesPhone: boolean;
  /** The number they change to, if they change it. */
  readonly phoneChange: Change | undefined;
  readonly handle: string | undefined;
  /** The handle they change to, if they have one and change it. */
  readonly handleChange: Change | undefined;
  readonly account: string | undefined;
  readonly psid: string | undefined;
  readonly mailbox: string | undefined;
  readonly total: number;
  done: number;
  next: number;
  previous: number;
  journey: number;
  /** How many interactions of the current journey came before this one. */
  step: number;
  topic: number;
  order: string | undefined;
  lastMessageId: string | undefined;
}

/** A value a person switches to part-way through their history: a new number or handle. */
export interface Change {
  readonly value: string;
  /** The interaction (by position in their history) from which the value is used. */
  readonly from: number;
}

/** A change to `value` at a random point of a history of `total` interactions, or never. */
const changeTo = (value: string, random: Random, total: number): Change => ({
  value,
  from: total < 2 ? 1 : 1 + Math.floor(random() * (total - 1)),
});

/** The value a person has switched to by now, if they have. */
export const switched = (person: Person, change: Change | undefined): string | undefined =>
  change !== undefined && person.done >= change.from ? change.value : undefined;

/** The last person made: the next may share their phone and family name. */
export interface Household {
  phone: string;
  family: string;
}

/** Makes the `ordinal`th person, whose first contact is at `at`. */
export function createPerson(
  ctx: Context,
  ordinal: number,
  at: number,
  household: Household,
): Person {
  const { random, settings } = ctx;
  const people = settings.people;
  const given = GIVEN[drawIndex(random, GIVEN_WEIGHTS)] as GivenName;
  const sharesPhone = ordinal > 0 && random() < settings.sharedPhones;
  // A household shares its phone and, usually, its family name.
  const family =
    sharesPhone && random() < 0.7
      ? household.family
      : (FAMILY[drawIndex(random, FAMILY_WEIGHTS)] as string);
  const emails = [emailAddress(ctx, given, family, ordinal)];
  if (random() < 0.3) emails.push(emailAddress(ctx, given, family, ordinal + people));
  const phone = sharesPhone ? household.phone : phoneNumber(ctx, ordinal);
  const total = 1 + poisson(random, settings.interactionsPerPerson - 1);
  const changesPhone = random() < settings.changedPhones;
  const social = random() < ctx.socialShare;
  const handle = social ? socialHandle(ctx, given, family, ordinal) : undefined;
  const changesHandle = social && random() < settings.newHandles;
  household.phone = phone;
  household.family = family;
  const id = `p${ordinal}`;
  return {
    ordinal,
    id,
    given,
    family,
    emails,
    phone,
    sharesPhone,
    phoneChange: changesPhone
      ? changeTo(phoneNumber(ctx, ordinal + people), random, total)
      : undefined,
    handle,
    handleChange: changesHandle
      ? changeTo(socialHandle(ctx, given, family, ordinal + people), random, total)
      : undefined,
    account: random() < 0.6 ? `cus_${suffix(ctx, ordinal).padStart(ctx.digits, '0')}` : undefined,
    psid: social ? `7${String(ctx.psids(ordinal)).padStart(15, '0')}` : undefined,
    mailbox: random() < settings.sharedMailboxes ? sharedMailbox(ctx) : undefined,
    total,
    done: 0,
    next: at,
    previous: at,
    journey: 0,
    step: 0,
    topic: 0,
    order: undefined,
    lastMessageId: undefined,
  };
}

/**
 * The values that identify a person: a phone number, personal addresses, social handles
 * and the shared mailboxes some write from. Numberings keep them distinct between people,
 * so any two people who share a value share it on purpose.
 */

import type { Context } from './context.js';
import { drawIndex, pick } from './draws.js';
import { asciiWord } from './spelling.js';
import {
  FAMILY,
  type GivenName,
  MAILBOX_KINDS,
  MAILBOX_ROLES,
  PROVIDER_WEIGHTS,
  PROVIDERS,
} from './vocabulary.js';

/** The `n`th distinct number of the region's plan, as national digits. */
export function phoneNumber(ctx: Context, n: number): string {
  const { plan } = ctx;
  const value = ctx.phones(n);
  const unit = 10 ** plan.tail;
  const prefix = plan.prefixes[Math.floor(value / unit)] as string;
  return prefix + String(value % unit).padStart(plan.tail, '0');
}

/** The `n`th distinct suffix: it keeps addresses, handles and account ids apart. */
export const suffix = (ctx: Context, n: number): string => String(ctx.suffixes(n));

/** A personal address in one of the styles people choose. */
export function emailAddress(ctx: Context, given: GivenName, family: string, n: number): string {
  const { random } = ctx;
  const g = asciiWord(given[0]);
  const f = asciiWord(family);
  const s = suffix(ctx, n);
  const nick = given.length > 1 ? asciiWord(pick(random, given.slice(1))) : g;
  const style = Math.floor(random() * 6);
  const local =
    style === 0
      ? `${g}.${f}${s}`
      : style === 1
        ? `${g}${f}${s}`
        : style === 2
          ? `${g.slice(0, 1)}${f}${s}`
          : style === 3
            ? `${f}.${g}${s}`
            : style === 4
              ? `${g}_${f}${s}`
              : `${nick}.${f}${s}`;
  const domain = PROVIDERS[drawIndex(random, PROVIDER_WEIGHTS)]?.[0] ?? 'gmail.com';
  return `${local}@${domain}`;
}

/** A handle in one of the styles people choose. */
export function socialHandle(ctx: Context, given: GivenName, family: string, n: number): string {
  const g = asciiWord(given[0]).slice(0, 5);
  const f = asciiWord(family).slice(0, 5);
  const s = suffix(ctx, n);
  const style = Math.floor(ctx.random() * 3);
  // At most 15 characters, X's limit, with the 8-digit suffix of the largest populations.
  return style === 0
    ? `${g}_${f.slice(0, 1)}${s}`
    : style === 1
      ? `${g.slice(0, 1)}${f}${s}`
      : `${f}${g.slice(0, 1)}${s}`;
}

/** One of the shared or role mailboxes (info@, family@) a few people write from. */
export function sharedMailbox(ctx: Context): string {
  const k = Math.floor(ctx.random() * ctx.pool);
  const family = asciiWord(FAMILY[k % FAMILY.length] as string);
  const kind = MAILBOX_KINDS[Math.floor(k / FAMILY.length) % MAILBOX_KINDS.length] as string;
  const role = MAILBOX_ROLES[k % MAILBOX_ROLES.length] as string;
  return `${role}@${family}-${kind}${k}.com`;
}

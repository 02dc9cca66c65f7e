/**
 * What each channel shows of a customer: email brings an address and thread headers, calls and
 * texts a number, web chat a login or typed details, X and Instagram a handle, Messenger a
 * page-scoped id. Each channel also decides where its hard cases (placeholders, the business's
 * own identifiers) turn up.
 */

import type { ThreadKeys } from '../../model/interaction.js';
import type { Reference } from '../../model/reference.js';
import { BUSINESS_HANDLES, BUSINESS_PAGE } from './business.js';
import { claimed, type Draft, trustFor } from './draft.js';
import { pick } from './draws.js';
import {
  addBusinessEmail,
  addBusinessIdentifier,
  addEmail,
  addHandle,
  addPhone,
  addPlaceholder,
  addSupportLine,
} from './identifiers.js';
import type { GeneratedChannel } from './options.js';
import { GENERATED_PLACEHOLDERS } from './placeholders.js';
import { renderName } from './render.js';
import { plainName } from './spelling.js';
import { MINUTE } from './time.js';
import type { Topic } from './topics.js';

/** How a contact went: who started it, whether in public, its subject and how long it lasted. */
export interface Shape {
  readonly direction: 'inbound' | 'outbound';
  readonly visibility?: 'public' | 'private';
  readonly subject?: string;
  readonly durationMs?: number;
}

/** What was settled about an interaction before its channel shows it. */
export interface Cues {
  readonly topic: Topic;
  /** Whether one of the business's own identifiers turns up. */
  readonly business: boolean;
  /** Whether a placeholder turns up. */
  readonly placeholder: boolean;
  /** The order number as the customer writes it, when they mention it. */
  readonly mentioned: string | undefined;
  /** The interaction's position in the stream, which makes email message ids unique. */
  readonly n: number;
}

/** What the channel showed besides the identifiers it added to the draft. */
export interface Observation {
  readonly shape: Shape;
  /** The customer's name as the channel showed it, if it showed one. */
  readonly customerName: string | undefined;
  /** The keys that chain this contact to earlier ones, where the channel has them. */
  readonly thread?: ThreadKeys;
  /** References the channel carries as data rather than in text. */
  readonly references?: Reference[];
}

/** Adds what `channel` shows of the customer to the draft, and says how the contact went. */
export function observe(draft: Draft, channel: GeneratedChannel, cues: Cues): Observation {
  switch (channel) {
    case 'email':
      return email(draft, cues);
    case 'phone':
    case 'sms':
      return voice(draft, channel, cues);
    case 'whatsapp':
      return whatsapp(draft, cues);
    case 'chat':
      return chat(draft, cues);
    case 'x':
    case 'instagram':
      return social(draft, channel, cues);
    case 'messenger':
      return messenger(draft, cues);
  }
}

function email(draft: Draft, cues: Cues): Observation {
  const { random } = draft.ctx;
  const { person } = draft;
  const { topic, mentioned } = cues;
  const outbound = random() < 0.15;
  const shape: Shape = {
    direction: outbound ? 'outbound' : 'inbound',
    subject:
      person.lastMessageId !== undefined
        ? `Re: ${topic.subject}`
        : mentioned !== undefined && random() < 0.4
          ? `Order ${mentioned}: ${topic.subject}`
          : topic.subject,
  };
  addEmail(draft, 'channel_native', true);
  if (random() < 0.1) addPhone(draft, 'otp');
  const customerName = random() < 0.5 ? renderName(draft, false) : undefined;
  const messageId = `<${cues.n.toString(36)}.${person.ordinal.toString(36)}@mail.example.net>`;
  const thread: ThreadKeys =
    person.lastMessageId !== undefined && random() < 0.7
      ? { messageId, inReplyTo: [person.lastMessageId] }
      : { messageId };
  person.lastMessageId = messageId;
  if (cues.business) addBusinessEmail(draft);
  if (cues.placeholder) addPlaceholder(draft, 'phone');
  return { shape, customerName, thread };
}

/** Calls and texts: both show the customer's number. */
function voice(draft: Draft, channel: 'phone' | 'sms', cues: Cues): Observation {
  const { random } = draft.ctx;
  const { person } = draft;
  const outbound = cues.business || random() < 0.15;
  const shape: Shape = {
    direction: outbound ? 'outbound' : 'inbound',
    ...(channel === 'phone' ? { durationMs: (2 + Math.floor(random() * 24)) * MINUTE } : {}),
  };
  // A withheld caller id arrives as a placeholder instead of the number.
  if (cues.placeholder && !outbound) addPlaceholder(draft, 'phone');
  else addPhone(draft, 'channel_native');
  if (cues.business) addSupportLine(draft, 'dialer');
  let customerName: string | undefined;
  // Caller-name lookups give surnames first and in capitals.
  if (channel === 'phone' && random() < 0.4) {
    const name = `${plainName(person.family)} ${plainName(person.given[0])}`;
    customerName = random() < 0.5 ? name.toUpperCase() : renderName(draft, false);
  }
  if (cues.placeholder && outbound) addPlaceholder(draft, 'email');
  return { shape, customerName };
}

function whatsapp(draft: Draft, cues: Cues): Observation {
  const { random } = draft.ctx;
  addPhone(draft, 'channel_native');
  const customerName = renderName(draft, random() < 0.5);
  if (cues.business) addSupportLine(draft);
  if (cues.placeholder) addPlaceholder(draft, 'email');
  return { shape: { direction: 'inbound' }, customerName };
}

function chat(draft: Draft, cues: Cues): Observation {
  const { random } = draft.ctx;
  const { person } = draft;
  const shape: Shape = {
    direction: 'inbound',
    durationMs: (3 + Math.floor(random() * 28)) * MINUTE,
  };
  const loggedIn = person.account !== undefined && random() < 0.4;
  if (loggedIn && person.account !== undefined) {
    draft.identifiers.push({
      kind: 'account',
      namespace: 'shop',
      value: person.account,
      trust: trustFor(draft, 'login'),
    });
  }
  if (random() < 0.6) addEmail(draft, 'otp', false);
  if (random() < 0.15) addPhone(draft, 'otp');
  // The customer typed the address they were writing to, not their own.
  if (cues.business) addBusinessEmail(draft);
  let customerName: string | undefined;
  if (cues.placeholder) {
    addPlaceholder(draft, random() < 0.5 ? 'email' : 'phone');
    customerName = pick(random, GENERATED_PLACEHOLDERS.names);
  } else if (random() < 0.7) customerName = renderName(draft, random() < 0.4);
  const references: Reference[] = [];
  if (cues.mentioned !== undefined && person.order !== undefined && random() < 0.4) {
    // Chats opened from an order page carry the order as data.
    references.push({ kind: 'order', value: person.order, origin: 'provided' });
  }
  return { shape, customerName, references };
}

function social(draft: Draft, platform: 'x' | 'instagram', cues: Cues): Observation {
  const { random } = draft.ctx;
  const visibility = random() < 0.5 ? 'public' : 'private';
  addHandle(draft, platform);
  const customerName = renderName(draft, random() < 0.3);
  if (visibility === 'private' && random() < 0.25) addEmail(draft, 'otp', false);
  if (cues.business) {
    addBusinessIdentifier(draft, {
      kind: 'social',
      platform,
      handle: `@${BUSINESS_HANDLES[platform]}`,
      trust: claimed(),
    });
  }
  if (cues.placeholder) addPlaceholder(draft, 'email');
  return {
    shape: { direction: 'inbound', visibility },
    customerName,
  };
}

function messenger(draft: Draft, cues: Cues): Observation {
  const { random } = draft.ctx;
  draft.identifiers.push({
    kind: 'scoped_id',
    platform: 'messenger',
    scope: BUSINESS_PAGE,
    id: draft.person.psid ?? '0',
    trust: trustFor(draft, 'channel_native'),
  });
  const customerName = renderName(draft, false);
  if (random() < 0.2) addEmail(draft, 'otp', false);
  if (cues.business) addBusinessEmail(draft);
  if (cues.placeholder) addPlaceholder(draft, 'phone');
  return { shape: { direction: 'inbound' }, customerName };
}

import type { ObservedIdentifier } from '../../model/identifier.js';
import type { Interaction } from '../../model/interaction.js';
import type { ReferenceKind } from '../../model/reference.js';
import { normalizeEmail } from '../../normalize/email/email.js';
import type { RegionCode } from '../../normalize/phone/phone.js';
import { defaultReferenceExtractor } from '../../normalize/reference/defaults.js';
import { extractReferences } from '../../normalize/reference/extract.js';
import type { ReferenceExtractor } from '../../normalize/reference/patterns.js';
import { normalizeHandle } from '../../normalize/social/handle.js';
import { findAddresses } from './addresses.js';
import { findAmounts } from './amounts.js';
import { isLive, type Request, readAnswer, readRequest } from './answers.js';
import { findEmails, findPhones, phoneKey, readPhone } from './contacts.js';
import { type DateOrder, findDates } from './dates.js';
import { findLabelled } from './labels.js';
import { Ledger } from './ledger.js';
import { nameKey } from './names.js';
import { referenceKey } from './normalize.js';
import {
  checkOptions,
  dateOrderFor,
  type ExtractFactsOptions,
  ExtractFactsOptionsSchema,
} from './options.js';
import { findProducts } from './products.js';
import type { Fact, FactCitation, FactEvidence, FactKind } from './schema.js';
import type { Span } from './text.js';
import { instant } from './time.js';
import { chronological, type Slot, slots } from './walk.js';

const REFERENCE_FACT: Readonly<Record<ReferenceKind, FactKind>> = {
  order: 'order_id',
  ticket: 'ticket',
  booking: 'booking',
  tracking: 'tracking',
  invoice: 'invoice',
  account: 'account_id',
  other: 'reference',
};

// Account namespaces that hold a login name rather than an account number.
const USERNAME_NAMESPACES: ReadonlySet<string> = new Set([
  'username',
  'user',
  'user_name',
  'login',
  'handle',
  'screen_name',
]);

interface Settings {
  readonly region: RegionCode | undefined;
  readonly dateOrder: DateOrder | undefined;
  readonly extractor: ReferenceExtractor;
}

/**
 * Lists the details already given in a journey, so that nobody asks the customer again: names,
 * emails, phones, usernames, account ids, social handles, order / ticket / booking / tracking /
 * invoice numbers, addresses and postcodes, money amounts, dates and product names. Each fact
 * is unique by kind and normalized value (see {@link normalizeFactValue}) and cites every place
 * it was seen, with the interaction id and message index.
 *
 * Sources, in order of trust:
 *
 * - the interactions' identifiers (verified when their trust is `verified`) and customer
 *   participants' display names;
 * - reference numbers attached to interactions (verified when the source system `provided` them);
 * - message text: reference numbers announced by a keyword (`order #A-55123`, via
 *   `extractReferences`, in every author's messages, with amounts and dates); and, in the
 *   customer's messages only, labelled values (`Username: cminh730`, `my name is …`), emails,
 *   phones written like phones, street addresses, product names, and bare answers to a question
 *   that asked for a detail (`may I have your name?` → `Crystal Minh`). Text is claimed, never
 *   verified on its own: a value is verified when it also appears as a verified identifier.
 *
 * Total and deterministic: never throws on any text, and linear in the length of the messages.
 *
 * @param interactions - the journey's interactions, in any order.
 * @param options - the default phone region, the date order, and the reference patterns.
 * @returns the facts, oldest first.
 * @throws {@link ThreadlineError} with code `invalid_options` when `options` is malformed.
 *
 * @example
 * ```ts
 * import { extractFacts, parseInteraction } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z', region: 'US',
 *   identifiers: [{ kind: 'email', value: 'cminh730@email.com', trust: { level: 'verified', method: 'login' } }],
 *   messages: [
 *     { author: 'agent', text: 'May I have your name please?' },
 *     { author: 'customer', text: 'Crystal Minh' },
 *     { author: 'agent', text: 'Thanks! Your username, email address and order ID?' },
 *     { author: 'customer', text: 'cminh730, cminh730@email.com' },
 *     { author: 'customer', text: 'Order ID: 3348917502' },
 *   ],
 * });
 * for (const fact of extractFacts([chat])) {
 *   console.log(fact.kind, fact.normalized, fact.verified, fact.citations.map((c) => c.messageIndex));
 * }
 * // email cminh730@email.com true [ undefined, 3 ]
 * // name crystal minh false [ 1 ]
 * // username cminh730 false [ 3 ]
 * // order_id 3348917502 false [ 4 ]
 * ```
 */
export function extractFacts(
  interactions: readonly Interaction[],
  options?: ExtractFactsOptions,
): readonly Fact[] {
  const parsed = checkOptions(ExtractFactsOptionsSchema, options ?? {}, 'extractFacts');
  const settings: Settings = {
    region: parsed.region,
    dateOrder: parsed.dateOrder,
    extractor: parsed.referenceExtractor ?? defaultReferenceExtractor,
  };
  const ordered = chronological(interactions);
  const ledger = new Ledger();
  const reads = new Map<string, IdentifierRead>();
  for (const interaction of ordered) fromInteraction(ledger, interaction, settings, reads);
  let request: Request | undefined;
  for (const slot of slots(ordered)) {
    request = fromMessage(ledger, slot, settings, request);
  }
  return Object.freeze(ledger.facts());
}

function regionOf(interaction: Interaction, settings: Settings): RegionCode | undefined {
  return interaction.region ?? settings.region;
}

type IdentifierRead = { kind: FactKind; key: string; text: string } | undefined;

function fromInteraction(
  ledger: Ledger,
  interaction: Interaction,
  settings: Settings,
  reads: Map<string, IdentifierRead>,
): void {
  const start = instant(interaction.startedAt, 0);
  const region = regionOf(interaction, settings);
  const cite = (
    text: string,
    evidence: FactEvidence,
    verified: boolean,
    at: string,
  ): FactCitation => Object.freeze({ interactionId: interaction.id, at, evidence, verified, text });

  for (const identifier of interaction.identifiers ?? []) {
    // A customer shows the same identifiers again and again; each is read (and its phone
    // number parsed) once per call.
    const memo = readKey(identifier, region);
    let read = reads.get(memo);
    if (read === undefined && !reads.has(memo)) {
      read = fromIdentifier(identifier, region);
      reads.set(memo, read);
    }
    if (read === undefined) continue;
    const at = identifier.seenAt ?? interaction.startedAt;
    const verified = identifier.trust?.level === 'verified';
    ledger.add(
      read.kind,
      read.key,
      cite(read.text, 'identifier', verified, at),
      instant(at, start),
    );
  }
  for (const reference of interaction.references ?? []) {
    const key = referenceKey(reference.value);
    if (key === undefined) continue;
    const kind = REFERENCE_FACT[reference.kind] ?? 'reference';
    const verified = reference.origin === 'provided';
    ledger.add(
      kind,
      key,
      cite(reference.value, 'reference', verified, interaction.startedAt),
      start,
    );
  }
  for (const participant of interaction.participants ?? []) {
    if (participant.role !== 'customer' || participant.name === undefined) continue;
    const key = nameKey(participant.name);
    if (key === undefined) continue;
    ledger.add(
      'name',
      key,
      cite(participant.name, 'participant', false, interaction.startedAt),
      start,
    );
  }
  if (interaction.subject !== undefined) {
    for (const ref of extractReferences(interaction.subject, settings.extractor)) {
      const key = referenceKey(ref.key);
      if (key === undefined) continue;
      const citation: FactCitation = Object.freeze({
        interactionId: interaction.id,
        at: interaction.startedAt,
        start: ref.start,
        end: ref.end,
        evidence: ref.evidence === 'keyword' ? 'keyword' : 'shape',
        verified: false,
        text: ref.value,
      });
      ledger.add(REFERENCE_FACT[ref.kind] ?? 'reference', key, citation, start);
    }
  }
}

/** What reading an identifier depends on: its kind, value and the region to read a phone in. */
function readKey(identifier: ObservedIdentifier, region: RegionCode | undefined): string {
  switch (identifier.kind) {
    case 'phone':
      return `phone\u0000${identifier.region ?? region ?? ''}\u0000${region ?? ''}\u0000${identifier.value}`;
    case 'social':
      return `social\u0000${identifier.platform}\u0000${identifier.handle}`;
    case 'account':
      return `account\u0000${identifier.namespace}\u0000${identifier.value}`;
    case 'email':
      return `email\u0000${identifier.value}`;
    default:
      return identifier.kind;
  }
}

function fromIdentifier(
  identifier: ObservedIdentifier,
  region: RegionCode | undefined,
): { kind: FactKind; key: string; text: string } | undefined {
  switch (identifier.kind) {
    case 'email': {
      const key = normalizeEmail(identifier.value).key;
      return key === '' ? undefined : { kind: 'email', key, text: identifier.value };
    }
    case 'phone': {
      const key =
        phoneKey(identifier.value, identifier.region ?? region) ??
        readPhone(identifier.value, region).key;
      return key === '' ? undefined : { kind: 'phone', key, text: identifier.value };
    }
    case 'social': {
      const handle = normalizeHandle(identifier.platform, identifier.handle);
      if (handle.handle === '') return undefined;
      return {
        kind: 'social_handle',
        key: `${handle.platform}:${handle.handle}`,
        text: identifier.handle,
      };
    }
    case 'account': {
      const namespace = identifier.namespace.trim().toLowerCase();
      if (USERNAME_NAMESPACES.has(namespace)) {
        const bare = identifier.value.trim().replace(/^@/, '').toLowerCase();
        return bare === '' ? undefined : { kind: 'username', key: bare, text: identifier.value };
      }
      const key = referenceKey(identifier.value);
      return key === undefined ? undefined : { kind: 'account_id', key, text: identifier.value };
    }
    default:
      // Device ids and platform-scoped ids are never asked of a customer.
      return undefined;
  }
}

interface Found extends Span {
  readonly kind: FactKind;
  readonly key: string;
  readonly value: string;
  readonly evidence: FactEvidence;
}

function fromMessage(
  ledger: Ledger,
  slot: Slot,
  settings: Settings,
  pending: Request | undefined,
): Request | undefined {
  const { text, folded } = slot;
  const region = regionOf(slot.interaction, settings);
  const found: Found[] = [];
  const taken: Span[] = [];
  // Which characters a reading already holds: checking a span costs its length, so the scan
  // stays linear however many values a message has.
  const claimed = new Uint8Array(text.length);
  const free = (span: Span) => {
    for (let i = span.start; i < span.end; i++) if (claimed[i] === 1) return false;
    return true;
  };
  const take = (item: Found) => {
    found.push(item);
    taken.push(item);
    claimed.fill(1, item.start, item.end);
  };
  let request = pending;

  if (slot.side === 'customer') {
    for (const value of findLabelled(text, folded, region)) take({ ...value, evidence: 'label' });
  }
  for (const ref of extractReferences(text, settings.extractor)) {
    const key = referenceKey(ref.key);
    if (key === undefined || !free(ref)) continue;
    const evidence = ref.evidence === 'keyword' ? 'keyword' : 'shape';
    take({
      kind: REFERENCE_FACT[ref.kind] ?? 'reference',
      key,
      value: ref.value,
      start: ref.start,
      end: ref.end,
      evidence,
    });
  }
  for (const amount of findAmounts(text, folded)) {
    if (free(amount))
      take({
        kind: 'amount',
        key: amount.key,
        value: text.slice(amount.start, amount.end),
        start: amount.start,
        end: amount.end,
        evidence: 'shape',
      });
  }
  const order = dateOrderFor(settings.dateOrder, region);
  for (const date of findDates(text, slot.ms, slot.offset, order, folded)) {
    if (free(date))
      take({
        kind: 'date',
        key: date.key,
        value: text.slice(date.start, date.end),
        start: date.start,
        end: date.end,
        evidence: 'shape',
      });
  }

  if (slot.side === 'customer') {
    for (const email of findEmails(text)) {
      if (free(email)) take({ kind: 'email', ...email, evidence: 'shape' });
    }
    for (const phone of findPhones(text, region)) {
      if (free(phone)) take({ kind: 'phone', ...phone, evidence: 'shape' });
    }
    for (const address of findAddresses(text, folded)) {
      if (!free(address)) continue;
      take({
        kind: 'address',
        key: address.key,
        value: address.value,
        start: address.start,
        end: address.end,
        evidence: 'shape',
      });
      const postcode = address.postcode;
      if (postcode !== undefined) found.push({ kind: 'postcode', ...postcode, evidence: 'shape' });
    }
    for (const product of findProducts(text, folded)) {
      if (free(product)) take({ kind: 'product', ...product, evidence: 'shape' });
    }
    if (isLive(request, slot.ms)) {
      const given = new Set(found.map((f) => f.kind));
      for (const value of readAnswer(request, text, taken, given, region)) {
        found.push({ ...value, evidence: 'answer' });
      }
    }
  } else if (slot.author !== 'system') {
    request = readRequest(folded, slot.ms) ?? request;
  }

  for (const item of found) {
    const citation: FactCitation = Object.freeze({
      interactionId: slot.interaction.id,
      messageIndex: slot.messageIndex,
      author: slot.author,
      at: slot.at,
      start: item.start,
      end: item.end,
      evidence: item.evidence,
      verified: false,
      text: item.value,
    });
    ledger.add(item.kind, item.key, citation, slot.ms);
  }
  return request;
}

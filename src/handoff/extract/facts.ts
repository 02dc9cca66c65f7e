import type { ObservedIdentifier } from '../../model/identifier.js';
import type { Interaction } from '../../model/interaction.js';
import type { ReferenceKind } from '../../model/reference.js';
import { normalizeEmail } from '../../normalize/email/email.js';
import type { RegionCode } from '../../normalize/phone/phone.js';
import { defaultReferenceExtractor } from '../../normalize/reference/defaults.js';
import { extractReferences, type FoundReference } from '../../normalize/reference/extract.js';
import type { ReferenceExtractor } from '../../normalize/reference/patterns.js';
import { normalizeHandle } from '../../normalize/social/handle.js';
import { findAddresses } from './addresses.js';
import { findAmounts } from './amounts.js';
import { isLive, type Request, readAnswer, requestedKinds } from './answers.js';
import { findEmails, findPhones, phoneKey, readPhone } from './contacts.js';
import { type DateOrder, findDates, mayHaveDate } from './dates.js';
import { findLabelled, type ReadValue } from './labels.js';
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
import { type Reading, Readings } from './reading.js';
import type { ConversationSide, Fact, FactCitation, FactEvidence, FactKind } from './schema.js';
import type { Span } from './text.js';
import { instant, localDay } from './time.js';
import { type Conversation, conversationOf, type Slot } from './walk.js';

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

/** How to read facts: the default phone region, the date order and the reference patterns. */
export interface FactSettings {
  readonly region: RegionCode | undefined;
  readonly dateOrder: DateOrder | undefined;
  readonly extractor: ReferenceExtractor;
}

/**
 * What reading identifiers and names gives, under their values. Nothing in it depends on the
 * settings (a phone's regions are part of its entry), so a cache may keep one across calls.
 */
export interface ValueMemo {
  /** Each identifier read, under its value (see {@link readOnce}). */
  readonly reads: Map<string, ReadMemo[]>;
  /** Account identifiers read, by {@link readKey}. */
  readonly accounts: Map<string, IdentifierRead>;
  /** The key of each participant name. */
  readonly names: Map<string, string | undefined>;
}

/** An empty {@link ValueMemo}. */
export function valueMemo(): ValueMemo {
  return { reads: new Map(), accounts: new Map(), names: new Map() };
}

/**
 * One call's scan: its settings, and what it already read. Texts, identifiers and names recur
 * throughout a journey; each is read once per call, or once while a cache keeps it. What a text
 * gives is kept on its reading (see `Reading.keep`) under the reference extractor and the
 * other settings it depends on, so it can only be reused for the same text read the same way.
 */
interface Scan {
  readonly settings: FactSettings;
  /** Where subjects are read (messages come read with their slots). */
  readonly readings: Readings;
  readonly values: ValueMemo;
  /** The findings keys of texts without dates, by region (see {@link sideKey}). */
  readonly sideKeys: Map<string, Readonly<Record<ConversationSide, string>>>;
}

/** What a call may share with other calls: readings of texts and read values (see `createHandoffCache`). */
export interface FactMemo {
  readonly readings?: Readings | undefined;
  readonly values?: ValueMemo | undefined;
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
  return factsIn(conversationOf(interactions), {
    region: parsed.region,
    dateOrder: parsed.dateOrder,
    extractor: parsed.referenceExtractor ?? defaultReferenceExtractor,
  });
}

/** The facts given in a conversation, oldest first (see {@link extractFacts}). */
export function factsIn(
  conversation: Conversation,
  settings: FactSettings,
  memo: FactMemo = {},
): readonly Fact[] {
  const scan: Scan = {
    settings,
    readings: memo.readings ?? new Readings(),
    values: memo.values ?? valueMemo(),
    sideKeys: new Map(),
  };
  const ledger = new Ledger();
  const { ordered, starts } = conversation;
  for (let k = 0; k < ordered.length; k++) {
    fromInteraction(ledger, ordered[k] as Interaction, starts[k] as number, scan);
  }
  let request: Request | undefined;
  for (const slot of conversation.stream) {
    request = fromMessage(ledger, slot, scan, request);
  }
  return Object.freeze(ledger.facts());
}

function regionOf(interaction: Interaction, settings: FactSettings): RegionCode | undefined {
  return interaction.region ?? settings.region;
}

/** An identifier read as a fact: its kind, normalized key and text; undefined when it is none. */
export type IdentifierRead = { kind: FactKind; key: string; text: string } | undefined;

function fromInteraction(
  ledger: Ledger,
  interaction: Interaction,
  start: number,
  scan: Scan,
): void {
  const region = regionOf(interaction, scan.settings);

  for (const identifier of interaction.identifiers ?? []) {
    // A customer shows the same identifiers again and again; each is read (and its phone
    // number parsed) once per call.
    const read = readOnce(scan, identifier, region);
    if (read === undefined) continue;
    const at = identifier.seenAt ?? interaction.startedAt;
    const verified = identifier.trust?.level === 'verified';
    // Without a time of its own, an identifier was seen when the interaction started.
    const ms = identifier.seenAt === undefined ? start : instant(at, start);
    ledger.add(read.kind, read.key, cite(interaction, read.text, 'identifier', verified, at), ms);
  }
  for (const reference of interaction.references ?? []) {
    const key = referenceKey(reference.value);
    if (key === undefined) continue;
    const kind = REFERENCE_FACT[reference.kind] ?? 'reference';
    const verified = reference.origin === 'provided';
    ledger.add(
      kind,
      key,
      cite(interaction, reference.value, 'reference', verified, interaction.startedAt),
      start,
    );
  }
  for (const participant of interaction.participants ?? []) {
    if (participant.role !== 'customer' || participant.name === undefined) continue;
    const names = scan.values.names;
    let key = names.get(participant.name);
    if (key === undefined && !names.has(participant.name)) {
      key = nameKey(participant.name);
      names.set(participant.name, key);
    }
    if (key === undefined) continue;
    ledger.add(
      'name',
      key,
      cite(interaction, participant.name, 'participant', false, interaction.startedAt),
      start,
    );
  }
  if (interaction.subject !== undefined) {
    for (const ref of referencesIn(scan, scan.readings.of(interaction.subject))) {
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

/** A citation of an interaction's own record (an identifier, a reference, a participant). */
function cite(
  interaction: Interaction,
  text: string,
  evidence: FactEvidence,
  verified: boolean,
  at: string,
): FactCitation {
  return Object.freeze({ interactionId: interaction.id, at, evidence, verified, text });
}

/** Where a reading keeps its reference numbers (findings keys start with a side). */
const REFERENCES = 'references';

/** The reference numbers in a text, found once per reading and extractor. */
function referencesIn(scan: Scan, reading: Reading): readonly FoundReference[] {
  const extractor = scan.settings.extractor;
  const known = reading.kept<readonly FoundReference[]>(extractor, REFERENCES);
  return known ?? reading.keep(extractor, REFERENCES, extractReferences(reading.text, extractor));
}

/** A read identifier, kept under its value with the rest of what reading it depends on. */
export interface ReadMemo {
  readonly kind: ObservedIdentifier['kind'];
  /** The region a phone is read in, or a handle's platform. */
  readonly first: string;
  /** The region a phone falls back to. */
  readonly second: string;
  readonly read: IdentifierRead;
}

/**
 * The identifier read, once per call for each kind, value and region (see {@link readKey}).
 * Most are looked up under their value as given, whose hash the string keeps, rather than under
 * a key string built anew for every sighting.
 */
function readOnce(
  scan: Scan,
  identifier: ObservedIdentifier,
  region: RegionCode | undefined,
): IdentifierRead {
  let value: string;
  let first = '';
  let second = '';
  switch (identifier.kind) {
    case 'phone':
      value = identifier.value;
      first = identifier.region ?? region ?? '';
      second = region ?? '';
      break;
    case 'social':
      value = identifier.handle;
      first = identifier.platform;
      break;
    case 'email':
      value = identifier.value;
      break;
    case 'account': {
      // A namespace is free text: these keep their joined key.
      const memo = readKey(identifier, region);
      const accounts = scan.values.accounts;
      let read = accounts.get(memo);
      if (read === undefined && !accounts.has(memo)) {
        read = fromIdentifier(identifier, region);
        accounts.set(memo, read);
      }
      return read;
    }
    default:
      value = '';
  }
  let memos = scan.values.reads.get(value);
  if (memos === undefined) {
    memos = [];
    scan.values.reads.set(value, memos);
  }
  for (const memo of memos) {
    if (memo.kind === identifier.kind && memo.first === first && memo.second === second) {
      return memo.read;
    }
  }
  const read = fromIdentifier(identifier, region);
  memos.push({ kind: identifier.kind, first, second, read });
  return read;
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

/** What a message's text gives before any answer to a pending request is read in it. */
interface Findings {
  readonly found: readonly Found[];
  /** The spans the values were read from (a postcode inside an address is not one). */
  readonly taken: readonly Span[];
  /** The kinds found: a pending request no longer waits for them. */
  readonly given: ReadonlySet<FactKind>;
}

/**
 * What a message's findings depend on: its text, its side and its region, the reference
 * extractor, and for a text that may hold a date, the date order and the writer's local day
 * (dates without a year and relative dates are read against it). Messages that agree on all of
 * these find the same, so the findings are kept on the reading under the rest.
 */
function findingsOf(
  slot: Slot,
  scan: Scan,
  region: RegionCode | undefined,
  order: DateOrder | undefined,
): Findings {
  const { reading } = slot;
  const extractor = scan.settings.extractor;
  let key: string;
  if (reading.derive(mayHaveDate)) {
    const day = localDay(slot.ms, slot.offset);
    key = `${slot.side}\u0000${region ?? ''}\u0000${order ?? ''}\u0000${day.year}-${day.month}-${day.day}`;
  } else {
    key = sideKey(scan, slot.side, region);
  }
  return (
    reading.kept<Findings>(extractor, key) ??
    reading.keep(extractor, key, findIn(slot, scan, region, order))
  );
}

/**
 * The findings key of a text without dates, `side NUL region`: made once per call for each
 * side and region, so that each message looks its findings up under a string already hashed.
 */
function sideKey(scan: Scan, side: ConversationSide, region: RegionCode | undefined): string {
  let keys = scan.sideKeys.get(region ?? '');
  if (keys === undefined) {
    keys = {
      customer: `customer\u0000${region ?? ''}`,
      business: `business\u0000${region ?? ''}`,
    };
    scan.sideKeys.set(region ?? '', keys);
  }
  return keys[side];
}

function fromMessage(
  ledger: Ledger,
  slot: Slot,
  scan: Scan,
  pending: Request | undefined,
): Request | undefined {
  const region = regionOf(slot.interaction, scan.settings);
  const order = dateOrderFor(scan.settings.dateOrder, region);
  const findings = findingsOf(slot, scan, region, order);
  let found = findings.found;
  let request = pending;
  if (slot.side === 'customer') {
    if (isLive(request, slot.ms)) {
      const answers = readAnswer(request, slot.text, findings.taken, findings.given, region);
      if (answers.length > 0) {
        const read: Found[] = answers.map(asAnswer);
        found = [...found, ...read];
      }
    }
  } else if (slot.author !== 'system') {
    const kinds = slot.reading.derive(requestedKinds);
    if (kinds !== undefined) request = { kinds: [...kinds], ms: slot.ms, customerMessages: 0 };
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

/**
 * A value read from a text. Built field by field, one shape for all: the extractors' values
 * come in several shapes, and copying them by spreading costs more than reading them.
 */
function foundValue(
  kind: FactKind,
  value: Span & { readonly value: string; readonly key: string },
  evidence: FactEvidence,
): Found {
  return { kind, key: value.key, value: value.value, start: value.start, end: value.end, evidence };
}

function asAnswer(value: ReadValue): Found {
  return foundValue(value.kind, value, 'answer');
}

/** The values read from a text so far, and which characters they hold. */
class Claims {
  readonly found: Found[] = [];
  readonly taken: Span[] = [];
  // Checking a span costs its length, so the scan stays linear however many values a text has.
  // Most texts hold no value: the table is made at the first.
  #held: Uint8Array | undefined;
  readonly #length: number;

  constructor(length: number) {
    this.#length = length;
  }

  /** True when no value holds a character of the span yet. */
  free(span: Span): boolean {
    const held = this.#held;
    if (held === undefined) return true;
    for (let i = span.start; i < span.end; i++) if (held[i] === 1) return false;
    return true;
  }

  /** Records a value and holds its characters. */
  take(item: Found): void {
    this.found.push(item);
    this.taken.push(item);
    this.#held ??= new Uint8Array(this.#length);
    this.#held.fill(1, item.start, item.end);
  }

  /** Records a value inside one already held (a postcode inside its address). */
  add(item: Found): void {
    this.found.push(item);
  }
}

/** Reads the values in a message's text, each span read once, in order of trust. */
function findIn(
  slot: Slot,
  scan: Scan,
  region: RegionCode | undefined,
  order: DateOrder | undefined,
): Findings {
  const { text, reading } = slot;
  const { folded } = reading;
  const claims = new Claims(text.length);

  if (slot.side === 'customer') {
    for (const value of findLabelled(text, folded, region, reading.sentences)) {
      claims.take(foundValue(value.kind, value, 'label'));
    }
  }
  for (const ref of referencesIn(scan, reading)) {
    const key = referenceKey(ref.key);
    if (key === undefined || !claims.free(ref)) continue;
    const evidence = ref.evidence === 'keyword' ? 'keyword' : 'shape';
    claims.take({
      kind: REFERENCE_FACT[ref.kind] ?? 'reference',
      key,
      value: ref.value,
      start: ref.start,
      end: ref.end,
      evidence,
    });
  }
  for (const amount of findAmounts(text, folded)) {
    if (claims.free(amount))
      claims.take({
        kind: 'amount',
        key: amount.key,
        value: text.slice(amount.start, amount.end),
        start: amount.start,
        end: amount.end,
        evidence: 'shape',
      });
  }
  if (reading.derive(mayHaveDate)) {
    for (const date of findDates(text, slot.ms, slot.offset, order, folded, reading.tokens)) {
      if (claims.free(date))
        claims.take({
          kind: 'date',
          key: date.key,
          value: text.slice(date.start, date.end),
          start: date.start,
          end: date.end,
          evidence: 'shape',
        });
    }
  }

  if (slot.side === 'customer') {
    for (const email of findEmails(text)) {
      if (claims.free(email)) claims.take(foundValue('email', email, 'shape'));
    }
    for (const phone of findPhones(text, region)) {
      if (claims.free(phone)) claims.take(foundValue('phone', phone, 'shape'));
    }
    for (const address of findAddresses(text, folded, reading.tokens)) {
      if (!claims.free(address)) continue;
      claims.take({
        kind: 'address',
        key: address.key,
        value: address.value,
        start: address.start,
        end: address.end,
        evidence: 'shape',
      });
      const postcode = address.postcode;
      if (postcode !== undefined) claims.add(foundValue('postcode', postcode, 'shape'));
    }
    for (const product of findProducts(text, folded, reading.sentences)) {
      if (claims.free(product)) claims.take(foundValue('product', product, 'shape'));
    }
  }
  const { found, taken } = claims;
  const given = new Set<FactKind>();
  for (const item of found) given.add(item.kind);
  return { found, taken, given };
}

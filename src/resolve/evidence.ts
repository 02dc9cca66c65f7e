import type { MemoTable } from '../linkage/transform/transform.js';
import { type Identifier, TrustSchema } from '../model/identifier.js';
import type { Interaction } from '../model/interaction.js';
import { type IdentifierKey, identifierKey } from '../normalize/identifier/identifier.js';
import type { RegionCode } from '../normalize/phone/phone.js';
import { extractReferences } from '../normalize/reference/extract.js';
import type { CustomerRecord, IdentifierEntry, InteractionEntry } from './records.js';

/**
 * Reads the values the matching model compares from an interaction, by field name. The default
 * ({@link defaultInteractionFields}) gives `name` (what customer participants called themselves),
 * `references` (order, ticket and booking numbers, given or found in the customer's messages) and
 * every attribute under its own key.
 *
 * @example
 * ```ts
 * import type { InteractionFields } from 'threadline';
 *
 * const cityOnly: InteractionFields = (interaction) => ({ city: interaction.attributes?.city ? [interaction.attributes.city] : [] });
 * console.log(typeof cityOnly);
 * ```
 */
export type InteractionFields = (
  interaction: Interaction,
) => Readonly<Record<string, readonly string[]>>;

const MAX_REFERENCES = 32;
/** References are looked for in the first characters of each of the first messages only: an
 * order number is given early, and the resolver's time must not grow with a long transcript. */
const SCAN_CHARS = 4000;
const SCAN_MESSAGES = 50;

/**
 * The fields the resolver reads from an interaction by default: `name`, `references`, and the
 * interaction's attributes (`dob`, `city`, …) under their own names.
 *
 * @example
 * ```ts
 * import { defaultInteractionFields, parseInteraction } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'c-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   participants: [{ role: 'customer', name: 'Ana Souza' }],
 *   messages: [{ author: 'customer', text: 'Order A-55123 is late' }],
 *   attributes: { city: 'Porto' },
 * });
 * console.log(defaultInteractionFields(chat)); // { city: [ 'Porto' ], name: [ 'Ana Souza' ], references: [ 'order:A55123' ] }
 * ```
 */
export function defaultInteractionFields(
  interaction: Interaction,
): Readonly<Record<string, readonly string[]>> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(interaction.attributes ?? {})) {
    if (key === 'name' || key === 'references') continue;
    if (value.trim() !== '') out[key] = [value];
  }
  const names = new Set<string>();
  for (const p of interaction.participants)
    if (p.role === 'customer' && p.name !== undefined) names.add(p.name);
  if (names.size > 0) out.name = [...names];
  const references = new Set<string>();
  for (const r of interaction.references) {
    if (references.size >= MAX_REFERENCES) break;
    references.add(`${r.kind}:${r.value.replace(/[^\p{L}\p{N}]+/gu, '').toUpperCase()}`);
  }
  // Only what the customer wrote: an agent quoting an order number repeats the customer's, or
  // names another one (a replacement order) that is not evidence of who is writing.
  for (const message of interaction.messages.slice(0, SCAN_MESSAGES)) {
    if (references.size >= MAX_REFERENCES) break;
    if (message.author !== 'customer') continue;
    const text =
      message.text.length > SCAN_CHARS ? message.text.slice(0, SCAN_CHARS) : message.text;
    for (const found of extractReferences(text)) {
      if (references.size >= MAX_REFERENCES) break;
      references.add(`${found.kind}:${found.key}`);
    }
  }
  if (references.size > 0) out.references = [...references];
  return out;
}

/** What {@link interactionEntry} needs besides the interaction. */
export interface EntryContext {
  /** The phone region when the interaction names none. */
  readonly region: RegionCode | undefined;
  /** Keys of the business's own identifiers. */
  readonly businessKeys: ReadonlySet<string>;
  /** Whether role mailboxes are kept out of the evidence. */
  readonly ignoreRoleMailboxes: boolean;
  /** Reads the model's fields from the interaction. */
  readonly fields: InteractionFields;
  /** Keys already computed, by region and identifier (a returning customer's number). */
  readonly keys?: MemoTable<IdentifierKey>;
  /**
   * Entries already made, by everything they depend on: a returning customer's identifier, seen
   * again the same way, shares one entry (records never change, so sharing is safe).
   */
  readonly entries?: MemoTable<IdentifierEntry>;
}

/** The cache key of an identifier: everything its matching key depends on. */
function cacheKey(identifier: Identifier, region: RegionCode | undefined): string | undefined {
  switch (identifier.kind) {
    case 'phone':
      return `p|${identifier.region ?? region ?? ''}|${identifier.value}`;
    case 'email':
      return `e|${identifier.value}`;
    default:
      return undefined;
  }
}

/** The key of an identifier as the resolver indexes it. */
export function keyOf(identifier: Identifier, region: RegionCode | undefined): string {
  return identifierKey(identifier, region === undefined ? {} : { region }).key;
}

type Trust = IdentifierEntry['trust'];
const NO_FIELDS = Object.freeze({}) as Record<string, string[]>;
const CLAIMED: Trust = Object.freeze({ level: 'claimed' });
const VERIFIED: ReadonlyMap<string, Trust> = new Map(
  TrustSchema.options[0].shape.method.options.map((method) => [
    method,
    Object.freeze({ level: 'verified', method }) as Trust,
  ]),
);

/**
 * One frozen object per kind of trust (a constant table): a million identifiers need not carry
 * a million copies of `{ level: 'claimed' }`.
 */
function sharedTrust(trust: Trust): Trust {
  return trust.level === 'claimed' ? CLAIMED : (VERIFIED.get(trust.method) ?? trust);
}

/**
 * {@link identifierEntry} for an identifier of a parsed interaction, through the context's
 * table of entries: a returning customer's identifier, seen again the same way, shares one
 * entry (records never change, so sharing is safe).
 */
function sharedIdentifierEntry(
  identifier: Identifier,
  trust: IdentifierEntry['trust'],
  region: RegionCode | undefined,
  context: EntryContext,
): IdentifierEntry {
  const entries = context.entries;
  if (entries === undefined || !plain(identifier))
    return identifierEntry(identifier, trust, region, context);
  const method = trust.level === 'verified' ? trust.method : '';
  const key = `${region ?? ''}|${trust.level}|${method}|${JSON.stringify(identifier)}`;
  let entry = entries.get(key);
  if (entry === undefined) {
    entry = identifierEntry(identifier, trust, region, context);
    entries.set(key, entry);
  }
  return entry;
}

/** Whether an identifier is all defined strings, so its JSON says everything it holds. */
function plain(identifier: Identifier): boolean {
  for (const value of Object.values(identifier)) if (typeof value !== 'string') return false;
  return true;
}

/** One identifier as the resolver keeps it, with its key and whether it may be evidence. */
export function identifierEntry(
  identifier: Identifier,
  trust: IdentifierEntry['trust'],
  region: RegionCode | undefined,
  context: EntryContext,
): IdentifierEntry {
  const memoKey = context.keys === undefined ? undefined : cacheKey(identifier, region);
  let k = memoKey === undefined ? undefined : context.keys?.get(memoKey);
  if (k === undefined) {
    k = identifierKey(identifier, region === undefined ? {} : { region });
    if (memoKey !== undefined) context.keys?.set(memoKey, k);
  }
  const reason = !k.matchable
    ? `not matchable (${k.reason ?? 'unreadable'})`
    : context.businessKeys.has(k.key)
      ? "the business's own identifier"
      : context.ignoreRoleMailboxes && k.role === true
        ? 'role or shared mailbox'
        : undefined;
  return {
    identifier,
    key: k.key,
    trust: sharedTrust(trust),
    evidence: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
  };
}

/**
 * What the resolver keeps of an interaction: its identifiers with keys and evidence flags, and
 * the field values the model compares. Total: never throws on a parsed interaction.
 */
export function interactionEntry(
  interaction: Interaction,
  context: EntryContext,
): InteractionEntry {
  const region = interaction.region ?? context.region;
  const identifiers: IdentifierEntry[] = [];
  const byKey = new Map<string, number>();
  for (const observed of interaction.identifiers) {
    const { trust, ...identifier } = observed;
    const entry = sharedIdentifierEntry(identifier, trust, region, context);
    const known = byKey.get(entry.key);
    if (known === undefined) {
      byKey.set(entry.key, identifiers.length);
      identifiers.push(entry);
    } else if (trust.level === 'verified' && identifiers[known]?.trust.level !== 'verified') {
      // The same identifier twice in one interaction: keep the stronger trust.
      identifiers[known] = entry;
    }
  }
  const fields: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(context.fields(interaction))) {
    const kept = [...new Set(values.filter((v) => v.trim() !== ''))].slice(0, 64);
    if (kept.length > 0) fields[name] = kept;
  }
  return {
    id: interaction.id,
    channel: interaction.channel,
    at: canonicalInstant(interaction.startedAt),
    // Exactly sized: the entry is kept for good, and an array grown by push carries slack.
    identifiers: identifiers.slice(),
    // Most interactions carry few fields; an empty one is shared rather than allocated.
    fields: Object.keys(fields).length === 0 ? NO_FIELDS : fields,
    confidence: 1,
  };
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A valid timestamp as `Date#toISOString` writes it. Most arrive written that way already, and
 * formatting a date costs more than checking it: a string in that form is returned as it is
 * when it names a real instant (the parser rolls a 30 February or a 24:00 over to another day,
 * which the day of the month then shows).
 */
export function canonicalInstant(timestamp: string): string {
  if (CANONICAL.test(timestamp)) {
    const ms = Date.parse(timestamp);
    if (!Number.isNaN(ms) && new Date(ms).getUTCDate() === Number(timestamp.slice(8, 10)))
      return timestamp;
  }
  return new Date(timestamp).toISOString();
}

/** The record field each identifier kind fills, and how its key becomes the field value. */
const FIELD_OF: Readonly<Record<Identifier['kind'], string>> = {
  email: 'email',
  phone: 'phone',
  social: 'handle',
  account: 'account',
  scoped_id: 'account',
  device: 'device',
};

function fieldValue(entry: IdentifierEntry): string {
  switch (entry.identifier.kind) {
    case 'email':
    case 'phone':
    case 'social':
      // `email:ana@x.com` → `ana@x.com`; `social:x:ana` → `x:ana`.
      return entry.key.slice(entry.key.indexOf(':') + 1);
    default:
      return entry.key;
  }
}

/**
 * The evidence identifiers of a customer: from its interactions, newest first, and attached by
 * hand, without detached keys; one entry per key (verified wins over claimed).
 */
export function profileIdentifiers(record: CustomerRecord): IdentifierEntry[] {
  const detached = new Set(record.detached);
  const byKey = new Map<string, IdentifierEntry>();
  const add = (e: IdentifierEntry) => {
    if (detached.has(e.key)) return;
    const known = byKey.get(e.key);
    if (known === undefined || (known.trust.level !== 'verified' && e.trust.level === 'verified'))
      byKey.set(e.key, e);
  };
  for (const e of record.attached) add(e);
  for (let i = record.interactions.length - 1; i >= 0; i--)
    for (const e of (record.interactions[i] as InteractionEntry).identifiers) add(e);
  return [...byKey.values()];
}

/**
 * A customer or an incoming interaction as a record the matching model reads: identifiers by
 * kind (`email`, `phone`, `handle`, `account`, `device`) and the field values, newest first,
 * at most `maxValues` per field. Keys in `exclude` (generic values) are left out.
 */
export function linkRecord(
  identifiers: readonly IdentifierEntry[],
  fieldSources: readonly InteractionEntry[],
  maxValues: number,
  exclude: ReadonlySet<string>,
): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  const put = (field: string, value: string) => {
    const list = record[field];
    if (list === undefined) record[field] = [value];
    else if (list.length < maxValues && !list.includes(value)) list.push(value);
  };
  for (const e of identifiers) {
    if (!e.evidence || exclude.has(e.key)) continue;
    put(FIELD_OF[e.identifier.kind], fieldValue(e));
  }
  for (let i = fieldSources.length - 1; i >= 0; i--) {
    const fields = (fieldSources[i] as InteractionEntry).fields;
    for (const name of Object.keys(fields)) {
      if (name in FIELD_OF_VALUES) continue;
      for (const value of fields[name] as readonly string[]) put(name, value);
    }
  }
  return record;
}

/** Field names the identifiers fill; interaction fields of the same name are ignored. */
const FIELD_OF_VALUES: Readonly<Record<string, true>> = {
  email: true,
  phone: true,
  handle: true,
  account: true,
  device: true,
};

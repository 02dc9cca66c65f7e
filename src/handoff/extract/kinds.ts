// The words people use for each kind of detail ("order ID", "zip code", "e-mail address"), shared
// by labelled values ("Username: cminh730") and by questions that ask for a detail ("may I have
// your username?").
import type { FactKind } from './schema.js';
import type { Token } from './text.js';

interface KindPhrase {
  readonly words: readonly string[];
  readonly kind: FactKind;
  /** Too vague to read as a question for the detail ("order", "account"); fine as a label. */
  readonly labelOnly: boolean;
}

const SPEC: readonly (readonly [FactKind, string, boolean?])[] = [
  ['name', 'name'],
  ['name', 'full name'],
  ['name', 'first and last name'],
  ['name', 'first name'],
  ['name', 'last name'],
  ['name', 'surname'],
  ['username', 'username'],
  ['username', 'user name'],
  ['username', 'user id'],
  ['username', 'userid'],
  ['username', 'login'],
  ['username', 'login id'],
  ['username', 'screen name'],
  ['email', 'email'],
  ['email', 'e-mail'],
  ['email', 'email address'],
  ['email', 'e-mail address'],
  ['email', 'mail address'],
  ['phone', 'phone'],
  ['phone', 'phone number'],
  ['phone', 'phone no'],
  ['phone', 'telephone'],
  ['phone', 'telephone number'],
  ['phone', 'mobile'],
  ['phone', 'mobile number'],
  ['phone', 'cell'],
  ['phone', 'cell number'],
  ['phone', 'cellphone'],
  ['phone', 'contact number'],
  ['phone', 'callback number'],
  ['order_id', 'order id'],
  ['order_id', 'order number'],
  ['order_id', 'order no'],
  ['order_id', 'order ref'],
  ['order_id', 'order reference'],
  ['order_id', 'order code'],
  ['order_id', 'order', true],
  ['account_id', 'account id'],
  ['account_id', 'account number'],
  ['account_id', 'account no'],
  ['account_id', 'customer id'],
  ['account_id', 'customer number'],
  ['account_id', 'member id'],
  ['account_id', 'member number'],
  ['account_id', 'membership id'],
  ['account_id', 'membership number'],
  ['account_id', 'loyalty number'],
  ['account_id', 'account', true],
  ['address', 'address'],
  ['address', 'street address'],
  ['address', 'shipping address'],
  ['address', 'delivery address'],
  ['address', 'mailing address'],
  ['address', 'home address'],
  ['address', 'billing address'],
  ['address', 'new address'],
  ['postcode', 'zip'],
  ['postcode', 'zip code'],
  ['postcode', 'zipcode'],
  ['postcode', 'postcode'],
  ['postcode', 'post code'],
  ['postcode', 'postal code'],
  ['booking', 'booking'],
  ['booking', 'booking ref'],
  ['booking', 'booking reference'],
  ['booking', 'booking number'],
  ['booking', 'booking code'],
  ['booking', 'booking id'],
  ['booking', 'reservation number'],
  ['booking', 'reservation code'],
  ['booking', 'confirmation number'],
  ['booking', 'confirmation code'],
  ['booking', 'pnr'],
  ['booking', 'record locator'],
  ['tracking', 'tracking'],
  ['tracking', 'tracking number'],
  ['tracking', 'tracking id'],
  ['tracking', 'tracking code'],
  ['ticket', 'ticket number'],
  ['ticket', 'ticket id'],
  ['ticket', 'case number'],
  ['ticket', 'case id'],
  ['ticket', 'ticket', true],
  ['ticket', 'case', true],
  ['invoice', 'invoice'],
  ['invoice', 'invoice number'],
  ['invoice', 'invoice no'],
  ['reference', 'reference number'],
  ['reference', 'ref number'],
  ['reference', 'reference', true],
  ['reference', 'ref', true],
];

function build(): ReadonlyMap<string, readonly KindPhrase[]> {
  const map = new Map<string, KindPhrase[]>();
  for (const [kind, phrase, labelOnly] of SPEC) {
    const words = phrase.split(' ');
    const head = words[0] ?? '';
    const list = map.get(head) ?? [];
    list.push({ words, kind, labelOnly: labelOnly === true });
    map.set(head, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
}

const PHRASES = /* @__PURE__ */ build();

// "email address" is an email, and an IP or web address is no street.
const NOT_STREET = new Set(['email', 'e-mail', 'ip', 'web', 'mac', 'wallet']);

/** A detail word found in a sentence. */
export interface KindMention {
  readonly kind: FactKind;
  /** Index of the first token of the phrase. */
  readonly from: number;
  /** Index of the token after the phrase. */
  readonly to: number;
  readonly labelOnly: boolean;
}

/** The detail phrase starting at token `k`, longest first. */
export function kindAt(tokens: readonly Token[], k: number): KindMention | undefined {
  const head = tokens[k]?.word;
  if (head === undefined) return undefined;
  // "your number" and "my number" are phones; a bare "number" is anything.
  if (head === 'number') {
    const before = tokens[k - 1]?.word;
    return before === 'your' || before === 'my'
      ? { kind: 'phone', from: k, to: k + 1, labelOnly: false }
      : undefined;
  }
  const list = PHRASES.get(head);
  if (list === undefined) return undefined;
  for (const phrase of list) {
    let ok = true;
    for (let w = 1; w < phrase.words.length; w++) {
      if (tokens[k + w]?.word !== phrase.words[w]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (phrase.kind === 'address' && NOT_STREET.has(tokens[k - 1]?.word ?? '')) return undefined;
    return { kind: phrase.kind, from: k, to: k + phrase.words.length, labelOnly: phrase.labelOnly };
  }
  return undefined;
}

/** Every detail phrase in the tokens, left to right, without overlaps. */
export function kindMentions(tokens: readonly Token[]): KindMention[] {
  const out: KindMention[] = [];
  let k = 0;
  while (k < tokens.length) {
    const mention = kindAt(tokens, k);
    if (mention === undefined) {
      k++;
      continue;
    }
    out.push(mention);
    k = mention.to;
  }
  return out;
}

/** The fact kinds that name reference numbers. */
export const REFERENCE_KINDS: ReadonlySet<FactKind> = new Set([
  'order_id',
  'ticket',
  'booking',
  'tracking',
  'invoice',
  'reference',
  'account_id',
]);

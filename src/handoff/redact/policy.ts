// What a reader may see on a target channel. Reader rules and channel rules are applied
// together; the stricter wins. The rules, in one place:
//
// - agent: everything; linked identifiers and contact details masked unless `reveal`.
// - bot: what it needs to act: identity probability without the waterfall, facts (contact
//   details masked), the issue, summary, latest message, tried, promised, open questions,
//   signals and the service clock; no linked identifiers, no timeline.
// - customer: nothing internal: no probability or evidence, no customer id, no linked
//   identifiers, no signals or service clock, no system lines; contact details masked.
// - public target channel: nothing personal for anyone: no name, no identifier or contact
//   value, no reference number or amount; only products and dates remain of the facts.
// - linked identifiers below the disclosure threshold are never shown, nor any fact with
//   their value.
import type { FactKind } from '../extract/schema.js';
import type { HandoffPacket, HandoffReader } from '../packet/schema.js';

/** Why something was masked or withheld. */
export type RedactionReason = HandoffPacket['redaction']['entries'][number]['reason'];

/** What happens to a value: shown as is, masked, or left out. */
export type Treatment =
  | { readonly show: true }
  | {
      readonly show: false;
      readonly action: 'masked' | 'withheld';
      readonly reason: RedactionReason;
    };

const SHOW: Treatment = { show: true };
const mask = (reason: RedactionReason): Treatment => ({ show: false, action: 'masked', reason });
const withhold = (reason: RedactionReason): Treatment => ({
  show: false,
  action: 'withheld',
  reason,
});

const CONTACT: ReadonlySet<FactKind> = new Set([
  'email',
  'phone',
  'username',
  'account_id',
  'social_handle',
  'address',
  'postcode',
]);

const NOT_PERSONAL: ReadonlySet<FactKind> = new Set(['date', 'product']);

/** The redaction rules for one reader on one target channel. */
export interface Policy {
  readonly reader: HandoffReader;
  readonly publicTarget: boolean;
  readonly reveal: boolean;
  readonly disclosureThreshold: number;
  /** A fact's value. */
  fact(kind: FactKind): Treatment;
  /** A linked identifier of the customer record, by its confidence. */
  linked(confidence: number): Treatment;
  /** The value of an identifier the customer verified in the journey. */
  verifiedValue(): Treatment;
  /** The customer's name. */
  readonly name: Treatment;
  /** The customer id. */
  readonly customerId: Treatment;
  /** The identity probability. */
  readonly identity: Treatment;
  /** The resolver's waterfall. */
  readonly evidence: Treatment;
  /** Whole sections. */
  readonly timeline: Treatment;
  readonly signals: Treatment;
  readonly serviceClock: Treatment;
  /** Lines written by the helpdesk system (internal notes and action logs). */
  readonly internalLines: Treatment;
}

/** The policy for a reader, a target side and the reveal and threshold options. */
export function policyFor(
  reader: HandoffReader,
  publicTarget: boolean,
  reveal: boolean,
  disclosureThreshold: number,
): Policy {
  const contact = reader === 'agent' ? (reveal ? SHOW : mask('masked_by_default')) : mask('reader');
  const onlyFor = (...readers: HandoffReader[]): Treatment =>
    readers.includes(reader) ? SHOW : withhold('reader');
  return {
    reader,
    publicTarget,
    reveal,
    disclosureThreshold,
    fact: (kind) => {
      if (NOT_PERSONAL.has(kind)) return SHOW;
      if (publicTarget) return withhold('public_channel');
      return CONTACT.has(kind) ? contact : SHOW;
    },
    linked: (confidence) => {
      if (confidence < disclosureThreshold) return withhold('disclosure_threshold');
      if (publicTarget) return withhold('public_channel');
      return reader === 'agent' ? contact : withhold('reader');
    },
    verifiedValue: () => (publicTarget ? withhold('public_channel') : contact),
    name: publicTarget ? withhold('public_channel') : SHOW,
    customerId: onlyFor('agent', 'bot'),
    identity: onlyFor('agent', 'bot'),
    evidence: onlyFor('agent'),
    timeline: onlyFor('agent', 'customer'),
    signals: onlyFor('agent', 'bot'),
    serviceClock: onlyFor('agent', 'bot'),
    internalLines: onlyFor('agent', 'bot'),
  };
}

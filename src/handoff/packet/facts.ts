import type { InteractionId } from '../../model/ids.js';
import type { Fact, FactKind } from '../extract/schema.js';
import { parseInstant } from '../extract/time.js';
import { maskValue } from '../redact/mask.js';
import type { Policy, Treatment } from '../redact/policy.js';
import type { RedactionLog } from '../redact/report.js';
import { factKey } from '../redact/secrets.js';
import type { HandoffPacket } from './schema.js';
import { citeIds, oneLine } from './text.js';

type FactLine = HandoffPacket['facts'][number];

/** What a fact may show: the policy's rule, unless its value is linked below the threshold. */
export function factTreatment(
  fact: Fact,
  policy: Policy,
  undisclosed: ReadonlySet<string>,
): Treatment {
  if (undisclosed.size > 0) {
    // The same value as an identifier linked below the threshold: by its resolver key, or as
    // written (for kinds without a key, such as account ids).
    const key = factKey(fact);
    const written = [fact.value, ...fact.citations.map((c) => c.text)].map(
      (t) => `=${t.trim().toLowerCase()}`,
    );
    if ((key !== undefined && undisclosed.has(key)) || written.some((w) => undisclosed.has(w))) {
      return { show: false, action: 'withheld', reason: 'disclosure_threshold' };
    }
  }
  return policy.fact(fact.kind);
}

// Reference numbers are what agents ask for first; then contact details; then the rest.
const GROUP: Readonly<Record<FactKind, number>> = {
  order_id: 0,
  booking: 0,
  ticket: 0,
  tracking: 0,
  invoice: 0,
  reference: 0,
  account_id: 0,
  email: 1,
  phone: 1,
  name: 1,
  username: 1,
  social_handle: 1,
  address: 1,
  postcode: 1,
  amount: 2,
  date: 3,
  product: 4,
};

/**
 * The facts section, most useful first: reference numbers, contact details, amounts, dates,
 * products; verified before claimed; the most recently mentioned first.
 */
export function buildFacts(
  facts: readonly Fact[],
  treatments: readonly Treatment[],
  log: RedactionLog,
): FactLine[] {
  const lines: { line: FactLine; fact: Fact; seen: number }[] = [];
  facts.forEach((fact, k) => {
    const treatment = treatments[k] as Treatment;
    log.add('fact', fact.kind, treatment);
    if (!treatment.show && treatment.action === 'withheld') return;
    // Where it was first given, where it was verified, where it was last seen (oldest first).
    const verified = fact.citations.findIndex((c) => c.verified);
    const sources = [0, verified, fact.citations.length - 1]
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)
      .map((i) => fact.citations[i]?.interactionId as InteractionId);
    const value = oneLine(fact.value);
    lines.push({
      fact,
      seen: parseInstant(fact.lastSeen),
      line: {
        kind: fact.kind,
        value: treatment.show ? value : maskValue(fact.kind, value),
        masked: !treatment.show,
        verified: fact.verified,
        firstSeen: fact.firstSeen,
        cites: citeIds(sources),
      },
    });
  });
  lines.sort(
    (a, b) =>
      GROUP[a.fact.kind] - GROUP[b.fact.kind] ||
      Number(b.fact.verified) - Number(a.fact.verified) ||
      b.seen - a.seen ||
      (a.fact.kind < b.fact.kind ? -1 : a.fact.kind > b.fact.kind ? 1 : 0) ||
      (a.fact.normalized < b.fact.normalized ? -1 : a.fact.normalized > b.fact.normalized ? 1 : 0),
  );
  return lines.map((l) => l.line);
}

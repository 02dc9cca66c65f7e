// The fact ledger: one entry per (kind, normalized value), every sighting kept once.
import type { Fact, FactCitation, FactKind } from './schema.js';

interface Sighting {
  citation: FactCitation;
  readonly ms: number;
  /** The entry's previous sighting in the same interaction, or -1. */
  readonly previous: number;
}

interface Entry {
  readonly kind: FactKind;
  readonly value: string;
  readonly normalized: string;
  readonly order: number;
  readonly sightings: Sighting[];
  /**
   * The latest sighting in each interaction. A place is in one interaction, so a new sighting
   * is compared with that interaction's sightings only (a short chain), never keyed by a string.
   */
  readonly latest: Map<string, number>;
}

/**
 * Whether two citations name one place: the same message (or the same kind of interaction
 * record) and the same start.
 */
function samePlace(a: FactCitation, b: FactCitation): boolean {
  return (a.messageIndex ?? a.evidence) === (b.messageIndex ?? b.evidence) && a.start === b.start;
}

/** Collects sightings and builds the deduplicated facts. */
export class Ledger {
  /** Entries by kind, then by normalized value. */
  readonly #entries = new Map<FactKind, Map<string, Entry>>();
  #size = 0;

  /** Records one sighting of a value at a time in milliseconds. */
  add(kind: FactKind, normalized: string, citation: FactCitation, ms: number): void {
    let byValue = this.#entries.get(kind);
    if (byValue === undefined) {
      byValue = new Map();
      this.#entries.set(kind, byValue);
    }
    let entry = byValue.get(normalized);
    if (entry === undefined) {
      entry = {
        kind,
        value: citation.text,
        normalized,
        order: this.#size++,
        sightings: [],
        latest: new Map(),
      };
      byValue.set(normalized, entry);
    }
    // One sighting per place: a value read twice at one spot (by a label and by its shape) is
    // one sighting; a verified reading replaces a claimed one.
    const head = entry.latest.get(citation.interactionId) ?? -1;
    for (let index = head; index >= 0; ) {
      const prior = entry.sightings[index] as Sighting;
      if (samePlace(prior.citation, citation)) {
        if (citation.verified && !prior.citation.verified) prior.citation = citation;
        return;
      }
      index = prior.previous;
    }
    entry.latest.set(citation.interactionId, entry.sightings.length);
    entry.sightings.push({ citation, ms, previous: head });
  }

  /** The facts, oldest first, each with its sightings oldest first. */
  facts(): Fact[] {
    const built: { fact: Fact; ms: number; order: number }[] = [];
    for (const byValue of this.#entries.values()) {
      for (const entry of byValue.values()) {
        const fact = factOf(entry);
        if (fact !== undefined) built.push(fact);
      }
    }
    built.sort((a, b) => a.ms - b.ms || a.order - b.order);
    return built.map((b) => b.fact);
  }
}

/** An entry's fact, with when it was first seen and the entry's place in the ledger. */
function factOf(entry: Entry): { fact: Fact; ms: number; order: number } | undefined {
  const sightings = entry.sightings.slice().sort((a, b) => a.ms - b.ms);
  const first = sightings[0];
  const last = sightings[sightings.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const fact: Fact = Object.freeze({
    kind: entry.kind,
    value: entry.value,
    normalized: entry.normalized,
    verified: sightings.some((s) => s.citation.verified),
    citations: Object.freeze(sightings.map((s) => s.citation)),
    firstSeen: first.citation.at,
    lastSeen: last.citation.at,
  });
  return { fact, ms: first.ms, order: entry.order };
}

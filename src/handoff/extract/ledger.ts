// The fact ledger: one entry per (kind, normalized value), every sighting kept once.
import type { Fact, FactCitation, FactKind } from './schema.js';

interface Sighting {
  citation: FactCitation;
  readonly ms: number;
}

interface Entry {
  readonly kind: FactKind;
  readonly value: string;
  readonly normalized: string;
  readonly order: number;
  readonly sightings: Sighting[];
  /** Sighting index by place, so that one place is cited once. */
  readonly places: Map<string, number>;
}

/** Collects sightings and builds the deduplicated facts. */
export class Ledger {
  readonly #entries = new Map<string, Entry>();

  /** Records one sighting of a value at a time in milliseconds. */
  add(kind: FactKind, normalized: string, citation: FactCitation, ms: number): void {
    const key = `${kind}\u0000${normalized}`;
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      entry = {
        kind,
        value: citation.text,
        normalized,
        order: this.#entries.size,
        sightings: [],
        places: new Map(),
      };
      this.#entries.set(key, entry);
    }
    // One sighting per place: a value read twice at one spot (by a label and by its shape) is
    // one sighting; a verified reading replaces a claimed one.
    const place = `${citation.interactionId}\u0000${citation.messageIndex ?? citation.evidence}\u0000${citation.start ?? ''}`;
    const index = entry.places.get(place);
    if (index === undefined) {
      entry.places.set(place, entry.sightings.length);
      entry.sightings.push({ citation, ms });
      return;
    }
    const prior = entry.sightings[index];
    if (prior !== undefined && citation.verified && !prior.citation.verified)
      prior.citation = citation;
  }

  /** The facts, oldest first, each with its sightings oldest first. */
  facts(): Fact[] {
    const built: { fact: Fact; ms: number; order: number }[] = [];
    for (const entry of this.#entries.values()) {
      const sightings = entry.sightings.slice().sort((a, b) => a.ms - b.ms);
      const first = sightings[0];
      const last = sightings[sightings.length - 1];
      if (first === undefined || last === undefined) continue;
      const fact: Fact = Object.freeze({
        kind: entry.kind,
        value: entry.value,
        normalized: entry.normalized,
        verified: sightings.some((s) => s.citation.verified),
        citations: Object.freeze(sightings.map((s) => s.citation)),
        firstSeen: first.citation.at,
        lastSeen: last.citation.at,
      });
      built.push({ fact, ms: first.ms, order: entry.order });
    }
    built.sort((a, b) => a.ms - b.ms || a.order - b.order);
    return built.map((b) => b.fact);
  }
}

import type { HandoffPacket } from '../packet/schema.js';
import type { Treatment } from './policy.js';

type Entry = HandoffPacket['redaction']['entries'][number];
type What = Entry['what'];

/** Counts what was masked or withheld, by what, kind, action and reason. */
export interface RedactionLog {
  /** Records `count` redactions of one kind of thing; shown values are not recorded. */
  add(what: What, kind: string | undefined, treatment: Treatment, count?: number): void;
  /** The entries, in a stable order. */
  entries(): readonly Entry[];
}

/** A new, empty log. */
export function createRedactionLog(): RedactionLog {
  const counts = new Map<string, Entry>();
  return {
    add(what, kind, treatment, count = 1) {
      if (treatment.show || count <= 0) return;
      const key = `${what}\u0000${kind ?? ''}\u0000${treatment.action}\u0000${treatment.reason}`;
      const known = counts.get(key);
      counts.set(key, {
        what,
        ...(kind === undefined ? {} : { kind }),
        action: treatment.action,
        reason: treatment.reason,
        count: (known?.count ?? 0) + count,
      });
    },
    entries() {
      return [...counts.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, entry]) => entry);
    },
  };
}

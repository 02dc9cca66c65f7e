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

/** One line of the log while it is being counted. */
interface Tally {
  readonly what: What;
  readonly kind: string | undefined;
  readonly action: Entry['action'];
  readonly reason: Entry['reason'];
  count: number;
}

/** A new, empty log. */
export function createRedactionLog(): RedactionLog {
  const tallies = new Map<string, Tally>();
  return {
    add(what, kind, treatment, count = 1) {
      if (treatment.show || count <= 0) return;
      const key = `${what}\u0000${kind ?? ''}\u0000${treatment.action}\u0000${treatment.reason}`;
      const known = tallies.get(key);
      if (known === undefined) {
        tallies.set(key, { what, kind, action: treatment.action, reason: treatment.reason, count });
      } else {
        known.count += count;
      }
    },
    entries() {
      return [...tallies.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, t]) => ({
          what: t.what,
          ...(t.kind === undefined ? {} : { kind: t.kind }),
          action: t.action,
          reason: t.reason,
          count: t.count,
        }));
    },
  };
}

import type { CustomerId, InteractionId, JourneyId } from '../model/ids.js';

/**
 * Two independent 32-bit FNV-1a hashes over the UTF-16 code units, as 16 hex digits. Not
 * cryptographic: ids only need to be stable and rarely collide within one customer's journeys
 * (collisions are resolved by a suffix anyway).
 */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The id of the journey a customer's interaction opens: `jny_` and a hash of both ids, so the
 * same history always yields the same ids. `taken` holds ids already in use; on a collision a
 * counter suffix keeps ids unique.
 */
export function journeyIdFor(
  customerId: CustomerId,
  interactionId: InteractionId,
  taken: ReadonlySet<string>,
): JourneyId {
  const base = `jny_${hash64(`${customerId}\u0000${interactionId}`)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id as JourneyId;
}

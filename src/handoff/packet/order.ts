import type { HandoffPacket } from './schema.js';

/** The packet's keys in the order of its schema, so that its JSON reads the same every time. */
const KEY_ORDER: readonly (keyof HandoffPacket)[] = [
  'version',
  'journeyId',
  'status',
  'builtAt',
  'to',
  'reader',
  'who',
  'issue',
  'latest',
  'timeline',
  'facts',
  'tried',
  'promised',
  'openQuestions',
  'signals',
  'serviceClock',
  'abstract',
  'redaction',
  'fit',
];

/** The same packet with its keys in schema order (absent optional keys stay absent). */
export function canonical(packet: HandoffPacket): HandoffPacket {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (packet[key] !== undefined) out[key] = packet[key];
  return out as HandoffPacket;
}

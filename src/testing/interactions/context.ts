/**
 * Everything the generator derives once from its options: the seeded random source, the
 * numberings that give people distinct values, the channel mixes and the timestamp cache.
 * One context belongs to one stream; nothing here is shared between streams.
 */

import { type Random, seededRandom } from '../../core/random.js';
import { cumulativeOf } from './draws.js';
import { GENERATED_CHANNELS, type GeneratedChannel, type Settings } from './options.js';
import { permutation } from './permutation.js';
import { capacity, type PhonePlan, PLANS } from './phone-plans.js';
import { type Clock, startTime } from './time.js';

/** The mix when none is given: roughly what a mid-sized online shop's helpdesk sees. */
const DEFAULT_MIX: Readonly<Record<GeneratedChannel, number>> = {
  email: 0.25,
  phone: 0.2,
  sms: 0.08,
  whatsapp: 0.1,
  chat: 0.2,
  x: 0.07,
  instagram: 0.05,
  messenger: 0.05,
};

/** Everything derived once from the options. */
export interface Context {
  readonly settings: Settings;
  readonly random: Random;
  readonly plan: PhonePlan;
  readonly start: number;
  /** The end of the window, exclusive. */
  readonly end: number;
  /** Digits of the suffixes that keep addresses, handles and account ids distinct. */
  readonly digits: number;
  /** Numberings of people: phone numbers, name suffixes, Messenger ids, order numbers. */
  readonly phones: (n: number) => number;
  readonly suffixes: (n: number) => number;
  readonly psids: (n: number) => number;
  readonly orders: (n: number) => number;
  readonly orderDigits: number;
  /** How many shared mailboxes exist: about two or three users each. */
  readonly pool: number;
  readonly channels: readonly GeneratedChannel[];
  /** Cumulative channel weights for people with social accounts. */
  readonly mix: Float64Array;
  /** The same without the social channels, for people without. */
  readonly offlineMix: Float64Array;
  /** Share of people with social accounts (a handle and a Messenger id). */
  readonly socialShare: number;
  /** The last day formatted, as `YYYY-MM-DDT`: most timestamps in a row share it. */
  readonly clock: Clock;
}

const SOCIAL_CHANNELS: ReadonlySet<GeneratedChannel> = new Set(['x', 'instagram', 'messenger']);

/** The context of a new stream; it draws the numberings' key, the stream's first random number. */
export function makeContext(settings: Settings): Context {
  const random = seededRandom(settings.seed);
  const plan: PhonePlan = PLANS[settings.region];
  const start = startTime(settings.start);
  const weights = settings.channels ?? DEFAULT_MIX;
  const channels = GENERATED_CHANNELS.filter((c) => (weights[c] ?? 0) > 0);
  const mix = cumulativeOf(channels.map((c) => weights[c] ?? 0));
  const offline = channels.map((c) => (SOCIAL_CHANNELS.has(c) ? 0 : (weights[c] ?? 0)));
  const offlineTotal = offline.reduce((a, b) => a + b, 0);
  // Enough digits that every person (and their second address or handle) gets its own.
  const digits = Math.max(3, String(2 * settings.people).length);
  const orderDigits = Math.max(8, String(settings.people * 64).length);
  // Each numbering has its own seed-dependent key, so that seeds give different values.
  const key = Math.floor(random() * 2 ** 32);
  return {
    settings,
    random,
    plan,
    start,
    end: start + settings.span,
    digits,
    phones: permutation(capacity(plan), key),
    suffixes: permutation(10 ** digits, key + 16),
    psids: permutation(1e15, key + 32),
    orders: permutation(10 ** orderDigits, key + 48),
    orderDigits,
    pool: Math.max(1, Math.round((settings.people * settings.sharedMailboxes) / 2.5)),
    channels,
    mix,
    offlineMix: cumulativeOf(offline),
    // When only social channels are in the mix, everybody must have a social account.
    socialShare: offlineTotal > 0 ? 0.45 : 1,
    clock: { day: Number.NaN, prefix: '' },
  };
}

import { z } from 'zod';
import { ThreadlineError } from '../core/errors.js';
import type { Issue } from '../core/result.js';
import { ChannelSchema } from '../model/channel.js';
import { InteractionIdSchema, JourneyIdSchema } from '../model/ids.js';
import type { Interaction } from '../model/interaction.js';
import type { Journey } from '../model/journey.js';
import { toIssues } from '../model/parse.js';
import { TimestampSchema } from '../model/time.js';
import { toMs } from './prepare.js';

/**
 * Options of {@link journeyTimeline}.
 *
 * @example
 * ```ts
 * import { JourneyTimelineOptionsSchema } from 'threadline';
 *
 * console.log(JourneyTimelineOptionsSchema.safeParse({ now: 'now' }).success); // false
 * ```
 */
export const JourneyTimelineOptionsSchema = z.strictObject({
  /** The current time, to measure a wait still running; without it open waits count as 0. */
  now: z.union([TimestampSchema, z.number().int().nonnegative()]).optional(),
  /** Which authors answer the customer (default agents and bots). */
  replyRoles: z
    .array(z.enum(['agent', 'bot']))
    .min(1)
    .default(['agent', 'bot']),
});

/**
 * What callers pass to {@link journeyTimeline}; see {@link JourneyTimelineOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { JourneyTimelineOptions } from 'threadline';
 *
 * const options: JourneyTimelineOptions = { now: '2026-03-02T09:00:00Z', replyRoles: ['agent'] };
 * console.log(options.replyRoles); // [ 'agent' ]
 * ```
 */
export type JourneyTimelineOptions = z.input<typeof JourneyTimelineOptionsSchema>;

/**
 * One hop of a journey: consecutive interactions on the same channel (and the same side, public
 * or private, of channels that have both).
 *
 * @example
 * ```ts
 * import { JourneyHopSchema } from 'threadline';
 *
 * const hop = JourneyHopSchema.parse({
 *   channel: 'x', visibility: 'private', interactionIds: ['dm-1'], startedAt: '2026-03-01T10:00:00Z',
 *   endedAt: '2026-03-01T10:30:00Z', durationMs: 1_800_000, gapBeforeMs: 0,
 * });
 * console.log(hop.channel, hop.visibility); // x private
 * ```
 */
export const JourneyHopSchema = z
  .strictObject({
    /** The channel. */
    channel: ChannelSchema,
    /** The side of a channel with both, when the interactions say. */
    visibility: z.enum(['public', 'private']).optional(),
    /** The interactions of the hop, oldest first. */
    interactionIds: z.array(InteractionIdSchema).min(1).readonly(),
    /** When its first interaction started. */
    startedAt: TimestampSchema,
    /** The latest instant its interactions show. */
    endedAt: TimestampSchema,
    /** From `startedAt` to `endedAt`. */
    durationMs: z.number().int().nonnegative(),
    /** Time with nothing happening between the previous hops and this one (0 for the first). */
    gapBeforeMs: z.number().int().nonnegative(),
    /** From the hop's first customer message to the first reply in the hop, if both exist. */
    firstResponseMs: z.number().int().nonnegative().optional(),
  })
  .readonly();

/**
 * A journey hop; see {@link JourneyHopSchema}.
 *
 * @example
 * ```ts
 * import type { JourneyHop } from 'threadline';
 *
 * const label = (h: JourneyHop) => (h.visibility === undefined ? h.channel : `${h.channel} (${h.visibility})`);
 * console.log(label({ channel: 'x', visibility: 'private', interactionIds: [], startedAt: '', endedAt: '', durationMs: 0, gapBeforeMs: 0 })); // x (private)
 * ```
 */
export type JourneyHop = z.infer<typeof JourneyHopSchema>;

/**
 * A journey told as hops across channels, with its waiting times.
 *
 * Laws: gaps are never negative; `activeMs + idleMs === spanMs`; `idleMs` is the sum of the
 * hops' `gapBeforeMs`; the hops' interaction ids, concatenated, are the journey's.
 *
 * @example
 * ```ts
 * import { JourneyTimelineSchema } from 'threadline';
 *
 * console.log(JourneyTimelineSchema.safeParse({}).success); // false
 * ```
 */
export const JourneyTimelineSchema = z
  .strictObject({
    /** The journey. */
    journeyId: JourneyIdSchema,
    /** The hops, oldest first. */
    hops: z.array(JourneyHopSchema).min(1).readonly(),
    /** When the journey started. */
    startedAt: TimestampSchema,
    /** The latest instant it shows. */
    endedAt: TimestampSchema,
    /** From `startedAt` to `endedAt`. */
    spanMs: z.number().int().nonnegative(),
    /** Time covered by at least one hop. */
    activeMs: z.number().int().nonnegative(),
    /** Time between hops with nothing happening. */
    idleMs: z.number().int().nonnegative(),
    /**
     * Total time the customer waited for an answer: from a customer message not yet answered to
     * the next reply, on any channel, plus the wait still running at `now`.
     */
    customerWaitingMs: z.number().int().nonnegative(),
    /** The part of `customerWaitingMs` still running at `now` (0 without `now`). */
    openWaitMs: z.number().int().nonnegative(),
    /** When the customer's current unanswered wait began, if they are waiting. */
    waitingSince: TimestampSchema.optional(),
    /** From the first customer message to the first reply, if both exist. */
    firstResponseMs: z.number().int().nonnegative().optional(),
    /** Every answered wait, in order. */
    responseTimesMs: z.array(z.number().int().nonnegative()).readonly(),
    /** Moves from one hop to the next (`hops.length - 1`); public to private counts. */
    channelSwitches: z.number().int().nonnegative(),
    /** Contacts the customer started after the first one. */
    repeatContacts: z.number().int().nonnegative(),
  })
  .readonly();

/**
 * A journey timeline; see {@link JourneyTimelineSchema}.
 *
 * @example
 * ```ts
 * import type { JourneyTimeline } from 'threadline';
 *
 * const summary = (t: JourneyTimeline) => t.hops.map((h) => h.channel).join(' → ');
 * console.log(typeof summary); // function
 * ```
 */
export type JourneyTimeline = z.infer<typeof JourneyTimelineSchema>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Item {
  readonly interaction: Interaction;
  readonly startMs: number;
  /** The latest instant the interaction shows (see `interactionEnd`), set by {@link timeItems}. */
  endMs: number;
  endAt: string;
}

interface TimedMessage {
  readonly ms: number;
  readonly at: string;
  readonly order: number;
  readonly author: Interaction['messages'][number]['author'];
}

/** A hop as the run `items[from, to)` of the journey's items. */
interface Hop {
  readonly channel: Interaction['channel'];
  visibility: 'public' | 'private' | undefined;
  readonly from: number;
  to: number;
}

interface Waits {
  total: number;
  responses: number[];
  pendingMs: number | undefined;
  pendingAt: string | undefined;
}

/** The waits in `messages[from, to)`, read in time order. */
function measureWaits(
  messages: readonly TimedMessage[],
  from: number,
  to: number,
  replyRoles: ReadonlySet<string>,
): Waits {
  const waits: Waits = { total: 0, responses: [], pendingMs: undefined, pendingAt: undefined };
  for (let k = from; k < to; k++) {
    const m = messages[k] as TimedMessage;
    if (m.author === 'customer') {
      if (waits.pendingMs === undefined) {
        waits.pendingMs = m.ms;
        waits.pendingAt = m.at;
      }
    } else if (replyRoles.has(m.author) && waits.pendingMs !== undefined) {
      const wait = Math.max(0, m.ms - waits.pendingMs);
      waits.total += wait;
      waits.responses.push(wait);
      waits.pendingMs = undefined;
      waits.pendingAt = undefined;
    }
  }
  return waits;
}

/**
 * Reads every timestamp of the items once: sets each item's end (as `interactionEnd` does) and
 * returns their messages in item order, each with its time as `messageTimes` gives it and its
 * place (`itemIndex * 1_000_000 + messageIndex`).
 */
function timeItems(items: readonly Item[]): TimedMessage[] {
  const out: TimedMessage[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as Item;
    const { interaction } = item;
    let endMs = item.startMs;
    let endAt = interaction.startedAt;
    if (interaction.endedAt !== undefined) {
      const t = toMs(interaction.endedAt);
      if (t > endMs) {
        endMs = t;
        endAt = interaction.endedAt;
      }
    }
    // A message without a time of its own takes the previous message's, else the start.
    let ms = item.startMs;
    let at = interaction.startedAt;
    const messages = interaction.messages;
    for (let index = 0; index < messages.length; index++) {
      const message = messages[index] as Interaction['messages'][number];
      if (message.at !== undefined) {
        ms = toMs(message.at);
        at = message.at;
        if (ms > endMs) {
          endMs = ms;
          endAt = at;
        }
      }
      out.push({ ms, at, order: k * 1_000_000 + index, author: message.author });
    }
    item.endMs = endMs;
    item.endAt = endAt;
  }
  return out;
}

function byTime(a: TimedMessage, b: TimedMessage): number {
  return a.ms - b.ms || a.order - b.order;
}

/**
 * Whether `messages[from, to)` is already in {@link byTime} order. Messages nearly always are,
 * and sorting a short run costs more in scratch space than checking it.
 */
function inTimeOrder(messages: readonly TimedMessage[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    if (!(byTime(messages[k - 1] as TimedMessage, messages[k] as TimedMessage) <= 0)) return false;
  }
  return true;
}

/**
 * The first answered wait in `messages[from, to)` once put in time order: the first of
 * {@link measureWaits}'s responses, without keeping the others.
 */
function firstResponseIn(
  messages: TimedMessage[],
  from: number,
  to: number,
  replyRoles: ReadonlySet<string>,
): number | undefined {
  let run: readonly TimedMessage[] = messages;
  let end = to;
  let k = from;
  if (!inTimeOrder(messages, from, to)) {
    run = messages.slice(from, to).sort(byTime);
    k = 0;
    end = run.length;
  }
  let pendingMs: number | undefined;
  for (; k < end; k++) {
    const m = run[k] as TimedMessage;
    if (m.author === 'customer') pendingMs ??= m.ms;
    else if (replyRoles.has(m.author) && pendingMs !== undefined) {
      return Math.max(0, m.ms - pendingMs);
    }
  }
  return undefined;
}

/** The waits in `messages[from, to)` once put in time order (see {@link measureWaits}). */
function waitsIn(
  messages: TimedMessage[],
  from: number,
  to: number,
  replyRoles: ReadonlySet<string>,
): Waits {
  if (inTimeOrder(messages, from, to)) return measureWaits(messages, from, to, replyRoles);
  const sorted = messages.slice(from, to).sort(byTime);
  return measureWaits(sorted, 0, sorted.length, replyRoles);
}

/**
 * Describes a journey as hops across channels, with its waiting times: the gap before each hop,
 * how long the customer waited for answers across channels, first-response times, channel
 * switches and repeat contacts. Messages without a time take the previous message's, or their
 * interaction's start.
 *
 * @param journey - a journey, e.g. from {@link threadJourneys}.
 * @param interactions - the journey's interactions; others are ignored.
 * @param options - `now` to measure a wait still running; `replyRoles` to choose who answers.
 * @throws {@link ThreadlineError} `invalid_options` for bad options; `invalid_input` when an
 *   interaction of the journey is missing or two interactions share an id.
 * @example
 * ```ts
 * import { journeyTimeline, parseInteraction, threadJourneys } from 'threadline';
 *
 * const interactions = [
 *   parseInteraction({
 *     id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z',
 *     messages: [{ author: 'customer', text: 'Order 55123 arrived broken', at: '2026-03-01T09:00:00Z' }],
 *   }),
 *   parseInteraction({
 *     id: 'call-1', channel: 'phone', startedAt: '2026-03-01T15:00:00Z', endedAt: '2026-03-01T15:10:00Z',
 *     messages: [
 *       { author: 'customer', text: 'Calling about order 55123' },
 *       { author: 'agent', text: 'A replacement is on its way.' },
 *     ],
 *   }),
 * ];
 * const [journey] = threadJourneys(interactions, { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const t = journeyTimeline(journey, interactions);
 *   console.log(t.hops.map((h) => h.channel), t.hops[1]?.gapBeforeMs); // [ 'email', 'phone' ] 21600000
 *   console.log(t.customerWaitingMs / 3_600_000, t.repeatContacts); // 6 1
 * }
 * ```
 */
export function journeyTimeline(
  journey: Journey,
  interactions: readonly Interaction[],
  options: JourneyTimelineOptions = {},
): JourneyTimeline {
  const parsed = JourneyTimelineOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ThreadlineError(
      'invalid_options',
      'Invalid timeline options',
      toIssues(parsed.error),
    );
  }
  const { now, replyRoles } = parsed.data;
  const nowMs = now === undefined ? undefined : typeof now === 'number' ? now : toMs(now);
  const items = journeyItems(journey, interactions);
  const roles = new Set<string>(replyRoles);

  // Hops: a new one whenever the channel changes, or a mixed channel changes sides.
  const hops: Hop[] = [];
  for (let k = 0; k < items.length; k++) {
    const { channel, visibility } = (items[k] as Item).interaction;
    const hop = hops[hops.length - 1];
    if (
      hop !== undefined &&
      hop.channel === channel &&
      (visibility === undefined || hop.visibility === undefined || hop.visibility === visibility)
    ) {
      hop.to = k + 1;
      hop.visibility ??= visibility;
    } else {
      hops.push({ channel, visibility, from: k, to: k + 1 });
    }
  }

  // Every message once, in item order: a hop's messages are a run of them.
  const timed = timeItems(items);
  const firstItem = items[0] as Item;
  let runningEnd = firstItem.startMs;
  let endAt = firstItem.interaction.startedAt;
  let activeMs = 0;
  let idleMs = 0;
  let from = 0;
  const hopValues: JourneyHop[] = [];
  for (const hop of hops) {
    const start = items[hop.from] as Item;
    let end = start;
    let count = 0;
    for (let k = hop.from; k < hop.to; k++) {
      const item = items[k] as Item;
      if (item.endMs > end.endMs) end = item;
      count += item.interaction.messages.length;
    }
    const gapBeforeMs = Math.max(0, start.startMs - runningEnd);
    activeMs += Math.max(0, end.endMs - Math.max(start.startMs, runningEnd));
    idleMs += gapBeforeMs;
    if (end.endMs > runningEnd) {
      runningEnd = end.endMs;
      endAt = end.endAt;
    }
    const firstResponseMs = firstResponseIn(timed, from, from + count, roles);
    from += count;
    const interactionIds = new Array<Interaction['id']>(hop.to - hop.from);
    for (let k = hop.from; k < hop.to; k++) {
      interactionIds[k - hop.from] = (items[k] as Item).interaction.id;
    }
    // Built field by field in the schema's order: spreading optional fields costs a copy each.
    const value: Mutable<JourneyHop> =
      hop.visibility === undefined
        ? {
            channel: hop.channel,
            interactionIds,
            startedAt: start.interaction.startedAt,
            endedAt: end.endAt,
            durationMs: end.endMs - start.startMs,
            gapBeforeMs,
          }
        : {
            channel: hop.channel,
            visibility: hop.visibility,
            interactionIds,
            startedAt: start.interaction.startedAt,
            endedAt: end.endAt,
            durationMs: end.endMs - start.startMs,
            gapBeforeMs,
          };
    if (firstResponseMs !== undefined) value.firstResponseMs = firstResponseMs;
    hopValues.push(value);
  }

  const waits = waitsIn(timed, 0, timed.length, roles);
  const openWaitMs =
    waits.pendingMs !== undefined && nowMs !== undefined ? Math.max(0, nowMs - waits.pendingMs) : 0;
  let inbound = 0;
  for (const item of items) if (item.interaction.direction === 'inbound') inbound++;
  const firstResponseMs = waits.responses[0];

  return {
    journeyId: journey.id,
    hops: hopValues,
    startedAt: firstItem.interaction.startedAt,
    endedAt: endAt,
    spanMs: runningEnd - firstItem.startMs,
    activeMs,
    idleMs,
    customerWaitingMs: waits.total + openWaitMs,
    openWaitMs,
    ...(waits.pendingAt === undefined ? {} : { waitingSince: waits.pendingAt }),
    ...(firstResponseMs === undefined ? {} : { firstResponseMs }),
    responseTimesMs: waits.responses,
    channelSwitches: hops.length - 1,
    repeatContacts: Math.max(0, inbound - 1),
  };
}

function byStartThenId(a: Item, b: Item): number {
  return (
    a.startMs - b.startMs ||
    (a.interaction.id < b.interaction.id ? -1 : a.interaction.id > b.interaction.id ? 1 : 0)
  );
}

/** The journey's interactions in (start, id) order; throws when one is missing or duplicated. */
function journeyItems(journey: Journey, interactions: readonly Interaction[]): Item[] {
  const wanted = new Set<string>(journey.interactionIds);
  const found = new Map<string, Interaction>();
  const issues: Issue[] = [];
  interactions.forEach((interaction, index) => {
    if (!wanted.has(interaction.id)) return;
    if (found.has(interaction.id)) {
      issues.push({
        code: 'duplicate_id',
        path: [index, 'id'],
        message: `interaction id "${interaction.id}" appears more than once`,
      });
    }
    found.set(interaction.id, interaction);
  });
  for (const id of journey.interactionIds) {
    if (!found.has(id)) {
      issues.push({
        code: 'missing_interaction',
        path: [],
        message: `interaction "${id}" of journey "${journey.id}" was not given`,
      });
    }
  }
  if (issues.length > 0) {
    throw new ThreadlineError('invalid_input', 'Cannot build the journey timeline', issues);
  }
  const items: Item[] = [];
  for (const interaction of found.values()) {
    const startMs = toMs(interaction.startedAt);
    // The end is read with the message times (see `timeItems`).
    items.push({ interaction, startMs, endMs: startMs, endAt: interaction.startedAt });
  }
  return items.sort(byStartThenId);
}

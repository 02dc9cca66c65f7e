// An optional abstractive summary (an LLM, a hosted summariser) on top of the deterministic
// packet. The plug-in reads the finished packet as its grounding; its text is redacted like any
// other, cut to the room the packet leaves in its budget, and never displaces a deterministic
// line. Any failure leaves the packet exactly as `buildHandoff` makes it.
import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import { toIssues } from '../../model/parse.js';
import { limitOf, measure } from '../fit/measure.js';
import { renderAs } from '../render/render.js';
import { truncateAtWord } from '../summary/fit.js';
import { draftHandoff } from './build.js';
import type { HandoffInput, HandoffOptions } from './options.js';
import { canonical } from './order.js';
import type { HandoffPacket } from './schema.js';
import { oneLine } from './text.js';

/**
 * A summarizer plug-in: given the deterministic packet (already redacted for its reader), it
 * returns a short abstractive summary. It should stop when `signal` aborts (the timeout).
 *
 * @example
 * ```ts
 * import type { HandoffSummarizer } from 'threadline';
 *
 * const echo: HandoffSummarizer = async (packet) => `Customer says: ${packet.issue.line.text}`;
 * console.log(typeof echo); // function
 * ```
 */
export type HandoffSummarizer = (
  packet: HandoffPacket,
  context: { readonly signal: AbortSignal },
) => Promise<string>;

/** The summary is cut, at a word, to no fewer than this many characters, or left out. */
const MIN_ABSTRACT_CHARS = 20;

/**
 * The options {@link buildHandoffWithSummary} adds to those of {@link buildHandoff}.
 *
 * @example
 * ```ts
 * import { SummarizerOptionsSchema } from 'threadline';
 *
 * console.log(SummarizerOptionsSchema.parse({ summarizer: async () => 'ok' }).timeoutMs); // 10000
 * ```
 */
export const SummarizerOptionsSchema = z.strictObject({
  /** The plug-in. */
  summarizer: z.custom<HandoffSummarizer>((value) => typeof value === 'function', {
    message: 'expected a function (packet, { signal }) => Promise<string>',
  }),
  /** How long to wait for it, in milliseconds (default 10,000). */
  timeoutMs: z.number().int().min(1).max(600_000).default(10_000),
});

/**
 * Options of {@link buildHandoffWithSummary}: those of {@link buildHandoff}, the summarizer and
 * how long to wait for it.
 *
 * @example
 * ```ts
 * import type { HandoffWithSummaryOptions } from 'threadline';
 *
 * const options: HandoffWithSummaryOptions = {
 *   to: 'phone', now: '2026-03-01T10:00:00Z', timeoutMs: 2_000,
 *   summarizer: async (packet) => packet.issue.line.text,
 * };
 * console.log(options.timeoutMs); // 2000
 * ```
 */
export type HandoffWithSummaryOptions = HandoffOptions & z.input<typeof SummarizerOptionsSchema>;

/**
 * What {@link buildHandoffWithSummary} returns: the packet (the deterministic one, plus
 * `abstract` when the summary was used) and what happened to the summarizer.
 *
 * @example
 * ```ts
 * import type { HandoffWithSummary } from 'threadline';
 *
 * const used = (r: HandoffWithSummary) => r.summarizer.status === 'used';
 * console.log(typeof used); // function
 * ```
 */
export interface HandoffWithSummary {
  /** The packet; every field but `abstract` is exactly what `buildHandoff` returns. */
  readonly packet: HandoffPacket;
  /** What happened to the summarizer. */
  readonly summarizer: {
    /**
     * `used`: the summary is in `packet.abstract`; `no_room`: the budget had no room left, so
     * the summarizer was not called or its text could not fit; `empty`: it returned no text;
     * `failed`: it threw or returned something else than text; `timed_out`: it did not answer
     * within `timeoutMs`.
     */
    readonly status: 'used' | 'no_room' | 'empty' | 'failed' | 'timed_out';
    /** True when the summary was cut to fit. */
    readonly truncated: boolean;
    /** Why it failed, when it did. */
    readonly message?: string;
  };
}

const withAbstract = (packet: HandoffPacket, text: string): HandoffPacket =>
  canonical({ ...packet, abstract: { text, source: 'summarizer' } });

/**
 * Builds the deterministic packet with {@link buildHandoff}, then asks a summarizer plug-in
 * (for example an LLM) for an abstractive summary grounded on it. The summary is redacted like
 * every other text, cut to the room left in the budget, and added as `packet.abstract`; it never
 * changes or displaces the deterministic fields. When the summarizer throws, returns no text, or
 * does not answer within `timeoutMs`, the packet comes back exactly as `buildHandoff` builds it,
 * with the reason in `summarizer`. Never rejects because of the summarizer.
 *
 * @param input - as for {@link buildHandoff}.
 * @param options - as for {@link buildHandoff}, plus `summarizer` and `timeoutMs`.
 * @returns the packet and the summarizer's outcome.
 * @throws {@link ThreadlineError} (as a rejection) for the same bad options and inputs as
 *   {@link buildHandoff}, and for a missing summarizer or a bad timeout.
 * @example
 * ```ts
 * import { buildHandoffWithSummary, parseInteraction, threadJourneys } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'My order A-55123 has not arrived.' }],
 * });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const result = await buildHandoffWithSummary(
 *     { journey, interactions: [chat] },
 *     { to: 'phone', now: '2026-03-01T10:00:00Z', summarizer: async (p) => `Order problem: ${p.issue.line.text}` },
 *   );
 *   console.log(result.summarizer.status, result.packet.abstract?.text); // used Order problem: My order A-55123 has not arrived.
 * }
 * ```
 */
export async function buildHandoffWithSummary(
  input: HandoffInput,
  options: HandoffWithSummaryOptions,
): Promise<HandoffWithSummary> {
  const { summarizer: plugIn, timeoutMs: timeout, ...rest } = options;
  const parsed = SummarizerOptionsSchema.safeParse({
    summarizer: plugIn,
    ...(timeout === undefined ? {} : { timeoutMs: timeout }),
  });
  if (!parsed.success) {
    throw new ThreadlineError(
      'invalid_options',
      'Invalid summarizer options',
      toIssues(parsed.error),
    );
  }
  const { summarizer, timeoutMs } = parsed.data;
  const draft = draftHandoff(input, rest);
  const { packet } = draft;
  const { format, budget } = draft.options;
  const fits = (p: HandoffPacket) => measure(renderAs(format, p), budget) <= limitOf(budget);
  const outcome = (
    status: HandoffWithSummary['summarizer']['status'],
    message?: string,
  ): HandoffWithSummary => ({
    packet,
    summarizer: { status, truncated: false, ...(message === undefined ? {} : { message }) },
  });

  if (!fits(withAbstract(packet, 'x'.repeat(MIN_ABSTRACT_CHARS)))) return outcome('no_room');

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<{ readonly timedOut: true }>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ timedOut: true });
    }, timeoutMs);
  });
  let answer: unknown;
  try {
    const settled = await Promise.race([
      Promise.resolve()
        .then(() => summarizer(packet, { signal: controller.signal }))
        .then((text) => ({ timedOut: false as const, text })),
      expired,
    ]);
    if (settled.timedOut) return outcome('timed_out', `no answer within ${timeoutMs} ms`);
    answer = settled.text;
  } catch (e) {
    return outcome('failed', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
  if (typeof answer !== 'string') return outcome('failed', 'the summarizer did not return text');
  const text = oneLine(draft.scrub(answer));
  if (text === '') return outcome('empty');

  if (fits(withAbstract(packet, text))) {
    return { packet: withAbstract(packet, text), summarizer: { status: 'used', truncated: false } };
  }
  // The longest cut at a word that still fits.
  let lo = MIN_ABSTRACT_CHARS;
  let hi = text.length;
  if (!fits(withAbstract(packet, truncateAtWord(text, lo)))) return outcome('no_room');
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fits(withAbstract(packet, truncateAtWord(text, mid)))) lo = mid;
    else hi = mid;
  }
  return {
    packet: withAbstract(packet, truncateAtWord(text, lo)),
    summarizer: { status: 'used', truncated: true },
  };
}

import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import { toIssues } from '../../model/parse.js';
import { type FitOutcome, fitPacket } from '../fit/fit.js';
import { limitOf, measure, unitOf } from '../fit/measure.js';
import {
  type HandoffBudget,
  HandoffBudgetSchema,
  type HandoffFormat,
  HandoffFormatSchema,
  type HandoffPacket,
} from '../packet/schema.js';
import { LineMemo, markdownOf } from './markdown.js';
import { textOf } from './text.js';

/**
 * Renders a packet in a format as it stands, without fitting; every format ends with a newline.
 * `memo` keeps rendered lines for the next rendering of the same lines (see `LineMemo`).
 */
export function renderAs(format: HandoffFormat, packet: HandoffPacket, memo?: LineMemo): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(packet)}\n`;
    case 'markdown':
      return markdownOf(packet, memo);
    case 'text':
      return textOf(packet);
  }
}

/** Fits a packet so that its rendering in `format` fits `budget`. */
export function fitFor(
  packet: HandoffPacket,
  format: HandoffFormat,
  budget: HandoffBudget,
): FitOutcome {
  // Fitting renders the packet's lines many times over; each line is rendered once.
  const memo = new LineMemo();
  return fitPacket(packet, {
    size: (p) => measure(renderAs(format, p, memo), budget),
    limit: limitOf(budget),
    unit: unitOf(budget),
    reportedLimit: limitOf(budget),
    format,
  });
}

/** The error for a budget too small for even the required lines. */
export function budgetTooSmall(
  format: HandoffFormat,
  budget: HandoffBudget,
  smallest: number,
): ThreadlineError {
  const unit = unitOf(budget) === 'chars' ? 'characters' : 'tokens';
  return new ThreadlineError('invalid_options', `The budget is too small for a ${format} packet`, [
    {
      code: 'budget_too_small',
      path: ['budget', unitOf(budget)],
      message: `the identity line, the issue line and the latest message need at least ${smallest} ${unit} in ${format}; the budget is ${limitOf(budget)}`,
    },
  ]);
}

/**
 * Options of {@link renderHandoff}: the format and the budget, each defaulting to the ones the
 * packet was fitted for.
 *
 * @example
 * ```ts
 * import { RenderHandoffOptionsSchema } from 'threadline';
 *
 * console.log(RenderHandoffOptionsSchema.safeParse({ format: 'text', budget: { chars: 160 } }).success); // true
 * ```
 */
export const RenderHandoffOptionsSchema = z.strictObject({
  /** The format (default: the one the packet was fitted for). */
  format: HandoffFormatSchema.optional(),
  /** The budget (default: the packet's own). */
  budget: HandoffBudgetSchema.optional(),
});

/**
 * Options of {@link renderHandoff}; see {@link RenderHandoffOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { RenderHandoffOptions } from 'threadline';
 *
 * const sms: RenderHandoffOptions = { format: 'text', budget: { chars: 320 } };
 * console.log(sms.format); // text
 * ```
 */
export type RenderHandoffOptions = z.input<typeof RenderHandoffOptionsSchema>;

/** The options with the packet's own format and budget filled in. */
function resolve(
  packet: HandoffPacket,
  options: RenderHandoffOptions,
): { format: HandoffFormat; budget: HandoffBudget } {
  const parsed = RenderHandoffOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ThreadlineError('invalid_options', 'Invalid render options', toIssues(parsed.error));
  }
  return {
    format: parsed.data.format ?? packet.fit.format,
    budget:
      parsed.data.budget ??
      (packet.fit.unit === 'tokens' ? { tokens: packet.fit.limit } : { chars: packet.fit.limit }),
  };
}

/**
 * The packet as a renderer would show it in a format and budget: lines dropped from the least
 * important up, and the required lines shortened only when nothing else is left to drop. Its
 * `fit` report says what was left out. A packet fitted to the format and budget it was built for
 * comes back unchanged.
 *
 * @param packet - a packet from {@link buildHandoff}.
 * @param options - the format and the budget (default: the packet's).
 * @returns the fitted packet.
 * @throws {@link ThreadlineError} `invalid_options` for bad options, or when the budget cannot
 *   hold even the required lines in this format (code `budget_too_small` in the issues).
 * @example
 * ```ts
 * import { buildHandoff, fitHandoff, parseInteraction, threadJourneys } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [
 *     { author: 'customer', text: 'My order A-55123 has not arrived. Where is it?' },
 *     { author: 'agent', text: 'I have opened a claim with the courier.' },
 *   ],
 * });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [chat] }, { to: 'sms', now: '2026-03-01T10:00:00Z' });
 *   const sms = fitHandoff(packet, { format: 'text', budget: { chars: 200 } });
 *   console.log(sms.fit.omitted.map((o) => o.section)); // [ 'summary', 'timeline', 'facts', 'tried', 'serviceClock' ]
 * }
 * ```
 */
export function fitHandoff(
  packet: HandoffPacket,
  options: RenderHandoffOptions = {},
): HandoffPacket {
  const { format, budget } = resolve(packet, options);
  const fitted = fitFor(packet, format, budget);
  if (!fitted.ok) throw budgetTooSmall(format, budget, fitted.smallest);
  return fitted.packet;
}

/**
 * Renders a packet as JSON (for machines), Markdown (for an agent desktop) or short plain text
 * (for a phone whisper or an SMS). The output never exceeds the budget: lines are dropped from
 * the least important up (see {@link fitHandoff} and `docs/handoff.md`), and the identity line,
 * the issue line and the customer's latest message are never dropped, only shortened when
 * nothing else is left. A packet rendered in the format and budget it was built for shows
 * exactly what it holds. JSON is one line; Markdown lines cite their interactions in brackets;
 * plain text leaves citations to the JSON. Every format ends with a newline, counted in the
 * budget.
 *
 * @param packet - a packet from {@link buildHandoff}.
 * @param options - the format and the budget (default: the packet's).
 * @returns the rendered text.
 * @throws {@link ThreadlineError} `invalid_options` for bad options, or when the budget cannot
 *   hold even the required lines in this format (code `budget_too_small` in the issues).
 * @example
 * ```ts
 * import { buildHandoff, parseInteraction, renderHandoff, threadJourneys } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [
 *     { author: 'customer', text: 'My order A-55123 has not arrived.' },
 *     { author: 'agent', text: 'I have opened a claim with the courier.' },
 *   ],
 * });
 * const [journey] = threadJourneys([chat], { customerId: 'cus-1' }).journeys;
 * if (journey) {
 *   const packet = buildHandoff({ journey, interactions: [chat] }, { to: 'phone', format: 'markdown', budget: { chars: 1200 }, now: '2026-03-01T10:00:00Z' });
 *   const markdown = renderHandoff(packet);
 *   console.log(markdown.split('\n')[2]); // - **Issue:** “My order A-55123 has not arrived.” [chat-1]
 *   console.log(renderHandoff(packet, { format: 'text', budget: { chars: 160 } }).length <= 160); // true
 * }
 * ```
 */
export function renderHandoff(packet: HandoffPacket, options: RenderHandoffOptions = {}): string {
  const { format } = resolve(packet, options);
  return renderAs(format, fitHandoff(packet, options));
}

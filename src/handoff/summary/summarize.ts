import type { Interaction } from '../../model/interaction.js';
import { dialogSentences } from './dialog.js';
import {
  type HandoffSummary,
  nowMillis,
  parseOptions,
  type SummarizeOptions,
  SummarizeOptionsSchema,
} from './schema.js';
import { scoreSentences } from './score.js';
import { render, selectSentences } from './select.js';

/**
 * An extractive summary of the dialog so far, within a character budget: messages are
 * cleaned (mentions, links, signatures, emoji, "(1/2)" markers), split into sentences, scored
 * by centrality (TextRank over content words, windowed so that long dialogs stay linear),
 * position and role (the customer's problem, the agent's actions), then chosen greedily
 * without redundancy and shown in dialog order. Interactions are read in the order they
 * started. Deterministic; the text never exceeds `budgetChars`.
 *
 * @param interactions - the interactions of one story, in any order.
 * @param options - `budgetChars` (an integer, at least 20), optionally `now` and `roleLabels`.
 * @returns the rendered text and the chosen sentences, each with its role and citation.
 * @throws {@link ThreadlineError} with code `invalid_options` when the options are invalid.
 * @example
 * ```ts
 * import { parseInteraction, summarize } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [
 *     { author: 'customer', text: 'I was charged twice for my March invoice.' },
 *     { author: 'agent', text: 'Thanks for waiting! I have refunded the second charge, it will show in 3 days.' },
 *     { author: 'customer', text: 'Great, thanks!' },
 *   ],
 * });
 * const summary = summarize([chat], { budgetChars: 160 });
 * console.log(summary.text);
 * // Customer: I was charged twice for my March invoice. Agent: I have refunded the second charge, it will show in 3 days.
 * console.log(summary.sentences.map((s) => s.citation.messageIndex)); // [ 0, 1 ]
 * ```
 */
export function summarize(
  interactions: readonly Interaction[],
  options: SummarizeOptions,
): HandoffSummary {
  const { budgetChars, now, roleLabels } = parseOptions(
    SummarizeOptionsSchema,
    options,
    'summarize',
  );
  const scored = scoreSentences(dialogSentences(interactions, nowMillis(now)));
  const sentences = selectSentences({ scored, budget: budgetChars, labels: roleLabels });
  return { text: render(sentences, roleLabels), sentences };
}

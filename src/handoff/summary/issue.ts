import type { Interaction } from '../../model/interaction.js';
import { dialogSentences } from './dialog.js';
import { truncateAtWord } from './fit.js';
import {
  type IssueLine,
  type IssueLineOptions,
  IssueLineOptionsSchema,
  nowMillis,
  parseOptions,
} from './schema.js';
import { type Scored, scoreSentences } from './score.js';

/** The customer sentence that best states the issue, else the best sentence of anyone. */
export function pickIssue(scored: readonly Scored[]): Scored | undefined {
  let best: Scored | undefined;
  for (const s of scored) {
    if (s.sentence.role === 'customer' && (best === undefined || s.issue > best.issue)) best = s;
  }
  if (best !== undefined) return best;
  for (const s of scored) {
    if (best === undefined || s.relevance > best.relevance) best = s;
  }
  return best;
}

/** Builds the issue line from a chosen sentence. */
export function issueFrom(pick: Scored | undefined, budget: number): IssueLine {
  if (pick === undefined) return { text: '', role: null, citation: null };
  return {
    text: truncateAtWord(pick.sentence.text, budget),
    role: pick.sentence.role,
    citation: pick.sentence.citation,
  };
}

/**
 * The issue in the customer's own words: the customer sentence that best states the problem
 * (early, informative, with problem words such as "not arrived", "charged twice", "can't log
 * in", or a question), without mentions, links and greetings, cut at a word boundary with `…`
 * to fit the budget. Interactions are read in the order they started. When the dialog has no
 * customer sentence the most relevant sentence of anyone is used, and `role` says whose it
 * is; with no sentence at all the line is empty. Deterministic.
 *
 * @param interactions - the interactions of one story, in any order.
 * @param options - `budgetChars` (an integer, at least 20) and optionally `now`.
 * @returns the line, its author's role and the message it came from.
 * @throws {@link ThreadlineError} with code `invalid_options` when the options are invalid.
 * @example
 * ```ts
 * import { issueLine, parseInteraction } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [
 *     { author: 'customer', text: 'Hi there! My order A-55123 still has not arrived and it was due Friday.' },
 *     { author: 'agent', text: 'Sorry to hear that, let me check.' },
 *   ],
 * });
 * const line = issueLine([chat], { budgetChars: 60 });
 * console.log(line.text); // My order A-55123 still has not arrived and it was due…
 * console.log(line.citation?.interactionId, line.citation?.messageIndex); // chat-1 0
 * ```
 */
export function issueLine(
  interactions: readonly Interaction[],
  options: IssueLineOptions,
): IssueLine {
  const { budgetChars, now } = parseOptions(IssueLineOptionsSchema, options, 'issueLine');
  const scored = scoreSentences(dialogSentences(interactions, nowMillis(now)));
  return issueFrom(pickIssue(scored), budgetChars);
}

import type { Interaction } from '../../model/interaction.js';
import { type DialogMemo, dialogSentences } from './dialog.js';
import { issueFrom, pickIssue } from './issue.js';
import type { Lexicon } from './lexicon.js';
import {
  type HandoffSummarySentence,
  type IssueSection,
  type IssueSectionOptions,
  IssueSectionOptionsSchema,
  nowMillis,
  parseOptions,
} from './schema.js';
import { scoreSentences } from './score.js';
import { render, selectSentences } from './select.js';

/**
 * The share of the budget the issue line may take; the summary gets the rest and whatever
 * the line leaves unused.
 */
export const ISSUE_SHARE = 0.5;

/**
 * The issue section of a handoff packet: the issue line ({@link issueLine}) first, then a
 * summary ({@link summarize}) of the rest of the dialog that does not repeat it, rendered as
 * one text within one budget. The line may take up to half of the budget; the summary gets
 * the remainder. Deterministic; `text` never exceeds `budgetChars`.
 *
 * @param interactions - the interactions of one story, in any order.
 * @param options - `budgetChars` (an integer, at least 20), optionally `now` and `roleLabels`.
 * @returns the rendered text, the issue line and the summary, each with citations.
 * @throws {@link ThreadlineError} with code `invalid_options` when the options are invalid.
 * @example
 * ```ts
 * import { issueSection, parseInteraction } from 'threadline';
 *
 * const email = parseInteraction({
 *   id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'Hello, my parcel 1Z999 never arrived. Can you help?' }],
 * });
 * const call = parseInteraction({
 *   id: 'call-1', channel: 'phone', startedAt: '2026-03-03T15:00:00Z',
 *   messages: [
 *     { author: 'customer', text: 'I emailed on Sunday about my parcel.' },
 *     { author: 'agent', text: 'I have opened a claim with the courier and will send a replacement today.' },
 *   ],
 * });
 * const section = issueSection([call, email], { budgetChars: 200 });
 * console.log(section.issue.text); // My parcel 1Z999 never arrived.
 * console.log(section.text.length <= 200); // true
 * ```
 */
export function issueSection(
  interactions: readonly Interaction[],
  options: IssueSectionOptions,
): IssueSection {
  return issueSectionWith(interactions, options, undefined);
}

/** What {@link issueSectionWith} may reuse from earlier calls: text splits and word analyses. */
export interface SectionMemo {
  readonly dialog: DialogMemo;
  readonly lexicon: Lexicon;
}

/** {@link issueSection}, reusing what `memo` already derived from the same texts. */
export function issueSectionWith(
  interactions: readonly Interaction[],
  options: IssueSectionOptions,
  memo: SectionMemo | undefined,
): IssueSection {
  const { budgetChars, now, roleLabels } = parseOptions(
    IssueSectionOptionsSchema,
    options,
    'issueSection',
  );
  const scored = scoreSentences(
    dialogSentences(interactions, nowMillis(now), memo?.dialog),
    undefined,
    memo?.lexicon,
  );
  const pick = pickIssue(scored);
  const labelCost = roleLabels && pick !== undefined ? 'Customer: '.length : 0;
  const issueBudget = Math.min(
    budgetChars - labelCost,
    Math.max(20, Math.floor(budgetChars * ISSUE_SHARE)),
  );
  const issue = issueFrom(pick, issueBudget);
  if (pick === undefined || issue.role === null || issue.citation === null) {
    return { text: '', issue, summary: { text: '', sentences: [] } };
  }
  const prefix: HandoffSummarySentence = {
    text: issue.text,
    role: issue.role,
    citation: issue.citation,
  };
  const sentences = selectSentences({
    scored,
    budget: budgetChars,
    labels: roleLabels,
    prefix,
    prefixTokens: pick.tokens,
    exclude: new Set([pick.sentence.position]),
  });
  return {
    text: render([prefix, ...sentences], roleLabels),
    issue,
    summary: { text: render(sentences, roleLabels), sentences },
  };
}

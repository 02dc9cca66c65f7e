// How much a sentence belongs in a summary, and how well it states the customer's issue.
// Human summaries of support dialogs say what the customer complained about and what the
// agent did or asked for ("Customer is complaining that … Agent suggested …"), so the scores
// mix centrality with the cues and positions of those two kinds of sentence.

import { type TokenSet, textRank } from './centrality.js';
import type { Cues } from './cues.js';
import type { DialogSentence } from './dialog.js';
import { type Analysis, createLexicon, type Lexicon } from './lexicon.js';

/** The weights of the scores. Tuned on the first half of a public dialog corpus. */
export interface Weights {
  /** TextRank centrality. */
  readonly centrality: number;
  /** Content words, saturating at 12. */
  readonly informative: number;
  /** Length in characters, per 100 (a penalty: long sentences eat the budget). */
  readonly length: number;
  /** The customer's earlier messages. */
  readonly customerEarly: number;
  /** How fast the customer's early bonus decays, in messages. */
  readonly customerDecay: number;
  /** The customer's latest message: where the story stands now. */
  readonly customerLast: number;
  /** Problem words in a customer sentence. */
  readonly problem: number;
  /** A customer question. */
  readonly customerQuestion: number;
  /** Action words in an agent sentence. */
  readonly action: number;
  /** The agent's first message. */
  readonly agentFirst: number;
  /** The agent's last message. */
  readonly agentLast: number;
  /** Courtesy share (a penalty). */
  readonly courtesy: number;
  /** Sentences of a bot or the system (a penalty). */
  readonly automated: number;
  /** Later sentences within one message (a penalty per sentence, up to five). */
  readonly laterInMessage: number;
  /** The TextRank window, in sentences. */
  readonly window: number;
  /** Issue line: the customer's earlier messages. */
  readonly issueEarly: number;
  /** Issue line: problem words. */
  readonly issueProblem: number;
  /** Issue line: a question. */
  readonly issueQuestion: number;
  /** Issue line: content words. */
  readonly issueInformative: number;
  /** Issue line: courtesy share (a penalty). */
  readonly issueCourtesy: number;
  /** Issue line: later sentences within one message (a penalty per sentence). */
  readonly issueLater: number;
}

/** The weights the library uses. */
export const DEFAULT_WEIGHTS: Weights = {
  centrality: 0.25,
  informative: 0.3,
  length: 0.2,
  customerEarly: 1,
  customerDecay: 0.5,
  customerLast: 0.3,
  problem: 0,
  customerQuestion: 0,
  action: 1.2,
  agentFirst: 0,
  agentLast: 1,
  courtesy: 2,
  automated: 0.5,
  laterInMessage: 0.4,
  window: 10,
  issueEarly: 2,
  issueProblem: 0.6,
  issueQuestion: 0.5,
  issueInformative: 0.6,
  issueCourtesy: 2,
  issueLater: 0.1,
};

/** What the selectors need to know about each sentence. */
export interface Scored {
  readonly sentence: DialogSentence;
  readonly tokens: TokenSet;
  readonly cues: Cues;
  /** How much the sentence belongs in a summary. */
  readonly relevance: number;
  /** How well it states the customer's issue (only meaningful for customer sentences). */
  readonly issue: number;
}

const saturate = (count: number, at: number) => Math.min(count, at) / at;

/**
 * Scores every sentence of a dialog. Linear in the dialog's length for a fixed window.
 * `analyse` may be a lexicon kept between calls: the scores do not depend on its token ids.
 */
export function scoreSentences(
  sentences: readonly DialogSentence[],
  weights: Weights = DEFAULT_WEIGHTS,
  analyse: Lexicon = createLexicon(),
): Scored[] {
  const analyses = sentences.map((s) => analyse(s.text));
  const sets = analyses.map((a) => a.tokens);
  const centrality = textRank(sets, weights.window);
  let lastAgentTurn = -1;
  let firstAgentTurn = -1;
  let lastCustomerTurn = -1;
  for (const s of sentences) {
    if (s.role === 'customer') lastCustomerTurn = s.turn;
    if (s.role !== 'agent') continue;
    if (firstAgentTurn < 0) firstAgentTurn = s.turn;
    lastAgentTurn = s.turn;
  }
  return sentences.map((sentence, i) => {
    const { cues, tokens: set } = analyses[i] as Analysis;
    const info = saturate(set.length, 12);
    const courtesy = set.length === 0 ? 1 : cues.courtesy;
    const later = Math.min(sentence.indexInMessage, 5);
    let roleScore = 0;
    let issue = Number.NEGATIVE_INFINITY;
    if (sentence.role === 'customer') {
      const early = Math.exp(-sentence.roleTurn / weights.customerDecay);
      const problem = saturate(cues.problem, 3);
      roleScore =
        weights.customerEarly * early +
        (sentence.turn === lastCustomerTurn && sentence.roleTurn > 0 ? weights.customerLast : 0) +
        weights.problem * problem +
        (cues.question ? weights.customerQuestion : 0);
      issue =
        weights.issueEarly * early +
        weights.issueProblem * problem +
        (cues.question ? weights.issueQuestion : 0) +
        weights.issueInformative * info -
        weights.issueCourtesy * courtesy -
        weights.issueLater * later;
    } else if (sentence.role === 'agent') {
      roleScore =
        weights.action * saturate(cues.action, 3) +
        (sentence.turn === firstAgentTurn ? weights.agentFirst : 0) +
        (sentence.turn === lastAgentTurn ? weights.agentLast : 0);
    } else {
      roleScore = -weights.automated;
    }
    const relevance =
      weights.centrality * (centrality[i] ?? 0) +
      weights.informative * info -
      weights.length * (sentence.text.length / 100) +
      roleScore -
      weights.courtesy * courtesy -
      weights.laterInMessage * later;
    return { sentence, tokens: set, cues, relevance, issue };
  });
}

// Greedy selection under a character budget with maximal marginal relevance: each step takes
// the sentence with the best relevance minus its redundancy with what is already chosen, if
// it still fits; the chosen sentences are then rendered in dialog order.

import type { Role } from '../../model/interaction.js';
import { cosine, type TokenSet } from './centrality.js';
import { truncateAtWord } from './fit.js';
import type { HandoffSummarySentence } from './schema.js';
import type { Scored } from './score.js';

const LABELS: Readonly<Record<Role, string>> = {
  customer: 'Customer:',
  agent: 'Agent:',
  bot: 'Bot:',
  system: 'System:',
};

/** How selection trades relevance for novelty and when it stops. */
export interface SelectionTuning {
  /** Weight of the redundancy penalty (maximum cosine similarity to a chosen sentence). */
  readonly redundancy: number;
  /** Bonus for the first sentence of the customer and of the agent. */
  readonly coverage: number;
  /** Stop when the best remaining score falls below this. */
  readonly floor: number;
}

/** The tuning the library uses. */
export const DEFAULT_TUNING: SelectionTuning = { redundancy: 0.5, coverage: 0.6, floor: 0.4 };

/** Cosine similarity from which a sentence counts as a repeat of one already chosen. */
const DUPLICATE = 1 - 1e-9;

/** Renders sentences as text: spaces between them, a role label before each run of one role. */
export function render(sentences: readonly HandoffSummarySentence[], labels: boolean): string {
  let out = '';
  let previous: Role | undefined;
  for (const s of sentences) {
    if (out !== '') out += ' ';
    if (labels && s.role !== previous) out += `${LABELS[s.role]} `;
    out += s.text;
    previous = s.role;
  }
  return out;
}

/**
 * The length of `render` of the prefix, the chosen sentences (in dialog order) and `extra` put
 * in its place among them, counted without building the text: selection asks it of every
 * candidate that might not fit, and a string per question would cost more than the choice.
 */
function renderedLength(
  prefix: readonly HandoffSummarySentence[],
  ordered: readonly Scored[],
  extra: Scored | undefined,
  labels: boolean,
): number {
  let length = 0;
  let previous: Role | undefined;
  for (const p of prefix) {
    length = appended(length, previous, p.role, p.text, labels);
    previous = p.role;
  }
  let pending = extra;
  for (const { sentence } of ordered) {
    if (pending !== undefined && pending.sentence.position < sentence.position) {
      length = appended(length, previous, pending.sentence.role, pending.sentence.text, labels);
      previous = pending.sentence.role;
      pending = undefined;
    }
    length = appended(length, previous, sentence.role, sentence.text, labels);
    previous = sentence.role;
  }
  if (pending !== undefined) {
    length = appended(length, previous, pending.sentence.role, pending.sentence.text, labels);
  }
  return length;
}

/** The length of a rendering after one more sentence: as `render` adds it. */
function appended(
  length: number,
  previous: Role | undefined,
  role: Role,
  text: string,
  labels: boolean,
): number {
  let next = length === 0 ? 0 : length + 1;
  if (labels && role !== previous) next += LABELS[role].length + 1;
  return next + text.length;
}

export interface SelectInput {
  readonly scored: readonly Scored[];
  readonly budget: number;
  readonly labels: boolean;
  /** Rendered before the chosen sentences and counted in the budget (the issue line). */
  readonly prefix?: HandoffSummarySentence;
  /** Tokens of the prefix, so that nothing repeats it. */
  readonly prefixTokens?: TokenSet;
  /** Positions that may not be chosen. */
  readonly exclude?: ReadonlySet<number>;
  readonly tuning?: SelectionTuning;
}

const toSentence = (s: Scored): HandoffSummarySentence => ({
  text: s.sentence.text,
  role: s.sentence.role,
  citation: s.sentence.citation,
});

/**
 * Chooses sentences for a summary; returns them in dialog order, the prefix not included. Each
 * round takes the candidate with the best score that still fits (the earliest of equals).
 * Redundancy only lowers a score, so a candidate whose relevance (plus any bonus) cannot beat
 * the best score found so far is skipped before its redundancy is brought up to date; repeats
 * and sentences too long for the room left are dropped for good as they are met. A round over
 * a long dialog is one cheap pass.
 */
export function selectSentences(input: SelectInput): HandoffSummarySentence[] {
  const { scored, budget, labels } = input;
  const tuning = input.tuning ?? DEFAULT_TUNING;
  const prefix = input.prefix === undefined ? [] : [input.prefix];
  const chosen: Scored[] = [];
  const taken = new Uint8Array(scored.length);
  for (const position of input.exclude ?? []) if (position < taken.length) taken[position] = 1;
  // redundancy[i] covers the prefix and chosen[0, seen[i]).
  const redundancy = new Float64Array(scored.length);
  const seen = new Uint32Array(scored.length);
  const prefixTokens = input.prefixTokens;
  if (prefixTokens !== undefined) {
    for (let i = 0; i < scored.length; i++) {
      redundancy[i] = cosine((scored[i] as Scored).tokens, prefixTokens);
    }
  }
  const covered = new Set<Role>(prefix.map((p) => p.role));

  // The chosen sentences in dialog order, kept sorted as sentences are picked.
  const ordered: Scored[] = [];
  let length = renderedLength(prefix, ordered, undefined, labels);
  const worstLabel = labels ? 'Customer: '.length : 0;

  // A candidate that cannot be chosen now never can: redundancy only grows, and so does the
  // rendering. Such candidates are marked out once and skipped in every later round.
  const out = taken.slice();
  for (;;) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < scored.length; i++) {
      const s = scored[i] as Scored;
      if (out[i] === 1 || s.relevance + tuning.coverage <= bestScore) continue;
      for (let k = seen[i] as number; k < chosen.length; k++) {
        const c = cosine(s.tokens, (chosen[k] as Scored).tokens);
        if (c > (redundancy[i] as number)) redundancy[i] = c;
      }
      seen[i] = chosen.length;
      // The same content words as something already shown: a repeat, whatever its score.
      if ((redundancy[i] as number) >= DUPLICATE) {
        out[i] = 1;
        continue;
      }
      const role = s.sentence.role;
      const bonus = (role === 'customer' || role === 'agent') && !covered.has(role);
      const score =
        s.relevance - tuning.redundancy * (redundancy[i] as number) + (bonus ? tuning.coverage : 0);
      if (score <= bestScore) continue;
      const cheap = length + 1 + 2 * worstLabel + s.sentence.text.length <= budget;
      if (!cheap && renderedLength(prefix, ordered, s, labels) > budget) {
        out[i] = 1;
        continue;
      }
      best = i;
      bestScore = score;
    }
    if (best < 0 || bestScore < tuning.floor) break;
    const pick = scored[best] as Scored;
    taken[best] = 1;
    out[best] = 1;
    chosen.push(pick);
    let at = ordered.length;
    while (at > 0 && (ordered[at - 1] as Scored).sentence.position > pick.sentence.position) at--;
    ordered.splice(at, 0, pick);
    covered.add(pick.sentence.role);
    length = renderedLength(prefix, ordered, undefined, labels);
  }

  if (chosen.length === 0 && prefix.length === 0) return fallback(scored, budget, labels, taken);
  return chosen.sort((a, b) => a.sentence.position - b.sentence.position).map(toSentence);
}

/** When no whole sentence fits, the most relevant one cut to the budget. */
function fallback(
  scored: readonly Scored[],
  budget: number,
  labels: boolean,
  taken: Uint8Array,
): HandoffSummarySentence[] {
  let best: Scored | undefined;
  scored.forEach((s, i) => {
    if (taken[i] === 0 && (best === undefined || s.relevance > best.relevance)) best = s;
  });
  if (best === undefined) return [];
  const room = budget - (labels ? LABELS[best.sentence.role].length + 1 : 0);
  return [{ ...toSentence(best), text: truncateAtWord(best.sentence.text, room) }];
}

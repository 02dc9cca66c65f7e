import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InteractionId } from '../../model/ids.js';
import type { Role } from '../../model/interaction.js';
import { cosine, type TokenSet } from './centrality.js';
import type { HandoffSummarySentence } from './schema.js';
import type { Scored } from './score.js';
import { DEFAULT_TUNING, render, selectSentences } from './select.js';

/** A scored sentence as the selector sees it; cues do not matter to it. */
function scored(k: number, role: Role, text: string, tokens: TokenSet, relevance: number): Scored {
  return {
    sentence: {
      text,
      role,
      citation: {
        interactionId: 'chat-1' as InteractionId,
        messageIndex: k,
        at: '2026-03-01T09:00:00Z',
      },
      position: k,
      turn: k,
      roleTurn: k,
      indexInMessage: 0,
    },
    tokens,
    cues: { problem: 0, action: 0, courtesy: 0, question: false, words: tokens.length },
    relevance,
    issue: 0,
  };
}

const sentence = fc.record({
  role: fc.constantFrom<Role>('customer', 'agent', 'bot', 'system'),
  length: fc.integer({ min: 1, max: 90 }),
  tokens: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 5 }),
  // Few distinct values, so that equal scores are common.
  relevance: fc.integer({ min: -4, max: 8 }).map((r) => r / 4),
});

const dialog = fc.array(sentence, { maxLength: 40 }).map((list) =>
  list.map((s, k) =>
    scored(
      k,
      s.role,
      `${k} ${'x'.repeat(s.length)}`,
      [...s.tokens].sort((a, b) => a - b),
      s.relevance,
    ),
  ),
);

/**
 * The selection rule spelled out: each round, of the candidates not taken, not a repeat of what
 * is shown and fitting the budget, take the best score, the earliest of equals.
 */
function reference(
  all: readonly Scored[],
  budget: number,
  labels: boolean,
  prefix: HandoffSummarySentence | undefined,
  prefixTokens: TokenSet | undefined,
): HandoffSummarySentence[] {
  const { redundancy, coverage, floor } = DEFAULT_TUNING;
  const chosen: Scored[] = [];
  const shown = (extra: Scored[]) =>
    [...chosen, ...extra]
      .sort((a, b) => a.sentence.position - b.sentence.position)
      .map(({ sentence: s }) => ({ text: s.text, role: s.role, citation: s.citation }));
  for (;;) {
    let best: Scored | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const s of all) {
      if (chosen.includes(s)) continue;
      const against = [...(prefixTokens === undefined ? [] : [prefixTokens])];
      for (const c of chosen) against.push(c.tokens);
      const repeat = Math.max(0, ...against.map((t) => cosine(s.tokens, t)));
      if (repeat >= 1 - 1e-9) continue;
      const role = s.sentence.role;
      const roles = new Set([
        ...(prefix === undefined ? [] : [prefix.role]),
        ...chosen.map((c) => c.sentence.role),
      ]);
      const bonus = (role === 'customer' || role === 'agent') && !roles.has(role);
      const score = s.relevance - redundancy * repeat + (bonus ? coverage : 0);
      if (score <= bestScore) continue;
      const text = render([...(prefix === undefined ? [] : [prefix]), ...shown([s])], labels);
      if (text.length > budget) continue;
      best = s;
      bestScore = score;
    }
    if (best === undefined || bestScore < floor) break;
    chosen.push(best);
  }
  return shown([]);
}

describe('selectSentences', () => {
  it('takes, round by round, the best sentence that fits, the earliest of equals', () => {
    fc.assert(
      fc.property(
        dialog,
        fc.integer({ min: 20, max: 400 }),
        fc.boolean(),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 4 })),
        (all, budget, labels, prefixIds) => {
          const prefixTokens =
            prefixIds === null ? undefined : [...prefixIds].sort((a, b) => a - b);
          const prefix: HandoffSummarySentence | undefined =
            prefixTokens === undefined
              ? undefined
              : {
                  text: 'The issue.',
                  role: 'customer',
                  citation: {
                    interactionId: 'chat-1' as InteractionId,
                    at: '2026-03-01T09:00:00Z',
                  },
                };
          const picked = selectSentences(
            prefix === undefined || prefixTokens === undefined
              ? { scored: all, budget, labels }
              : { scored: all, budget, labels, prefix, prefixTokens },
          );
          const expected = reference(all, budget, labels, prefix, prefixTokens);
          // With nothing chosen and no prefix, the selector falls back to one cut sentence.
          if (expected.length > 0 || prefix !== undefined) expect(picked).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import type { HandoffBudget } from '../packet/schema.js';

/**
 * Estimates how many tokens a language model's tokenizer makes of a text, without a tokenizer:
 * each run of ASCII letters and digits counts one token per four characters (rounded up), each
 * other letter or digit (accented, Cyrillic, CJK…) one token, each other visible character
 * (punctuation, symbols, emoji halves) one token; whitespace is free. Deterministic and linear.
 *
 * It errs high for English prose (real tokenizers give about one token per common word), but
 * random-looking ids and hashes can take more tokens on a real tokenizer than estimated: keep a
 * margin when a model's limit is hard. Estimates add up: texts joined by whitespace estimate at
 * the sum of their estimates.
 *
 * @param text - any text.
 * @returns the estimated token count.
 *
 * @example
 * ```ts
 * import { estimateTokens } from 'threadline';
 *
 * console.log(estimateTokens('My order A-55123 has not arrived.')); // 12
 * console.log(estimateTokens('')); // 0
 * ```
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      run++;
      continue;
    }
    if (run > 0) {
      tokens += Math.ceil(run / 4);
      run = 0;
    }
    // Spaces, tabs and line breaks are free; everything else counts one.
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) tokens++;
  }
  return run > 0 ? tokens + Math.ceil(run / 4) : tokens;
}

/** The size of a text in a budget's unit. */
export function measure(text: string, budget: HandoffBudget): number {
  return 'chars' in budget ? text.length : estimateTokens(text);
}

/** The budget's limit. */
export function limitOf(budget: HandoffBudget): number {
  return 'chars' in budget ? budget.chars : budget.tokens;
}

/** The budget's unit. */
export function unitOf(budget: HandoffBudget): 'chars' | 'tokens' {
  return 'chars' in budget ? 'chars' : 'tokens';
}

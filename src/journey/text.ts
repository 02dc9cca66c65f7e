/** A word of a text: folded for comparison, with its UTF-16 span in the original. */
export interface Token {
  /** Lower-case, diacritics removed (`Café` → `cafe`). */
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// Letters, digits and combining marks: one linear pass, no backtracking.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower-cases a word and strips its diacritics, so `E-Mail`, `é-mail` and `email` agree. */
export function foldWord(raw: string): string {
  const lower = raw.toLowerCase();
  return isAscii(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Splits a text into folded words. `e-mail` and `e mail` become one word `email`, because the
 * cue table and topic terms should not care how a customer spells it.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const word = foldWord(match[0]);
    const previous = out[out.length - 1];
    if (
      previous !== undefined &&
      previous.word === 'e' &&
      word.startsWith('mail') &&
      start === previous.end + 1 &&
      (text.charCodeAt(previous.end) === 45 || text.charCodeAt(previous.end) === 32)
    ) {
      out[out.length - 1] = { word: `e${word}`, start: previous.start, end };
      continue;
    }
    out.push({ word, start, end });
  }
  return out;
}

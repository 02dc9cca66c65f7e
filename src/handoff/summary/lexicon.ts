// Word analysis cached per dialog: a dialog repeats a small vocabulary many times, so each
// distinct word is classified once. The cache lives as long as one call, or as long as a
// handoff cache keeps it (token ids are only compared with ids of the same lexicon, so any
// lexicon gives the same overlaps).

import type { TokenSet } from './centrality.js';
import { type Cues, isActionWord, isCourtesyWord, isProblemWord } from './cues.js';
import { contentToken } from './tokens.js';
import { words } from './words.js';

interface WordInfo {
  /** Id of the word's content token, or -1 for a stopword. */
  readonly id: number;
  readonly problem: boolean;
  readonly action: boolean;
  readonly courtesy: boolean;
}

/** A sentence's content tokens (as sorted distinct ids) and cue counts. */
export interface Analysis {
  readonly tokens: TokenSet;
  readonly cues: Cues;
}

/** Inserts `id` into a sorted array of distinct ids unless it is there; sentences are short. */
function insertSorted(ids: number[], id: number): void {
  let i = ids.length;
  while (i > 0 && (ids[i - 1] as number) > id) i--;
  if (i > 0 && ids[i - 1] === id) return;
  ids.splice(i, 0, id);
}

/** A function that analyses sentences, and how much it keeps. */
export type Lexicon = ((sentence: string) => Analysis) & {
  /** The words and sentences it holds: a cache drops a lexicon that grew too big. */
  readonly size: () => number;
};

/** Returns a function that analyses sentences, sharing token ids and the word cache. */
export function createLexicon(): Lexicon {
  const seen = new Map<string, WordInfo>();
  const ids = new Map<string, number>();
  const classify = (word: string): WordInfo => {
    const token = contentToken(word);
    let id = -1;
    if (token !== undefined) {
      id = ids.get(token) ?? ids.size;
      ids.set(token, id);
    }
    return {
      id,
      problem: isProblemWord(word),
      action: isActionWord(word),
      courtesy: isCourtesyWord(word),
    };
  };
  const analysed = new Map<string, Analysis>();
  const analyse = (sentence: string): Analysis => {
    let problem = 0;
    let action = 0;
    let courtesy = 0;
    let content = 0;
    let count = 0;
    const tokens: number[] = [];
    for (const word of words(sentence)) {
      let info = seen.get(word);
      if (info === undefined) {
        info = classify(word);
        seen.set(word, info);
      }
      count++;
      if (info.problem) problem++;
      if (info.action) action++;
      if (info.courtesy) courtesy++;
      else if (info.id >= 0) content++;
      if (info.id >= 0) insertSorted(tokens, info.id);
    }
    return {
      tokens,
      cues: {
        problem,
        action,
        courtesy: courtesy + content === 0 ? 1 : courtesy / (courtesy + content),
        question: sentence.includes('?'),
        words: count,
      },
    };
  };
  // Dialogs repeat sentences; each distinct one is analysed once.
  const lexicon = (sentence: string): Analysis => {
    let analysis = analysed.get(sentence);
    if (analysis === undefined) {
      analysis = analyse(sentence);
      analysed.set(sentence, analysis);
    }
    return analysis;
  };
  return Object.assign(lexicon, { size: () => seen.size + analysed.size });
}

import { words } from './words.js';

// Bag-of-words tokens for comparing sentences: lowercase words without stopwords, with a light
// suffix stripper so that "orders", "ordered" and "ordering" meet.

// Function words and the courtesy vocabulary of customer service, which every dialog shares
// and which therefore says nothing about what one dialog is about.
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing don down during each few for from ' +
    'further had has have having he her here hers herself him himself his how i if in into is it ' +
    'its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours yourself yourselves ' +
    've ll re s t d m im id ive youre dont cant wont didnt doesnt isnt hasnt havent also get got ' +
    'hi hello hey thanks thank thx pls please sorry dm us let know see like one hear glad happy ' +
    'ok okay yes yeah hope great good still much really'
  ).split(' '),
);

/** Strips common English inflections: plurals, -ing, -ed. Deterministic and cheap. */
export function lightStem(word: string): string {
  const n = word.length;
  if (n <= 3) return word;
  if (word.endsWith('ies') && n > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && n > 5) return word.slice(0, -3);
  if (word.endsWith('ied') && n > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ed') && n > 4) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

/** The token a word contributes to the bag of words, or undefined for a stopword. */
export function contentToken(word: string): string | undefined {
  const bare = word.replace('’', '');
  return STOPWORDS.has(bare) ? undefined : lightStem(bare);
}

/** The content words of a sentence: lowercase, apostrophes dropped, stopwords out, stemmed. */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const token = contentToken(word);
    if (token !== undefined) out.push(token);
  }
  return out;
}

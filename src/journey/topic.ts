import { tokenize } from './text.js';

// Function words and the politeness every support message carries: they say nothing about the
// issue. English first, with the commonest short words of a few other languages.
const STOPWORDS: ReadonlySet<string> = new Set(
  `
about above after again against all also am an and any are aren as at be because been before
being below between both but by can cannot could couldn did didn do does doesn doing don down
during each few for from further had hadn has hasn have haven having he her here hers herself
him himself his how if in into is isn it its itself just let me more most mustn my myself no
nor not now of off on once only or other ought our ours ourselves out over own same shan she
should shouldn so some such than that the their theirs them themselves then there these they
this those through to too under until up very was wasn we were weren what when where which
while who whom why will with won would wouldn you your yours yourself yourselves yes yeah ok
okay hello hey hiya dear thanks thank thx please pls cheers regards kind best sorry sir madam
team support customer service hope well day morning afternoon evening today yesterday tomorrow
week still really just get got getting can could would like need want know think see let
one two also even though via per etc re fwd fw aw wg tr rv sv antw
que los las del por para con una uno unos unas como pero mas sus les est pour pas avec des une
dans sur qui par sont der die das und ist nicht ich sie ein eine mit auf den dem für von zu
nao não mais uma com meu minha
`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** How many terms a topic keeps; beyond it, later words are ignored, so huge texts stay cheap. */
export const MAX_TOPIC_TERMS = 4096;

/**
 * A light, deterministic English stemmer: plural `s`/`ies`, `ing` and `ed`, then a final `e`,
 * so `dose`, `doses` and `dosing` all become `dos`. Other languages pass through mostly intact.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return true;
  }
  return false;
}

/** Adds the topic terms of a text to a set: stopwords, short words and numbers dropped, stemmed. */
export function addTopicTerms(text: string, into: Set<string>): void {
  if (into.size >= MAX_TOPIC_TERMS) return;
  for (const token of tokenize(text)) {
    const word = token.word;
    if (word.length < 3 || STOPWORDS.has(word) || !hasLetter(word)) continue;
    into.add(stem(word));
    if (into.size >= MAX_TOPIC_TERMS) return;
  }
}

/** How alike two topics are, with the terms they share. */
export interface TopicSimilarity {
  /** Cosine of the two term sets as binary vectors: shared / √(|a|·|b|), in [0, 1]. */
  readonly score: number;
  readonly shared: number;
}

/** Cosine similarity of two term sets (the Ochiai coefficient); 0 when either is empty. */
export function topicSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): TopicSimilarity {
  if (a.size === 0 || b.size === 0) return { score: 0, shared: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const term of small) if (large.has(term)) shared++;
  return { score: shared / Math.sqrt(a.size * b.size), shared };
}

/** The terms two sets share, sorted, at most `limit` of them: the words quoted in evidence. */
export function sharedTerms(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  limit: number,
): string[] {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: string[] = [];
  for (const term of small) if (large.has(term)) out.push(term);
  out.sort();
  return out.slice(0, limit);
}

// ROUGE-1, ROUGE-2 and ROUGE-L F1 for scoring summaries against human references, written
// for the benchmarks so that every system is scored by the same code in the same run.
//
// Tokenization follows the common convention of the reference implementations: lowercase,
// every run of characters other than ASCII letters and digits is a separator, and (when
// stemming is on) tokens longer than three characters go through the Porter stemmer.
// ROUGE-L is the whole-text LCS variant (not the per-sentence "summary-level" one).

/** Precision, recall and F1 of one candidate against one reference. */
export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** The three F1 scores the benchmarks report. */
export interface RougeScores {
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
}

export interface RougeOptions {
  /** Porter-stem tokens longer than three characters (default true). */
  readonly stem?: boolean;
}

const SEPARATORS = /[^a-z0-9]+/;

/** Lowercase alphanumeric tokens, Porter-stemmed when `stem` is on. */
export function rougeTokens(text: string, options: RougeOptions = {}): string[] {
  const stem = options.stem ?? true;
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().split(SEPARATORS)) {
    if (raw === '') continue;
    tokens.push(stem && raw.length > 3 ? porterStem(raw) : raw);
  }
  return tokens;
}

function prf(overlap: number, candidateCount: number, referenceCount: number): Prf {
  if (overlap === 0 || candidateCount === 0 || referenceCount === 0) {
    return { precision: 0, recall: 0, f1: 0 };
  }
  const precision = overlap / candidateCount;
  const recall = overlap / referenceCount;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N: clipped n-gram overlap between token lists. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): Prf {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return prf(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence, in O(|a|·|b|) time and O(|b|) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (const x of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        x === b[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** ROUGE-L: LCS-based precision, recall and F1 over whole token lists. */
export function rougeL(candidate: readonly string[], reference: readonly string[]): Prf {
  return prf(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-1/2/L F1 of a candidate text against one reference text. */
export function rouge(
  candidate: string,
  reference: string,
  options: RougeOptions = {},
): RougeScores {
  const c = rougeTokens(candidate, options);
  const r = rougeTokens(reference, options);
  return { rouge1: rougeN(c, r, 1).f1, rouge2: rougeN(c, r, 2).f1, rougeL: rougeL(c, r).f1 };
}

/**
 * Scores against several references: `mean` averages each F1 over the references (the
 * convention the benchmark reports first), `max` takes the best reference per measure.
 */
export function rougeMulti(
  candidate: string,
  references: readonly string[],
  options: RougeOptions = {},
): { readonly mean: RougeScores; readonly max: RougeScores } {
  const scores = references.map((reference) => rouge(candidate, reference, options));
  const pick = (key: keyof RougeScores, f: (values: number[]) => number) =>
    scores.length === 0 ? 0 : f(scores.map((s) => s[key]));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const max = (values: number[]) => Math.max(...values);
  return {
    mean: {
      rouge1: pick('rouge1', mean),
      rouge2: pick('rouge2', mean),
      rougeL: pick('rougeL', mean),
    },
    max: { rouge1: pick('rouge1', max), rouge2: pick('rouge2', max), rougeL: pick('rougeL', max) },
  };
}

// ---------------------------------------------------------------------------------------------
// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980), the original
// five steps. Input is a lowercase ASCII word.

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** The measure m of a stem: the number of vowel-consonant sequences in [C](VC)^m[V]. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: the stem ends consonant-vowel-consonant, the last consonant not w, x or y. */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  if (!isConsonant(w, n - 3) || isConsonant(w, n - 2) || !isConsonant(w, n - 1)) return false;
  const last = w[n - 1];
  return last !== 'w' && last !== 'x' && last !== 'y';
}

type Rule = readonly [suffix: string, replacement: string];

/** Replaces the longest matching suffix when the remaining stem has measure > `minMeasure`. */
function applyRules(w: string, rules: readonly Rule[], minMeasure: number): string {
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, w.length - suffix.length);
    return measure(stem) > minMeasure ? stem + replacement : w;
  }
  return w;
}

// Longest suffix first within each list, so that the first match is the longest.
function longestFirst(rules: Rule[]): readonly Rule[] {
  return [...rules].sort((a, b) => b[0].length - a[0].length);
}

const STEP2 = longestFirst([
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
]);

const STEP3 = longestFirst([
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]);

const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
].sort((a, b) => b.length - a.length);

function step1a(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  let stem: string | undefined;
  if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) stem = w.slice(0, -2);
  else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) stem = w.slice(0, -3);
  if (stem === undefined) return w;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  if (endsDoubleConsonant(stem)) {
    const last = stem[stem.length - 1];
    return last === 'l' || last === 's' || last === 'z' ? stem : stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

function step1c(w: string): string {
  return w.endsWith('y') && hasVowel(w.slice(0, -1)) ? `${w.slice(0, -1)}i` : w;
}

function step4(w: string): string {
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, w.length - suffix.length);
    if (measure(stem) <= 1) return w;
    if (suffix === 'ion' && !(stem.endsWith('s') || stem.endsWith('t'))) return w;
    return stem;
  }
  return w;
}

function step5(w: string): string {
  let out = w;
  if (out.endsWith('e')) {
    const stem = out.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) out = stem;
  }
  if (out.endsWith('ll') && measure(out) > 1) out = out.slice(0, -1);
  return out;
}

/** Porter's suffix-stripping stemmer for a lowercase English word. */
export function porterStem(word: string): string {
  if (word.length <= 2) return word;
  let w = step1a(word);
  w = step1b(w);
  w = step1c(w);
  w = applyRules(w, STEP2, 0);
  w = applyRules(w, STEP3, 0);
  w = step4(w);
  return step5(w);
}

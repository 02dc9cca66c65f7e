import type { Interaction } from '../../model/interaction.js';
import { DAMPENERS, INTENSIFIERS, NEGATORS, SYMBOLS, VALENCE } from './lexicon.js';
import type { Reading } from './reading.js';
import type { SentimentTrend } from './schema.js';
import { fold, type Token, tokenize } from './text.js';
import { type Conversation, conversationOf } from './walk.js';

// How far a negator or an intensifier reaches, in words.
const NEGATION_REACH = 3;
const SCALE_REACH = 2;
// A negated word keeps part of its strength with the other sign: "not great" is mildly negative.
const NEGATED = -0.6;
// Words shouted in capitals count more, unless the whole text is in capitals.
const SHOUTED = 1.3;
// The squashing constant: a sum of about 4 scores 0.7.
const ALPHA = 15;
const TREND_STEP = 0.2;

const SYMBOL = /[\u{1F300}-\u{1FAFF}\u2600-\u27BF]\uFE0F?|[:;]'?-?[()dD/]/gu;
// What every emoji or emoticon above starts with: lets most texts skip the scan.
const MAY_HAVE_SYMBOL = /[:;\u2600-\u27BF\uD83C-\uD83E]/;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function shouted(text: string, token: Token): boolean {
  if (token.end - token.start < 2) return false;
  const word = text.slice(token.start, token.end);
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/**
 * Scores the mood of a text from -1 (angry) to 1 (delighted) with a small hand-written lexicon
 * of customer-service words. Negators flip and damp the next three words (`not happy` is
 * negative, `no problem` positive); intensifiers and dampeners scale the next sentiment word
 * (`very`, `extremely`; `slightly`, `kind of`); words after `but` weigh more than those before
 * it; words shouted in capitals, emoji, emoticons and exclamation marks add weight. The sum is
 * squashed into (-1, 1) and rounded to three decimals. Total and deterministic: any string,
 * including empty, emoji-only or 100 kB text, gives a number; text with no sentiment gives 0.
 *
 * @param text - any text.
 * @returns the score in [-1, 1].
 *
 * @example
 * ```ts
 * import { sentiment } from 'threadline';
 *
 * console.log(sentiment('Thanks so much, that was really helpful!') > 0.5); // true
 * console.log(sentiment('This is NOT acceptable. Still waiting 😡') < -0.5); // true
 * console.log(sentiment('Order 12345, delivered to the back door')); // 0
 * ```
 */
export function sentiment(text: string): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  return scoreOf(text, tokenize(fold(text)));
}

/** The mood of a text read once for a build; see {@link sentiment}. */
function moodOf(reading: Reading): number {
  return reading.text.length === 0 ? 0 : scoreOf(reading.text, reading.tokens);
}

/** True when a character that ends the reach of a negator or an intensifier is in `text[from, to)`. */
function pauses(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? ; : , ( ) and a line feed
    if (
      c === 46 ||
      c === 33 ||
      c === 63 ||
      c === 59 ||
      c === 58 ||
      c === 44 ||
      c === 40 ||
      c === 41 ||
      c === 10
    )
      return true;
  }
  return false;
}

/** The score of a text from its folded tokens (see {@link sentiment}). */
function scoreOf(text: string, tokens: readonly Token[]): number {
  // In a text typed all in capitals, capitals say nothing.
  const caps = text.toUpperCase() !== text;
  let before = 0;
  let after = 0;
  let afterBut = false;
  let negation = 0;
  let scale = 1;
  let scaleLeft = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    const word = token.word;
    // Punctuation ends the reach of a negator or an intensifier: "no rebooking. Awful."
    if (k > 0 && pauses(text, (tokens[k - 1] as Token).end, token.start)) {
      negation = 0;
      scaleLeft = 0;
      scale = 1;
    }
    if (NEGATORS.has(word) || word.endsWith("n't")) {
      negation = NEGATION_REACH + 1;
    } else if (word === 'but') {
      afterBut = true;
      before += after;
      after = 0;
    } else if ((word === 'kind' || word === 'sort') && tokens[k + 1]?.word === 'of') {
      scale *= DAMPENERS.get(word) ?? 1;
      scaleLeft = SCALE_REACH + 1;
      k++;
    } else if (INTENSIFIERS.has(word) || DAMPENERS.has(word)) {
      scale *= INTENSIFIERS.get(word) ?? DAMPENERS.get(word) ?? 1;
      scaleLeft = SCALE_REACH + 1;
    } else {
      const valence = VALENCE.get(word);
      if (valence !== undefined) {
        let value = valence;
        if (scaleLeft > 0) value *= scale;
        if (caps && shouted(text, token)) value *= SHOUTED;
        if (negation > 0) value *= NEGATED;
        after += value;
        scale = 1;
        scaleLeft = 0;
      }
    }
    if (negation > 0) negation--;
    if (scaleLeft > 0 && --scaleLeft === 0) scale = 1;
  }
  if (MAY_HAVE_SYMBOL.test(text)) {
    for (const m of text.matchAll(SYMBOL)) {
      const value = SYMBOLS.get(m[0].toLowerCase()) ?? SYMBOLS.get(m[0].replace('\uFE0F', ''));
      if (value !== undefined) after += value;
    }
  }
  let sum = afterBut ? before * 0.5 + after * 1.5 : before + after;
  if (sum !== 0) {
    let marks = 0;
    for (let i = text.indexOf('!'); i >= 0 && marks < 3; i = text.indexOf('!', i + 1)) marks++;
    sum += Math.sign(sum) * 0.25 * marks;
  }
  if (!Number.isFinite(sum)) return 0;
  const score = sum / Math.sqrt(sum * sum + ALPHA);
  return round(Math.max(-1, Math.min(1, score)));
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (const v of values) total += v;
  return round(Math.max(-1, Math.min(1, total / values.length)));
}

/**
 * The customer's mood over a journey: every customer message is scored with {@link sentiment};
 * `first` and `last` average the opinionated ones (scores other than 0) in the first and the
 * last third of the journey, and `trend` says whether the mood rose or fell by at least 0.2.
 * `perInteraction` gives each interaction's average, oldest first, for a sparkline.
 *
 * @param interactions - the journey's interactions, in any order.
 * @returns the trend; `steady` at 0 when the customer said nothing with feeling.
 *
 * @example
 * ```ts
 * import { parseInteraction, sentimentTrend } from 'threadline';
 *
 * const angry = parseInteraction({
 *   id: 'tw-1', channel: 'x', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [{ author: 'customer', text: 'Third week waiting for my refund. Useless!' }],
 * });
 * const calm = parseInteraction({
 *   id: 'call-1', channel: 'phone', startedAt: '2026-03-02T10:00:00Z',
 *   messages: [{ author: 'customer', text: 'Great, thank you, that is really helpful.' }],
 * });
 * const t = sentimentTrend([angry, calm]);
 * console.log(t.trend, t.first < 0, t.last > 0); // improving true true
 * ```
 */
export function sentimentTrend(interactions: readonly Interaction[]): SentimentTrend {
  return trendIn(conversationOf(interactions));
}

/** The customer's mood over a conversation (see {@link sentimentTrend}). */
export function trendIn(conversation: Conversation): SentimentTrend {
  const scores: number[] = [];
  const perInteraction: { interactionId: Interaction['id']; scores: number[]; messages: number }[] =
    [];
  const byInteraction = new Map<Interaction, (typeof perInteraction)[number]>();
  let entry: (typeof perInteraction)[number] | undefined;
  let current: Interaction | undefined;
  for (const slot of conversation.stream) {
    if (slot.side !== 'customer') continue;
    // The stream holds an interaction's messages together: look it up once per run of them.
    if (entry === undefined || slot.interaction !== current) {
      current = slot.interaction;
      entry = byInteraction.get(current);
      if (entry === undefined) {
        entry = { interactionId: current.id, scores: [], messages: 0 };
        byInteraction.set(current, entry);
        perInteraction.push(entry);
      }
    }
    entry.messages++;
    const score = slot.reading.derive(moodOf);
    if (score !== 0) {
      entry.scores.push(score);
      scores.push(score);
    }
  }
  const third = Math.max(1, Math.ceil(scores.length / 3));
  const first = mean(scores.slice(0, third));
  const last = mean(scores.slice(scores.length - third));
  const change = last - first;
  const trend = change >= TREND_STEP ? 'improving' : change <= -TREND_STEP ? 'worsening' : 'steady';
  return Object.freeze({
    first,
    last,
    trend,
    perInteraction: Object.freeze(
      perInteraction.map((p) =>
        Object.freeze({
          interactionId: p.interactionId,
          score: mean(p.scores),
          messages: p.messages,
        }),
      ),
    ),
  });
}

import type { Interaction } from '../../model/interaction.js';
import type { Reading, Sentence } from './reading.js';
import type { ConversationSide, OpenQuestion } from './schema.js';
import { endsWithQuestionMark, excerpt, lastMark, type Span, type Token, wordsAt } from './text.js';
import { type Conversation, citeSlot, conversationOf, type Slot } from './walk.js';

const WH: ReadonlySet<string> = new Set([
  'what',
  'when',
  'where',
  'why',
  'how',
  'who',
  'whom',
  'which',
  'whose',
  "what's",
  "where's",
  "when's",
  "how's",
  "who's",
]);

const AUXILIARIES: ReadonlySet<string> = new Set([
  'can',
  'could',
  'would',
  'will',
  'shall',
  'should',
  'may',
  'might',
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'have',
  'has',
  'had',
  'am',
]);

// After an auxiliary, a subject makes a question: "can you", "is there", "has my refund".
const SUBJECTS: ReadonlySet<string> = new Set([
  'i',
  'you',
  'we',
  'they',
  'it',
  'he',
  'she',
  'there',
  'this',
  'that',
  'my',
  'your',
  'our',
  'the',
  'anyone',
  'someone',
  'somebody',
  'anybody',
]);

// Discourse words before a question: "ok, may I have…", "so when will…".
const LEADING: ReadonlySet<string> = new Set([
  'ok',
  'okay',
  'sure',
  'so',
  'and',
  'but',
  'also',
  'hi',
  'hello',
  'hey',
  'thanks',
  'great',
  'alright',
  'well',
  'um',
  'oh',
  'yes',
  'no',
  'please',
  'then',
  'sorry',
]);

// Courtesy questions that wait for no answer: "anything else I can help with?".
const COURTESY: readonly (readonly string[])[] = [
  ['anything', 'else'],
  ['how', 'can', 'i', 'help'],
  ['how', 'may', 'i', 'help'],
  ['how', 'can', 'i', 'assist'],
  ['how', 'may', 'i', 'assist'],
  ['how', 'can', 'we', 'help'],
  ['what', 'can', 'i', 'do', 'for', 'you'],
  ['how', 'are', 'you'],
  ["how's", 'it', 'going'],
  ['how', 'is', 'your', 'day'],
  ['how', 'was', 'your', 'day'],
  ['is', 'that', 'all'],
  ['will', 'that', 'be', 'all'],
];

// Replies that hold the line but answer nothing: "one moment please", "let me check".
const HOLDING: readonly (readonly string[])[] = [
  ['one', 'moment'],
  ['one', 'sec'],
  ['one', 'second'],
  ['just', 'a', 'moment'],
  ['just', 'a', 'sec'],
  ['just', 'a', 'second'],
  ['just', 'a', 'minute'],
  ['give', 'me', 'a', 'moment'],
  ['give', 'me', 'a', 'minute'],
  ['give', 'me', 'a', 'second'],
  ['give', 'me', 'a', 'sec'],
  ['let', 'me', 'check'],
  ['let', 'me', 'look'],
  ['let', 'me', 'see'],
  ['please', 'hold'],
  ['please', 'wait'],
  ['hold', 'on'],
  ['bear', 'with', 'me'],
  ['checking'],
];

function contains(tokens: readonly Token[], phrase: readonly string[]): boolean {
  for (let k = 0; k + phrase.length <= tokens.length; k++) {
    if (wordsAt(tokens, k, phrase)) return true;
  }
  return false;
}

function containsAny(tokens: readonly Token[], phrases: readonly (readonly string[])[]): boolean {
  for (const phrase of phrases) if (contains(tokens, phrase)) return true;
  return false;
}

/** True when a sentence opens like a question ("can you…", "how do I…"), whatever its end. */
export function opensLikeQuestion(text: string, tokens: readonly Token[]): boolean {
  let k = 0;
  // Discourse words and the @mentions a reply starts with.
  while (
    k < tokens.length &&
    (LEADING.has((tokens[k] as Token).word) ||
      text.charCodeAt((tokens[k] as Token).start - 1) === 64)
  ) {
    k++;
  }
  const first = tokens[k]?.word;
  if (first === undefined) return false;
  if (WH.has(first)) return tokens[k + 1]?.word !== 'a';
  return AUXILIARIES.has(first) && SUBJECTS.has(tokens[k + 1]?.word ?? '');
}

/** True when a sentence of a reading asks something: it ends with `?` or opens like a question. */
export function asks(reading: Reading, sentence: Sentence): boolean {
  return (
    endsWithQuestionMark(reading.text, sentence) || opensLikeQuestion(reading.text, sentence.tokens)
  );
}

/** True when the sentence is a question: a `?`, or an interrogative opening without `.`/`!`. */
export function isQuestion(text: string, span: Span, tokens: readonly Token[]): boolean {
  if (endsWithQuestionMark(text, span)) return true;
  const mark = lastMark(text, span);
  if (mark === 46 || mark === 33) return false;
  return opensLikeQuestion(text, tokens);
}

/** True for a short sentence that only holds the line. */
function isHolding(tokens: readonly Token[]): boolean {
  return tokens.length <= 8 && containsAny(tokens, HOLDING);
}

interface Asked {
  readonly slot: Slot;
  readonly span: Span;
}

/** What a text does in the exchange: the questions it asks, and whether it answers. */
interface Turn {
  readonly asked: readonly Span[];
  /** More than questions and holding lines: a reply to the other side. */
  readonly answers: boolean;
}

function turnOf(reading: Reading): Turn {
  const asked: Span[] = [];
  let answers = false;
  for (const sentence of reading.sentences) {
    const tokens = sentence.tokens;
    if (tokens.length === 0) continue;
    if (isQuestion(reading.text, sentence, tokens)) {
      if (!containsAny(tokens, COURTESY)) asked.push({ start: sentence.start, end: sentence.end });
    } else if (!isHolding(tokens)) {
      answers = true;
    }
  }
  return { asked, answers };
}

/** The questions left open in a conversation (see {@link extractOpenQuestions}). */
export function openQuestionsIn(conversation: Conversation): readonly OpenQuestion[] {
  const pending: Record<ConversationSide, Asked[]> = { customer: [], business: [] };
  for (const slot of conversation.stream) {
    if (slot.author === 'system') continue;
    const turn = slot.reading.derive(turnOf);
    const other: ConversationSide = slot.side === 'customer' ? 'business' : 'customer';
    if (turn.answers) pending[other].length = 0;
    for (const span of turn.asked) pending[slot.side].push({ slot, span });
  }
  const open = [...pending.customer, ...pending.business].sort(
    (a, b) => a.slot.seq - b.slot.seq || a.span.start - b.span.start,
  );
  return Object.freeze(
    open.map(({ slot, span }) =>
      Object.freeze({
        by: slot.side,
        author: slot.author,
        text: excerpt(slot.text, span),
        askedAt: slot.at,
        citation: citeSlot(slot, span),
      }),
    ),
  );
}

/**
 * Lists the questions still waiting for an answer, on either side.
 *
 * A question is a sentence ending in `?`, or one without a final `.` or `!` that opens like a
 * question (`how long till it is refunded`, `can you check my order`), after words such as
 * `ok,` or `so`. Courtesy questions that wait for no answer (`anything else I can help you
 * with?`, `how are you?`) are left out.
 *
 * A question counts as answered as soon as the other side writes, in the same or a later
 * interaction, a message that is more than questions and holding lines (`one moment please`,
 * `let me check`): a reply is taken as an answer to every question the other side had asked
 * before it. The rule cannot tell a real answer from a change of subject, so it errs towards
 * calling a question answered: what it reports open was, at the least, never replied to.
 * System messages neither ask nor answer.
 *
 * @param interactions - the journey's interactions, in any order.
 * @returns the open questions, in conversation order.
 *
 * @example
 * ```ts
 * import { extractOpenQuestions, parseInteraction } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-3', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [
 *     { author: 'customer', text: 'Where is my order? It was due Monday.' },
 *     { author: 'agent', text: 'One moment please.' },
 *     { author: 'agent', text: 'Could you confirm the delivery postcode?' },
 *   ],
 * });
 * for (const q of extractOpenQuestions([chat])) console.log(q.by, q.text);
 * // customer Where is my order?
 * // business Could you confirm the delivery postcode?
 * ```
 */
export function extractOpenQuestions(
  interactions: readonly Interaction[],
): readonly OpenQuestion[] {
  return openQuestionsIn(conversationOf(interactions));
}

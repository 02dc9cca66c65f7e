import type { Interaction } from '../../model/interaction.js';
import { asks } from './questions.js';
import type { Reading } from './reading.js';
import type { TriedAction } from './schema.js';
import { excerpt, type Span, type Token } from './text.js';
import { baseVerbAt, pastVerbAt, refine, type VerbMatch } from './verbs.js';
import { type Conversation, citeSlot, conversationOf, type Slot } from './walk.js';

/** Something reported done, with where and by whom. */
export interface Done {
  readonly slot: Slot;
  readonly span: Span;
  readonly verb?: VerbMatch;
}

// Words that may stand between a subject and its past verb: "I have just", "we've already",
// "I've gone ahead and".
// A contraction's tail (`i've` → `i`), cut to find the word it is glued to.
const CONTRACTION_TAIL = /'.*$/;

const BETWEEN: ReadonlySet<string> = new Set([
  'have',
  'has',
  'had',
  'just',
  'already',
  'now',
  'also',
  'successfully',
  'then',
  'gone',
  'ahead',
  'and',
  'even',
  'both',
  'personally',
]);

const PASSIVE_ADVERBS: ReadonlySet<string> = new Set([
  'just',
  'now',
  'already',
  'also',
  'successfully',
  'all',
]);
const MODALS: ReadonlySet<string> = new Set([
  'will',
  'would',
  'should',
  'could',
  'must',
  'might',
  'may',
  'shall',
  'can',
]);
// Words that make what follows hypothetical: "once the refund has been issued, …".
const HYPOTHETICAL: ReadonlySet<string> = new Set([
  'if',
  'once',
  'unless',
  'when',
  'after',
  'until',
  'whether',
]);
const PRONOUNS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'it',
  'this',
  'that',
]);
const SUBJECTS: ReadonlySet<string> = new Set(['i', 'we']);
const SUBJECT_HAVE: ReadonlySet<string> = new Set(["i've", "we've"]);

// What a customer reports having done that an agent would otherwise suggest again.
const CUSTOMER_GROUPS: ReadonlySet<string> = new Set([
  'try',
  'troubleshoot',
  'call',
  'message',
  'send',
  'return',
  'pay',
  'check',
  'reset',
  'change',
  'cancel',
  'visit',
  'update',
  'replace',
]);

// Openings of requests and wishes, not reports: "Keep us posted.", "Hope it's fixed soon."
const NOT_REPORTS: ReadonlySet<string> = new Set([
  'keep',
  'let',
  'please',
  'kindly',
  'hope',
  'hopefully',
  'glad',
  'happy',
  'thanks',
  'thank',
  'make',
  'get',
]);

function isNegator(word: string): boolean {
  return word === 'not' || word === 'never' || word === 'no' || word.endsWith("n't");
}

/** The past-verb phrase that a sentence reports as done, when it reports one. */
function doneIn(tokens: readonly Token[], business: boolean): VerbMatch | undefined {
  for (let k = 0; k < tokens.length; k++) {
    const word = (tokens[k] as Token).word;
    // "If it has been shipped…", "I'm not aware that a list has been provided".
    if (HYPOTHETICAL.has(word) || isNegator(word)) return undefined;
    if (word === 'as' && tokens[k + 1]?.word === 'soon') return undefined;
    // Active: "I've reset", "we have escalated", "I let my manager know".
    if (SUBJECTS.has(word) || SUBJECT_HAVE.has(word)) {
      let j = k + 1;
      while (j < tokens.length && j - k <= 4 && BETWEEN.has((tokens[j] as Token).word)) j++;
      const verb = pastVerbAt(tokens, j);
      if (verb !== undefined && (business || CUSTOMER_GROUPS.has(verb.group)))
        return refine(verb, tokens);
      continue;
    }
    if (!business) continue;
    // Passive: "has been issued", "it's been sent", "was shipped", "is now unlocked".
    const before = tokens[k - 1]?.word ?? '';
    let j = -1;
    if (
      word === 'been' &&
      (before === 'has' || before === 'have' || before === 'had' || before.endsWith("'s"))
    ) {
      if (MODALS.has(tokens[k - 2]?.word ?? '')) continue;
      j = k + 1;
    } else if (word === 'was' || word === 'were') {
      j = k + 1;
    } else if (
      (word === 'is' || word === 'are') &&
      (tokens[k + 1]?.word === 'now' || tokens[k + 1]?.word === 'already')
    ) {
      j = k + 2;
    }
    if (j < 0) continue;
    while (j < tokens.length && PASSIVE_ADVERBS.has((tokens[j] as Token).word)) j++;
    const verb = pastVerbAt(tokens, j);
    if (verb !== undefined) return refine(verb, tokens);
  }
  // Headless notes: "Refund issued.", "Password reset", "All taken care of!".
  const head = (tokens[0]?.word ?? '').replace(CONTRACTION_TAIL, '');
  const future = tokens.some((t) => MODALS.has(t.word) || t.word.endsWith("'ll"));
  const report =
    !PRONOUNS.has(head) && !NOT_REPORTS.has(head) && baseVerbAt(tokens, 0) === undefined;
  if (business && tokens.length > 0 && tokens.length <= 6 && report && !future) {
    for (let j = 1; j <= 2; j++) {
      const verb = pastVerbAt(tokens, j);
      if (verb !== undefined && verb.end >= tokens.length - 2) return refine(verb, tokens);
    }
  }
  return undefined;
}

/** A sentence reported as done, found in a text alone. */
interface DoneSentence {
  readonly span: Span;
  readonly verb?: VerbMatch;
}

/** A system line is a record of an action in itself: the whole text, with its first verb. */
function systemDone(reading: Reading): DoneSentence | undefined {
  const all = reading.sentences;
  const first = all[0];
  const last = all[all.length - 1];
  if (first === undefined || last === undefined) return undefined;
  let verb: VerbMatch | undefined;
  for (const sentence of all) {
    verb = doneIn(sentence.tokens, true);
    if (verb !== undefined) break;
  }
  const span = { start: first.start, end: last.end };
  return verb === undefined ? { span } : { span, verb };
}

function doneSentences(reading: Reading, business: boolean): DoneSentence[] {
  const out: DoneSentence[] = [];
  for (const sentence of reading.sentences) {
    if (asks(reading, sentence)) continue;
    const verb = doneIn(sentence.tokens, business);
    if (verb !== undefined) out.push({ span: { start: sentence.start, end: sentence.end }, verb });
  }
  return out;
}

/** What an agent or a bot reports done in a text. */
function businessDone(reading: Reading): DoneSentence[] {
  return doneSentences(reading, true);
}

/** What a customer reports having tried in a text. */
function customerDone(reading: Reading): DoneSentence[] {
  return doneSentences(reading, false);
}

/** Everything reported done in the stream, in order. */
export function findDone(stream: readonly Slot[]): Done[] {
  const out: Done[] = [];
  for (const slot of stream) {
    if (slot.author === 'system') {
      const done = slot.reading.derive(systemDone);
      if (done !== undefined) out.push({ slot, ...done });
      continue;
    }
    const found = slot.reading.derive(slot.side === 'business' ? businessDone : customerDone);
    for (const done of found) out.push({ slot, ...done });
  }
  return out;
}

/** The actions reported in a conversation, oldest first (see {@link extractActions}). */
export function actionsIn(conversation: Conversation): readonly TriedAction[] {
  const out: TriedAction[] = [];
  for (const done of findDone(conversation.stream)) {
    const { slot, span, verb } = done;
    out.push(
      Object.freeze({
        by: slot.side,
        author: slot.author,
        ...(verb === undefined ? {} : { action: verb.lemma }),
        text: excerpt(slot.text, span),
        at: slot.at,
        citation: citeSlot(slot, span),
      }),
    );
  }
  return Object.freeze(out);
}

/**
 * Lists what was already done about the issue, so that nobody suggests it again: what agents
 * and bots report having done (`I've reset your password`, `your refund has been issued`,
 * `Replacement sent.`), every system message (`Account has been pulled up for Crystal Minh.`),
 * and what the customer reports having tried (`I already restarted the router`, `I called
 * yesterday`). Questions and hypotheticals (`once the refund has been issued…`) are not actions.
 * Each action cites its message and sentence; `action` is the verb's lemma when recognised.
 *
 * Total and deterministic; linear in the length of the messages.
 *
 * @param interactions - the journey's interactions, in any order.
 * @returns the actions, in conversation order.
 *
 * @example
 * ```ts
 * import { extractActions, parseInteraction } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-7', channel: 'chat', startedAt: '2026-03-01T09:00:00Z',
 *   messages: [
 *     { author: 'customer', text: "I can't log in. I've already tried resetting my password twice." },
 *     { author: 'system', text: 'Account has been pulled up for Crystal Minh.' },
 *     { author: 'agent', text: "I've unlocked your account and escalated the login issue to our engineers." },
 *   ],
 * });
 * for (const a of extractActions([chat])) console.log(a.by, a.action, '-', a.text);
 * // customer try - I've already tried resetting my password twice.
 * // business look up - Account has been pulled up for Crystal Minh.
 * // business unlock - I've unlocked your account and escalated the login issue to our engineers.
 * ```
 */
export function extractActions(interactions: readonly Interaction[]): readonly TriedAction[] {
  return actionsIn(conversationOf(interactions));
}

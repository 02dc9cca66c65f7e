import type { Interaction } from '../../model/interaction.js';
import type { Citation } from '../citation.js';
import { type Done, findDone } from './actions.js';
import { findDue } from './due.js';
import {
  type CommitmentOptions,
  CommitmentOptionsSchema,
  checkOptions,
  dateOrderFor,
} from './options.js';
import { asks } from './questions.js';
import type { Reading, Sentence } from './reading.js';
import type { Commitment, ConversationSide } from './schema.js';
import { excerpt, type Span, type Token } from './text.js';
import { isoOrUndefined } from './time.js';
import { BUSINESS_PEOPLE, baseVerbAt, pastVerbAt, refine, type VerbMatch } from './verbs.js';
import { type Conversation, citeSlot, conversationOf, type Slot } from './walk.js';

// `I'm` / `we're` before `going to`: the subject without its verb.
const BE_CONTRACTION = /'(?:m|re)$/;

// Words between the modal and the verb: "we'll definitely call", "I'll make sure to send".
const FILLERS: readonly (readonly string[])[] = [
  ['be', 'sure', 'to'],
  ['make', 'sure', 'to'],
  ['try', 'to'],
  ['also'],
  ['definitely'],
  ['certainly'],
  ['personally'],
  ['then'],
  ['now'],
  ['just'],
  ['gladly'],
  ['happily'],
  ['immediately'],
  ['first'],
  ['still'],
  ['promptly'],
  ['quickly'],
  ['absolutely'],
];

// Things that get delivered: "your order will arrive by Friday" is a promise.
const SHIPPED_THINGS: ReadonlySet<string> = new Set([
  'it',
  'they',
  'order',
  'package',
  'parcel',
  'item',
  'items',
  'shipment',
  'delivery',
  'refund',
  'replacement',
]);

// What the business says the customer will receive: "you'll receive", "you should get".
// "You'll have to" and "you should see" are instructions, not promises.
const EXPECT_VERBS: ReadonlySet<string> = new Set(['receive', 'get', 'hear', 'see']);
const SHOULD_VERBS: ReadonlySet<string> = new Set(['receive', 'get', 'hear']);

// What "you'll receive …" promises, read from its object.
const EXPECTED: readonly (readonly [string, string, string])[] = [
  ['refund', 'refund', 'refund'],
  ['money', 'refund', 'refund'],
  ['credit', 'refund', 'refund'],
  ['call', 'call', 'call'],
  ['callback', 'call', 'call'],
  ['replacement', 'replace', 'replace'],
  ['label', 'send', 'send'],
  ['link', 'send', 'send'],
  ['code', 'send', 'send'],
  ['package', 'ship', 'ship'],
  ['parcel', 'ship', 'ship'],
  ['order', 'ship', 'ship'],
  ['item', 'ship', 'ship'],
  ['delivery', 'ship', 'ship'],
];

// Which later actions keep a promise of each group.
const KEPT_BY: Readonly<Record<string, readonly string[]>> = {
  update: ['update', 'call', 'message'],
  message: ['message', 'send'],
  send: ['send', 'message', 'ship'],
  ship: ['ship', 'send'],
};

function skipFillers(tokens: readonly Token[], at: number): number {
  let j = at;
  for (let rounds = 0; rounds < 3; rounds++) {
    const filler = FILLERS.find((words) => words.every((w, i) => tokens[j + i]?.word === w));
    if (filler === undefined) break;
    j += filler.length;
  }
  return j;
}

/** The base verb at `j`, also read from an `-ing` form after `be` ("we'll be sending"). */
function verbAt(tokens: readonly Token[], j: number): VerbMatch | undefined {
  const direct = baseVerbAt(tokens, j);
  if (direct !== undefined) return direct;
  if (tokens[j]?.word !== 'be') return undefined;
  const ing = tokens[j + 1]?.word ?? '';
  if (!ing.endsWith('ing') || ing.length < 5) return undefined;
  const stem = ing.slice(0, -3);
  for (const candidate of [stem, `${stem}e`, stem.slice(0, -1)]) {
    const rewritten = tokens
      .slice(0, j + 1)
      .concat({ ...(tokens[j + 1] as Token), word: candidate }, tokens.slice(j + 2));
    const found = baseVerbAt(rewritten, j + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

interface Pledge {
  readonly verb: VerbMatch;
}

/** The promise in a sentence's tokens, when there is one. */
function promiseIn(tokens: readonly Token[], side: ConversationSide): Pledge | undefined {
  for (let k = 0; k < tokens.length; k++) {
    const word = (tokens[k] as Token).word;
    let subject: string | undefined;
    let next = -1;
    let expectation = false;
    if (word.endsWith("'ll") && word.length > 3) {
      subject = word.slice(0, -3);
      next = k + 1;
    } else if ((word === 'will' || word === 'shall') && k > 0) {
      subject = tokens[k - 1]?.word;
      next = k + 1;
    } else if ((word === 'going' && tokens[k + 1]?.word === 'to') || word === 'gonna') {
      const before = tokens[k - 1]?.word ?? '';
      subject =
        before === 'am' || before === 'are'
          ? tokens[k - 2]?.word
          : before.replace(BE_CONTRACTION, '');
      next = word === 'gonna' ? k + 1 : k + 2;
    } else if (word === 'should' && side === 'business' && k > 0) {
      // "You should receive it by Friday."
      subject = tokens[k - 1]?.word;
      expectation = true;
      next = k + 1;
    }
    if (subject === undefined || next < 0) continue;
    const first = tokens[next]?.word;
    if (first === 'not' || first === 'never') continue;
    const j = skipFillers(tokens, next);

    if (side === 'customer') {
      if (subject !== 'i' && subject !== 'we') continue;
      const verb = verbAt(tokens, j);
      if (verb !== undefined) return { verb: refine(verb, tokens) };
      continue;
    }
    // The business promises for itself or its people, passively ("will be refunded"), about a
    // delivery ("your order will arrive"), or to the customer ("you'll receive a refund").
    const verbs = expectation ? SHOULD_VERBS : EXPECT_VERBS;
    if (subject === 'you' && verbs.has(tokens[j]?.word ?? '')) {
      return { verb: expected(tokens, j) };
    }
    if (expectation) continue;
    if (tokens[j]?.word === 'be') {
      const passive = pastVerbAt(tokens, j + 1);
      if (passive !== undefined) return { verb: refine(passive, tokens) };
    }
    const verb = verbAt(tokens, j);
    if (verb === undefined) continue;
    if (BUSINESS_PEOPLE.has(subject) || (verb.group === 'ship' && SHIPPED_THINGS.has(subject))) {
      return { verb: refine(verb, tokens) };
    }
  }
  return undefined;
}

function expected(tokens: readonly Token[], j: number): VerbMatch {
  for (let i = j + 1; i < tokens.length; i++) {
    for (const [word, lemma, group] of EXPECTED) {
      if (tokens[i]?.word === word) return { lemma, group, end: j + 1 };
    }
  }
  return { lemma: 'update', group: 'update', end: j + 1 };
}

interface Found {
  readonly slot: Slot;
  readonly span: Span;
  readonly verb: VerbMatch;
  readonly due?: { readonly span: Span; readonly ms?: number };
}

/** A promise found in a text alone: its sentence and verb. */
interface Pledged {
  readonly sentence: Sentence;
  readonly verb: VerbMatch;
}

function pledges(reading: Reading, side: ConversationSide): Pledged[] {
  const out: Pledged[] = [];
  for (const sentence of reading.sentences) {
    if (asks(reading, sentence)) continue;
    const promise = promiseIn(sentence.tokens, side);
    if (promise !== undefined) out.push({ sentence, verb: promise.verb });
  }
  return out;
}

function businessPledges(reading: Reading): Pledged[] {
  return pledges(reading, 'business');
}

function customerPledges(reading: Reading): Pledged[] {
  return pledges(reading, 'customer');
}

/**
 * What can keep a promise, indexed so that each promise is checked without rescanning the
 * conversation: reported actions by side and group, the customer's attachments, and the
 * business's outbound contacts, each as positions in conversation order.
 */
class Keepers {
  readonly #done: readonly Done[];
  /** Indexes into `done` by side and verb group, ascending. */
  readonly #byGroup = new Map<string, number[]>();
  /** For each stream position, the first later-or-equal slot where the customer attached a file. */
  readonly #attachmentFrom: Int32Array;
  /** For each interaction position, the first later-or-equal outbound interaction, and call. */
  readonly #outboundFrom: Int32Array;
  readonly #outboundCallFrom: Int32Array;
  readonly #conversation: Conversation;

  constructor(conversation: Conversation, done: readonly Done[]) {
    this.#conversation = conversation;
    this.#done = done;
    done.forEach((d, index) => {
      if (d.verb === undefined) return;
      const key = `${d.slot.side}\u0000${d.verb.group}`;
      const list = this.#byGroup.get(key);
      if (list === undefined) this.#byGroup.set(key, [index]);
      else list.push(index);
    });
    const { stream, ordered } = conversation;
    this.#attachmentFrom = new Int32Array(stream.length + 1).fill(-1);
    for (let i = stream.length - 1; i >= 0; i--) {
      const slot = stream[i] as Slot;
      const attached = slot.side === 'customer' && (slot.message.attachments?.length ?? 0) > 0;
      this.#attachmentFrom[i] = attached ? i : (this.#attachmentFrom[i + 1] as number);
    }
    this.#outboundFrom = new Int32Array(ordered.length + 1).fill(-1);
    this.#outboundCallFrom = new Int32Array(ordered.length + 1).fill(-1);
    for (let i = ordered.length - 1; i >= 0; i--) {
      const later = ordered[i] as Interaction;
      const outbound = later.direction === 'outbound';
      this.#outboundFrom[i] = outbound ? i : (this.#outboundFrom[i + 1] as number);
      this.#outboundCallFrom[i] =
        outbound && later.channel === 'phone' ? i : (this.#outboundCallFrom[i + 1] as number);
    }
  }

  /** What kept a promise, when something did. */
  keptBy(found: Found): Citation | undefined {
    const side = found.slot.side;
    const group = found.verb.group;
    const seq = found.slot.seq;
    // The first action after the promise, by the same side, of a group that keeps it.
    let first = -1;
    for (const keeper of KEPT_BY[group] ?? [group]) {
      const index = this.#firstAfter(this.#byGroup.get(`${side}\u0000${keeper}`), seq);
      if (index >= 0 && (first < 0 || index < first)) first = index;
    }
    const done = this.#done[first];
    if (done !== undefined) return citeSlot(done.slot, done.span);
    if (side === 'customer' && (group === 'send' || group === 'message')) {
      // A file the customer sent after promising one.
      const at = this.#attachmentFrom[seq + 1] as number;
      const slot = this.#conversation.stream[at];
      if (slot !== undefined) return citeSlot(slot);
    }
    if (side === 'business' && (group === 'call' || group === 'update')) {
      // A later outbound contact from the business: a call for a callback, any for an update.
      const from = found.slot.interactionOrder + 1;
      const at = (group === 'call' ? this.#outboundCallFrom : this.#outboundFrom)[from] as number;
      const later = this.#conversation.ordered[at];
      if (later !== undefined) return { interactionId: later.id, at: later.startedAt };
    }
    return undefined;
  }

  /** The first index in `list` whose action comes after stream position `seq`, or -1. */
  #firstAfter(list: readonly number[] | undefined, seq: number): number {
    if (list === undefined) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#done[list[mid] as number] as Done).slot.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? (list[lo] as number) : -1;
  }
}

/** The promises made in a conversation (see {@link extractCommitments}). */
export function commitmentsIn(
  conversation: Conversation,
  now: number,
  dateOrder: 'mdy' | 'dmy' | undefined,
): readonly Commitment[] {
  const found: Found[] = [];
  for (const slot of conversation.stream) {
    if (slot.author === 'system') continue;
    const pledged = slot.reading.derive(
      slot.side === 'business' ? businessPledges : customerPledges,
    );
    if (pledged.length === 0) continue;
    const order = dateOrderFor(dateOrder, slot.interaction.region);
    for (const { sentence, verb } of pledged) {
      const due = findDue(slot.text, sentence.tokens, slot.ms, slot.offset, order);
      found.push({
        slot,
        span: sentence,
        verb,
        ...(due === undefined
          ? {}
          : { due: { span: due, ...(due.due === undefined ? {} : { ms: due.due }) } }),
      });
    }
  }
  if (found.length === 0) return Object.freeze([]);
  const keepers = new Keepers(conversation, findDone(conversation.stream));
  return Object.freeze(found.map((f) => build(f, keepers, now)));
}

/**
 * Lists the promises made in a journey, by the business (`we'll refund you within 5 days`,
 * `a manager will give you a call`, `your refund will be processed by Friday`, `you'll receive
 * a replacement in 3-5 business days`) and by the customer (`I'll send the photo tonight`).
 *
 * A promise is a sentence with a future (`will`, `'ll`, `going to`, `shall`) whose subject is the
 * promiser (for the business: `I`, `we`, a person or team such as `my manager`, or a passive or
 * `you'll receive`; for the customer: `I` or `we`) and whose verb is a service action (call,
 * send, refund, replace, ship, escalate, check, fix, cancel, update, …). Questions are not
 * promises. The due time comes from the words, counted from the message time in the message's
 * UTC offset: `within 5 days`, `in 24 hours`, `3-5 business days` (the upper end, skipping
 * weekends), `today`, `tonight`, `tomorrow`, `by Friday`, `next week`, `end of the month`,
 * `by March 5`; `shortly` and `soon` are kept as `dueText` without a due time.
 *
 * A promise is kept (`fulfilled`) when a later message by the same side reports doing it
 * (`we'll refund` then `your refund has been issued`; see {@link extractActions}), when the
 * customer sends an attachment after promising a file, or when the business makes a later
 * outbound contact after promising a call (an outbound phone call) or an update (any outbound
 * contact). Anything less leaves it unkept: the check is deliberately conservative. A promise
 * is `overdue` exactly when it has a due time before `now` and is not kept.
 *
 * @param interactions - the journey's interactions, in any order.
 * @param options - `now` (required) and the date order.
 * @returns the promises, in conversation order.
 * @throws {@link ThreadlineError} with code `invalid_options` when `options` is malformed.
 *
 * @example
 * ```ts
 * import { extractCommitments, parseInteraction } from 'threadline';
 *
 * const chat = parseInteraction({
 *   id: 'chat-9', channel: 'chat', startedAt: '2026-03-02T16:00:00Z',
 *   messages: [
 *     { author: 'agent', text: "I've escalated this. A specialist will call you back tomorrow." },
 *     { author: 'customer', text: "Thanks, I'll send the photos tonight." },
 *   ],
 * });
 * for (const c of extractCommitments([chat], { now: '2026-03-04T09:00:00Z' })) {
 *   console.log(c.by, c.action, c.dueText, c.due, c.overdue);
 * }
 * // business call tomorrow 2026-03-03T23:59:59.999Z true
 * // customer send tonight 2026-03-02T23:59:59.999Z true
 * ```
 */
export function extractCommitments(
  interactions: readonly Interaction[],
  options: CommitmentOptions,
): readonly Commitment[] {
  const parsed = checkOptions(CommitmentOptionsSchema, options, 'extractCommitments');
  const now =
    parsed.now instanceof Date
      ? parsed.now.getTime()
      : typeof parsed.now === 'number'
        ? parsed.now
        : Date.parse(parsed.now);
  return commitmentsIn(conversationOf(interactions), now, parsed.dateOrder);
}

function build(f: Found, keepers: Keepers, now: number): Commitment {
  const kept = keepers.keptBy(f);
  const dueIso = f.due?.ms === undefined ? undefined : isoOrUndefined(f.due.ms);
  const dueMs = dueIso === undefined ? undefined : f.due?.ms;
  const overdue = dueMs !== undefined && dueMs < now && kept === undefined;
  return Object.freeze({
    by: f.slot.side,
    author: f.slot.author,
    text: excerpt(f.slot.text, f.span),
    action: f.verb.lemma,
    ...(f.due === undefined
      ? {}
      : { dueText: f.slot.text.slice(f.due.span.start, f.due.span.end) }),
    ...(dueIso === undefined ? {} : { due: dueIso }),
    madeAt: f.slot.at,
    fulfilled: kept !== undefined,
    ...(kept === undefined ? {} : { fulfilledBy: kept }),
    overdue,
    citation: citeSlot(f.slot, f.span),
  });
}

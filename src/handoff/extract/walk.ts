// The conversation as one chronological stream of messages across interactions. Interactions
// are ordered by start time (ties keep the caller's order) and messages by their index, which is
// the order the channel recorded; a message's own `at` is used for its time but never reorders.
import type { Interaction, Message, Role } from '../../model/interaction.js';
import type { Citation } from '../citation.js';
import { type Reading, Readings } from './reading.js';
import type { ConversationSide } from './schema.js';
import type { Span } from './text.js';
import { instant, offsetMinutes } from './time.js';

/** One message in the stream, with what every extractor needs about it. */
export interface Slot {
  readonly interaction: Interaction;
  /** The interaction's position in chronological order. */
  readonly interactionOrder: number;
  readonly messageIndex: number;
  readonly message: Message;
  readonly author: Role;
  /** `business` for agents, bots and system messages. */
  readonly side: ConversationSide;
  readonly text: string;
  /** The text read once for the whole build (folded, tokens, sentences). */
  readonly reading: Reading;
  /** The message time in milliseconds. */
  readonly ms: number;
  /** The message time as written (the interaction's start when the message has none). */
  readonly at: string;
  /** The UTC offset, in minutes, the time was written in. */
  readonly offset: number;
  /** The position of the message in the whole stream. */
  readonly seq: number;
}

/** A journey's interactions in chronological order and their messages as one stream. */
export interface Conversation {
  /** The interactions, oldest first. */
  readonly ordered: readonly Interaction[];
  /** When each of `ordered` started, in milliseconds (0 when unreadable). */
  readonly starts: readonly number[];
  /** Every message, in conversation order. */
  readonly stream: readonly Slot[];
}

interface Started {
  readonly interaction: Interaction;
  readonly index: number;
  readonly ms: number;
}

function byTimeThenIndex(a: Started, b: Started): number {
  return a.ms - b.ms || a.index - b.index;
}

/** The interactions with their start times, in chronological order; the input is not changed. */
function started(interactions: readonly Interaction[]): Started[] {
  const keyed: Started[] = [];
  for (let index = 0; index < interactions.length; index++) {
    const interaction = interactions[index] as Interaction;
    keyed.push({ interaction, index, ms: instant(interaction.startedAt, 0) });
  }
  return keyed.sort(byTimeThenIndex);
}

/** The side a role speaks for: agents, bots and the system speak for the business. */
export function sideOf(role: Role): ConversationSide {
  return role === 'customer' ? 'customer' : 'business';
}

/** Every message of every interaction, in conversation order, read through `readings`. */
function slots(
  ordered: readonly Interaction[],
  starts: readonly number[],
  readings: Readings,
): Slot[] {
  const out: Slot[] = [];
  for (let interactionOrder = 0; interactionOrder < ordered.length; interactionOrder++) {
    const interaction = ordered[interactionOrder] as Interaction;
    const start = starts[interactionOrder] as number;
    const messages = interaction.messages ?? [];
    for (let messageIndex = 0; messageIndex < messages.length; messageIndex++) {
      const message = messages[messageIndex] as Message;
      const text = typeof message.text === 'string' ? message.text : '';
      const at = message.at ?? interaction.startedAt;
      out.push({
        interaction,
        interactionOrder,
        messageIndex,
        message,
        author: message.author,
        side: sideOf(message.author),
        text,
        reading: readings.of(text),
        ms: instant(message.at, start),
        at,
        offset: offsetMinutes(at),
        seq: out.length,
      });
    }
  }
  return out;
}

/**
 * The interactions, in any order, as one conversation; their texts are read through `readings`
 * (a build shares one set of readings among all its conversations).
 */
export function conversationOf(
  interactions: readonly Interaction[],
  readings = new Readings(),
): Conversation {
  const keyed = started(interactions);
  const ordered = keyed.map((k) => k.interaction);
  const starts = keyed.map((k) => k.ms);
  return { ordered, starts, stream: slots(ordered, starts, readings) };
}

/**
 * The same conversation told with edited copies of its interactions (the same messages in the
 * same places, with other texts): times, order and positions are kept, only the texts are read
 * again. `copyOf` gives each interaction's copy.
 */
export function retold(
  conversation: Conversation,
  copyOf: (interaction: Interaction) => Interaction,
  readings: Readings,
): Conversation {
  const ordered = conversation.ordered.map(copyOf);
  const stream: Slot[] = [];
  for (const slot of conversation.stream) {
    const interaction = ordered[slot.interactionOrder] as Interaction;
    // An interaction that is its own copy tells the same: its slots are kept as they are.
    if (interaction === slot.interaction) {
      stream.push(slot);
      continue;
    }
    const message = interaction.messages[slot.messageIndex] as Message;
    const text = typeof message.text === 'string' ? message.text : '';
    stream.push({
      interaction,
      interactionOrder: slot.interactionOrder,
      messageIndex: slot.messageIndex,
      message,
      author: slot.author,
      side: slot.side,
      text,
      reading: readings.of(text),
      ms: slot.ms,
      at: slot.at,
      offset: slot.offset,
      seq: slot.seq,
    });
  }
  return { ordered, starts: conversation.starts, stream };
}

/** A citation of a message, optionally of a span of its text. */
export function citeSlot(slot: Slot, span?: Span): Citation {
  // One literal per shape rather than a spread: extractors cite many messages.
  if (span === undefined) {
    return Object.freeze({
      interactionId: slot.interaction.id,
      messageIndex: slot.messageIndex,
      author: slot.author,
      at: slot.at,
    });
  }
  return Object.freeze({
    interactionId: slot.interaction.id,
    messageIndex: slot.messageIndex,
    author: slot.author,
    at: slot.at,
    start: span.start,
    end: span.end,
  });
}

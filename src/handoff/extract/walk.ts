// The conversation as one chronological stream of messages across interactions. Interactions
// are ordered by start time (ties keep the caller's order) and messages by their index, which is
// the order the channel recorded; a message's own `at` is used for its time but never reorders.
import type { Interaction, Message, Role } from '../../model/interaction.js';
import type { Citation } from '../citation.js';
import type { ConversationSide } from './schema.js';
import { fold, type Span } from './text.js';
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
  /** `text` folded (see `fold`), same length. */
  readonly folded: string;
  /** The message time in milliseconds. */
  readonly ms: number;
  /** The message time as written (the interaction's start when the message has none). */
  readonly at: string;
  /** The UTC offset, in minutes, the time was written in. */
  readonly offset: number;
  /** The position of the message in the whole stream. */
  readonly seq: number;
}

/** The interactions in chronological order; the input is not changed. */
export function chronological(interactions: readonly Interaction[]): Interaction[] {
  const keyed = interactions.map((interaction, index) => ({
    interaction,
    index,
    ms: instant(interaction.startedAt, 0),
  }));
  keyed.sort((a, b) => a.ms - b.ms || a.index - b.index);
  return keyed.map((k) => k.interaction);
}

/** The side a role speaks for: agents, bots and the system speak for the business. */
export function sideOf(role: Role): ConversationSide {
  return role === 'customer' ? 'customer' : 'business';
}

/** Every message of every interaction, in conversation order. */
export function slots(ordered: readonly Interaction[]): Slot[] {
  const out: Slot[] = [];
  ordered.forEach((interaction, interactionOrder) => {
    const start = instant(interaction.startedAt, 0);
    const messages = interaction.messages ?? [];
    messages.forEach((message, messageIndex) => {
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
        folded: fold(text),
        ms: instant(message.at, start),
        at,
        offset: offsetMinutes(at),
        seq: out.length,
      });
    });
  });
  return out;
}

/** A citation of a message, optionally of a span of its text. */
export function citeSlot(slot: Slot, span?: Span): Citation {
  return Object.freeze({
    interactionId: slot.interaction.id,
    messageIndex: slot.messageIndex,
    author: slot.author,
    at: slot.at,
    ...(span === undefined ? {} : { start: span.start, end: span.end }),
  });
}

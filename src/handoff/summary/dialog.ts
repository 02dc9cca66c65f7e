// The interactions of a story as one dialog of sentences: interactions in the order they
// started, messages in the order they were written, tweet-style continuations joined, each
// sentence knowing which message it came from.

import type { Interaction, Message, Role } from '../../model/interaction.js';
import type { Citation } from '../citation.js';
import { parseInstant } from '../extract/time.js';
import { type CleanText, cleanMessage, stripOpening } from './clean.js';
import { type Span, splitSentences } from './sentences.js';

/** One sentence of the dialog with everything the scorers need to know about its place. */
export interface DialogSentence {
  readonly text: string;
  readonly role: Role;
  readonly citation: Citation;
  /** Index of this sentence in the whole dialog. */
  readonly position: number;
  /** Index of its message among the dialog's messages (continuations count once). */
  readonly turn: number;
  /** Index of its message among the messages of the same role. */
  readonly roleTurn: number;
  /** Index of the sentence within its message. */
  readonly indexInMessage: number;
}

interface Piece {
  readonly offset: number;
  readonly messageIndex: number;
}

interface Group {
  readonly interaction: Interaction;
  readonly role: Role;
  text: string;
  readonly pieces: Piece[];
  continues: boolean;
}

interface Dated {
  readonly interaction: Interaction;
  readonly index: number;
  readonly at: number;
}

function byStart(a: Dated, b: Dated): number {
  return a.at === b.at || Number.isNaN(a.at - b.at) ? a.index - b.index : a.at - b.at;
}

/** Interactions in the order they started; input order breaks ties, so sorting is stable. */
export function chronological(
  interactions: readonly Interaction[],
  now: number | undefined,
): Interaction[] {
  const dated: Dated[] = [];
  for (let index = 0; index < interactions.length; index++) {
    const interaction = interactions[index] as Interaction;
    const at = parseInstant(interaction.startedAt);
    if (now === undefined || !(at > now)) dated.push({ interaction, index, at });
  }
  return dated.sort(byStart).map((entry) => entry.interaction);
}

/** The value cached under `key`, made by `make(key)` on first request. */
function cached<V>(cache: Map<string, V>, key: string, make: (key: string) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    cache.set(key, value);
  }
  return value;
}

/**
 * What splitting a dialog derives from texts alone, under the texts: cleaned messages, the
 * sentences of a cleaned text, and sentences without their openings. A cache may keep one
 * between calls.
 */
export interface DialogMemo {
  readonly cleaned: Map<string, CleanText>;
  readonly split: Map<string, Span[]>;
  readonly stripped: Map<string, string>;
}

/** An empty {@link DialogMemo}. */
export function dialogMemo(): DialogMemo {
  return { cleaned: new Map(), split: new Map(), stripped: new Map() };
}

/**
 * Splits every message of the interactions into sentences. Messages written after `now`
 * (milliseconds) are left out, as are interactions that started after it.
 */
export function dialogSentences(
  interactions: readonly Interaction[],
  now?: number,
  memo: DialogMemo = dialogMemo(),
): DialogSentence[] {
  // A dialog repeats itself (greetings, templates, a customer asking again): each distinct
  // text is cleaned, split and stripped once per call (or once while a cache keeps it).
  const { cleaned, split, stripped } = memo;
  const groups: Group[] = [];
  for (const interaction of chronological(interactions, now)) {
    let open: Group | undefined;
    const messages = interaction.messages;
    for (let messageIndex = 0; messageIndex < messages.length; messageIndex++) {
      const message = messages[messageIndex] as Message;
      if (now !== undefined && message.at !== undefined && parseInstant(message.at) > now) continue;
      const clean = cached(cleaned, message.text, cleanMessage);
      if (clean.text === '') {
        // An empty part does not break a chain of continued messages.
        continue;
      }
      if (open?.continues && open.role === message.author) {
        open.pieces.push({ offset: open.text.length + 1, messageIndex });
        open.text = `${open.text} ${clean.text}`;
        open.continues = clean.continues;
        continue;
      }
      open = {
        interaction,
        role: message.author,
        text: clean.text,
        pieces: [{ offset: 0, messageIndex }],
        continues: clean.continues,
      };
      groups.push(open);
    }
  }

  const out: DialogSentence[] = [];
  const roleTurns = new Map<Role, number>();
  for (let turn = 0; turn < groups.length; turn++) {
    const group = groups[turn] as Group;
    const roleTurn = roleTurns.get(group.role) ?? 0;
    roleTurns.set(group.role, roleTurn + 1);
    let piece = 0;
    const spans = cached(split, group.text, splitSentences);
    for (let indexInMessage = 0; indexInMessage < spans.length; indexInMessage++) {
      const span = spans[indexInMessage] as Span;
      while (
        piece + 1 < group.pieces.length &&
        (group.pieces[piece + 1]?.offset ?? 0) <= span.start
      )
        piece++;
      out.push({
        text: cached(stripped, span.text, stripOpening),
        role: group.role,
        citation: citeMessage(group.interaction, group.pieces[piece]?.messageIndex ?? 0),
        position: out.length,
        turn,
        roleTurn,
        indexInMessage,
      });
    }
  }
  return out;
}

/** A citation of a message: its interaction, index, author and time (else the interaction's start). */
function citeMessage(interaction: Interaction, messageIndex: number): Citation {
  const message = interaction.messages[messageIndex];
  // One literal per shape rather than a spread: a dialog cites every sentence.
  if (message === undefined) {
    return { interactionId: interaction.id, messageIndex, at: interaction.startedAt };
  }
  return {
    interactionId: interaction.id,
    messageIndex,
    author: message.author,
    at: message.at ?? interaction.startedAt,
  };
}

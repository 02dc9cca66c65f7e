import { z } from 'zod';
import { InteractionIdSchema } from '../model/ids.js';
import { RoleSchema } from '../model/interaction.js';
import { TimestampSchema } from '../model/time.js';

/** The fields of a citation, unwrapped so that richer citations (a fact's sighting) can extend them. */
export const CitationObjectSchema = z.strictObject({
  /** The interaction the item came from. */
  interactionId: InteractionIdSchema,
  /**
   * The index of the message in that interaction's `messages`; absent when the item came from
   * the interaction itself (its identifiers, references, participants or subject).
   */
  messageIndex: z.number().int().nonnegative().optional(),
  /** Who wrote the message; absent when there is no message. */
  author: RoleSchema.optional(),
  /** When: the message's time, else the interaction's start (or an identifier's `seenAt`). */
  at: TimestampSchema,
  /** UTF-16 offset where the cited text starts in the message (or subject), when known. */
  start: z.number().int().nonnegative().optional(),
  /** UTF-16 offset just after the cited text, when known. */
  end: z.number().int().nonnegative().optional(),
});

/**
 * Where an extracted or summarised item comes from: an interaction, and within it a message
 * (its index, author and time) and, when known, a span of its text. Every fact, commitment,
 * question, action, issue line and summary sentence carries one.
 *
 * @example
 * ```ts
 * import { CitationSchema } from 'threadline';
 *
 * const c = CitationSchema.parse({ interactionId: 'chat-1', messageIndex: 2, author: 'agent', at: '2026-03-01T09:00:00Z' });
 * console.log(c.messageIndex, c.author); // 2 agent
 * ```
 */
export const CitationSchema = CitationObjectSchema.readonly();

/**
 * A citation; see {@link CitationSchema}.
 *
 * @example
 * ```ts
 * import { interactionId, type Citation } from 'threadline';
 *
 * const c: Citation = { interactionId: interactionId('call-7'), messageIndex: 2, at: '2026-03-02T15:00:00Z' };
 * console.log(c.interactionId); // call-7
 * ```
 */
export type Citation = z.infer<typeof CitationSchema>;

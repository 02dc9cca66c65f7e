// Builders for the tests of this folder: readable conversations in a line each.
import type { Interaction, InteractionInput, Role } from '../../model/interaction.js';
import { parseInteraction } from '../../model/parse.js';

/** One message: who, what, and optionally when. */
export type Line = readonly [Role, string] | readonly [Role, string, string];

/** An interaction from its id, channel, start and lines, with any other fields. */
export function conversation(
  id: string,
  startedAt: string,
  lines: readonly Line[],
  extra: Partial<InteractionInput> = {},
): Interaction {
  return parseInteraction({
    id,
    channel: 'chat',
    startedAt,
    ...extra,
    messages: lines.map(([author, text, at]) =>
      at === undefined ? { author, text } : { author, text, at },
    ),
  });
}

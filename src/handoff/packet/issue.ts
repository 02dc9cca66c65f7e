import type { InteractionId } from '../../model/ids.js';
import { parseInstant } from '../extract/time.js';
import { issueSectionWith } from '../summary/section.js';
import type { BuildContext } from './context.js';
import type { HandoffPacket } from './schema.js';
import { clip, oneLine } from './text.js';

/**
 * The characters given to the issue line and the summary together. The line takes at most half;
 * the summary is a few sentences, which the budget may drop one by one.
 */
export const ISSUE_SECTION_CHARS = 640;

/** The customer's latest message is quoted up to this many characters. */
export const LATEST_CHARS = 400;

const HAS_WORD = /[\p{L}\p{N}]/u;

/** The issue line and the summary of what happened so far, from the redacted dialog. */
export function buildIssue(ctx: BuildContext): HandoffPacket['issue'] {
  const section = issueSectionWith(
    ctx.redacted,
    { budgetChars: ISSUE_SECTION_CHARS, now: ctx.options.nowMs },
    ctx.section,
  );
  const summary: HandoffPacket['issue']['summary'][number][] = [];
  let internal = 0;
  for (const sentence of section.summary.sentences) {
    if (sentence.role === 'system' && !ctx.policy.internalLines.show) {
      internal++;
      continue;
    }
    summary.push({
      role: sentence.role,
      text: oneLine(sentence.text),
      cites: [sentence.citation.interactionId],
    });
  }
  ctx.log.add('internal_line', undefined, ctx.policy.internalLines, internal);
  const cited = section.issue.citation;
  if (cited !== null && section.issue.text !== '') {
    return { line: { text: oneLine(section.issue.text), cites: [cited.interactionId] }, summary };
  }
  // Nobody has written yet: the subject or topic says what it is about, else say so.
  const first = ctx.redacted[0];
  const subject = ctx.redacted.find((i) => i.subject !== undefined && i.subject.trim() !== '');
  const fallback =
    subject?.subject !== undefined
      ? clip(subject.subject, ISSUE_SECTION_CHARS / 2)
      : ctx.journey.topic !== undefined
        ? clip(ctx.scrub(ctx.journey.topic), ISSUE_SECTION_CHARS / 2)
        : 'No message from the customer yet';
  const source = (subject ?? first)?.id as InteractionId;
  return { line: { text: fallback, cites: [source] }, summary };
}

/**
 * The customer's latest message with words in it, quoted from the redacted dialog: the one with
 * the latest time (a message without one takes its interaction's start); ties go to the later
 * interaction, then the later message.
 */
export function buildLatest(ctx: BuildContext): HandoffPacket['latest'] {
  let best: { k: number; index: number; ms: number } | undefined;
  for (let k = 0; k < ctx.redacted.length; k++) {
    const interaction = ctx.redacted[k];
    if (interaction === undefined) continue;
    const start = parseInstant(interaction.startedAt);
    for (let index = 0; index < interaction.messages.length; index++) {
      const message = interaction.messages[index];
      if (message?.author !== 'customer') continue;
      const at = message.at === undefined ? start : parseInstant(message.at);
      const ms = Number.isNaN(at) ? start : at;
      // Only a message that would be the latest needs its words checked.
      if (best !== undefined && !(ms >= best.ms)) continue;
      if (HAS_WORD.test(message.text)) best = { k, index, ms };
    }
  }
  if (best === undefined) return undefined;
  const interaction = ctx.redacted[best.k];
  const message = interaction?.messages[best.index];
  if (interaction === undefined || message === undefined) return undefined;
  return {
    text: clip(message.text, LATEST_CHARS),
    cites: [interaction.id],
    at: message.at ?? interaction.startedAt,
    channel: interaction.channel,
  };
}

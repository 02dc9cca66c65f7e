import type { InteractionId } from '../../model/ids.js';
import { actionsIn } from '../extract/actions.js';
import { commitmentsIn } from '../extract/commitments.js';
import { openQuestionsIn } from '../extract/questions.js';
import type { BuildContext } from './context.js';
import type { HandoffPacket } from './schema.js';
import { citeIds, oneLine } from './text.js';

/** Whether the reader may see a line written by this role; system lines are internal. */
function visible(ctx: BuildContext, author: string, hidden: { count: number }): boolean {
  if (author !== 'system' || ctx.policy.internalLines.show) return true;
  hidden.count++;
  return false;
}

/** What agents, bots (and the customer) already did, oldest first. */
export function buildTried(ctx: BuildContext): HandoffPacket['tried'] {
  const hidden = { count: 0 };
  const out: HandoffPacket['tried'][number][] = [];
  for (const action of actionsIn(ctx.talk)) {
    if (!visible(ctx, action.author, hidden)) continue;
    out.push({
      by: action.by,
      author: action.author,
      ...(action.action === undefined ? {} : { action: action.action }),
      text: oneLine(action.text),
      cites: [action.citation.interactionId],
      at: action.at,
    });
  }
  ctx.log.add('internal_line', undefined, ctx.policy.internalLines, hidden.count);
  return out;
}

/** Promises with their due times, overdue ones flagged, oldest first. */
export function buildPromised(ctx: BuildContext): HandoffPacket['promised'] {
  const hidden = { count: 0 };
  const out: HandoffPacket['promised'][number][] = [];
  const commitments = commitmentsIn(ctx.talk, ctx.options.nowMs, ctx.options.dateOrder);
  for (const c of commitments) {
    if (!visible(ctx, c.author, hidden)) continue;
    const sources: InteractionId[] = [c.citation.interactionId];
    if (c.fulfilledBy !== undefined) sources.push(c.fulfilledBy.interactionId);
    out.push({
      by: c.by,
      author: c.author,
      action: c.action,
      text: oneLine(c.text),
      cites: citeIds(sources),
      ...(c.dueText === undefined ? {} : { dueText: oneLine(c.dueText) }),
      ...(c.due === undefined ? {} : { due: c.due }),
      madeAt: c.madeAt,
      fulfilled: c.fulfilled,
      overdue: c.overdue,
    });
  }
  ctx.log.add('internal_line', undefined, ctx.policy.internalLines, hidden.count);
  return out;
}

/** Questions asked and not answered, on either side, oldest first. */
export function buildOpenQuestions(ctx: BuildContext): HandoffPacket['openQuestions'] {
  const hidden = { count: 0 };
  const out: HandoffPacket['openQuestions'][number][] = [];
  for (const q of openQuestionsIn(ctx.talk)) {
    if (!visible(ctx, q.author, hidden)) continue;
    out.push({
      by: q.by,
      author: q.author,
      text: oneLine(q.text),
      cites: [q.citation.interactionId],
      askedAt: q.askedAt,
    });
  }
  ctx.log.add('internal_line', undefined, ctx.policy.internalLines, hidden.count);
  return out;
}

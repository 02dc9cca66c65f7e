// Short plain text for a phone whisper or an SMS: one line per section, most urgent first, no
// markup and no citations (they are in the JSON). Items of a section are joined by "; ".
import type { HandoffPacket } from '../packet/schema.js';
import { duration } from '../packet/text.js';
import { channelLabel, FACT_LABELS } from './labels.js';

/** An item without its closing full stop, so that items join cleanly with "; ". */
const bare = (item: string) =>
  item.endsWith('.') && !item.endsWith('..') ? item.slice(0, -1) : item;

/** Renders a packet as short plain text, ending with a newline. Does not fit it. */
export function textOf(p: HandoffPacket): string {
  const out: string[] = [`Handoff to ${p.to.label} for the ${p.reader}`, p.who.line];
  const line = (label: string, items: readonly string[]) => {
    if (items.length > 0) out.push(`${label}: ${items.map(bare).join('; ')}`);
  };
  out.push(`Issue: ${p.issue.line.text}`);
  if (p.latest !== undefined) {
    out.push(`Latest (${channelLabel(p.latest.channel)}): ${p.latest.text}`);
  }
  if (p.abstract !== undefined) out.push(`Summary: ${p.abstract.text}`);
  const overdue = p.promised.filter((c) => c.overdue);
  line(
    'OVERDUE',
    overdue.map((c) => c.text),
  );
  line(
    'Customer asked',
    p.openQuestions.filter((q) => q.by === 'customer').map((q) => q.text),
  );
  line(
    'Given',
    p.facts.map(
      (f) => `${FACT_LABELS[f.kind].toLowerCase()} ${f.value}${f.verified ? ' (verified)' : ''}`,
    ),
  );
  line(
    'So far',
    p.issue.summary.map((s) => s.text),
  );
  line(
    'Tried',
    p.tried.map((t) => t.text),
  );
  line(
    'Promised',
    p.promised.filter((c) => !c.overdue).map((c) => `${c.text}${c.fulfilled ? ' (kept)' : ''}`),
  );
  line(
    'Signals',
    p.signals.map((s) => s.text),
  );
  if (p.serviceClock !== undefined) out.push(`Clock: ${p.serviceClock.text}`);
  line(
    'Channels',
    p.timeline.map(
      (h) => `${h.label}${h.gapBeforeMs > 0 ? ` (after ${duration(h.gapBeforeMs)})` : ''}`,
    ),
  );
  line(
    'We asked',
    p.openQuestions.filter((q) => q.by === 'business').map((q) => q.text),
  );
  line(
    'Verified',
    p.who.verified.map((v) => `${v.kind}${v.value === undefined ? '' : ` ${v.value}`}`),
  );
  line(
    'Linked',
    p.who.identifiers.map((i) => `${i.kind} ${i.value}`),
  );
  return `${out.join('\n')}\n`;
}

// Markdown for an agent desktop: the three required lines first, then one short list per
// section, each line ending with the interactions it came from. Text from customers is escaped
// so that it cannot turn into links, images, HTML or headings.
import type { HandoffPacket } from '../packet/schema.js';
import { duration, when } from '../packet/text.js';
import {
  channelLabel,
  FACT_LABELS,
  omittedText,
  redactedText,
  roleLabel,
  signed,
} from './labels.js';

const SPECIAL = /[\\`*_[\]<>~]/g;

/** Escapes Markdown's special characters with backslashes. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

const cite = (ids: readonly string[]) =>
  ids.length === 0 ? '' : ` [${ids.map(escapeMarkdown).join(', ')}]`;

const quote = (text: string) => `“${escapeMarkdown(text)}”`;

const flags = (...words: string[]) => {
  const shown = words.filter((w) => w !== '');
  return shown.length === 0 ? '' : ` (${shown.join(', ')})`;
};

/** Renders a packet as Markdown, ending with a newline. Does not fit it; see `renderHandoff`. */
export function markdownOf(p: HandoffPacket): string {
  const out: string[] = [];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    out.push('', `#### ${title}`, ...lines.map((l) => `- ${l}`));
  };
  const to = `${escapeMarkdown(p.to.label)}${p.to.visibility === 'public' ? ' (public reply)' : ''}`;
  out.push(`### Handoff to ${to}, for the ${p.reader}`);
  out.push(`- **Who:** ${escapeMarkdown(p.who.line)}${cite(p.who.cites)}`);
  out.push(`- **Issue:** ${quote(p.issue.line.text)}${cite(p.issue.line.cites)}`);
  if (p.latest !== undefined) {
    out.push(
      `- **Latest from the customer** (${escapeMarkdown(channelLabel(p.latest.channel))}, ${when(p.latest.at)}): ${quote(p.latest.text)}${cite(p.latest.cites)}`,
    );
  }
  if (p.abstract !== undefined) {
    out.push(`- **Summary** (generated): ${escapeMarkdown(p.abstract.text)}`);
  }
  section(
    'What happened',
    p.issue.summary.map((s) => `${roleLabel(s.role)}: ${escapeMarkdown(s.text)}${cite(s.cites)}`),
  );
  section(
    'Timeline',
    p.timeline.map((h) => {
      const gap = h.gapBeforeMs > 0 ? `after ${duration(h.gapBeforeMs)}, ` : '';
      const side = h.visibility === undefined ? '' : ` (${h.visibility})`;
      const count = h.interactions === 1 ? '' : `, ${h.interactions} contacts`;
      const reply =
        h.firstResponseMs === undefined ? '' : `, first reply in ${duration(h.firstResponseMs)}`;
      const length = h.durationMs > 0 ? `, ${duration(h.durationMs)}` : '';
      return `${gap}${when(h.startedAt)}: ${escapeMarkdown(h.label)}${side}${count}${length}${reply}${cite(h.cites)}`;
    }),
  );
  section(
    'Facts already given',
    p.facts.map(
      (f) =>
        `${FACT_LABELS[f.kind]}: ${escapeMarkdown(f.value)}${flags(f.verified ? 'verified' : '', f.masked ? 'masked' : '')}${cite(f.cites)}`,
    ),
  );
  section(
    'Tried',
    p.tried.map((t) => `${roleLabel(t.author)}: ${escapeMarkdown(t.text)}${cite(t.cites)}`),
  );
  section(
    'Promised',
    p.promised.map((c) => {
      const state = c.overdue ? '**Overdue**' : c.fulfilled ? 'Kept' : 'Open';
      const due =
        c.due !== undefined
          ? `, due ${when(c.due)}`
          : c.dueText !== undefined
            ? `, ${escapeMarkdown(c.dueText)}`
            : '';
      return `${state}: ${roleLabel(c.author)} (${escapeMarkdown(c.action)}) ${quote(c.text)}${due}${cite(c.cites)}`;
    }),
  );
  section(
    'Open questions',
    p.openQuestions.map((q) => `${roleLabel(q.author)} asked ${quote(q.text)}${cite(q.cites)}`),
  );
  section(
    'Signals',
    p.signals.map((s) => `${escapeMarkdown(s.text)}${cite(s.cites)}`),
  );
  if (p.serviceClock !== undefined) {
    section('Service clock', [
      `${escapeMarkdown(p.serviceClock.text)}${cite(p.serviceClock.cites)}`,
    ]);
  }
  section(
    'Verified',
    p.who.verified.map(
      (v) =>
        `${v.kind}${v.value === undefined ? '' : ` ${escapeMarkdown(v.value)}`} (${v.method}) on ${escapeMarkdown(channelLabel(v.channel))}${cite(v.cites)}`,
    ),
  );
  section(
    'Linked identifiers',
    p.who.identifiers.map(
      (i) =>
        `${i.kind} ${escapeMarkdown(i.value)}${i.verified ? ', verified' : ''}, linked with ${Math.floor(i.confidence * 1000) / 10}% confidence${cite(i.cites)}`,
    ),
  );
  const steps = p.who.identity?.steps;
  if (steps !== undefined && steps.length > 0) {
    section('Evidence', [
      steps
        .map(
          (s) =>
            `${escapeMarkdown(s.name)}${s.label === undefined ? '' : ` (${escapeMarkdown(s.label)})`} ${signed(s.weight)}`,
        )
        .join('; '),
    ]);
  }
  const omitted = omittedText(p);
  const redacted = redactedText(p);
  if (omitted !== '' || redacted !== '') out.push('');
  if (omitted !== '') out.push(`_Left out for length: ${omitted}._`);
  if (redacted !== '') out.push(`_Redacted for this reader and channel: ${redacted}._`);
  return `${out.join('\n')}\n`;
}

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
const HAS_SPECIAL = /[\\`*_[\]<>~]/;

/** Escapes Markdown's special characters with backslashes. */
export function escapeMarkdown(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, '\\$&') : text;
}

const cite = (ids: readonly string[]) =>
  ids.length === 0 ? '' : ` [${ids.map(escapeMarkdown).join(', ')}]`;

const quote = (text: string) => `“${escapeMarkdown(text)}”`;

const flags = (...words: string[]) => {
  const shown = words.filter((w) => w !== '');
  return shown.length === 0 ? '' : ` (${shown.join(', ')})`;
};

type Summary = HandoffPacket['issue']['summary'][number];
type Hop = HandoffPacket['timeline'][number];
type FactLine = HandoffPacket['facts'][number];
type Tried = HandoffPacket['tried'][number];
type PromiseLine = HandoffPacket['promised'][number];
type Question = HandoffPacket['openQuestions'][number];
type Signal = HandoffPacket['signals'][number];
type Clock = NonNullable<HandoffPacket['serviceClock']>;
type Verified = HandoffPacket['who']['verified'][number];
type Linked = HandoffPacket['who']['identifiers'][number];

type Issue = HandoffPacket['issue']['line'];
type Latest = NonNullable<HandoffPacket['latest']>;

const issueLine = (l: Issue) => `- **Issue:** ${quote(l.text)}${cite(l.cites)}`;

const latestLine = (l: Latest) =>
  `- **Latest from the customer** (${escapeMarkdown(channelLabel(l.channel))}, ${when(l.at)}): ${quote(l.text)}${cite(l.cites)}`;

const summaryLine = (s: Summary) =>
  `${roleLabel(s.role)}: ${escapeMarkdown(s.text)}${cite(s.cites)}`;

const hopLine = (h: Hop) => {
  const gap = h.gapBeforeMs > 0 ? `after ${duration(h.gapBeforeMs)}, ` : '';
  const side = h.visibility === undefined ? '' : ` (${h.visibility})`;
  const count = h.interactions === 1 ? '' : `, ${h.interactions} contacts`;
  const reply =
    h.firstResponseMs === undefined ? '' : `, first reply in ${duration(h.firstResponseMs)}`;
  const length = h.durationMs > 0 ? `, ${duration(h.durationMs)}` : '';
  return `${gap}${when(h.startedAt)}: ${escapeMarkdown(h.label)}${side}${count}${length}${reply}${cite(h.cites)}`;
};

const factLine = (f: FactLine) =>
  `${FACT_LABELS[f.kind]}: ${escapeMarkdown(f.value)}${flags(f.verified ? 'verified' : '', f.masked ? 'masked' : '')}${cite(f.cites)}`;

const triedLine = (t: Tried) => `${roleLabel(t.author)}: ${escapeMarkdown(t.text)}${cite(t.cites)}`;

const promiseLine = (c: PromiseLine) => {
  const state = c.overdue ? '**Overdue**' : c.fulfilled ? 'Kept' : 'Open';
  const due =
    c.due !== undefined
      ? `, due ${when(c.due)}`
      : c.dueText !== undefined
        ? `, ${escapeMarkdown(c.dueText)}`
        : '';
  return `${state}: ${roleLabel(c.author)} (${escapeMarkdown(c.action)}) ${quote(c.text)}${due}${cite(c.cites)}`;
};

const questionLine = (q: Question) =>
  `${roleLabel(q.author)} asked ${quote(q.text)}${cite(q.cites)}`;

const signalLine = (s: Signal) => `${escapeMarkdown(s.text)}${cite(s.cites)}`;

const clockLine = (c: Clock) => `${escapeMarkdown(c.text)}${cite(c.cites)}`;

const verifiedLine = (v: Verified) =>
  `${v.kind}${v.value === undefined ? '' : ` ${escapeMarkdown(v.value)}`} (${v.method}) on ${escapeMarkdown(channelLabel(v.channel))}${cite(v.cites)}`;

const linkedLine = (i: Linked) =>
  `${i.kind} ${escapeMarkdown(i.value)}${i.verified ? ', verified' : ''}, linked with ${Math.floor(i.confidence * 1000) / 10}% confidence${cite(i.cites)}`;

/**
 * Lines already rendered, by the packet line they render. Fitting renders one packet again and
 * again with fewer lines; a line's text depends on the line alone, so each is rendered once.
 */
export class LineMemo {
  readonly #lines = new Map<(item: never) => string, Map<object, string>>();

  /** The rendering of `item` by `render`, computed once per item. */
  line<T extends object>(item: T, render: (item: T) => string): string {
    let byItem = this.#lines.get(render);
    if (byItem === undefined) {
      byItem = new Map();
      this.#lines.set(render, byItem);
    }
    let text = byItem.get(item);
    if (text === undefined) {
      text = render(item);
      byItem.set(item, text);
    }
    return text;
  }
}

function line<T extends object>(
  item: T,
  render: (item: T) => string,
  memo: LineMemo | undefined,
): string {
  return memo === undefined ? render(item) : memo.line(item, render);
}

function linesOf<T extends object>(
  items: readonly T[],
  render: (item: T) => string,
  memo: LineMemo | undefined,
): string[] {
  const out: string[] = [];
  for (const item of items) out.push(line(item, render, memo));
  return out;
}

/**
 * Renders a packet as Markdown, ending with a newline. Does not fit it; see `renderHandoff`.
 * `memo` keeps rendered lines for the next rendering of the same lines.
 */
export function markdownOf(p: HandoffPacket, memo?: LineMemo): string {
  const out: string[] = [];
  const section = <T extends object>(
    title: string,
    items: readonly T[],
    render: (item: T) => string,
  ) => {
    if (items.length === 0) return;
    out.push('', `#### ${title}`);
    for (const text of linesOf(items, render, memo)) out.push(`- ${text}`);
  };
  const to = `${escapeMarkdown(p.to.label)}${p.to.visibility === 'public' ? ' (public reply)' : ''}`;
  out.push(`### Handoff to ${to}, for the ${p.reader}`);
  out.push(`- **Who:** ${escapeMarkdown(p.who.line)}${cite(p.who.cites)}`);
  out.push(line(p.issue.line, issueLine, memo));
  if (p.latest !== undefined) out.push(line(p.latest, latestLine, memo));
  if (p.abstract !== undefined) {
    out.push(`- **Summary** (generated): ${escapeMarkdown(p.abstract.text)}`);
  }
  section('What happened', p.issue.summary, summaryLine);
  section('Timeline', p.timeline, hopLine);
  section('Facts already given', p.facts, factLine);
  section('Tried', p.tried, triedLine);
  section('Promised', p.promised, promiseLine);
  section('Open questions', p.openQuestions, questionLine);
  section('Signals', p.signals, signalLine);
  if (p.serviceClock !== undefined) {
    section('Service clock', [p.serviceClock], clockLine);
  }
  section('Verified', p.who.verified, verifiedLine);
  section('Linked identifiers', p.who.identifiers, linkedLine);
  const steps = p.who.identity?.steps;
  if (steps !== undefined && steps.length > 0) {
    out.push('', '#### Evidence');
    out.push(
      `- ${steps
        .map(
          (s) =>
            `${escapeMarkdown(s.name)}${s.label === undefined ? '' : ` (${escapeMarkdown(s.label)})`} ${signed(s.weight)}`,
        )
        .join('; ')}`,
    );
  }
  const omitted = omittedText(p);
  const redacted = redactedText(p);
  if (omitted !== '' || redacted !== '') out.push('');
  if (omitted !== '') out.push(`_Left out for length: ${omitted}._`);
  if (redacted !== '') out.push(`_Redacted for this reader and channel: ${redacted}._`);
  return `${out.join('\n')}\n`;
}

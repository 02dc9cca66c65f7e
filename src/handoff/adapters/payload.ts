// What every adapter shares: sizes in UTF-8 bytes, fitting a packet to a platform's limit, and
// the packet's lines as flat strings for platforms that take only string key-values.
import { err, ok, type Result } from '../../core/result.js';
import { fitPacket } from '../fit/fit.js';
import type { HandoffFormat, HandoffPacket } from '../packet/schema.js';
import { when } from '../packet/text.js';
import { FACT_LABELS, omittedText, redactedText, roleLabel } from '../render/labels.js';

/** The length of a text in UTF-8 bytes, as platforms count their limits. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Fits a packet so that the payload made from it stays within `maxBytes`, dropping the least
 * important lines first; fails when even the required lines do not fit.
 */
export function fitPayload<T>(
  packet: HandoffPacket,
  make: (packet: HandoffPacket) => T,
  size: (payload: T) => number,
  maxBytes: number,
  platform: string,
  format: HandoffFormat,
): Result<T> {
  const fitted = fitPacket(packet, {
    size: (p) => size(make(p)),
    limit: maxBytes,
    unit: 'bytes',
    reportedLimit: maxBytes,
    format,
  });
  if (!fitted.ok) {
    return err([
      {
        code: 'too_large',
        path: [],
        message: `${platform} takes at most ${maxBytes} bytes; the identity line, the issue line and the latest message alone need ${fitted.smallest}`,
      },
    ]);
  }
  return ok(make(fitted.packet));
}

const cited = (text: string, cites: readonly string[]) =>
  cites.length === 0 ? text : `${text} [${cites.join(', ')}]`;

const joined = (items: readonly string[]) => items.join(' | ');

/**
 * The packet as flat string key-values, one per section, each line followed by the interactions
 * it came from in brackets and lines joined by ` | `. Empty sections are left out.
 */
export function flatAttributes(p: HandoffPacket, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (value !== '') out[`${prefix}${key}`] = value;
  };
  put('version', String(p.version));
  put('journey_id', p.journeyId);
  put('status', p.status);
  put('built_at', p.builtAt);
  put('to', `${p.to.channel}${p.to.visibility === 'public' ? ' (public)' : ''}`);
  put('reader', p.reader);
  put('customer_id', p.who.customerId ?? '');
  put('who', cited(p.who.line, p.who.cites));
  put('issue', cited(p.issue.line.text, p.issue.line.cites));
  if (p.latest !== undefined) {
    put(
      'latest',
      cited(`${p.latest.text} (${p.latest.channel}, ${when(p.latest.at)})`, p.latest.cites),
    );
  }
  put('abstract', p.abstract?.text ?? '');
  put(
    'summary',
    joined(p.issue.summary.map((s) => cited(`${roleLabel(s.role)}: ${s.text}`, s.cites))),
  );
  put('timeline', joined(p.timeline.map((h) => cited(`${when(h.startedAt)} ${h.label}`, h.cites))));
  put(
    'facts',
    joined(
      p.facts.map((f) =>
        cited(`${FACT_LABELS[f.kind]}: ${f.value}${f.verified ? ' (verified)' : ''}`, f.cites),
      ),
    ),
  );
  put('tried', joined(p.tried.map((t) => cited(`${roleLabel(t.author)}: ${t.text}`, t.cites))));
  put(
    'promised',
    joined(
      p.promised.map((c) =>
        cited(
          `${c.overdue ? 'OVERDUE ' : c.fulfilled ? 'kept ' : ''}${roleLabel(c.author)}: ${c.text}${c.due === undefined ? '' : ` (due ${when(c.due)})`}`,
          c.cites,
        ),
      ),
    ),
  );
  put(
    'open_questions',
    joined(p.openQuestions.map((q) => cited(`${roleLabel(q.author)}: ${q.text}`, q.cites))),
  );
  put('signals', joined(p.signals.map((s) => cited(s.text, s.cites))));
  if (p.serviceClock !== undefined)
    put('service_clock', cited(p.serviceClock.text, p.serviceClock.cites));
  put(
    'verified',
    joined(
      p.who.verified.map((v) =>
        cited(`${v.kind} ${v.value ?? ''} (${v.method}) on ${v.channel}`, v.cites),
      ),
    ),
  );
  put('identifiers', joined(p.who.identifiers.map((i) => cited(`${i.kind} ${i.value}`, i.cites))));
  put('omitted', omittedText(p));
  put('redacted', redactedText(p));
  return out;
}

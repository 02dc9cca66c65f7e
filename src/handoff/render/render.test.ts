import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { buildHandoff } from '../packet/build.js';
import { HandoffPacketSchema } from '../packet/schema.js';
import { interactions, journeyOf } from '../packet/test-helpers.js';
import { escapeMarkdown } from './markdown.js';
import { fitHandoff, renderHandoff } from './render.js';

const story = interactions(
  {
    id: 'chat_1',
    channel: 'chat',
    startedAt: '2026-03-01T09:00:00Z',
    messages: [
      {
        author: 'customer',
        text: 'My *new* phone [broken](http://evil.example) <script>alert(1)</script> arrived cracked.',
        at: '2026-03-01T09:00:00Z',
      },
      { author: 'agent', text: "We'll send a replacement tomorrow.", at: '2026-03-01T09:02:00Z' },
      { author: 'customer', text: 'Will it be the same colour?', at: '2026-03-01T09:03:00Z' },
    ],
  },
  {
    id: 'call-2',
    channel: 'phone',
    startedAt: '2026-03-03T15:00:00Z',
    messages: [{ author: 'customer', text: 'Still no replacement.', at: '2026-03-03T15:00:00Z' }],
  },
);
const packet = buildHandoff(
  { journey: journeyOf(story), interactions: story },
  { to: 'phone', now: '2026-03-03T15:01:00Z', format: 'markdown', budget: { chars: 4000 } },
);

describe('renderHandoff', () => {
  it('renders Markdown with the required lines first and citations in brackets', () => {
    const lines = renderHandoff(packet).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '### Handoff to Phone, for the agent',
      '- **Who:** Name not given · not resolved to a customer · not verified in this journey [call-2]',
      // The summariser drops the link; the escapes keep the rest from becoming markup.
      '- **Issue:** “My \\*new\\* phone \\[broken\\]( \\<script\\>alert(1)\\</script\\> arrived cracked.” [chat\\_1]',
      '- **Latest from the customer** (Phone, 2026-03-03 15:00 UTC): “Still no replacement.” [call-2]',
    ]);
    expect(lines).toContain(
      "- **Overdue**: Agent (replace) “We'll send a replacement tomorrow.”, due 2026-03-02 23:59 UTC [chat\\_1]",
    );
  });

  it('escapes every Markdown character a customer could use to inject markup', () => {
    expect(escapeMarkdown('a_b*c`d[e]f<g>h~i\\j')).toBe('a\\_b\\*c\\`d\\[e\\]f\\<g\\>h\\~i\\\\j');
  });

  it('renders short plain text without markup or citations', () => {
    const text = renderHandoff(packet, { format: 'text' });
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Handoff to Phone for the agent',
      'Name not given · not resolved to a customer · not verified in this journey',
      'Issue: My *new* phone [broken]( <script>alert(1)</script> arrived cracked.',
      'Latest (Phone): Still no replacement.',
      "OVERDUE: We'll send a replacement tomorrow",
    ]);
    expect(text).not.toContain('[chat_1]');
  });

  it('renders JSON that reads back as the same packet', () => {
    const json = renderHandoff(packet, { format: 'json', budget: { chars: 100_000 } });
    expect(HandoffPacketSchema.parse(JSON.parse(json))).toEqual({
      ...packet,
      fit: { ...packet.fit, format: 'json', limit: 100_000 },
    });
  });

  it('fits other formats and budgets on its own, and leaves its own untouched', () => {
    expect(fitHandoff(packet)).toEqual(packet);
    const sms = fitHandoff(packet, { format: 'text', budget: { chars: 160 } });
    expect(
      renderHandoff(packet, { format: 'text', budget: { chars: 160 } }).length,
    ).toBeLessThanOrEqual(160);
    expect(sms.fit).toMatchObject({ unit: 'chars', limit: 160, format: 'text' });
    expect(sms.fit.omitted.length).toBeGreaterThan(0);
    const tokens = renderHandoff(packet, { format: 'markdown', budget: { tokens: 200 } });
    expect(tokens).toContain('**Issue:**');
  });

  it('refuses bad options and budgets too small for the required lines', () => {
    expect(() => renderHandoff(packet, { format: 'pdf' } as never)).toThrow(ThreadlineError);
    try {
      renderHandoff(packet, { format: 'json', budget: { chars: 100 } });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ThreadlineError);
      expect((e as ThreadlineError).issues[0]?.code).toBe('budget_too_small');
    }
  });
});

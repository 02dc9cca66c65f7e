import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { renderHandoff } from '../render/render.js';
import { buildHandoff } from './build.js';
import type { HandoffOptions } from './options.js';
import type { HandoffPacket } from './schema.js';
import { buildHandoffWithSummary } from './summarizer.js';
import { interactions, journeyOf } from './test-helpers.js';

const story = interactions({
  id: 'chat-1',
  channel: 'chat',
  startedAt: '2026-03-01T09:00:00Z',
  identifiers: [{ kind: 'email', value: 'noor.haddad@example.org' }],
  messages: [
    { author: 'customer', text: 'My parcel 1Z999 never arrived and I need it for Friday.' },
    { author: 'agent', text: "I've opened a claim with the courier." },
  ],
});
const input = { journey: journeyOf(story), interactions: story };
const options: HandoffOptions = {
  to: 'phone',
  now: '2026-03-01T10:00:00Z',
  format: 'text',
  budget: { chars: 1000 },
};
const plain = buildHandoff(input, options);
const withoutAbstract = ({ abstract: _, ...rest }: HandoffPacket) => rest;

describe('buildHandoffWithSummary', () => {
  it('adds the summary, grounded on the packet, without touching the deterministic fields', async () => {
    let grounding: HandoffPacket | undefined;
    const result = await buildHandoffWithSummary(input, {
      ...options,
      summarizer: async (packet) => {
        grounding = packet;
        return 'Parcel 1Z999 lost in transit; claim opened; customer needs it by Friday.';
      },
    });
    expect(grounding).toEqual(plain);
    expect(result.summarizer).toEqual({ status: 'used', truncated: false });
    expect(result.packet.abstract).toEqual({
      text: 'Parcel 1Z999 lost in transit; claim opened; customer needs it by Friday.',
      source: 'summarizer',
    });
    expect(withoutAbstract(result.packet)).toEqual(plain);
    expect(renderHandoff(result.packet).length).toBeLessThanOrEqual(1000);
  });

  it('redacts what the summarizer says and cuts it to the room left', async () => {
    const result = await buildHandoffWithSummary(input, {
      ...options,
      summarizer: async () =>
        `Write to noor.haddad@example.org. ${'More detail follows. '.repeat(60)}`,
    });
    expect(result.summarizer).toEqual({ status: 'used', truncated: true });
    expect(result.packet.abstract?.text).toMatch(/^Write to n\*\*\*@e\*\*\*\.org\. More detail/);
    expect(result.packet.abstract?.text.endsWith('…')).toBe(true);
    expect(renderHandoff(result.packet).length).toBeLessThanOrEqual(1000);
  });

  it('falls back to the deterministic packet when the summarizer fails', async () => {
    const failing = await buildHandoffWithSummary(input, {
      ...options,
      summarizer: async () => {
        throw new Error('model overloaded');
      },
    });
    expect(failing).toEqual({
      packet: plain,
      summarizer: { status: 'failed', truncated: false, message: 'model overloaded' },
    });
    const odd = await buildHandoffWithSummary(input, {
      ...options,
      summarizer: (async () => 42) as unknown as () => Promise<string>,
    });
    expect(odd.summarizer.status).toBe('failed');
    const empty = await buildHandoffWithSummary(input, {
      ...options,
      summarizer: async () => '  \n ',
    });
    expect(empty).toEqual({ packet: plain, summarizer: { status: 'empty', truncated: false } });
  });

  it('gives up after the timeout and aborts the summarizer', async () => {
    let aborted = false;
    const result = await buildHandoffWithSummary(input, {
      ...options,
      timeoutMs: 5,
      summarizer: (_packet, { signal }) =>
        new Promise<string>(() => {
          signal.addEventListener('abort', () => {
            aborted = true;
          });
        }),
    });
    expect(result.summarizer.status).toBe('timed_out');
    expect(result.packet).toEqual(plain);
    expect(aborted).toBe(true);
  });

  it('does not call the summarizer when the budget has no room left', async () => {
    const size = renderHandoff(plain).length;
    let called = false;
    const result = await buildHandoffWithSummary(input, {
      ...options,
      budget: { chars: size + 5 },
      summarizer: async () => {
        called = true;
        return 'never used';
      },
    });
    expect(called).toBe(false);
    expect(result.summarizer.status).toBe('no_room');
  });

  it('refuses a missing summarizer', async () => {
    await expect(
      buildHandoffWithSummary(input, { ...options } as Parameters<
        typeof buildHandoffWithSummary
      >[1]),
    ).rejects.toThrow(ThreadlineError);
  });
});

import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { generateInteractions } from '../../testing/interactions/index.js';
import { buildHandoff } from '../packet/build.js';
import { HandoffPacketSchema } from '../packet/schema.js';
import { journeyOf } from '../packet/test-helpers.js';
import { toBotFrameworkHandoff } from './bot-framework.js';
import { toConnectAttributes } from './connect.js';
import { utf8Length } from './payload.js';
import { toSunshinePassControl } from './sunshine.js';
import { toTwilioTaskAttributes } from './twilio.js';

// A long journey of one made-up person, built with room to spare, so that every adapter has to
// cut it down to its platform's limit.
const story = [...generateInteractions({ people: 1, interactionsPerPerson: 200, seed: 11 })]
  .map((g) => g.interaction)
  .slice(0, 150);
const now = story[story.length - 1]?.startedAt ?? '2026-06-01T00:00:00Z';
const packet = buildHandoff(
  { journey: journeyOf(story), interactions: story },
  { to: 'chat', now, budget: { chars: 1_000_000 } },
);
const bytes = (value: unknown) => utf8Length(JSON.stringify(value));

describe('utf8Length', () => {
  it('counts bytes as UTF-8 encodes them, lone surrogates included', () => {
    for (const text of ['', 'abc', 'café', '猫', '😺', 'a\ud800b', '\udc00']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('adapters', () => {
  it('starts from a packet too big for any of them', () => {
    expect(bytes(packet)).toBeGreaterThan(30_000);
  });

  it('makes Sunshine passControl metadata: flat strings within 4 KB', () => {
    const body = toSunshinePassControl(packet, { switchboardIntegration: 'zd-agentWorkspace' });
    if (!body.ok) throw new Error(body.issues[0]?.message);
    expect(body.value.switchboardIntegration).toBe('zd-agentWorkspace');
    expect(bytes(body.value.metadata)).toBeLessThanOrEqual(4096);
    for (const [key, value] of Object.entries(body.value.metadata)) {
      expect(key).toMatch(/^threadline_[a-z_]+$/);
      expect(typeof value).toBe('string');
    }
    expect(body.value.metadata.threadline_issue).toBe(
      `${packet.issue.line.text} [${packet.issue.line.cites.join(', ')}]`,
    );
    expect(body.value.metadata.threadline_omitted).toMatch(/\d+ timeline hops/);
  });

  it('makes Amazon Connect attributes within 32 KB with keys Connect accepts', () => {
    const payload = toConnectAttributes(packet, { prefix: 'handoff_' });
    if (!payload.ok) throw new Error(payload.issues[0]?.message);
    let total = 0;
    for (const [key, value] of Object.entries(payload.value.Attributes)) {
      expect(key).toMatch(/^handoff_[A-Za-z0-9_-]+$/);
      total += utf8Length(key) + utf8Length(value);
    }
    expect(total).toBeLessThanOrEqual(32_768);
    expect(total).toBeGreaterThan(8_000);
  });

  it('makes Twilio task attributes holding a valid packet within 16 KB', () => {
    const attributes = toTwilioTaskAttributes(packet);
    if (!attributes.ok) throw new Error(attributes.issues[0]?.message);
    expect(bytes(attributes.value)).toBeLessThanOrEqual(16_384);
    const inner = HandoffPacketSchema.parse(attributes.value.threadline);
    expect(inner.fit).toMatchObject({ unit: 'bytes', limit: 16_384, format: 'json' });
    expect(inner.issue.line).toEqual(packet.issue.line);
  });

  it('makes a Bot Framework handoff.initiate event with a transcript of redacted quotes', () => {
    const event = toBotFrameworkHandoff(packet, { maxBytes: 28_000 });
    if (!event.ok) throw new Error(event.issues[0]?.message);
    const { value } = event;
    expect(value).toMatchObject({
      type: 'event',
      name: 'handoff.initiate',
      timestamp: packet.builtAt,
    });
    expect(bytes(value)).toBeLessThanOrEqual(28_000);
    const [attachment] = value.attachments;
    expect(attachment).toMatchObject({ name: 'Transcript', contentType: 'application/json' });
    const activities = attachment.content.activities;
    expect(activities[0]).toEqual({
      type: 'message',
      from: { role: 'user' },
      text: packet.issue.line.text,
    });
    expect(activities[activities.length - 1]).toMatchObject({
      from: { role: 'user' },
      text: packet.latest?.text,
    });
  });

  it('says so when even the required lines exceed a limit', () => {
    const tiny = toSunshinePassControl(packet, { maxBytes: 200 });
    expect(tiny.ok).toBe(false);
    if (!tiny.ok) {
      expect(tiny.issues[0]).toMatchObject({ code: 'too_large' });
      expect(tiny.issues[0]?.message).toMatch(/at most 200 bytes/);
    }
  });

  it('refuses bad options', () => {
    expect(() => toTwilioTaskAttributes(packet, { maxBytes: -1 })).toThrow(ThreadlineError);
    expect(() => toConnectAttributes(packet, { prefix: 'bad prefix' })).toThrow(/prefix/);
  });
});

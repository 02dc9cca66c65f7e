import { describe, expect, it } from 'vitest';
import type { InteractionId } from '../../model/ids.js';
import { Ledger } from './ledger.js';
import type { FactCitation } from './schema.js';

const cite = (
  interaction: string,
  place: { messageIndex?: number; start?: number },
  verified = false,
  at = '2026-03-01T09:00:00Z',
): FactCitation => ({
  interactionId: interaction as InteractionId,
  at,
  ...place,
  evidence: place.messageIndex === undefined ? 'identifier' : 'shape',
  verified,
  text: '+13102461501',
});

describe('Ledger', () => {
  it('cites one place once, and lets a verified reading replace a claimed one', () => {
    const ledger = new Ledger();
    ledger.add('phone', '+13102461501', cite('chat-1', {}), 1);
    ledger.add('phone', '+13102461501', cite('chat-1', {}, true), 1);
    ledger.add('phone', '+13102461501', cite('chat-1', { messageIndex: 0, start: 4 }), 2);
    ledger.add('phone', '+13102461501', cite('chat-1', { messageIndex: 0, start: 4 }), 2);
    ledger.add('phone', '+13102461501', cite('chat-1', { messageIndex: 0, start: 9 }), 2);
    ledger.add('phone', '+13102461501', cite('chat-1', { messageIndex: 1, start: 4 }), 3);
    ledger.add('phone', '+13102461501', cite('sms-2', { messageIndex: 0, start: 4 }), 4);
    const [fact] = ledger.facts();
    expect(fact?.verified).toBe(true);
    expect(
      fact?.citations.map((c) => [c.interactionId, c.messageIndex, c.start, c.verified]),
    ).toEqual([
      ['chat-1', undefined, undefined, true],
      ['chat-1', 0, 4, false],
      ['chat-1', 0, 9, false],
      ['chat-1', 1, 4, false],
      ['sms-2', 0, 4, false],
    ]);
  });

  it('keeps one fact per kind and value, oldest first, each with its sightings in time order', () => {
    const ledger = new Ledger();
    ledger.add('order_id', 'A55123', cite('b', {}, false, '2026-03-02T00:00:00Z'), 20);
    ledger.add('phone', '+13102461501', cite('a', {}), 10);
    ledger.add('order_id', 'A55123', cite('a', {}, false, '2026-03-01T00:00:00Z'), 10);
    ledger.add('reference', 'A55123', cite('c', {}), 30);
    const facts = ledger.facts();
    expect(facts.map((f) => `${f.kind}:${f.normalized}`)).toEqual([
      'order_id:A55123',
      'phone:+13102461501',
      'reference:A55123',
    ]);
    expect(facts[0]?.citations.map((c) => c.interactionId)).toEqual(['a', 'b']);
    expect(facts[0]?.firstSeen).toBe('2026-03-01T00:00:00Z');
    expect(facts[0]?.lastSeen).toBe('2026-03-02T00:00:00Z');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierArbitrary } from '../../testing/arbitraries.js';
import { identifierKey } from './identifier.js';

describe('identifierKey', () => {
  it('is deterministic and prefixes the kind', () => {
    fc.assert(
      fc.property(identifierArbitrary(), (identifier) => {
        const a = identifierKey(identifier, { region: 'US' });
        expect(identifierKey(structuredClone(identifier), { region: 'US' })).toEqual(a);
        expect(
          a.key.startsWith(`${identifier.kind === 'scoped_id' ? 'scoped' : identifier.kind}:`),
        ).toBe(true);
      }),
    );
  });

  it('gives variants of one identifier one key', () => {
    const same = (a: Parameters<typeof identifierKey>[0], b: Parameters<typeof identifierKey>[0]) =>
      expect(identifierKey(a, { region: 'US' }).key).toBe(identifierKey(b, { region: 'US' }).key);
    same(
      { kind: 'email', value: '"Ana Souza" <ANA@Example.com>' },
      { kind: 'email', value: 'ana@example.com' },
    );
    same({ kind: 'phone', value: '310/246-1501' }, { kind: 'phone', value: '+1 (310) 246-1501' });
    same(
      { kind: 'phone', value: '020 7946 0958', region: 'GB' },
      { kind: 'phone', value: '+44 (0)20 7946 0958' },
    );
    same(
      { kind: 'social', platform: 'twitter', handle: '@Ana_Souza' },
      { kind: 'social', platform: 'x', handle: 'https://x.com/ana_souza' },
    );
    same(
      { kind: 'account', namespace: 'Shopify', value: ' 7781 ' },
      { kind: 'account', namespace: 'shopify', value: '7781' },
    );
  });

  it('keeps provider rules as separate mailbox evidence', () => {
    const k = identifierKey({ kind: 'email', value: 'Ana.Souza+shop@googlemail.com' });
    expect(k.key).toBe('email:ana.souza+shop@googlemail.com');
    expect(k.mailbox).toBe('email:anasouza@gmail.com');
  });

  it('scopes page-scoped ids to their page', () => {
    const a = identifierKey({
      kind: 'scoped_id',
      platform: 'messenger',
      scope: 'page:1',
      id: '42',
    });
    const b = identifierKey({
      kind: 'scoped_id',
      platform: 'messenger',
      scope: 'page:2',
      id: '42',
    });
    expect(a.key).not.toBe(b.key);
  });

  it('flags what cannot be matched, and shared mailboxes', () => {
    expect(identifierKey({ kind: 'phone', value: '0000000000' }, { region: 'US' }).matchable).toBe(
      false,
    );
    expect(identifierKey({ kind: 'email', value: 'test@test.com' }).matchable).toBe(false);
    expect(identifierKey({ kind: 'email', value: 'support@shop.example' }).role).toBe(true);
  });
});

describe('regions the numbering plan does not know', () => {
  it('reads the number as if no region were given, without throwing', () => {
    const key = identifierKey({ kind: 'phone', value: '+44 20 7946 0018', region: 'ZZ' as never });
    expect(key.key).toBe('phone:+442079460018');
    expect(
      identifierKey({ kind: 'phone', value: '020 7946 0018', region: 'ZZ' as never }).matchable,
    ).toBe(false);
  });
});

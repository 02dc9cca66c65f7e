import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from './fold.js';
import { areNicknameVariants, NICKNAME_ROOTS, nicknameRoots } from './nicknames.js';

const known = fc.constantFrom(...NICKNAME_ROOTS.keys());
const letters = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéñöłßАбв'),
  minLength: 1,
  maxLength: 10,
});
const anyName = fc.oneof(
  known,
  letters,
  fc.string({ unit: 'binary', maxLength: 20 }),
  known.map((n) => n.toUpperCase()),
);

describe('nicknameRoots: examples', () => {
  it('maps English nicknames to their formal names', () => {
    expect(nicknameRoots('Bob')).toEqual(['bob', 'robert']);
    expect(nicknameRoots('Bobby')).toContain('robert');
    expect(nicknameRoots('Liz')).toContain('elizabeth');
    expect(nicknameRoots('Peggy')).toEqual(['margaret', 'peggy']);
    expect(nicknameRoots('Jack')).toContain('john');
    expect(nicknameRoots('Dick')).toContain('richard');
    expect(nicknameRoots('Tony')).toContain('anthony');
  });

  it('maps a nickname to every formal name it may stand for', () => {
    expect(nicknameRoots('Sasha')).toEqual(['alexander', 'alexandra', 'sasha']);
    expect(nicknameRoots('Kate')).toEqual(expect.arrayContaining(['catherine', 'kate']));
    expect(nicknameRoots('Al')).toEqual(expect.arrayContaining(['albert', 'alan', 'alfred']));
  });

  it('knows Spanish, Portuguese, Italian, German, French, Russian and Polish forms', () => {
    expect(nicknameRoots('Pepe')).toContain('jose');
    expect(nicknameRoots('Paco')).toContain('francisco');
    expect(nicknameRoots('Pancho')).toContain('francisco');
    expect(nicknameRoots('Chema')).toEqual(['chema', 'jose maria']);
    expect(nicknameRoots('Lola')).toContain('dolores');
    expect(nicknameRoots('Zé')).toContain('jose');
    expect(nicknameRoots('Beppe')).toContain('giuseppe');
    expect(nicknameRoots('Hansi')).toContain('johannes');
    expect(nicknameRoots('Sepp')).toContain('josef');
    expect(nicknameRoots('Misha')).toContain('mikhail');
    expect(nicknameRoots('Dima')).toContain('dmitri');
    expect(nicknameRoots('Миша')).toContain('михаил');
    expect(nicknameRoots('Gosia')).toContain('malgorzata');
    expect(nicknameRoots('Babette')).toContain('elisabeth');
  });

  it('follows chains of variants to the formal name', () => {
    expect(nicknameRoots('Tere')).toEqual(['tere', 'teresa', 'theresa']);
    expect(nicknameRoots('Liesel')).toEqual(['elisabeth', 'elizabeth', 'liesel']);
  });

  it('folds and cleans the input before looking it up', () => {
    expect(nicknameRoots('  JOSÉ  MARÍA ')).toEqual(nicknameRoots('jose maria'));
    expect(nicknameRoots('Jean-Paul')).toEqual(['jean paul']);
    expect(nicknameRoots('Zebulon')).toEqual(['zebulon']);
    expect(nicknameRoots('')).toEqual([]);
    expect(nicknameRoots('123 !!')).toEqual([]);
  });
});

describe('areNicknameVariants: examples', () => {
  it('pairs nicknames with formal names and with each other', () => {
    const pairs: [string, string][] = [
      ['Bob', 'Robert'],
      ['Bob', 'Rob'],
      ['Robbie', 'Bobby'],
      ['Bill', 'Liam'],
      ['Will', 'William'],
      ['Liz', 'Beth'],
      ['Betty', 'Elizabeth'],
      ['Peggy', 'Maggie'],
      ['Kate', 'Katherine'],
      ['Cathy', 'Catherine'],
      ['Katherine', 'Catherine'],
      ['Jack', 'Johnny'],
      ['Dick', 'Rick'],
      ['Sasha', 'Alexandra'],
      ['Sasha', 'Alex'],
      ['Pepe', 'José'],
      ['Paco', 'Pancho'],
      ['Chema', 'José María'],
      ['Lola', 'Dolores'],
      ['Beppe', 'Giuseppe'],
      ['Hans', 'Johannes'],
      ['Sepp', 'Joseph'],
      ['Misha', 'Mikhail'],
      ['Dima', 'Dmitry'],
      ['Саша', 'Александр'],
      ['Алёша', 'Алексей'],
      ['Mohammed', 'Muhammad'],
      ['Md', 'Mohamed'],
      ['JOSÉ', 'jose'],
    ];
    for (const [a, b] of pairs) expect(areNicknameVariants(a, b), `${a} ~ ${b}`).toBe(true);
  });

  it('keeps unrelated names apart', () => {
    const pairs: [string, string][] = [
      ['Robert', 'Roberta'],
      ['Alexander', 'Alexandra'],
      ['John', 'Joseph'],
      ['Jack', 'Jacob'],
      ['Bob', 'Bill'],
      ['Maria', 'Mary'],
      ['', ''],
      ['!!', '!!'],
    ];
    for (const [a, b] of pairs) expect(areNicknameVariants(a, b), `${a} ~ ${b}`).toBe(false);
  });
});

describe('nickname table', () => {
  it('is large enough to matter', () => {
    expect(NICKNAME_ROOTS.size).toBeGreaterThan(1000);
    let variants = 0;
    for (const [name, roots] of NICKNAME_ROOTS) if (roots.some((r) => r !== name)) variants++;
    expect(variants).toBeGreaterThan(700);
  });

  it('is keyed by folded names whose roots are folded, sorted, unique and include the name', () => {
    for (const [name, roots] of NICKNAME_ROOTS) {
      expect(foldName(name)).toBe(name);
      expect(roots).toContain(name);
      expect([...roots].sort()).toEqual(roots);
      expect(new Set(roots).size).toBe(roots.length);
      for (const root of roots) expect(foldName(root)).toBe(root);
      expect(Object.isFrozen(roots)).toBe(true);
    }
  });
});

describe('nicknames: laws', () => {
  it('nicknameRoots is total, sorted, unique, folded and contains the name', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const roots = nicknameRoots(name);
        expect([...roots].sort()).toEqual([...roots]);
        expect(new Set(roots).size).toBe(roots.length);
        for (const root of roots) {
          expect(foldName(root)).toBe(root);
          expect(nicknameRoots(root)).toContain(root);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('nicknameRoots is case- and diacritic-insensitive', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(nicknameRoots(name.toUpperCase())).toEqual(nicknameRoots(name.toLowerCase()));
        expect(nicknameRoots(name.normalize('NFD'))).toEqual(nicknameRoots(name));
      }),
    );
  });

  it('areNicknameVariants is symmetric', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(areNicknameVariants(a, b)).toBe(areNicknameVariants(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  it('areNicknameVariants is reflexive for names with letters', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(areNicknameVariants(name, name)).toBe(nicknameRoots(name).length > 0);
      }),
    );
  });

  it('a nickname is a variant of each of its roots', () => {
    fc.assert(
      fc.property(known, (name) => {
        for (const root of nicknameRoots(name)) expect(areNicknameVariants(name, root)).toBe(true);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(nicknameRoots(a)).toEqual(nicknameRoots(a));
        expect(areNicknameVariants(a, b)).toBe(areNicknameVariants(a, b));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { foldName } from './fold.js';
import {
  FAMILY_PARTICLES,
  HONORIFICS,
  MAIDEN_MARKERS,
  PLACEHOLDER_WORDS,
  SUFFIXES,
  TITLE_CONNECTORS,
} from './lexicon.js';
import { type NameOptions, type NormalizedNameResult, normalizeName } from './name.js';

// ---------------------------------------------------------------------------------------------
// Arbitraries

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
);

// Text made of the characters the parser treats specially, so that odd combinations of titles,
// commas, dots, brackets and particles come up often.
const trickyText = fc
  .array(
    fc.constantFrom(
      'Dr',
      'Mr',
      'Sr',
      'Jr',
      'III',
      'PhD',
      'and',
      'van',
      'de',
      'la',
      'née',
      'Ana',
      'J',
      'O',
      "'",
      'Brien',
      'Guest',
      '-',
      '.',
      ',',
      ' ',
      '(',
      ')',
      '"',
      '«',
      '3rd',
      '가',
      '\u1100',
      '\u1161',
      'Ŀ',
      '·',
      'ß',
      'Σ',
      '\u0301',
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(''));

const options = fc.constantFrom<NameOptions | undefined>(
  undefined,
  { order: 'given-first' },
  { order: 'family-first' },
);

// Plain given names: none is a title, suffix, particle or placeholder word.
const GIVEN = [
  'Ana',
  'María',
  'José',
  'John',
  'Zoë',
  'Jean-Paul',
  'Élodie',
  'Søren',
  'Łukasz',
  'Siobhán',
  'Björn',
  'Alexa-Rose',
  'Mohammed',
  'Иван',
  'Γιώργος',
] as const;
const FAMILY = [
  'Souza',
  'van der Berg',
  'de la Cruz',
  "O'Brien",
  'Meddings-Blaskett',
  'García',
  'Müller',
  'da Silva',
  'Nguyễn',
  'al-Rashid',
  'bin Ismail',
  'St. John',
  'van Keulen',
  'Đorđević',
  'Петров',
] as const;
const HONORIFIC = [
  'Mr',
  'Mrs.',
  'Dr.',
  'Prof',
  'Sra.',
  'Herr',
  'Mme',
  'Sir',
  'Mr. and Mrs.',
  'Rev.',
];
const SUFFIX = ['Jr.', 'Sr', 'III', 'PhD', 'Esq.', 'M.D.'];
const MIDDLE = ['Maria', 'Luise', 'J.', 'K', 'Anne-Marie', 'Tomás'];

interface Person {
  readonly given: string;
  readonly middle: readonly string[];
  readonly family: string;
  readonly honorific?: string;
  readonly suffix?: string;
}

const person: fc.Arbitrary<Person> = fc
  .record(
    {
      given: fc.constantFrom(...GIVEN),
      middle: fc.array(fc.constantFrom(...MIDDLE), { maxLength: 2 }),
      family: fc.constantFrom(...FAMILY),
      honorific: fc.constantFrom(...HONORIFIC),
      suffix: fc.constantFrom(...SUFFIX),
    },
    { requiredKeys: ['given', 'middle', 'family'] },
  )
  .map((p) => p);

const caseChange = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.toLowerCase(),
);
const spacing = fc.constantFrom(
  (s: string) => s,
  (s: string) => `  ${s.replaceAll(' ', '   ')} `,
  (s: string) => s.replaceAll(' ', '\u00A0'),
  (s: string) => `\u200E${s}\u200F`,
);

type Layout = 'given-first' | 'comma' | 'comma-suffix-segment' | 'family-first';

function render(p: Person, layout: Layout): string {
  const title = p.honorific === undefined ? [] : [p.honorific];
  const suffix = p.suffix === undefined ? [] : [p.suffix];
  const givenPart = [...title, p.given, ...p.middle].join(' ');
  switch (layout) {
    case 'given-first':
      return [givenPart, p.family, ...suffix].join(' ');
    case 'comma':
      return `${[p.family, ...suffix].join(' ')}, ${givenPart}`;
    case 'comma-suffix-segment':
      return [`${p.family}, ${givenPart}`, ...suffix].join(', ');
    case 'family-first':
      return [...title, p.family, p.given, ...p.middle, ...suffix].join(' ');
  }
}

const layout = fc.constantFrom<Layout>(
  'given-first',
  'comma',
  'comma-suffix-segment',
  'family-first',
);

function optionsFor(l: Layout): NameOptions | undefined {
  return l === 'family-first' ? { order: 'family-first' } : undefined;
}

/** What the parser should read for a name word: folded, without apostrophes or dots. */
function expected(word: string): string {
  return foldName(word).replaceAll("'", '').replaceAll('.', ' ').replace(/ +/g, ' ').trim();
}

const accentedName = fc
  .array(
    fc.constantFrom(
      ['José', 'Jose'],
      ['Zoë', 'Zoe'],
      ['Müller', 'Muller'],
      ['Nguyễn', 'Nguyen'],
      ['François', 'Francois'],
      ['Dvořák', 'Dvorak'],
      ['Siobhán', 'Siobhan'],
      ['Ana', 'Ana'],
      ['de', 'de'],
      ['Dr.', 'Dr.'],
      ['Jr', 'Jr'],
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((pairs) => [pairs.map((p) => p[0]).join(' '), pairs.map((p) => p[1]).join(' ')] as const);

// ---------------------------------------------------------------------------------------------
// Examples

function parse(raw: string, opts?: NameOptions) {
  const r = normalizeName(raw, opts);
  return {
    full: r.full,
    given: r.given,
    middle: r.middle,
    family: r.family,
  };
}

describe('normalizeName: folding', () => {
  it('is case- and diacritic-insensitive', () => {
    expect(normalizeName('JOSÉ').full).toBe('jose');
    expect(normalizeName('jose').full).toBe('jose');
    expect(normalizeName('Zoë Ångström').full).toBe('zoe angstrom');
  });

  it('joins apostrophes into the word', () => {
    expect(parse("O'Brien, Pat")).toEqual({
      full: 'pat obrien',
      given: 'pat',
      middle: [],
      family: 'obrien',
    });
    expect(normalizeName('D’Angelo Russell').given).toBe('dangelo');
    expect(normalizeName('Shaquille O´Neal').family).toBe('oneal');
  });

  it('keeps a hyphenated word as one token and reports its parts', () => {
    const r = normalizeName('Alexa-Rose Meddings–Blaskett');
    expect(r.full).toBe('alexa-rose meddings-blaskett');
    expect(r.tokens).toEqual(['alexa-rose', 'meddings-blaskett']);
    expect(r.parts).toEqual(['alexa', 'rose', 'meddings', 'blaskett']);
    expect(r.familyParts).toEqual(['meddings', 'blaskett']);
    expect(r.familyJoined).toBe('meddingsblaskett');
    expect(r.initials).toBe('ar');
    expect(normalizeName('-Ana- --Souza--Lima-').full).toBe('ana souza-lima');
  });

  it('removes digits, other punctuation, emoji and invisible characters', () => {
    expect(normalizeName('J0hn   Sm1th!! 🙂').full).toBe('jhn smth');
    expect(normalizeName('Jo\u200Bhn\u00A0Smith\u200F').full).toBe('john smith');
    expect(normalizeName('Ana / Souza').full).toBe('ana souza');
  });

  it('keeps non-Latin scripts as their own tokens', () => {
    expect(parse('Иван Петров')).toEqual({
      full: 'иван петров',
      given: 'иван',
      middle: [],
      family: 'петров',
    });
    expect(normalizeName('王伟').full).toBe('王伟');
    expect(normalizeName('王伟').givenIsInitial).toBe(false);
    expect(normalizeName('Γιώργος ΠΑΠΑΔΟΠΟΥΛΟΣ').full).toBe('γιωργοσ παπαδοπουλοσ');
    expect(normalizeName('محمد علي').tokens).toEqual(['محمد', 'علي']);
    expect(normalizeName('राज कुमार').family).toBe('कुमार');
    expect(normalizeName('ジョン・スミス').tokens).toEqual(['ジョン', 'スミス']);
  });

  it('treats the Catalan middle dot as part of the word', () => {
    expect(normalizeName('Ŀuís Gal·la').full).toBe('luis galla');
  });
});

describe('normalizeName: titles and suffixes', () => {
  it('takes titles off the front and reports them', () => {
    const r = normalizeName('Prof. Dr. Hans Müller');
    expect(r.full).toBe('hans muller');
    expect(r.honorifics).toEqual(['prof', 'dr']);
    expect(normalizeName('Mr. and Mrs. John Smith').honorifics).toEqual(['mr', 'mrs']);
    expect(normalizeName('Sig.ra Maria Rossi').honorifics).toEqual(['sigra']);
    expect(normalizeName('Smith, Dr. John').given).toBe('john');
  });

  it('takes suffixes off the end and reports them in a canonical form', () => {
    expect(normalizeName('John Smith Jr.').suffixes).toEqual(['jr']);
    expect(normalizeName('John Smith Junior').suffixes).toEqual(['jr']);
    expect(normalizeName('John Smith 3rd').suffixes).toEqual(['iii']);
    expect(normalizeName('John Smith Ph.D.').suffixes).toEqual(['phd']);
    expect(normalizeName('William Gates III').full).toBe('william gates');
    expect(normalizeName('John Smith, M.D.').suffixes).toEqual(['md']);
    expect(normalizeName('John Smith Jr, PhD').suffixes).toEqual(['jr', 'phd']);
  });

  it('reads Sr by position: Señor before the name, Senior after it', () => {
    const senor = normalizeName('Sr. Juan García');
    expect(senor.honorifics).toEqual(['sr']);
    expect(senor.suffixes).toEqual([]);
    expect(senor.given).toBe('juan');
    const senior = normalizeName('Juan García Sr.');
    expect(senior.suffixes).toEqual(['sr']);
    expect(senior.honorifics).toEqual([]);
    expect(normalizeName('García Sr., Juan').suffixes).toEqual(['sr']);
    expect(normalizeName('Sra. María José de la Cruz').family).toBe('de la cruz');
  });

  it('never takes the last word for a suffix', () => {
    expect(normalizeName('Jr').full).toBe('jr');
    expect(normalizeName('Esq').given).toBe('esq');
  });

  it('does not take initials for a degree when they lead the name', () => {
    const r = normalizeName('M.D. Anderson');
    expect(r.given).toBe('m');
    expect(r.middle).toEqual(['d']);
    expect(r.suffixes).toEqual([]);
  });

  it('reads a lone word after a surname title as the family name', () => {
    expect(parse('Mr Smith')).toEqual({
      full: 'smith',
      given: undefined,
      middle: [],
      family: 'smith',
    });
    expect(normalizeName('Dr. Patel').family).toBe('patel');
    expect(parse('Sir Elton')).toEqual({
      full: 'elton',
      given: 'elton',
      middle: [],
      family: undefined,
    });
  });

  it('is empty, not an error, when only titles are left', () => {
    const r = normalizeName('Mr.');
    expect(r.empty).toBe(true);
    expect(r.matchable).toBe(false);
    expect(r.reason).toBe('only_titles');
    expect(r.honorifics).toEqual(['mr']);
  });
});

describe('normalizeName: given and family names', () => {
  it('reads a comma as family first', () => {
    expect(parse('Souza, Ana Maria')).toEqual({
      full: 'ana maria souza',
      given: 'ana',
      middle: ['maria'],
      family: 'souza',
    });
    expect(parse('Ana Maria Souza')).toEqual(parse('Souza, Ana Maria'));
    expect(parse('King, Martin Luther, Jr.')).toEqual({
      full: 'martin luther king',
      given: 'martin',
      middle: ['luther'],
      family: 'king',
    });
  });

  it('keeps particles with the family name', () => {
    expect(normalizeName('Jan van der Berg').family).toBe('van der berg');
    expect(normalizeName('Ana de la Cruz').family).toBe('de la cruz');
    expect(normalizeName('João da Silva').family).toBe('da silva');
    expect(normalizeName('Ahmad bin Ismail').family).toBe('bin ismail');
    expect(normalizeName('Omar al Rashid').family).toBe('al rashid');
    expect(normalizeName('Omar al-Rashid').familyJoined).toBe('alrashid');
    expect(normalizeName('Omar al Rashid').familyJoined).toBe('alrashid');
    expect(normalizeName('Ursula von der Leyen').family).toBe('von der leyen');
    expect(normalizeName('John St. John').family).toBe('st john');
    expect(parse('Ana Maria de la Cruz López')).toEqual({
      full: 'ana maria de la cruz lopez',
      given: 'ana',
      middle: ['maria'],
      family: 'de la cruz lopez',
    });
    expect(normalizeName('van der Berg, Jan').family).toBe('van der berg');
    expect(normalizeName("van't Hof, John").family).toBe('vant hof');
  });

  it('moves particles written after the given name to the family name', () => {
    expect(parse('Beethoven, Ludwig van')).toEqual({
      full: 'ludwig van beethoven',
      given: 'ludwig',
      middle: [],
      family: 'van beethoven',
    });
  });

  it('reads family-first sources when asked, unless there is a comma', () => {
    const opts: NameOptions = { order: 'family-first' };
    expect(parse('Wang Xiu Ying', opts)).toEqual({
      full: 'xiu ying wang',
      given: 'xiu',
      middle: ['ying'],
      family: 'wang',
    });
    expect(normalizeName('van der Berg Jan', opts).family).toBe('van der berg');
    expect(normalizeName('Kim Min-jun', opts).given).toBe('min-jun');
    expect(normalizeName('Souza, Ana', opts).family).toBe('souza');
    expect(normalizeName('Nagy', opts).given).toBe('nagy');
  });

  it('reads a single word as a given name', () => {
    expect(parse('Madonna')).toEqual({
      full: 'madonna',
      given: 'madonna',
      middle: [],
      family: undefined,
    });
  });

  it('handles initials', () => {
    for (const raw of ['J. R. R. Tolkien', 'J.R.R. Tolkien', 'J R R Tolkien']) {
      const r = normalizeName(raw);
      expect(r.full).toBe('j r r tolkien');
      expect(r.given).toBe('j');
      expect(r.middle).toEqual(['r', 'r']);
      expect(r.initials).toBe('jrr');
      expect(r.givenIsInitial).toBe(true);
    }
    const undotted = normalizeName('JRR Tolkien');
    expect(undotted.given).toBe('jrr');
    expect(undotted.initials).toBe('j');
    expect(undotted.givenIsInitial).toBe(false);
    expect(normalizeName('John Ronald Reuel Tolkien').initials).toBe('jrr');
    expect(normalizeName('Tolkien, J.R.R.').initials).toBe('jrr');
    expect(normalizeName('Ж. Петров').givenIsInitial).toBe(true);
  });

  it('sets bracketed and quoted nicknames and maiden names aside', () => {
    const bob = normalizeName('Robert "Bob" Smith');
    expect(bob.full).toBe('robert smith');
    expect(bob.aliases).toEqual(['bob']);
    expect(normalizeName('William (Bill) Gates III').aliases).toEqual(['bill']);
    expect(normalizeName('Hans „Hansi“ Müller').aliases).toEqual(['hansi']);
    const maiden = normalizeName('Maria Schmidt geb. Müller');
    expect(maiden.full).toBe('maria schmidt');
    expect(maiden.aliases).toEqual(['muller']);
    expect(normalizeName('Jane Smith née Jones').aliases).toEqual(['jones']);
    expect(normalizeName('(Ana Souza)').full).toBe('ana souza');
  });

  it('reads names from the FEBRL and Splink sample data', () => {
    expect(normalizeName('alexa-rose lowe').given).toBe('alexa-rose');
    expect(normalizeName('jayde van keulen').family).toBe('van keulen');
    expect(normalizeName('jacob di chiera').family).toBe('di chiera');
    expect(normalizeName('lachlan-john green').initials).toBe('lj');
    expect(normalizeName('Rob Allen').given).toBe('rob');
  });
});

describe('normalizeName: unusable input', () => {
  it('flags blank and letterless input', () => {
    for (const raw of ['', '   ', '\u200B\u200E', '\t\n']) {
      const r = normalizeName(raw);
      expect(r.empty).toBe(true);
      expect(r.reason).toBe('blank');
      expect(r.full).toBe('');
      expect(r.given).toBeUndefined();
    }
    for (const raw of ['123', '!!!', '🙂🙂', '---', "''"]) {
      expect(normalizeName(raw).reason).toBe('no_letters');
    }
  });

  it('flags placeholders typed into forms or given by chat widgets', () => {
    for (const raw of [
      'Guest',
      'Visitor 4821',
      'N/A',
      'n.a.',
      'Test User',
      'Unknown',
      'John Doe',
      'xxx',
    ]) {
      const r = normalizeName(raw);
      expect(r.matchable, raw).toBe(false);
      expect(r.reason, raw).toBe('placeholder');
      expect(r.empty, raw).toBe(false);
    }
    expect(normalizeName('John Guest').matchable).toBe(true);
  });

  it('rejects malformed options with invalid_options', () => {
    const bad = [{ order: 'last-first' }, { order: 'given-first', extra: 1 }, null, 'family-first'];
    for (const opts of bad) {
      try {
        normalizeName('Ana Souza', opts as unknown as NameOptions);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ThreadlineError);
        expect((e as ThreadlineError).code).toBe('invalid_options');
      }
    }
  });

  it('does not throw on non-string input from JavaScript callers', () => {
    expect(normalizeName(undefined as unknown as string).reason).toBe('blank');
    expect(normalizeName(42 as unknown as string).raw).toBe('');
  });
});

describe('name word lists', () => {
  it('are folded, dot-free and do not contradict each other', () => {
    const lists = [
      [...HONORIFICS.keys()],
      [...SUFFIXES.keys()],
      [...FAMILY_PARTICLES],
      [...MAIDEN_MARKERS],
      [...PLACEHOLDER_WORDS],
      [...TITLE_CONNECTORS],
    ];
    for (const list of lists) for (const word of list) expect(word).toMatch(/^[a-z0-9]+$/);
    // Only Sr and Snr are both: Señor/Senhor before a name, Senior after it.
    expect([...HONORIFICS.keys()].filter((k) => SUFFIXES.has(k)).sort()).toEqual(['snr', 'sr']);
    for (const particle of FAMILY_PARTICLES) {
      expect(HONORIFICS.has(particle)).toBe(false);
      expect(SUFFIXES.has(particle)).toBe(false);
      expect(particle.length).toBeGreaterThan(1);
    }
  });

  it('let the matching engine drop particles from a family name', () => {
    const { familyParts } = normalizeName('João da Silva');
    expect(familyParts.filter((p) => !FAMILY_PARTICLES.has(p))).toEqual(['silva']);
  });
});

describe('normalizeName: large input', () => {
  it('handles a very long name without throwing', () => {
    const r = normalizeName(`${'Ana '.repeat(100_000)}Souza`);
    expect(r.tokens.length).toBe(100_001);
    expect(r.family).toBe('souza');
    const junk = normalizeName('\u0301'.repeat(100_000) + '\uD800'.repeat(1000));
    expect(junk.empty).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Laws

function checkShape(r: NormalizedNameResult): void {
  expect(r.full).toBe(r.tokens.join(' '));
  const family = r.family === undefined ? [] : r.family.split(' ');
  expect([...(r.given === undefined ? [] : [r.given]), ...r.middle, ...family]).toEqual(r.tokens);
  expect(r.parts).toEqual(r.tokens.flatMap((t) => t.split('-')));
  expect(r.familyParts).toEqual(family.flatMap((t) => t.split('-')));
  expect(r.familyJoined).toBe(r.family === undefined ? undefined : r.familyParts.join(''));
  for (const part of r.parts) expect(part).toMatch(/^[\p{L}\p{M}]+$/u);
  expect(r.empty).toBe(r.tokens.length === 0);
  expect(r.matchable).toBe(r.reason === undefined);
  if (r.empty) expect(r.matchable).toBe(false);
  if (r.given === undefined) expect(r.middle).toEqual([]);
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

describe('normalizeName: laws', () => {
  it('is total and well-formed on any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, trickyText), options, (s, opts) => {
        checkShape(normalizeName(s, opts));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on full', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, trickyText), options, (s, opts) => {
        const { full } = normalizeName(s, opts);
        expect(normalizeName(full).full).toBe(full);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on full for realistic names in every layout', () => {
    fc.assert(
      fc.property(person, layout, caseChange, spacing, (p, l, c, sp) => {
        const { full } = normalizeName(sp(c(render(p, l))), optionsFor(l));
        expect(normalizeName(full).full).toBe(full);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, trickyText), options, (s, opts) => {
        expect(normalizeName(s, opts)).toEqual(normalizeName(s, opts));
      }),
    );
  });

  it('reads given, middle and family names, titles and suffixes in every layout', () => {
    fc.assert(
      fc.property(person, layout, caseChange, spacing, (p, l, c, sp) => {
        const r = normalizeName(sp(c(render(p, l))), optionsFor(l));
        expect(r.given).toBe(expected(p.given));
        expect(r.middle).toEqual(p.middle.map(expected));
        expect(r.family).toBe(expected(p.family));
        expect(r.honorifics.length > 0).toBe(p.honorific !== undefined);
        expect(r.suffixes.length > 0).toBe(p.suffix !== undefined);
        expect(r.matchable).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('does not let a title change the given, middle or family name', () => {
    fc.assert(
      fc.property(person, fc.constantFrom(...HONORIFIC), (p, title) => {
        const { honorific: _ignored, ...plain } = p;
        const bare = normalizeName(render(plain, 'given-first'));
        const titled = normalizeName(`${title} ${render(plain, 'given-first')}`);
        expect(titled.given).toBe(bare.given);
        expect(titled.middle).toEqual(bare.middle);
        expect(titled.family).toBe(bare.family);
        expect(titled.full).toBe(bare.full);
      }),
    );
  });

  it('is case-insensitive', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          trickyText,
          person.map((p) => render(p, 'given-first')),
        ),
        (s) => {
          const upper = normalizeName(s.toUpperCase());
          const lower = normalizeName(s.toLowerCase());
          expect(upper.full).toBe(lower.full);
          expect(upper.given).toBe(lower.given);
          expect(upper.family).toBe(lower.family);
        },
      ),
    );
  });

  it('is diacritic-insensitive', () => {
    fc.assert(
      fc.property(accentedName, ([accented, plain]) => {
        const a = normalizeName(accented);
        const b = normalizeName(plain);
        expect(a.full).toBe(b.full);
        expect(a.given).toBe(b.given);
        expect(a.family).toBe(b.family);
        expect(normalizeName(accented.normalize('NFD')).full).toBe(b.full);
      }),
    );
  });
});

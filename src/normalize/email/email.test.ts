import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../../core/errors.js';
import { messyTextArbitrary } from '../../testing/arbitraries.js';
import {
  createEmailNormalizer,
  type EmailOptions,
  type NormalizedEmailResult,
  NormalizedEmailSchema,
  normalizeEmail,
} from './email.js';
import { EMAIL_PROVIDER_RULES } from './providers.js';

// ---------------------------------------------------------------------------------------------
// Arbitraries

const asciiText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

// Fragments that have broken idempotence in clean-up code before: brackets, separators,
// percent-escapes, combining marks, NFC singletons (Kelvin sign, Greek question mark),
// characters that UTS #46 maps to dots, lone surrogates.
const TRICKY = [
  '<',
  '>',
  '@',
  ' ',
  '"',
  "'",
  '(',
  ')',
  '.',
  ',',
  ':',
  ';',
  'mailto:',
  'MAILTO:',
  '%40',
  '%2F',
  '%3C',
  '%',
  '?',
  '#',
  '/',
  '\\',
  'a',
  'B',
  'é',
  'e\u0301',
  '\u0301',
  '\u200B',
  '\uFF20',
  '\u0130',
  'ß',
  '\u212A',
  '\u037E',
  '\u2488',
  '\u3002',
  'xn--',
  'gmail.com',
  'googlemail.com',
  'pm.me',
  'fastmail.com',
  '+',
  '-',
  '_',
  '\u00A0',
  '\t',
  '\uD800',
  '\uDC00',
  '日本',
  'ｘ',
  'ﬁ',
  '\u0000',
  'com',
  'test',
  'x',
  '0',
];
const anyText = messyTextArbitrary(TRICKY, 14, asciiText);

const localChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
);
const word = fc.string({ unit: localChar, minLength: 1, maxLength: 10 });
const localPart = fc
  .tuple(word, fc.array(fc.tuple(fc.constantFrom('.', '_', '-', '+'), word), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([sep, w]) => sep + w).join(''));
const label = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 12,
});
const providerDomain = fc.constantFrom(...EMAIL_PROVIDER_RULES.flatMap((rule) => rule.domains));
const plainDomain = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'org', 'net', 'co.uk', 'de', 'com.br', 'io'),
  )
  .map(([labels, tld]) => `${labels.join('.')}.${tld}`);
const unicodeDomain = fc.constantFrom(
  'bücher.de',
  'münchen.de',
  '例え.jp',
  'café.fr',
  'ñandú.com.ar',
  'straße.de',
);
const domain = fc.oneof(plainDomain, providerDomain, unicodeDomain);
const address = fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`);
const displayName = fc.constantFrom(
  'Ana Souza',
  'José da Silva',
  "O'Brien, Pat",
  'Zoë',
  'Dr. Wu',
  'Support Team',
);

// Addresses wrapped the way channels deliver them.
const wrapped = fc
  .tuple(
    address,
    fc.constantFrom(
      (a: string) => a,
      (a: string) => ` ${a} `,
      (a: string) => `<${a}>`,
      (a: string) => `mailto:${a}`,
      (a: string) => `${a}.`,
      (a: string) => `${a},`,
      (a: string) => `"${a}"`,
      (a: string) => `'${a}';`,
      (a: string) => a.replace('@', '\uFF20'),
      (a: string) => a.replace('@', '\u200B@\u200B'),
      (a: string) => `\u200E${a}\u200F`,
      (a: string) => `Ana <${a}>`,
      (a: string) => `"Souza, Ana" <${a}>`,
      (a: string) => `${a} (Ana)`,
      (a: string) => a.toUpperCase(),
    ),
  )
  .map(([a, wrap]) => wrap(a));

const realistic = fc.oneof(address, wrapped);

const normalized = (raw: string): NormalizedEmailResult => normalizeEmail(raw);

// ---------------------------------------------------------------------------------------------
// Laws

describe('normalizeEmail laws', () => {
  it('is total: never throws, and keeps the input', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, realistic), (raw) => {
        expect(normalized(raw).raw).toBe(raw);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    'a.+x@outlook.com',
    'mailto:x%3Ca%40b.com%3Ey',
    '<x> <a@b.com> c@d.com',
    'a (b)',
    'a@b.com> c',
  ])('is idempotent on the regression case %j', (raw) => {
    const once = normalized(raw);
    expect(normalized(once.key).key).toBe(once.key);
    expect(normalized(once.canonical).canonical).toBe(once.canonical);
  });

  it('survives huge and hostile input', () => {
    for (const raw of [
      'a'.repeat(100_000),
      `${'a'.repeat(50_000)}@${'b.'.repeat(50_000)}com`,
      '<'.repeat(10_000) + '@'.repeat(10_000),
      '\uD800\uDC00\uDFFF\uD800',
      '\u0000\u0001\u001F@\u007F.com',
      '@',
      '@@',
      'mailto:',
      'mailto:%',
      'mailto:%E0%A4%A@x.com',
      '"',
      '<>',
      '()',
    ]) {
      expect(() => normalizeEmail(raw)).not.toThrow();
    }
  });

  it('is idempotent on key', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, realistic), (raw) => {
        const once = normalized(raw);
        const twice = normalized(once.key);
        expect(twice.key).toBe(once.key);
        expect(twice.valid).toBe(once.valid);
        expect(twice.matchable).toBe(once.matchable);
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent on canonical', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, realistic), (raw) => {
        const once = normalized(raw);
        expect(normalized(once.canonical).canonical).toBe(once.canonical);
      }),
      { numRuns: 5000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, realistic), (raw) => {
        expect(normalized(raw)).toEqual(normalized(raw));
      }),
    );
  });

  it('ignores ASCII case', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          asciiText,
          address.filter((a) => /^[^\u0080-\uFFFF]*$/.test(a)),
        ),
        (raw) => {
          expect(normalized(raw.toUpperCase()).key).toBe(normalized(raw.toLowerCase()).key);
          expect(normalized(raw.toUpperCase()).canonical).toBe(normalized(raw).canonical);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the same key with or without a display-name wrapper', () => {
    fc.assert(
      fc.property(realistic, displayName, (raw, name) => {
        const bare = normalized(raw);
        if (!bare.valid) return;
        const quoted = normalized(`"${name}" <${bare.key}>`);
        expect(quoted.key).toBe(bare.key);
        expect(quoted.displayName).toBe(name);
        expect(normalized(`${name} <${bare.key}>`).key).toBe(bare.key);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same key to an address however it is wrapped', () => {
    fc.assert(
      fc.property(address, (raw) => {
        const key = normalized(raw).key;
        for (const wrappedRaw of [
          `<${raw}>`,
          `mailto:${raw}`,
          ` ${raw}. `,
          `"${raw}",`,
          `Ana <${raw}>;`,
        ]) {
          expect(normalized(wrappedRaw).key).toBe(key);
        }
      }),
    );
  });

  it('brands exactly the valid keys, and canonical keys are valid keys too', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, realistic), (raw) => {
        const r = normalized(raw);
        expect(NormalizedEmailSchema.safeParse(r.key).success).toBe(r.valid);
        if (r.valid) expect(NormalizedEmailSchema.safeParse(r.canonical).success).toBe(true);
        else expect(r.canonical).toBe(r.key);
      }),
      { numRuns: 3000 },
    );
  });

  it('has a reason exactly when it is not matchable', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, realistic), (raw) => {
        const r = normalized(raw);
        expect(r.reason === undefined).toBe(r.matchable);
        if (r.matchable) expect(r.valid).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never rewrites addresses at domains without a provider rule', () => {
    fc.assert(
      fc.property(localPart, plainDomain, (l, d) => {
        const r = normalized(`${l}@${d}`);
        if (r.valid && r.provider === undefined) expect(r.canonical).toBe(r.key);
      }),
    );
  });

  it('folds Gmail dots and tags into one canonical mailbox', () => {
    fc.assert(
      fc.property(
        word,
        fc.nat(),
        word,
        fc.constantFrom('gmail.com', 'googlemail.com', 'GMail.com'),
        (name, at, tag, d) => {
          const i = name.length === 0 ? 0 : at % name.length;
          const dotted = `${name.slice(0, i)}.${name.slice(i)}`.replace(/^\.|\.$/g, '');
          const r = normalized(`${dotted}+${tag}@${d}`);
          expect(r.canonical).toBe(`${name.toLowerCase()}@gmail.com`);
        },
      ),
    );
  });

  it('keeps the local part of user without its tag', () => {
    fc.assert(
      fc.property(word, word, plainDomain, (name, tag, d) => {
        const r = normalized(`${name}+${tag}@${d}`);
        expect(r.valid && r.user).toBe(name.toLowerCase());
        expect(r.valid && r.tag).toBe(tag.toLowerCase());
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Examples

describe('normalizeEmail examples', () => {
  it.each([
    ['"Ana Souza" <ana@example.com>', 'ana@example.com', 'Ana Souza'],
    ['Ana Souza <ANA@Example.COM>', 'ana@example.com', 'Ana Souza'],
    ['"Souza, Ana \\"Nina\\"" <ana@shop.com>', 'ana@shop.com', 'Souza, Ana "Nina"'],
    ['ana@shop.com (Ana Souza)', 'ana@shop.com', 'Ana Souza'],
    ['Ana Souza ana@shop.com', 'ana@shop.com', 'Ana Souza'],
    ['<ana@shop.com>', 'ana@shop.com', undefined],
    ['mailto:ana@shop.com', 'ana@shop.com', undefined],
    ['<mailto:Ana@Shop.com?subject=Order%2012>', 'ana@shop.com', undefined],
    ['mailto:ana%40shop.com', 'ana@shop.com', undefined],
    ['  ana@shop.com.  ', 'ana@shop.com', undefined],
    ['ana@shop.com;', 'ana@shop.com', undefined],
    ["'ana@shop.com'", 'ana@shop.com', undefined],
    ['"ana@shop.com",', 'ana@shop.com', undefined],
    ['ana @ shop.com', 'ana@shop.com', undefined],
    ['ana\u200B@shop\u200D.com\uFEFF', 'ana@shop.com', undefined],
    ['ana\uFF20shop.com', 'ana@shop.com', undefined],
    [
      '\uFF41\uFF4E\uFF41\uFF20\uFF53\uFF48\uFF4F\uFF50\uFF0E\uFF43\uFF4F\uFF4D',
      'ana@shop.com',
      undefined,
    ],
    ['ana@shop\u3002com', 'ana@shop.com', undefined],
    ['E-mail: ana@shop.com', 'ana@shop.com', undefined],
  ])('%s has key %s', (raw, key, name) => {
    const r = normalizeEmail(raw);
    expect(r.valid).toBe(true);
    expect(r.key).toBe(key);
    expect(r.displayName).toBe(name);
  });

  it('keeps the address as key and the provider mailbox as canonical', () => {
    const r = normalizeEmail('J.Smith+orders@GoogleMail.com');
    expect(r).toMatchObject({
      valid: true,
      matchable: true,
      key: 'j.smith+orders@googlemail.com',
      canonical: 'jsmith@gmail.com',
      user: 'j.smith',
      tag: 'orders',
      provider: 'gmail',
    });
  });

  it.each([
    ['ana.souza+promo@hotmail.com', 'ana.souza@hotmail.com', 'outlook'],
    ['Ana.Souza@outlook.com', 'ana.souza@outlook.com', 'outlook'],
    ['ana.souza-shopping@yahoo.com', 'ana.souza@yahoo.com', 'yahoo'],
    ['ana+x@ymail.com', 'ana+x@ymail.com', 'yahoo'],
    ['ana.souza+apple@me.com', 'ana.souza@icloud.com', 'icloud'],
    ['ana+news@mac.com', 'ana@icloud.com', 'icloud'],
    ['ana+list@fastmail.com', 'ana@fastmail.com', 'fastmail'],
    ['shop@ana.fastmail.com', 'ana@fastmail.com', 'fastmail'],
    ['Ana_Souza+x@protonmail.com', 'anasouza@proton.me', 'proton'],
    ['ana-souza@pm.me', 'anasouza@proton.me', 'proton'],
    ['ivan.petrov+shop@ya.ru', 'ivan.petrov@yandex.ru', 'yandex'],
    ['ivan+x@gmx.de', 'ivan+x@gmx.de', 'gmx'],
    ['ivan.petrov@web.de', 'ivan.petrov@web.de', 'webde'],
  ])('%s has canonical %s (%s)', (raw, canonical, provider) => {
    const r = normalizeEmail(raw);
    expect(r.valid).toBe(true);
    expect(r.canonical).toBe(canonical);
    expect(r.valid && r.provider).toBe(provider);
    expect(r.key).toBe(raw.toLowerCase());
  });

  it('leaves unknown domains alone: a plus or a dot may be significant there', () => {
    const r = normalizeEmail('ana.souza+billing@acme.com');
    expect(r.canonical).toBe('ana.souza+billing@acme.com');
    expect(r.valid && r.provider).toBeUndefined();
    expect(r.valid && r.user).toBe('ana.souza');
    expect(r.valid && r.tag).toBe('billing');
  });

  it('converts internationalized domains to punycode and keeps the written form', () => {
    const r = normalizeEmail('user@Bücher.de');
    expect(r.valid).toBe(true);
    expect(r.domain).toBe('xn--bcher-kva.de');
    expect(r.key).toBe('user@xn--bcher-kva.de');
    expect(r.valid && r.unicodeDomain).toBe('bücher.de');
    expect(normalizeEmail('user@xn--bcher-kva.de').key).toBe(r.key);
  });

  it('NFC-normalizes and lower-cases internationalized local parts', () => {
    const composed = normalizeEmail('JOSÉ@correo.es');
    const decomposed = normalizeEmail('JOSE\u0301@correo.es');
    expect(composed.valid).toBe(true);
    expect(composed.key).toBe('josé@correo.es');
    expect(decomposed.key).toBe(composed.key);
  });

  it.each([
    'support@shop.com',
    'Customer.Service@shop.com',
    'no-reply@shop.com',
    'do_not_reply@shop.com',
    'info+web@shop.com',
    'billing@shop.co.uk',
    'postmaster@shop.com',
  ])('flags %s as a role mailbox', (raw) => {
    const r = normalizeEmail(raw);
    expect(r.valid && r.role).toBe(true);
    expect(r.matchable).toBe(true);
  });

  it.each([
    'x@mailinator.com',
    'ana@guerrillamail.com',
    'a@10minutemail.com',
    'ana@inbox.yopmail.com',
  ])('flags %s as disposable, still matchable', (raw) => {
    const r = normalizeEmail(raw);
    expect(r.valid && r.disposable).toBe(true);
    expect(r.matchable).toBe(true);
  });

  it.each([
    'test@test.com',
    'a@a.com',
    'none@none.com',
    'noemail@gmail.com',
    'no@email.com',
    'null@company.com',
    'na@gmail.com',
    'ana@example.com',
    'ana@sub.example.org',
    'ana@host.test',
    'ana@host.invalid',
    'ana@intranet.local',
    'xxx@gmail.com',
    'asdf@yahoo.com',
    'not.provided@shop.com',
  ])('flags %s as a placeholder, not matchable', (raw) => {
    const r = normalizeEmail(raw);
    expect(r.valid).toBe(true);
    expect(r.valid && r.placeholder).toBe(true);
    expect(r.matchable).toBe(false);
    expect(r.reason).toBe('placeholder');
  });

  it.each(['ana.souza@gmail.com', 'x@twitter.com', 'jo@jo-design.com', 'ana@ana.co.uk'])(
    'does not flag %s as a placeholder',
    (raw) => {
      const r = normalizeEmail(raw);
      expect(r.matchable).toBe(true);
    },
  );

  it.each([
    ['', 'empty', ''],
    ['   ', 'empty', ''],
    ['<>', 'empty', ''],
    ['ana.example.com', 'no_at', 'ana.example.com'],
    ['jamesd75collins.biz', 'no_at', 'jamesd75collins.biz'],
    ['em@aosn@ware.com', 'bad_local', 'em@aosn@ware.com'],
    ['charlottej68@lee-taylor@.org', 'bad_local', 'charlottej68@lee-taylor@.org'],
    ['.ana@shop.com', 'bad_local', '.ana@shop.com'],
    ['ana..souza@shop.com', 'bad_local', 'ana..souza@shop.com'],
    ['"ana souza"@shop.com', 'bad_local', undefined],
    ['haoleyk@hrustonnet', 'bad_domain', 'haoleyk@hrustonnet'],
    ['ana@shop', 'bad_domain', 'ana@shop'],
    ['ana@-shop.com', 'bad_domain', 'ana@-shop.com'],
    ['ana@shop..com', 'bad_domain', 'ana@shop..com'],
    ['ana@192.168.0.1', 'bad_domain', 'ana@192.168.0.1'],
    ['ana@shop.c0m', 'bad_domain', 'ana@shop.c0m'],
    ['ana@sh_op.com', 'bad_domain', 'ana@sh_op.com'],
    [`${'a'.repeat(65)}@shop.com`, 'too_long', `${'a'.repeat(65)}@shop.com`],
    [
      `ana@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.com`,
      'too_long',
      undefined,
    ],
  ])('rejects %j as %s', (raw, reason, key) => {
    const r = normalizeEmail(raw);
    expect(r.valid).toBe(false);
    expect(r.matchable).toBe(false);
    expect(r.reason).toBe(reason);
    if (key !== undefined) expect(r.key).toBe(key);
    expect(r.canonical).toBe(r.key);
  });

  it('accepts the lengths RFC 5321 allows', () => {
    expect(normalizeEmail(`${'a'.repeat(64)}@shop.com`).valid).toBe(true);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.com`;
    expect(normalizeEmail(`ab@${domain}`).valid).toBe(true);
  });

  it('reads addresses from a messy export sensibly', () => {
    // The kind of values a contact export holds next to each other.
    const rows = [
      'robert255@smith.net',
      'Robert255@Smith.NET ',
      '<robert255@smith.net>',
      'mailto:robert255@smith.net',
      'robert255@smith.net.',
    ];
    const keys = new Set(rows.map((raw) => normalizeEmail(raw).key));
    expect([...keys]).toEqual(['robert255@smith.net']);
  });
});

describe('normalizeEmail options', () => {
  it('adds provider rules, overriding built-in ones per domain', () => {
    const normalize = createEmailNormalizer({
      providers: [
        {
          id: 'acme',
          domains: ['acme.com', 'acme.co.uk'],
          canonicalDomain: 'acme.com',
          separators: '_',
        },
        { id: 'strict-gmail', domains: ['gmail.com'] },
      ],
    });
    expect(normalize('ana_billing@acme.co.uk').canonical).toBe('ana@acme.com');
    const gmail = normalize('a.na+x@gmail.com');
    expect(gmail.canonical).toBe('a.na+x@gmail.com');
    expect(gmail.valid && gmail.provider).toBe('strict-gmail');
    // googlemail.com keeps the built-in rule.
    expect(normalize('a.na+x@googlemail.com').canonical).toBe('ana@gmail.com');
  });

  it('accepts Unicode domains in rules', () => {
    const r = normalizeEmail('ana+x@bücher.de', {
      providers: [{ id: 'buecher', domains: ['Bücher.de'], separators: '+' }],
    });
    expect(r.canonical).toBe('ana@xn--bcher-kva.de');
  });

  it('adds disposable domains and role names', () => {
    const normalize = createEmailNormalizer({
      disposableDomains: ['throwaway.dev'],
      roleLocalParts: ['Atendimento', 'sac'],
    });
    const d = normalize('ana@mx.throwaway.dev');
    expect(d.valid && d.disposable).toBe(true);
    const r = normalize('atendimento@loja.com.br');
    expect(r.valid && r.role).toBe(true);
    expect(
      normalizeEmail('atendimento@loja.com.br').valid &&
        normalizeEmail('atendimento@loja.com.br').role,
    ).toBe(false);
  });

  it('keeps canonical idempotent with custom rules', () => {
    const normalize = createEmailNormalizer({
      providers: [
        {
          id: 'corp',
          domains: ['corp.com', 'corp.net'],
          canonicalDomain: 'corp.com',
          separators: '+-',
          ignore: '._',
        },
      ],
    });
    fc.assert(
      fc.property(localPart, fc.constantFrom('corp.com', 'corp.net'), (l, d) => {
        const once = normalize(`${l}@${d}`);
        expect(normalize(once.canonical).canonical).toBe(once.canonical);
      }),
    );
  });

  it.each([
    [{ providers: [{ id: 'x', domains: ['not a domain'] }] }, ['providers', 0, 'domains', 0]],
    [
      { providers: [{ id: 'x', domains: ['a.com'], canonicalDomain: 'b.com' }] },
      ['providers', 0, 'canonicalDomain'],
    ],
    [
      { providers: [{ id: 'x', domains: ['a.com'], separators: 'ab' }] },
      ['providers', 0, 'separators'],
    ],
    [{ providers: [{ id: 'X Y', domains: ['a.com'] }] }, ['providers', 0, 'id']],
    [{ disposableDomains: ['localhost'] }, ['disposableDomains', 0]],
    [{ unknownOption: true }, []],
  ])('throws invalid_options for %j', (options, path) => {
    let caught: unknown;
    try {
      createEmailNormalizer(options as unknown as EmailOptions);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ThreadlineError);
    const error = caught as ThreadlineError;
    expect(error.code).toBe('invalid_options');
    expect(error.issues.length).toBeGreaterThan(0);
    if (path.length > 0) expect(error.issues[0]?.path).toEqual(path);
  });

  it('rejects malformed options in normalizeEmail too, but never malformed data', () => {
    // @ts-expect-error -- deliberately malformed options
    expect(() => normalizeEmail('a@b.com', { providers: 'gmail' })).toThrow(ThreadlineError);
    expect(() => normalizeEmail('not an address', {})).not.toThrow();
  });
});

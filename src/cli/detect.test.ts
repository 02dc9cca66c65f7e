import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnKind } from '../linkage/index.js';
import { emailTextArbitrary, phoneTextArbitrary } from '../testing/index.js';
import {
  COLUMN_KINDS,
  type ColumnSample,
  detectColumns,
  type KindChoice,
  kindFromName,
  kindFromValues,
  parseKind,
  sampleValues,
} from './detect.js';

const BY_NAME: Readonly<Record<ColumnKind, readonly string[]>> = {
  given_name: [
    'first_name',
    'FirstName',
    'firstName',
    'First Name',
    'FIRST_NAME',
    'first-name',
    ' first name ',
    'fname',
    'given_name',
    'GivenName',
    'forename',
    'name_first',
    'Prénom',
  ],
  family_name: [
    'surname',
    'Surname',
    'last_name',
    'LastName',
    'lastName',
    'Last Name',
    'LAST_NAME',
    'family_name',
    'FamilyName',
    'lname',
  ],
  full_name: [
    'name',
    'Name',
    'full_name',
    'FullName',
    'Full Name',
    'customer_name',
    'Contact Name',
  ],
  email: [
    'email',
    'Email',
    'E-mail',
    'e_mail',
    'EMAIL',
    'EmailAddress',
    'email_address',
    'Mail',
    'work email',
    'contactEmail',
  ],
  phone: [
    'phone',
    'Phone Number',
    'phone_number',
    'PhoneNumber',
    'mobile',
    'Mobile Phone',
    'tel',
    'Telephone',
    'cell',
    'cellPhone',
    'home_phone',
    'msisdn',
  ],
  date_of_birth: [
    'dob',
    'DOB',
    'date_of_birth',
    'DateOfBirth',
    'date of birth',
    'birth_date',
    'Birthdate',
    'birthday',
  ],
  id_number: [
    'ssn',
    'SSN',
    'soc_sec_id',
    'social_security_number',
    'national_id',
    'NationalID',
    'passport',
    'passport_number',
    'tax_id',
    'id_number',
    'drivers_license',
  ],
  street_number: ['street_number', 'StreetNumber', 'street_no', 'house_number', 'HouseNumber'],
  address: [
    'address',
    'Address',
    'address_1',
    'address_2',
    'Address Line 1',
    'addressLine2',
    'street',
    'street_address',
    'addr1',
    'mailing_address',
  ],
  city: ['city', 'City', 'suburb', 'Town', 'locality', 'address_city'],
  postcode: ['postcode', 'post_code', 'Postal Code', 'zip', 'ZIP Code', 'zipcode', 'zip_code'],
  state: ['state', 'State', 'province', 'region', 'State/Province', 'county'],
  handle: [
    'handle',
    'twitter',
    'twitter_handle',
    'instagram',
    'ig_handle',
    'x_handle',
    'screen_name',
  ],
  references: [
    'order_id',
    'order_number',
    'OrderRef',
    'ticket',
    'booking_reference',
    'tracking_number',
    'invoice',
  ],
  ignore: [
    'cluster',
    'entity',
    'id',
    'ID',
    'uuid',
    'customer_id',
    'created_at',
    'updatedAt',
    'timestamp',
    'order_date',
  ],
};

const UNRECOGNISED = [
  'order_total',
  'notes',
  'comment',
  'gender',
  'company',
  'company_name',
  'username',
  'x',
  '',
];

const emails = ['ana@example.com', 'bo.smith@gmail.com', 'C.Lee@Work.Example.org', 'dee+shop@x.io'];
const some = (values: readonly string[], n = 20): string[] =>
  Array.from({ length: n }, (_, i) => values[i % values.length] as string);

describe('kindFromName', () => {
  for (const [kind, names] of Object.entries(BY_NAME)) {
    it(`reads ${kind} from its usual spellings`, () => {
      for (const name of names)
        expect({ name, kind: kindFromName(name)?.kind }).toEqual({ name, kind });
    });
  }

  it('says nothing about names it does not know', () => {
    for (const name of UNRECOGNISED) expect({ name, kind: kindFromName(name) }).toEqual({ name });
  });

  it('names the platform of a handle when the column name does', () => {
    expect(kindFromName('twitter')).toEqual({ kind: 'handle', platform: 'x' });
    expect(kindFromName('ig_handle')).toEqual({ kind: 'handle', platform: 'instagram' });
    expect(kindFromName('TikTok')).toEqual({ kind: 'handle', platform: 'tiktok' });
    expect(kindFromName('LinkedIn URL')).toEqual({ kind: 'handle', platform: 'linkedin' });
    expect(kindFromName('handle')).toEqual({ kind: 'handle' });
  });

  it('settles overlapping words by meaning', () => {
    expect(kindFromName('date_of_birth')?.kind).toBe('date_of_birth'); // not a plain date
    expect(kindFromName('street_number')?.kind).toBe('street_number'); // not a street
    expect(kindFromName('address_postcode')?.kind).toBe('postcode'); // not an address
    expect(kindFromName('email_address')?.kind).toBe('email'); // not an address
    expect(kindFromName('order_date')?.kind).toBe('ignore'); // a date, not an order reference
    expect(kindFromName('place_of_birth')?.kind).not.toBe('date_of_birth');
  });

  it('ignores case, spaces, underscores, hyphens and camelCase', () => {
    const variants = (name: string): string[] => {
      const words = name
        .trim()
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .split(/[\s_-]+/)
        .map((w) => w.toLowerCase());
      const camel = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)));
      return [
        words.join('_'),
        words.join(' ').toUpperCase(),
        words.join('-'),
        camel.join(''),
        ` ${words.join('  ')} `,
      ];
    };
    const known = Object.entries(BY_NAME).flatMap(([kind, names]) =>
      names.filter((n) => /^[\x20-\x7e]+$/.test(n)).map((name) => ({ kind, name })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...known), ({ kind, name }) => {
        for (const variant of variants(name)) expect(kindFromName(variant)?.kind).toBe(kind);
      }),
    );
  });
});

describe('kindFromValues', () => {
  it('recognises email addresses, @handles, dates and phone numbers', () => {
    expect(kindFromValues(some(emails))?.kind).toBe('email');
    expect(kindFromValues(some(['@ana_s', '@bo.smith', '@CLee']))?.kind).toBe('handle');
    expect(kindFromValues(some(['1971-06-24', '24/06/1971', '19710624', '3.5.1980']))?.kind).toBe(
      'date_of_birth',
    );
    expect(
      kindFromValues(some(['+1 310 246 1501', '(212) 555-0100', '020 7946 0018', '0412 345 678']))
        ?.kind,
    ).toBe('phone');
  });

  it('does not take account numbers, postcodes or words for phones', () => {
    expect(kindFromValues(some(['5304218', '4066625', '9817262', '3002416']))).toBeUndefined();
    expect(kindFromValues(some(['4223', '2615', '3070']))).toBeUndefined();
    expect(kindFromValues(some(['Lisbon', 'Leeds', 'Porto']))).toBeUndefined();
  });

  it('needs at least 5 values, and 80% of them to fit', () => {
    expect(kindFromValues(emails)).toBeUndefined();
    expect(kindFromValues([...emails, 'e@y.org'])?.kind).toBe('email');
    const mixed = [...some(emails, 7), 'n/a', 'none', 'unknown'];
    expect(kindFromValues(mixed)).toBeUndefined();
    expect(kindFromValues([...some(emails, 8), 'n/a', 'none'])).toEqual({
      kind: 'email',
      share: 0.8,
    });
  });

  it('never throws, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 30 }), (values) => {
        const found = kindFromValues(values);
        if (found !== undefined) expect(Object.hasOwn(COLUMN_KINDS, found.kind)).toBe(true);
      }),
    );
  });
});

describe('detectColumns', () => {
  const kinds = (columns: readonly ColumnSample[], options = {}) =>
    Object.fromEntries(detectColumns(columns, options).map((d) => [d.column, d.kind]));

  it('recognises renamed columns by their content', () => {
    const found = detectColumns([
      { name: 'contact', values: some(emails) },
      { name: 'col7', values: some(['1971-06-24', '1980-01-02', '1990-12-31']) },
      { name: 'reach me on', values: some(['+1 310 246 1501', '(212) 555-0100']) },
      { name: 'who', values: some(['@ana_s', '@bo']) },
    ]);
    expect(found.map((d) => [d.column, d.kind, d.source])).toEqual([
      ['contact', 'email', 'content'],
      ['col7', 'date_of_birth', 'content'],
      ['reach me on', 'phone', 'content'],
      ['who', 'handle', 'content'],
    ]);
    expect(found[0]?.note).toBe('100% of values look like one');
  });

  it('refuses a name whose values say otherwise', () => {
    const [optIn, misnamed] = detectColumns([
      { name: 'email_opt_in', values: some(['yes', 'no']) },
      { name: 'phone', values: some(emails) },
    ]);
    expect(optIn).toMatchObject({ kind: 'ignore', source: 'none' });
    expect(optIn?.note).toContain('named like email, but only 0% of values look like one');
    expect(misnamed).toMatchObject({ kind: 'email', source: 'content' });
  });

  it('keeps dates that are not birth dates, labels and record keys out of the evidence', () => {
    const dates = some(['2024-01-02', '2024-03-04']);
    expect(
      kinds([
        { name: 'created_at', values: dates },
        { name: 'cluster', values: some(['1', '2', '3']) },
        { name: 'customer_id', values: some(['+1 310 246 1501']) },
        { name: 'date_of_birth', values: dates },
      ]),
    ).toEqual({
      created_at: 'ignore',
      cluster: 'ignore',
      customer_id: 'ignore',
      date_of_birth: 'date_of_birth',
    });
  });

  it('lets --column overrides win, and ignore what it does not recognise', () => {
    const columns = [
      { name: 'notes', values: some(['called twice']) },
      { name: 'email', values: some(emails) },
      { name: 'handle', values: some(['ana']) },
      { name: 'mystery', values: some(['x1', 'y2']) },
      { name: 'blank', values: [] },
    ];
    const overrides = new Map<string, KindChoice>([
      ['notes', { kind: 'full_name' }],
      ['email', { kind: 'ignore' }],
      ['handle', { kind: 'handle', platform: 'instagram' }],
    ]);
    const found = detectColumns(columns, { overrides });
    expect(found.map((d) => [d.column, d.kind, d.source])).toEqual([
      ['notes', 'full_name', 'override'],
      ['email', 'ignore', 'override'],
      ['handle', 'handle', 'override'],
      ['mystery', 'ignore', 'none'],
      ['blank', 'ignore', 'none'],
    ]);
    expect(found[2]?.platform).toBe('instagram');
    expect(found[3]?.note).toBe('not recognised');
    expect(found[4]?.note).toBe('no values');
  });

  it('never uses the id or truth column as evidence, whatever they are called or hold', () => {
    const found = detectColumns(
      [
        { name: 'email', values: some(emails) },
        { name: 'surname', values: some(['Souza', 'Smith']) },
        { name: 'phone', values: some(['+1 310 246 1501']) },
      ],
      {
        idColumns: ['email'],
        truthColumn: 'surname',
        overrides: new Map([['surname', { kind: 'family_name' }]]),
      },
    );
    expect(found.map((d) => [d.column, d.kind, d.source, d.note])).toEqual([
      ['email', 'ignore', 'role', 'record id, never evidence'],
      ['surname', 'ignore', 'role', 'ground truth, never evidence'],
      ['phone', 'phone', 'name', 'name'],
    ]);
  });

  const anyName = fc.oneof(
    fc.constantFrom(...Object.values(BY_NAME).flat(), ...UNRECOGNISED),
    fc.string({ maxLength: 12 }),
  );
  const anyValues = fc.oneof(
    fc.array(
      emailTextArbitrary().map((v) => v.trim()),
      { maxLength: 12 },
    ),
    fc.array(phoneTextArbitrary(), { maxLength: 12 }),
    fc.array(fc.string({ unit: 'binary', maxLength: 10 }), { maxLength: 12 }),
  );

  it('decides each column on its own: column order does not matter', () => {
    const columns = fc.uniqueArray(fc.record({ name: anyName, values: anyValues }), {
      selector: (c) => c.name,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        columns.chain((cs) =>
          fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length })),
        ),
        fc.option(fc.constantFrom('email', 'id', 'surname'), { nil: undefined }),
        ([columns, shuffled], truth) => {
          const options = truth === undefined ? {} : { truthColumn: truth, idColumns: ['id'] };
          const byName = (cs: readonly ColumnSample[]) =>
            new Map(detectColumns(cs, options).map((d) => [d.column, d]));
          expect(byName(shuffled)).toEqual(byName(columns));
        },
      ),
    );
  });

  it('detects a column of email addresses as email, whatever it is called', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(emailTextArbitrary(), { minLength: 5, maxLength: 40 }),
        (name, values) => {
          const [found] = detectColumns([{ name, values: values.map((v) => v.trim()) }]);
          expect(found?.kind).toBe('email');
        },
      ),
    );
  });

  it('detects phone numbers by content under a name that says nothing', () => {
    fc.assert(
      fc.property(
        fc.string().filter((name) => kindFromName(name) === undefined),
        fc.array(phoneTextArbitrary(), { minLength: 5, maxLength: 40 }),
        (name, values) => {
          expect(detectColumns([{ name, values }])[0]?.kind).toBe('phone');
        },
      ),
    );
  });

  it('detects dates by content under a name that says nothing', () => {
    const date = fc
      .date({ min: new Date('1920-01-01'), max: new Date('2010-12-31'), noInvalidDate: true })
      .chain((d) => {
        const [y, m, day] = d.toISOString().slice(0, 10).split('-') as [string, string, string];
        return fc.constantFrom(`${y}-${m}-${day}`, `${y}${m}${day}`, `${day}.${m}.${y}`);
      });
    fc.assert(
      fc.property(
        fc.string().filter((name) => kindFromName(name) === undefined),
        fc.array(date, { minLength: 5, maxLength: 40 }),
        (name, values) => {
          expect(detectColumns([{ name, values }])[0]?.kind).toBe('date_of_birth');
        },
      ),
    );
  });

  it('always gives one known kind per column and never throws', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string({ unit: 'binary' }),
            values: fc.array(fc.string({ unit: 'binary' })),
          }),
          { maxLength: 6 },
        ),
        (columns) => {
          const found = detectColumns(columns);
          expect(found.map((d) => d.column)).toEqual(columns.map((c) => c.name));
          for (const d of found) expect(Object.hasOwn(COLUMN_KINDS, d.kind)).toBe(true);
        },
      ),
    );
  });

  it('lets an override win over any detection, except for the id and truth columns', () => {
    const choice = fc.constantFrom(...(Object.keys(COLUMN_KINDS) as ColumnKind[]));
    fc.assert(
      fc.property(anyName, anyValues, choice, (name, values, kind) => {
        const overrides = new Map([[name, { kind }]]);
        expect(detectColumns([{ name, values }], { overrides })[0]?.kind).toBe(kind);
        expect(detectColumns([{ name, values }], { overrides, idColumns: [name] })[0]?.kind).toBe(
          'ignore',
        );
      }),
    );
  });
});

describe('parseKind', () => {
  it('reads every kind, in any case, and handle:PLATFORM', () => {
    for (const kind of Object.keys(COLUMN_KINDS)) {
      expect(parseKind(kind)).toEqual({ kind });
      expect(parseKind(` ${kind.toUpperCase()} `)).toEqual({ kind });
    }
    expect(parseKind('handle:instagram')).toEqual({ kind: 'handle', platform: 'instagram' });
    expect(parseKind('handle:twitter')).toEqual({ kind: 'handle', platform: 'x' });
  });

  it('refuses anything else', () => {
    for (const text of ['', 'shoe_size', 'email:x', 'handle:', 'handle:My Net', 'toString']) {
      expect(parseKind(text)).toBeUndefined();
    }
  });
});

describe('sampleValues', () => {
  it('takes non-empty values, trimmed, with list items one by one', () => {
    const records = [{ a: ' x ' }, { a: '' }, { a: ['y', 3, null] }, {}, { a: 7 }, { a: { b: 1 } }];
    expect(sampleValues(records, 'a')).toEqual(['x', 'y', '3', '7']);
  });

  it('spreads a capped sample over the whole file', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => ({ a: String(i) }));
    const sample = sampleValues(records, 'a', 100);
    expect(sample).toHaveLength(100);
    expect(sample[0]).toBe('0');
    expect(Number(sample[99])).toBeGreaterThan(9800);
  });
});

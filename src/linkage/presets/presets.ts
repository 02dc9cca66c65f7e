import type {
  BlockingRuleSpec,
  ComparisonSpecInput as ComparisonSpec,
  ModelSpecInput,
} from '../spec/spec.js';

const ELSE = { kind: 'else' } as const;

/**
 * An email comparison: exact address → same provider-canonical mailbox (Gmail dots and
 * `+tags`) → same user at another domain → Jaro-Winkler ≥ 0.88 on the address → else. Exact
 * agreement is adjusted for how common the address is (a shared mailbox counts for less).
 *
 * @example
 * ```ts
 * import { emailComparison } from 'threadline';
 *
 * console.log(emailComparison('email').levels.map((l) => l.kind));
 * ```
 */
export function emailComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['email'] },
      { kind: 'exact', transform: ['email'], tf: { weight: 1 }, label: 'same address' },
      { kind: 'exact', transform: ['email_canonical'], label: 'same mailbox (provider rules)' },
      { kind: 'exact', transform: ['email_user'], label: 'same user, other domain' },
      { kind: 'jaro_winkler', threshold: 0.88, transform: ['email'], label: 'similar address' },
      ELSE,
    ],
  };
}

/**
 * A phone comparison: same E.164 number → same national number (a country code read
 * differently) → same last 7 digits → one digit off or two swapped → else.
 *
 * @example
 * ```ts
 * import { phoneComparison } from 'threadline';
 *
 * console.log(phoneComparison('phone').levels.length); // 6
 * ```
 */
export function phoneComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['digits'] },
      { kind: 'exact', transform: ['phone'], tf: { weight: 1 }, label: 'same number' },
      { kind: 'exact', transform: ['phone_national'], label: 'same national number' },
      { kind: 'exact', transform: ['digits', { fn: 'last', n: 7 }], label: 'same last 7 digits' },
      {
        kind: 'damerau_levenshtein',
        maxDistance: 1,
        transform: ['digits'],
        label: 'one digit off',
      },
      ELSE,
    ],
  };
}

/**
 * A given-name comparison: exact → nickname of the same name (Bob, Robert) → Jaro-Winkler
 * bands (0.92, 0.88) → initial agrees → else, with a term-frequency adjustment on exact.
 *
 * @example
 * ```ts
 * import { givenNameComparison } from 'threadline';
 *
 * console.log(givenNameComparison('first_name').name); // first_name
 * ```
 */
export function givenNameComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['fold'] },
      { kind: 'exact', transform: ['fold'], tf: { weight: 1 }, label: 'same name' },
      { kind: 'intersect', transform: ['nickname'], label: 'nickname of the same name' },
      { kind: 'jaro_winkler', threshold: 0.92, transform: ['fold'], label: 'Jaro-Winkler ≥ 0.92' },
      { kind: 'jaro_winkler', threshold: 0.8, transform: ['fold'], label: 'Jaro-Winkler ≥ 0.8' },
      { kind: 'initial', transform: ['fold'], label: 'initial agrees' },
      ELSE,
    ],
  };
}

/**
 * A family-name comparison: exact → Jaro-Winkler ≥ 0.92 → sounds the same (Double Metaphone)
 * → Jaro-Winkler ≥ 0.8 → else, with a term-frequency adjustment (a common surname counts for
 * less than a rare one).
 *
 * @example
 * ```ts
 * import { familyNameComparison } from 'threadline';
 *
 * console.log(familyNameComparison('surname').levels[1]?.kind); // exact
 * ```
 */
export function familyNameComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['fold'] },
      { kind: 'exact', transform: ['fold'], tf: { weight: 1 }, label: 'same name' },
      {
        kind: 'jaro_winkler',
        threshold: 0.92,
        transform: ['fold'],
        tf: { weight: 0.5 },
        label: 'Jaro-Winkler ≥ 0.92',
      },
      { kind: 'intersect', transform: ['dmetaphone'], label: 'sounds the same' },
      { kind: 'jaro_winkler', threshold: 0.8, transform: ['fold'], label: 'Jaro-Winkler ≥ 0.8' },
      ELSE,
    ],
  };
}

/**
 * A full-name comparison for sources with one name field: exact → same words in any order →
 * Jaro-Winkler bands → else.
 *
 * @example
 * ```ts
 * import { fullNameComparison } from 'threadline';
 *
 * console.log(fullNameComparison('name').levels.length); // 6
 * ```
 */
export function fullNameComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['name'] },
      { kind: 'exact', transform: ['name'], tf: { weight: 1 }, label: 'same name' },
      { kind: 'jaccard', threshold: 1, transform: ['tokens'], label: 'same words, other order' },
      { kind: 'jaro_winkler', threshold: 0.92, transform: ['name'], label: 'Jaro-Winkler ≥ 0.92' },
      { kind: 'jaro_winkler', threshold: 0.8, transform: ['name'], label: 'Jaro-Winkler ≥ 0.8' },
      ELSE,
    ],
  };
}

/**
 * A date-of-birth comparison: same date → day and month transposed → one character off
 * (a typo) → within a year → else.
 *
 * @example
 * ```ts
 * import { dateOfBirthComparison } from 'threadline';
 *
 * console.log(dateOfBirthComparison('dob').levels.map((l) => l.kind).join(' → '));
 * ```
 */
export function dateOfBirthComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['date'] },
      { kind: 'exact', transform: ['date'], label: 'same date' },
      { kind: 'date_transposed', transform: ['date'], label: 'day and month transposed' },
      {
        kind: 'damerau_levenshtein',
        maxDistance: 1,
        transform: ['date'],
        label: 'one character off',
      },
      {
        kind: 'date_within',
        amount: 1,
        unit: 'years',
        transform: ['date'],
        label: 'within a year',
      },
      ELSE,
    ],
  };
}

/**
 * An identifier-number comparison (national id, customer number, account number): exact →
 * one edit (typo or swap) → two edits → else.
 *
 * @example
 * ```ts
 * import { idNumberComparison } from 'threadline';
 *
 * console.log(idNumberComparison('ssn').levels.length); // 5
 * ```
 */
export function idNumberComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['alnum'] },
      { kind: 'exact', transform: ['alnum'], tf: { weight: 1 }, label: 'same number' },
      { kind: 'damerau_levenshtein', maxDistance: 1, transform: ['alnum'], label: 'one edit' },
      { kind: 'levenshtein', maxDistance: 2, transform: ['alnum'], label: 'two edits' },
      ELSE,
    ],
  };
}

/**
 * A comparison for a short text field (city, street, suburb, a business name): exact →
 * Jaro-Winkler ≥ 0.9 → half the words shared → Jaro-Winkler ≥ 0.8 → some words shared →
 * else, with a term-frequency adjustment on exact.
 *
 * @example
 * ```ts
 * import { textComparison } from 'threadline';
 *
 * console.log(textComparison('city').levels[2]?.kind); // jaro_winkler
 * ```
 */
export function textComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['fold'] },
      { kind: 'exact', transform: ['fold'], tf: { weight: 1 }, label: 'same' },
      { kind: 'jaro_winkler', threshold: 0.9, transform: ['fold'], label: 'Jaro-Winkler ≥ 0.9' },
      { kind: 'jaccard', threshold: 0.5, transform: ['tokens'], label: 'half the words shared' },
      { kind: 'jaro_winkler', threshold: 0.8, transform: ['fold'], label: 'Jaro-Winkler ≥ 0.8' },
      { kind: 'jaccard', threshold: 0.2, transform: ['tokens'], label: 'some words shared' },
      ELSE,
    ],
  };
}

/**
 * A comparison for a code (postcode, street number, state): exact → one edit → else.
 *
 * @example
 * ```ts
 * import { codeComparison } from 'threadline';
 *
 * console.log(codeComparison('postcode').levels.length); // 4
 * ```
 */
export function codeComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['alnum'] },
      { kind: 'exact', transform: ['alnum'], tf: { weight: 1 }, label: 'same' },
      { kind: 'damerau_levenshtein', maxDistance: 1, transform: ['alnum'], label: 'one edit' },
      ELSE,
    ],
  };
}

/**
 * A social-handle comparison for one platform: same handle → Jaro-Winkler ≥ 0.9 → else.
 *
 * @example
 * ```ts
 * import { handleComparison } from 'threadline';
 *
 * console.log(handleComparison('twitter', 'x').levels[1]?.label); // same handle
 * ```
 */
export function handleComparison(field: string, platform: string, name = field): ComparisonSpec {
  const transform = [{ fn: 'handle' as const, platform }];
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform },
      { kind: 'exact', transform, tf: { weight: 1 }, label: 'same handle' },
      { kind: 'jaro_winkler', threshold: 0.9, transform, label: 'similar handle' },
      ELSE,
    ],
  };
}

/**
 * A comparison of reference-number lists (orders, tickets): at least one in common → else.
 *
 * @example
 * ```ts
 * import { referencesComparison } from 'threadline';
 *
 * console.log(referencesComparison('orders').levels.length); // 3
 * ```
 */
export function referencesComparison(field: string, name = field): ComparisonSpec {
  return {
    name,
    field,
    levels: [
      { kind: 'null', transform: ['alnum'] },
      { kind: 'intersect', min: 1, transform: ['alnum'], label: 'a reference in common' },
      ELSE,
    ],
  };
}

/**
 * What a column holds, for building a default model. `ignore` columns are never evidence.
 *
 * @example
 * ```ts
 * import type { ColumnKind } from 'threadline';
 *
 * const kinds: Record<string, ColumnKind> = { first_name: 'given_name', surname: 'family_name', email: 'email' };
 * console.log(kinds.email);
 * ```
 */
export type ColumnKind =
  | 'given_name'
  | 'family_name'
  | 'full_name'
  | 'email'
  | 'phone'
  | 'date_of_birth'
  | 'id_number'
  | 'street_number'
  | 'address'
  | 'city'
  | 'postcode'
  | 'state'
  | 'handle'
  | 'references'
  | 'ignore';

/**
 * Options for {@link defaultModelSpec}.
 *
 * @example
 * ```ts
 * import type { DefaultModelOptions } from 'threadline';
 *
 * const options: DefaultModelOptions = { region: 'US', handlePlatform: 'x' };
 * console.log(options.region);
 * ```
 */
export interface DefaultModelOptions {
  /** The phone region for numbers without a country code. */
  readonly region?: string;
  /** The platform of `handle` columns (default `x`). */
  readonly handlePlatform?: string;
}

/**
 * Builds an untrained model for records whose columns are of the given kinds: one comparison
 * per column, blocking rules that together catch pairs agreeing on any strong identifier or on
 * a name with a second field, and deterministic rules for estimating the prior. Train it with
 * `trainModel`.
 *
 * @example
 * ```ts
 * import { defaultModelSpec } from 'threadline';
 *
 * const { spec, deterministicRules } = defaultModelSpec({ first_name: 'given_name', surname: 'family_name', dob: 'date_of_birth', email: 'email' });
 * console.log(spec.comparisons.length, spec.blocking?.length, deterministicRules.length);
 * ```
 */
export function defaultModelSpec(
  columns: Readonly<Record<string, ColumnKind>>,
  options: DefaultModelOptions = {},
): { readonly spec: ModelSpecInput; readonly deterministicRules: readonly BlockingRuleSpec[] } {
  const byKind = (kind: ColumnKind) =>
    Object.keys(columns)
      .filter((c) => columns[c] === kind)
      .sort();
  const comparisons: ComparisonSpec[] = [];
  for (const field of Object.keys(columns).sort()) {
    switch (columns[field]) {
      case 'given_name':
        comparisons.push(givenNameComparison(field));
        break;
      case 'family_name':
        comparisons.push(familyNameComparison(field));
        break;
      case 'full_name':
        comparisons.push(fullNameComparison(field));
        break;
      case 'email':
        comparisons.push(emailComparison(field));
        break;
      case 'phone':
        comparisons.push(phoneComparison(field));
        break;
      case 'date_of_birth':
        comparisons.push(dateOfBirthComparison(field));
        break;
      case 'id_number':
        comparisons.push(idNumberComparison(field));
        break;
      case 'address':
      case 'city':
        comparisons.push(textComparison(field));
        break;
      case 'street_number':
      case 'postcode':
      case 'state':
        comparisons.push(codeComparison(field));
        break;
      case 'handle':
        comparisons.push(handleComparison(field, options.handlePlatform ?? 'x'));
        break;
      case 'references':
        comparisons.push(referencesComparison(field));
        break;
      default:
        break;
    }
  }

  const key = (field: string, transform: BlockingRuleSpec['keys'][number]['transform']) =>
    transform === undefined ? { field } : { field, transform };
  const given = byKind('given_name');
  const family = byKind('family_name');
  const full = byKind('full_name');
  const dob = byKind('date_of_birth');
  const blocking: BlockingRuleSpec[] = [];
  const deterministic: BlockingRuleSpec[] = [];
  for (const f of byKind('email')) {
    blocking.push({ keys: [key(f, ['email_canonical'])] });
    blocking.push({ keys: [key(f, ['email_user'])] });
  }
  for (const f of byKind('phone'))
    blocking.push({ keys: [key(f, ['digits', { fn: 'last', n: 7 }])] });
  for (const f of byKind('id_number')) blocking.push({ keys: [key(f, ['alnum'])] });
  for (const f of byKind('handle'))
    blocking.push({ keys: [key(f, [{ fn: 'handle', platform: options.handlePlatform ?? 'x' }])] });
  // Name and place rules combine at least two fields, so that their pair counts grow with
  // the number of records, not with its square: a rule on one common field (a date of birth,
  // a first name) would produce tens of millions of pairs in a million records.
  const initialOf = (f: string) =>
    key(
      f,
      columns[f] === 'full_name'
        ? ['given', { fn: 'first', n: 1 }]
        : ['fold', { fn: 'first', n: 1 }],
    );
  const familyOf = (f: string, transform: 'fold' | 'dmetaphone') =>
    key(
      f,
      columns[f] === 'full_name'
        ? transform === 'fold'
          ? ['family']
          : ['family', 'dmetaphone']
        : [transform],
    );
  const surnames = [...family, ...full];
  for (const f of family)
    for (const g of given) blocking.push({ keys: [key(f, ['fold']), key(g, ['fold'])] });
  for (const n of full) blocking.push({ keys: [key(n, ['name'])] });
  // Typos in both names: they still sound alike.
  for (const f of family)
    for (const g of given)
      blocking.push({ keys: [key(f, ['dmetaphone']), key(g, ['dmetaphone'])] });
  for (const d of dob) {
    for (const f of surnames) {
      blocking.push({ keys: [familyOf(f, 'fold'), key(d, ['year'])] });
      blocking.push({
        keys: [
          key(d, ['date']),
          key(
            f,
            columns[f] === 'full_name'
              ? ['family', { fn: 'first', n: 1 }]
              : ['fold', { fn: 'first', n: 1 }],
          ),
        ],
      });
    }
    for (const g of given) blocking.push({ keys: [key(g, ['fold']), key(d, ['month_day'])] });
    for (const g of [...given, ...full]) {
      blocking.push({ keys: [key(d, ['date']), initialOf(g)] });
      for (const f of surnames)
        blocking.push({ keys: [familyOf(f, 'dmetaphone'), initialOf(g), key(d, ['year'])] });
    }
  }
  for (const p of byKind('postcode')) {
    for (const n of byKind('street_number'))
      blocking.push({ keys: [key(p, ['alnum']), key(n, ['alnum'])] });
    for (const f of surnames)
      blocking.push({ keys: [key(p, ['alnum']), familyOf(f, 'dmetaphone')] });
  }
  for (const c of byKind('city')) {
    for (const f of surnames) blocking.push({ keys: [key(c, ['fold']), familyOf(f, 'fold')] });
    for (const g of given)
      blocking.push({
        keys: [
          key(c, ['fold']),
          key(g, ['fold']),
          ...surnames.slice(0, 1).map((f) => familyOf(f, 'dmetaphone')),
        ],
      });
  }
  for (const a of byKind('address')) blocking.push({ keys: [key(a, ['fold'])] });
  // Broad rules last: they raise recall on small and medium files; on large ones their pair
  // counts exceed the prediction budget and they are skipped (and reported).
  for (const d of dob) {
    blocking.push({ keys: [key(d, ['date'])] });
    for (const g of given) blocking.push({ keys: [key(g, ['fold']), key(d, ['year'])] });
  }
  for (const c of byKind('city'))
    for (const g of given) blocking.push({ keys: [key(c, ['fold']), key(g, ['fold'])] });
  for (const f of surnames)
    for (const g of [...given, ...full])
      blocking.push({ keys: [familyOf(f, 'dmetaphone'), initialOf(g)] });

  // Agreement on a strong identifier plus a name is almost never a coincidence.
  const names = [
    ...given.map((f) => key(f, ['fold'])),
    ...family.map((f) => key(f, ['fold'])),
    ...full.map((f) => key(f, ['name'])),
  ];
  for (const f of byKind('email')) deterministic.push({ keys: [key(f, ['email'])] });
  for (const f of byKind('phone'))
    if (names[0] !== undefined) deterministic.push({ keys: [key(f, ['phone']), names[0]] });
  for (const f of byKind('id_number'))
    for (const d of dob) deterministic.push({ keys: [key(f, ['alnum']), key(d, ['date'])] });
  if (names.length >= 2)
    for (const d of dob) deterministic.push({ keys: [...names, key(d, ['date'])] });
  else if (names.length === 1)
    for (const d of dob)
      deterministic.push({
        keys: [names[0] as BlockingRuleSpec['keys'][number], key(d, ['date'])],
      });

  return {
    spec: {
      comparisons,
      blocking,
      ...(options.region === undefined ? {} : { region: options.region }),
    },
    deterministicRules: deterministic,
  };
}

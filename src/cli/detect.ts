/**
 * Column-kind detection for the command line: which columns of a contact export are evidence
 * of identity, and of what kind, read from each column's name and a sample of its values.
 * Pure: the same columns and samples always give the same answer, whatever their order.
 */
import type { ColumnKind } from '../linkage/index.js';
import { isoDate } from '../linkage/transform/transform.js';
import { SOCIAL_PLATFORMS } from '../normalize/index.js';

/**
 * What each column kind means, in the words of `--help`. Its keys are every {@link ColumnKind}
 * (the record type makes the list exhaustive at compile time).
 *
 * @example
 * ```ts
 * // from src/cli
 * import { COLUMN_KINDS } from './detect.js';
 *
 * console.log(COLUMN_KINDS.email); // an email address
 * ```
 */
export const COLUMN_KINDS: Readonly<Record<ColumnKind, string>> = Object.freeze({
  given_name: 'a first or given name',
  family_name: 'a surname, last or family name',
  full_name: 'a whole name in one field',
  email: 'an email address',
  phone: 'a phone number',
  date_of_birth: 'a date of birth',
  id_number: 'a personal id number: SSN, passport...',
  street_number: 'a street or house number',
  address: 'an address line or street',
  city: 'a city, town or suburb',
  postcode: 'a postcode or zip code',
  state: 'a state, province or region',
  handle: 'a social handle (or handle:PLATFORM, e.g. handle:instagram)',
  references: 'order, ticket or booking references',
  ignore: 'not evidence',
});

/**
 * A column's kind, and for handles the platform whose rules normalize them.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { KindChoice } from './detect.js';
 *
 * const instagram: KindChoice = { kind: 'handle', platform: 'instagram' };
 * console.log(instagram.platform);
 * ```
 */
export interface KindChoice {
  readonly kind: ColumnKind;
  readonly platform?: string;
}

/**
 * Reads the `KIND` of `--column NAME=KIND`: a column kind, or `handle:PLATFORM`. Case and
 * surrounding spaces are ignored.
 *
 * @param text - the text after `=`.
 * @returns the choice, or undefined when it names no kind.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { parseKind } from './detect.js';
 *
 * console.log(parseKind('Email'), parseKind('handle:instagram'), parseKind('shoe_size'));
 * // { kind: 'email' } { kind: 'handle', platform: 'instagram' } undefined
 * ```
 */
export function parseKind(text: string): KindChoice | undefined {
  const value = text.trim().toLowerCase();
  const colon = value.indexOf(':');
  if (colon >= 0) {
    const platform = value.slice(colon + 1).trim();
    if (value.slice(0, colon).trim() !== 'handle' || !PLATFORM_SLUG.test(platform)) {
      return undefined;
    }
    return { kind: 'handle', platform: PLATFORM_ALIASES.get(platform) ?? platform };
  }
  return Object.hasOwn(COLUMN_KINDS, value) ? { kind: value as ColumnKind } : undefined;
}

const PLATFORM_SLUG = /^[a-z][a-z0-9_.-]{0,31}$/;

// ---------------------------------------------------------------------------------------------
// Names

/** A column name split into lower-case words ("firstName", "FIRST_NAME", "First Name" alike). */
interface NameParts {
  readonly tokens: readonly string[];
  /** The words run together: "first_name" and "firstname" both give "firstname". */
  readonly compact: string;
  readonly has: (...words: readonly string[]) => boolean;
}

const CAMEL = /([a-z0-9])([A-Z])/g;
const ACRONYM = /([A-Z]+)([A-Z][a-z])/g;
const LETTER_DIGIT = /([a-z])([0-9])/g;
const DIGIT_LETTER = /([0-9])([a-z])/g;
const COMBINING = /[\u0300-\u036f]/g;
const SEPARATOR = /[^a-z0-9]+/;

function nameParts(name: string): NameParts {
  const spaced = name
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(CAMEL, '$1 $2')
    .replace(ACRONYM, '$1 $2')
    .toLowerCase()
    .replace(LETTER_DIGIT, '$1 $2')
    .replace(DIGIT_LETTER, '$1 $2');
  const tokens = spaced.split(SEPARATOR).filter((t) => t !== '');
  const set = new Set(tokens);
  return {
    tokens,
    compact: tokens.join(''),
    has: (...words) => words.some((w) => set.has(w)),
  };
}

const words = (...list: string[]): ReadonlySet<string> => new Set(list);

const TRUTH_LABELS = words(
  'cluster',
  'clusterid',
  'entity',
  'entityid',
  'label',
  'labels',
  'truth',
  'groundtruth',
  'trueid',
  'goldid',
  'goldstandard',
  'matchid',
  'matchkey',
);
const TIME_WORDS = [
  'date',
  'datetime',
  'time',
  'timestamp',
  'ts',
  'created',
  'updated',
  'modified',
  'deleted',
  'year',
  'month',
] as const;
const QUANTITY_WORDS = [
  'total',
  'amount',
  'count',
  'status',
  'value',
  'price',
  'qty',
  'quantity',
  'type',
  'channel',
  'currency',
  'items',
] as const;
const RECORD_KEYS = words(
  'id',
  'ids',
  'uuid',
  'guid',
  'key',
  'pk',
  'row',
  'rownum',
  'rownumber',
  'index',
  'idx',
  'recid',
  'recordid',
  'objectid',
);
const PHONE_WORDS = [
  'phone',
  'phones',
  'mobile',
  'mob',
  'tel',
  'telephone',
  'cell',
  'cellphone',
  'cellular',
  'msisdn',
  'whatsapp',
  'landline',
  'fax',
  'telefon',
  'telefone',
  'telefono',
] as const;
const PLATFORM_ALIASES: ReadonlyMap<string, string> = new Map([
  ['twitter', 'x'],
  ['tweet', 'x'],
  ['ig', 'instagram'],
  ['insta', 'instagram'],
  ['fb', 'facebook'],
  ['bsky', 'bluesky'],
  ['tg', 'telegram'],
]);
const PLATFORM_WORDS: ReadonlySet<string> = new Set([
  ...SOCIAL_PLATFORMS.filter((p) => p !== 'x' && p !== 'threads'),
  ...PLATFORM_ALIASES.keys(),
]);
const PLATFORM_NAMES: readonly string[] = [
  ...SOCIAL_PLATFORMS.filter((p) => p.length >= 6),
  'twitter',
];
const REFERENCE_WORDS = [
  'order',
  'orders',
  'ticket',
  'tickets',
  'booking',
  'bookings',
  'invoice',
  'invoices',
  'tracking',
  'reference',
  'references',
  'ref',
  'refs',
  'confirmation',
  'reservation',
  'pnr',
] as const;
const ID_NUMBERS = words(
  'ssn',
  'socsecid',
  'socsecnum',
  'socialsecurity',
  'socialsecurityno',
  'socialsecuritynumber',
  'sin',
  'nin',
  'nino',
  'tin',
  'taxid',
  'taxnumber',
  'taxno',
  'nationalid',
  'nationalidnumber',
  'nationalnumber',
  'passport',
  'passportno',
  'passportnumber',
  'idnumber',
  'idno',
  'idnum',
  'identitynumber',
  'identitycard',
  'idcard',
  'nhsnumber',
  'nhsno',
  'medicarenumber',
  'driverslicense',
  'driverslicence',
  'driverlicense',
  'driverlicence',
  'drivinglicence',
  'licensenumber',
  'licencenumber',
  'cpf',
  'aadhaar',
  'nric',
  'bsn',
  'personnummer',
  'dni',
  'curp',
  'pesel',
);
const ID_NUMBER_WORDS = ['ssn', 'passport', 'aadhaar', 'nric', 'cpf', 'nino'] as const;
const GIVEN_NAMES = words(
  'firstname',
  'firstnames',
  'givenname',
  'givennames',
  'fname',
  'forename',
  'forenames',
  'first',
  'given',
  'christianname',
  'namefirst',
  'prenom',
  'vorname',
  'nombre',
);
const FAMILY_NAMES = words(
  'surname',
  'surnames',
  'lastname',
  'lastnames',
  'familyname',
  'lname',
  'last',
  'family',
  'namelast',
  'nachname',
  'apellido',
  'apellidos',
);
const STREET_NUMBERS = words(
  'streetnumber',
  'streetno',
  'streetnum',
  'housenumber',
  'houseno',
  'housenum',
  'housenr',
  'buildingnumber',
  'buildingno',
  'hausnummer',
);
const POSTCODES = words(
  'postcode',
  'postcodes',
  'postalcode',
  'zip',
  'zipcode',
  'zippostcode',
  'postzip',
  'pincode',
  'plz',
  'eircode',
  'cep',
  'postal',
);
const CITY_WORDS = [
  'city',
  'suburb',
  'town',
  'locality',
  'municipality',
  'village',
  'hamlet',
  'ort',
  'ciudad',
  'ville',
] as const;
const STATE_WORDS = [
  'state',
  'province',
  'county',
  'prefecture',
  'territory',
  'canton',
  'region',
  'oblast',
  'bundesland',
] as const;
const ADDRESS_WORDS = ['address', 'addresses', 'addr', 'street', 'residence'] as const;
const NOT_ADDRESS_WORDS = ['ip', 'mac', 'web', 'url', 'wallet'] as const;
const ADDRESS_LINES = words('line1', 'line2', 'line3', 'addressline', 'streetaddress');
const FULL_NAMES = words(
  'name',
  'names',
  'fullname',
  'fullnames',
  'nom',
  'nome',
  'nombrecompleto',
  'customername',
  'contactname',
  'displayname',
  'personname',
  'clientname',
);
// Words that, before "name", still make it a person's whole name ("customer name", not
// "company name" or "user name").
const PERSON_QUALIFIERS = words(
  'full',
  'complete',
  'real',
  'legal',
  'customer',
  'contact',
  'display',
  'person',
  'client',
  'member',
  'patient',
  'sender',
  'caller',
  'requester',
  'recipient',
  'applicant',
  'cardholder',
  'account',
  'holder',
  'of',
  'the',
);

/** What a name rule says: a kind (or a deliberate `ignore`) and why. */
interface NameVerdict extends KindChoice {
  readonly note: string;
}

type NameRule = (name: NameParts) => NameVerdict | undefined;

const verdict = (kind: ColumnKind, note: string, platform?: string): NameVerdict =>
  platform === undefined ? { kind, note } : { kind, platform, note };

// Rules are tried in order; the first that answers wins. The order settles the overlaps:
// "date_of_birth" is a birth date before it is a date, "order_date" a date before an order,
// "street_number" a number before a street, "address_city" a city before an address.
const NAME_RULES: readonly NameRule[] = [
  (n) =>
    TRUTH_LABELS.has(n.compact)
      ? verdict('ignore', 'looks like a ground-truth label, never evidence')
      : undefined,
  (n) =>
    (n.compact.includes('birth') ||
      n.has('dob', 'bday', 'born', 'birthday') ||
      n.compact.startsWith('dob')) &&
    !n.has('place', 'country', 'city', 'town')
      ? verdict('date_of_birth', 'name')
      : undefined,
  (n) =>
    n.has(...TIME_WORDS) || n.compact.endsWith('timestamp')
      ? verdict('ignore', 'a date or time that is not a date of birth')
      : undefined,
  (n) =>
    n.has('email', 'mail') || n.compact.includes('email') ? verdict('email', 'name') : undefined,
  (n) =>
    n.has(...PHONE_WORDS) ||
    n.compact.includes('phone') ||
    n.compact === 'contactnumber' ||
    n.compact === 'mobileno' ||
    n.compact === 'telno'
      ? verdict('phone', 'name')
      : undefined,
  (n) => {
    // "TikTok" and "LinkedIn" are split by their camel case, so whole brand names are also
    // looked for in the run-together name.
    const platform =
      n.tokens.find((t) => PLATFORM_WORDS.has(t)) ??
      PLATFORM_NAMES.find((p) => n.compact.includes(p));
    if (platform !== undefined) {
      return verdict('handle', 'name', PLATFORM_ALIASES.get(platform) ?? platform);
    }
    if (n.has('x') && n.has('handle', 'username', 'account')) return verdict('handle', 'name', 'x');
    return n.has('handle', 'handles') || n.compact === 'screenname'
      ? verdict('handle', 'name')
      : undefined;
  },
  (n) =>
    n.has(...REFERENCE_WORDS) && !n.has(...QUANTITY_WORDS)
      ? verdict('references', 'name')
      : undefined,
  (n) =>
    ID_NUMBERS.has(n.compact) ||
    n.has(...ID_NUMBER_WORDS) ||
    (n.has('social') && n.has('security')) ||
    (n.has('soc') && n.has('sec')) ||
    (n.has('national', 'tax', 'identity') && n.has('id', 'number', 'no', 'num')) ||
    (n.has('driver', 'drivers', 'driving') && n.has('license', 'licence')) ||
    (n.has('id') && n.has('number', 'no', 'num'))
      ? verdict('id_number', 'name')
      : undefined,
  (n) =>
    RECORD_KEYS.has(n.compact) || RECORD_KEYS.has(n.tokens[n.tokens.length - 1] ?? '')
      ? verdict(
          'ignore',
          'a record key, not a personal id (use --column NAME=id_number if it identifies people)',
        )
      : undefined,
  (n) =>
    STREET_NUMBERS.has(n.compact) ||
    (n.has('street', 'house', 'building', 'door') && n.has('number', 'no', 'num', 'nr'))
      ? verdict('street_number', 'name')
      : undefined,
  (n) =>
    GIVEN_NAMES.has(n.compact) || (n.has('first', 'given', 'fore', 'christian') && n.has('name'))
      ? verdict('given_name', 'name')
      : undefined,
  (n) =>
    FAMILY_NAMES.has(n.compact) ||
    n.has('surname') ||
    (n.has('last', 'family', 'sur') && n.has('name'))
      ? verdict('family_name', 'name')
      : undefined,
  (n) =>
    POSTCODES.has(n.compact) ||
    n.has('zip', 'postcode', 'zipcode', 'postalcode') ||
    (n.has('post', 'postal') && n.has('code'))
      ? verdict('postcode', 'name')
      : undefined,
  (n) =>
    n.has(...CITY_WORDS) || n.compact === 'towncity' || n.compact === 'citytown'
      ? verdict('city', 'name')
      : undefined,
  (n) => (n.has(...STATE_WORDS) ? verdict('state', 'name') : undefined),
  (n) =>
    (n.has(...ADDRESS_WORDS) ||
      n.compact.startsWith('address') ||
      n.compact.startsWith('addr') ||
      ADDRESS_LINES.has(n.compact)) &&
    !n.has(...NOT_ADDRESS_WORDS)
      ? verdict('address', 'name')
      : undefined,
  (n) =>
    FULL_NAMES.has(n.compact) ||
    (n.has('name') && n.tokens.every((t) => t === 'name' || PERSON_QUALIFIERS.has(t)))
      ? verdict('full_name', 'name')
      : undefined,
];

/**
 * The kind a column's name suggests, or undefined when the name says nothing. Spelling,
 * case, spaces, underscores and camelCase do not matter (`First Name`, `first_name`,
 * `firstName`, `FNAME`). Some names are deliberately `ignore`: ground-truth labels (`cluster`,
 * `entity`), record keys (`id`, `uuid`, `*_id`) and dates that are not birth dates
 * (`created_at`), so that their content is never mistaken for evidence.
 *
 * @param name - a column name as the file spells it.
 * @returns the kind (and platform, for a handle), or undefined.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { kindFromName } from './detect.js';
 *
 * console.log(kindFromName('Date of Birth'), kindFromName('ig_handle'), kindFromName('notes'));
 * // { kind: 'date_of_birth' } { kind: 'handle', platform: 'instagram' } undefined
 * ```
 */
export function kindFromName(name: string): KindChoice | undefined {
  const found = nameVerdict(name);
  if (found === undefined) return undefined;
  return found.platform === undefined
    ? { kind: found.kind }
    : { kind: found.kind, platform: found.platform };
}

function nameVerdict(name: string): NameVerdict | undefined {
  const parts = nameParts(name);
  if (parts.tokens.length === 0) return undefined;
  for (const rule of NAME_RULES) {
    const found = rule(parts);
    if (found !== undefined) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Values

const WHITESPACE = /\s/;
const HANDLE = /^@[A-Za-z0-9_.]{1,30}$/;
const PHONE_CHARACTERS = /^\+?[0-9()\s./-]+$/;
const DIGIT = /[0-9]/g;
const PHONE_FORMATTING = /^\+|^0|[0-9][\s()./-]+[0-9(]|^\(/;

/** Has an `@` with something before it and a dot somewhere after it. */
function looksLikeEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && dot < domain.length - 1 && !WHITESPACE.test(domain);
}

function looksLikeDate(value: string): boolean {
  return isoDate(value) !== undefined;
}

/** 7 to 15 digits, with only the characters people write phone numbers with. */
function looksLikePhone(value: string): boolean {
  if (value.length > 30 || !PHONE_CHARACTERS.test(value)) return false;
  const digits = value.match(DIGIT)?.length ?? 0;
  return digits >= 7 && digits <= 15;
}

/** Written as a phone number is and an account number is not: `+`, a trunk 0, separators. */
function formattedLikePhone(value: string): boolean {
  return PHONE_FORMATTING.test(value);
}

/** The share of a column's sample values that must fit a kind to call the column that kind. */
const CONTENT_SHARE = 0.8;
/** Below this share, a name's kind is refused by the content ("email_opt_in" holding yes/no). */
const VETO_SHARE = 0.5;
/** Fewer sample values than this say nothing about a column. */
const MIN_SAMPLE = 5;

const share = (values: readonly string[], test: (value: string) => boolean): number => {
  if (values.length === 0) return 0;
  let hits = 0;
  for (const value of values) if (test(value)) hits++;
  return hits / values.length;
};

/**
 * The kind a sample of a column's values shows, when the name says nothing: email addresses
 * (an `@` and a dot after it), `@handles`, dates in a common format (taken as dates of birth),
 * or phone numbers (7 to 15 digits, written with `+`, a leading 0, or separators, so that plain
 * account numbers are not taken for phones). At least 80% of the values must fit, and there
 * must be at least 5.
 *
 * @param values - non-empty values of the column, trimmed.
 * @returns the kind and the share of values that fit it, or undefined.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { kindFromValues } from './detect.js';
 *
 * console.log(kindFromValues(['a@x.com', 'b@y.org', 'c@z.net', 'd@x.com', 'e@y.org']));
 * // { kind: 'email', share: 1 }
 * ```
 */
export function kindFromValues(
  values: readonly string[],
): { readonly kind: ColumnKind; readonly share: number } | undefined {
  if (values.length < MIN_SAMPLE) return undefined;
  const email = share(values, looksLikeEmail);
  if (email >= CONTENT_SHARE) return { kind: 'email', share: email };
  const handle = share(values, (v) => HANDLE.test(v));
  if (handle >= CONTENT_SHARE) return { kind: 'handle', share: handle };
  const date = share(values, looksLikeDate);
  if (date >= CONTENT_SHARE) return { kind: 'date_of_birth', share: date };
  const phone = share(values, looksLikePhone);
  if (phone >= CONTENT_SHARE && share(values, formattedLikePhone) >= VETO_SHARE) {
    return { kind: 'phone', share: phone };
  }
  return undefined;
}

/** For kinds whose values have a recognisable shape: how to tell a value of that kind. */
const SHAPES: Partial<Record<ColumnKind, (value: string) => boolean>> = {
  email: looksLikeEmail,
  phone: looksLikePhone,
  date_of_birth: looksLikeDate,
};

// ---------------------------------------------------------------------------------------------
// Columns

/**
 * One column to detect: its name and a sample of its non-empty values.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { ColumnSample } from './detect.js';
 *
 * const column: ColumnSample = { name: 'E-mail', values: ['ana@example.com'] };
 * console.log(column.name);
 * ```
 */
export interface ColumnSample {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * How a column's kind was decided: `override` (`--column`), `role` (the id or truth column),
 * `name`, `content`, or `none` (not recognised, so ignored).
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { DetectionSource } from './detect.js';
 *
 * const source: DetectionSource = 'content';
 * console.log(source);
 * ```
 */
export type DetectionSource = 'override' | 'role' | 'name' | 'content' | 'none';

/**
 * The decision for one column: its kind (`ignore` when it is not evidence), how it was made,
 * and a short note saying why, for the listing on stderr.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { ColumnDetection } from './detect.js';
 *
 * const d: ColumnDetection = { column: 'mail', kind: 'email', source: 'name', note: 'name' };
 * console.log(d.kind);
 * ```
 */
export interface ColumnDetection extends KindChoice {
  readonly column: string;
  readonly source: DetectionSource;
  readonly note: string;
}

/**
 * Options of {@link detectColumns}.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { DetectOptions } from './detect.js';
 *
 * const options: DetectOptions = { idColumns: ['rec_id'], truthColumn: 'entity', overrides: new Map([['cell', { kind: 'phone' }]]) };
 * console.log(options.truthColumn);
 * ```
 */
export interface DetectOptions {
  /** `--column` choices by column name; they win over detection. */
  readonly overrides?: ReadonlyMap<string, KindChoice>;
  /** The record id columns: never evidence. */
  readonly idColumns?: readonly string[];
  /** The ground-truth column: never evidence. */
  readonly truthColumn?: string;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Decides the kind of every column: an override if given; the id and truth columns are never
 * evidence; otherwise the name, checked against the content for kinds with a recognisable shape
 * (a column named like an email whose values are mostly not emails is not an email column);
 * otherwise the content alone. Email addresses and `@handles` are recognised by content whatever
 * the column is called. Each column is decided on its own, so the answer does not depend on the
 * order of the columns.
 *
 * @param columns - the columns with samples of their non-empty values.
 * @param options - overrides, and the id and truth columns.
 * @returns one decision per column, in the order given.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { detectColumns } from './detect.js';
 *
 * const found = detectColumns(
 *   [
 *     { name: 'rec_id', values: ['1', '2'] },
 *     { name: 'Given Name', values: ['Ana', 'Bo'] },
 *     { name: 'contact', values: ['a@x.com', 'b@y.com', 'c@x.org', 'd@z.com', 'e@x.com'] },
 *     { name: 'notes', values: ['called twice'] },
 *   ],
 *   { idColumns: ['rec_id'] },
 * );
 * console.log(found.map((d) => `${d.column}: ${d.kind}`));
 * // [ 'rec_id: ignore', 'Given Name: given_name', 'contact: email', 'notes: ignore' ]
 * ```
 */
export function detectColumns(
  columns: readonly ColumnSample[],
  options: DetectOptions = {},
): ColumnDetection[] {
  return columns.map((column) => detectColumn(column, options));
}

function detectColumn(column: ColumnSample, options: DetectOptions): ColumnDetection {
  const { name, values } = column;
  const decided = (choice: KindChoice, source: DetectionSource, note: string): ColumnDetection =>
    choice.platform === undefined
      ? { column: name, kind: choice.kind, source, note }
      : { column: name, kind: choice.kind, platform: choice.platform, source, note };

  if (options.idColumns?.includes(name) === true) {
    return decided({ kind: 'ignore' }, 'role', 'record id, never evidence');
  }
  if (options.truthColumn === name) {
    return decided({ kind: 'ignore' }, 'role', 'ground truth, never evidence');
  }
  const override = options.overrides?.get(name);
  if (override !== undefined) return decided(override, 'override', 'from --column');
  if (values.length === 0) return decided({ kind: 'ignore' }, 'none', 'no values');

  const content = kindFromValues(values);
  const byName = nameVerdict(name);
  // An address or an @handle is unmistakable, whatever the column is called.
  if (
    content !== undefined &&
    (content.kind === 'email' || content.kind === 'handle') &&
    byName?.kind !== content.kind
  ) {
    return decided(content, 'content', `${percent(content.share)} of values look like one`);
  }
  if (byName !== undefined) {
    const shape = SHAPES[byName.kind];
    const fit = shape === undefined ? 1 : share(values, shape);
    if (values.length < MIN_SAMPLE || fit >= VETO_SHARE) {
      return byName.kind === 'ignore'
        ? decided(byName, 'name', byName.note)
        : decided(byName, 'name', 'name');
    }
    if (content !== undefined) {
      return decided(content, 'content', `${percent(content.share)} of values look like one`);
    }
    return decided(
      { kind: 'ignore' },
      'none',
      `named like ${byName.kind}, but only ${percent(fit)} of values look like one`,
    );
  }
  if (content !== undefined) {
    return decided(content, 'content', `${percent(content.share)} of values look like one`);
  }
  return decided({ kind: 'ignore' }, 'none', 'not recognised');
}

/**
 * Up to `max` non-empty values of one column, spread evenly over the records (not just the
 * first ones, since exports are often sorted), trimmed. List values (JSONL arrays) count item
 * by item; objects are skipped.
 *
 * @param records - the records, in file order.
 * @param column - the column to read.
 * @param max - the most values to return (default 1000).
 * @returns the sample, in record order.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { sampleValues } from './detect.js';
 *
 * console.log(sampleValues([{ a: ' x ' }, { a: '' }, { a: ['y', 3] }, {}], 'a')); // [ 'x', 'y', '3' ]
 * ```
 */
export function sampleValues(
  records: readonly Readonly<Record<string, unknown>>[],
  column: string,
  max = 1000,
): string[] {
  const all: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      const text = value.trim();
      if (text !== '') all.push(text);
    } else if (typeof value === 'number' && Number.isFinite(value)) all.push(String(value));
    else if (Array.isArray(value)) for (const item of value) add(item);
  };
  for (const record of records) add(record[column]);
  if (all.length <= max) return all;
  const out: string[] = [];
  const step = all.length / max;
  for (let k = 0; k < max; k++) out.push(all[Math.floor(k * step)] as string);
  return out;
}

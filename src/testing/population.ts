import { type Random, seededRandom } from '../core/random.js';

const GIVEN = [
  'ana',
  'robert',
  'elizabeth',
  'william',
  'margaret',
  'john',
  'katherine',
  'anthony',
  'james',
  'mary',
  'joseph',
  'patricia',
  'michael',
  'jennifer',
  'david',
  'linda',
  'richard',
  'susan',
  'thomas',
  'jessica',
  'daniel',
  'sarah',
  'matthew',
  'karen',
  'christopher',
  'nancy',
  'andrew',
  'lisa',
  'joshua',
  'sofia',
  'lucas',
  'maria',
  'mateo',
  'valentina',
  'hugo',
  'chloe',
  'noah',
  'emma',
  'liam',
  'olivia',
  'wei',
  'priya',
  'arjun',
  'fatima',
  'omar',
  'yuki',
  'kenji',
  'ingrid',
  'lars',
  'aisha',
];
const NICK: Readonly<Record<string, string>> = {
  robert: 'bob',
  elizabeth: 'liz',
  william: 'bill',
  margaret: 'peggy',
  john: 'jack',
  katherine: 'kate',
  anthony: 'tony',
  james: 'jim',
  joseph: 'joe',
  patricia: 'pat',
  michael: 'mike',
  richard: 'rick',
  thomas: 'tom',
  daniel: 'dan',
  christopher: 'chris',
  andrew: 'andy',
  matthew: 'matt',
  jennifer: 'jen',
};
const FAMILY = [
  'souza',
  'smith',
  'johnson',
  'williams',
  'brown',
  'jones',
  'garcia',
  'miller',
  'davis',
  'rodriguez',
  'martinez',
  'hernandez',
  'lopez',
  'gonzalez',
  'wilson',
  'anderson',
  'thomas',
  'taylor',
  'moore',
  'jackson',
  'martin',
  'lee',
  'perez',
  'thompson',
  'white',
  'harris',
  'sanchez',
  'clark',
  'ramirez',
  'lewis',
  'robinson',
  'walker',
  'young',
  'allen',
  'king',
  'wright',
  'scott',
  'torres',
  'nguyen',
  'hill',
  'flores',
  'green',
  'adams',
  'nelson',
  'baker',
  'hall',
  'rivera',
  'campbell',
  'mitchell',
  'carter',
  'okafor',
  'tanaka',
  'kowalski',
  'muller',
  'rossi',
  'novak',
  'haddad',
  'silva',
  'costa',
  'ferreira',
  'dubois',
];
const CITIES = [
  'london',
  'leeds',
  'lisbon',
  'porto',
  'boston',
  'austin',
  'denver',
  'madrid',
  'lyon',
  'berlin',
];
const DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'example.com',
  'mail.example.org',
  'icloud.com',
];
const AREAS = ['310', '212', '415', '818', '646', '512', '303', '617'];

/**
 * The column kinds of generated records, for `defaultModelSpec`: names, date of birth, email,
 * phone and city (the `id` and `entity` columns are not evidence).
 *
 * @example
 * ```ts
 * import { defaultModelSpec } from 'threadline';
 * import { POPULATION_COLUMNS } from 'threadline/testing';
 *
 * const { spec } = defaultModelSpec(POPULATION_COLUMNS, { region: 'US' });
 * console.log(spec.comparisons.length); // 6
 * ```
 */
export const POPULATION_COLUMNS = Object.freeze({
  first_name: 'given_name',
  surname: 'family_name',
  dob: 'date_of_birth',
  email: 'email',
  phone: 'phone',
  city: 'city',
} as const);

/**
 * One generated record: a contact as a helpdesk export would hold it, with the id of the person
 * it belongs to (`entity`, the ground truth, never evidence).
 *
 * @example
 * ```ts
 * import type { PopulationRecord } from 'threadline/testing';
 *
 * const r: PopulationRecord = { id: 'r1', entity: 'p1', first_name: 'Ana', surname: 'Souza', dob: '1990-04-12', email: 'ana@example.com', phone: '310-555-2671', city: 'Lisbon' };
 * console.log(r.entity);
 * ```
 */
export interface PopulationRecord {
  readonly id: string;
  /** The person this record belongs to: ground truth for evaluation. */
  readonly entity: string;
  readonly first_name: string | null;
  readonly surname: string | null;
  readonly dob: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly city: string | null;
}

/**
 * Options for {@link generatePopulation}.
 *
 * @example
 * ```ts
 * import type { PopulationOptions } from 'threadline/testing';
 *
 * const options: PopulationOptions = { people: 1000, seed: 7, duplicates: 2 };
 * console.log(options.people);
 * ```
 */
export interface PopulationOptions {
  /** How many distinct people (default 100). */
  readonly people?: number;
  /** Seed: the same seed gives the same population (default 1). */
  readonly seed?: number;
  /** The mean number of extra records per person (default 1.5). */
  readonly duplicates?: number;
  /** How much each duplicate is corrupted, from 0 (clean copies) to 1 (heavily); default 0.5. */
  readonly corruption?: number;
  /** Share of people sharing a household phone with the previous person (default 0.02). */
  readonly sharedPhones?: number;
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const SYLLABLES = [
  'ka',
  'ri',
  'an',
  'el',
  'mo',
  'la',
  'ta',
  'ni',
  'so',
  'ra',
  'be',
  'lu',
  'mi',
  'jo',
  'da',
  'vi',
  'na',
  'ro',
  'se',
  'li',
  'or',
  'ha',
  'ke',
  'tu',
];

/**
 * A long-tailed vocabulary: the real names first (most common), then names built from
 * syllables, drawn with Zipf-like frequencies, as name frequencies are in real populations.
 */
interface Vocabulary {
  readonly words: readonly string[];
  readonly cumulative: Float64Array;
}

function vocabulary(
  common: readonly string[],
  size: number,
  parts: number,
  salt: number,
  exponent: number,
): Vocabulary {
  const words = [...common];
  const seen = new Set(words);
  const random = seededRandom(salt);
  // Words of `parts` or `parts + 1` syllables; the attempts bound keeps a too-large request
  // from looping forever (the vocabulary is then as large as the syllables allow).
  for (let attempts = 0; words.length < size && attempts < size * 20; attempts++) {
    let word = '';
    const length = parts + (random() < 0.5 ? 0 : 1);
    for (let k = 0; k < length; k++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    total += 1 / (r + 1) ** exponent;
    cumulative[r] = total;
  }
  for (let r = 0; r < words.length; r++) cumulative[r] = (cumulative[r] as number) / total;
  return { words, cumulative };
}

function draw(random: Random, v: Vocabulary): string {
  const x = random();
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v.cumulative[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo] as string;
}

function typo(random: Random, s: string): string {
  if (s.length < 2) return s;
  const i = Math.floor(random() * (s.length - 1));
  const kind = random();
  if (kind < 0.35) return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2); // swap
  if (kind < 0.6) return s.slice(0, i) + s.slice(i + 1); // drop
  if (kind < 0.85)
    return s.slice(0, i) + String.fromCharCode(97 + Math.floor(random() * 26)) + s.slice(i + 1); // replace
  return s.slice(0, i) + (s[i] ?? '') + s.slice(i); // double
}

const title = (s: string) => s.replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());

/**
 * Generates a reproducible population of contact records with ground truth: people seen
 * several times with realistic corruption (typos and swaps, case and spacing, nicknames and
 * initials, Gmail dots and `+tags`, national and international phone formats, a changed phone
 * number, missing fields, shared household phones). Yields records lazily, so it scales to
 * millions as a stream.
 *
 * @example
 * ```ts
 * import { generatePopulation } from 'threadline/testing';
 *
 * const records = [...generatePopulation({ people: 3, seed: 42 })];
 * console.log(records.length >= 3, new Set(records.map((r) => r.entity)).size); // true 3
 * ```
 */
export function* generatePopulation(options: PopulationOptions = {}): Generator<PopulationRecord> {
  const people = options.people ?? 100;
  const random = seededRandom(options.seed ?? 1);
  const mean = options.duplicates ?? 1.5;
  const corruption = Math.min(1, Math.max(0, options.corruption ?? 0.5));
  const shared = options.sharedPhones ?? 0.02;
  let record = 0;
  let previousPhone = '';
  // Vocabularies grow with the population, as they do in real data.
  const givenNames = vocabulary(
    GIVEN,
    Math.max(GIVEN.length, Math.min(6000, Math.ceil(people / 40))),
    2,
    11,
    0.8,
  );
  const familyNames = vocabulary(
    FAMILY,
    Math.max(FAMILY.length, Math.min(60_000, Math.ceil(people / 8))),
    3,
    12,
    0.6,
  );
  const cities = vocabulary(
    CITIES,
    Math.max(CITIES.length, Math.min(2000, Math.ceil(people / 200))),
    3,
    13,
    0.9,
  );
  for (let p = 0; p < people; p++) {
    const given = draw(random, givenNames);
    const family = draw(random, familyNames);
    const year = 1940 + Math.floor(random() * 65);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const dob = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // Mailbox names are unique per provider: common names get a distinguishing suffix.
    const suffix = p.toString(36);
    const user = random() < 0.5 ? `${given}.${family}.${suffix}` : `${given}${family}${suffix}`;
    const email = `${user}@${pick(random, DOMAINS)}`;
    const phone =
      random() < shared && previousPhone !== ''
        ? previousPhone
        : `${pick(random, AREAS)}${200 + Math.floor(random() * 700)}${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    previousPhone = phone;
    const city = draw(random, cities);
    const copies = 1 + Math.floor(random() * (2 * mean + 1));
    for (let k = 0; k < copies; k++) {
      const dirty = k > 0 && random() < corruption;
      const c = () => dirty && random() < corruption * 0.6;
      let first: string | null = title(given);
      if (dirty && NICK[given] !== undefined && random() < 0.3)
        first = title(NICK[given] as string);
      else if (c()) first = random() < 0.2 ? `${given[0]?.toUpperCase()}.` : typo(random, first);
      let last: string | null = c() ? typo(random, title(family)) : title(family);
      let birth: string | null = dob;
      if (c())
        birth =
          random() < 0.5
            ? `${year}-${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}`
            : `${year + (random() < 0.5 ? 1 : -1)}-${dob.slice(5)}`;
      let mail: string | null = email;
      if (dirty && email.endsWith('@gmail.com') && random() < 0.4)
        mail = `${user.replace('.', '')}+shop@gmail.com`;
      else if (c()) mail = random() < 0.5 ? typo(random, email) : email.toUpperCase();
      let tel: string | null =
        random() < 0.5
          ? `${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}`
          : `+1 (${phone.slice(0, 3)}) ${phone.slice(3, 6)} ${phone.slice(6)}`;
      if (c())
        tel = random() < 0.5 ? `${pick(random, AREAS)}${phone.slice(3)}` : typo(random, phone);
      let town: string | null = c() ? typo(random, title(city)) : title(city);
      // Fields go missing more often on dirty copies.
      const drop = () => random() < (dirty ? 0.15 : 0.03);
      if (drop()) first = null;
      if (drop()) last = null;
      if (drop()) birth = null;
      if (drop()) mail = null;
      if (drop()) tel = null;
      if (drop()) town = null;
      yield {
        id: `r${record++}`,
        entity: `p${p}`,
        first_name: first,
        surname: last,
        dob: birth,
        email: mail,
        phone: tel,
        city: town,
      };
    }
  }
}

/**
 * Generated records without their ground truth, and the truth apart.
 *
 * @example
 * ```ts
 * import { generatePopulation, separateTruth, type SeparatedPopulation } from 'threadline/testing';
 *
 * const split: SeparatedPopulation = separateTruth(generatePopulation({ people: 2, seed: 1 }));
 * console.log(split.records.length > 0);
 * ```
 */
export interface SeparatedPopulation {
  /** The records as a model may see them: every field but `entity`. */
  readonly records: readonly Omit<PopulationRecord, 'entity'>[];
  /** The ground truth: the person a record id belongs to ('' when unknown). */
  readonly truth: {
    /** The person of a record, by record id. */
    readonly key: (id: string) => string;
  };
}

/**
 * Splits generated records into what a model may see (every field but `entity`) and the
 * ground truth, ready for `evaluatePredictions` or `evaluateClusters`.
 *
 * @example
 * ```ts
 * import { generatePopulation, separateTruth } from 'threadline/testing';
 *
 * const { records, truth } = separateTruth(generatePopulation({ people: 10, seed: 1 }));
 * console.log('entity' in (records[0] ?? {}), truth.key(records[0]?.id ?? '') !== ''); // false true
 * ```
 */
export function separateTruth(population: Iterable<PopulationRecord>): SeparatedPopulation {
  const entities = new Map<string, string>();
  const records: Omit<PopulationRecord, 'entity'>[] = [];
  for (const { entity, ...rest } of population) {
    entities.set(rest.id, entity);
    records.push(rest);
  }
  return { records, truth: { key: (id) => entities.get(id) ?? '' } };
}

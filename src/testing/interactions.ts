import { z } from 'zod';
import { ThreadlineError } from '../core/errors.js';
import { type Random, seededRandom } from '../core/random.js';
import type { Identifier, ObservedIdentifier, Trust } from '../model/identifier.js';
import { interactionId } from '../model/ids.js';
import type { Interaction, Message, Participant } from '../model/interaction.js';
import { toIssues } from '../model/parse.js';
import type { Reference } from '../model/reference.js';
import { TimestampSchema } from '../model/time.js';

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The last instant `toISOString` writes with a four-digit year, as timestamps require. */
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Windows end a day early: replies and call ends come up to a day after the last start. */
const LATEST_END = MAX_TIME - DAY;

// ---------------------------------------------------------------------------------------------
// Phone numbering plans
// ---------------------------------------------------------------------------------------------

/**
 * How customers' numbers are made and written in one region. A number is a prefix (a
 * range the plan assigns to mobiles or to an area and exchange) followed by `tail` free
 * digits; patterns write the national significant number, one `#` per digit.
 */
interface PhonePlan {
  readonly countryCode: string;
  readonly prefixes: readonly string[];
  readonly tail: number;
  readonly national: readonly string[];
  readonly international: readonly string[];
  /** The business's own support line, as a national significant number. */
  readonly support: string;
}

/** NANP exchanges a customer's number can have: not an N11 service code, not 555. */
const NANP_EXCHANGES: readonly string[] = Array.from({ length: 800 }, (_, k) => 200 + k)
  .filter((e) => e % 100 !== 11 && e !== 555)
  .map(String);

const words = (text: string): string[] => text.trim().split(/\s+/);

const nanp = (areas: readonly string[]): string[] =>
  areas.flatMap((area) => NANP_EXCHANGES.map((exchange) => area + exchange));

const NANP_NATIONAL = [
  '(###) ###-####',
  '###-###-####',
  '###.###.####',
  '##########',
  '### ### ####',
  '1-###-###-####',
];
const NANP_INTERNATIONAL = ['+1 ### ### ####', '+1 (###) ###-####', '+1-###-###-####'];

const PLANS = {
  US: {
    countryCode: '1',
    prefixes: nanp(
      words(`
        206 212 213 214 305 310 312 404 415 469 480 503
        512 602 617 619 646 702 713 718 720 773 818 832`),
    ),
    tail: 4,
    national: NANP_NATIONAL,
    international: NANP_INTERNATIONAL,
    support: '8002460190',
  },
  CA: {
    countryCode: '1',
    prefixes: nanp(words('403 416 438 514 587 604 613 647 778 902')),
    tail: 4,
    national: NANP_NATIONAL,
    international: NANP_INTERNATIONAL,
    support: '8002460190',
  },
  GB: {
    countryCode: '44',
    // Mobile ranges of Great Britain proper; some ranges belong to Jersey, Guernsey or Man.
    prefixes: words(`
      740 741 742 743 744 746 747 748 749 751 753 754 755 756 757 758 759 771 772 773
      774 775 776 777 780 781 784 785 786 787 788 789 790 792 794 795 796 797 798 799`),
    tail: 7,
    national: ['0#### ######', '0##########', '0#### ### ###', '(0####) ######'],
    international: ['+44 #### ######', '+44 (0)#### ######', '+44##########', '0044 #### ######'],
    support: '2071838750',
  },
  BR: {
    countryCode: '55',
    prefixes: ['11', '19', '21', '27', '31', '41', '48', '51', '61', '71', '81', '85'].flatMap(
      (area) => ['96', '97', '98', '99'].map((start) => area + start),
    ),
    tail: 7,
    national: ['(##) #####-####', '## #####-####', '###########', '(##)#####-####'],
    international: ['+55 ## #####-####', '+55 (##) #####-####', '+55###########'],
    support: '1130030000',
  },
  DE: {
    countryCode: '49',
    prefixes: ['170', '171', '172', '173', '175', '177', '178', '179'],
    tail: 7,
    national: ['0### #######', '0###/#######', '0###-#######', '0##########'],
    international: ['+49 ### #######', '+49 (0)### #######', '+49##########', '0049 ### #######'],
    support: '3091827364',
  },
  FR: {
    countryCode: '33',
    prefixes: ['60', '61', '62', '64', '65', '66', '67', '68', '75', '76', '77', '78'],
    tail: 7,
    national: ['0# ## ## ## ##', '0#.##.##.##.##', '0#########', '0#-##-##-##-##'],
    international: ['+33 # ## ## ## ##', '+33 (0)# ## ## ## ##', '+33#########'],
    support: '142681530',
  },
} as const satisfies Record<string, PhonePlan>;

/**
 * The regions {@link generateInteractions} can draw customers' phone numbers from.
 *
 * @example
 * ```ts
 * import { GENERATED_REGIONS } from 'threadline/testing';
 *
 * console.log(GENERATED_REGIONS); // [ 'US', 'CA', 'GB', 'BR', 'DE', 'FR' ]
 * ```
 */
export const GENERATED_REGIONS = Object.freeze(['US', 'CA', 'GB', 'BR', 'DE', 'FR'] as const);

type GeneratedRegion = (typeof GENERATED_REGIONS)[number];

/** How many distinct customer numbers a region's plan can give. */
const capacity = (plan: PhonePlan): number => plan.prefixes.length * 10 ** plan.tail;

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/**
 * The channels {@link generateInteractions} produces, each with the identifiers typical of it.
 *
 * @example
 * ```ts
 * import { GENERATED_CHANNELS } from 'threadline/testing';
 *
 * console.log(GENERATED_CHANNELS.includes('whatsapp')); // true
 * ```
 */
export const GENERATED_CHANNELS = Object.freeze([
  'email',
  'phone',
  'sms',
  'whatsapp',
  'chat',
  'x',
  'instagram',
  'messenger',
] as const);

type GeneratedChannel = (typeof GENERATED_CHANNELS)[number];

/** The mix when none is given: roughly what a mid-sized online shop's helpdesk sees. */
const DEFAULT_MIX: Readonly<Record<GeneratedChannel, number>> = {
  email: 0.25,
  phone: 0.2,
  sms: 0.08,
  whatsapp: 0.1,
  chat: 0.2,
  x: 0.07,
  instagram: 0.05,
  messenger: 0.05,
};

const share = (fallback: number) => z.number().min(0).max(1).default(fallback);

/**
 * Options for {@link generateInteractions}, validated eagerly: every field is optional.
 *
 * @example
 * ```ts
 * import { InteractionGenerationOptionsSchema } from 'threadline/testing';
 *
 * console.log(InteractionGenerationOptionsSchema.safeParse({ people: -1 }).success); // false
 * console.log(InteractionGenerationOptionsSchema.parse({}).region); // US
 * ```
 */
export const InteractionGenerationOptionsSchema = z
  .strictObject({
    /** How many distinct people (default 100). */
    people: z.number().int().min(0).max(50_000_000).default(100),
    /** Seed: the same options always give the same stream (default 1; 32 bits are used). */
    seed: z.number().int().default(1),
    /** The mean number of interactions per person, at least 1 (default 3). */
    interactionsPerPerson: z.number().min(1).max(1000).default(3),
    /** The start of the time window: an ISO timestamp or milliseconds since the epoch. */
    start: z
      .union([TimestampSchema, z.number().int().min(0).max(MAX_TIME)])
      .default('2026-01-01T00:00:00Z'),
    /** The length of the time window in milliseconds (default 90 days). */
    span: z
      .number()
      .int()
      .min(1)
      .max(MAX_TIME)
      .default(90 * DAY),
    /** Where customers' phone numbers come from, and the interactions' default region. */
    region: z.enum(GENERATED_REGIONS).default('US'),
    /** How much each interaction's values are corrupted, from 0 (canonical) to 1 (heavily). */
    corruption: share(0.5),
    /** Share of people who call and text from a household phone another person also uses. */
    sharedPhones: share(0.03),
    /** Share of people who sometimes write from a shared or role mailbox (info@, family@). */
    sharedMailboxes: share(0.03),
    /** Share of people who change phone number part-way through the stream. */
    changedPhones: share(0.05),
    /** Share of people with a social handle who change it part-way through the stream. */
    newHandles: share(0.05),
    /** Share of interactions carrying a placeholder value (`0000000000`, `test@test.com`, `n/a`). */
    placeholders: share(0.02),
    /** Share of a customer's identifiers that arrive verified (caller id, login, one-time code). */
    verified: share(0.3),
    /** Share of interactions showing one of the business's own identifiers. */
    businessIdentifiers: share(0.02),
    /**
     * Relative weight of each channel; channels left out are not used. About half the people
     * have no social account and use only the other channels, so X, Instagram and Messenger
     * come out below their weight unless they are the only channels.
     */
    channels: z.partialRecord(z.enum(GENERATED_CHANNELS), z.number().min(0).max(1e6)).optional(),
  })
  .superRefine((value, ctx) => {
    const start = typeof value.start === 'number' ? value.start : Date.parse(value.start);
    if (start + value.span > LATEST_END) {
      ctx.addIssue({
        code: 'custom',
        path: ['span'],
        message: 'the window must end at least a day before the end of year 9999',
      });
    }
    if (value.channels !== undefined) {
      const total = Object.values(value.channels).reduce<number>((sum, w) => sum + (w ?? 0), 0);
      if (!(total > 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels'],
          message: 'at least one channel needs a positive weight',
        });
      }
    }
    // Every person gets a distinct number and a distinct replacement number.
    if (2 * value.people > capacity(PLANS[value.region])) {
      ctx.addIssue({
        code: 'custom',
        path: ['people'],
        message: `too many people for the numbering plan of ${value.region}`,
      });
    }
  });

/**
 * What a caller may pass to {@link generateInteractions}; see
 * {@link InteractionGenerationOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { InteractionGenerationOptions } from 'threadline/testing';
 *
 * const options: InteractionGenerationOptions = { people: 1000, seed: 7, corruption: 0.3 };
 * console.log(options.people);
 * ```
 */
export type InteractionGenerationOptions = z.input<typeof InteractionGenerationOptionsSchema>;

type Settings = z.output<typeof InteractionGenerationOptionsSchema>;

function parseOptions(options: unknown): Settings {
  const result = InteractionGenerationOptionsSchema.safeParse(options);
  if (result.success) return result.data;
  throw new ThreadlineError(
    'invalid_options',
    'Invalid interaction generator options',
    toIssues(result.error),
  );
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** A given name as people write it, then the nicknames it goes by. */
type GivenName = readonly [display: string, ...nicknames: string[]];

// Ordered from most to least common: names are drawn with Zipf-like frequencies.
const GIVEN: readonly GivenName[] = [
  ['Robert', 'Bob', 'Rob', 'Bobby'],
  ['Maria'],
  ['James', 'Jim', 'Jimmy'],
  ['Jennifer', 'Jen', 'Jenny'],
  ['Michael', 'Mike'],
  ['Elizabeth', 'Liz', 'Beth'],
  ['William', 'Bill', 'Will'],
  ['Patricia', 'Pat', 'Trish'],
  ['David', 'Dave'],
  ['Ana'],
  ['Richard', 'Rick', 'Rich'],
  ['Susan', 'Sue'],
  ['Joseph', 'Joe'],
  ['Margaret', 'Peggy', 'Maggie'],
  ['Thomas', 'Tom'],
  ['Katherine', 'Kate', 'Katie'],
  ['Christopher', 'Chris'],
  ['Sarah'],
  ['Daniel', 'Dan', 'Danny'],
  ['José', 'Pepe'],
  ['Matthew', 'Matt'],
  ['Emma'],
  ['Anthony', 'Tony'],
  ['Olivia', 'Liv'],
  ['Andrew', 'Andy'],
  ['Sofía'],
  ['Nicholas', 'Nick'],
  ['Rebecca', 'Becky'],
  ['Alexander', 'Alex'],
  ['Victoria', 'Vicky'],
  ['Samuel', 'Sam'],
  ['Deborah', 'Debbie'],
  ['Benjamin', 'Ben'],
  ['Chloé'],
  ['Edward', 'Ed', 'Ted'],
  ['Zoë'],
  ['Francisco', 'Paco'],
  ['Priya'],
  ['Lucas'],
  ['Fatima'],
  ['Omar'],
  ['Wei'],
  ['Yuki'],
  ['Aisha'],
  ['François'],
  ['Renée'],
  ['Søren'],
  ['Björn'],
  ['Mateo'],
  ['Ingrid'],
  ['Kenji'],
  ['Noah'],
  ['Liam'],
  ['Valentina'],
];

// Commas separate names; some family names have spaces.
const FAMILY: readonly string[] = `
  Smith, Johnson, Williams, Brown, García, Jones, Miller, Davis, Rodríguez, Martínez,
  Hernández, López, González, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee,
  Pérez, Thompson, White, Harris, Sánchez, Clark, Ramírez, Lewis, Robinson, Walker, Young,
  Allen, King, Wright, Scott, Torres, Nguyen, Hill, Flores, Green, Adams, Nelson, Baker, Hall,
  Rivera, Campbell, Mitchell, Carter, Roberts, Müller, Schäfer, Kowalski, Dubois, Lefèvre,
  Rossi, Silva, Souza, Costa, Ferreira, Okafor, Tanaka, Sato, Kim, Park, Chen, Wang, Patel,
  Singh, Haddad, O'Brien, McDonald, de la Cruz, van der Berg, Núñez, Østergaard
`
  .trim()
  .split(/,\s*/);

/** Cumulative Zipf weights for a list ordered from most to least common. */
function zipf(size: number, exponent: number): Float64Array {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) {
    total += 1 / (r + 1) ** exponent;
    cumulative[r] = total;
  }
  for (let r = 0; r < size; r++) cumulative[r] = (cumulative[r] as number) / total;
  return cumulative;
}

const GIVEN_WEIGHTS = zipf(GIVEN.length, 0.7);
const FAMILY_WEIGHTS = zipf(FAMILY.length, 0.6);

/** Personal mailbox providers with their shares; Gmail's dot and `+tag` rules matter most. */
const PROVIDERS: readonly (readonly [string, number])[] = [
  ['gmail.com', 0.38],
  ['yahoo.com', 0.13],
  ['outlook.com', 0.12],
  ['icloud.com', 0.1],
  ['hotmail.com', 0.08],
  ['comcast.net', 0.07],
  ['aol.com', 0.04],
  ['proton.me', 0.04],
  ['gmx.net', 0.04],
];
const PROVIDER_WEIGHTS = cumulativeOf(PROVIDERS.map(([, w]) => w));

const MAILBOX_ROLES = ['info', 'office', 'family', 'contact', 'hello', 'admin'];
const MAILBOX_KINDS = ['home', 'plumbing', 'dental', 'studio', 'bakery', 'farm', 'design'];
const GMAIL_TAGS = ['shop', 'orders', 'northwind', 'promo', 'news'];

const BUSINESS_EMAIL = 'support@northwind-outfitters.com';
const BUSINESS_HANDLES = { x: 'NorthwindHelp', instagram: 'northwind.outfitters' } as const;
const BUSINESS_PAGE = 'page:104857600012345';

/**
 * Placeholder values people type into required fields, or systems write for "unknown". A
 * resolver must never link two customers through them; the generator draws from these lists.
 *
 * @example
 * ```ts
 * import { normalizeEmail } from 'threadline';
 * import { GENERATED_PLACEHOLDERS } from 'threadline/testing';
 *
 * console.log(GENERATED_PLACEHOLDERS.emails.every((e) => !normalizeEmail(e).matchable)); // true
 * ```
 */
export const GENERATED_PLACEHOLDERS = Object.freeze({
  /** Phone values for a withheld or unknown number. */
  phones: Object.freeze(['0000000000', '1234567890', '5555555555', '9999999999', 'n/a']),
  /** Email values typed to get past a required field. */
  emails: Object.freeze(['test@test.com', 'none@none.com', 'noemail@noemail.com', 'n/a']),
  /** Names shown when the customer gave none. */
  names: Object.freeze(['n/a', 'Guest', 'Customer', 'Unknown']),
});

const AGENTS: readonly Readonly<Participant>[] = [
  'Priya',
  'Marcus',
  'Jordan',
  'Elena',
  'Sam',
  'Keiko',
  'Tomás',
  'Aisha',
].map((name, k) => ({ role: 'agent' as const, id: `agent-${k + 1}`, name }));

const BOT: Readonly<Participant> = { role: 'bot', id: 'bot', name: 'Northwind Assistant' };

/** One kind of customer issue: what it is called and what each side says about it. */
interface Topic {
  readonly subject: string;
  /** Whether the issue is about an order (and so may carry an order number). */
  readonly orders: boolean;
  /** The customer's opening lines; `{o}` is replaced by ` <order number>` or nothing. */
  readonly opening: readonly string[];
  readonly followUp: readonly string[];
  readonly agent: readonly string[];
}

const TOPICS: readonly Topic[] = [
  {
    subject: 'Where is my order?',
    orders: true,
    opening: [
      'Hi, my order{o} still has not arrived.',
      'Tracking for my order{o} has not moved in five days.',
      'My parcel was due on Monday, can you check my order{o}?',
    ],
    followUp: [
      'Any news on my order{o}? Still nothing here.',
      'Following up again about my order{o}, it never came.',
    ],
    agent: [
      'Sorry for the wait! I have asked the carrier to trace the parcel.',
      'I can see it left our warehouse; it should arrive within two days.',
    ],
  },
  {
    subject: 'Refund not received',
    orders: true,
    opening: [
      'I returned my order{o} two weeks ago and have no refund yet.',
      'When will my refund for my order{o} be processed?',
    ],
    followUp: ['Still no refund for my order{o}, what is going on?'],
    agent: [
      'The refund has been issued and should show in 3 to 5 business days.',
      'I have escalated this to our payments team.',
    ],
  },
  {
    subject: 'Item arrived damaged',
    orders: true,
    opening: [
      'The lamp in my order{o} arrived broken.',
      'My order{o} came with a cracked screen, I have photos.',
    ],
    followUp: ['Did you get my photos of the damage to my order{o}?'],
    agent: [
      'I am sorry about that. A replacement is on its way at no cost.',
      'Could you send a photo of the box as well?',
    ],
  },
  {
    subject: 'Wrong size, need an exchange',
    orders: true,
    opening: [
      'The boots from my order{o} are too small, can I swap them for a 42?',
      'I need to exchange the jacket in my order{o} for a medium.',
    ],
    followUp: ['Is the exchange for my order{o} on its way?'],
    agent: ['I have created a free return label for you.', 'The exchange is booked.'],
  },
  {
    subject: 'Charged twice',
    orders: true,
    opening: [
      'I was charged twice for my order{o}.',
      'My card shows two payments for my order{o}, please fix.',
    ],
    followUp: ['The double charge for my order{o} is still on my statement.'],
    agent: [
      'I can see the duplicate payment and have reversed it.',
      'The second charge was a pre-authorisation and will drop off.',
    ],
  },
  {
    subject: 'Cannot log in',
    orders: false,
    opening: [
      'I cannot log in to my account, the reset email never arrives.',
      'My password reset link says it has expired.',
    ],
    followUp: ['Still locked out of my account.'],
    agent: ['I have sent a new reset link.', 'Please try again in a private browser window.'],
  },
  {
    subject: 'Cancel my order',
    orders: true,
    opening: [
      'Please cancel my order{o} before it ships.',
      'I ordered by mistake, please cancel my order{o}.',
    ],
    followUp: ['Was my order{o} cancelled? I got a shipping email.'],
    agent: ['The order is cancelled and you will not be charged.'],
  },
  {
    subject: 'Change delivery address',
    orders: true,
    opening: ['I need to change the delivery address on my order{o}.'],
    followUp: ['Did the new address for my order{o} go through?'],
    agent: ['Done, the parcel will go to the new address.'],
  },
];

const STATUSES = ['resolved', 'open', 'waiting_on_customer', 'closed'] as const;

const SOURCES: Readonly<Record<GeneratedChannel, string>> = {
  email: 'zendesk',
  phone: 'twilio-voice',
  sms: 'twilio-sms',
  whatsapp: 'whatsapp-cloud',
  chat: 'intercom',
  x: 'x-api',
  instagram: 'meta-graph',
  messenger: 'meta-graph',
};

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    total += weights[k] as number;
    out[k] = total;
  }
  for (let k = 0; k < weights.length; k++) out[k] = total > 0 ? (out[k] as number) / total : 0;
  return out;
}

/** The index a uniform draw falls in, by binary search over cumulative weights. */
function drawIndex(random: Random, cumulative: Float64Array): number {
  const x = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** A 32-bit integer hash (murmur3's finalizer): the round function of {@link permute}. */
function mix(value: number, key: number): number {
  let z = Math.imul(value ^ key, 0x9e3779b1);
  z = Math.imul(z ^ (z >>> 15), 0x85ebca77);
  return (z ^ (z >>> 13)) >>> 0;
}

/**
 * A keyed bijection of [0, modulus) for moduli up to 2^52: distinct people get distinct
 * numbers, and neighbours get unrelated ones (a linear map would give them near-identical
 * digits, which a string comparison would mistake for a near-match). A four-round Feistel
 * network permutes the smallest even power of two that holds the range; values outside the
 * range are walked along their cycle until they fall inside it, in under four steps on average.
 */
function permutation(modulus: number, key: number): (n: number) => number {
  let bits = 2;
  while (2 ** bits < modulus) bits += 2;
  const half = 2 ** (bits / 2);
  const mask = half - 1;
  return (n) => {
    let x = n;
    do {
      let left = Math.floor(x / half);
      let right = x - left * half;
      for (let round = 0; round < 4; round++) {
        const next = (left ^ (mix(right, key + round) & mask)) >>> 0;
        left = right;
        right = next;
      }
      x = left * half + right;
    } while (x >= modulus);
    return x;
  };
}

/** Knuth's method for small means; a rounded normal for large ones. */
function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random();
    while (p > limit) {
      k++;
      p *= random();
    }
    return k;
  }
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
}

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LOWER_ASCII = /[^a-z]/g;
const UNFOLDABLE: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
};
const UNFOLDABLE_CHARS = /[øØßæÆłŁđ]/g;

/** Strips accents, as keyboards without them and older systems do (`José` → `Jose`). */
const stripAccents = (s: string): string =>
  s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNFOLDABLE_CHARS, (c) => UNFOLDABLE[c] ?? c);

// Folding is slow next to everything else the generator does; the vocabulary is folded once.
const PLAIN_NAMES: ReadonlyMap<string, string> = new Map(
  [...GIVEN.flat(), ...FAMILY].map((name) => [name, stripAccents(name)]),
);

/** A name without accents, as keyboards without them and older systems write it. */
const plainName = (s: string): string => PLAIN_NAMES.get(s) ?? stripAccents(s);

/** The letters of a name as a mailbox or handle would spell them. */
const asciiWord = (s: string): string => plainName(s).toLowerCase().replace(NOT_LOWER_ASCII, '');

/** One keyboard slip: a transposition, a dropped, replaced or doubled character. */
function typo(random: Random, s: string): string {
  if (s.length < 2) return `${s}${s}`;
  const i = Math.floor(random() * (s.length - 1));
  const kind = random();
  const a = s[i] ?? '';
  const b = s[i + 1] ?? '';
  if (kind < 0.4 && a !== b) return s.slice(0, i) + b + a + s.slice(i + 2);
  if (kind < 0.6) return s.slice(0, i) + s.slice(i + 1);
  if (kind < 0.85) {
    let replacement = String.fromCharCode(97 + Math.floor(random() * 26));
    if (replacement === a) replacement = a === 'z' ? 'a' : String.fromCharCode(a.charCodeAt(0) + 1);
    return s.slice(0, i) + replacement + s.slice(i + 1);
  }
  return s.slice(0, i) + a + s.slice(i);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * `new Date(ms).toISOString()`, several times faster: the date part is formatted once per day
 * and the time of day by hand. Timestamps dominate the cost of a generated interaction.
 */
function isoTime(ctx: Context, ms: number): string {
  const day = Math.floor(ms / DAY);
  const clock = ctx.clock;
  if (day !== clock.day) {
    clock.day = day;
    clock.prefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / 1000);
  return `${clock.prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest - s * 1000)}Z`;
}

/** Writes digits into a pattern, one per `#`. */
function applyPattern(pattern: string, digits: string): string {
  let out = '';
  let k = 0;
  for (const ch of pattern) out += ch === '#' ? (digits[k++] ?? '') : ch;
  return out;
}

const WORD_START = /(^|[._])([a-z])/g;

/** `robert.smith` → `Robert.Smith`: how some systems and people case addresses and handles. */
const capitalise = (s: string): string =>
  s.replace(WORD_START, (_m, sep: string, c: string) => sep + c.toUpperCase());

type VerificationMethod = 'channel_native' | 'login' | 'otp';

// Every interaction gets its own objects, so that an adopter editing one edits only that one.
const claimed = (): Trust => ({ level: 'claimed' });
const verified = (method: VerificationMethod): Trust => ({ level: 'verified', method });

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/**
 * What a generated interaction shows that a resolver has to cope with: a phone `shared` by a
 * household, a `shared_mailbox`, a `changed_phone` or `new_handle` (the new value), a
 * `placeholder`, one of the business's own identifiers, or a `typo` in an identifier (so the
 * value no longer normalizes to the person's).
 *
 * @example
 * ```ts
 * import type { InteractionFeature } from 'threadline/testing';
 *
 * const feature: InteractionFeature = 'shared_phone';
 * console.log(feature);
 * ```
 */
export type InteractionFeature =
  | 'shared_phone'
  | 'shared_mailbox'
  | 'changed_phone'
  | 'new_handle'
  | 'placeholder'
  | 'business_identifier'
  | 'typo';

/**
 * One generated interaction with its ground truth: the person it belongs to and the journey
 * (issue) within that person's history.
 *
 * @example
 * ```ts
 * import { generateInteractions, type GeneratedInteraction } from 'threadline/testing';
 *
 * const [first] = generateInteractions({ people: 1 });
 * const item: GeneratedInteraction | undefined = first;
 * console.log(item?.person, item?.interaction.id); // p0 ix-1
 * ```
 */
export interface GeneratedInteraction {
  /** A valid interaction, as a helpdesk would deliver it. */
  readonly interaction: Interaction;
  /** The ground-truth person (`p<n>`); never evidence. */
  readonly person: string;
  /** The ground-truth journey (`p<n>-j<k>`): one issue of that person. */
  readonly journey: string;
  /** What this interaction shows that makes resolution hard. */
  readonly features: readonly InteractionFeature[];
}

/**
 * A live view of a stream's progress: how many people were made so far and how many are
 * still held in memory because they have interactions to come.
 *
 * @example
 * ```ts
 * import { generateInteractions, type InteractionStreamStats } from 'threadline/testing';
 *
 * const stream = generateInteractions({ people: 1_000_000 });
 * stream.next();
 * const stats: InteractionStreamStats = stream.stats;
 * console.log(stats.people, stats.interactions); // 1 1
 * ```
 */
export interface InteractionStreamStats {
  /** People materialized so far (people are made only when their first interaction is due). */
  readonly people: number;
  /** People held in memory: those with interactions still to come. */
  readonly active: number;
  /** Interactions yielded so far. */
  readonly interactions: number;
}

/**
 * The stream {@link generateInteractions} returns: a generator of interactions in time order,
 * with live {@link InteractionStreamStats}.
 *
 * @example
 * ```ts
 * import { generateInteractions, type InteractionStream } from 'threadline/testing';
 *
 * const stream: InteractionStream = generateInteractions({ people: 10 });
 * for (const item of stream) if (item.interaction.channel === 'x') break;
 * console.log(stream.stats.people <= 10); // true
 * ```
 */
export type InteractionStream = Generator<GeneratedInteraction, void, undefined> & {
  /** Progress so far; updated as items are taken. */
  readonly stats: InteractionStreamStats;
};

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/**
 * One person's stable attributes and the little state needed to continue their history.
 * Nothing here grows with the number of interactions.
 */
interface Person {
  readonly ordinal: number;
  readonly id: string;
  readonly given: GivenName;
  readonly family: string;
  /** Personal addresses, as the person writes them when careful. */
  readonly emails: readonly string[];
  /** The number they use at first (a household's when `sharesPhone`), national digits. */
  readonly phone: string;
  readonly sharesPhone: boolean;
  readonly newPhone: string | undefined;
  /** The interaction (by position in their history) from which the new phone is used. */
  readonly phoneChangeAt: number;
  readonly handle: string | undefined;
  readonly newHandle: string | undefined;
  readonly handleChangeAt: number;
  readonly account: string | undefined;
  readonly psid: string | undefined;
  readonly mailbox: string | undefined;
  readonly total: number;
  done: number;
  next: number;
  previous: number;
  journey: number;
  /** How many interactions of the current journey came before this one. */
  step: number;
  topic: number;
  order: string | undefined;
  lastMessageId: string | undefined;
}

/** Everything derived once from the options. */
interface Context {
  readonly settings: Settings;
  readonly random: Random;
  readonly plan: PhonePlan;
  readonly start: number;
  /** The end of the window, exclusive. */
  readonly end: number;
  /** Digits of the suffixes that keep addresses, handles and account ids distinct. */
  readonly digits: number;
  /** Numberings of people: phone numbers, name suffixes, Messenger ids, order numbers. */
  readonly phones: (n: number) => number;
  readonly suffixes: (n: number) => number;
  readonly psids: (n: number) => number;
  readonly orders: (n: number) => number;
  readonly orderDigits: number;
  /** How many shared mailboxes exist: about two or three users each. */
  readonly pool: number;
  readonly channels: readonly GeneratedChannel[];
  /** Cumulative channel weights for people with social accounts. */
  readonly mix: Float64Array;
  /** The same without the social channels, for people without. */
  readonly offlineMix: Float64Array;
  /** Share of people with social accounts (a handle and a Messenger id). */
  readonly socialShare: number;
  /** The last day formatted, as `YYYY-MM-DDT`: most timestamps in a row share it. */
  readonly clock: { day: number; prefix: string };
}

const SOCIAL_CHANNELS: ReadonlySet<GeneratedChannel> = new Set(['x', 'instagram', 'messenger']);

function makeContext(settings: Settings): Context {
  const random = seededRandom(settings.seed);
  const plan: PhonePlan = PLANS[settings.region];
  const start = typeof settings.start === 'number' ? settings.start : Date.parse(settings.start);
  const weights = settings.channels ?? DEFAULT_MIX;
  const channels = GENERATED_CHANNELS.filter((c) => (weights[c] ?? 0) > 0);
  const mix = cumulativeOf(channels.map((c) => weights[c] ?? 0));
  const offline = channels.map((c) => (SOCIAL_CHANNELS.has(c) ? 0 : (weights[c] ?? 0)));
  const offlineTotal = offline.reduce((a, b) => a + b, 0);
  // Enough digits that every person (and their second address or handle) gets its own.
  const digits = Math.max(3, String(2 * settings.people).length);
  const orderDigits = Math.max(8, String(settings.people * 64).length);
  // Each numbering has its own seed-dependent key, so that seeds give different values.
  const key = Math.floor(random() * 2 ** 32);
  return {
    settings,
    random,
    plan,
    start,
    end: start + settings.span,
    digits,
    phones: permutation(capacity(plan), key),
    suffixes: permutation(10 ** digits, key + 16),
    psids: permutation(1e15, key + 32),
    orders: permutation(10 ** orderDigits, key + 48),
    orderDigits,
    pool: Math.max(1, Math.round((settings.people * settings.sharedMailboxes) / 2.5)),
    channels,
    mix,
    offlineMix: cumulativeOf(offline),
    // When only social channels are in the mix, everybody must have a social account.
    socialShare: offlineTotal > 0 ? 0.45 : 1,
    clock: { day: Number.NaN, prefix: '' },
  };
}

function phoneNumber(ctx: Context, n: number): string {
  const { plan } = ctx;
  const value = ctx.phones(n);
  const unit = 10 ** plan.tail;
  const prefix = plan.prefixes[Math.floor(value / unit)] as string;
  return prefix + String(value % unit).padStart(plan.tail, '0');
}

const suffix = (ctx: Context, n: number): string => String(ctx.suffixes(n));

function emailAddress(ctx: Context, given: GivenName, family: string, n: number): string {
  const { random } = ctx;
  const g = asciiWord(given[0]);
  const f = asciiWord(family);
  const s = suffix(ctx, n);
  const nick = given.length > 1 ? asciiWord(pick(random, given.slice(1))) : g;
  const style = Math.floor(random() * 6);
  const local =
    style === 0
      ? `${g}.${f}${s}`
      : style === 1
        ? `${g}${f}${s}`
        : style === 2
          ? `${g.slice(0, 1)}${f}${s}`
          : style === 3
            ? `${f}.${g}${s}`
            : style === 4
              ? `${g}_${f}${s}`
              : `${nick}.${f}${s}`;
  const domain = PROVIDERS[drawIndex(random, PROVIDER_WEIGHTS)]?.[0] ?? 'gmail.com';
  return `${local}@${domain}`;
}

function socialHandle(ctx: Context, given: GivenName, family: string, n: number): string {
  const g = asciiWord(given[0]).slice(0, 5);
  const f = asciiWord(family).slice(0, 5);
  const s = suffix(ctx, n);
  const style = Math.floor(ctx.random() * 3);
  // At most 15 characters, X's limit, with the 8-digit suffix of the largest populations.
  return style === 0
    ? `${g}_${f.slice(0, 1)}${s}`
    : style === 1
      ? `${g.slice(0, 1)}${f}${s}`
      : `${f}${g.slice(0, 1)}${s}`;
}

function sharedMailbox(ctx: Context): string {
  const k = Math.floor(ctx.random() * ctx.pool);
  const family = asciiWord(FAMILY[k % FAMILY.length] as string);
  const kind = MAILBOX_KINDS[Math.floor(k / FAMILY.length) % MAILBOX_KINDS.length] as string;
  const role = MAILBOX_ROLES[k % MAILBOX_ROLES.length] as string;
  return `${role}@${family}-${kind}${k}.com`;
}

/** A point where something changes in a history of `total` interactions, or never. */
const changePoint = (random: Random, total: number): number =>
  total < 2 ? 1 : 1 + Math.floor(random() * (total - 1));

interface Household {
  phone: string;
  family: string;
}

function createPerson(ctx: Context, ordinal: number, at: number, household: Household): Person {
  const { random, settings } = ctx;
  const people = settings.people;
  const given = GIVEN[drawIndex(random, GIVEN_WEIGHTS)] as GivenName;
  const sharesPhone = ordinal > 0 && random() < settings.sharedPhones;
  // A household shares its phone and, usually, its family name.
  const family =
    sharesPhone && random() < 0.7
      ? household.family
      : (FAMILY[drawIndex(random, FAMILY_WEIGHTS)] as string);
  const emails = [emailAddress(ctx, given, family, ordinal)];
  if (random() < 0.3) emails.push(emailAddress(ctx, given, family, ordinal + people));
  const phone = sharesPhone ? household.phone : phoneNumber(ctx, ordinal);
  const total = 1 + poisson(random, settings.interactionsPerPerson - 1);
  const changesPhone = random() < settings.changedPhones;
  const social = random() < ctx.socialShare;
  const handle = social ? socialHandle(ctx, given, family, ordinal) : undefined;
  const changesHandle = social && random() < settings.newHandles;
  household.phone = phone;
  household.family = family;
  const id = `p${ordinal}`;
  return {
    ordinal,
    id,
    given,
    family,
    emails,
    phone,
    sharesPhone,
    newPhone: changesPhone ? phoneNumber(ctx, ordinal + people) : undefined,
    phoneChangeAt: changesPhone ? changePoint(random, total) : Number.POSITIVE_INFINITY,
    handle,
    newHandle: changesHandle ? socialHandle(ctx, given, family, ordinal + people) : undefined,
    handleChangeAt: changesHandle ? changePoint(random, total) : Number.POSITIVE_INFINITY,
    account: random() < 0.6 ? `cus_${suffix(ctx, ordinal).padStart(ctx.digits, '0')}` : undefined,
    psid: social ? `7${String(ctx.psids(ordinal)).padStart(15, '0')}` : undefined,
    mailbox: random() < settings.sharedMailboxes ? sharedMailbox(ctx) : undefined,
    total,
    done: 0,
    next: at,
    previous: at,
    journey: 0,
    step: 0,
    topic: 0,
    order: undefined,
    lastMessageId: undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering values as channels deliver them
// ---------------------------------------------------------------------------------------------

/** What one interaction is being built from. */
interface Draft {
  readonly ctx: Context;
  readonly person: Person;
  readonly corruption: number;
  readonly identifiers: ObservedIdentifier[];
  readonly features: InteractionFeature[];
}

function note(draft: Draft, feature: InteractionFeature): void {
  if (!draft.features.includes(feature)) draft.features.push(feature);
}

function trustFor(draft: Draft, method: VerificationMethod): Trust {
  return draft.ctx.random() < draft.ctx.settings.verified ? verified(method) : claimed();
}

/** A name as the channel showed it: nicknames, initials, order, case and accents vary. */
function renderName(draft: Draft, givenOnly: boolean): string {
  const { random } = draft.ctx;
  const c = draft.corruption;
  const { given } = draft.person;
  let first = given.length > 1 && random() < c * 0.4 ? pick(random, given.slice(1)) : given[0];
  let family = draft.person.family;
  if (random() < c * 0.05) family = typo(random, family);
  if (random() < c * 0.3) {
    first = plainName(first);
    family = plainName(family);
  }
  let name: string;
  if (givenOnly) name = first;
  else {
    const form = random();
    if (form < c * 0.1) name = `${first.slice(0, 1)}. ${family}`;
    else if (form < c * 0.2) name = `${first} ${family.slice(0, 1).toUpperCase()}.`;
    else if (form < c * 0.25) name = `${family}, ${first}`;
    else name = `${first} ${family}`;
  }
  const style = random();
  if (style < c * 0.2) name = name.toLowerCase();
  else if (style < c * 0.3) name = name.toUpperCase();
  return name;
}

function renderEmail(draft: Draft, address: string, trust: Trust, displayName: boolean): string {
  const { random } = draft.ctx;
  const c = draft.corruption;
  if (c === 0) return address;
  const at = address.lastIndexOf('@');
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  if (domain === 'gmail.com') {
    // Gmail ignores dots and `+tags`: the same mailbox written several ways.
    if (random() < c * 0.5) {
      if (local.includes('.')) local = local.replaceAll('.', '');
      else {
        const i = 1 + Math.floor(random() * (local.length - 1));
        local = `${local.slice(0, i)}.${local.slice(i)}`;
      }
    }
    if (random() < c * 0.3) local = `${local}+${pick(random, GMAIL_TAGS)}`;
    if (random() < c * 0.05) domain = 'googlemail.com';
  }
  if (trust.level === 'claimed' && random() < c * 0.06) {
    local = typo(random, local);
    note(draft, 'typo');
  }
  let value = `${local}@${domain}`;
  const casing = random();
  if (casing < c * 0.1) value = value.toUpperCase();
  else if (casing < c * 0.3) value = capitalise(value);
  if (displayName && random() < 0.35) {
    const name = renderName(draft, false).replaceAll('"', '');
    // A comma in a bare display name would split the header into two addresses.
    value = random() < 0.5 || name.includes(',') ? `"${name}" <${value}>` : `${name} <${value}>`;
  }
  if (random() < c * 0.15) value = random() < 0.5 ? ` ${value}` : `${value} `;
  return value;
}

function renderPhone(draft: Draft, digits: string, trust: Trust): string {
  const { random, plan } = draft.ctx;
  const c = draft.corruption;
  const e164 = `+${plan.countryCode}${digits}`;
  if (c === 0) return e164;
  // Carriers deliver caller ids in E.164; people and forms write numbers every which way.
  if (trust.level === 'verified' && random() < 0.7) return e164;
  let nsn = digits;
  if (trust.level === 'claimed' && random() < c * 0.05) {
    const i = Math.floor(random() * (nsn.length - 1));
    const a = nsn[i] ?? '0';
    const b = nsn[i + 1] ?? '0';
    const swapped = a === b ? String((Number(a) + 1) % 10) + b : b + a;
    nsn = nsn.slice(0, i) + swapped + nsn.slice(i + 2);
    note(draft, 'typo');
  }
  if (random() > 0.3 + c) return `+${plan.countryCode}${nsn}`;
  const patterns = random() < 0.55 ? plan.national : plan.international;
  const value = applyPattern(pick(random, patterns), nsn);
  return random() < c * 0.1 ? ` ${value} ` : value;
}

function renderHandle(draft: Draft, handle: string): string {
  const { random } = draft.ctx;
  const c = draft.corruption;
  let value = handle;
  const casing = random();
  if (casing < c * 0.4) value = capitalise(value);
  else if (casing < c * 0.5) value = value.toUpperCase();
  if (random() < Math.min(1, c) * 0.6) value = `@${value}`;
  return value;
}

/** The phone the person uses at this point of their history. */
function currentPhone(draft: Draft): string {
  const { person } = draft;
  if (person.newPhone !== undefined && person.done >= person.phoneChangeAt) {
    note(draft, 'changed_phone');
    return person.newPhone;
  }
  if (person.sharesPhone) note(draft, 'shared_phone');
  return person.phone;
}

function currentHandle(draft: Draft): string | undefined {
  const { person } = draft;
  if (person.newHandle !== undefined && person.done >= person.handleChangeAt) {
    note(draft, 'new_handle');
    return person.newHandle;
  }
  return person.handle;
}

function addPhone(draft: Draft, method: 'channel_native' | 'otp'): void {
  const digits = currentPhone(draft);
  const trust = trustFor(draft, method);
  const value = renderPhone(draft, digits, trust);
  if (draft.ctx.random() < 0.3) {
    draft.identifiers.push({ kind: 'phone', value, region: draft.ctx.settings.region, trust });
  } else draft.identifiers.push({ kind: 'phone', value, trust });
}

function addEmail(draft: Draft, method: 'channel_native' | 'otp', displayName: boolean): void {
  const { random } = draft.ctx;
  const { person } = draft;
  let address: string;
  if (person.mailbox !== undefined && random() < 0.6) {
    address = person.mailbox;
    note(draft, 'shared_mailbox');
  } else address = pick(random, person.emails);
  const trust = trustFor(draft, method);
  draft.identifiers.push({
    kind: 'email',
    value: renderEmail(draft, address, trust, displayName),
    trust,
  });
}

function addHandle(draft: Draft, platform: 'x' | 'instagram'): void {
  const handle = currentHandle(draft);
  if (handle === undefined) return;
  const trust = trustFor(draft, 'channel_native');
  const value = platform === 'instagram' ? handle.replaceAll('_', '.') : handle;
  draft.identifiers.push({
    kind: 'social',
    platform,
    handle: renderHandle(draft, value),
    trust,
  });
}

function addPlaceholder(draft: Draft, kind: 'phone' | 'email'): void {
  const { random } = draft.ctx;
  const value =
    kind === 'phone'
      ? pick(random, GENERATED_PLACEHOLDERS.phones)
      : pick(random, GENERATED_PLACEHOLDERS.emails);
  draft.identifiers.push({ kind, value, trust: claimed(), source: 'web-form' });
  note(draft, 'placeholder');
}

/** The support line as written in text, or as a record shows it (E.164 when uncorrupted). */
function supportLine(ctx: Context, corruption: number): string {
  return corruption === 0
    ? `+${ctx.plan.countryCode}${ctx.plan.support}`
    : applyPattern(ctx.plan.international[0] as string, ctx.plan.support);
}

// ---------------------------------------------------------------------------------------------
// Interactions
// ---------------------------------------------------------------------------------------------

/** How an order number is written in a message. */
function orderMention(random: Random, order: string): string {
  const r = random();
  if (r < 0.55) return order;
  if (r < 0.75) return order.replace('-', '');
  if (r < 0.9) return `#${order}`;
  return order.toLowerCase();
}

function fill(template: string, order: string | undefined): string {
  return template.replace('{o}', order === undefined ? '' : ` ${order}`);
}

interface Shape {
  readonly direction: 'inbound' | 'outbound';
  readonly visibility?: 'public' | 'private';
  readonly subject?: string;
  readonly durationMs?: number;
}

/** Starts a new journey (issue) or continues the current one, as people do. */
function advanceJourney(ctx: Context, person: Person, at: number): void {
  const { random } = ctx;
  if (person.done > 0) {
    // A long silence usually means a new issue; a quick return usually the same one.
    const fresh = random() < (at - person.previous > 7 * DAY ? 0.85 : 0.12);
    if (!fresh) {
      person.step++;
      return;
    }
    person.journey++;
  }
  person.step = 0;
  person.topic = Math.floor(random() * TOPICS.length);
  const topic = TOPICS[person.topic] as Topic;
  person.order =
    topic.orders && random() < 0.75 ? orderNumber(ctx, person.ordinal, person.journey) : undefined;
  person.lastMessageId = undefined;
}

/** A distinct order number per person and journey. */
function orderNumber(ctx: Context, ordinal: number, journey: number): string {
  const value = ctx.orders(ordinal * 64 + (journey % 64));
  return `A-${String(value).padStart(ctx.orderDigits, '0')}`;
}

function buildInteraction(ctx: Context, person: Person, n: number): GeneratedInteraction {
  const { random, settings } = ctx;
  const at = person.next;
  advanceJourney(ctx, person, at);
  const draft: Draft = {
    ctx,
    person,
    // Each interaction is corrupted to its own degree around the requested level.
    corruption: settings.corruption * (0.5 + random()),
    identifiers: [],
    features: [],
  };
  const social = person.handle !== undefined;
  // People without social accounts draw from the other channels only.
  const channel = ctx.channels[drawIndex(random, social ? ctx.mix : ctx.offlineMix)] ?? 'email';
  const topic = TOPICS[person.topic] as Topic;
  const business = random() < settings.businessIdentifiers;
  const placeholder = random() < settings.placeholders;
  const mentioned =
    person.order !== undefined && random() < (person.step === 0 ? 0.8 : 0.6)
      ? orderMention(random, person.order)
      : undefined;
  const agent = pick(random, AGENTS);
  const participants: Participant[] = [];
  const references: Reference[] = [];
  let customerName: string | undefined;
  let shape: Shape = { direction: 'inbound' };
  let thread: Interaction['thread'];

  switch (channel) {
    case 'email': {
      const outbound = random() < 0.15;
      shape = {
        direction: outbound ? 'outbound' : 'inbound',
        subject:
          person.lastMessageId !== undefined
            ? `Re: ${topic.subject}`
            : mentioned !== undefined && random() < 0.4
              ? `Order ${mentioned}: ${topic.subject}`
              : topic.subject,
      };
      addEmail(draft, 'channel_native', true);
      if (random() < 0.1) addPhone(draft, 'otp');
      if (random() < 0.5) customerName = renderName(draft, false);
      const messageId = `<${n.toString(36)}.${person.ordinal.toString(36)}@mail.example.net>`;
      thread =
        person.lastMessageId !== undefined && random() < 0.7
          ? { messageId, inReplyTo: [person.lastMessageId] }
          : { messageId };
      person.lastMessageId = messageId;
      if (business) {
        draft.identifiers.push({ kind: 'email', value: BUSINESS_EMAIL, trust: claimed() });
        note(draft, 'business_identifier');
      }
      if (placeholder) addPlaceholder(draft, 'phone');
      break;
    }
    case 'phone':
    case 'sms': {
      const outbound = business || random() < 0.15;
      shape = {
        direction: outbound ? 'outbound' : 'inbound',
        ...(channel === 'phone' ? { durationMs: (2 + Math.floor(random() * 24)) * MINUTE } : {}),
      };
      // A withheld caller id arrives as a placeholder instead of the number.
      if (placeholder && !outbound) addPlaceholder(draft, 'phone');
      else addPhone(draft, 'channel_native');
      if (business) {
        draft.identifiers.push({
          kind: 'phone',
          value: supportLine(ctx, draft.corruption),
          trust: claimed(),
          source: 'dialer',
        });
        note(draft, 'business_identifier');
      }
      // Caller-name lookups give surnames first and in capitals.
      if (channel === 'phone' && random() < 0.4) {
        const name = `${plainName(person.family)} ${plainName(person.given[0])}`;
        customerName = random() < 0.5 ? name.toUpperCase() : renderName(draft, false);
      }
      if (placeholder && outbound) addPlaceholder(draft, 'email');
      break;
    }
    case 'whatsapp': {
      addPhone(draft, 'channel_native');
      customerName = renderName(draft, random() < 0.5);
      if (business) {
        draft.identifiers.push({
          kind: 'phone',
          value: supportLine(ctx, draft.corruption),
          trust: claimed(),
        });
        note(draft, 'business_identifier');
      }
      if (placeholder) addPlaceholder(draft, 'email');
      break;
    }
    case 'chat': {
      shape = { direction: 'inbound', durationMs: (3 + Math.floor(random() * 28)) * MINUTE };
      const loggedIn = person.account !== undefined && random() < 0.4;
      if (loggedIn && person.account !== undefined) {
        draft.identifiers.push({
          kind: 'account',
          namespace: 'shop',
          value: person.account,
          trust: trustFor(draft, 'login'),
        });
      }
      if (random() < 0.6) addEmail(draft, 'otp', false);
      if (random() < 0.15) addPhone(draft, 'otp');
      if (business) {
        // The customer typed the address they were writing to, not their own.
        draft.identifiers.push({ kind: 'email', value: BUSINESS_EMAIL, trust: claimed() });
        note(draft, 'business_identifier');
      }
      if (placeholder) {
        addPlaceholder(draft, random() < 0.5 ? 'email' : 'phone');
        customerName = pick(random, GENERATED_PLACEHOLDERS.names);
      } else if (random() < 0.7) customerName = renderName(draft, random() < 0.4);
      if (mentioned !== undefined && person.order !== undefined && random() < 0.4) {
        // Chats opened from an order page carry the order as data.
        references.push({ kind: 'order', value: person.order, origin: 'provided' });
      }
      break;
    }
    case 'x':
    case 'instagram': {
      const visibility = random() < 0.5 ? 'public' : 'private';
      shape = { direction: 'inbound', visibility };
      addHandle(draft, channel);
      customerName = renderName(draft, random() < 0.3);
      if (visibility === 'private' && random() < 0.25) addEmail(draft, 'otp', false);
      if (business) {
        draft.identifiers.push({
          kind: 'social',
          platform: channel,
          handle: `@${BUSINESS_HANDLES[channel]}`,
          trust: claimed(),
        });
        note(draft, 'business_identifier');
      }
      if (placeholder) addPlaceholder(draft, 'email');
      break;
    }
    case 'messenger': {
      draft.identifiers.push({
        kind: 'scoped_id',
        platform: 'messenger',
        scope: BUSINESS_PAGE,
        id: person.psid ?? '0',
        trust: trustFor(draft, 'channel_native'),
      });
      customerName = renderName(draft, false);
      if (random() < 0.2) addEmail(draft, 'otp', false);
      if (business) {
        draft.identifiers.push({ kind: 'email', value: BUSINESS_EMAIL, trust: claimed() });
        note(draft, 'business_identifier');
      }
      if (placeholder) addPlaceholder(draft, 'phone');
      break;
    }
  }

  participants.push(
    customerName === undefined
      ? { role: 'customer', id: 'customer' }
      : { role: 'customer', id: 'customer', name: customerName },
  );
  participants.push({ ...agent });
  const usesBot = channel === 'chat' && random() < 0.3;
  if (usesBot) participants.push({ ...BOT });

  const { messages, end } = buildMessages(
    ctx,
    person,
    channel,
    shape,
    topic,
    mentioned,
    agent,
    usesBot,
    at,
  );
  const startedAt = isoTime(ctx, at);
  const interaction: Interaction = {
    id: interactionId(`ix-${n}`),
    channel,
    direction: shape.direction,
    startedAt,
    source: SOURCES[channel],
    region: settings.region,
    participants,
    identifiers: draft.identifiers,
    messages,
    references,
    status: pick(random, STATUSES),
    ...(shape.visibility === undefined ? {} : { visibility: shape.visibility }),
    // A call or chat lasts at least until its last message.
    ...(shape.durationMs === undefined
      ? {}
      : { endedAt: isoTime(ctx, Math.max(end, at + shape.durationMs)) }),
    ...(shape.subject === undefined ? {} : { subject: shape.subject }),
    ...(thread === undefined ? {} : { thread }),
  };
  return {
    interaction,
    person: person.id,
    journey: `${person.id}-j${person.journey}`,
    features: draft.features.length === 0 ? NO_FEATURES : draft.features,
  };
}

const NO_FEATURES: readonly InteractionFeature[] = Object.freeze([]);

function buildMessages(
  ctx: Context,
  person: Person,
  channel: GeneratedChannel,
  shape: Shape,
  topic: Topic,
  order: string | undefined,
  agent: Participant,
  usesBot: boolean,
  at: number,
): { readonly messages: Message[]; readonly end: number } {
  const { random } = ctx;
  const first = person.step === 0;
  const opening = fill(pick(random, first ? topic.opening : topic.followUp), order);
  const count = 1 + Math.floor(random() * 3);
  const messages: Message[] = [];
  const step = channel === 'phone' || channel === 'chat' ? MINUTE : 2 * HOUR;
  let t = at;
  const say = (author: Participant, text: string): void => {
    messages.push({
      author: author.role,
      participantId: author.id ?? 'customer',
      text,
      at: isoTime(ctx, t),
    });
    t += Math.floor(step * (0.5 + random()));
  };
  const customer: Participant = { role: 'customer', id: 'customer' };
  const greeting = person.given[0];
  if (usesBot) say(BOT, 'Hi! I am the Northwind assistant. How can I help?');
  if (shape.direction === 'outbound') {
    say(
      agent,
      `Hi ${greeting}, this is ${agent.name ?? 'Northwind'} from Northwind about ${topic.orders ? fill('your order{o}', order) : 'your account'}.`,
    );
    if (count > 1) say(customer, opening);
  } else if (shape.visibility === 'public') {
    // Nobody posts an order number in public; the agent moves the customer to private.
    const business = channel === 'instagram' ? BUSINESS_HANDLES.instagram : BUSINESS_HANDLES.x;
    say(customer, `@${business} ${fill(pick(random, topic.opening), undefined)}`);
    if (count > 1)
      say(agent, 'Sorry to hear that! Please DM us your order number and email so we can help.');
  } else {
    say(customer, opening);
    if (count > 1) {
      const reply = pick(random, topic.agent);
      say(
        agent,
        channel === 'chat' && random() < 0.2
          ? `${reply} You can also call us on ${supportLine(ctx, 1)}.`
          : reply,
      );
    }
  }
  if (count > 2) say(customer, random() < 0.5 ? 'Thanks!' : 'Ok, thank you for your help.');
  return { messages, end: t };
}

// ---------------------------------------------------------------------------------------------
// The stream
// ---------------------------------------------------------------------------------------------

/** A binary min-heap of people by their next interaction time, then by ordinal. */
class PersonHeap {
  private readonly items: Person[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Person | undefined {
    return this.items[0];
  }

  push(person: Person): void {
    const items = this.items;
    let k = items.length;
    items.push(person);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const above = items[parent] as Person;
      if (!before(person, above)) break;
      items[k] = above;
      k = parent;
    }
    items[k] = person;
  }

  pop(): Person | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let k = 0;
    const n = items.length;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= n) break;
      const right = left + 1;
      const child =
        right < n && before(items[right] as Person, items[left] as Person) ? right : left;
      const smaller = items[child] as Person;
      if (!before(smaller, last)) break;
      items[k] = smaller;
      k = child;
    }
    items[k] = last;
    return top;
  }
}

const before = (a: Person, b: Person): boolean =>
  a.next < b.next || (a.next === b.next && a.ordinal < b.ordinal);

/** The time of a person's next contact: the same day, days later or weeks later. */
function nextContact(ctx: Context, t: number): number {
  const { random } = ctx;
  const r = random();
  const mean = r < 0.45 ? 3 * HOUR : r < 0.8 ? 2 * DAY : 20 * DAY;
  let gap = Math.max(MINUTE, -Math.log(1 - random()) * mean);
  // Histories are squeezed into the window rather than cut, so every person keeps their count.
  if (t + gap >= ctx.end) gap = Math.max(0, ctx.end - 1 - t) * random();
  return Math.floor(t + gap);
}

interface MutableStats {
  people: number;
  active: number;
  interactions: number;
}

function* stream(ctx: Context, stats: MutableStats): Generator<GeneratedInteraction, void> {
  const { random } = ctx;
  const people = ctx.settings.people;
  const span = ctx.end - ctx.start;
  const heap = new PersonHeap();
  const household: Household = { phone: '', family: '' };
  // First contacts are the order statistics of uniform draws over the window, produced in
  // ascending order one at a time, so people are made only when their first contact is due.
  let position = 0;
  const arrival = (ordinal: number): number => {
    position = 1 - (1 - position) * (1 - random()) ** (1 / (people - ordinal));
    return ctx.start + Math.min(span - 1, Math.floor(position * span));
  };
  let ordinal = 0;
  let nextArrival = people > 0 ? arrival(0) : Number.POSITIVE_INFINITY;
  let n = 0;
  for (;;) {
    const top = heap.peek();
    if (ordinal < people && (top === undefined || nextArrival <= top.next)) {
      heap.push(createPerson(ctx, ordinal, nextArrival, household));
      ordinal++;
      stats.people = ordinal;
      nextArrival = ordinal < people ? arrival(ordinal) : Number.POSITIVE_INFINITY;
      continue;
    }
    const person = heap.pop();
    if (person === undefined) return;
    n++;
    const item = buildInteraction(ctx, person, n);
    person.done++;
    person.previous = person.next;
    if (person.done < person.total) {
      person.next = nextContact(ctx, person.next);
      heap.push(person);
    }
    stats.active = heap.size;
    stats.interactions = n;
    yield item;
  }
}

/**
 * Generates a reproducible stream of customer-service interactions with ground truth: N
 * people, each seen a few times on email, phone, SMS, WhatsApp, web chat, X, Instagram and
 * Messenger, with the identifiers typical of each channel and realistic corruption (typos and
 * transpositions, case and spacing, Gmail dots and `+tags`, national and international phone
 * formats, nicknames and initials, accents dropped), and the hard cases: a new handle, a
 * changed phone number, household phones and shared mailboxes, placeholder values, the
 * business's own identifiers, verified and merely claimed identifiers.
 *
 * Interactions come in time order (`startedAt` ascending) with ids `ix-1`, `ix-2`, …; each is
 * a valid {@link Interaction}. The stream is lazy: a person is made when their first contact
 * is due and dropped after their last, so memory follows the people active at once, not the
 * population, and millions of interactions stream in seconds.
 *
 * @param options - see {@link InteractionGenerationOptionsSchema}.
 * @returns a generator with live {@link InteractionStreamStats}.
 * @throws `ThreadlineError` with code `invalid_options` and path-addressed issues when
 *   the options are malformed.
 * @example
 * ```ts
 * import { parseInteraction } from 'threadline';
 * import { generateInteractions } from 'threadline/testing';
 *
 * for (const { interaction, person, journey } of generateInteractions({ people: 2, seed: 42 })) {
 *   parseInteraction(interaction); // always valid
 *   console.log(interaction.id, interaction.channel, person, journey);
 * }
 * // ix-1 chat p0 p0-j0
 * // ix-2 whatsapp p0 p0-j0
 * // ix-3 email p0 p0-j0
 * // ix-4 phone p1 p1-j0
 * // …
 * ```
 */
export function generateInteractions(
  options: InteractionGenerationOptions = {},
): InteractionStream {
  const ctx = makeContext(parseOptions(options));
  const stats: MutableStats = { people: 0, active: 0, interactions: 0 };
  const readonlyStats: InteractionStreamStats = stats;
  return Object.assign(stream(ctx, stats), { stats: readonlyStats });
}

/**
 * The business's own identifiers that {@link generateInteractions} mixes into some
 * interactions (its support line, support address and social accounts). A resolver should
 * never treat them as a customer's: pass them to its guards.
 *
 * @param options - the generator's options; only `region` matters.
 * @returns the identifiers, phone numbers in E.164.
 * @example
 * ```ts
 * import { generatedBusinessIdentifiers } from 'threadline/testing';
 *
 * console.log(generatedBusinessIdentifiers({ region: 'US' })[0]);
 * // { kind: 'phone', value: '+18002460190' }
 * ```
 */
export function generatedBusinessIdentifiers(
  options: Pick<InteractionGenerationOptions, 'region'> = {},
): readonly Identifier[] {
  const region: GeneratedRegion = parseOptions({ region: options.region }).region;
  const plan: PhonePlan = PLANS[region];
  return Object.freeze([
    { kind: 'phone', value: `+${plan.countryCode}${plan.support}` },
    { kind: 'email', value: BUSINESS_EMAIL },
    { kind: 'social', platform: 'x', handle: BUSINESS_HANDLES.x },
    { kind: 'social', platform: 'instagram', handle: BUSINESS_HANDLES.instagram },
  ] satisfies Identifier[]);
}

/**
 * Generated interactions without their ground truth, and the truth apart.
 *
 * @example
 * ```ts
 * import { generateInteractions, separateInteractionTruth, type SeparatedInteractions } from 'threadline/testing';
 *
 * const split: SeparatedInteractions = separateInteractionTruth(generateInteractions({ people: 2 }));
 * console.log(split.interactions.length > 0); // true
 * ```
 */
export interface SeparatedInteractions {
  /** The interactions as a resolver sees them, in time order. */
  readonly interactions: readonly Interaction[];
  /** The person an interaction belongs to, by interaction id ('' when unknown). */
  readonly truth: {
    /** The person of an interaction, by interaction id. */
    readonly key: (id: string) => string;
  };
  /** The journey an interaction belongs to, by interaction id ('' when unknown). */
  readonly journeys: {
    /** The journey of an interaction, by interaction id. */
    readonly key: (id: string) => string;
  };
}

/**
 * Splits generated interactions into what a resolver may see and the ground truth (person
 * and journey by interaction id), ready for the evaluation tools.
 *
 * @param items - generated interactions, e.g. from {@link generateInteractions}.
 * @example
 * ```ts
 * import { generateInteractions, separateInteractionTruth } from 'threadline/testing';
 *
 * const { interactions, truth, journeys } = separateInteractionTruth(generateInteractions({ people: 5, seed: 3 }));
 * const first = interactions[0]?.id ?? '';
 * console.log(truth.key(first), journeys.key(first)); // p0 p0-j0
 * ```
 */
export function separateInteractionTruth(
  items: Iterable<GeneratedInteraction>,
): SeparatedInteractions {
  const people = new Map<string, string>();
  const journeys = new Map<string, string>();
  const interactions: Interaction[] = [];
  for (const item of items) {
    people.set(item.interaction.id, item.person);
    journeys.set(item.interaction.id, item.journey);
    interactions.push(item.interaction);
  }
  return {
    interactions,
    truth: { key: (id) => people.get(id) ?? '' },
    journeys: { key: (id) => journeys.get(id) ?? '' },
  };
}

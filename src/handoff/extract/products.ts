// Product names the customer gave. There is no catalogue to look names up in, so the rules are
// narrow on purpose (a wrong product in a handoff costs more than a missing one):
//
// 1. a brand and a product word: one to three capitalised words, at most two more words, then a
//    product noun (`Michael Kors jeans`, `Whisker Wellness multivitamin chews`);
// 2. after a purchase verb (`ordered`, `bought`, `purchased`, `received`, `returning`): a noun
//    phrase with a brand (a capitalised word) or a model token (`a Dyson`, `the X200 router`);
// 3. after `my`: a noun phrase with a model token (`my iPhone 8 Plus`) or a brand and a product
//    word (`my Dyson vacuum`), never a person or a pet (`my cat Mochi` is a cat).
//
// A name is cut after its last brand, model, number or product word ("iPhone such a great way"
// is an iPhone). Single letters and short acronyms (`DM`, `PNR`) are not brands.
//
// Capitals say nothing in a sentence typed all in capitals, or for the sentence's first word;
// mentions, hashtags and links are never part of a name; ordinals (`4th`) are not models.
import { type Sentence, sentencesWithTokens } from './reading.js';
import { fold, isSpaceCode, type Span, type Token } from './text.js';

/** A product name found in a text. */
export interface FoundProduct extends Span {
  readonly value: string;
  readonly key: string;
}

const PRODUCT_NOUNS: ReadonlySet<string> = new Set(
  (
    'shirt shirts t-shirt t-shirts tee jeans boots boot jacket jackets shoes shoe sneakers trainers dress ' +
    'dresses pants trousers hat hats cap coat sweater hoodie socks bag handbag backpack wallet watch ' +
    'phone smartphone laptop notebook tablet headphones earbuds speaker speakers tv television monitor ' +
    'camera charger cable router modem printer keyboard mouse console controller blender vacuum ' +
    'kettle toaster fridge refrigerator microwave dishwasher mattress sofa couch chair desk table lamp ' +
    'vitamins vitamin multivitamin multivitamins supplement supplements chews treats tablets capsules ' +
    'pills medication medicine drops food kibble litter shampoo collar leash harness toy toys cream ' +
    'serum lotion perfume razor toothbrush glasses sunglasses ring necklace bracelet earrings tent bike ' +
    'bicycle helmet stroller diapers formula coffee machine grinder pan pot knife mug bottle sofa ' +
    'heater fan thermostat doorbell drill saw mixer oven stove iron dryer washer'
  ).split(' '),
);

const PURCHASE_VERBS: ReadonlySet<string> = new Set([
  'ordered',
  'bought',
  'purchased',
  'received',
  'returning',
  'exchanging',
]);

const DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'my',
  'some',
  'this',
  'that',
  'these',
  'those',
  'our',
  'two',
  'three',
  'new',
  'own',
]);

const MEASURES: ReadonlySet<string> = new Set([
  'pair',
  'bottle',
  'bag',
  'box',
  'pack',
  'set',
  'case',
  'tube',
  'tin',
  'can',
  'jar',
]);

const STOP: ReadonlySet<string> = new Set(
  (
    'for from on in at to with that which who because but and or is was are were has have had it ' +
    'last yesterday today ago i you he she they we me when since by of as so if than then will would ' +
    "can could should do does did not no yet still just already off back up here there too please it's " +
    'your his her their our its nor such ' +
    "i'm i've isn't wasn't hasn't haven't doesn't didn't won't can't don't dont"
  ).split(' '),
);

const GENERIC: ReadonlySet<string> = new Set(
  (
    'item items order orders thing things stuff package parcel account money refund card number email ' +
    'one ones product products purchase size color colour delivery shipment box replacement return code ' +
    'promo subscription membership service website site payment bill charge app message mail'
  ).split(' '),
);

// Capitalised words that are not brands.
const NOT_BRANDS: ReadonlySet<string> = new Set(
  (
    'i hi hello hey dear ok okay yes no thanks thank please sorry why what when where how who is are ' +
    'can will just also still but and so if then it we you they he she our your his her their my the a ' +
    'an this that without with monday tuesday wednesday thursday friday saturday sunday january ' +
    'february march april may june july august september october november december mr mrs ms dr'
  ).split(' '),
);

const PEOPLE_AND_PETS: ReadonlySet<string> = new Set(
  (
    'cat cats dog dogs kitten puppy son daughter wife husband mom mum dad mother father friend partner ' +
    'kid kids child children boss brother sister baby family neighbor neighbour boyfriend girlfriend ' +
    'parents parent grandma grandpa'
  ).split(' '),
);

// Words that end a model name: "iPhone 8 Plus", "Battlefield 1 Premium Pass".
const MODEL_WORDS: ReadonlySet<string> = new Set(
  'plus pro max mini ultra lite se air edition series gen generation premium pass deluxe xl'.split(
    ' ',
  ),
);

const MODEL = /^(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])[a-z0-9-]{2,20}$/;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const SHORT_NUMBER = /^\d{1,4}$/;
// A count before the product ("2 chargers").
const COUNT = /^\d{1,2}$/;
const POSSESSIVE = /'s$/;

/** True when a token is capitalised in the original text. */
function capitalised(text: string, token: Token): boolean {
  const c = text.charCodeAt(token.start);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function isUpper(text: string, token: Token): boolean {
  const written = text.slice(token.start, token.end);
  return written === written.toUpperCase();
}

/** A word in capitals longer than an acronym: "WORST phone" is shouting, not a brand. */
function shouted(text: string, token: Token): boolean {
  return token.end - token.start > 4 && isUpper(text, token);
}

/** A model token: letters and digits mixed (`x200`, `ps5`), or camel case (`iPhone`). */
function isModel(text: string, token: Token): boolean {
  if (ORDINAL.test(token.word)) return false;
  if (MODEL.test(token.word)) return true;
  const first = text.charCodeAt(token.start);
  const second = text.charCodeAt(token.start + 1);
  return first >= 97 && first <= 122 && second >= 65 && second <= 90;
}

/** True when exactly one space separates two tokens. */
function close(text: string, a: Token, b: Token | undefined): boolean {
  return b !== undefined && b.start - a.end === 1 && isSpaceCode(text.charCodeAt(a.end));
}

/** A mention, a hashtag or a piece of a link: never part of a product name. */
function isNoise(text: string, token: Token): boolean {
  const before = text.charCodeAt(token.start - 1);
  return (
    before === 64 ||
    before === 35 ||
    before === 47 ||
    before === 46 ||
    token.word === 'http' ||
    token.word === 'https' ||
    token.word === 'www'
  );
}

interface SentenceView {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Capitals carry meaning in this sentence. */
  readonly casing: boolean;
  /** The index of the sentence's first real word (after mentions). */
  readonly first: number;
  readonly noise: readonly boolean[];
}

function isBrand(view: SentenceView, i: number): boolean {
  const token = view.tokens[i] as Token;
  if (!view.casing || i <= view.first || view.noise[i]) return false;
  const word = token.word;
  if (NOT_BRANDS.has(word) || STOP.has(word) || PRODUCT_NOUNS.has(word) || GENERIC.has(word))
    return false;
  // Single letters and short acronyms (`X`, `DM`, `PNR`, `COD`) are seldom brands on their own.
  if (word.length < 2 || (word.length <= 4 && isUpper(view.text, token))) return false;
  return capitalised(view.text, token) && !shouted(view.text, token);
}

/** A token that can end a product name. */
function isStrong(view: SentenceView, i: number): boolean {
  const token = view.tokens[i] as Token;
  const word = token.word;
  if (view.noise[i]) return false;
  return (
    isBrand(view, i) ||
    isModel(view.text, token) ||
    PRODUCT_NOUNS.has(word) ||
    MODEL_WORDS.has(word) ||
    (SHORT_NUMBER.test(word) &&
      i > 0 &&
      (isBrand(view, i - 1) || isModel(view.text, view.tokens[i - 1] as Token)))
  );
}

/** Finds product names in a customer's text. */
export function findProducts(
  text: string,
  folded: string = fold(text),
  split: readonly Sentence[] = sentencesWithTokens(text, folded),
): FoundProduct[] {
  const found: FoundProduct[] = [];
  for (const sentence of split) {
    const tokens = sentence.tokens;
    const slice = text.slice(sentence.start, sentence.end);
    const casing = slice !== slice.toUpperCase();
    const noise = tokens.map((token) => isNoise(text, token));
    let first = 0;
    while (first < tokens.length && noise[first]) first++;
    const view: SentenceView = { text, tokens, casing, first, noise };
    let i = first;
    while (i < tokens.length) {
      const phrase = brandPhrase(view, i) ?? afterTrigger(view, i);
      if (phrase === undefined) {
        i++;
        continue;
      }
      const start = tokens[phrase.from] as Token;
      const end = tokens[phrase.to] as Token;
      const value = text.slice(start.start, end.end);
      const key = tokens
        .slice(phrase.from, phrase.to + 1)
        .map((t) => t.word)
        .join(' ');
      found.push({ start: start.start, end: end.end, value, key });
      i = phrase.to + 1;
    }
  }
  return found;
}

interface Phrase {
  readonly from: number;
  readonly to: number;
}

/** Rule 1: `Brand [Brand] [word] [word] noun`. */
function brandPhrase(view: SentenceView, i: number): Phrase | undefined {
  const { tokens, text } = view;
  let j = i;
  while (
    j < i + 3 &&
    j < tokens.length &&
    view.casing &&
    !view.noise[j] &&
    capitalised(text, tokens[j] as Token)
  ) {
    if (shouted(text, tokens[j] as Token)) break;
    const word = (tokens[j] as Token).word;
    if (NOT_BRANDS.has(word) || STOP.has(word) || PRODUCT_NOUNS.has(word)) break;
    if (j > i && !close(text, tokens[j - 1] as Token, tokens[j])) break;
    j++;
  }
  const brands = j - i;
  // The sentence's first word is capitalised anyway: it counts only with another capital.
  if (brands === 0 || (i === view.first && brands < 2)) return undefined;
  for (let k = j; k < j + 3 && k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (view.noise[k] || !close(text, tokens[k - 1] as Token, token)) return undefined;
    if (STOP.has(token.word) || DETERMINERS.has(token.word)) return undefined;
    if (PRODUCT_NOUNS.has(token.word)) {
      // Compound product words run on: "multivitamin chews", "coffee machine".
      let to = k;
      while (
        PRODUCT_NOUNS.has(tokens[to + 1]?.word ?? '') &&
        close(text, tokens[to] as Token, tokens[to + 1])
      )
        to++;
      return { from: i, to };
    }
    if (capitalised(text, token)) return undefined;
  }
  return undefined;
}

/** Rules 2 and 3: a named product after a purchase verb or `my`. */
function afterTrigger(view: SentenceView, i: number): Phrase | undefined {
  const { tokens, text } = view;
  const trigger = tokens[i] as Token;
  if (!PURCHASE_VERBS.has(trigger.word) && trigger.word !== 'my') return undefined;
  let j = i + 1;
  let previous = trigger;
  // Determiners and measures: "a pair of", "the", "two bottles of".
  while (j < tokens.length) {
    const token = tokens[j] as Token;
    if (!close(text, previous, token)) return undefined;
    const measure = MEASURES.has(token.word) && tokens[j + 1]?.word === 'of';
    if (DETERMINERS.has(token.word) || COUNT.test(token.word)) {
      previous = token;
      j++;
    } else if (measure) {
      previous = tokens[j + 1] as Token;
      j += 2;
    } else {
      break;
    }
  }
  const from = j;
  let to = -1;
  let brand = false;
  let model = false;
  while (j < tokens.length && j < from + 6) {
    const token = tokens[j] as Token;
    if (view.noise[j] || !close(text, previous, token) || STOP.has(token.word)) break;
    if (isBrand(view, j)) brand = true;
    if (isModel(text, token)) model = true;
    // The name ends at its last strong word: "iPhone such a great way" is an iPhone.
    if (isStrong(view, j)) to = j;
    previous = token;
    j++;
  }
  if (to < from) return undefined;
  const head = (tokens[from] as Token).word.replace(POSSESSIVE, '');
  const last = (tokens[to] as Token).word;
  if (GENERIC.has(last) || PEOPLE_AND_PETS.has(head)) return undefined;
  // After a purchase any brand names a product; after "my" a brand alone may be a service or a
  // pet's name ("my Amazon", "my Mochi"), so it needs a model or a product word.
  const named =
    trigger.word === 'my' ? model || (brand && PRODUCT_NOUNS.has(last)) : brand || model;
  return named ? { from, to } : undefined;
}

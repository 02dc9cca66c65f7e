// A message text read once. Every extractor needs the same first steps (fold the text, cut it
// into words and sentences), and a journey repeats its texts: a bot's greeting, a customer
// asking again, the raw and the redacted copy of one message. So texts are read through a
// cache that lives for one build, and what an extractor derives from a text alone (its
// questions, its promises, its mood) is kept on the reading for the next message that says the
// same thing.
import { fold, type Span, sentences, type Token, tokenize } from './text.js';

/** A sentence of a text with its words. */
export interface Sentence extends Span {
  /** The sentence's tokens: exactly `tokenize(folded, start, end)`. */
  readonly tokens: readonly Token[];
}

/**
 * Something derived from a text alone. A derivation is a module-level function: the reading
 * keeps its result under the function itself, so it must not depend on anything but the reading.
 */
export type Derivation<T> = (reading: Reading) => T;

/** One text with its folded form, its words and its sentences, each computed on first use. */
export class Reading {
  /** The text as written. */
  readonly text: string;
  /** `text` folded (see `fold`), same length. */
  readonly folded: string;
  #tokens: Token[] | undefined;
  #sentences: Sentence[] | undefined;
  readonly #derived = new Map<Derivation<unknown>, unknown>();
  #kept: Map<object, Map<string, unknown>> | undefined;

  constructor(text: string) {
    this.text = text;
    this.folded = fold(text);
  }

  /** The words of the whole text: exactly `tokenize(folded)`. */
  get tokens(): readonly Token[] {
    if (this.#tokens === undefined) this.#tokens = tokenize(this.folded);
    return this.#tokens;
  }

  /** The sentences (see `sentences`), each with its words. */
  get sentences(): readonly Sentence[] {
    if (this.#sentences === undefined) {
      this.#sentences = sentencesWithTokens(this.text, this.folded, this.tokens);
    }
    return this.#sentences;
  }

  /** The value of a derivation for this text, computed at most once. */
  derive<T>(derivation: Derivation<T>): T {
    const known = this.#derived.get(derivation);
    if (known !== undefined || this.#derived.has(derivation)) return known as T;
    const value = derivation(this);
    this.#derived.set(derivation, value);
    return value;
  }

  /**
   * A value derived from this text and a few settings, kept by {@link Reading.keep} under
   * `owner` (an object the settings hang off, such as a reference extractor) and `key` (the
   * other settings, joined); undefined when none is kept.
   */
  kept<T>(owner: object, key: string): T | undefined {
    return this.#kept?.get(owner)?.get(key) as T | undefined;
  }

  /**
   * Keeps a value derived from nothing but this text, `owner` and `key` (see
   * {@link Reading.kept}); a get and a set rather than a callback, so that hot loops make no
   * closure per message.
   */
  keep<T>(owner: object, key: string, value: T): T {
    this.#kept ??= new Map();
    let shelf = this.#kept.get(owner);
    if (shelf === undefined) {
      shelf = new Map();
      this.#kept.set(owner, shelf);
    }
    shelf.set(key, value);
    return value;
  }
}

/**
 * Where readings outlive a build (see `createHandoffCache`): any map-like store keyed by the
 * text itself, so a reading is only ever reused for the very same text.
 */
export interface ReadingStore {
  get(text: string): Reading | undefined;
  set(text: string, reading: Reading): unknown;
}

/**
 * The sentences of a text, each with its share of the text's tokens (`tokenize(folded)`).
 * Sentences are separated by white space or line breaks, which no token contains, so every
 * token lies inside one sentence and each sentence's tokens are a run of the text's: one pass,
 * no second tokenization.
 */
export function sentencesWithTokens(
  text: string,
  folded: string,
  tokens: readonly Token[] = tokenize(folded),
): Sentence[] {
  const out: Sentence[] = [];
  let k = 0;
  for (const span of sentences(text, folded)) {
    while (k < tokens.length && (tokens[k] as Token).end <= span.start) k++;
    const from = k;
    while (k < tokens.length && (tokens[k] as Token).end <= span.end) k++;
    out.push({ start: span.start, end: span.end, tokens: tokens.slice(from, k) });
  }
  return out;
}

/**
 * The readings of one build, one per distinct text. With a `store`, readings are looked up
 * there first and kept there: the build's own map still answers repeats, so the store is asked
 * once per distinct text and build.
 */
export class Readings {
  readonly #byText = new Map<string, Reading>();
  readonly #store: ReadingStore | undefined;

  constructor(store?: ReadingStore) {
    this.#store = store;
  }

  /** The reading of `text`, made on first request. */
  of(text: string): Reading {
    let reading = this.#byText.get(text);
    if (reading === undefined) {
      const store = this.#store;
      reading = store?.get(text);
      if (reading === undefined) {
        reading = new Reading(text);
        store?.set(text, reading);
      }
      this.#byText.set(text, reading);
    }
    return reading;
  }
}

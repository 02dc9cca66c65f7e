/**
 * Static analysis of the one-token value regexes users write in reference pattern specs.
 *
 * The extractor never runs a user regex over a whole text: it runs it, anchored, on one token of
 * at most {@link MAX_TOKEN_LENGTH} characters. That bounds the input, but a backtracking engine
 * can still take exponential (or high-polynomial) time inside 64 characters, so this module
 * accepts only regexes where, at every choice point, the next character decides the choice. Such
 * a regex is matched by a backtracking engine in time linear in the token: every alternative it
 * does not take fails on its first character.
 *
 * Concretely, a variable repetition must not be able to match the character that follows it (so
 * "one more iteration" and "stop here" never both fit), a repetition of more than one iteration
 * must not repeat something that can match nothing, and alternatives inside a repetition must
 * start differently. Outside repetitions, alternatives may overlap (each is tried once), within a
 * small budget. Backreferences, lookarounds and anchors are not supported.
 */

/** The longest token the extractor hands to a value regex; longer runs are skipped. */
export const MAX_TOKEN_LENGTH = 64;

/** The longest value regex source accepted. */
export const MAX_VALUE_SOURCE_LENGTH = 512;

// Overlapping alternatives outside repetitions multiply the work per token by their branch
// count; past this product a regex is refused even though each branch is linear.
const MAX_ALTERNATION_PRODUCT = 64;

/** A problem found in a value regex, with the code the compile step reports. */
export interface RegexProblem {
  readonly code: 'invalid_regex' | 'unsupported_regex' | 'unsafe_regex';
  readonly message: string;
}

/** What the extractor needs to know about a value regex that passed the analysis. */
export interface RegexFacts {
  /** Fewest UTF-16 code units a match can have. */
  readonly minLength: number;
  /** Most UTF-16 code units a match can have (`Infinity` when unbounded). */
  readonly maxLength: number;
  /** Whether a match can start with `#`: only then is a `#`-prefixed token offered as written. */
  readonly acceptsHash: boolean;
}

/** The outcome of {@link analyzeValueRegex}. */
export type RegexAnalysis =
  | { readonly ok: true; readonly facts: RegexFacts }
  | { readonly ok: false; readonly problem: RegexProblem };

// ---------------------------------------------------------------------------------------------
// Character sets over-approximated as 128 ASCII bits plus one bit for "anything beyond ASCII".
// Over-approximating only makes the analysis more conservative, never unsound.

interface CharSet {
  readonly bits: Uint32Array;
  other: boolean;
}

function emptySet(): CharSet {
  return { bits: new Uint32Array(4), other: false };
}

function addCode(set: CharSet, code: number): void {
  if (code < 128) set.bits[code >>> 5] = (set.bits[code >>> 5] ?? 0) | (1 << (code & 31));
  else set.other = true;
}

function addRange(set: CharSet, lo: number, hi: number): void {
  for (let c = lo; c <= Math.min(hi, 127); c++) addCode(set, c);
  if (hi > 127) set.other = true;
}

function hasCode(set: CharSet, code: number): boolean {
  return ((set.bits[code >>> 5] ?? 0) & (1 << (code & 31))) !== 0;
}

function union(a: CharSet, b: CharSet): CharSet {
  const out = emptySet();
  for (let k = 0; k < 4; k++) out.bits[k] = (a.bits[k] ?? 0) | (b.bits[k] ?? 0);
  out.other = a.other || b.other;
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  for (let k = 0; k < 4; k++) if (((a.bits[k] ?? 0) & (b.bits[k] ?? 0)) !== 0) return true;
  return a.other && b.other;
}

function complement(set: CharSet): CharSet {
  const out = emptySet();
  for (let k = 0; k < 4; k++) out.bits[k] = ~(set.bits[k] ?? 0) >>> 0;
  out.other = true;
  return out;
}

function setFromTest(test: (ch: string) => boolean, other = true): CharSet {
  const out = emptySet();
  for (let c = 0; c < 128; c++) if (test(String.fromCharCode(c))) addCode(out, c);
  out.other = other;
  return out;
}

const DIGIT_SET = setFromTest((ch) => ch >= '0' && ch <= '9', false);
const WORD_SET = setFromTest((ch) => /\w/.test(ch), false);
const SPACE_SET = setFromTest((ch) => /\s/.test(ch));
const DOT_SET = setFromTest((ch) => ch !== '\n' && ch !== '\r');

/** With the `i` flag a set also matches the other case; beyond ASCII, `ſ` and the Kelvin sign fold onto `s` and `k`. */
function foldCase(set: CharSet): CharSet {
  const out = union(set, emptySet());
  let letters = false;
  for (let c = 65; c <= 90; c++) {
    if (hasCode(set, c) || hasCode(set, c + 32)) {
      addCode(out, c);
      addCode(out, c + 32);
      letters = true;
    }
  }
  if (letters) out.other = true;
  if (set.other) for (const c of [75, 83, 107, 115]) addCode(out, c);
  return out;
}

// ---------------------------------------------------------------------------------------------
// A small AST for the supported subset of (already syntax-checked, `u`-mode) regex sources.

type Node =
  | {
      readonly type: 'set';
      readonly set: CharSet;
      readonly minUnits: number;
      readonly maxUnits: number;
    }
  | { readonly type: 'seq'; readonly items: readonly Node[] }
  | { readonly type: 'alt'; readonly branches: readonly Node[] }
  | { readonly type: 'rep'; readonly body: Node; readonly min: number; readonly max: number };

class Unsupported extends Error {
  constructor(
    readonly code: RegexProblem['code'],
    message: string,
  ) {
    super(message);
  }
}

const MAX_GROUP_DEPTH = 32;

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.disjunction();
    if (this.pos < this.src.length) {
      throw new Unsupported('invalid_regex', `unexpected "${this.src[this.pos]}"`);
    }
    return node;
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  private disjunction(): Node {
    const branches = [this.alternative()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.alternative());
    }
    return branches.length === 1 ? (branches[0] as Node) : { type: 'alt', branches };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? (items[0] as Node) : { type: 'seq', items };
  }

  private quantified(atom: Node): Node {
    let min: number;
    let max: number;
    const ch = this.peek();
    if (ch === '*') {
      min = 0;
      max = Infinity;
      this.pos++;
    } else if (ch === '+') {
      min = 1;
      max = Infinity;
      this.pos++;
    } else if (ch === '?') {
      min = 0;
      max = 1;
      this.pos++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (m === null) throw new Unsupported('invalid_regex', 'a lone "{"');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.pos += m[0].length;
    } else {
      return atom;
    }
    if (this.peek() === '?') this.pos++; // laziness changes which match is found, not the cost
    if (min > max)
      throw new Unsupported('invalid_regex', 'a quantifier whose minimum exceeds its maximum');
    return { type: 'rep', body: atom, min, max };
  }

  private atom(): Node {
    const ch = this.peek();
    if (ch === '^' || ch === '$') {
      throw new Unsupported(
        'unsupported_regex',
        `the anchor "${ch}" is not supported: the value is always matched against a whole token, so remove it`,
      );
    }
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '.') {
      this.pos++;
      return this.setNode(DOT_SET, 1, 2);
    }
    if (ch === '\\') return this.escapeAtom();
    const code = this.src.codePointAt(this.pos) ?? 0;
    this.pos += code > 0xffff ? 2 : 1;
    return this.literal(code);
  }

  private literal(code: number): Node {
    const set = emptySet();
    addCode(set, code);
    const units = code > 0xffff ? 2 : 1;
    return this.setNode(set, units, units);
  }

  private setNode(set: CharSet, minUnits: number, maxUnits: number): Node {
    // Case folding adds only BMP characters (ſ, the Kelvin sign), so it never widens maxUnits.
    const folded = this.ignoreCase ? foldCase(set) : set;
    return { type: 'set', set: folded, minUnits, maxUnits };
  }

  private group(): Node {
    this.pos++; // (
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === ':') {
        this.pos += 2;
      } else if (next === '=' || next === '!') {
        throw new Unsupported(
          'unsupported_regex',
          'lookaheads are not supported: they let a token regex re-scan its input; express the condition with character classes instead',
        );
      } else if (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!')) {
        throw new Unsupported(
          'unsupported_regex',
          'lookbehinds are not supported: put the context in `keywords` instead',
        );
      } else if (next === '<') {
        const close = this.src.indexOf('>', this.pos);
        this.pos = close < 0 ? this.src.length : close + 1;
      } else {
        throw new Unsupported(
          'unsupported_regex',
          'this group syntax is not supported; use (…) or (?:…)',
        );
      }
    }
    this.depth++;
    if (this.depth > MAX_GROUP_DEPTH) {
      throw new Unsupported(
        'unsupported_regex',
        `groups are nested more than ${MAX_GROUP_DEPTH} deep`,
      );
    }
    const body = this.disjunction();
    this.depth--;
    if (this.peek() !== ')') throw new Unsupported('invalid_regex', 'an unclosed group');
    this.pos++;
    return body;
  }

  private escapeAtom(): Node {
    const code = this.src.charCodeAt(this.pos + 1);
    const letter = this.peek(1);
    if (letter === 'b' || letter === 'B') {
      throw new Unsupported(
        'unsupported_regex',
        `"\\${letter}" is not supported: the value is always matched against a whole token, so remove it`,
      );
    }
    if ((code >= 49 && code <= 57) || letter === 'k') {
      throw new Unsupported(
        'unsupported_regex',
        'backreferences are not supported: they make matching time unbounded; write the repeated part out',
      );
    }
    const shorthand = this.shorthand();
    if (shorthand !== undefined) return this.setNode(shorthand, 1, shorthand.other ? 2 : 1);
    const single = this.escapedCode();
    return this.literal(single);
  }

  /** Reads `\d`, `\w`, `\s`, their negations and `\p{…}` at the cursor, or returns undefined. */
  private shorthand(): CharSet | undefined {
    const letter = this.peek(1);
    let set: CharSet | undefined;
    switch (letter) {
      case 'd':
        set = DIGIT_SET;
        break;
      case 'D':
        set = complement(DIGIT_SET);
        break;
      case 'w':
        set = WORD_SET;
        break;
      case 'W':
        set = complement(WORD_SET);
        break;
      case 's':
        set = SPACE_SET;
        break;
      case 'S':
        set = complement(SPACE_SET);
        break;
      case 'p':
      case 'P': {
        const close = this.src.indexOf('}', this.pos);
        const body = this.src.slice(this.pos, close + 1);
        const property = new RegExp(body, 'u');
        this.pos = close + 1;
        return setFromTest((ch) => property.test(ch));
      }
      default:
        return undefined;
    }
    this.pos += 2;
    return set;
  }

  /** Reads one escaped character (`\n`, `\x41`, `\u{1F600}`, `\.`, …) and returns its code point. */
  private escapedCode(): number {
    const letter = this.peek(1);
    this.pos += 2;
    switch (letter) {
      case 't':
        return 9;
      case 'n':
        return 10;
      case 'v':
        return 11;
      case 'f':
        return 12;
      case 'r':
        return 13;
      case '0':
        return 0;
      case 'b':
        return 8; // only reachable inside a class, where \b is a backspace
      case 'c': {
        const c = this.src.charCodeAt(this.pos);
        this.pos++;
        return c % 32;
      }
      case 'x': {
        const hex = this.src.slice(this.pos, this.pos + 2);
        this.pos += 2;
        return Number.parseInt(hex, 16);
      }
      case 'u': {
        if (this.peek() === '{') {
          const close = this.src.indexOf('}', this.pos);
          const hex = this.src.slice(this.pos + 1, close);
          this.pos = close + 1;
          return Number.parseInt(hex, 16);
        }
        const hex = this.src.slice(this.pos, this.pos + 4);
        this.pos += 4;
        const high = Number.parseInt(hex, 16);
        // A surrogate pair written as two \u escapes is one code point in u-mode.
        if (
          high >= 0xd800 &&
          high <= 0xdbff &&
          /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(this.src.slice(this.pos))
        ) {
          const low = Number.parseInt(this.src.slice(this.pos + 2, this.pos + 6), 16);
          this.pos += 6;
          return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        }
        return high;
      }
      default:
        return letter.codePointAt(0) ?? 0;
    }
  }

  private charClass(): Node {
    this.pos++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    let set = emptySet();
    let astral = false;
    while (this.pos < this.src.length && this.peek() !== ']') {
      const shorthand = this.peek() === '\\' ? this.shorthand() : undefined;
      if (shorthand !== undefined) {
        set = union(set, shorthand);
        continue;
      }
      const lo = this.classCode();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classCode();
        addRange(set, lo, hi);
        if (hi > 0xffff) astral = true;
      } else {
        addCode(set, lo);
        if (lo > 0xffff) astral = true;
      }
    }
    this.pos++; // ]
    if (negated) return this.setNode(complement(set), 1, 2);
    return this.setNode(set, 1, astral || set.other ? 2 : 1);
  }

  private classCode(): number {
    if (this.peek() === '\\') return this.escapedCode();
    const code = this.src.codePointAt(this.pos) ?? 0;
    this.pos += code > 0xffff ? 2 : 1;
    return code;
  }
}

// ---------------------------------------------------------------------------------------------
// Facts and checks over the AST.

function minLen(node: Node): number {
  switch (node.type) {
    case 'set':
      return node.minUnits;
    case 'seq':
      return node.items.reduce((sum, item) => sum + minLen(item), 0);
    case 'alt':
      return Math.min(...node.branches.map(minLen));
    case 'rep':
      return node.min === 0 ? 0 : node.min * minLen(node.body);
  }
}

function maxLen(node: Node): number {
  switch (node.type) {
    case 'set':
      return node.maxUnits;
    case 'seq':
      return node.items.reduce((sum, item) => sum + maxLen(item), 0);
    case 'alt':
      return Math.max(...node.branches.map(maxLen));
    case 'rep': {
      if (node.max === 0) return 0;
      const body = maxLen(node.body);
      return body === 0 ? 0 : node.max * body;
    }
  }
}

function nullable(node: Node): boolean {
  return minLen(node) === 0;
}

function first(node: Node): CharSet {
  switch (node.type) {
    case 'set':
      return node.set;
    case 'seq': {
      let out = emptySet();
      for (const item of node.items) {
        out = union(out, first(item));
        if (!nullable(item)) break;
      }
      return out;
    }
    case 'alt':
      return node.branches.reduce((acc, branch) => union(acc, first(branch)), emptySet());
    case 'rep':
      return node.max === 0 ? emptySet() : first(node.body);
  }
}

interface CheckState {
  alternationProduct: number;
}

function check(node: Node, follow: CharSet, inRepeat: boolean, state: CheckState): void {
  switch (node.type) {
    case 'set':
      return;
    case 'seq': {
      let next = follow;
      for (let k = node.items.length - 1; k >= 0; k--) {
        const item = node.items[k] as Node;
        check(item, next, inRepeat, state);
        next = nullable(item) ? union(first(item), next) : first(item);
      }
      return;
    }
    case 'alt': {
      const starts = node.branches.map((branch) =>
        nullable(branch) ? union(first(branch), follow) : first(branch),
      );
      let overlapping = false;
      for (let a = 0; a < starts.length && !overlapping; a++) {
        for (let b = a + 1; b < starts.length; b++) {
          if (intersects(starts[a] as CharSet, starts[b] as CharSet)) {
            overlapping = true;
            break;
          }
        }
      }
      if (overlapping) {
        if (inRepeat) {
          throw new Unsupported(
            'unsafe_regex',
            'alternatives inside a repetition can start with the same character, which makes matching time exponential; make each alternative start differently (e.g. (?:ab|ac)+ → (?:a[bc])+)',
          );
        }
        state.alternationProduct *= node.branches.length;
        if (state.alternationProduct > MAX_ALTERNATION_PRODUCT) {
          throw new Unsupported(
            'unsafe_regex',
            'too many alternatives that start with the same character; merge their common prefixes',
          );
        }
      }
      for (const branch of node.branches) check(branch, follow, inRepeat, state);
      return;
    }
    case 'rep': {
      if (node.max === 0) return;
      if (node.max > 1 && nullable(node.body)) {
        throw new Unsupported(
          'unsafe_regex',
          'a repetition of something that can match nothing (e.g. (\\d*)* or (a?)+) makes matching time exponential; remove the inner quantifier',
        );
      }
      const bodyFirst = first(node.body);
      if (node.min !== node.max && intersects(bodyFirst, follow)) {
        throw new Unsupported(
          'unsafe_regex',
          'a variable repetition is followed by something it could also match (nested quantifiers like (a+)+, or \\d+\\d+), so the engine must try every split; make the boundary unambiguous (e.g. (\\d+)+ → \\d+, [A-Z0-9]{2,4}\\d{6} → [A-Z]{2,4}\\d{6})',
        );
      }
      const bodyFollow = node.max > 1 ? union(bodyFirst, follow) : follow;
      check(node.body, bodyFollow, inRepeat || node.max > 1, state);
      return;
    }
  }
}

/**
 * Checks that a value regex is valid, supported, and linear-time on a bounded token, and returns
 * the facts the extractor uses to skip tokens that cannot match.
 *
 * @param source - the regex source, without delimiters or anchors.
 * @param ignoreCase - whether the pattern uses the `i` flag.
 * @returns the facts, or the first problem found.
 */
export function analyzeValueRegex(source: string, ignoreCase: boolean): RegexAnalysis {
  if (source.length > MAX_VALUE_SOURCE_LENGTH) {
    return {
      ok: false,
      problem: {
        code: 'invalid_regex',
        message: `longer than ${MAX_VALUE_SOURCE_LENGTH} characters`,
      },
    };
  }
  try {
    new RegExp(source, ignoreCase ? 'iu' : 'u');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { code: 'invalid_regex', message: `not a valid regular expression: ${detail}` },
    };
  }
  try {
    const root = new Parser(source, ignoreCase).parse();
    check(root, emptySet(), false, { alternationProduct: 1 });
    return {
      ok: true,
      facts: {
        minLength: minLen(root),
        maxLength: maxLen(root),
        acceptsHash: hasCode(first(root), 35),
      },
    };
  } catch (error) {
    if (error instanceof Unsupported)
      return { ok: false, problem: { code: error.code, message: error.message } };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { code: 'invalid_regex', message: `could not be analysed: ${detail}` },
    };
  }
}

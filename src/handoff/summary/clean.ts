// Message text as a summary shows it: without the reply mentions, links, signatures, emoji and
// "(1/2)" markers that channels add, and with a flag for messages that run on into the next.

/** A message's text ready to be split into sentences. */
export interface CleanText {
  /** The text without channel noise, whitespace collapsed; may be empty. */
  readonly text: string;
  /** The author marked it as continuing in their next message ("(1/2)", a trailing "..."). */
  readonly continues: boolean;
}

// Every pattern here is linear: no nested quantifiers, no overlapping alternatives under `+`.
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const LEADING_MENTIONS = /^(?:\s*[@＠][\p{L}\p{N}_]{1,50}[:,]?)+/u;
// Emoji, their skin-tone modifiers, joiners and variation selectors.
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|[\u{1F1E6}-\u{1F1FF}]|\u200D|\uFE0F/gu;
// "(1/2)", "[2/3]", "1/3" — at the very start or end of a message. Bare numbers are only taken
// up to 10 parts, so that a date such as "12/25" at the end is left alone.
const TRAILING_PART = /(?:^|\s)(?:[([](\d{1,2})\s?\/\s?(\d{1,2})[)\]]|(\d)\s?\/\s?(\d{1,2}))\s*$/;
const LEADING_PART = /^\s*(?:[([]\d{1,2}\s?\/\s?\d{1,2}[)\]]|\d\s?\/\s?\d{1,2}(?=\s))/;
// Agent sign-offs: "^SR", "*AB", "~JS" anywhere at the end, "-Andy" or "- FHC" after a space or
// a sentence's end.
const SIGNATURE =
  /(?:(?:^|[\s.!?,])[\^*~]\s?[A-Za-z]{1,4}|(?:^|[\s.!?,])[-–—]\s?[A-Z][A-Za-z]{0,11}(?:\s[A-Z])?)\s*$/;
// Runs of the same mark ("!!!!!", "? ? ?") say little and cost budget.
const REPEATED_MARKS = /([!?.])(?:\s?\1)+/g;
// Line breaks survive as sentence boundaries; other whitespace collapses to one space.
const SPACES = /[^\S\n]+/g;
const LINE_BREAKS = /\s*\n\s*/g;
// A space left before a mark once an emoji or a link between them is gone: "issue !".
const SPACE_BEFORE_MARK = / ([!?.,;:])(?=\s|$)/g;

// Cheap tests that let most messages skip the replacements above.
const MAY_HAVE_URL = /https?:\/\/|www\./i;
const MAY_HAVE_EMOJI = /[\u2000-\u2bff\u3030\u303d\u3297\u3299\ud800-\udfff]|\ufe0f/;
/** Only the end of a message can hold a part marker or a signature. */
const TAIL = 48;

const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
const isMarkCode = (c: number) => c === 33 || c === 46 || c === 63;

/**
 * Whether the spacing pass has anything to do: whitespace other than single spaces, or two
 * marks in a row ("!!", "? ?"). One scan, no regex.
 */
function needsSpacing(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      const d = text.charCodeAt(i + 1);
      if (i + 1 < n && (isSpaceCode(d) || isMarkCode(d) || d === 44 || d === 58 || d === 59))
        return true;
    } else if (isSpaceCode(c) || (c > 0x1fff && c < 0x3001) || c === 0xfeff) {
      return true;
    } else if (isMarkCode(c) && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (isMarkCode(d) || (d === 32 && i + 2 < n && isMarkCode(text.charCodeAt(i + 2))))
        return true;
    }
  }
  return false;
}

/**
 * Peels "(1/2)" markers and sign-offs off the end of a text. The patterns run on the last
 * words only, cut at a space so that their start anchors mean what they say. Peeling only
 * ever shortens the text, so the result is a prefix (a slice, cheap to scan later).
 */
function peelEnd(text: string): { text: string; continues: boolean } {
  let cut = Math.max(0, text.length - TAIL);
  while (cut > 0 && !isSpaceCode(text.charCodeAt(cut))) cut--;
  let end = text.length;
  let continues = false;
  // A signature can follow a part marker and vice versa: peel both, twice at most.
  for (let round = 0; round < 2; round++) {
    const tail = text.slice(cut, end);
    const part = TRAILING_PART.exec(tail);
    if (part !== null) {
      const index = Number(part[1] ?? part[3]);
      const total = Number(part[2] ?? part[4]);
      if (index >= 1 && index <= total && total <= 20) {
        if (index < total) continues = true;
        end = cut + part.index;
        continue;
      }
    }
    const signature = SIGNATURE.exec(tail);
    if (signature !== null) {
      // Keep the sentence's own final mark, which the pattern may have consumed.
      const lead = signature[0][0] ?? '';
      end = cut + signature.index + ('.!?'.includes(lead) ? 1 : 0);
      continue;
    }
    break;
  }
  return { text: end === text.length ? text : text.slice(0, end), continues };
}

/** Strips channel noise from one message's text. Linear in the length of the text. */
export function cleanMessage(raw: string): CleanText {
  let text = raw;
  if (MAY_HAVE_URL.test(text)) text = text.replace(URL, ' ');
  if (MAY_HAVE_EMOJI.test(text)) text = text.replace(EMOJI, '');
  let first = 0;
  while (first < text.length && isSpaceCode(text.charCodeAt(first))) first++;
  const c = text.charCodeAt(first);
  if (c === 64 || c === 0xff20) text = text.replace(LEADING_MENTIONS, '');
  text = text.replace(LEADING_PART, '');
  const peeled = peelEnd(text);
  text = peeled.text;
  const end = text.trimEnd();
  const continues = peeled.continues || end.endsWith('...') || end.endsWith('…');
  if (needsSpacing(text)) {
    text = text
      .replace(REPEATED_MARKS, '$1')
      .replace(SPACES, ' ')
      .replace(LINE_BREAKS, '\n')
      .replace(SPACE_BEFORE_MARK, '$1');
  }
  return { text: text.trim(), continues };
}

// A greeting, then optionally a filler word or a first name, then its punctuation and a space:
// "Hi there, ", "Hello Talie, ", "Good morning team! ". Matched piece by piece, each pattern
// anchored, so that a failed tail never leaves half a greeting behind.
const GREETING_WORD =
  /^(?:[Hh](?:i+|ello+|ey+|iya|owdy)|[Dd]ear|[Gg]reetings|[Gg]ood (?:morning|afternoon|evening|day))\b/;
const GREETING_FILLER =
  /^\s+(?:[Tt]here|guys|team|all|folks|everyone|again|y['’]all|[A-Z][\p{L}'-]{0,20}(?=\s*[,.!:;-]))/u;
const GREETING_END = /^\s*[,.!:;-]*\s+/;
const FILLER = /^(?:so|well|ok|okay|um+|erm|also|and|but|yes|yeah)\b[,.!]?\s+/i;

/** The text after a leading greeting, or the text itself when it does not open with one. */
function withoutGreeting(text: string): string {
  const word = GREETING_WORD.exec(text);
  if (word === null) return text;
  let rest = text.slice(word[0].length);
  const filler = GREETING_FILLER.exec(rest);
  if (filler !== null) rest = rest.slice(filler[0].length);
  const end = GREETING_END.exec(rest);
  return end === null ? text : rest.slice(end[0].length);
}

/** A sentence without the greeting or filler word it opens with, capitalised again. */
export function stripOpening(text: string): string {
  let out = text;
  for (let round = 0; round < 2; round++) {
    const next = withoutGreeting(out).replace(FILLER, '');
    if (next === out || next === '') break;
    out = next;
  }
  return out === text ? text : out.charAt(0).toUpperCase() + out.slice(1);
}

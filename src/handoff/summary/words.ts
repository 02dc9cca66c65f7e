// Words of a sentence, shared by the tokenizer and the cue reader: runs of letters and digits,
// with one inner apostrophe kept ("can’t", "we'll"), lowercased, apostrophes normalised to
// `’`. ASCII characters are classified by a table; only others reach the Unicode test.

const ASCII_WORD = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) table[c] = 1;
  for (let c = 97; c <= 122; c++) table[c] = 1;
  return table;
})();
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Whether the character at `i` of a lowercase text is a letter, digit or mark. */
function isWordAt(lower: string, i: number): boolean {
  const c = lower.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER_OR_DIGIT.test(lower.charAt(i));
}

/** The lowercase words of `text`, apostrophes normalised to `’`. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordAt(lower, i)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n && isWordAt(lower, i)) i++;
    let apostrophe = -1;
    if (i + 1 < n) {
      const c = lower.charCodeAt(i);
      if ((c === 39 || c === 0x2019) && isWordAt(lower, i + 1)) {
        apostrophe = c;
        i++;
        while (i < n && isWordAt(lower, i)) i++;
      }
    }
    const word = lower.slice(start, i);
    out.push(apostrophe === 39 ? word.replace("'", '’') : word);
  }
  return out;
}

// Cutting text to a character budget. Lengths are UTF-16 code units, as `String.length`
// counts them; a cut never splits a surrogate pair.

const ELLIPSIS = '…';

/** Whether a character left at the end of a cut would dangle: a space, comma, colon or dash. */
const dangles = (c: string | undefined) => c !== undefined && ' \n\t,;:–—-'.includes(c);

/**
 * Returns `text` when it fits in `maxChars`, else its longest prefix ending at a word boundary
 * followed by `…`, the whole never longer than `maxChars`. A single word longer than the budget
 * is cut mid-word. Returns an empty string when `maxChars` is below 1.
 */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars < 1) return '';
  const room = maxChars - ELLIPSIS.length;
  let cut = -1;
  for (let i = room; i > 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) {
      cut = i;
      break;
    }
  }
  let head: string;
  if (cut > room / 3) {
    let end = cut;
    while (end > 0 && dangles(text[end - 1])) end--;
    head = text.slice(0, end);
  } else {
    let end = room;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    head = text.slice(0, Math.max(0, end));
  }
  return `${head.trimEnd()}${ELLIPSIS}`;
}

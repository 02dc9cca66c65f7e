// Text clean-up shared by the email and social-handle normalizers. Internal: not re-exported
// from the package root.

// A lone UTF-16 surrogate cannot be encoded, compared or stored reliably; it becomes U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Characters that copy-paste, rich-text editors and right-to-left text leave behind without
// being visible: soft hyphen, combining grapheme joiner, Arabic letter mark, zero-width
// space/joiners, direction marks and embeddings, word joiner and invisible operators, Hangul
// fillers and the byte-order mark.
const INVISIBLE =
  /\u034F|\u115F|\u1160|[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]/g;
// C0 and C1 control characters other than whitespace never belong to an identifier.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
// Full-width ASCII (typed with CJK input methods) and the other at signs and full stops that
// stand for `@` and `.` in addresses.
const FULLWIDTH = /[\uFF01-\uFF5E]/g;
const OTHER_AT = /\uFE6B/g;
const OTHER_DOT = /[\u3002\uFF61]/g;
const WHITESPACE = /\s+/g;
// Printable ASCII without spaces: text that needs none of the Unicode steps.
const PLAIN_ASCII = /^[\x21-\x7E]*$/;

/**
 * @internal Makes text comparable before any parsing: well-formed UTF-16, invisible characters removed,
 * full-width forms folded to ASCII, NFC, runs of whitespace as one space, trimmed. Idempotent.
 */
export function sanitize(raw: string): string {
  if (PLAIN_ASCII.test(raw)) return raw;
  return raw
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(FULLWIDTH, fromFullwidth)
    .replace(OTHER_AT, '@')
    .replace(OTHER_DOT, '.')
    .normalize('NFC')
    .replace(WHITESPACE, ' ')
    .trim();
}

function fromFullwidth(c: string): string {
  return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

// Labels of letters, digits and inner hyphens (1–63 each), then an alphabetic or `xn--` top
// level label. A label cannot contain `.`, so the repetition is unambiguous and linear.
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const ASCII_ONLY = /^[^\u0080-\uFFFF]*$/;
// An ASCII character other than those of a host name. `/`, `:`, `?`, `@`, `%` and the like
// would make the URL parser read a different host than the one written, so such text is
// refused before it reaches the parser.
const NON_HOST_ASCII = /[^a-z0-9.\-\u0080-\uFFFF]/;

/**
 * @internal Whether a lower-case ASCII domain is a plausible public mail domain: at most 253 characters,
 * at least two labels of letters, digits and inner hyphens (1–63 each), and an alphabetic or
 * `xn--` top-level label (which also rules out IP addresses).
 */
export function isValidAsciiDomain(domain: string): boolean {
  return domain.length <= 253 && DOMAIN.test(domain);
}

/**
 * @internal The ASCII (punycode) form of a lower-case domain, or `undefined` when it is not a valid mail
 * domain. Internationalized names go through the WHATWG URL parser, which applies UTS #46
 * mapping and punycode in every modern runtime without a dependency.
 */
export function toAsciiDomain(domain: string): string | undefined {
  if (ASCII_ONLY.test(domain)) return isValidAsciiDomain(domain) ? domain : undefined;
  if (NON_HOST_ASCII.test(domain)) return undefined;
  let host: string;
  try {
    host = new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
  return isValidAsciiDomain(host) ? host : undefined;
}

/** @internal Number of bytes the text takes in UTF-8, the unit of the RFC 5321 length limits. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import type { Issue } from '../../core/result.js';
import {
  DISPOSABLE_EMAIL_DOMAINS,
  PLACEHOLDER_DOMAINS,
  PLACEHOLDER_LOCAL_PARTS,
  PLACEHOLDER_TLDS,
  ROLE_LOCAL_PARTS,
} from './lists.js';
import {
  EMAIL_PROVIDER_RULES,
  type EmailProviderRule,
  EmailProviderRuleSchema,
} from './providers.js';
import { sanitize, toAsciiDomain, utf8Length } from './text.js';

/**
 * A normalized email address: the address itself, lower case, NFC local part, ASCII
 * (punycode) domain. Only {@link normalizeEmail} and this schema make values of this type; the
 * schema accepts exactly the strings that `normalizeEmail` returns unchanged as a valid `key`.
 *
 * @example
 * ```ts
 * import { NormalizedEmailSchema } from 'threadline';
 *
 * console.log(NormalizedEmailSchema.safeParse('ana@example.com').success); // true
 * console.log(NormalizedEmailSchema.safeParse('Ana@Example.com').success); // false
 * ```
 */
export const NormalizedEmailSchema = z
  .string()
  .refine(isNormalizedEmail, {
    message: 'expected a normalized email address such as ana@example.com',
  })
  .brand<'NormalizedEmail'>();

/**
 * A normalized email address; see {@link NormalizedEmailSchema}.
 *
 * @example
 * ```ts
 * import { normalizeEmail, type NormalizedEmail } from 'threadline';
 *
 * const result = normalizeEmail('Ana@Example.COM');
 * if (result.valid) {
 *   const key: NormalizedEmail = result.key;
 *   console.log(key); // ana@example.com
 * }
 * ```
 */
export type NormalizedEmail = z.infer<typeof NormalizedEmailSchema>;

/**
 * Why an email is not matchable: the text is empty, has no `@`, its local part or domain is
 * malformed, it exceeds the RFC 5321 lengths, or it is a placeholder typed to get past a form.
 *
 * @example
 * ```ts
 * import { normalizeEmail, type EmailRejection } from 'threadline';
 *
 * const reason: EmailRejection | undefined = normalizeEmail('ana.example.com').reason;
 * console.log(reason); // no_at
 * ```
 */
export type EmailRejection =
  | 'empty'
  | 'no_at'
  | 'bad_local'
  | 'bad_domain'
  | 'too_long'
  | 'placeholder';

/**
 * A syntactically valid address. It is `matchable` unless it is a placeholder; `role` and
 * `disposable` are evidence for the matcher to weigh, not reasons to drop the address.
 *
 * @example
 * ```ts
 * import { normalizeEmail } from 'threadline';
 *
 * const r = normalizeEmail('"Ana Souza" <J.Smith+orders@GoogleMail.com>');
 * if (r.valid) console.log(r.key, r.canonical, r.tag, r.displayName);
 * // j.smith+orders@googlemail.com jsmith@gmail.com orders Ana Souza
 * ```
 */
export interface ValidEmail {
  /** The input, unchanged. */
  readonly raw: string;
  readonly valid: true;
  /** Whether the address may be used as evidence of identity (it is not a placeholder). */
  readonly matchable: boolean;
  /** Present exactly when the address is not matchable. */
  readonly reason?: 'placeholder';
  /** The address itself: lower case, NFC local part, ASCII domain. Never rewritten by provider rules. */
  readonly key: NormalizedEmail;
  /**
   * The mailbox the provider delivers to: for known providers, tags and ignored characters
   * removed and alias domains folded (`J.Smith+x@googlemail.com` → `jsmith@gmail.com`); for
   * any other domain, equal to `key`.
   */
  readonly canonical: NormalizedEmail;
  /** The local part of `key`. */
  readonly local: string;
  /** The ASCII (punycode) domain of `key`. */
  readonly domain: string;
  /** The domain as written, when it was internationalized (`bücher.de`). */
  readonly unicodeDomain?: string;
  /**
   * The local part without its sub-address tag, dots kept: what to compare for "same user
   * name, different domain". A `+tag` is taken off for every domain here, because this field
   * is a comparison aid and not an identity key.
   */
  readonly user: string;
  /** The sub-address tag taken off `user` (`orders` in `ana+orders@…`). */
  readonly tag?: string;
  /** The provider whose rules built `canonical` (`gmail`, `outlook`, `yahoo`, …). */
  readonly provider?: string;
  /** The display name that came with the address (`"Ana Souza" <ana@…>`). */
  readonly displayName?: string;
  /** A shared or role mailbox (`support@`, `info@`, `no-reply@`). */
  readonly role: boolean;
  /** A well-known throw-away mailbox domain (`mailinator.com`). */
  readonly disposable: boolean;
  /** A value typed to get past a form (`test@test.com`, `none@none.com`, `x@example.com`). */
  readonly placeholder: boolean;
}

/**
 * An address that could not be read. Its `key` is still a deterministic clean-up of the input
 * (so equal junk compares equal), but it is never matchable.
 *
 * @example
 * ```ts
 * import { normalizeEmail } from 'threadline';
 *
 * const r = normalizeEmail('charlottej68@lee-taylor@.org');
 * console.log(r.valid, r.reason, r.key); // false bad_local charlottej68@lee-taylor@.org
 * ```
 */
export interface InvalidEmail {
  /** The input, unchanged. */
  readonly raw: string;
  readonly valid: false;
  readonly matchable: false;
  /** Why the address could not be read. */
  readonly reason: Exclude<EmailRejection, 'placeholder'>;
  /** The cleaned, lower-cased text. */
  readonly key: string;
  /** Equal to `key`: no provider rule applies to an unreadable address. */
  readonly canonical: string;
  /** The text before the last `@`, when there is one. */
  readonly local?: string;
  /** The text after the last `@`, when there is one. */
  readonly domain?: string;
  /** The display name that came with the text. */
  readonly displayName?: string;
  readonly role: false;
  readonly disposable: false;
  readonly placeholder: false;
}

/**
 * What {@link normalizeEmail} returns: a {@link ValidEmail} or an {@link InvalidEmail},
 * told apart by `valid`.
 *
 * @example
 * ```ts
 * import { normalizeEmail, type NormalizedEmailResult } from 'threadline';
 *
 * const r: NormalizedEmailResult = normalizeEmail('support@shop.com');
 * console.log(r.valid && r.role); // true
 * ```
 */
export type NormalizedEmailResult = ValidEmail | InvalidEmail;

/**
 * Options for {@link normalizeEmail} and {@link createEmailNormalizer}; see
 * {@link EmailOptions}.
 *
 * @example
 * ```ts
 * import { EmailOptionsSchema } from 'threadline';
 *
 * console.log(EmailOptionsSchema.safeParse({ disposableDomains: ['throwaway.test'] }).success); // true
 * ```
 */
export const EmailOptionsSchema = z
  .strictObject({
    /**
     * Provider rules added to the built-in {@link EMAIL_PROVIDER_RULES}. A domain listed here
     * replaces the built-in rule for that domain.
     */
    providers: z.array(EmailProviderRuleSchema).readonly().optional(),
    /** Extra disposable domains (a sub-domain of one counts too). */
    disposableDomains: z.array(z.string().min(1).max(253)).readonly().optional(),
    /** Extra role mailbox names (`.`, `_` and `-` are ignored when comparing). */
    roleLocalParts: z.array(z.string().min(1).max(64)).readonly().optional(),
  })
  .readonly();

/**
 * Options for {@link normalizeEmail}: extra provider rules, disposable domains and role
 * mailbox names.
 *
 * @example
 * ```ts
 * import { normalizeEmail, type EmailOptions } from 'threadline';
 *
 * const options: EmailOptions = { roleLocalParts: ['atendimento'] };
 * const r = normalizeEmail('atendimento@loja.com.br', options);
 * console.log(r.valid && r.role); // true
 * ```
 */
export type EmailOptions = z.infer<typeof EmailOptionsSchema>;

interface CompiledRule {
  readonly id: string;
  readonly canonicalDomain: string | undefined;
  readonly separators: string;
  readonly ignore: RegExp | undefined;
  readonly subdomainAddressing: boolean;
}

interface CompiledEmailOptions {
  readonly rules: ReadonlyMap<string, CompiledRule>;
  readonly disposable: ReadonlySet<string>;
  readonly role: ReadonlySet<string>;
}

// Characters stripped from the ends of an address: brackets, quotes and the punctuation a
// sentence puts after an address. None can end a domain; the leading set cannot start a
// local part that anybody uses.
const LEADING_JUNK = '<>"\'`([{,;:';
const TRAILING_JUNK = '<>"\'`)]},;:.!?/\\';
const SPACE_AROUND_AT = / ?@ ?/g;
const NAME_LIKE = /^[\p{L}\p{M}' .,-]+$/u;
const PLAIN_ASCII = /^[^\u0080-\uFFFF]*$/;
const DECODED_ADDRESS = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~@-]+$/;
// RFC 5322 dot-atom over RFC 6531's UTF-8 letters, marks and digits. The atom class has no
// `.`, so matching is linear.
const LOCAL_PART =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~\p{L}\p{M}\p{N}-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\p{L}\p{M}\p{N}-]+)*$/u;
// The same over ASCII only: most addresses, matched without Unicode property lookups.
const ASCII_LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const NAME_SEPARATORS = /[._-]/g;
const REPEATED_CHAR = /^(.)\1{2,}$/u;
const ESCAPED_QUOTE = /\\(["\\])/g;

const DEFAULT_OPTIONS: CompiledEmailOptions = /* @__PURE__ */ compile({});

/**
 * Normalizes an email address as channels deliver it: display names (`"Ana" <ana@…>`),
 * `mailto:` links, brackets, quotes, trailing punctuation, zero-width characters and
 * full-width `＠` are all handled. Returns the address itself as `key` and, separately, the
 * mailbox a known provider delivers to as `canonical` (Gmail dots and `+tags`, alias domains),
 * with flags for role, disposable and placeholder addresses. Never throws on any input string.
 *
 * For a hot path with options, build the normalizer once with {@link createEmailNormalizer}.
 *
 * @param raw - the text as received: a `From:` header, a form field, a chat message.
 * @param options - extra provider rules, disposable domains and role names.
 * @returns a {@link ValidEmail} or an {@link InvalidEmail}.
 * @throws {@link ThreadlineError} with code `invalid_options` when `options` is malformed (a
 * configuration error, never a data error).
 *
 * @example
 * ```ts
 * import { normalizeEmail } from 'threadline';
 *
 * const r = normalizeEmail('J.Smith+orders@GoogleMail.com');
 * console.log(r.key, r.canonical); // j.smith+orders@googlemail.com jsmith@gmail.com
 * console.log(normalizeEmail('user@bücher.de').domain); // xn--bcher-kva.de
 * console.log(normalizeEmail('test@test.com').matchable); // false
 * ```
 */
export function normalizeEmail(raw: string, options?: EmailOptions): NormalizedEmailResult {
  return normalizeWith(raw, options === undefined ? DEFAULT_OPTIONS : compileChecked(options));
}

/**
 * Validates email options once and returns a normalizer that uses them, for hot paths.
 *
 * @param options - extra provider rules, disposable domains and role names.
 * @returns a function equivalent to `(raw) => normalizeEmail(raw, options)`.
 * @throws {@link ThreadlineError} with code `invalid_options` when `options` is malformed.
 *
 * @example
 * ```ts
 * import { createEmailNormalizer } from 'threadline';
 *
 * const normalize = createEmailNormalizer({ disposableDomains: ['throwaway.dev'] });
 * const r = normalize('x@throwaway.dev');
 * console.log(r.valid && r.disposable); // true
 * ```
 */
export function createEmailNormalizer(
  options: EmailOptions = {},
): (raw: string) => NormalizedEmailResult {
  const compiled = compileChecked(options);
  return (raw) => normalizeWith(raw, compiled);
}

function isNormalizedEmail(value: string): boolean {
  const result = normalizeWith(value, DEFAULT_OPTIONS);
  return result.valid && result.key === value;
}

function normalizeWith(raw: string, options: CompiledEmailOptions): NormalizedEmailResult {
  const text = sanitize(raw);
  const { address, displayName } = extract(text);
  const cleaned = unwrap(address);
  const named = displayName === undefined ? {} : { displayName };

  const at = cleaned.lastIndexOf('@');
  if (at < 0) {
    return invalid(raw, cleaned === '' ? 'empty' : 'no_at', lowerNfc(cleaned), named);
  }
  const local = lowerNfc(cleaned.slice(0, at));
  const written = lowerNfc(cleaned.slice(at + 1));
  const ascii = toAsciiDomain(written);
  const domain = ascii ?? written;
  const key = `${local}@${domain}`;

  let reason: InvalidEmail['reason'] | undefined;
  const plain = PLAIN_ASCII.test(key);
  if (
    plain ? local.length > 64 || key.length > 254 : utf8Length(local) > 64 || utf8Length(key) > 254
  ) {
    reason = 'too_long';
  } else if (!(plain ? ASCII_LOCAL_PART : LOCAL_PART).test(local)) reason = 'bad_local';
  else if (ascii === undefined) reason = 'bad_domain';
  if (reason !== undefined) return invalid(raw, reason, key, { ...named, local, domain });

  return valid(raw, key as NormalizedEmail, local, domain, written, named, options);
}

function valid(
  raw: string,
  key: NormalizedEmail,
  local: string,
  domain: string,
  written: string,
  named: { readonly displayName?: string },
  options: CompiledEmailOptions,
): ValidEmail {
  let rule = options.rules.get(domain);
  let mailbox = local;
  let tag: string | undefined;
  let mailDomain = domain;

  const dot = domain.indexOf('.');
  const parentRule = rule === undefined ? options.rules.get(domain.slice(dot + 1)) : undefined;
  if (parentRule?.subdomainAddressing === true && domain.slice(dot + 1).includes('.')) {
    // tag@user.fastmail.com is delivered to user@fastmail.com.
    rule = parentRule;
    mailbox = domain.slice(0, dot);
    tag = local;
    mailDomain = domain.slice(dot + 1);
  } else {
    const cut = firstSeparator(local, rule === undefined ? '+' : rule.separators);
    if (cut > 0) {
      mailbox = local.slice(0, cut);
      tag = local.slice(cut + 1);
    }
  }

  let canonical = key;
  if (rule !== undefined) {
    let canonicalLocal = rule.ignore === undefined ? mailbox : mailbox.replace(rule.ignore, '');
    if (canonicalLocal === '') canonicalLocal = mailbox;
    const candidate = `${canonicalLocal}@${rule.canonicalDomain ?? mailDomain}`;
    // A tag cut can leave a local part that is not an address (`a.` from `a.+x`); then the
    // provider's mailbox is unknown and the address stands for itself.
    if (LOCAL_PART.test(canonicalLocal) && utf8Length(candidate) <= 254) {
      canonical = candidate as NormalizedEmail;
    }
  }

  const name = mailbox.replace(NAME_SEPARATORS, '');
  const firstLabel = domain.slice(0, dot);
  const placeholder =
    PLACEHOLDER_TLDS.has(domain.slice(domain.lastIndexOf('.') + 1)) ||
    inDomainSet(PLACEHOLDER_DOMAINS, domain) ||
    PLACEHOLDER_LOCAL_PARTS.has(name) ||
    REPEATED_CHAR.test(name) ||
    // a@a.com, abc@abc.net: a short name repeated as the whole domain name.
    (name === firstLabel && name.length <= 4 && !domain.slice(dot + 1).includes('.'));

  // Built field by field rather than with conditional spreads: this is the hot path.
  const result: Mutable<ValidEmail> = {
    raw,
    valid: true,
    matchable: !placeholder,
    key,
    canonical,
    local,
    domain,
    user: mailbox,
    role: options.role.has(name),
    disposable: inDomainSet(options.disposable, domain),
    placeholder,
  };
  if (placeholder) result.reason = 'placeholder';
  if (written !== domain) result.unicodeDomain = written;
  if (tag !== undefined) result.tag = tag;
  if (rule !== undefined) result.provider = rule.id;
  if (named.displayName !== undefined) result.displayName = named.displayName;
  return result;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function invalid(
  raw: string,
  reason: InvalidEmail['reason'],
  key: string,
  parts: { readonly displayName?: string; readonly local?: string; readonly domain?: string },
): InvalidEmail {
  return {
    raw,
    valid: false,
    matchable: false,
    reason,
    key,
    canonical: key,
    ...parts,
    role: false,
    disposable: false,
    placeholder: false,
  };
}

// Splits a display name from the address: `Name <addr>`, `addr (Name)`, or `Name addr` when
// exactly one word holds an `@`.
function extract(text: string): { address: string; displayName?: string } {
  let address = text;
  let displayName: string | undefined;

  let lt = text.indexOf('<');
  while (lt >= 0) {
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) break;
    const inner = text.slice(lt + 1, gt);
    if (inner.includes('@')) {
      address = inner;
      displayName = cleanDisplayName(text.slice(0, lt));
      break;
    }
    lt = text.indexOf('<', gt + 1);
  }
  if (address === text && text.endsWith(')')) {
    const open = text.indexOf('(');
    const before = open > 0 ? text.slice(0, open).trim() : '';
    if (before.includes('@') && !before.includes(' ')) {
      address = before;
      displayName = cleanDisplayName(text.slice(open + 1, -1));
    }
  }

  address = address.replace(SPACE_AROUND_AT, '@');
  if (address.includes(' ')) {
    const words = address.split(' ');
    let found = -1;
    let count = 0;
    for (let i = 0; i < words.length; i++) {
      if (words[i]?.includes('@')) {
        found = i;
        count++;
      }
    }
    if (count === 1) {
      const rest = words.filter((_, i) => i !== found).join(' ');
      address = words[found] ?? address;
      if (displayName === undefined && NAME_LIKE.test(rest)) displayName = cleanDisplayName(rest);
    }
  }
  return displayName === undefined ? { address } : { address, displayName };
}

function cleanDisplayName(text: string): string | undefined {
  let name = text.trim();
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) {
    name = name.slice(1, -1).replace(ESCAPED_QUOTE, '$1').trim();
  }
  if (name.endsWith(',')) name = name.slice(0, -1).trim();
  return name === '' ? undefined : name;
}

// Strips `mailto:`, wrapping punctuation and a URL query until nothing changes, so the result
// is a fixed point and normalizing a key again strips nothing.
function unwrap(address: string): string {
  let mailto = false;
  let text = address;
  for (;;) {
    const before = text;
    text = text.trim();
    if (text.length >= 7 && text.slice(0, 7).toLowerCase() === 'mailto:') {
      text = text.slice(7);
      mailto = true;
    }
    text = trimJunk(text);
    const at = text.lastIndexOf('@');
    if (at >= 0) {
      const query = firstOf(text, '?', '#', at);
      if (query >= 0) text = text.slice(0, query);
    }
    if (text === before) break;
  }
  if (mailto && text.includes('%')) {
    // mailto: links percent-encode; decode only into plain address characters, so that a
    // decoded key never needs decoding again.
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined && DECODED_ADDRESS.test(decoded)) return unwrap(decoded);
  }
  return text;
}

function trimJunk(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && LEADING_JUNK.includes(text.charAt(start))) start++;
  while (end > start && TRAILING_JUNK.includes(text.charAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function firstOf(text: string, a: string, b: string, from: number): number {
  const i = text.indexOf(a, from);
  const j = text.indexOf(b, from);
  if (i < 0) return j;
  if (j < 0) return i;
  return Math.min(i, j);
}

function firstSeparator(local: string, separators: string): number {
  if (separators === '') return -1;
  // Index 0 is never a separator: `+ana@…` has no mailbox before the tag.
  for (let i = 1; i < local.length; i++) {
    if (separators.includes(local.charAt(i))) return i;
  }
  return -1;
}

function lowerNfc(text: string): string {
  const lower = text.toLowerCase();
  return PLAIN_ASCII.test(lower) ? lower : lower.normalize('NFC');
}

// The domain or any parent domain is in the set (`x.mailinator.com` counts as disposable).
function inDomainSet(set: ReadonlySet<string>, domain: string): boolean {
  let rest = domain;
  for (;;) {
    if (set.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot < 0) return false;
    rest = rest.slice(dot + 1);
  }
}

function compileChecked(options: EmailOptions): CompiledEmailOptions {
  const parsed = EmailOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue) => ({
      code: issue.code,
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: issue.message,
    }));
    throw new ThreadlineError('invalid_options', 'Invalid email options', issues);
  }
  return compile(parsed.data);
}

function compile(options: EmailOptions): CompiledEmailOptions {
  const issues: Issue[] = [];
  const rules = new Map<string, CompiledRule>();
  const add = (rule: EmailProviderRule, path: (string | number)[]) => {
    const domains = rule.domains.map((d, i) => domainOption(d, [...path, 'domains', i], issues));
    const canonicalDomain =
      rule.canonicalDomain === undefined
        ? undefined
        : domainOption(rule.canonicalDomain, [...path, 'canonicalDomain'], issues);
    if (canonicalDomain !== undefined && !domains.includes(canonicalDomain)) {
      // Folding into a domain governed by another rule could fold again; requiring the
      // canonical domain to be one of the rule's own keeps `canonical` a fixed point.
      issues.push({
        code: 'invalid_canonical_domain',
        path: [...path, 'canonicalDomain'],
        message: `"${rule.canonicalDomain}" must be one of the rule's domains`,
      });
    }
    const compiled: CompiledRule = {
      id: rule.id,
      canonicalDomain,
      separators: rule.separators ?? '',
      ignore:
        rule.ignore === undefined || rule.ignore === ''
          ? undefined
          : new RegExp(`[${rule.ignore.replace(/[\\\]^-]/g, '\\$&')}]`, 'g'),
      subdomainAddressing: rule.subdomainAddressing === true,
    };
    for (const domain of domains) if (domain !== undefined) rules.set(domain, compiled);
  };
  for (const rule of EMAIL_PROVIDER_RULES) add(rule, []);
  options.providers?.forEach((rule, i) => {
    add(rule, ['providers', i]);
  });

  let disposable: ReadonlySet<string> = DISPOSABLE_EMAIL_DOMAINS;
  if (options.disposableDomains !== undefined && options.disposableDomains.length > 0) {
    const extra = new Set(DISPOSABLE_EMAIL_DOMAINS);
    options.disposableDomains.forEach((d, i) => {
      const domain = domainOption(d, ['disposableDomains', i], issues);
      if (domain !== undefined) extra.add(domain);
    });
    disposable = extra;
  }

  let role: ReadonlySet<string> = ROLE_LOCAL_PARTS;
  if (options.roleLocalParts !== undefined && options.roleLocalParts.length > 0) {
    const extra = new Set(ROLE_LOCAL_PARTS);
    for (const name of options.roleLocalParts) {
      extra.add(lowerNfc(sanitize(name)).replace(NAME_SEPARATORS, ''));
    }
    role = extra;
  }

  if (issues.length > 0)
    throw new ThreadlineError('invalid_options', 'Invalid email options', issues);
  return { rules, disposable, role };
}

function domainOption(
  text: string,
  path: (string | number)[],
  issues: Issue[],
): string | undefined {
  const domain = toAsciiDomain(lowerNfc(sanitize(text)));
  if (domain === undefined) {
    issues.push({ code: 'invalid_domain', path, message: `"${text}" is not a valid mail domain` });
  }
  return domain;
}

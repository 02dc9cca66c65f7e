import { z } from 'zod';
import { sanitize, toAsciiDomain } from '../email/text.js';
import {
  isKnownPlatform,
  type KnownSocialPlatform,
  platformOfHost,
  resolvePlatform,
  type SocialPlatform,
} from './platforms.js';

/**
 * A normalized social handle: the platform's case-folded key for an account (`jack`,
 * `ana@mastodon.social`, `channel:UCxxxx…`). Only {@link normalizeHandle} and the schemas
 * here make values of this type. This schema checks the platform-independent shape; use
 * {@link normalizedHandleSchema} to check a key for one platform.
 *
 * @example
 * ```ts
 * import { NormalizedHandleSchema } from 'threadline';
 *
 * console.log(NormalizedHandleSchema.safeParse('jack').success); // true
 * console.log(NormalizedHandleSchema.safeParse('@jack').success); // false
 * ```
 */
export const NormalizedHandleSchema = z
  .string()
  .min(1)
  .max(400)
  .refine((s) => s === s.trim() && !s.startsWith('@'), {
    message: 'expected a normalized handle: trimmed, without a leading @',
  })
  .brand<'NormalizedHandle'>();

/**
 * A normalized social handle; see {@link NormalizedHandleSchema}.
 *
 * @example
 * ```ts
 * import { normalizeHandle, type NormalizedHandle } from 'threadline';
 *
 * const r = normalizeHandle('x', 'https://twitter.com/Jack');
 * if (r.valid) {
 *   const key: NormalizedHandle = r.handle;
 *   console.log(key); // jack
 * }
 * ```
 */
export type NormalizedHandle = z.infer<typeof NormalizedHandleSchema>;

/**
 * A schema that accepts exactly the valid handle keys of one platform: strings that
 * {@link normalizeHandle} returns unchanged as a valid `handle`.
 *
 * @param platform - a known platform, an alias such as `twitter`, or a custom slug.
 * @returns a zod schema producing {@link NormalizedHandle} values.
 *
 * @example
 * ```ts
 * import { normalizedHandleSchema } from 'threadline';
 *
 * const schema = normalizedHandleSchema('github');
 * console.log(schema.safeParse('octocat').success); // true
 * console.log(schema.safeParse('OctoCat').success); // false
 * ```
 */
export function normalizedHandleSchema(platform: SocialPlatform) {
  return z
    .string()
    .refine(
      (s) => {
        const r = normalizeHandle(platform, s);
        return r.valid && r.handle === s;
      },
      { message: `expected a normalized ${platform} handle` },
    )
    .brand<'NormalizedHandle'>();
}

/**
 * Why a handle is not matchable.
 *
 * - `bad_platform`: the platform name is neither known nor a valid slug.
 * - `empty`: nothing left after clean-up.
 * - `not_a_profile`: a link of the platform that is not a profile (a post, a search, a
 *   short link), or a link to an unknown site.
 * - `wrong_platform`: a profile link of another known platform.
 * - `too_short`, `too_long`, `bad_chars`, `bad_format`: outside the platform's rules.
 * - `missing_instance`: a Mastodon handle without its server (`@ana`).
 *
 * @example
 * ```ts
 * import { normalizeHandle, type HandleRejection } from 'threadline';
 *
 * const reason: HandleRejection | undefined = normalizeHandle('x', 'instagram.com/ana').reason;
 * console.log(reason); // wrong_platform
 * ```
 */
export type HandleRejection =
  | 'bad_platform'
  | 'empty'
  | 'not_a_profile'
  | 'wrong_platform'
  | 'too_short'
  | 'too_long'
  | 'bad_chars'
  | 'bad_format'
  | 'missing_instance';

/**
 * A handle that follows its platform's rules, with its case-folded key.
 *
 * @example
 * ```ts
 * import { normalizeHandle } from 'threadline';
 *
 * const r = normalizeHandle('instagram', 'https://www.instagram.com/Ana.Souza/');
 * if (r.valid) console.log(r.handle, r.display); // ana.souza Ana.Souza
 * ```
 */
export interface ValidHandle {
  /** The input, unchanged. */
  readonly raw: string;
  /** The canonical platform name (`twitter` becomes `x`). */
  readonly platform: SocialPlatform;
  readonly valid: true;
  readonly matchable: true;
  /** Never present on a valid handle; declared so that `result.reason` reads on either kind. */
  readonly reason?: never;
  /**
   * The key to compare: case-folded where the platform ignores case, without `@` or URL.
   * Secondary namespaces carry a prefix: `channel:`, `c:` and `user:` on YouTube, `id:` on
   * Facebook, `company:` on LinkedIn. Mastodon keys are `user@server`.
   */
  readonly handle: NormalizedHandle;
  /** The handle as written (original casing), for showing to people. */
  readonly display: string;
}

/**
 * A handle that could not be read as an account of its platform. Its `handle` is still a
 * deterministic clean-up of the input, but it is never matchable.
 *
 * @example
 * ```ts
 * import { normalizeHandle } from 'threadline';
 *
 * const r = normalizeHandle('telegram', '@abc');
 * console.log(r.valid, r.reason, r.handle); // false too_short abc
 * ```
 */
export interface InvalidHandle {
  /** The input, unchanged. */
  readonly raw: string;
  /** The canonical platform name, or the cleaned platform text when it is not valid. */
  readonly platform: SocialPlatform;
  readonly valid: false;
  readonly matchable: false;
  /** Why the handle is not matchable. */
  readonly reason: HandleRejection;
  /** The cleaned text. */
  readonly handle: string;
  /** The cleaned text in its original casing. */
  readonly display: string;
}

/**
 * What {@link normalizeHandle} returns: a {@link ValidHandle} or an {@link InvalidHandle},
 * told apart by `valid`.
 *
 * @example
 * ```ts
 * import { normalizeHandle, type NormalizedHandleResult } from 'threadline';
 *
 * const r: NormalizedHandleResult = normalizeHandle('github', 'github.com/octocat');
 * console.log(r.valid ? r.handle : r.reason); // octocat
 * ```
 */
export type NormalizedHandleResult = ValidHandle | InvalidHandle;

// A handle rule: allowed characters, length in code points, and an optional shape.
interface Rule {
  readonly chars: RegExp;
  readonly min: number;
  readonly max: number;
  readonly shape?: RegExp;
}

// Public rules of each platform for the key (after case folding).
const RULES: Readonly<Record<Exclude<KnownSocialPlatform, 'mastodon' | 'bluesky'>, Rule>> =
  Object.freeze({
    // X: letters, digits and underscores, up to 15.
    x: { chars: /^[a-z0-9_]+$/, min: 1, max: 15 },
    // Instagram and Threads share usernames: letters, digits, `.` and `_`, up to 30.
    instagram: { chars: /^[a-z0-9._]+$/, min: 1, max: 30 },
    threads: { chars: /^[a-z0-9._]+$/, min: 1, max: 30 },
    // Facebook: letters and digits once periods are dropped (periods never tell two
    // usernames apart); profile ids are kept as `id:<digits>`.
    facebook: { chars: /^(?:[a-z0-9]+|id:[0-9]+)$/, min: 3, max: 53 },
    // TikTok: letters, digits, `.` and `_`, 2 to 24.
    tiktok: { chars: /^[a-z0-9._]+$/, min: 2, max: 24 },
    // YouTube handles: 3 to 30 letters (any script), digits, `_`, `-`, `.`; legacy channel
    // URLs and channel ids are separate namespaces.
    youtube: {
      chars:
        /^(?:[\p{L}\p{M}\p{N}_.-]+|(?:c|user):[\p{L}\p{M}\p{N}_.-]+|channel:UC[A-Za-z0-9_-]{22})$/u,
      min: 3,
      max: 108,
      shape: /^(?:[^:]{3,30}|(?:c|user):.{1,100}|channel:.{24})$/u,
    },
    // LinkedIn public profile URLs: 3 to 100 letters, digits and hyphens.
    linkedin: {
      chars: /^(?:company:)?[\p{L}\p{M}\p{N}-]+$/u,
      min: 3,
      max: 108,
      shape: /^(?:[^:]{3,100}|company:.{1,100})$/u,
    },
    // Telegram: 5 to 32 letters, digits and underscores, starting with a letter.
    telegram: { chars: /^[a-z0-9_]+$/, min: 5, max: 32, shape: /^[a-z]/ },
    // GitHub: letters, digits and single inner hyphens, up to 39.
    github: { chars: /^[a-z0-9-]+$/, min: 1, max: 39, shape: /^[a-z0-9](?:-?[a-z0-9])*$/ },
    // Reddit: 3 to 20 letters, digits, `_` and `-`.
    reddit: { chars: /^[a-z0-9_-]+$/, min: 3, max: 20 },
    // Snapchat: 3 to 15, starting with a letter, ending with a letter or digit.
    snapchat: {
      chars: /^[a-z0-9._-]+$/,
      min: 3,
      max: 15,
      shape: /^[a-z](?:.*[a-z0-9])?$/,
    },
    // Pinterest: 3 to 30 letters, digits and underscores.
    pinterest: { chars: /^[a-z0-9_]+$/, min: 3, max: 30 },
  });

// Mastodon's own username pattern; other fediverse servers stay within it in practice.
const MASTODON_USER = /^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?$/;
const DID = /^did:[a-z]+:[a-z0-9._:%-]+$/;
const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const DIGITS = /^[0-9]+$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const LEADING_JUNK = '([{<"\'`/';
const TRAILING_JUNK = ')]}>"\'`.,;:!?/';
const DOTS = /\./g;
const HOST_CHARS = /^[a-z0-9.-]+$/;
const ASCII = /^[^\u0080-\uFFFF]*$/;
// Namespaces written before a name (`channel/UC…`, `user:foo`, `in/ana`, `u/ana`, `id:123`),
// and which of them stay in the key as a prefix (`in/ana` is just `ana`).
interface Namespaces {
  readonly pattern: RegExp;
  readonly kept: ReadonlySet<string>;
}
const NAMESPACES: Readonly<Partial<Record<KnownSocialPlatform, Namespaces>>> = Object.freeze({
  facebook: { pattern: /^(id)[:/]/i, kept: new Set(['id']) },
  youtube: { pattern: /^(channel|c|user)[:/]/i, kept: new Set(['channel', 'c', 'user']) },
  linkedin: { pattern: /^(in|company)[:/]/i, kept: new Set(['company']) },
  reddit: { pattern: /^(u|user)[:/]/i, kept: new Set<string>() },
});
const LEADING_BRACKETS = /^[([{<"'`]+/;

/** @internal First path segments that are pages of the platform rather than accounts. */
export const RESERVED: Readonly<Partial<Record<KnownSocialPlatform, ReadonlySet<string>>>> =
  Object.freeze({
    x: new Set([
      'i',
      'home',
      'search',
      'explore',
      'settings',
      'messages',
      'notifications',
      'hashtag',
      'share',
      'login',
      'logout',
      'signup',
      'tos',
      'privacy',
      'compose',
      'account',
    ]),
    instagram: new Set([
      'p',
      'reel',
      'reels',
      'tv',
      'explore',
      'accounts',
      'direct',
      'about',
      'developer',
      'legal',
      'web',
    ]),
    threads: new Set(['search', 'activity', 'settings', 'login', 't']),
    facebook: new Set([
      'groups',
      'events',
      'watch',
      'marketplace',
      'gaming',
      'login',
      'login.php',
      'share',
      'sharer',
      'sharer.php',
      'photo',
      'photo.php',
      'story.php',
      'permalink.php',
      'help',
      'policies',
      'settings',
      'messages',
      'notifications',
      'search',
      'hashtag',
      'ads',
      'plugins',
      'dialog',
      'l.php',
      'reel',
      'stories',
    ]),
    youtube: new Set([
      'watch',
      'shorts',
      'playlist',
      'results',
      'feed',
      'embed',
      'live',
      'hashtag',
      'redirect',
      'account',
      'premium',
      'gaming',
      'kids',
      'about',
      'signin',
      'logout',
      'upload',
      'post',
    ]),
    telegram: new Set([
      'joinchat',
      'addstickers',
      'addemoji',
      'share',
      'proxy',
      'socks',
      'iv',
      'c',
      'setlanguage',
      'bg',
      'login',
    ]),
    github: new Set([
      'settings',
      'features',
      'marketplace',
      'topics',
      'login',
      'join',
      'signup',
      'about',
      'pricing',
      'explore',
      'apps',
      'collections',
      'notifications',
      'pulls',
      'issues',
      'search',
      'trending',
      'new',
      'enterprise',
      'security',
      'site',
      'readme',
      'codespaces',
      'team',
      'dashboard',
      'logout',
    ]),
    pinterest: new Set([
      'pin',
      'search',
      'ideas',
      'today',
      'business',
      'settings',
      'login',
      'categories',
      'explore',
    ]),
  });

/**
 * Normalizes a social handle for a platform: strips `@`, profile URLs
 * (`https://twitter.com/Foo`, `tiktok.com/@foo`, `linkedin.com/in/foo`,
 * `https://mastodon.social/@foo`), whitespace and zero-width characters, folds case where the
 * platform ignores it (and periods on Facebook), and checks the platform's character set and
 * lengths. Unknown platforms given as a slug get generic rules: trimmed, no leading `@`, lower
 * case. Never throws on any input string; a handle that breaks the rules is kept, cleaned,
 * and flagged not matchable with the reason.
 *
 * @param platform - a known platform (`x`, `instagram`, …), an alias (`twitter`), or a custom
 * lower-case slug.
 * @param raw - the handle as received: `@Foo`, a profile URL, a name typed in a form.
 * @returns a {@link ValidHandle} or an {@link InvalidHandle}.
 *
 * @example
 * ```ts
 * import { normalizeHandle } from 'threadline';
 *
 * console.log(normalizeHandle('twitter', 'https://x.com/CinVakas?s=20').handle); // cinvakas
 * console.log(normalizeHandle('mastodon', 'https://mastodon.social/@Gargron').handle); // gargron@mastodon.social
 * console.log(normalizeHandle('facebook', 'facebook.com/John.Smith.55').handle); // johnsmith55
 * ```
 */
export function normalizeHandle(platform: SocialPlatform, raw: string): NormalizedHandleResult {
  const resolved = resolvePlatform(sanitize(platform));
  const text = stripAffixes(sanitize(raw));

  if (resolved === undefined) {
    return invalid(raw, sanitize(platform).toLowerCase(), 'bad_platform', fold(text), text);
  }
  if (!isKnownPlatform(resolved)) return generic(raw, resolved, text);
  if (text === '') return invalid(raw, resolved, 'empty', '', '');

  const atSign = sanitize(raw).replace(LEADING_BRACKETS, '').startsWith('@');
  const url = parseUrl(text, resolved);
  if (url === undefined) return finish(raw, resolved, text, atSign);

  const owner = platformOfHost(url.host);
  if (resolved === 'mastodon') {
    const account = owner === undefined ? mastodonFromUrl(url) : undefined;
    if (account === undefined) {
      const reason = owner === undefined ? 'not_a_profile' : 'wrong_platform';
      return invalid(raw, resolved, reason, fold(text), text);
    }
    return finish(raw, resolved, account, false);
  }
  if (resolved === 'bluesky' && owner === undefined && url.segments.length === 0) {
    // A Bluesky handle is a domain name; its own URL names it.
    return finish(raw, resolved, url.host, false);
  }
  if (owner !== resolved) {
    const reason = owner === undefined ? 'not_a_profile' : 'wrong_platform';
    return invalid(raw, resolved, reason, fold(text), text);
  }
  const candidate = fromPath(resolved, url);
  if (candidate === undefined) return invalid(raw, resolved, 'not_a_profile', fold(text), text);
  return finish(raw, resolved, candidate, false);
}

interface ParsedUrl {
  readonly host: string;
  readonly segments: readonly string[];
  readonly query: ReadonlyMap<string, string>;
}

// Reads `scheme://host/path?query` and `host.tld/path` (no scheme, at least one `/`).
function parseUrl(text: string, platform: KnownSocialPlatform): ParsedUrl | undefined {
  let rest: string;
  const scheme = SCHEME.exec(text);
  if (scheme !== null) {
    rest = text.slice(scheme[0].length);
  } else {
    const slash = text.indexOf('/');
    if (slash <= 0) return undefined;
    const first = text.slice(0, slash);
    if (!first.includes('.') || first.includes('@')) return undefined;
    // `user.name/x` on Instagram is a typo, not a link; only a known host or a `www.` prefix
    // makes a scheme-less link, except on Mastodon where any server can host profiles.
    if (
      platform !== 'mastodon' &&
      platformOfHost(first.toLowerCase()) === undefined &&
      !first.toLowerCase().startsWith('www.')
    ) {
      return undefined;
    }
    rest = text;
  }
  // Old Twitter links put the path after `#!`.
  rest = rest.replace('/#!/', '/');
  const end = firstOf(rest, ['/', '?', '#']);
  let host = (end < 0 ? rest : rest.slice(0, end)).toLowerCase();
  const afterHost = end < 0 ? '' : rest.slice(end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  while (host.endsWith('.')) host = host.slice(0, -1);

  const fragment = afterHost.indexOf('#');
  const beforeFragment = fragment < 0 ? afterHost : afterHost.slice(0, fragment);
  const q = beforeFragment.indexOf('?');
  const path = q < 0 ? beforeFragment : beforeFragment.slice(0, q);
  const query = new Map<string, string>();
  if (q >= 0) {
    for (const pair of beforeFragment.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0) query.set(decode(pair.slice(0, eq)).toLowerCase(), decode(pair.slice(eq + 1)));
    }
  }
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      // A decoded `/` would make the key look like a link when normalized again.
      const decoded = decode(s);
      return decoded.includes('/') ? s : decoded;
    });
  return { host, segments, query };
}

// Picks the account out of a profile link's path, or `undefined` for other pages.
function fromPath(platform: KnownSocialPlatform, url: ParsedUrl): string | undefined {
  const [first = '', second, third] = url.segments;
  const head = first.toLowerCase();
  if (RESERVED[platform]?.has(head) === true) return undefined;
  switch (platform) {
    case 'x':
      if (head === 'intent') return url.query.get('screen_name');
      return first || undefined;
    case 'instagram':
      if (head === 'stories' || head === '_u') return second;
      return first || undefined;
    case 'threads':
    case 'tiktok':
      // Profiles are `/@name`; anything else (videos by id, short links) is not one.
      return first.startsWith('@') ? first : undefined;
    case 'facebook': {
      if (head === 'profile.php') {
        const id = url.query.get('id');
        return id === undefined ? undefined : `id:${id}`;
      }
      if (head === 'people' || head === 'pages' || head === 'p') {
        const id = url.segments.find((s, i) => i > 0 && DIGITS.test(s)) ?? third;
        return id === undefined ? undefined : `id:${id}`;
      }
      return first || undefined;
    }
    case 'youtube':
      if (url.host === 'youtu.be') return undefined;
      if (first.startsWith('@')) return first;
      if (head === 'channel') return second === undefined ? undefined : `channel:${second}`;
      if (head === 'c' || head === 'user')
        return second === undefined ? undefined : `${head}:${second}`;
      return first ? `c:${first}` : undefined;
    case 'linkedin':
      if (head === 'in') return second;
      if (head === 'company') return second === undefined ? undefined : `company:${second}`;
      return undefined;
    case 'telegram':
      if (head === 's') return second;
      if (first.startsWith('+')) return undefined;
      return first || undefined;
    case 'github':
      if (url.host === 'gist.github.com') return first || undefined;
      if (head === 'orgs' || head === 'sponsors') return second;
      return first || undefined;
    case 'reddit':
      if (head === 'u' || head === 'user') return second;
      return undefined;
    case 'snapchat':
      if (head === 'add') return second;
      return first.startsWith('@') ? first : undefined;
    case 'bluesky':
      return head === 'profile' ? second : undefined;
    default:
      return first || undefined;
  }
}

function mastodonFromUrl(url: ParsedUrl): string | undefined {
  const [first = '', second = ''] = url.segments;
  // `/@ana`, `/@ana@other.server` (a remote account shown by this server), `/users/ana`,
  // `/web/@ana`.
  let name = '';
  if (first.startsWith('@')) name = first.slice(1);
  else if ((first === 'users' || first === 'web') && second !== '') name = second.replace(/^@/, '');
  if (name === '') return undefined;
  return name.includes('@') ? name : `${name}@${url.host}`;
}

// The end of the pipeline for known platforms: strip, fold, and check the platform's rules.
function finish(
  raw: string,
  platform: KnownSocialPlatform,
  candidate: string,
  atSign: boolean,
): NormalizedHandleResult {
  const display = stripAffixes(candidate);
  const written = atSign || candidate.startsWith('@');
  if (display === '') return invalid(raw, platform, 'empty', '', '');
  if (platform === 'mastodon') return mastodon(raw, display);
  if (platform === 'bluesky') return bluesky(raw, display);

  // Facebook ignores periods; dropping them first also keeps `.id:…` from turning into a
  // namespace on a second pass.
  let name = platform === 'facebook' ? stripAffixes(sanitize(display.replace(DOTS, ''))) : display;
  let shown = display;
  let prefix = '';
  const namespaces = NAMESPACES[platform];
  if (namespaces !== undefined) {
    // Strip every namespace (`in/in/ana` is `ana`), so the key holds at most one prefix.
    for (let ns = namespaces.pattern.exec(name); ns !== null; ns = namespaces.pattern.exec(name)) {
      const kind = ns[1]?.toLowerCase() ?? '';
      if (prefix === '' && namespaces.kept.has(kind)) prefix = `${kind}:`;
      name = stripAffixes(name.slice(ns[0].length));
      shown = name;
    }
  }
  if (name === '') return invalid(raw, platform, 'empty', '', '');
  let body = fold(name);
  if (platform === 'facebook' && prefix === '' && DIGITS.test(body)) {
    prefix = 'id:';
  } else if (platform === 'youtube') {
    // Channel ids are case-sensitive; `@UC…` is a handle that only looks like one.
    if (prefix === 'channel:') body = name;
    else if (prefix === '' && !written && YOUTUBE_CHANNEL_ID.test(name)) {
      prefix = 'channel:';
      body = name;
    }
  }
  const key = prefix + body;
  const rule = RULES[platform];
  const reason = check(rule, key);
  if (reason === undefined) return valid(raw, platform, key, shown);
  // An invalid name keeps its namespace: stripped, what is left can read as something else
  // on a second pass (`u/reddit.com/u/<` would turn into a profile URL), and the key must be
  // a fixed point of normalization.
  return namespaces !== undefined && name !== display
    ? invalid(raw, platform, reason, fold(display), display)
    : invalid(raw, platform, reason, key, shown);
}

function check(rule: Rule, key: string): HandleRejection | undefined {
  const length = codePoints(key);
  if (!rule.chars.test(key)) return 'bad_chars';
  if (length < rule.min) return 'too_short';
  if (length > rule.max) return 'too_long';
  if (rule.shape !== undefined && !rule.shape.test(key)) return 'bad_format';
  return undefined;
}

function mastodon(raw: string, display: string): NormalizedHandleResult {
  const at = display.indexOf('@');
  if (at < 0) return invalid(raw, 'mastodon', 'missing_instance', fold(display), display);
  const user = fold(display.slice(0, at));
  const server = fold(display.slice(at + 1));
  const ascii = toAsciiDomain(server);
  const key = `${user}@${ascii ?? server}`;
  if (user === '') return invalid(raw, 'mastodon', 'empty', key, display);
  if (!MASTODON_USER.test(user)) return invalid(raw, 'mastodon', 'bad_chars', key, display);
  if (user.length > 64) return invalid(raw, 'mastodon', 'too_long', key, display);
  if (ascii === undefined) return invalid(raw, 'mastodon', 'bad_format', key, display);
  return valid(raw, 'mastodon', key, display);
}

function bluesky(raw: string, display: string): NormalizedHandleResult {
  const lower = fold(display);
  if (lower.startsWith('did:')) {
    return DID.test(lower)
      ? valid(raw, 'bluesky', lower, display)
      : invalid(raw, 'bluesky', 'bad_format', lower, display);
  }
  const ascii = toAsciiDomain(lower);
  if (ascii === undefined) {
    const reason = HOST_CHARS.test(lower) ? 'bad_format' : 'bad_chars';
    return invalid(raw, 'bluesky', reason, lower, display);
  }
  return valid(raw, 'bluesky', ascii, display);
}

// Platforms without specific rules: trimmed, no leading `@`, lower case, whitespace collapsed.
function generic(raw: string, platform: string, text: string): NormalizedHandleResult {
  if (text === '') return invalid(raw, platform, 'empty', '', '');
  const key = fold(text);
  if (key.length > 256) return invalid(raw, platform, 'too_long', key, text);
  return valid(raw, platform, key, text);
}

function valid(raw: string, platform: SocialPlatform, key: string, display: string): ValidHandle {
  // Every path above has checked `key` against its platform's rules.
  return { raw, platform, valid: true, matchable: true, handle: key as NormalizedHandle, display };
}

function invalid(
  raw: string,
  platform: SocialPlatform,
  reason: HandleRejection,
  handle: string,
  display: string,
): InvalidHandle {
  return { raw, platform, valid: false, matchable: false, reason, handle, display };
}

// Trims wrapping punctuation and leading `@` until nothing changes.
function stripAffixes(text: string): string {
  let current = text;
  for (;;) {
    let start = 0;
    let end = current.length;
    while (start < end) {
      const c = current.charAt(start);
      if (c === '@' || c === ' ' || LEADING_JUNK.includes(c)) start++;
      else break;
    }
    while (end > start) {
      const c = current.charAt(end - 1);
      if (c === ' ' || TRAILING_JUNK.includes(c)) end--;
      else break;
    }
    const next = current.slice(start, end);
    if (next === current) return next;
    current = next;
  }
}

function firstOf(text: string, chars: readonly string[]): number {
  let best = -1;
  for (const c of chars) {
    const i = text.indexOf(c);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

function decode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return sanitize(decodeURIComponent(text));
  } catch {
    return text;
  }
}

// Lower case and NFC: removing characters (Facebook periods, a namespace) can leave a base
// letter next to a combining mark, which NFC composes; composing here keeps keys fixed points.
function fold(text: string): string {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFC');
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
}

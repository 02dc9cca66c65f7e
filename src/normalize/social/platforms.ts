import { z } from 'zod';

/**
 * The social platforms whose handle rules the library knows, as a readonly tuple.
 *
 * @example
 * ```ts
 * import { SOCIAL_PLATFORMS } from 'threadline';
 *
 * console.log(SOCIAL_PLATFORMS.includes('mastodon')); // true
 * ```
 */
export const SOCIAL_PLATFORMS = Object.freeze([
  'x',
  'instagram',
  'threads',
  'facebook',
  'tiktok',
  'youtube',
  'linkedin',
  'telegram',
  'github',
  'reddit',
  'mastodon',
  'bluesky',
  'snapchat',
  'pinterest',
] as const);

/**
 * A platform the library has handle rules for; see {@link SOCIAL_PLATFORMS}.
 *
 * @example
 * ```ts
 * import type { KnownSocialPlatform } from 'threadline';
 *
 * const platform: KnownSocialPlatform = 'bluesky';
 * console.log(platform);
 * ```
 */
export type KnownSocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

const CUSTOM_PLATFORM = /^[a-z][a-z0-9_.-]{0,31}$/;

/**
 * A social platform: one of {@link SOCIAL_PLATFORMS}, or a custom lower-case slug (a letter,
 * then up to 31 letters, digits, `_`, `.` or `-`) for platforms without specific rules.
 *
 * @example
 * ```ts
 * import { SocialPlatformSchema } from 'threadline';
 *
 * console.log(SocialPlatformSchema.safeParse('x').success); // true
 * console.log(SocialPlatformSchema.safeParse('discord').success); // true
 * console.log(SocialPlatformSchema.safeParse('My Network!').success); // false
 * ```
 */
export const SocialPlatformSchema = z.union([
  z.enum(SOCIAL_PLATFORMS),
  z.string().regex(CUSTOM_PLATFORM, 'expected a lower-case platform slug such as discord'),
]);

/**
 * A social platform name; see {@link SocialPlatformSchema}. Known platforms are suggested by
 * editors, any custom slug is accepted.
 *
 * @example
 * ```ts
 * import type { SocialPlatform } from 'threadline';
 *
 * const platforms: SocialPlatform[] = ['instagram', 'discord'];
 * console.log(platforms.length); // 2
 * ```
 */
export type SocialPlatform = KnownSocialPlatform | (z.infer<typeof SocialPlatformSchema> & {});

/**
 * Other names people and exports use for known platforms (`twitter` is `x`).
 *
 * @example
 * ```ts
 * import { SOCIAL_PLATFORM_ALIASES } from 'threadline';
 *
 * console.log(SOCIAL_PLATFORM_ALIASES.get('twitter')); // x
 * ```
 */
export const SOCIAL_PLATFORM_ALIASES: ReadonlyMap<string, KnownSocialPlatform> = new Map<
  string,
  KnownSocialPlatform
>([
  ['twitter', 'x'],
  ['x.com', 'x'],
  ['twitter.com', 'x'],
  ['ig', 'instagram'],
  ['insta', 'instagram'],
  ['fb', 'facebook'],
  ['yt', 'youtube'],
  ['tg', 'telegram'],
  ['gh', 'github'],
  ['bsky', 'bluesky'],
  ['snap', 'snapchat'],
]);

/** @internal Parses a platform name: a known platform, an alias of one, a custom slug, or nothing. */
export function resolvePlatform(name: string): KnownSocialPlatform | string | undefined {
  const slug = name.trim().toLowerCase();
  const alias = SOCIAL_PLATFORM_ALIASES.get(slug);
  if (alias !== undefined) return alias;
  return CUSTOM_PLATFORM.test(slug) ? slug : undefined;
}

/** @internal Whether a resolved platform name is one with specific rules. */
export function isKnownPlatform(name: string): name is KnownSocialPlatform {
  return (SOCIAL_PLATFORMS as readonly string[]).includes(name);
}

// Hosts whose URLs are profile links, after `www.`, `m.`, `mobile.` and similar prefixes are
// dropped. LinkedIn and Pinterest country hosts are matched by pattern in `platformOfHost`.
const HOSTS: ReadonlyMap<string, KnownSocialPlatform> = new Map<string, KnownSocialPlatform>([
  ['twitter.com', 'x'],
  ['x.com', 'x'],
  ['instagram.com', 'instagram'],
  ['instagr.am', 'instagram'],
  ['threads.net', 'threads'],
  ['threads.com', 'threads'],
  ['facebook.com', 'facebook'],
  ['fb.com', 'facebook'],
  ['fb.me', 'facebook'],
  ['tiktok.com', 'tiktok'],
  ['vm.tiktok.com', 'tiktok'],
  ['youtube.com', 'youtube'],
  ['youtu.be', 'youtube'],
  ['music.youtube.com', 'youtube'],
  ['linkedin.com', 'linkedin'],
  ['lnkd.in', 'linkedin'],
  ['t.me', 'telegram'],
  ['telegram.me', 'telegram'],
  ['telegram.dog', 'telegram'],
  ['github.com', 'github'],
  ['gist.github.com', 'github'],
  ['reddit.com', 'reddit'],
  ['old.reddit.com', 'reddit'],
  ['new.reddit.com', 'reddit'],
  ['np.reddit.com', 'reddit'],
  ['redd.it', 'reddit'],
  ['bsky.app', 'bluesky'],
  ['snapchat.com', 'snapchat'],
  ['story.snapchat.com', 'snapchat'],
  ['pinterest.com', 'pinterest'],
  ['pin.it', 'pinterest'],
]);

const HOST_PREFIX = /^(?:www|m|mobile|web|mbasic|touch|business)\./;
const LINKEDIN_COUNTRY = /^[a-z]{2}\.linkedin\.com$/;
const PINTEREST_COUNTRY = /^(?:[a-z]{2}\.)?pinterest\.(?:[a-z]{2,3}|com?\.[a-z]{2})$/;

/** @internal The known platform a host serves profiles of, if any. */
export function platformOfHost(host: string): KnownSocialPlatform | undefined {
  const bare = host.replace(HOST_PREFIX, '');
  const exact = HOSTS.get(bare);
  if (exact !== undefined) return exact;
  if (LINKEDIN_COUNTRY.test(bare)) return 'linkedin';
  if (PINTEREST_COUNTRY.test(bare)) return 'pinterest';
  return undefined;
}

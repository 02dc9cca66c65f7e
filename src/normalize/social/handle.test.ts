import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messyTextArbitrary } from '../../testing/arbitraries.js';
import {
  type NormalizedHandleResult,
  NormalizedHandleSchema,
  normalizedHandleSchema,
  normalizeHandle,
  RESERVED,
} from './handle.js';
import { type KnownSocialPlatform, SOCIAL_PLATFORMS, SocialPlatformSchema } from './platforms.js';

// ---------------------------------------------------------------------------------------------
// Arbitraries

const chars = (set: string) => fc.constantFrom(...set);
const lower = 'abcdefghijklmnopqrstuvwxyz';
const digits = '0123456789';
const mixed = `${lower}${lower.toUpperCase()}${digits}`;
const str = (set: string, minLength: number, maxLength: number) =>
  fc.string({ unit: chars(set), minLength, maxLength });
const joined = (part: fc.Arbitrary<string>, separator: string, max: number) =>
  fc.array(part, { minLength: 1, maxLength: max }).map((parts) => parts.join(separator));

// Handles that follow each platform's rules, in mixed case as people write them.
const HANDLES: Readonly<Record<KnownSocialPlatform, fc.Arbitrary<string>>> = {
  x: str(`${mixed}_`, 1, 15),
  instagram: joined(str(`${mixed}_`, 1, 9), '.', 3),
  threads: joined(str(`${mixed}_`, 1, 9), '.', 3),
  facebook: joined(str(mixed, 5, 12), '.', 3),
  tiktok: joined(str(`${mixed}_`, 2, 7), '.', 3),
  youtube: str(`${mixed}_`, 3, 30),
  linkedin: joined(str(mixed, 3, 12), '-', 4),
  telegram: fc.tuple(str(lower, 1, 1), str(`${mixed}_`, 4, 20)).map(([a, b]) => a + b),
  github: joined(str(mixed, 1, 8), '-', 4),
  reddit: str(`${mixed}_-`, 3, 20),
  mastodon: fc
    .tuple(
      str(`${mixed}_`, 1, 15),
      fc.constantFrom('mastodon.social', 'Fosstodon.org', 'hachyderm.io', 'mstdn.jp'),
    )
    .map(([u, h]) => `${u}@${h}`),
  bluesky: fc
    .tuple(
      joined(str(`${lower}${digits}`, 1, 10), '-', 2),
      fc.constantFrom('bsky.social', 'example.com', 'Ana.Dev'),
    )
    .map(([l, d]) => `${l}.${d}`),
  snapchat: fc.tuple(str(lower, 1, 1), str(mixed, 2, 14)).map(([a, b]) => a + b),
  pinterest: str(`${mixed}_`, 3, 30),
};

// Profile URL templates per platform.
const URLS: Readonly<Record<KnownSocialPlatform, readonly ((h: string) => string)[]>> = {
  x: [
    (h) => `https://twitter.com/${h}`,
    (h) => `x.com/${h}?s=20`,
    (h) => `https://mobile.twitter.com/${h}/status/1`,
  ],
  instagram: [(h) => `instagram.com/${h}/`, (h) => `https://www.instagram.com/${h}?hl=en`],
  threads: [(h) => `https://www.threads.net/@${h}`, (h) => `threads.com/@${h}/post/1`],
  facebook: [(h) => `facebook.com/${h}`, (h) => `https://m.facebook.com/${h}/`],
  tiktok: [(h) => `tiktok.com/@${h}`, (h) => `https://www.tiktok.com/@${h}/video/1`],
  youtube: [(h) => `youtube.com/@${h}`, (h) => `https://m.youtube.com/@${h}/videos`],
  linkedin: [(h) => `linkedin.com/in/${h}`, (h) => `https://www.linkedin.com/in/${h}/`],
  telegram: [(h) => `t.me/${h}`, (h) => `https://telegram.me/${h}`],
  github: [(h) => `github.com/${h}`, (h) => `https://github.com/${h}/repo`],
  reddit: [(h) => `reddit.com/u/${h}`, (h) => `https://old.reddit.com/user/${h}/`],
  mastodon: [
    (h) => {
      const [user, host] = h.split('@');
      return `https://${host}/@${user}`;
    },
  ],
  bluesky: [(h) => `bsky.app/profile/${h}`, (h) => `https://bsky.app/profile/${h}`],
  snapchat: [(h) => `snapchat.com/add/${h}`, (h) => `https://www.snapchat.com/add/${h}`],
  pinterest: [(h) => `pinterest.com/${h}/`, (h) => `https://www.pinterest.co.uk/${h}`],
};

// Path heads a profile URL of that platform cannot start with.
const SPECIAL_HEADS = new Set([
  'stories',
  '_u',
  'people',
  'pages',
  'p',
  'profile.php',
  'orgs',
  'sponsors',
  'intent',
  's',
]);

const knownPlatform = fc.constantFrom(...SOCIAL_PLATFORMS);
const anyPlatform = fc.oneof(
  knownPlatform,
  fc.constantFrom(
    'twitter',
    'Twitter',
    ' IG ',
    'fb',
    'discord',
    'whatsapp',
    'my.network',
    'Bad Platform!',
    '',
  ),
  fc.string({ maxLength: 12 }),
);
// Fragments that have broken idempotence in clean-up code before: namespaces that repeat
// (`in/in/`), prefixes emptied by clean-up (`c:<`), periods next to combining marks, links.
const TRICKY = [
  '<',
  '>',
  '@',
  ' ',
  '"',
  '(',
  ')',
  '.',
  ',',
  ':',
  '?',
  '#',
  '/',
  '%2F',
  '%40',
  '%',
  'a',
  'B',
  'é',
  '\u0301',
  '\u200B',
  '\uFF20',
  '\t',
  '\uD800',
  'https://',
  'www.',
  'twitter.com/',
  'instagram.com/',
  't.me/',
  'facebook.com/',
  'profile.php?id=',
  'youtube.com/',
  'reddit.com/u/',
  'github.com/',
  'https://mastodon.social/@',
  'tiktok.com/@',
  'linkedin.com/in/',
  'company:',
  'id:',
  'c:',
  'in/',
  'u/',
  'user/',
  'channel/',
  'UCW97Zu1780HRMZoMMhlW06g',
  'did:plc:',
  'bsky.app/profile/',
  '123',
  'ana',
];
const anyText = messyTextArbitrary(
  TRICKY,
  12,
  fc.string({ unit: chars(`${mixed}_.-@/:?#%=& `), maxLength: 40 }),
);
const platformAndHandle = knownPlatform.chain((platform) =>
  fc.tuple(fc.constant(platform), HANDLES[platform]),
);
const platformAndText = fc.oneof(
  fc.tuple(anyPlatform, anyText),
  platformAndHandle,
  platformAndHandle.chain(([p, h]) =>
    fc.tuple(
      fc.constant(p),
      fc.constantFrom(...URLS[p]).map((url) => url(h)),
    ),
  ),
);

const isReserved = (platform: KnownSocialPlatform, handle: string) => {
  const head = handle.toLowerCase();
  return RESERVED[platform]?.has(head) === true || SPECIAL_HEADS.has(head);
};

// ---------------------------------------------------------------------------------------------
// Laws

describe('normalizeHandle laws', () => {
  it('is total: never throws, and keeps the input', () => {
    fc.assert(
      fc.property(platformAndText, ([platform, raw]) => {
        expect(normalizeHandle(platform, raw).raw).toBe(raw);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['facebook', 'www.\u0301'],
    ['facebook', '.id:<'],
    ['facebook', '#\t. <'],
    ['linkedin', 'in/in/<'],
    ['youtube', 'c:<'],
    ['x', '@x.com/foo'],
    ['x', 'twitter.com/x.com%2Ffoo'],
  ])('is idempotent on the regression case %s %j', (platform, raw) => {
    const once = normalizeHandle(platform, raw);
    expect(normalizeHandle(platform, once.handle).handle).toBe(once.handle);
  });

  it('survives huge and hostile input', () => {
    for (const platform of [...SOCIAL_PLATFORMS, 'discord']) {
      for (const raw of [
        'a'.repeat(100_000),
        `https://${'a.'.repeat(20_000)}com/${'@'.repeat(10_000)}`,
        '\uD800@\uDFFF',
        '%%%',
        'https://twitter.com/%E0%A4%A',
        'https://',
        '//',
        '@',
        '\u0000\u200B\u202E',
      ]) {
        expect(() => normalizeHandle(platform, raw)).not.toThrow();
      }
    }
  });

  it('is idempotent for every platform', () => {
    fc.assert(
      fc.property(platformAndText, ([platform, raw]) => {
        const once = normalizeHandle(platform, raw);
        const twice = normalizeHandle(platform, once.handle);
        expect(twice.handle).toBe(once.handle);
        expect(twice.valid).toBe(once.valid);
        expect(normalizeHandle(once.platform, once.handle).handle).toBe(once.handle);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the namespace of an invalid name, so its key reads the same again', () => {
    const once = normalizeHandle('reddit', 'u/reddit.com/u/<');
    expect(once.valid).toBe(false);
    expect(normalizeHandle('reddit', once.handle).handle).toBe(once.handle);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(platformAndText, ([platform, raw]) => {
        expect(normalizeHandle(platform, raw)).toEqual(normalizeHandle(platform, raw));
      }),
    );
  });

  it('accepts the handles each platform allows', () => {
    fc.assert(
      fc.property(platformAndHandle, ([platform, handle]) => {
        const r = normalizeHandle(platform, `@${handle}`);
        expect(r.valid, `${platform} ${handle}: ${r.valid ? '' : r.reason}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same key to the URL form and the @ form', () => {
    fc.assert(
      fc.property(
        platformAndHandle.filter(([p, h]) => !isReserved(p, h)),
        fc.nat(),
        ([platform, handle], pick) => {
          const templates = URLS[platform];
          const url = templates[pick % templates.length]?.(handle) ?? handle;
          const viaAt = normalizeHandle(platform, `@${handle}`);
          const viaUrl = normalizeHandle(platform, url);
          expect(viaUrl.handle, url).toBe(viaAt.handle);
          expect(viaUrl.valid).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('ignores case on every known platform', () => {
    fc.assert(
      fc.property(platformAndHandle, ([platform, handle]) => {
        const upper = normalizeHandle(platform, `@${handle.toUpperCase()}`);
        const lowerCase = normalizeHandle(platform, `@${handle.toLowerCase()}`);
        expect(upper.handle).toBe(lowerCase.handle);
        expect(upper.handle).toBe(normalizeHandle(platform, `@${handle}`).handle);
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores surrounding whitespace, zero-width characters and wrapping punctuation', () => {
    fc.assert(
      fc.property(
        platformAndHandle,
        fc.constantFrom(' ', '\u200B', '\u200E', '\uFEFF', '\t'),
        ([platform, handle], junk) => {
          const key = normalizeHandle(platform, handle).handle;
          expect(normalizeHandle(platform, `${junk}@${handle}${junk}`).handle).toBe(key);
          expect(normalizeHandle(platform, `(@${handle}),`).handle).toBe(key);
        },
      ),
    );
  });

  it('brands exactly the valid keys', () => {
    fc.assert(
      fc.property(platformAndText, ([platform, raw]) => {
        const r = normalizeHandle(platform, raw);
        if (r.valid) {
          expect(NormalizedHandleSchema.safeParse(r.handle).success).toBe(true);
          expect(normalizedHandleSchema(r.platform).safeParse(r.handle).success).toBe(true);
        } else {
          expect(normalizedHandleSchema(r.platform).safeParse(r.handle).success).toBe(false);
          expect(r.reason).toBeDefined();
        }
        expect(r.matchable).toBe(r.valid);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Examples

const expectHandle = (result: NormalizedHandleResult, handle: string, display?: string) => {
  expect(result.valid, result.valid ? '' : result.reason).toBe(true);
  expect(result.handle).toBe(handle);
  if (display !== undefined) expect(result.display).toBe(display);
};

describe('normalizeHandle examples', () => {
  it.each([
    ['@AskPlayStation', 'askplaystation', 'AskPlayStation'],
    ['@Ask_Spectrum', 'ask_spectrum', 'Ask_Spectrum'],
    ['PNCBank_Help', 'pncbank_help', 'PNCBank_Help'],
    ['  @TeamYouTube:', 'teamyoutube', 'TeamYouTube'],
    ['https://twitter.com/AmazonHelp', 'amazonhelp', 'AmazonHelp'],
    ['https://x.com/AppleSupport?s=20', 'applesupport', 'AppleSupport'],
    [
      'http://mobile.twitter.com/AppleSupport/status/1245403438755852288',
      'applesupport',
      'AppleSupport',
    ],
    ['https://twitter.com/#!/AppleSupport', 'applesupport', 'AppleSupport'],
    ['https://twitter.com/intent/user?screen_name=AppleSupport', 'applesupport', 'AppleSupport'],
    ['＠AppleSupport', 'applesupport', 'AppleSupport'],
  ])('x: %s is %s', (raw, handle, display) => {
    expectHandle(normalizeHandle('x', raw), handle, display);
    expectHandle(normalizeHandle('twitter', raw), handle, display);
  });

  it('reports the canonical platform for aliases', () => {
    expect(normalizeHandle('twitter', '@jack').platform).toBe('x');
    expect(normalizeHandle('Twitter', '@jack').platform).toBe('x');
    expect(normalizeHandle('IG', '@ana').platform).toBe('instagram');
  });

  it.each([
    ['x', '@this_is_too_long_for_x', 'too_long'],
    ['x', '@ana-souza', 'bad_chars'],
    ['x', 'https://twitter.com/i/lists/123', 'not_a_profile'],
    ['x', 'https://twitter.com/search?q=help', 'not_a_profile'],
    ['x', 'instagram.com/ana', 'wrong_platform'],
    ['x', 'https://example.com/ana', 'not_a_profile'],
    ['x', '   ', 'empty'],
    ['instagram', 'https://www.instagram.com/p/Cxyz123/', 'not_a_profile'],
    ['tiktok', 'https://vm.tiktok.com/ZMabc/', 'not_a_profile'],
    ['tiktok', '@a', 'too_short'],
    ['youtube', 'https://www.youtube.com/watch?v=cYd9dNLlYQA', 'not_a_profile'],
    ['youtube', 'https://youtu.be/cYd9dNLlYQA', 'not_a_profile'],
    ['telegram', '@abc', 'too_short'],
    ['telegram', '@1password', 'bad_format'],
    ['telegram', 'https://t.me/+AbCdEf', 'not_a_profile'],
    ['github', '@-octocat', 'bad_format'],
    ['github', '@octo--cat', 'bad_format'],
    ['github', 'github.com/settings/profile', 'not_a_profile'],
    ['reddit', 'https://www.reddit.com/r/pics/', 'not_a_profile'],
    ['mastodon', '@ana', 'missing_instance'],
    ['mastodon', 'https://twitter.com/ana', 'wrong_platform'],
    ['mastodon', 'ana@not a server', 'bad_format'],
    ['bluesky', '@ana', 'bad_format'],
    ['snapchat', '@1ana', 'bad_format'],
    ['snapchat', '@ana_', 'bad_format'],
    ['Bad Platform!', 'ana', 'bad_platform'],
  ])('%s: %j is rejected as %s', (platform, raw, reason) => {
    const r = normalizeHandle(platform, raw);
    expect(r.valid).toBe(false);
    expect(r.matchable).toBe(false);
    expect(r.reason).toBe(reason);
  });

  it.each([
    ['instagram', 'instagram.com/ana.souza/', 'ana.souza'],
    ['instagram', 'https://www.instagram.com/stories/ana.souza/3123/', 'ana.souza'],
    ['instagram', 'instagr.am/Ana_Souza', 'ana_souza'],
    ['instagram', '@Ana.Souza.', 'ana.souza'],
    ['threads', 'https://www.threads.net/@Ana.Souza', 'ana.souza'],
    ['threads', 'https://www.threads.com/@ana.souza/post/C1', 'ana.souza'],
    ['facebook', 'facebook.com/John.Smith.55', 'johnsmith55'],
    ['facebook', 'johnsmith55', 'johnsmith55'],
    ['facebook', 'https://www.facebook.com/profile.php?id=100004123456789', 'id:100004123456789'],
    [
      'facebook',
      'https://www.facebook.com/people/Ana-Souza/100004123456789/',
      'id:100004123456789',
    ],
    ['facebook', '100004123456789', 'id:100004123456789'],
    ['tiktok', 'tiktok.com/@ana.souza', 'ana.souza'],
    ['tiktok', 'https://www.tiktok.com/@Ana.Souza/video/7212', 'ana.souza'],
    ['youtube', 'youtube.com/@AnaSouza', 'anasouza'],
    [
      'youtube',
      'https://www.youtube.com/channel/UCW97Zu1780HRMZoMMhlW06g',
      'channel:UCW97Zu1780HRMZoMMhlW06g',
    ],
    [
      'youtube',
      'https://www.youtube.com/channel/UC2NZpnTs228jKjv2vT9Gh4A?view_as=subscriber',
      'channel:UC2NZpnTs228jKjv2vT9Gh4A',
    ],
    ['youtube', 'UCW97Zu1780HRMZoMMhlW06g', 'channel:UCW97Zu1780HRMZoMMhlW06g'],
    ['youtube', 'youtube.com/user/MyNameIs', 'user:mynameis'],
    ['youtube', 'youtube.com/c/AnaCooks', 'c:anacooks'],
    ['youtube', 'youtube.com/AnaCooks', 'c:anacooks'],
    ['youtube', '@アナ料理', 'アナ料理'],
    ['linkedin', 'linkedin.com/in/ana-souza-123', 'ana-souza-123'],
    ['linkedin', 'https://br.linkedin.com/in/Ana-Souza-123/', 'ana-souza-123'],
    ['linkedin', 'in/ana-souza-123', 'ana-souza-123'],
    ['linkedin', 'https://www.linkedin.com/company/acme-corp/', 'company:acme-corp'],
    ['linkedin', 'https://www.linkedin.com/in/jos%C3%A9-silva', 'josé-silva'],
    ['telegram', 't.me/Ana_Souza', 'ana_souza'],
    ['telegram', 'https://t.me/s/durov', 'durov'],
    ['telegram', 'https://telegram.me/durov/123', 'durov'],
    ['github', 'github.com/Octocat', 'octocat'],
    ['github', 'https://github.com/octocat/Hello-World/issues/1', 'octocat'],
    ['github', 'https://github.com/orgs/Vercel/people', 'vercel'],
    ['reddit', 'reddit.com/u/Ana_Souza', 'ana_souza'],
    ['reddit', 'https://old.reddit.com/user/ana-souza/comments', 'ana-souza'],
    ['reddit', '/u/ana_souza', 'ana_souza'],
    ['reddit', 'u/ana_souza', 'ana_souza'],
    ['mastodon', 'https://mastodon.social/@Gargron', 'gargron@mastodon.social'],
    ['mastodon', '@Gargron@Mastodon.Social', 'gargron@mastodon.social'],
    ['mastodon', 'gargron@mastodon.social', 'gargron@mastodon.social'],
    ['mastodon', 'https://hachyderm.io/users/ana', 'ana@hachyderm.io'],
    ['mastodon', 'https://mastodon.social/@ana@fosstodon.org', 'ana@fosstodon.org'],
    ['mastodon', 'ana@bücher.social', 'ana@xn--bcher-kva.social'],
    ['bluesky', 'bsky.app/profile/ana.bsky.social', 'ana.bsky.social'],
    ['bluesky', '@Ana.bsky.social', 'ana.bsky.social'],
    ['bluesky', '@ana.dev', 'ana.dev'],
    ['bluesky', 'https://ana.dev', 'ana.dev'],
    [
      'bluesky',
      'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur',
      'did:plc:z72i7hdynmk6r22z27h6tvur',
    ],
    ['snapchat', 'snapchat.com/add/Ana.Souza', 'ana.souza'],
    ['pinterest', 'https://www.pinterest.co.uk/ana_souza/', 'ana_souza'],
    ['pinterest', 'https://br.pinterest.com/ana_souza/boards/', 'ana_souza'],
  ])('%s: %s is %s', (platform, raw, handle) => {
    expectHandle(normalizeHandle(platform, raw), handle);
  });

  it('keeps the written casing in display, without the namespace', () => {
    expect(normalizeHandle('facebook', 'facebook.com/John.Smith.55').display).toBe('John.Smith.55');
    expect(normalizeHandle('youtube', 'youtube.com/user/MyNameIs').display).toBe('MyNameIs');
    expect(normalizeHandle('reddit', 'u/Ana_Souza').display).toBe('Ana_Souza');
    expect(normalizeHandle('mastodon', '@Gargron@mastodon.social').display).toBe(
      'Gargron@mastodon.social',
    );
  });

  it('treats @UC… on YouTube as a handle, not a channel id', () => {
    expectHandle(
      normalizeHandle('youtube', '@UCW97Zu1780HRMZoMMhlW06g'),
      'ucw97zu1780hrmzommhlw06g',
    );
  });

  it('applies generic rules to custom platforms', () => {
    expectHandle(normalizeHandle('discord', '  @Ana  Souza '), 'ana souza', 'Ana Souza');
    expectHandle(normalizeHandle('whatsapp', '@AnaS'), 'anas', 'AnaS');
    const r = normalizeHandle('discord', '@@');
    expect(r.valid).toBe(false);
    expect(r.reason).toBe('empty');
  });
});

describe('SocialPlatformSchema', () => {
  it('accepts the known platforms and custom slugs', () => {
    for (const platform of SOCIAL_PLATFORMS)
      expect(SocialPlatformSchema.safeParse(platform).success).toBe(true);
    for (const slug of ['discord', 'whatsapp', 'my.network', 'we-chat', 'a']) {
      expect(SocialPlatformSchema.safeParse(slug).success).toBe(true);
    }
    for (const bad of ['', 'Discord', '1abc', 'my network', 'a'.repeat(33)]) {
      expect(SocialPlatformSchema.safeParse(bad).success).toBe(false);
    }
  });
});

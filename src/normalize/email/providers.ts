import { z } from 'zod';

/**
 * How one mailbox provider routes the addresses of its domains: which sub-address separators it
 * honours, which characters of the local part it ignores, and which domains are one mailbox.
 * These rules build the provider-canonical key (`canonical`) of a normalized email; they never
 * rewrite the address itself (`key`). Pass your own in {@link EmailOptions} `providers`.
 *
 * @example
 * ```ts
 * import { EmailProviderRuleSchema } from 'threadline';
 *
 * const rule = EmailProviderRuleSchema.parse({ id: 'acme', domains: ['acme.com'], separators: '_' });
 * console.log(rule.separators); // _
 * ```
 */
export const EmailProviderRuleSchema = z
  .strictObject({
    /** A short, stable name for the provider, reported as `provider` (`gmail`, `outlook`, …). */
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,31}$/, 'expected a short lower-case provider id'),
    /** Every domain the rule applies to (Unicode domains are accepted and converted). */
    domains: z.array(z.string().min(1).max(253)).min(1).readonly(),
    /**
     * The domain all of `domains` fold to in `canonical`, when they are one mailbox namespace
     * (`googlemail.com` → `gmail.com`). Must be one of `domains`. Omit it when each domain is
     * its own namespace.
     */
    canonicalDomain: z.string().min(1).max(253).optional(),
    /**
     * Characters that start a sub-address tag (`+` for `ana+news@…`). Only the first one in
     * the local part counts, and never in first position.
     */
    separators: z
      .string()
      .regex(/^[!#$%&'*+/=?^_`{|}~-]{0,8}$/, 'expected sub-address separator characters such as +')
      .optional(),
    /** Characters the provider ignores in the local part (`.` for Gmail). */
    ignore: z
      .string()
      .regex(/^[.!#$%&'*+/=?^_`{|}~-]{0,8}$/, 'expected punctuation characters such as .')
      .optional(),
    /**
     * Whether `tag@user.<domain>` is delivered to `user@<domain>` (Fastmail's subdomain
     * addressing).
     */
    subdomainAddressing: z.boolean().optional(),
  })
  .readonly();

/**
 * One provider's addressing rules; see {@link EmailProviderRuleSchema}.
 *
 * @example
 * ```ts
 * import { normalizeEmail, type EmailProviderRule } from 'threadline';
 *
 * // A company mail server that routes `user_anything@acme.com` to `user@acme.com`.
 * const acme: EmailProviderRule = { id: 'acme', domains: ['acme.com'], separators: '_' };
 * console.log(normalizeEmail('ana_billing@acme.com', { providers: [acme] }).canonical);
 * // ana@acme.com
 * ```
 */
export type EmailProviderRule = z.infer<typeof EmailProviderRuleSchema>;

/**
 * The provider rules the library ships, as a frozen table. Each entry is a public,
 * documented behaviour of that provider; for any domain not listed, `canonical` equals `key`,
 * because `+` or `.` may be significant on an unknown mail server.
 *
 * - Gmail: dots are ignored and `+tag` is dropped; `googlemail.com` is the same mailbox as
 *   `gmail.com`.
 * - Outlook.com (Hotmail, Live, MSN): `+tag` is dropped; dots are significant, and each domain
 *   is its own namespace (`ana@hotmail.com` and `ana@outlook.com` can be two people).
 * - Yahoo: disposable addresses are `basename-keyword@yahoo.com`; the canonical key groups the
 *   keywords of one base name (the base name is chosen by the user and is not always the
 *   account's primary address, but it belongs to one account).
 * - iCloud: `+tag` is dropped; `me.com` and `mac.com` names belong to the `icloud.com` account
 *   of the same name.
 * - Fastmail: `+tag` and subdomain addressing (`tag@user.fastmail.com`).
 * - Proton: `+tag` is dropped, and `.`, `_` and `-` are transparent in usernames (Proton's own
 *   help pages say so); `protonmail.com`, `protonmail.ch` and `pm.me` addresses of a username
 *   belong to the same account as its `proton.me` address.
 * - Yandex: `+tag` is dropped; every Yandex domain is an alias of the same mailbox.
 * - GMX and WEB.DE: listed so that `provider` is reported; no rewriting.
 *
 * @example
 * ```ts
 * import { EMAIL_PROVIDER_RULES } from 'threadline';
 *
 * const gmail = EMAIL_PROVIDER_RULES.find((rule) => rule.id === 'gmail');
 * console.log(gmail?.domains); // [ 'gmail.com', 'googlemail.com' ]
 * ```
 */
export const EMAIL_PROVIDER_RULES: readonly EmailProviderRule[] = deepFreeze([
  {
    id: 'gmail',
    domains: ['gmail.com', 'googlemail.com'],
    canonicalDomain: 'gmail.com',
    separators: '+',
    ignore: '.',
  },
  {
    id: 'outlook',
    domains: [
      'outlook.com',
      'hotmail.com',
      'live.com',
      'msn.com',
      'outlook.fr',
      'outlook.de',
      'outlook.es',
      'outlook.it',
      'outlook.jp',
      'outlook.com.br',
      'hotmail.co.uk',
      'hotmail.fr',
      'hotmail.de',
      'hotmail.it',
      'hotmail.es',
      'hotmail.com.br',
      'live.co.uk',
      'live.fr',
      'live.de',
      'live.it',
      'live.nl',
      'live.ca',
      'live.com.au',
      'live.com.mx',
    ],
    separators: '+',
  },
  {
    id: 'yahoo',
    domains: [
      'yahoo.com',
      'yahoo.co.uk',
      'yahoo.fr',
      'yahoo.de',
      'yahoo.it',
      'yahoo.es',
      'yahoo.ca',
      'yahoo.in',
      'yahoo.co.in',
      'yahoo.com.au',
      'yahoo.com.br',
      'yahoo.com.mx',
      'yahoo.com.ar',
    ],
    separators: '-',
  },
  // Yahoo's other consumer domains: reported, not rewritten.
  { id: 'yahoo', domains: ['ymail.com', 'rocketmail.com'] },
  {
    id: 'icloud',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    canonicalDomain: 'icloud.com',
    separators: '+',
  },
  {
    id: 'fastmail',
    domains: ['fastmail.com', 'fastmail.fm'],
    separators: '+',
    subdomainAddressing: true,
  },
  {
    id: 'proton',
    domains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
    canonicalDomain: 'proton.me',
    separators: '+',
    ignore: '._-',
  },
  {
    id: 'yandex',
    domains: ['yandex.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'ya.ru'],
    canonicalDomain: 'yandex.ru',
    separators: '+',
  },
  { id: 'gmx', domains: ['gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'gmx.com'] },
  { id: 'webde', domains: ['web.de'] },
]);

function deepFreeze<T extends readonly EmailProviderRule[]>(rules: T): T {
  for (const rule of rules) {
    Object.freeze(rule.domains);
    Object.freeze(rule);
  }
  return Object.freeze(rules);
}

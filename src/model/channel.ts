import { z } from 'zod';

/**
 * The channels threadline knows out of the box, in the order a menu would list them.
 *
 * @example
 * ```ts
 * import { KNOWN_CHANNELS } from 'threadline';
 *
 * console.log(KNOWN_CHANNELS.includes('whatsapp')); // true
 * ```
 */
export const KNOWN_CHANNELS = [
  'phone',
  'sms',
  'email',
  'chat',
  'in_app',
  'whatsapp',
  'messenger',
  'instagram',
  'x',
  'social',
  'in_person',
  'other',
] as const;

/**
 * One of the {@link KNOWN_CHANNELS}.
 *
 * @example
 * ```ts
 * import { KnownChannelSchema } from 'threadline';
 *
 * console.log(KnownChannelSchema.parse('x')); // x
 * ```
 */
export const KnownChannelSchema = z.enum(KNOWN_CHANNELS);

/**
 * A channel the library does not know, named by the adopter: `custom:` then a lower-case slug
 * (`custom:line`, `custom:kiosk`). Custom channels get the `other` profile unless overridden.
 *
 * @example
 * ```ts
 * import { CustomChannelSchema } from 'threadline';
 *
 * console.log(CustomChannelSchema.safeParse('custom:line').success); // true
 * ```
 */
export const CustomChannelSchema = z.templateLiteral([
  'custom:',
  z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
]);

/**
 * Where an interaction happened: a known channel, or a `custom:` one.
 *
 * @example
 * ```ts
 * import { ChannelSchema } from 'threadline';
 *
 * console.log(ChannelSchema.safeParse('email').success, ChannelSchema.safeParse('fax').success); // true false
 * ```
 */
export const ChannelSchema = z.union([KnownChannelSchema, CustomChannelSchema]);

/**
 * A channel; see {@link ChannelSchema}.
 *
 * @example
 * ```ts
 * import type { Channel } from 'threadline';
 *
 * const hops: Channel[] = ['email', 'x', 'phone', 'custom:kiosk'];
 * console.log(hops.length);
 * ```
 */
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * A built-in channel name; see {@link KNOWN_CHANNELS}.
 *
 * @example
 * ```ts
 * import type { KnownChannel } from 'threadline';
 *
 * const c: KnownChannel = 'sms';
 * console.log(c);
 * ```
 */
export type KnownChannel = z.infer<typeof KnownChannelSchema>;

/**
 * How a channel behaves and what customers expect of it: the facts a handoff needs to set the
 * next agent's clock and decide what may be said in public.
 *
 * @example
 * ```ts
 * import { ChannelProfileSchema } from 'threadline';
 *
 * const kiosk = ChannelProfileSchema.parse({
 *   label: 'Store kiosk', synchronous: true, visibility: 'private',
 *   firstResponseMs: 60_000, resolutionMs: 900_000,
 * });
 * console.log(kiosk.label);
 * ```
 */
export const ChannelProfileSchema = z.strictObject({
  /** A human name for the channel, for rendering. */
  label: z.string().min(1).max(64),
  /** The customer waits on the line (phone, chat) rather than coming back later (email). */
  synchronous: z.boolean(),
  /**
   * `public`: anyone can read replies (a tweet); `private`: only the customer (a DM);
   * `mixed`: the channel has both, and each interaction says which.
   */
  visibility: z.enum(['public', 'private', 'mixed']),
  /** The first reply customers expect, in milliseconds. */
  firstResponseMs: z.number().int().nonnegative(),
  /** The time to resolution customers expect, in milliseconds. */
  resolutionMs: z.number().int().nonnegative(),
});

/**
 * A channel's behaviour and service expectations; see {@link ChannelProfileSchema}.
 *
 * @example
 * ```ts
 * import { channelProfile, type ChannelProfile } from 'threadline';
 *
 * const phone: ChannelProfile = channelProfile('phone');
 * console.log(phone.synchronous); // true
 * ```
 */
export type ChannelProfile = z.infer<typeof ChannelProfileSchema>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The built-in profile of every known channel. Expectations follow what customer-service
 * surveys report customers expect: a phone call is answered now and resolved in about half an
 * hour; chat replies within a minute; social replies within one to two hours and resolves in
 * half a day; email replies within half a day and resolves within a day.
 *
 * @example
 * ```ts
 * import { DEFAULT_CHANNEL_PROFILES } from 'threadline';
 *
 * console.log(DEFAULT_CHANNEL_PROFILES.email.firstResponseMs / 3_600_000); // 12
 * ```
 */
export const DEFAULT_CHANNEL_PROFILES: Readonly<Record<KnownChannel, ChannelProfile>> =
  Object.freeze({
    phone: profile('Phone', true, 'private', 0, 30 * MINUTE),
    sms: profile('SMS', false, 'private', HOUR, 12 * HOUR),
    email: profile('Email', false, 'private', 12 * HOUR, 24 * HOUR),
    chat: profile('Web chat', true, 'private', MINUTE, 30 * MINUTE),
    in_app: profile('In-app chat', true, 'private', MINUTE, 30 * MINUTE),
    whatsapp: profile('WhatsApp', false, 'private', HOUR, 12 * HOUR),
    messenger: profile('Messenger', false, 'private', HOUR, 12 * HOUR),
    instagram: profile('Instagram', false, 'mixed', 2 * HOUR, 12 * HOUR),
    x: profile('X (Twitter)', false, 'mixed', 2 * HOUR, 12 * HOUR),
    social: profile('Social media', false, 'mixed', 2 * HOUR, 12 * HOUR),
    in_person: profile('In person', true, 'private', 5 * MINUTE, 30 * MINUTE),
    other: profile('Other', false, 'private', 24 * HOUR, 72 * HOUR),
  });

function profile(
  label: string,
  synchronous: boolean,
  visibility: ChannelProfile['visibility'],
  firstResponseMs: number,
  resolutionMs: number,
): ChannelProfile {
  return Object.freeze({ label, synchronous, visibility, firstResponseMs, resolutionMs });
}

/**
 * Per-channel overrides of the built-in profiles: a business with a four-hour email promise,
 * or the profile of a `custom:` channel.
 *
 * @example
 * ```ts
 * import { channelProfile, type ChannelProfileOverrides } from 'threadline';
 *
 * const ours: ChannelProfileOverrides = { email: { firstResponseMs: 4 * 3_600_000 } };
 * console.log(channelProfile('email', ours).firstResponseMs); // 14400000
 * ```
 */
export type ChannelProfileOverrides = Readonly<Partial<Record<Channel, Partial<ChannelProfile>>>>;

/**
 * Overrides as an options schema parses them: zod types optional fields as `T | undefined`,
 * and the profile API wants them absent instead.
 *
 * @internal
 */
export function profileOverrides(
  raw: Partial<Record<Channel, Record<string, unknown> | undefined>>,
): ChannelProfileOverrides {
  const out: Partial<Record<Channel, Partial<ChannelProfile>>> = {};
  for (const [channel, fields] of Object.entries(raw)) {
    if (fields === undefined) continue;
    out[channel as Channel] = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<ChannelProfile>;
  }
  return out;
}

/**
 * The profile of a channel, with the adopter's overrides applied over the built-in one.
 * A `custom:` channel starts from the `other` profile, labelled with its own name.
 *
 * @param channel - the channel to describe.
 * @param overrides - per-channel fields that replace the built-in ones.
 * @example
 * ```ts
 * import { channelProfile } from 'threadline';
 *
 * console.log(channelProfile('x').visibility); // mixed
 * console.log(channelProfile('custom:kiosk').label); // kiosk
 * ```
 */
export function channelProfile(
  channel: Channel,
  overrides: ChannelProfileOverrides = {},
): ChannelProfile {
  const base = isKnownChannel(channel)
    ? DEFAULT_CHANNEL_PROFILES[channel]
    : { ...DEFAULT_CHANNEL_PROFILES.other, label: channel.slice('custom:'.length) };
  const override = Object.hasOwn(overrides, channel) ? overrides[channel] : undefined;
  return override === undefined ? base : Object.freeze({ ...base, ...override });
}

/**
 * True when the channel is one of the {@link KNOWN_CHANNELS}.
 *
 * @example
 * ```ts
 * import { isKnownChannel } from 'threadline';
 *
 * console.log(isKnownChannel('sms'), isKnownChannel('custom:line')); // true false
 * ```
 */
export function isKnownChannel(channel: string): channel is KnownChannel {
  return (KNOWN_CHANNELS as readonly string[]).includes(channel);
}

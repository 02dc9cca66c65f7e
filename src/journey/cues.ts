import { z } from 'zod';
import { ChannelSchema } from '../model/channel.js';
import { tokenize } from './text.js';

/**
 * Where a channel-switch cue sends the conversation: a channel, or `dm` for "a private message"
 * (the private side of the same platform when said on X, Instagram or another mixed channel).
 *
 * @example
 * ```ts
 * import { SwitchTargetSchema } from 'threadline';
 *
 * console.log(SwitchTargetSchema.safeParse('dm').success, SwitchTargetSchema.safeParse('fax').success); // true false
 * ```
 */
export const SwitchTargetSchema = z.union([ChannelSchema, z.literal('dm')]);

/**
 * A channel-switch target; see {@link SwitchTargetSchema}.
 *
 * @example
 * ```ts
 * import type { SwitchTarget } from 'threadline';
 *
 * const targets: SwitchTarget[] = ['phone', 'dm', 'custom:kiosk'];
 * console.log(targets.length); // 3
 * ```
 */
export type SwitchTarget = z.infer<typeof SwitchTargetSchema>;

/**
 * One row of the channel-switch cue table: phrases that, said by one side, announce that the
 * conversation continues on another channel ("please call us on…", "we've emailed you").
 * Phrases match whole words, case- and accent-insensitively; punctuation and apostrophes are
 * ignored (`we've` reads as `we ve`).
 *
 * @example
 * ```ts
 * import { SwitchCueSpecSchema } from 'threadline';
 *
 * const cue = SwitchCueSpecSchema.parse({
 *   id: 'kiosk', speaker: 'business', target: 'custom:kiosk', phrases: ['visit our kiosk'],
 * });
 * console.log(cue.target); // custom:kiosk
 * ```
 */
export const SwitchCueSpecSchema = z.strictObject({
  /** A stable name for the row, quoted in evidence. */
  id: z.string().min(1).max(64),
  /** Who must say it: `business` (an agent or a bot) or the `customer`. */
  speaker: z.enum(['business', 'customer']),
  /** The channel the conversation is expected to continue on. */
  target: SwitchTargetSchema,
  /** The phrases, as a person would write them. */
  phrases: z.array(z.string().min(1).max(200)).min(1).max(500),
  /** The language of the phrases (a BCP 47 tag), for people maintaining the table. */
  locale: z.string().min(2).max(35).optional(),
});

/**
 * A channel-switch cue row; see {@link SwitchCueSpecSchema}.
 *
 * @example
 * ```ts
 * import { defaultSwitchCues, type SwitchCueSpec } from 'threadline';
 *
 * const mine: SwitchCueSpec = { id: 'line', speaker: 'business', target: 'custom:line', phrases: ['add us on line'] };
 * const table: SwitchCueSpec[] = [...defaultSwitchCues, mine];
 * console.log(table.length > defaultSwitchCues.length); // true
 * ```
 */
export type SwitchCueSpec = z.infer<typeof SwitchCueSpecSchema>;

/**
 * The built-in cue table: English first, with a few Spanish, Portuguese, French and German rows
 * to show how other languages plug in. Copy and extend it through the `cues` option.
 *
 * @example
 * ```ts
 * import { defaultSwitchCues } from 'threadline';
 *
 * const phone = defaultSwitchCues.find((c) => c.id === 'business-call-us');
 * console.log(phone?.phrases.includes('please call us')); // true
 * ```
 */
export const defaultSwitchCues: readonly SwitchCueSpec[] = Object.freeze([
  {
    id: 'business-call-us',
    speaker: 'business',
    target: 'phone',
    locale: 'en',
    phrases: [
      'call us',
      'please call us',
      'please call',
      'give us a call',
      'give us a ring',
      'ring us',
      'phone us',
      'call our team',
      'call our support',
      'call the number',
      'call this number',
      'call our helpline',
      'speak to us by phone',
      'contact us by phone',
      'reach us by phone',
    ],
  },
  {
    id: 'business-we-call-you',
    speaker: 'business',
    target: 'phone',
    locale: 'en',
    phrases: [
      'we ll call you',
      'we will call you',
      'we ll give you a call',
      'we will give you a call',
      'we ll ring you',
      'we ll phone you',
      'call you back',
      'expect a call',
      'arrange a call',
      'schedule a call',
      'a callback',
    ],
  },
  {
    id: 'business-email',
    speaker: 'business',
    target: 'email',
    locale: 'en',
    phrases: [
      'we ve emailed you',
      'we have emailed you',
      'we emailed you',
      'we ve sent you an email',
      'we have sent you an email',
      'sent you an email',
      'we ll email you',
      'we will email you',
      'we ll send you an email',
      'look out for an email',
      'check your inbox',
      'check your email',
      'check your emails',
      'check your spam',
      'reply to the email',
      'reply to our email',
      'email us',
      'send us an email',
      'drop us an email',
      'email our team',
    ],
  },
  {
    id: 'business-sms',
    speaker: 'business',
    target: 'sms',
    locale: 'en',
    phrases: [
      'text us',
      'send us a text',
      'sms us',
      'we ve texted you',
      'we have texted you',
      'sent you a text',
      'we ll text you',
      'we will text you',
      'check your texts',
      'reply to our text',
      'reply to the text',
    ],
  },
  {
    id: 'business-dm',
    speaker: 'business',
    target: 'dm',
    locale: 'en',
    phrases: [
      'dm',
      'dm us',
      'dms',
      'direct message',
      'private message',
      'pm us',
      'message us privately',
      'send us a message privately',
    ],
  },
  {
    id: 'business-whatsapp',
    speaker: 'business',
    target: 'whatsapp',
    locale: 'en',
    phrases: ['whatsapp us', 'message us on whatsapp', 'contact us on whatsapp'],
  },
  {
    id: 'business-chat',
    speaker: 'business',
    target: 'chat',
    locale: 'en',
    phrases: ['live chat', 'chat with us', 'start a chat', 'web chat'],
  },
  {
    id: 'customer-will-call',
    speaker: 'customer',
    target: 'phone',
    locale: 'en',
    phrases: [
      'i ll call',
      'i will call',
      'i m going to call',
      'i ll ring',
      'i ll phone',
      'i ll give you a call',
      'call me',
      'call me back',
      'ring me',
    ],
  },
  {
    id: 'customer-email',
    speaker: 'customer',
    target: 'email',
    locale: 'en',
    phrases: [
      'i ve emailed',
      'i have emailed',
      'i emailed you',
      'i sent an email',
      'i ve sent an email',
      'i have sent an email',
      'i sent you an email',
      'i ll email',
      'i will email',
      'i ll send an email',
      'email me',
    ],
  },
  {
    id: 'customer-dm',
    speaker: 'customer',
    target: 'dm',
    locale: 'en',
    phrases: ['i sent you a dm', 'i ve sent you a dm', 'i ll dm you', 'sent a dm', 'dmed you'],
  },
  {
    id: 'customer-sms',
    speaker: 'customer',
    target: 'sms',
    locale: 'en',
    phrases: ['i ve texted', 'i texted you', 'i ll text', 'text me'],
  },
  {
    id: 'business-call-us-es',
    speaker: 'business',
    target: 'phone',
    locale: 'es',
    phrases: ['llámanos', 'llámenos', 'llame al', 'te llamaremos', 'le llamaremos'],
  },
  {
    id: 'business-email-es',
    speaker: 'business',
    target: 'email',
    locale: 'es',
    phrases: [
      'te hemos enviado un correo',
      'le hemos enviado un correo',
      'revisa tu correo',
      'revise su correo',
      'envíanos un correo',
    ],
  },
  {
    id: 'business-dm-es',
    speaker: 'business',
    target: 'dm',
    locale: 'es',
    phrases: ['mensaje privado', 'mensaje directo'],
  },
  {
    id: 'business-call-us-pt',
    speaker: 'business',
    target: 'phone',
    locale: 'pt',
    phrases: [
      'ligue para nós',
      'ligue-nos',
      'vamos te ligar',
      'entraremos em contato por telefone',
    ],
  },
  {
    id: 'business-email-pt',
    speaker: 'business',
    target: 'email',
    locale: 'pt',
    phrases: ['enviamos um e-mail', 'verifique seu e-mail', 'verifique sua caixa de entrada'],
  },
  {
    id: 'business-dm-pt',
    speaker: 'business',
    target: 'dm',
    locale: 'pt',
    phrases: [
      'chama no direct',
      'chame no direct',
      'no privado',
      'mensagem privada',
      'mensagem direta',
    ],
  },
  {
    id: 'business-call-us-fr',
    speaker: 'business',
    target: 'phone',
    locale: 'fr',
    phrases: ['appelez-nous', 'nous vous rappellerons', 'nous allons vous appeler'],
  },
  {
    id: 'business-email-fr',
    speaker: 'business',
    target: 'email',
    locale: 'fr',
    phrases: [
      'nous vous avons envoyé un e-mail',
      'nous vous avons envoyé un mail',
      'consultez votre boîte mail',
      'vérifiez vos e-mails',
    ],
  },
  {
    id: 'business-dm-fr',
    speaker: 'business',
    target: 'dm',
    locale: 'fr',
    phrases: ['en mp', 'en message privé', 'par message privé'],
  },
  {
    id: 'business-call-us-de',
    speaker: 'business',
    target: 'phone',
    locale: 'de',
    phrases: ['rufen sie uns', 'ruf uns', 'wir rufen sie zurück', 'wir rufen sie an'],
  },
  {
    id: 'business-email-de',
    speaker: 'business',
    target: 'email',
    locale: 'de',
    phrases: [
      'wir haben ihnen eine e-mail',
      'wir haben dir eine e-mail',
      'prüfen sie ihr postfach',
      'schauen sie in ihr postfach',
    ],
  },
  {
    id: 'business-dm-de',
    speaker: 'business',
    target: 'dm',
    locale: 'de',
    phrases: ['direktnachricht', 'private nachricht', 'privatnachricht'],
  },
] satisfies readonly SwitchCueSpec[]);

interface CompiledPhrase {
  readonly cue: number;
  readonly words: readonly string[];
}

/** A cue table ready for matching: phrases indexed by their first word, per speaker. */
export interface CompiledCues {
  readonly specs: readonly SwitchCueSpec[];
  readonly business: ReadonlyMap<string, readonly CompiledPhrase[]>;
  readonly customer: ReadonlyMap<string, readonly CompiledPhrase[]>;
}

/** A cue phrase found in a message. */
export interface CueMatch {
  readonly spec: SwitchCueSpec;
  /** The phrase as written in the message. */
  readonly text: string;
}

/** The phrases of a spec that have no word at all (only punctuation), by index. */
export function emptyPhrases(spec: SwitchCueSpec): number[] {
  const out: number[] = [];
  spec.phrases.forEach((phrase, index) => {
    if (tokenize(phrase).length === 0) out.push(index);
  });
  return out;
}

/** Indexes a validated cue table; phrases with no words are skipped (validation reports them). */
export function compileCues(specs: readonly SwitchCueSpec[]): CompiledCues {
  const business = new Map<string, CompiledPhrase[]>();
  const customer = new Map<string, CompiledPhrase[]>();
  specs.forEach((spec, cue) => {
    const index = spec.speaker === 'business' ? business : customer;
    for (const phrase of spec.phrases) {
      const words = tokenize(phrase).map((t) => t.word);
      const first = words[0];
      if (first === undefined) continue;
      const list = index.get(first);
      if (list === undefined) index.set(first, [{ cue, words }]);
      else list.push({ cue, words });
    }
  });
  // Longer phrases first, so the most specific phrase at a position is the one reported.
  for (const index of [business, customer]) {
    for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  }
  return { specs, business, customer };
}

/**
 * Finds the cues a message carries, at most one per target (the first in the text). Linear in
 * the text: each word is looked up once and only phrases starting with it are tried.
 */
export function findCues(
  text: string,
  speaker: 'business' | 'customer',
  cues: CompiledCues,
): CueMatch[] {
  const index = speaker === 'business' ? cues.business : cues.customer;
  if (index.size === 0 || text.length === 0) return [];
  const tokens = tokenize(text);
  const found: CueMatch[] = [];
  const targets = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const phrases = index.get(token.word);
    if (phrases === undefined) continue;
    for (const phrase of phrases) {
      if (!matchesAt(tokens, i, phrase.words)) continue;
      const spec = cues.specs[phrase.cue];
      const last = tokens[i + phrase.words.length - 1];
      if (spec === undefined || last === undefined) continue;
      if (!targets.has(spec.target)) {
        targets.add(spec.target);
        found.push({ spec, text: text.slice(token.start, last.end) });
      }
      break;
    }
  }
  return found;
}

function matchesAt(tokens: readonly { word: string }[], at: number, words: readonly string[]) {
  if (at + words.length > tokens.length) return false;
  for (let k = 1; k < words.length; k++) {
    if (tokens[at + k]?.word !== words[k]) return false;
  }
  return true;
}

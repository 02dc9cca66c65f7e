import type { Channel } from '../model/channel.js';
import type { InteractionId } from '../model/ids.js';
import type { Interaction } from '../model/interaction.js';
import type { ReferenceKind } from '../model/reference.js';
import { extractReferences } from '../normalize/reference/extract.js';
import { normalizeReferenceValue } from '../normalize/reference/keys.js';
import type { SwitchCueSpec } from './cues.js';
import { findCues } from './cues.js';
import type { ThreadHeader } from './evidence.js';
import { parseInstant } from './instant.js';
import type { CompiledThreadingOptions } from './options.js';
import { addTopicTerms } from './topic.js';

/** A reference of an interaction with its comparison key. */
export interface PreparedReference {
  readonly kind: ReferenceKind;
  readonly value: string;
  readonly key: string;
  readonly origin: 'provided' | 'extracted';
}

/** A thread key of an interaction: the scoped index key and where it came from. */
export interface PreparedThreadKey {
  readonly key: string;
  readonly header: ThreadHeader;
  readonly value: string;
}

/** A channel-switch cue said in an interaction, with the channels it predicts. */
export interface PreparedCue {
  readonly spec: SwitchCueSpec;
  readonly text: string;
  readonly messageIndex: number;
  readonly atMs: number;
  readonly at: string;
  readonly channels: readonly Channel[];
  /** Set when only the private side of those channels counts (a `dm` cue). */
  readonly privateOnly: boolean;
}

/** Everything threading needs from one interaction, computed once. */
export interface PreparedInteraction {
  readonly interaction: Interaction;
  readonly id: InteractionId;
  readonly startMs: number;
  /** The latest instant the interaction shows: `endedAt`, a message time, or its start. */
  readonly endMs: number;
  readonly endAt: string;
  /** All references, one per kind and key, in order of appearance (provided first). */
  readonly references: readonly PreparedReference[];
  readonly threadKeys: readonly PreparedThreadKey[];
  readonly terms: ReadonlySet<string>;
  readonly cues: readonly PreparedCue[];
  /** The customer started it or spoke in it. */
  readonly customerContact: boolean;
  /** Its status says resolved, or closed without the business's last words moving elsewhere. */
  readonly closes: boolean;
  /** The business's last message sent the customer to another channel. */
  readonly handedOver: boolean;
  /** Who spoke last (system messages aside), if anyone did. */
  readonly lastSpeaker: 'customer' | 'business' | undefined;
  /** Whether an agent or a bot wrote anything. */
  readonly businessSpoke: boolean;
}

// Channels with private messages, for a `dm` cue said where there are none (a chat, a call).
const DM_CHANNELS: readonly Channel[] = ['x', 'instagram', 'messenger', 'social', 'whatsapp'];

/** Parses an instant already validated by the model (exactly as `Date.parse` does). */
export function toMs(timestamp: string): number {
  return parseInstant(timestamp);
}

/** Message times: its own, else the previous message's, else the interaction's start. */
export function messageTimes(interaction: Interaction): { ms: number; at: string }[] {
  let ms = toMs(interaction.startedAt);
  let at = interaction.startedAt;
  return interaction.messages.map((message) => {
    if (message.at !== undefined) {
      ms = toMs(message.at);
      at = message.at;
    }
    return { ms, at };
  });
}

/** The latest instant an interaction shows, never before its start. */
export function interactionEnd(interaction: Interaction): { ms: number; at: string } {
  let ms = toMs(interaction.startedAt);
  let at = interaction.startedAt;
  const consider = (value: string | undefined) => {
    if (value === undefined) return;
    const t = toMs(value);
    if (t > ms) {
      ms = t;
      at = value;
    }
  };
  consider(interaction.endedAt);
  for (const message of interaction.messages) consider(message.at);
  return { ms, at };
}

/** Normalizes a reference value for comparison: upper-case letters and digits only. */
export function referenceKey(value: string): string {
  return normalizeReferenceValue(value, 'alnum-upper');
}

function stripAngles(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1).trim() : trimmed;
}

function threadKeys(interaction: Interaction): PreparedThreadKey[] {
  const out: PreparedThreadKey[] = [];
  const seen = new Set<string>();
  const add = (key: string, header: ThreadHeader, value: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, header, value });
  };
  const email = (header: ThreadHeader, value: string) => {
    const id = stripAngles(value);
    if (id.length > 0) add(`m:${id}`, header, value);
  };
  const channel = interaction.channel;
  const t = interaction.thread;
  if (t !== undefined) {
    if (t.messageId !== undefined) email('messageId', t.messageId);
    for (const value of t.inReplyTo ?? []) email('inReplyTo', value);
    for (const value of t.references ?? []) email('references', value);
    // Post and conversation ids are only unique within a platform.
    if (t.postId !== undefined) add(`p:${channel}:${t.postId}`, 'postId', t.postId);
    if (t.inReplyToPostId !== undefined) {
      add(`p:${channel}:${t.inReplyToPostId}`, 'inReplyToPostId', t.inReplyToPostId);
    }
    if (t.conversationId !== undefined) {
      add(`c:${channel}:${t.conversationId}`, 'conversationId', t.conversationId);
    }
    if (t.previousContactId !== undefined) {
      add(`k:${t.previousContactId}`, 'previousContactId', t.previousContactId);
    }
  }
  add(`k:${interaction.id}`, 'id', interaction.id);
  return out;
}

function references(interaction: Interaction, options: CompiledThreadingOptions) {
  const out: PreparedReference[] = [];
  const seen = new Set<string>();
  const add = (kind: ReferenceKind, value: string, origin: 'provided' | 'extracted') => {
    const key = referenceKey(value);
    const id = `${kind}:${key === '' ? value : key}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ kind, value, key, origin });
  };
  for (const ref of interaction.references) add(ref.kind, ref.value, ref.origin);
  const extract = (text: string) => {
    for (const found of extractReferences(text, options.referenceExtractor)) {
      add(found.kind, found.value, 'extracted');
    }
  };
  if (interaction.subject !== undefined) extract(interaction.subject);
  for (const message of interaction.messages) extract(message.text);
  return out;
}

function isBusiness(role: string): boolean {
  return role === 'agent' || role === 'bot';
}

/** Reads one interaction for threading: references, thread keys, topic terms, cues, speakers. */
export function prepareInteraction(
  interaction: Interaction,
  options: CompiledThreadingOptions,
): PreparedInteraction {
  const startMs = toMs(interaction.startedAt);
  const end = interactionEnd(interaction);
  const times = messageTimes(interaction);

  const terms = new Set<string>();
  if (interaction.subject !== undefined) addTopicTerms(interaction.subject, terms);
  const cues: PreparedCue[] = [];
  let lastSpeaker: 'customer' | 'business' | undefined;
  let handedOver = false;
  let customerSpoke = false;
  let businessSpoke = false;
  interaction.messages.forEach((message, index) => {
    if (message.author === 'system') return;
    const speaker = isBusiness(message.author) ? 'business' : 'customer';
    lastSpeaker = speaker;
    if (speaker === 'customer') {
      customerSpoke = true;
      addTopicTerms(message.text, terms);
    } else {
      businessSpoke = true;
    }
    const time = times[index] ?? { ms: startMs, at: interaction.startedAt };
    const found = findCues(message.text, speaker, options.cues);
    if (speaker === 'business') handedOver = found.length > 0;
    for (const cue of found) {
      const target = cue.spec.target;
      const dm = target === 'dm';
      const channels: readonly Channel[] = dm
        ? options.isMixed(interaction.channel)
          ? [interaction.channel]
          : DM_CHANNELS
        : [target];
      cues.push({
        spec: cue.spec,
        text: cue.text,
        messageIndex: index,
        atMs: time.ms,
        at: time.at,
        channels,
        privateOnly: dm,
      });
    }
  });

  const status = interaction.status;
  // `closed` only says the contact ended: when the business's last words sent the customer to
  // another channel, the issue moved rather than ended. `resolved` is taken at its word.
  const closes = status === 'resolved' || (status === 'closed' && !handedOver);

  return {
    interaction,
    id: interaction.id,
    startMs,
    endMs: end.ms,
    endAt: end.at,
    references: references(interaction, options),
    threadKeys: threadKeys(interaction),
    terms,
    cues,
    customerContact: interaction.direction === 'inbound' || customerSpoke,
    closes,
    handedOver,
    lastSpeaker,
    businessSpoke,
  };
}

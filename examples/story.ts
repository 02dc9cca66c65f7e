// The embedded sample story: Ana Souza's late order, followed from email to X to a phone call.
// Each contact shows her with a different variant of her identifiers, as real channels do.
import type { InteractionInput } from '../src/index.js';

export const story: readonly InteractionInput[] = [
  {
    id: 'em-7f3a',
    channel: 'email',
    startedAt: '2026-03-02T09:12:00Z',
    source: 'helpdesk-email',
    subject: 'Order A-55123 has not arrived',
    participants: [
      { role: 'customer', id: 'c', name: 'Ana Souza' },
      { role: 'agent', id: 'a1', name: 'Priya' },
    ],
    identifiers: [
      {
        kind: 'email',
        value: '"Ana Souza" <Ana.Souza+shop@GoogleMail.com>',
        trust: { level: 'verified', method: 'login' },
      },
    ],
    messages: [
      {
        author: 'customer',
        participantId: 'c',
        at: '2026-03-02T09:12:00Z',
        text: 'Hi, my order #A-55123 was due on Friday and has not arrived. The tracking page just says label created. Can you help?',
      },
      {
        author: 'agent',
        participantId: 'a1',
        at: '2026-03-02T15:40:00Z',
        text: "Sorry about this, Ana. We've asked the courier and will email you within 24 hours.",
      },
    ],
    thread: { messageId: '<a1b2@mail.example>' },
  },
  {
    id: 'tw-1890',
    channel: 'x',
    visibility: 'public',
    startedAt: '2026-03-04T18:40:00Z',
    participants: [
      { role: 'customer', id: 'c', name: 'Ana S.' },
      { role: 'agent', id: 'shop', name: 'AcmeShop' },
    ],
    identifiers: [
      {
        kind: 'social',
        platform: 'twitter',
        handle: '@Ana_Souza_',
        trust: { level: 'verified', method: 'channel_native' },
      },
    ],
    messages: [
      {
        author: 'customer',
        participantId: 'c',
        at: '2026-03-04T18:40:00Z',
        text: '@AcmeShop still no sign of my order and no email back. 2 days now.',
      },
      {
        author: 'agent',
        participantId: 'shop',
        at: '2026-03-04T19:05:00Z',
        text: "So sorry to hear that! Please DM us your order number and we'll look into it.",
      },
    ],
    thread: { postId: '1765432109876543210' },
  },
  {
    id: 'dm-1891',
    channel: 'x',
    visibility: 'private',
    startedAt: '2026-03-04T19:20:00Z',
    participants: [
      { role: 'customer', id: 'c', name: 'Ana S.' },
      { role: 'agent', id: 'a2', name: 'Marco' },
    ],
    identifiers: [
      {
        kind: 'social',
        platform: 'x',
        handle: 'ana_souza_',
        trust: { level: 'verified', method: 'channel_native' },
      },
      { kind: 'email', value: 'anasouza@gmail.com', source: 'dm-text' },
      { kind: 'phone', value: '(415) 555-2671', region: 'US', source: 'dm-text' },
    ],
    messages: [
      {
        author: 'customer',
        participantId: 'c',
        at: '2026-03-04T19:20:00Z',
        text: "It's order A55123, my email is anasouza@gmail.com. You can call me on (415) 555-2671.",
      },
      {
        author: 'agent',
        participantId: 'a2',
        at: '2026-03-04T19:31:00Z',
        text: "Thanks Ana, we'll call you tomorrow morning about a replacement.",
      },
    ],
  },
  {
    id: 'call-2291',
    channel: 'phone',
    direction: 'outbound',
    startedAt: '2026-03-05T10:05:00Z',
    endedAt: '2026-03-05T10:14:00Z',
    region: 'US',
    participants: [
      { role: 'customer', id: 'c' },
      { role: 'agent', id: 'a3', name: 'Jordan' },
    ],
    identifiers: [
      {
        kind: 'phone',
        value: '+1 415-555-2671',
        trust: { level: 'verified', method: 'channel_native' },
      },
    ],
    messages: [
      {
        author: 'agent',
        participantId: 'a3',
        text: "Hi, this is Jordan from Acme about order A 55123. I've arranged a replacement.",
      },
      {
        author: 'customer',
        participantId: 'c',
        text: 'Great, thank you. Will it arrive before Friday?',
      },
    ],
    status: 'open',
  },
];

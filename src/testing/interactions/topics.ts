/**
 * What conversations are about and who takes part: the issues customers raise with the lines
 * each side says, and the agents and bot on the business's side.
 */

import type { Participant } from '../../model/interaction.js';

export const AGENTS: readonly Readonly<Participant>[] = [
  'Priya',
  'Marcus',
  'Jordan',
  'Elena',
  'Sam',
  'Keiko',
  'Tomás',
  'Aisha',
].map((name, k) => ({ role: 'agent' as const, id: `agent-${k + 1}`, name }));

export const BOT: Readonly<Participant> = { role: 'bot', id: 'bot', name: 'Northwind Assistant' };

/** One kind of customer issue: what it is called and what each side says about it. */
export interface Topic {
  readonly subject: string;
  /** Whether the issue is about an order (and so may carry an order number). */
  readonly orders: boolean;
  /** The customer's opening lines; `{o}` is replaced by ` <order number>` or nothing. */
  readonly opening: readonly string[];
  readonly followUp: readonly string[];
  readonly agent: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    subject: 'Where is my order?',
    orders: true,
    opening: [
      'Hi, my order{o} still has not arrived.',
      'Tracking for my order{o} has not moved in five days.',
      'My parcel was due on Monday, can you check my order{o}?',
    ],
    followUp: [
      'Any news on my order{o}? Still nothing here.',
      'Following up again about my order{o}, it never came.',
    ],
    agent: [
      'Sorry for the wait! I have asked the carrier to trace the parcel.',
      'I can see it left our warehouse; it should arrive within two days.',
    ],
  },
  {
    subject: 'Refund not received',
    orders: true,
    opening: [
      'I returned my order{o} two weeks ago and have no refund yet.',
      'When will my refund for my order{o} be processed?',
    ],
    followUp: ['Still no refund for my order{o}, what is going on?'],
    agent: [
      'The refund has been issued and should show in 3 to 5 business days.',
      'I have escalated this to our payments team.',
    ],
  },
  {
    subject: 'Item arrived damaged',
    orders: true,
    opening: [
      'The lamp in my order{o} arrived broken.',
      'My order{o} came with a cracked screen, I have photos.',
    ],
    followUp: ['Did you get my photos of the damage to my order{o}?'],
    agent: [
      'I am sorry about that. A replacement is on its way at no cost.',
      'Could you send a photo of the box as well?',
    ],
  },
  {
    subject: 'Wrong size, need an exchange',
    orders: true,
    opening: [
      'The boots from my order{o} are too small, can I swap them for a 42?',
      'I need to exchange the jacket in my order{o} for a medium.',
    ],
    followUp: ['Is the exchange for my order{o} on its way?'],
    agent: ['I have created a free return label for you.', 'The exchange is booked.'],
  },
  {
    subject: 'Charged twice',
    orders: true,
    opening: [
      'I was charged twice for my order{o}.',
      'My card shows two payments for my order{o}, please fix.',
    ],
    followUp: ['The double charge for my order{o} is still on my statement.'],
    agent: [
      'I can see the duplicate payment and have reversed it.',
      'The second charge was a pre-authorisation and will drop off.',
    ],
  },
  {
    subject: 'Cannot log in',
    orders: false,
    opening: [
      'I cannot log in to my account, the reset email never arrives.',
      'My password reset link says it has expired.',
    ],
    followUp: ['Still locked out of my account.'],
    agent: ['I have sent a new reset link.', 'Please try again in a private browser window.'],
  },
  {
    subject: 'Cancel my order',
    orders: true,
    opening: [
      'Please cancel my order{o} before it ships.',
      'I ordered by mistake, please cancel my order{o}.',
    ],
    followUp: ['Was my order{o} cancelled? I got a shipping email.'],
    agent: ['The order is cancelled and you will not be charged.'],
  },
  {
    subject: 'Change delivery address',
    orders: true,
    opening: ['I need to change the delivery address on my order{o}.'],
    followUp: ['Did the new address for my order{o} go through?'],
    agent: ['Done, the parcel will go to the new address.'],
  },
];

/**
 * The text of a conversation: the customer's opening or follow-up about their issue, with the
 * order number written the way people write it, the agent's reply, the bot's greeting and the
 * public-to-private move on social channels, with the times messages were sent.
 */

import type { Random } from '../../core/random.js';
import type { Message, Participant } from '../../model/interaction.js';
import { BUSINESS_HANDLES, supportLine } from './business.js';
import type { Shape } from './channels.js';
import type { Context } from './context.js';
import { pick } from './draws.js';
import type { GeneratedChannel } from './options.js';
import type { Person } from './people.js';
import { HOUR, isoTime, MINUTE } from './time.js';
import { BOT, type Topic } from './topics.js';

/** How an order number is written in a message. */
export function orderMention(random: Random, order: string): string {
  const r = random();
  if (r < 0.55) return order;
  if (r < 0.75) return order.replace('-', '');
  if (r < 0.9) return `#${order}`;
  return order.toLowerCase();
}

/** A line with the order number, if any, put in place of `{o}`. */
function fill(template: string, order: string | undefined): string {
  return template.replace('{o}', order === undefined ? '' : ` ${order}`);
}

/** The messages of one interaction, and when the last one was sent. */
export function buildMessages(
  ctx: Context,
  person: Person,
  channel: GeneratedChannel,
  shape: Shape,
  topic: Topic,
  order: string | undefined,
  agent: Participant,
  usesBot: boolean,
  at: number,
): { readonly messages: Message[]; readonly end: number } {
  const { random } = ctx;
  const first = person.step === 0;
  const opening = fill(pick(random, first ? topic.opening : topic.followUp), order);
  const count = 1 + Math.floor(random() * 3);
  const messages: Message[] = [];
  const step = channel === 'phone' || channel === 'chat' ? MINUTE : 2 * HOUR;
  let t = at;
  const say = (author: Participant, text: string): void => {
    messages.push({
      author: author.role,
      participantId: author.id ?? 'customer',
      text,
      at: isoTime(ctx.clock, t),
    });
    t += Math.floor(step * (0.5 + random()));
  };
  const customer: Participant = { role: 'customer', id: 'customer' };
  const greeting = person.given[0];
  if (usesBot) say(BOT, 'Hi! I am the Northwind assistant. How can I help?');
  if (shape.direction === 'outbound') {
    say(
      agent,
      `Hi ${greeting}, this is ${agent.name ?? 'Northwind'} from Northwind about ${topic.orders ? fill('your order{o}', order) : 'your account'}.`,
    );
    if (count > 1) say(customer, opening);
  } else if (shape.visibility === 'public') {
    // Nobody posts an order number in public; the agent moves the customer to private.
    const business = channel === 'instagram' ? BUSINESS_HANDLES.instagram : BUSINESS_HANDLES.x;
    say(customer, `@${business} ${fill(pick(random, topic.opening), undefined)}`);
    if (count > 1)
      say(agent, 'Sorry to hear that! Please DM us your order number and email so we can help.');
  } else {
    say(customer, opening);
    if (count > 1) {
      const reply = pick(random, topic.agent);
      say(
        agent,
        channel === 'chat' && random() < 0.2
          ? `${reply} You can also call us on ${supportLine(ctx.plan, 1)}.`
          : reply,
      );
    }
  }
  if (count > 2) say(customer, random() < 0.5 ? 'Thanks!' : 'Ok, thank you for your help.');
  return { messages, end: t };
}

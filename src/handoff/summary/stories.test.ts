import { describe, expect, it } from 'vitest';
import { parseInteraction } from '../../model/parse.js';
import { issueLine, issueSection, summarize } from './index.js';

// Two made-up stories, told the way customers and agents actually write.

describe('a late order across email and phone', () => {
  // The phone call is listed first on purpose: the summary reads interactions by start time.
  const call = parseInteraction({
    id: 'call-88',
    channel: 'phone',
    startedAt: '2026-03-05T16:20:00Z',
    messages: [
      { author: 'agent', text: 'Thanks for calling Northwind, this is Sam. How can I help?' },
      {
        author: 'customer',
        text: 'Hi, I emailed on Monday about order A-55123. It still has not arrived and nobody replied.',
      },
      {
        author: 'agent',
        text: 'I am sorry about that. I can see the parcel was lost by the courier.',
      },
      {
        author: 'agent',
        text: 'I have sent a replacement by express delivery, it will arrive on Friday.',
      },
      { author: 'customer', text: 'Okay, thank you.' },
      { author: 'agent', text: 'You are welcome, have a great day!' },
    ],
  });
  const email = parseInteraction({
    id: 'em-41',
    channel: 'email',
    startedAt: '2026-03-02T08:00:00Z',
    subject: 'Where is my order?',
    messages: [
      {
        author: 'customer',
        text: 'Hello,\n\nMy order A-55123 was due last Friday and it has not arrived. The tracking page has not changed for a week. Can you tell me where it is?\n\nThanks,\nAna',
      },
      {
        author: 'system',
        text: 'We have received your email and will reply within 2 working days.',
      },
    ],
  });
  const story = [call, email];

  it('quotes the customer’s first statement of the problem, from the email', () => {
    const line = issueLine(story, { budgetChars: 120 });
    expect(line.text).toBe('My order A-55123 was due last Friday and it has not arrived.');
    expect(line.role).toBe('customer');
    expect(line.citation).toMatchObject({
      interactionId: 'em-41',
      messageIndex: 0,
      author: 'customer',
    });
  });

  it('cuts the line at a word when the budget is tight', () => {
    expect(issueLine(story, { budgetChars: 40 }).text).toBe(
      'My order A-55123 was due last Friday…',
    );
  });

  it('summarises what happened in order: the complaint, then what the agent did', () => {
    const summary = summarize(story, { budgetChars: 300 });
    expect(summary.text.length).toBeLessThanOrEqual(300);
    expect(summary.text.startsWith('Customer: My order A-55123 was due last Friday')).toBe(true);
    expect(summary.text).toContain('I have sent a replacement by express delivery');
    // Pleasantries and the auto-reply are left out.
    expect(summary.text).not.toContain('great day');
    expect(summary.text).not.toContain('within 2 working days');
    const sources: string[] = summary.sentences.map((s) => s.citation.interactionId);
    expect(sources.indexOf('em-41')).toBeLessThan(sources.lastIndexOf('call-88'));
  });

  it('builds the issue section without repeating the issue line', () => {
    const section = issueSection(story, { budgetChars: 360 });
    expect(section.text.startsWith(`Customer: ${section.issue.text}`)).toBe(true);
    expect(section.text.split(section.issue.text).length).toBe(2);
    expect(section.text).toContain('Agent: ');
    expect(section.text.length).toBeLessThanOrEqual(360);
  });
});

describe('a sick cat’s vitamin dose chat', () => {
  const chat = parseInteraction({
    id: 'chat-cat',
    channel: 'chat',
    startedAt: '2026-04-10T19:02:00Z',
    messages: [
      {
        author: 'bot',
        text: 'Hi! I am PetPal, the Whiskers & Co assistant. What can I do for you?',
      },
      {
        author: 'customer',
        text: 'my cat Miso has kidney disease and the vet said to give her vitamin B12. how much of your B12 paste can I give her each day?',
      },
      { author: 'bot', text: 'Let me connect you with one of our pet care advisors.' },
      { author: 'agent', text: 'Hello, I am Priya! Sorry to hear Miso is unwell.' },
      {
        author: 'agent',
        text: 'For a cat of about 4 kg the label dose is half a teaspoon once a day, but please check the dose with your vet because of her kidneys.',
      },
      { author: 'customer', text: 'She weighs 3.6 kg. Is half a teaspoon still ok?' },
      {
        author: 'agent',
        text: 'Yes, half a teaspoon is fine for 3.6 kg. I will email you the dosing chart now.',
      },
      { author: 'customer', text: 'Thanks so much!! 😺' },
    ],
  });

  it('takes the issue line from the customer, not the bot', () => {
    const line = issueLine([chat], { budgetChars: 140 });
    expect(line.role).toBe('customer');
    expect(line.citation).toMatchObject({ interactionId: 'chat-cat', messageIndex: 1 });
    expect(line.text).toContain('vitamin B12');
  });

  it('keeps the dose the agent gave and leaves out the bot and the thanks', () => {
    const summary = summarize([chat], { budgetChars: 280 });
    expect(summary.text).toMatch(/half a teaspoon is fine for 3.6 kg/i);
    expect(summary.sentences.some((s) => s.role === 'customer')).toBe(true);
    expect(summary.sentences.some((s) => s.role === 'agent')).toBe(true);
    expect(summary.sentences.every((s) => s.role !== 'bot')).toBe(true);
    expect(summary.text).not.toContain('Thanks so much');
    expect(summary.text).not.toContain('😺');
  });

  it('can drop the role labels', () => {
    const summary = summarize([chat], { budgetChars: 280, roleLabels: false });
    expect(summary.text).not.toMatch(/^(Customer|Agent):/);
    expect(summary.text).toBe(summary.sentences.map((s) => s.text).join(' '));
  });

  it('still says something useful in twenty characters', () => {
    const tiny = issueSection([chat], { budgetChars: 20 });
    expect(tiny.text.length).toBeLessThanOrEqual(20);
    expect(tiny.issue.role).toBe('customer');
    expect(tiny.text.endsWith('…')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { InteractionInput } from '../model/interaction.js';
import { at, make } from './test-helpers.js';
import { threadJourneys } from './thread.js';

function statusOf(...inputs: InteractionInput[]) {
  return threadJourneys(inputs.map(make), { customerId: 'c' }).journeys.map((j) => j.status);
}

describe('journey status', () => {
  const base = { id: 'i-1', channel: 'chat', startedAt: at(0) } as const;

  it('waits on whoever did not speak last', () => {
    const customer = { author: 'customer', text: 'my parcel is late' } as const;
    const agent = { author: 'agent', text: 'it ships today' } as const;
    const system = { author: 'system', text: 'chat transferred' } as const;
    expect(statusOf({ ...base, messages: [customer] })).toEqual(['waiting_on_business']);
    expect(statusOf({ ...base, messages: [customer, agent, system] })).toEqual([
      'waiting_on_customer',
    ]);
  });

  it('takes resolved and waiting statuses from the last interaction', () => {
    expect(statusOf({ ...base, status: 'resolved' })).toEqual(['resolved']);
    expect(statusOf({ ...base, status: 'closed' })).toEqual(['resolved']);
    expect(
      statusOf({
        ...base,
        status: 'waiting_on_customer',
        messages: [{ author: 'customer', text: 'here is the photo' }],
      }),
    ).toEqual(['waiting_on_customer']);
  });

  it('falls back on the contact itself when nobody spoke', () => {
    expect(statusOf(base)).toEqual(['open']);
    expect(statusOf({ ...base, status: 'abandoned' })).toEqual(['waiting_on_business']);
    expect(statusOf({ ...base, direction: 'outbound' })).toEqual(['waiting_on_customer']);
  });

  it('is no longer resolved once a later contact joins unresolved', () => {
    expect(
      statusOf(
        { ...base, status: 'resolved', references: [{ kind: 'order', value: '12345' }] },
        {
          id: 'i-2',
          channel: 'email',
          direction: 'outbound',
          startedAt: at(60),
          references: [{ kind: 'order', value: '12345' }],
          messages: [{ author: 'agent', text: 'How did we do?' }],
        },
      ),
    ).toEqual(['waiting_on_customer']);
  });
});

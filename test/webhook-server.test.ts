import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnswerResponse,
  type CustomerResponse,
  createWebhookServer,
  type ErrorResponse,
  type EventsResponse,
  type HealthResponse,
  type IngestResponse,
  type JourneysResponse,
  type ResolveResponse,
  type ReviewsResponse,
  sharedSecret,
  type UnmergeResponse,
  type WebhookServerOptions,
} from '../examples/webhook-server.js';
import {
  createMemoryStore,
  createResolver,
  type InteractionInput,
  type ResolverStore,
  ThreadlineError,
} from '../src/index.js';

// The example webhook server, driven over real HTTP on an ephemeral port: the story of one
// customer reaching support on three channels, then the edges every webhook endpoint meets.

const clock = () => new Date('2026-03-10T12:00:00Z');
const verified = { level: 'verified', method: 'channel_native' } as const;

interface Answer<T> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed body, typed as the route documents it (errors by default). */
  readonly json: T;
}

/** The path of an error's first issue. */
const firstPath = (answer: Answer<ErrorResponse>) => answer.json.error.issues?.[0]?.path;

/** Starts a server on port 0 and returns a client for it, and a way to stop it. */
async function serve(options: WebhookServerOptions) {
  const server: Server = createWebhookServer({ now: clock, ...options });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const send = async <T = ErrorResponse>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> => {
    const raw =
      body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${base}${path}`, {
      method,
      headers: raw === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(raw === undefined ? {} : { body: raw }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: JSON.parse(text) };
  };
  const stop = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return { send, stop, base };
}

const email: InteractionInput = {
  id: 'em-100',
  channel: 'email',
  startedAt: '2026-03-02T09:00:00Z',
  subject: 'Order A-55123 has not arrived',
  participants: [{ role: 'customer', name: 'Maya Lindqvist' }],
  identifiers: [{ kind: 'email', value: 'maya.lindqvist@fastmail.com', trust: verified }],
  messages: [
    { author: 'customer', text: 'Hello, my order A-55123 was due Friday and has not arrived.' },
    { author: 'agent', text: 'Sorry Maya, we are asking the courier and will write back.' },
  ],
};

const dm: InteractionInput = {
  id: 'x-200',
  channel: 'x',
  visibility: 'private',
  startedAt: '2026-03-03T18:00:00Z',
  participants: [{ role: 'customer', name: 'Maya L' }],
  identifiers: [
    { kind: 'social', platform: 'x', handle: '@mayalind', trust: verified },
    { kind: 'email', value: 'Maya.Lindqvist@fastmail.com' },
  ],
  messages: [{ author: 'customer', text: 'Still no news about order A-55123, any update?' }],
};

const call: InteractionInput = {
  id: 'call-300',
  channel: 'phone',
  startedAt: '2026-03-04T10:00:00Z',
  endedAt: '2026-03-04T10:08:00Z',
  region: 'US',
  participants: [{ role: 'customer', name: 'Maya Lindqvist' }],
  identifiers: [
    { kind: 'phone', value: '(415) 246-3807', trust: verified },
    { kind: 'email', value: 'maya.lindqvist@fastmail.com' },
  ],
  messages: [{ author: 'customer', text: 'Calling about order A-55123, it still has not come.' }],
};

/** Someone types Maya's address into the chat widget and says nothing else: worth a look. */
const chat = (id: string, startedAt: string): InteractionInput => ({
  id,
  channel: 'chat',
  startedAt,
  identifiers: [{ kind: 'email', value: 'maya.lindqvist@fastmail.com' }],
  messages: [{ author: 'customer', text: 'hi, anyone there?' }],
});

describe('one customer across email, X and phone', () => {
  let client: Awaited<ReturnType<typeof serve>>;
  let maya = '';
  let stranger = '';
  let reviewId = '';
  const head = async () => (await client.send<HealthResponse>('GET', '/healthz')).json.head;
  const customer = (id: string) => client.send<CustomerResponse>('GET', `/customers/${id}`);
  const events = async () =>
    (await client.send<EventsResponse>('GET', '/events?limit=1000')).json.events;

  beforeAll(async () => {
    client = await serve({});
  });
  afterAll(() => client.stop());

  it('starts a customer from the email', async () => {
    const r = await client.send<IngestResponse>('POST', '/interactions', email);
    expect(r.status).toBe(200);
    expect(r.json.decision.outcome).toBe('new');
    expect(r.json.duplicate).toBe(false);
    expect(r.json.reviewId).toBeNull();
    maya = r.json.customerId;
    expect(maya).toMatch(/^cus_/);
  });

  it('links the X DM and the call to her, with the evidence', async () => {
    for (const interaction of [dm, call]) {
      const r = await client.send<IngestResponse>('POST', '/interactions', interaction);
      expect(r.status).toBe(200);
      expect(r.json.decision.outcome).toBe('linked');
      expect(r.json.customerId).toBe(maya);
      expect(r.json.decision.probability).toBeGreaterThan(0.99);
      expect(r.json.decision.evidence?.steps.map((s) => s.name)).toContain('email');
    }
    const r = await customer(maya);
    expect(r.status).toBe(200);
    expect(r.json.moved).toBe(false);
    expect(r.json.customer.interactionIds).toEqual(['em-100', 'x-200', 'call-300']);
    expect(r.headers.get('content-location')).toBe(`/customers/${maya}`);
  });

  it('changes nothing when a webhook is delivered again', async () => {
    const before = await events();
    const again = await client.send<IngestResponse>('POST', '/interactions', {
      ...dm,
      subject: 'edited later',
    });
    expect(again.status).toBe(200);
    expect(again.json.duplicate).toBe(true);
    expect(again.json.customerId).toBe(maya);
    expect(await events()).toEqual(before);
  });

  it('refuses a bad payload with 422 and the path of every problem', async () => {
    const r = await client.send('POST', '/interactions', {
      id: 'sms-9',
      channel: 'sms',
      startedAt: 'yesterday',
      identifiers: [{ kind: 'phone' }],
    });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('invalid_interaction');
    const paths = (r.json.error.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toContain('startedAt');
    expect(paths.some((p) => p.startsWith('identifiers.0'))).toBe(true);
    expect(r.json.error.message).not.toContain('\n');
    const poisoned = await client.send(
      'POST',
      '/interactions',
      '{"id":"em-9","channel":"email","startedAt":"2026-03-05T09:00:00Z","__proto__":{"admin":true}}',
    );
    expect(poisoned.status).toBe(422);
    expect(firstPath(poisoned)).toEqual(['__proto__']);
  });

  it('decides without ingesting on /interactions:resolve', async () => {
    const before = await head();
    const r = await client.send<ResolveResponse>('POST', '/interactions:resolve', {
      id: 'call-301',
      channel: 'phone',
      startedAt: '2026-03-06T10:00:00Z',
      region: 'US',
      identifiers: [{ kind: 'phone', value: '415-246-3807', trust: verified }],
    });
    expect(r.status).toBe(200);
    expect(r.json.decision.outcome).toBe('linked');
    expect(r.json.decision.customerId).toBe(maya);
    expect(await head()).toBe(before);
  });

  it('threads her three contacts into one journey', async () => {
    const r = await client.send<JourneysResponse>('GET', `/customers/${maya}/journeys`);
    expect(r.status).toBe(200);
    expect(r.json.customerId).toBe(maya);
    expect(r.json.missing).toEqual([]);
    expect(r.json.journeys).toHaveLength(1);
    const [first] = r.json.journeys;
    expect(first?.journey.interactionIds).toEqual(['em-100', 'x-200', 'call-300']);
    expect(first?.timeline.hops.map((h) => h.channel)).toEqual(['email', 'x', 'phone']);
  });

  it('asks an agent about a chat that only typed her address', async () => {
    const r = await client.send<IngestResponse>(
      'POST',
      '/interactions',
      chat('chat-400', '2026-03-05T11:00:00Z'),
    );
    expect(r.status).toBe(200);
    expect(r.json.decision.outcome).toBe('review');
    expect(r.json.customerId).not.toBe(maya);
    stranger = r.json.customerId;
    reviewId = r.json.reviewId ?? '';
    const reviews = await client.send<ReviewsResponse>('GET', '/reviews');
    expect(reviews.status).toBe(200);
    expect(reviews.json.reviews.map((v) => v.id)).toEqual([reviewId]);
    const [review] = reviews.json.reviews;
    expect(review?.currentCustomerId).toBe(stranger);
    expect(review?.candidates[0]?.currentCustomerId).toBe(maya);
  });

  it('merges when an agent confirms, and old ids follow the merge', async () => {
    const r = await client.send<AnswerResponse>('POST', `/reviews/${reviewId}/confirm`, {
      agentId: 'agent-7',
    });
    expect(r.status).toBe(200);
    expect(r.json.customerId).toBe(maya);
    expect(r.json.review.status).toBe('confirmed');
    expect((await client.send<ReviewsResponse>('GET', '/reviews')).json.reviews).toEqual([]);
    const moved = await customer(stranger);
    expect(moved.status).toBe(200);
    expect(moved.json.moved).toBe(true);
    expect(moved.json.customer.id).toBe(maya);
    expect(moved.json.lineage).toEqual([stranger, maya]);
    expect(moved.headers.get('content-location')).toBe(`/customers/${maya}`);
    const resolved = (await events()).find((e) => e.type === 'review_resolved');
    expect(resolved?.actor).toEqual({ kind: 'agent', id: 'agent-7' });
    const again = await client.send('POST', `/reviews/${reviewId}/confirm`, { agentId: 'agent-7' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('refused');
  });

  it('lets an agent undo the merge; the old id lives again', async () => {
    const r = await client.send<UnmergeResponse>('POST', `/customers/${maya}/unmerge`, {
      absorbedId: stranger,
      reason: 'the chat was her neighbour, not Maya',
      agentId: 'agent-9',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ customerId: stranger, from: maya });
    const back = await customer(stranger);
    expect(back.json.moved).toBe(false);
    expect(back.json.customer.interactionIds).toEqual(['chat-400']);
    const mine = await customer(maya);
    expect(mine.json.customer.interactionIds).toEqual(['em-100', 'x-200', 'call-300']);
    const split = (await events()).find((e) => e.type === 'customer_split');
    expect(split?.actor).toEqual({ kind: 'agent', id: 'agent-9' });
    expect(split?.reason).toBe('the chat was her neighbour, not Maya');
    const twice = await client.send('POST', `/customers/${maya}/unmerge`, {
      absorbedId: stranger,
      reason: 'again',
      agentId: 'agent-9',
    });
    // The merge is undone: the absorbed customer lives on its own, so there is nothing to undo (409).
    expect(twice.status).toBe(409);
    expect(firstPath(twice)).toEqual(['absorbedId']);
  });

  it('records an agent rejecting a review', async () => {
    const r = await client.send<IngestResponse>(
      'POST',
      '/interactions',
      chat('chat-500', '2026-03-07T11:00:00Z'),
    );
    expect(r.json.decision.outcome).toBe('review');
    const rejected = await client.send<AnswerResponse>(
      'POST',
      `/reviews/${r.json.reviewId}/reject`,
      { agentId: 'agent-7' },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.json.review.status).toBe('rejected');
    expect(rejected.json.customerId).toBeUndefined();
    expect((await customer(maya)).json.customer.interactionIds).not.toContain('chat-500');
  });

  it('validates agent answers and names unknown reviews and customers', async () => {
    const missingAgent = await client.send('POST', `/reviews/${reviewId}/confirm`, {});
    expect(missingAgent.status).toBe(422);
    expect(firstPath(missingAgent)).toEqual(['agentId']);
    const noReview = await client.send('POST', '/reviews/rev_999/reject', { agentId: 'a' });
    expect(noReview.status).toBe(404);
    expect(firstPath(noReview)).toEqual(['reviewId']);
    expect((await customer('cus_unknown')).status).toBe(404);
    expect((await client.send('GET', '/customers/cus_unknown/journeys')).status).toBe(404);
    const badUnmerge = await client.send('POST', `/customers/${maya}/unmerge`, {
      absorbedId: stranger,
      agentId: 'a',
    });
    expect(badUnmerge.status).toBe(422);
    expect(firstPath(badUnmerge)).toEqual(['reason']);
  });

  it('pages through the audit log', async () => {
    const all = await events();
    expect(all.length).toBeGreaterThan(4);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    const seen: unknown[] = [];
    let after = 0;
    for (;;) {
      const page = await client.send<EventsResponse>('GET', `/events?after=${after}&limit=3`);
      expect(page.status).toBe(200);
      expect(page.json.events.length).toBeLessThanOrEqual(3);
      if (page.json.events.length === 0) break;
      seen.push(...page.json.events);
      after = page.json.next;
    }
    expect(seen).toEqual(all);
    const bad = await client.send('GET', '/events?after=-1&limit=many');
    expect(bad.status).toBe(422);
    expect(firstPath(bad)).toEqual(['after']);
  });
});

describe('HTTP edges', () => {
  let client: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    client = await serve({ maxBodyBytes: 4096 });
  });
  afterAll(() => client.stop());

  it('answers 400 to malformed JSON and to an empty body', async () => {
    const broken = await client.send('POST', '/interactions', '{"id": "em-1",');
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('malformed_json');
    const empty = await client.send('POST', '/interactions', '');
    expect(empty.status).toBe(400);
  });

  it('answers 413 to a body over the limit, whether or not its length is declared', async () => {
    const big = JSON.stringify({ ...email, subject: 'x'.repeat(8000) });
    const declared = await client.send('POST', '/interactions', big);
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe('body_too_large');
    const bytes = new TextEncoder().encode(big);
    const streamed = await fetch(`${client.base}/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const r = await client.send('POST', '/interactions', 'id=em-1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(415);
  });

  it('answers 405 with Allow to a wrong method, and 404 to an unknown route', async () => {
    const wrong = await client.send('DELETE', '/interactions');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    const get = await client.send('GET', '/reviews/rev_1/confirm');
    expect(get.status).toBe(405);
    const unknown = await client.send('GET', '/contacts');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('no_route');
    const badPath = await client.send('GET', '/customers/%E0%A4%A');
    expect(badPath.status).toBe(400);
  });

  it('keeps a bounded number of interactions and says which it no longer has', async () => {
    const small = await serve({ maxInteractions: 2 });
    try {
      let customer = '';
      for (const interaction of [email, dm, call])
        customer = (await small.send<IngestResponse>('POST', '/interactions', interaction)).json
          .customerId;
      const r = await small.send<JourneysResponse>('GET', `/customers/${customer}/journeys`);
      expect(r.json.missing).toEqual(['em-100']);
      expect(r.json.journeys[0]?.journey.interactionIds).toEqual(['x-200', 'call-300']);
    } finally {
      await small.stop();
    }
  });

  it('rejects requests that fail verification with 401', async () => {
    const guarded = await serve({ verify: sharedSecret('X-Webhook-Secret', 's3cret') });
    try {
      expect((await guarded.send('POST', '/interactions', email)).status).toBe(401);
      const wrong = await guarded.send('POST', '/interactions', email, {
        'x-webhook-secret': 's3creT',
      });
      expect(wrong.status).toBe(401);
      const signed = await guarded.send('POST', '/interactions', email, {
        'x-webhook-secret': 's3cret',
      });
      expect(signed.status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });
});

describe('store failures', () => {
  /** A store that delegates to memory but lets a test break one method. */
  function brokenStore(patch: Partial<ResolverStore>): ResolverStore {
    return { ...createMemoryStore(), ...patch };
  }

  it('answers 503 with Retry-After when another writer keeps winning', async () => {
    const store = brokenStore({
      async commit() {
        throw new ThreadlineError('store_conflict', 'The store changed', [
          { code: 'store_conflict', path: ['expectedHead'], message: 'someone else wrote first' },
        ]);
      },
    });
    const client = await serve({
      resolver: createResolver({ store, now: clock, retries: 1 }),
    });
    try {
      const r = await client.send('POST', '/interactions', email);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.json.error.code).toBe('store_conflict');
    } finally {
      await client.stop();
    }
  });

  it('answers a generic 500 to an unexpected failure and never leaks the stack', async () => {
    const failures: unknown[] = [];
    const store = brokenStore({
      async head() {
        throw new Error('connection to db-7.internal:5432 refused');
      },
    });
    const server = await serve({
      resolver: createResolver({ store, now: clock }),
      onError: (error) => failures.push(error),
    });
    try {
      const r = await server.send('POST', '/interactions', email);
      expect(r.status).toBe(500);
      expect(r.json).toEqual({ error: { code: 'internal', message: 'Internal error' } });
      expect(JSON.stringify(r.json)).not.toContain('db-7');
      expect(failures).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});

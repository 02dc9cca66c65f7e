// A webhook backend that resolves every incoming contact to a customer before an agent sees it.
// Only node:http, no framework: the parts that matter (body limits, error mapping, idempotent
// redelivery) are visible in one file. Run it with `npx tsx examples/webhook-server.ts`.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  type Customer,
  type CustomerId,
  createResolver,
  type Decision,
  type Interaction,
  type Issue,
  type Journey,
  type JourneyTimeline,
  journeyTimeline,
  parseInteraction,
  type Resolver,
  type ResolverEvent,
  type ResolverOptions,
  type Review,
  ThreadlineError,
  threadJourneys,
} from '../src/index.js';

/** Decides whether a request really comes from the webhook's sender. */
export type VerifyRequest = (
  request: IncomingMessage,
  rawBody: Buffer,
) => boolean | Promise<boolean>;

/** Options of {@link createWebhookServer}; everything has a default. */
export interface WebhookServerOptions {
  /** The resolver to serve; by default one is made from `resolverOptions` and `now`. */
  readonly resolver?: Resolver;
  /** Options for the resolver made when `resolver` is not given (in-memory store by default). */
  readonly resolverOptions?: ResolverOptions;
  /** The clock for resolver events and journey timelines; inject a fixed one in tests. */
  readonly now?: () => Date;
  /** The largest request body accepted, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** How many interactions are kept in memory for journey threading (default 10,000). */
  readonly maxInteractions?: number;
  /**
   * Checks that a request comes from the webhook's sender (a signature header over the raw
   * body, usually). Return false to answer 401. By default every request is accepted.
   */
  readonly verify?: VerifyRequest;
  /** Where unexpected errors go; the client only ever sees a generic 500. */
  readonly onError?: (error: unknown, request: { method: string; url: string }) => void;
}

// What each route answers, for clients written in TypeScript. Numbers that are not finite
// become null on the wire (a redelivery's decision has an infinite weight).

/** `POST /interactions`: where the interaction landed. */
export interface IngestResponse {
  readonly decision: Decision;
  readonly customerId: CustomerId;
  /** The review an agent should answer, when the resolver was not sure. */
  readonly reviewId: string | null;
  /** True when this interaction id was ingested before: nothing changed. */
  readonly duplicate: boolean;
}

/** `POST /interactions:resolve`: the decision, with nothing changed. */
export interface ResolveResponse {
  readonly decision: Decision;
}

/** `GET /customers/:id`: the live customer the id leads to. */
export interface CustomerResponse {
  readonly customer: Customer;
  /** The id in the request. */
  readonly requestedId: string;
  /** True when the id was merged into another customer (see `customer.id`). */
  readonly moved: boolean;
  /** The ids from the requested one to the current one. */
  readonly lineage: readonly CustomerId[];
}

/** `GET /customers/:id/journeys`: the customer's issues, with a timeline each. */
export interface JourneysResponse {
  readonly customerId: CustomerId;
  readonly journeys: readonly { readonly journey: Journey; readonly timeline: JourneyTimeline }[];
  /** Interactions the customer holds that this server did not keep. */
  readonly missing: readonly string[];
}

/** A review as the agent UI needs it: with the customers as they are now. */
export interface ReviewView extends Omit<Review, 'candidates'> {
  /** Where the review's customer is now (null if it no longer exists). */
  readonly currentCustomerId: CustomerId | null;
  readonly candidates: readonly (Review['candidates'][number] & {
    readonly currentCustomerId: CustomerId | null;
  })[];
}

/** `GET /reviews`: open reviews, oldest first. */
export interface ReviewsResponse {
  readonly reviews: readonly ReviewView[];
}

/** `POST /reviews/:id/confirm` and `/reject`: the review after the answer. */
export interface AnswerResponse {
  readonly review: Review;
  /** After a confirmation: the customer both are now. */
  readonly customerId?: CustomerId;
}

/** `POST /customers/:id/unmerge`: the customer revived, and the one it left. */
export interface UnmergeResponse {
  readonly customerId: CustomerId;
  readonly from: CustomerId;
}

/** `GET /events`: one page of the audit log. */
export interface EventsResponse {
  readonly events: readonly ResolverEvent[];
  /** Pass it as `after` to get the next page. */
  readonly next: number;
}

/** `GET /healthz`: the process answers, and how far the store's log goes. */
export interface HealthResponse {
  readonly ok: true;
  readonly head: number;
}

/** Every error. */
export interface ErrorResponse {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** What was wrong, each with its path in the body or the query. */
    readonly issues?: readonly Issue[];
  };
}

const MiB = 1024 * 1024;

/** An error the HTTP layer raises itself (as opposed to the resolver's `ThreadlineError`). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Context {
  /** The decoded path parameters, in order. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** The parsed JSON body (read lazily so GET routes never wait for one). */
  readonly body: () => Promise<unknown>;
}

interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly handle: (context: Context) => Promise<Reply>;
}

/** Where each error ends up: the one place that turns library error codes into statuses. */
function errorReply(error: unknown): Reply | undefined {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message } } satisfies ErrorResponse,
      headers: error.headers,
    };
  if (!(error instanceof ThreadlineError)) return undefined;
  // The error's message repeats the issues on later lines; clients get them structured instead.
  const message = error.message.split('\n', 1)[0] ?? error.code;
  const body: ErrorResponse = { error: { code: error.code, message, issues: error.issues } };
  switch (error.code) {
    case 'not_found':
      return { status: 404, body };
    case 'refused':
      return { status: 409, body };
    case 'store_conflict':
    case 'store_failure':
      // Other writers kept winning (the resolver already retried) or the database is down:
      // the sender should deliver again shortly, which is safe because ingestion is idempotent.
      return { status: 503, body, headers: { 'retry-after': '1' } };
    case 'invalid_options':
    case 'invalid_model':
    case 'model_not_trained':
      // The server's own configuration is wrong; nothing the client sent can fix it.
      return undefined;
    default:
      return error.code.startsWith('invalid_') ? { status: 422, body } : undefined;
  }
}

/** Zod's issues in the library's shape, so every 422 looks the same to a client. */
function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new ThreadlineError('invalid_input', 'Invalid request body', issuesOf(parsed.error));
  return parsed.data;
}

const AgentAnswerSchema = z.strictObject({
  /** The candidate customer answered about; all of them when omitted (reject only). */
  candidateId: z.string().min(1).max(256).optional(),
  agentId: z.string().min(1).max(256),
  reason: z.string().min(1).max(2000).optional(),
});

const UnmergeSchema = z.strictObject({
  absorbedId: z.string().min(1).max(256),
  reason: z.string().min(1).max(2000),
  agentId: z.string().min(1).max(256),
  /** Whether the two must never be merged again (default true). */
  keepApart: z.boolean().optional(),
});

/** A non-negative whole number from the query string, or the default when absent. */
function queryInt(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > max)
    throw new ThreadlineError('invalid_input', 'Invalid query string', [
      {
        code: 'invalid_query',
        path: [name],
        message: `expected a whole number from 0 to ${max}`,
      },
    ]);
  return value;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Reads the body up to `limit` bytes; stops reading as soon as it is known to be too large. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'body_too_large', `The body exceeds ${limit} bytes`);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

function parseJson(raw: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new HttpError(400, 'malformed_body', 'The body is not valid UTF-8');
  }
  if (text.trim() === '') throw new HttpError(400, 'malformed_json', 'The body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'malformed_json', 'The body is not valid JSON');
  }
}

/**
 * The interactions received, newest kept, so journeys can be threaded from them. A real backend
 * keeps interactions in its own database; the resolver stores only what matching needs.
 */
function interactionArchive(max: number) {
  const kept = new Map<string, Interaction>();
  return {
    get: (id: string) => kept.get(id),
    /** Keeps the first delivery of an id: a redelivery with other content changes nothing. */
    remember(interaction: Interaction) {
      if (kept.has(interaction.id)) return;
      kept.set(interaction.id, interaction);
      // Maps iterate in insertion order, so the first key is the oldest.
      if (kept.size > max) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
    },
  };
}

const segment = '([^/]+)';

/**
 * Creates the webhook server (not listening: call `listen` on it). Every route takes and returns
 * JSON; errors are `{ error: { code, message, issues? } }`.
 */
export function createWebhookServer(options: WebhookServerOptions = {}): Server {
  const now = options.now ?? (() => new Date());
  const resolver = options.resolver ?? createResolver({ now, ...(options.resolverOptions ?? {}) });
  const maxBodyBytes = options.maxBodyBytes ?? MiB;
  const archive = interactionArchive(options.maxInteractions ?? 10_000);
  const onError =
    options.onError ??
    ((error: unknown, request: { method: string; url: string }) =>
      console.error(`${request.method} ${request.url} failed`, error));
  const agent = (id: string) => ({ kind: 'agent', id }) as const;
  const withReason = (reason: string | undefined) => (reason === undefined ? {} : { reason });

  /** The live customer an id leads to, following merges; 404 when the id was never seen. */
  const live = async (id: string) => {
    const lineage = await resolver.lineage(id);
    if (lineage.current === undefined)
      throw new ThreadlineError('not_found', `No customer "${id}"`, [
        { code: 'not_found', path: ['customerId'], message: `no customer has id "${id}"` },
      ]);
    return { current: lineage.current, path: lineage.path };
  };

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/interactions$/,
      async handle({ body }) {
        // Validate here rather than inside ingest, to keep the parsed value for journeys.
        const interaction = parseInteraction(await body());
        const result = await resolver.ingest(interaction);
        archive.remember(interaction);
        return {
          status: 200,
          body: {
            decision: result.decision,
            customerId: result.customerId,
            reviewId: result.reviewId ?? null,
            duplicate: result.decision.duplicate,
          } satisfies IngestResponse,
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/interactions:resolve$/,
      async handle({ body }) {
        const decision = await resolver.resolve(parseInteraction(await body()));
        return { status: 200, body: { decision } satisfies ResolveResponse };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/customers/${segment}$`),
      async handle({ params: [id = ''] }) {
        const { current, path } = await live(id);
        const customer = await resolver.customer(current);
        if (customer === undefined) throw new HttpError(404, 'not_found', `No customer "${id}"`);
        return {
          status: 200,
          body: {
            customer,
            requestedId: id,
            moved: current !== id,
            lineage: path,
          } satisfies CustomerResponse,
          headers: { 'content-location': `/customers/${encodeURIComponent(current)}` },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/customers/${segment}/journeys$`),
      async handle({ params: [id = ''] }) {
        const { current } = await live(id);
        const record = await resolver.record(current);
        const held = record?.interactions.map((i) => i.id as string) ?? [];
        const found: Interaction[] = [];
        const missing: string[] = [];
        for (const interactionId of held) {
          const interaction = archive.get(interactionId);
          if (interaction === undefined) missing.push(interactionId);
          else found.push(interaction);
        }
        const { journeys } = threadJourneys(found, { customerId: current });
        const at = now().getTime();
        return {
          status: 200,
          body: {
            customerId: current,
            journeys: journeys.map((journey) => ({
              journey,
              timeline: journeyTimeline(journey, found, { now: at }),
            })),
            // Interactions the customer holds that this process no longer (or never) kept.
            missing,
          } satisfies JourneysResponse,
        };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/customers/${segment}/unmerge$`),
      async handle({ params: [id = ''], body }) {
        const input = parseWith(UnmergeSchema, await body());
        const { current } = await live(id);
        const revived = await resolver.unmerge(current, input.absorbedId, {
          actor: agent(input.agentId),
          reason: input.reason,
          ...(input.keepApart === undefined ? {} : { keepApart: input.keepApart }),
        });
        return {
          status: 200,
          body: { customerId: revived, from: current } satisfies UnmergeResponse,
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/reviews$/,
      async handle({ query }) {
        const reviews = await resolver.reviews(queryInt(query, 'limit', 100, 1000));
        // Reviews name customers as they were when raised; an agent UI wants them as they are.
        const currentOf = async (customerId: string) =>
          (await resolver.lineage(customerId)).current ?? null;
        const shown: ReviewView[] = await Promise.all(
          reviews.map(async (review) => ({
            ...review,
            currentCustomerId: await currentOf(review.customerId),
            candidates: await Promise.all(
              review.candidates.map(async (c) => ({
                ...c,
                currentCustomerId: await currentOf(c.customerId),
              })),
            ),
          })),
        );
        return { status: 200, body: { reviews: shown } satisfies ReviewsResponse };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/reviews/${segment}/(confirm|reject)$`),
      async handle({ params: [reviewId = '', action], body }) {
        const input = parseWith(AgentAnswerSchema, await body());
        const change = { actor: agent(input.agentId), ...withReason(input.reason) };
        if (action === 'reject') await resolver.reject(reviewId, input.candidateId, change);
        // A confirmation merges: the survivor is the id the agent UI should show from now on.
        const merged =
          action === 'confirm'
            ? { customerId: await resolver.confirm(reviewId, input.candidateId, change) }
            : {};
        // The resolver has no single-review getter; the store has.
        const [review] = await resolver.store.getReviews([reviewId]);
        if (review === undefined) throw new HttpError(404, 'not_found', `No review "${reviewId}"`);
        return { status: 200, body: { review, ...merged } satisfies AnswerResponse };
      },
    },
    {
      method: 'GET',
      pattern: /^\/events$/,
      async handle({ query }) {
        const after = queryInt(query, 'after', 0, Number.MAX_SAFE_INTEGER);
        const limit = queryInt(query, 'limit', 100, 1000);
        const events = await resolver.events(after, limit);
        // `next` is the `after` of the following page: a consumer stores it as its cursor.
        return {
          status: 200,
          body: { events, next: events.at(-1)?.seq ?? after } satisfies EventsResponse,
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      async handle() {
        const head = await resolver.store.head();
        return { status: 200, body: { ok: true, head } satisfies HealthResponse };
      },
    },
  ];

  async function dispatch(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const matching = routes.flatMap((route) => {
      const match = route.pattern.exec(url.pathname);
      return match === null ? [] : [{ route, match }];
    });
    if (matching.length === 0) throw new HttpError(404, 'no_route', 'No such route');
    const hit = matching.find(({ route }) => route.method === request.method);
    if (hit === undefined) {
      const allow = [...new Set(matching.map(({ route }) => route.method))].join(', ');
      throw new HttpError(405, 'method_not_allowed', `Use ${allow}`, { allow });
    }
    let params: string[];
    try {
      params = hit.match.slice(1).map((p) => decodeURIComponent(p));
    } catch {
      throw new HttpError(400, 'malformed_path', 'The path is not valid percent-encoding');
    }
    let raw: Promise<Buffer> | undefined;
    const rawBody = () => {
      raw ??= readBody(request, maxBodyBytes);
      return raw;
    };
    if (options.verify !== undefined && !(await options.verify(request, await rawBody())))
      throw new HttpError(401, 'unauthorized', 'The request is not signed by a known sender');
    const body = async () => {
      const type = request.headers['content-type'];
      if (type !== undefined && !JSON_TYPE.test(type))
        throw new HttpError(415, 'unsupported_media_type', 'Send application/json');
      return parseJson(await rawBody());
    };
    return hit.route.handle({ params, query: url.searchParams, body });
  }

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await dispatch(request);
    } catch (error) {
      const known = errorReply(error);
      if (known === undefined) {
        onError(error, { method: request.method ?? '', url: request.url ?? '' });
        const body: ErrorResponse = { error: { code: 'internal', message: 'Internal error' } };
        reply = { status: 500, body };
      } else reply = known;
    }
    const payload = JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // A request whose body was left unread cannot be followed by another on this connection.
      ...(request.complete ? {} : { connection: 'close' }),
      ...reply.headers,
    });
    response.end(payload);
  }

  return createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (request, response) => {
    // Only writing the answer can fail here (the client went away): log it, drop the socket.
    respond(request, response).catch((error: unknown) => {
      onError(error, { method: request.method ?? '', url: request.url ?? '' });
      response.destroy();
    });
  });
}

/**
 * A `verify` option for {@link createWebhookServer} that accepts a request carrying a shared
 * secret in a header, compared in constant time. Real providers sign the body with an HMAC;
 * check theirs the same way.
 */
export function sharedSecret(header: string, secret: string): VerifyRequest {
  const expected = Buffer.from(secret);
  return (request) => {
    const given = request.headers[header.toLowerCase()];
    if (typeof given !== 'string') return false;
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const port = Number(process.env.PORT ?? 8787);
  const secret = process.env.WEBHOOK_SECRET;
  const server = createWebhookServer(
    secret === undefined ? {} : { verify: sharedSecret('x-webhook-secret', secret) },
  );
  server.listen(port, () => console.log(`threadline webhook server on http://localhost:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

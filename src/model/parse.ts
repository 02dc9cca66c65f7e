import type { z } from 'zod';
import { ThreadlineError, type ThreadlineErrorCode } from '../core/errors.js';
import { err, type Issue, ok, type Result } from '../core/result.js';
import { type Customer, CustomerSchema } from './customer.js';
import { type Interaction, InteractionSchema } from './interaction.js';
import { type Journey, JourneySchema } from './journey.js';

/** Turns zod's issues into the library's path-addressed issues. */
export function toIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
  }));
}

/**
 * Finds own `__proto__` keys anywhere in the input. zod strips them silently while copying;
 * reporting them instead keeps the promise that nothing sent is lost without a word, and tells
 * the sender that its payload carries a prototype-pollution attempt.
 */
function protoIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, path: (string | number)[], depth: number): void => {
    if (value === null || typeof value !== 'object' || depth > 64 || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, [...path, index], depth + 1);
      });
      return;
    }
    if (Object.hasOwn(value, '__proto__')) {
      issues.push({
        code: 'forbidden_key',
        path: [...path, '__proto__'],
        message: 'the key "__proto__" is not allowed: it could reach the object prototype',
      });
    }
    for (const key of Object.keys(value)) {
      if (key !== '__proto__')
        walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  walk(input, [], 0);
  return issues;
}

function safeParseWith<T>(schema: z.ZodType<T>, input: unknown): Result<T> {
  const result = schema.safeParse(input);
  const forbidden = protoIssues(input);
  if (result.success) return forbidden.length === 0 ? ok(result.data) : err(forbidden);
  return err([...forbidden, ...toIssues(result.error)]);
}

function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  code: ThreadlineErrorCode,
  what: string,
): T {
  const result = safeParseWith(schema, input);
  if (result.ok) return result.value;
  throw new ThreadlineError(code, `Invalid ${what}`, result.issues);
}

/**
 * Validates an unknown value (a webhook body, a JSON line) as an {@link Interaction}, filling
 * defaults. Never throws: returns the interaction, or every problem found with its path.
 *
 * @example
 * ```ts
 * import { safeParseInteraction } from 'threadline';
 *
 * const r = safeParseInteraction({ id: 'em-1', channel: 'email', startedAt: 'noon' });
 * if (!r.ok) console.log(r.issues.map((i) => i.path.join('.'))); // [ 'startedAt' ]
 * ```
 */
export function safeParseInteraction(input: unknown): Result<Interaction> {
  return safeParseWith(InteractionSchema, input);
}

/**
 * Validates an unknown value as an {@link Interaction}, filling defaults.
 *
 * @throws {@link ThreadlineError} with code `invalid_interaction` and path-addressed issues.
 * @example
 * ```ts
 * import { parseInteraction } from 'threadline';
 *
 * const chat = parseInteraction({ id: 'chat-1', channel: 'chat', startedAt: '2026-03-01T09:00:00Z' });
 * console.log(chat.messages.length); // 0
 * ```
 */
export function parseInteraction(input: unknown): Interaction {
  return parseWith(InteractionSchema, input, 'invalid_interaction', 'interaction');
}

/**
 * Validates an unknown value as a {@link Journey}. Never throws.
 *
 * @example
 * ```ts
 * import { safeParseJourney } from 'threadline';
 *
 * console.log(safeParseJourney({}).ok); // false
 * ```
 */
export function safeParseJourney(input: unknown): Result<Journey> {
  return safeParseWith(JourneySchema, input);
}

/**
 * Validates an unknown value as a {@link Journey}.
 *
 * @throws {@link ThreadlineError} with code `invalid_journey` and path-addressed issues.
 * @example
 * ```ts
 * import { parseJourney } from 'threadline';
 *
 * const j = parseJourney({
 *   id: 'j1', customerId: 'c1', status: 'open', interactionIds: ['i1'], channels: ['sms'],
 *   openedAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
 * });
 * console.log(j.status);
 * ```
 */
export function parseJourney(input: unknown): Journey {
  return parseWith(JourneySchema, input, 'invalid_journey', 'journey');
}

/**
 * Validates an unknown value as a {@link Customer}. Never throws.
 *
 * @example
 * ```ts
 * import { safeParseCustomer } from 'threadline';
 *
 * console.log(safeParseCustomer({ id: 'c1' }).ok); // false
 * ```
 */
export function safeParseCustomer(input: unknown): Result<Customer> {
  return safeParseWith(CustomerSchema, input);
}

/**
 * Validates an unknown value as a {@link Customer}.
 *
 * @throws {@link ThreadlineError} with code `invalid_customer` and path-addressed issues.
 * @example
 * ```ts
 * import { parseCustomer } from 'threadline';
 *
 * const c = parseCustomer({
 *   id: 'c1', identifiers: [], interactionIds: [],
 *   createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
 * });
 * console.log(c.id);
 * ```
 */
export function parseCustomer(input: unknown): Customer {
  return parseWith(CustomerSchema, input, 'invalid_customer', 'customer');
}

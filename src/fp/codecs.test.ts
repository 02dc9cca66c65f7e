import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { err, type Issue, ok, type Result } from '../core/result.js';
import { ChannelSchema, KNOWN_CHANNELS } from '../model/channel.js';
import { CustomerIdentifierSchema } from '../model/customer.js';
import {
  AccountIdentifierSchema,
  DeviceIdentifierSchema,
  EmailIdentifierSchema,
  IdentifierSchema,
  ObservedIdentifierSchema,
  PhoneIdentifierSchema,
  ScopedIdIdentifierSchema,
  SocialIdentifierSchema,
  TrustSchema,
} from '../model/identifier.js';
import { CustomerIdSchema, InteractionIdSchema, JourneyIdSchema } from '../model/ids.js';
import {
  AttachmentSchema,
  AttributesSchema,
  MessageSchema,
  ParticipantSchema,
  ThreadKeysSchema,
} from '../model/interaction.js';
import { safeParseCustomer, safeParseInteraction, safeParseJourney } from '../model/parse.js';
import { ReferenceSchema } from '../model/reference.js';
import { TimestampSchema } from '../model/time.js';
import {
  customerArbitrary,
  identifierArbitrary,
  interactionArbitrary,
  journeyArbitrary,
  observedIdentifierArbitrary,
  timestampArbitrary,
} from '../testing/arbitraries.js';
import {
  AccountIdentifierCodec,
  AttachmentCodec,
  AttributesCodec,
  ChannelCodec,
  CustomerCodec,
  CustomerIdCodec,
  CustomerIdentifierCodec,
  DeviceIdentifierCodec,
  EmailIdentifierCodec,
  IdentifierCodec,
  InteractionCodec,
  InteractionIdCodec,
  JourneyCodec,
  JourneyIdCodec,
  MessageCodec,
  ObservedIdentifierCodec,
  ParticipantCodec,
  PhoneIdentifierCodec,
  ReferenceCodec,
  ScopedIdIdentifierCodec,
  SocialIdentifierCodec,
  ThreadKeysCodec,
  TimestampCodec,
  TrustCodec,
  toIssues,
} from './index.js';

// The io-ts codecs must agree with the zod schemas as the library applies them (`safeParseX`:
// the schema, plus the refusal of own `__proto__` keys anywhere): the same inputs accepted and
// refused, deep-equal decoded values, the same JSON after encoding, and issues at the same
// paths with the same codes.

type Path = readonly (string | number)[];

/** True when an own `__proto__` key appears anywhere in the value. */
function hasOwnProto(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) return true;
  return Object.values(value).some((v) => hasOwnProto(v, depth + 1));
}

/** The library's reading of a zod schema: its result, and `__proto__` keys refused. */
function zodOracle<S extends z.ZodType>(schema: S): (input: unknown) => Result<z.output<S>> {
  return (input) => {
    const result = schema.safeParse(input);
    const proto: Issue[] = hasOwnProto(input)
      ? [{ code: 'forbidden_key', path: [], message: '__proto__' }]
      : [];
    if (result.success) return proto.length === 0 ? ok(result.data) : err(proto);
    return err([
      ...proto,
      ...result.error.issues.map((issue) => ({
        code: issue.code,
        path: issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s)),
        message: issue.message,
      })),
    ]);
  };
}

/** Issues as a sorted set of `[path, code]`, for comparing where and what, not wording. */
function where(issues: readonly Issue[]): string[] {
  return [...new Set(issues.map((i) => JSON.stringify([i.path, i.code])))].sort();
}

interface Pair {
  readonly name: string;
  readonly codec: t.Mixed;
  readonly oracle: (input: unknown) => Result<unknown>;
  readonly valid: fc.Arbitrary<unknown>;
}

/** Checks one input: both accept with the same value, or both refuse at the same places. */
function agree(pair: Pair, input: unknown): void {
  const expected = pair.oracle(input);
  const actual = pair.codec.decode(input);
  expect(E.isRight(actual)).toBe(expected.ok);
  if (expected.ok && E.isRight(actual)) {
    expect(actual.right).toStrictEqual(expected.value);
    const encoded = pair.codec.encode(actual.right);
    expect(JSON.stringify(encoded)).toBe(JSON.stringify(expected.value));
    expect(pair.codec.is(actual.right)).toBe(true);
    const again = pair.codec.decode(encoded);
    expect(E.isRight(again) && again.right).toStrictEqual(actual.right);
  }
  if (!expected.ok && E.isLeft(actual)) {
    const issues = toIssues(actual.left);
    expect(issues.length).toBeGreaterThan(0);
    // Below a refused `__proto__` zod and the codecs may report different extra detail.
    if (!hasOwnProto(input)) expect(where(issues)).toEqual(where(expected.issues));
  }
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Only plain objects, arrays and primitives, all the way down. */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.values(value).every(isPlain);
}

// Mutations ---------------------------------------------------------------------------------

function nodes(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nodes(v, [...path, i], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  }
  return out;
}

function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) node = (node as Record<string | number, unknown>)[segment];
  return node;
}

type Mutation = (root: unknown, path: Path) => unknown;

/** A copy, so that one generated object never lands in two places (or inside itself). */
const fresh = (value: unknown): unknown =>
  value !== null && typeof value === 'object' ? structuredClone(value) : value;

function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
  return root;
}

const sizes = [0, 1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129, 199, 200, 201, 255, 256, 257];
const bigSizes = [511, 512, 513, 997, 998, 999, 1000, 1001, 1023, 1024, 1025, 1999, 2000, 2001];
const hugeSizes = [2047, 2048, 2049, 4095, 4096, 4097];

/** Values that are wrong, or right, in many places of the model. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 1 }),
  fc
    .tuple(fc.constantFrom(...sizes, ...bigSizes, ...hugeSizes), fc.constantFrom('x', 'a b', 'é'))
    .map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)),
  timestampArbitrary(),
  fc.constantFrom(
    '2026-03-01T09:00:00Z',
    '2026-03-01T09:00:00+01:00',
    '2026-03-01T09:00:00.123456Z',
    '2026-03-01T09:00:00',
    '2026-03-01 09:00:00Z',
    '2026-02-30T09:00:00Z',
    '2024-02-29T23:59:59-12:00',
    '2026-03-01T24:00:00Z',
  ),
  fc.constantFrom(
    ...KNOWN_CHANNELS,
    'custom:line',
    'custom:',
    'custom:A',
    `custom:${'a'.repeat(32)}`,
    `custom:${'a'.repeat(31)}`,
    'verified',
    'claimed',
    'login',
    'inbound',
    'outbound',
    'public',
    'private',
    'open',
    'resolved',
    'reopened',
    'order',
    'provided',
    'extracted',
    'customer',
    'agent',
    'cookie',
    'device',
    'US',
    'GB',
    'us',
    'discord',
    'My Net',
    'constructor',
    'prototype',
    '__proto__',
    '',
    ' ',
    'm1',
    'p1',
  ),
  fc.constantFrom(
    -1,
    0,
    1,
    0.5,
    1.5,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    -(2 ** 53),
  ),
  fc.constantFrom(null, undefined, [], {}, new Date(0)),
  fc.array(fc.record({ name: fc.constantFrom('a.pdf', ''), bytes: fc.constantFrom(0, 7, -1) })),
  fc.constantFrom(
    { level: 'claimed' },
    { level: 'verified', method: 'otp' },
    { level: 'verified' },
  ),
);

const fieldNames = [
  'id',
  'participantId',
  'at',
  'attachments',
  'endedAt',
  'startedAt',
  'visibility',
  'direction',
  'region',
  'subject',
  'thread',
  'attributes',
  'status',
  'outcome',
  'topic',
  'resolvedAt',
  'seenAt',
  'source',
  'trust',
  'contentType',
  'bytes',
  'ref',
  'team',
  'name',
  'text',
  'kind',
  'value',
  'origin',
  'level',
  'method',
  'platform',
  'handle',
  'messageId',
  'inReplyTo',
  'names',
  'confidence',
  'key',
  'constructor',
  'prototype',
  'zz',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  junk.map(
    (value): Mutation =>
      (root, path) =>
        replaceAt(root, path, fresh(value)),
  ),
  fc.constant<Mutation>((root, path) => {
    if (path.length === 0) return root;
    const parent = at(root, path.slice(0, -1));
    const last = path[path.length - 1] as string | number;
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete (parent as Record<string, unknown>)[last];
    return root;
  }),
  fc.tuple(fc.oneof(fc.constantFrom(...fieldNames), fc.string()), junk).map(
    ([key, value]): Mutation =>
      (root, path) => {
        const node = at(root, path);
        if (isObject(node)) node[key] = fresh(value);
        return root;
      },
  ),
  junk.map(
    (value): Mutation =>
      (root, path) => {
        const node = at(root, path);
        if (isObject(node)) {
          // What JSON.parse makes of `"__proto__": …`: an own key, not a prototype change.
          Object.defineProperty(node, '__proto__', {
            value: fresh(value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return root;
      },
  ),
  fc.constantFrom(1, 2, 100, 101, 200, 201, 500, 501).map(
    (n): Mutation =>
      (root, path) => {
        const node = at(root, path);
        if (Array.isArray(node) && node.length > 0) {
          while (node.length < n) node.push(structuredClone(node[0]));
        }
        return root;
      },
  ),
  fc.constant<Mutation>((root, path) => {
    const node = at(root, path);
    if (Array.isArray(node)) node.length = 0;
    return root;
  }),
);

/** The length limits of the model's strings and lists (20 000 and 100 000 are tested apart). */
const stringLimits = [0, 1, 64, 128, 200, 256, 512, 998, 1000, 1024, 2000, 2048, 4096];
const listLimits = [0, 1, 100, 200, 500, 1000];

/** Numbers at the edges of the model's ranges (non-negative, integer, safe, within [0, 1]). */
const edgeNumbers = [
  -1,
  -0,
  0,
  0.5,
  1,
  1.5,
  2 ** 53 - 1,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

/**
 * Strings and lists at and just past each limit (strings in one- and two-unit characters),
 * and numbers at the edges of each range.
 */
function atLimits(node: unknown): unknown[] {
  if (typeof node === 'number') return edgeNumbers;
  if (typeof node === 'string') {
    return stringLimits.flatMap((n) => [n, n + 1]).flatMap((n) => ['x'.repeat(n), '😀'.repeat(n)]);
  }
  if (Array.isArray(node) && node.length > 0) {
    return listLimits
      .flatMap((n) => [n, n + 1])
      .map((n) => Array.from({ length: n }, (_, i) => structuredClone(node[i % node.length])));
  }
  return [];
}

/** Valid values with one to three mutations at random places. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }))
    .map(([value, steps]) =>
      steps.reduce((root, [pick, mutate]) => {
        const paths = nodes(root);
        return mutate(root, paths[pick % paths.length] as Path);
      }, json(value)),
    );
}

// Valid sources for the parts of the model ------------------------------------------------

function partsOf<T>(
  whole: fc.Arbitrary<T>,
  parts: (value: T) => readonly unknown[],
): fc.Arbitrary<unknown> {
  return whole
    .map(parts)
    .filter((p) => p.length > 0)
    .chain((p) => fc.constantFrom(...p));
}

const attachmentArbitrary = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 40 }),
    contentType: fc.constantFrom('application/pdf', 'image/png'),
    bytes: fc.nat(),
    ref: fc.webUrl(),
  },
  { requiredKeys: ['name'] },
);

const trustArbitrary = fc.oneof(
  fc.constant({ level: 'claimed' }),
  fc.record({
    level: fc.constant('verified'),
    method: fc.constantFrom(...TrustSchema.options[0].shape.method.options),
  }),
);

const pairs: Pair[] = [
  {
    name: 'Interaction',
    codec: InteractionCodec,
    oracle: safeParseInteraction,
    valid: interactionArbitrary(),
  },
  { name: 'Journey', codec: JourneyCodec, oracle: safeParseJourney, valid: journeyArbitrary() },
  { name: 'Customer', codec: CustomerCodec, oracle: safeParseCustomer, valid: customerArbitrary() },
  {
    name: 'CustomerIdentifier',
    codec: CustomerIdentifierCodec,
    oracle: zodOracle(CustomerIdentifierSchema),
    valid: partsOf(customerArbitrary(), (c) => c.identifiers),
  },
  {
    name: 'Identifier',
    codec: IdentifierCodec,
    oracle: zodOracle(IdentifierSchema),
    valid: identifierArbitrary(),
  },
  {
    name: 'ObservedIdentifier',
    codec: ObservedIdentifierCodec,
    oracle: zodOracle(ObservedIdentifierSchema),
    valid: observedIdentifierArbitrary(),
  },
  ...(
    [
      ['EmailIdentifier', EmailIdentifierCodec, EmailIdentifierSchema, 'email'],
      ['PhoneIdentifier', PhoneIdentifierCodec, PhoneIdentifierSchema, 'phone'],
      ['SocialIdentifier', SocialIdentifierCodec, SocialIdentifierSchema, 'social'],
      ['ScopedIdIdentifier', ScopedIdIdentifierCodec, ScopedIdIdentifierSchema, 'scoped_id'],
      ['AccountIdentifier', AccountIdentifierCodec, AccountIdentifierSchema, 'account'],
      ['DeviceIdentifier', DeviceIdentifierCodec, DeviceIdentifierSchema, 'device'],
    ] as const
  ).map(
    ([name, codec, schema, kind]): Pair => ({
      name,
      codec,
      oracle: zodOracle(schema),
      valid: identifierArbitrary().filter((i) => i.kind === kind),
    }),
  ),
  { name: 'Trust', codec: TrustCodec, oracle: zodOracle(TrustSchema), valid: trustArbitrary },
  {
    name: 'Reference',
    codec: ReferenceCodec,
    oracle: zodOracle(ReferenceSchema),
    valid: partsOf(interactionArbitrary(), (i) => i.references),
  },
  {
    name: 'Participant',
    codec: ParticipantCodec,
    oracle: zodOracle(ParticipantSchema),
    valid: partsOf(interactionArbitrary(), (i) => i.participants),
  },
  {
    name: 'Message',
    codec: MessageCodec,
    oracle: zodOracle(MessageSchema),
    valid: fc
      .tuple(
        partsOf(interactionArbitrary(), (i) => i.messages),
        fc.option(fc.array(attachmentArbitrary, { maxLength: 3 }), { nil: undefined }),
      )
      .map(([m, attachments]) =>
        attachments === undefined ? m : { ...(m as object), attachments },
      ),
  },
  {
    name: 'Attachment',
    codec: AttachmentCodec,
    oracle: zodOracle(AttachmentSchema),
    valid: attachmentArbitrary,
  },
  {
    name: 'ThreadKeys',
    codec: ThreadKeysCodec,
    oracle: zodOracle(ThreadKeysSchema),
    valid: partsOf(interactionArbitrary(), (i) => (i.thread === undefined ? [] : [i.thread])),
  },
  {
    name: 'Attributes',
    codec: AttributesCodec,
    oracle: zodOracle(AttributesSchema),
    valid: fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string(), {
      maxKeys: 4,
    }),
  },
  {
    name: 'Channel',
    codec: ChannelCodec,
    oracle: zodOracle(ChannelSchema),
    valid: fc.oneof(
      fc.constantFrom(...KNOWN_CHANNELS),
      fc.stringMatching(/^custom:[a-z][a-z0-9_-]{0,31}$/),
    ),
  },
  {
    name: 'Timestamp',
    codec: TimestampCodec,
    oracle: zodOracle(TimestampSchema),
    valid: timestampArbitrary(),
  },
  ...(
    [
      ['InteractionId', InteractionIdCodec, InteractionIdSchema],
      ['CustomerId', CustomerIdCodec, CustomerIdSchema],
      ['JourneyId', JourneyIdCodec, JourneyIdSchema],
    ] as const
  ).map(
    ([name, codec, schema]): Pair => ({
      name,
      codec,
      oracle: zodOracle(schema),
      valid: fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }),
    }),
  ),
];

describe.each(pairs)('$name codec and zod schema', (pair) => {
  it('agree on valid values', () => {
    fc.assert(
      fc.property(pair.valid, (value) => agree(pair, json(value))),
      { numRuns: 100 },
    );
  });

  it('agree on mutated values: missing, unknown, mistyped, too long, malformed fields', () => {
    fc.assert(
      fc.property(mutated(pair.valid), (input) => agree(pair, input)),
      { numRuns: 300 },
    );
  });

  it('agree on every string, number and list at and past each limit', () => {
    fc.assert(
      fc.property(pair.valid, fc.nat(), (value, pick) => {
        const base = json(value);
        const paths = nodes(base).filter((p) => atLimits(at(base, p)).length > 0);
        const path = paths[pick % Math.max(1, paths.length)];
        if (path === undefined) return;
        for (const variant of atLimits(at(base, path))) {
          agree(pair, replaceAt(json(base), path, variant));
        }
      }),
      // Shrinking would re-run every variant on every step; the first failure says enough.
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('agree on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => agree(pair, input)),
      { numRuns: 150 },
    );
  });

  it('accept every value their type guard accepts, plain data unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(pair.valid.map(json), mutated(pair.valid), fc.anything()), (input) => {
        if (!pair.codec.is(input)) return;
        const decoded = pair.codec.decode(input);
        expect(E.isRight(decoded)).toBe(true);
        // A Date where an object of optional fields is expected is accepted, as zod accepts
        // it, and decoded to a plain object: only plain data decodes to itself.
        if (isPlain(input)) expect(E.isRight(decoded) && decoded.right).toStrictEqual(input);
      }),
      { numRuns: 100 },
    );
  });
});

describe('cross-field rules', () => {
  const withTwoMessages = interactionArbitrary().filter((i) => i.messages.length >= 2);

  it('refuse an interaction that ends before it starts, at endedAt', () => {
    fc.assert(
      fc.property(interactionArbitrary(), fc.integer({ min: 1, max: 10 ** 9 }), (i, back) => {
        const input = {
          ...(json(i) as object),
          endedAt: new Date(Date.parse(i.startedAt) - back).toISOString(),
        };
        agree(pairs[0] as Pair, input);
        const r = InteractionCodec.decode(input);
        expect(E.isLeft(r) && toIssues(r.left).map((x) => x.path)).toEqual([['endedAt']]);
      }),
      { numRuns: 100 },
    );
  });

  it('refuse repeated message ids, at the second one', () => {
    fc.assert(
      fc.property(withTwoMessages, fc.string({ minLength: 1, maxLength: 8 }), (i, id) => {
        const input = json(i) as { messages: Record<string, unknown>[] };
        for (const m of input.messages) m.id = id;
        agree(pairs[0] as Pair, input);
        const r = InteractionCodec.decode(input);
        const paths = E.isLeft(r) ? toIssues(r.left).map((x) => x.path) : [];
        expect(paths).toContainEqual(['messages', 1, 'id']);
      }),
      { numRuns: 100 },
    );
  });

  it('refuse a message naming no participant, and also when another field failed a check', () => {
    fc.assert(
      fc.property(
        interactionArbitrary().filter((i) => i.messages.length > 0),
        fc.constantFrom('', 'x'.repeat(129), undefined),
        (i, source) => {
          const input = json(i) as { messages: Record<string, unknown>[]; source?: string };
          (input.messages[0] as Record<string, unknown>).participantId = 'nobody-has-this-id';
          if (source !== undefined) input.source = source;
          agree(pairs[0] as Pair, input);
          const r = InteractionCodec.decode(input);
          const paths = E.isLeft(r) ? toIssues(r.left).map((x) => x.path) : [];
          expect(paths).toContainEqual(['messages', 0, 'participantId']);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuse a journey updated before it opened, or listing an interaction twice', () => {
    fc.assert(
      fc.property(journeyArbitrary(), fc.boolean(), (j, early) => {
        const input = json(j) as { interactionIds: string[]; updatedAt: string };
        if (early) input.updatedAt = new Date(Date.parse(j.openedAt) - 1).toISOString();
        else input.interactionIds.push(input.interactionIds[0] as string);
        agree(pairs[1] as Pair, input);
        expect(E.isLeft(JourneyCodec.decode(input))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('defaults', () => {
  it('fill the same values as zod when the fields are left out', () => {
    const input = {
      id: 'em-1',
      channel: 'email',
      startedAt: '2026-03-01T09:00:00Z',
      identifiers: [{ kind: 'email', value: 'ana@example.com' }],
      references: [{ kind: 'order', value: 'A-55123' }],
    };
    agree(pairs[0] as Pair, input);
    const r = InteractionCodec.decode(input);
    expect(E.isRight(r) && r.right).toMatchObject({
      direction: 'inbound',
      participants: [],
      messages: [],
      identifiers: [{ trust: { level: 'claimed' } }],
      references: [{ origin: 'provided' }],
    });
  });

  it('give fresh values on every decode', () => {
    const input = {
      id: 'c1',
      identifiers: [],
      interactionIds: [],
      createdAt: '2026-03-01T09:00:00Z',
      updatedAt: '2026-03-01T09:00:00Z',
    };
    const a = CustomerCodec.decode(input);
    const b = CustomerCodec.decode(input);
    expect(E.isRight(a) && E.isRight(b) && a.right.names !== b.right.names).toBe(true);
  });
});

describe('prototype keys', () => {
  it('are refused in attributes and in model objects, at their path', () => {
    const input = JSON.parse(
      '{"id":"a","channel":"sms","startedAt":"2026-03-01T09:00:00Z","attributes":{"__proto__":"x"},"messages":[{"author":"agent","text":"","__proto__":{}}]}',
    );
    agree(pairs[0] as Pair, input);
    const r = InteractionCodec.decode(input);
    const issues = E.isLeft(r) ? toIssues(r.left) : [];
    const forbidden = issues.filter((i) => i.code === 'forbidden_key').map((i) => i.path);
    expect(forbidden).toHaveLength(2);
    expect(forbidden).toContainEqual(['attributes', '__proto__']);
    expect(forbidden).toContainEqual(['messages', 0, '__proto__']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('constructor and prototype attribute keys are refused as zod refuses them', () => {
    for (const key of ['constructor', 'prototype']) {
      const r = AttributesCodec.decode({ [key]: 'x' });
      expect(E.isLeft(r) && toIssues(r.left)[0]).toMatchObject({
        code: 'invalid_key',
        path: [key],
      });
    }
  });
});

describe('decoding', () => {
  it('is deterministic and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(interactionArbitrary()), fc.anything()), (input) => {
        expect(InteractionCodec.decode(input)).toStrictEqual(InteractionCodec.decode(input));
      }),
      { numRuns: 100 },
    );
  });

  it('does not share arrays or objects with its input', () => {
    const input = {
      interactionIds: ['em-1'],
      key: 'k',
      identifier: { kind: 'email', value: 'a@b.c' },
      trust: { level: 'claimed' },
      confidence: 1,
      firstSeenAt: '2026-03-01T09:00:00Z',
      lastSeenAt: '2026-03-01T09:00:00Z',
    };
    const r = CustomerIdentifierCodec.decode(input);
    expect(E.isRight(r) && r.right.interactionIds !== input.interactionIds).toBe(true);
    expect(E.isRight(r) && r.right.identifier !== input.identifier).toBe(true);
  });

  it('agrees with zod at the largest limits: message text, messages, journey interactions', () => {
    const interaction = (messages: unknown[]) => ({
      id: 'i',
      channel: 'chat',
      startedAt: '2026-03-01T09:00:00Z',
      messages,
    });
    for (const n of [100_000, 100_001]) {
      for (const c of ['x', '😀']) {
        agree(pairs[0] as Pair, interaction([{ author: 'customer', text: c.repeat(n) }]));
      }
    }
    for (const n of [20_000, 20_001]) {
      agree(
        pairs[0] as Pair,
        interaction(Array.from({ length: n }, () => ({ author: 'bot', text: '' }))),
      );
    }
    for (const n of [100_000, 100_001]) {
      agree(pairs[1] as Pair, {
        id: 'j',
        customerId: 'c',
        status: 'open',
        interactionIds: Array.from({ length: n }, (_, i) => `i${i}`),
        channels: ['chat'],
        openedAt: '2026-03-01T09:00:00Z',
        updatedAt: '2026-03-01T09:00:00Z',
      });
    }
  });

  it('refuses arrays over their limit without reading their items, as zod does', () => {
    const r = MessageCodec.decode({ author: 'agent', text: '', attachments: Array(101).fill(5) });
    expect(E.isLeft(r) && toIssues(r.left)).toEqual([
      {
        code: 'too_big',
        path: ['attachments'],
        message: 'Too big: expected array to have <=100 items',
      },
    ]);
  });
});

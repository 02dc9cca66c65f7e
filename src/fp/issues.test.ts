import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../core/errors.js';
import { interactionArbitrary, journeyArbitrary } from '../testing/arbitraries.js';
import {
  decodeWith,
  formatErrors,
  InteractionCodec,
  JourneyCodec,
  ReferenceCodec,
  toIssues,
} from './index.js';

const leftOf = <A>(r: E.Either<t.Errors, A>): t.Errors => (E.isLeft(r) ? r.left : []);

describe('toIssues on any io-ts codec', () => {
  const Order = t.type({
    lines: t.array(t.type({ sku: t.string, qty: t.number })),
    status: t.keyof({ open: null, shipped: null }),
    kind: t.literal('order'),
    channel: t.union([t.literal('email'), t.literal('sms')]),
  });

  it('gives paths of keys and numeric indexes, as zod does', () => {
    const errors = leftOf(
      Order.decode({
        lines: [
          { sku: 'a', qty: 1 },
          { sku: 2, qty: 1 },
        ],
        status: 'open',
        kind: 'order',
        channel: 'sms',
      }),
    );
    expect(toIssues(errors)).toEqual([
      {
        code: 'invalid_type',
        path: ['lines', 1, 'sku'],
        message: 'Invalid input: expected string, received number',
      },
    ]);
  });

  it('reports enum and literal mismatches as invalid_value', () => {
    const issues = toIssues(
      leftOf(Order.decode({ lines: [], status: 'lost', kind: 'refund', channel: 'sms' })),
    );
    expect(issues).toEqual([
      {
        code: 'invalid_value',
        path: ['status'],
        message: 'Invalid option: expected one of "open"|"shipped"',
      },
      { code: 'invalid_value', path: ['kind'], message: 'Invalid input: expected "order"' },
    ]);
  });

  it('turns all the failures of one union into one issue at the union', () => {
    const issues = toIssues(
      leftOf(Order.decode({ lines: [], status: 'open', kind: 'order', channel: 'fax' })),
    );
    expect(issues).toEqual([
      {
        code: 'invalid_union',
        path: ['channel'],
        message: 'Invalid input: expected ("email" | "sms")',
      },
    ]);
  });

  it('sees through intersections', () => {
    const Both = t.intersection([t.type({ a: t.string }), t.type({ b: t.number })]);
    expect(toIssues(leftOf(Both.decode({ a: 1, b: 'x' }))).map((i) => i.path)).toEqual([
      ['a'],
      ['b'],
    ]);
  });

  it('addresses a failure at the root with the empty path', () => {
    expect(toIssues(leftOf(t.string.decode(5)))).toEqual([
      {
        code: 'invalid_type',
        path: [],
        message: 'Invalid input: expected string, received number',
      },
    ]);
  });
});

describe('issues of the model codecs', () => {
  /** Mutated interactions and journeys: a field replaced by something of another shape. */
  const broken = fc
    .tuple(
      fc.oneof(interactionArbitrary(), journeyArbitrary()),
      fc.nat(),
      fc.anything({ maxDepth: 1 }),
    )
    .map(([value, pick, junk]) => {
      const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
      const keys = Object.keys(copy);
      copy[keys[pick % keys.length] as string] = junk;
      return copy;
    });

  it('point into the input: every path but its last key names a value that is there', () => {
    fc.assert(
      fc.property(broken, (input) => {
        for (const codec of [InteractionCodec, JourneyCodec] as t.Mixed[]) {
          for (const issue of toIssues(leftOf(codec.decode(input)))) {
            let node: unknown = input;
            for (const segment of issue.path.slice(0, -1)) {
              expect(node !== null && typeof node === 'object').toBe(true);
              node = (node as Record<string | number, unknown>)[segment];
            }
            expect(typeof issue.code).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('are never empty when decoding fails, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(broken, fc.anything()), (input) => {
        const r = InteractionCodec.decode(input);
        if (E.isLeft(r)) expect(toIssues(r.left).length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatErrors and decodeWith', () => {
  it('formatErrors renders the issues as formatIssues does', () => {
    const errors = leftOf(ReferenceCodec.decode({ kind: 'parcel', value: '' }));
    expect(formatErrors(errors)).toBe(formatIssues(toIssues(errors)));
    expect(formatErrors(errors).split('\n')).toHaveLength(2);
  });

  it('decodeWith is decode with the errors turned into issues', () => {
    const decode = decodeWith(InteractionCodec);
    fc.assert(
      fc.property(fc.oneof(interactionArbitrary(), fc.anything()), (input) => {
        const direct = InteractionCodec.decode(input);
        expect(decode(input)).toStrictEqual(
          E.isLeft(direct) ? E.left(toIssues(direct.left)) : direct,
        );
      }),
      { numRuns: 100 },
    );
  });
});

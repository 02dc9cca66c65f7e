import type * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type * as t from 'io-ts';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Channel,
  Customer,
  CustomerId,
  Identifier,
  Interaction,
  InteractionId,
  Issue,
  Journey,
  normalizePhone,
  ObservedIdentifier,
  Resolver,
  TrainedModel,
  Trust,
  trainModel,
} from '../index.js';
import { optional, strictObject, text, withDefault } from './combinators.js';
import * as fp from './index.js';

describe('codec types', () => {
  it('decode to the model types, not look-alikes', () => {
    expectTypeOf<t.TypeOf<typeof fp.InteractionCodec>>().toEqualTypeOf<Interaction>();
    expectTypeOf<t.TypeOf<typeof fp.JourneyCodec>>().toEqualTypeOf<Journey>();
    expectTypeOf<t.TypeOf<typeof fp.CustomerCodec>>().toEqualTypeOf<Customer>();
    expectTypeOf<t.TypeOf<typeof fp.IdentifierCodec>>().toEqualTypeOf<Identifier>();
    expectTypeOf<t.TypeOf<typeof fp.ObservedIdentifierCodec>>().toEqualTypeOf<ObservedIdentifier>();
    expectTypeOf<t.TypeOf<typeof fp.TrustCodec>>().toEqualTypeOf<Trust>();
    expectTypeOf<t.TypeOf<typeof fp.ChannelCodec>>().toEqualTypeOf<Channel>();
    expectTypeOf<t.TypeOf<typeof fp.InteractionIdCodec>>().toEqualTypeOf<InteractionId>();
    expectTypeOf<t.TypeOf<typeof fp.CustomerIdCodec>>().not.toEqualTypeOf<string>();
    expectTypeOf<t.TypeOf<typeof fp.CustomerIdCodec>>().toEqualTypeOf<CustomerId>();
  });

  it('strictObject infers required, optional and defaulted fields', () => {
    const codec = strictObject('Example', {
      a: text(1, 2),
      b: optional(text(1, 2)),
      c: withDefault(text(0, 2), () => ''),
    });
    expectTypeOf<t.TypeOf<typeof codec>>().toEqualTypeOf<{
      a: string;
      b?: string | undefined;
      c: string;
    }>();
  });

  it('decodeWith gives an Either of issues', () => {
    expectTypeOf(fp.decodeWith(fp.JourneyCodec)).returns.toEqualTypeOf<
      E.Either<readonly Issue[], Journey>
    >();
  });
});

describe('Either and TaskEither versions', () => {
  it('keep the parameters and wrap the result', () => {
    expectTypeOf(fp.normalizePhoneEither).parameters.toEqualTypeOf<
      Parameters<typeof normalizePhone>
    >();
    expectTypeOf(fp.trainModelTaskEither).parameters.toEqualTypeOf<Parameters<typeof trainModel>>();
    expectTypeOf(fp.trainModelTaskEither).returns.toEqualTypeOf<
      TE.TaskEither<readonly Issue[], TrainedModel>
    >();
  });

  it('turn promise-returning methods into tasks of their results', () => {
    type Tasks = fp.TaskEitherMethods<Resolver>;
    expectTypeOf<ReturnType<Tasks['customers']>>().toEqualTypeOf<
      TE.TaskEither<readonly Issue[], Awaited<ReturnType<Resolver['customers']>>>
    >();
    expectTypeOf<Tasks['model']>().toEqualTypeOf<Resolver['model']>();
  });
});

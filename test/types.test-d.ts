import { describe, expectTypeOf, it } from 'vitest';
import {
  type Channel,
  type CustomerId,
  type Identifier,
  type Interaction,
  type InteractionId,
  interactionId,
  type ModelSpec,
  type NormalizedPhone,
  normalizePhone,
  type PhoneE164,
  parseInteraction,
  type Result,
  safeParseInteraction,
  type ThreadlineErrorCode,
  trainModel,
} from '../src/index.js';

describe('public types', () => {
  it('brands ids: a plain string is not an id, and ids of different kinds do not mix', () => {
    expectTypeOf<string>().not.toMatchTypeOf<InteractionId>();
    expectTypeOf<InteractionId>().not.toMatchTypeOf<CustomerId>();
    expectTypeOf(interactionId('x')).toEqualTypeOf<InteractionId>();
    expectTypeOf<PhoneE164>().toMatchTypeOf<string>();
    expectTypeOf<string>().not.toMatchTypeOf<PhoneE164>();
  });

  it('infers the interaction from its schema, with branded ids and readonly-safe shapes', () => {
    expectTypeOf(parseInteraction).returns.toEqualTypeOf<Interaction>();
    expectTypeOf<Interaction['id']>().toEqualTypeOf<InteractionId>();
    expectTypeOf<Interaction['channel']>().toEqualTypeOf<Channel>();
    expectTypeOf<'email'>().toMatchTypeOf<Channel>();
    expectTypeOf<'custom:kiosk'>().toMatchTypeOf<Channel>();
    expectTypeOf<'fax'>().not.toMatchTypeOf<Channel>();
  });

  it('narrows results and identifier unions by their tags', () => {
    const result = safeParseInteraction({});
    expectTypeOf(result).toEqualTypeOf<Result<Interaction>>();
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<Interaction>();
    else
      expectTypeOf(result.issues[0]?.path).toEqualTypeOf<
        readonly (string | number)[] | undefined
      >();
    const id = {} as Identifier;
    if (id.kind === 'social') expectTypeOf(id.platform).toBeString();
    if (id.kind === 'phone') expectTypeOf(id).toHaveProperty('region');
  });

  it('types normalizers and the engine', () => {
    expectTypeOf(normalizePhone('x')).toEqualTypeOf<NormalizedPhone>();
    expectTypeOf(normalizePhone('x').e164).toEqualTypeOf<PhoneE164 | undefined>();
    expectTypeOf(trainModel).returns.toHaveProperty('spec').toEqualTypeOf<ModelSpec>();
    expectTypeOf<'invalid_interaction'>().toMatchTypeOf<ThreadlineErrorCode>();
    expectTypeOf<'nope'>().not.toMatchTypeOf<ThreadlineErrorCode>();
  });
});

import type * as t from 'io-ts';
import type { z } from 'zod';

/**
 * The io-ts codec that mirrors a zod schema: it decodes unknown input to the schema's output type
 * (brands and defaults included) and encodes back to what the schema accepts as input.
 *
 * @example
 * ```ts
 * import { ReferenceSchema } from 'threadline';
 * import { type CodecOf, ReferenceCodec } from 'threadline/fp';
 *
 * const codec: CodecOf<typeof ReferenceSchema> = ReferenceCodec;
 * console.log(codec.is({ kind: 'order', value: 'A-1', origin: 'provided' })); // true
 * ```
 */
export type CodecOf<S extends z.ZodType> = t.Type<z.output<S>, z.input<S>, unknown>;

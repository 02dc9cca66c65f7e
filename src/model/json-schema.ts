import { z } from 'zod';
import { CustomerSchema } from './customer.js';
import { InteractionSchema } from './interaction.js';
import { JourneySchema } from './journey.js';

/**
 * A JSON Schema (draft 2020-12) document.
 *
 * @example
 * ```ts
 * import { interactionJsonSchema, type JsonSchema } from 'threadline';
 *
 * const schema: JsonSchema = interactionJsonSchema();
 * console.log(schema.$schema);
 * ```
 */
export type JsonSchema = Record<string, unknown> & { readonly $schema?: string };

const SCHEMAS = {
  interaction: InteractionSchema,
  journey: JourneySchema,
  customer: CustomerSchema,
};

/**
 * The JSON Schema (draft 2020-12) of the input an {@link Interaction} is parsed from, so that
 * backends in other languages can validate payloads before sending them. Fields with defaults
 * are optional; cross-field rules (such as `endedAt` after `startedAt`) are only checked by
 * {@link parseInteraction}.
 *
 * @example
 * ```ts
 * import { interactionJsonSchema } from 'threadline';
 *
 * const schema = interactionJsonSchema();
 * console.log(schema.type, (schema.required as string[]).includes('channel')); // object true
 * ```
 */
export function interactionJsonSchema(): JsonSchema {
  return modelJsonSchema('interaction');
}

/**
 * The JSON Schema (draft 2020-12) of a model type's input: `interaction`, `journey` or
 * `customer`.
 *
 * @example
 * ```ts
 * import { modelJsonSchema } from 'threadline';
 *
 * console.log(modelJsonSchema('journey').type); // object
 * ```
 */
export function modelJsonSchema(model: keyof typeof SCHEMAS): JsonSchema {
  return z.toJSONSchema(SCHEMAS[model], { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
}

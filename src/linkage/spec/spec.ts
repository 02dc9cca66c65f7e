import { z } from 'zod';
import { RegionCodeSchema } from '../../normalize/phone/phone.js';

const name = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/,
    'expected a name of letters, digits, _ . - (at most 64)',
  );
const probability = z.number().gt(0).lt(1);

/**
 * A transform applied to a field's values before they are compared or used as a blocking key.
 * Transforms are named so that models stay plain JSON. Each maps one value to zero or more
 * values (a name has several nickname roots and phonetic codes; an empty result means "no
 * value", which null levels see).
 *
 * | transform | gives |
 * |---|---|
 * | `trim`, `lower`, `fold` | the text trimmed, lower-cased, or Unicode-folded (`José` → `jose`) |
 * | `digits`, `alnum` | only the digits, or only letters and digits, lower-cased |
 * | `email`, `email_canonical`, `email_user`, `email_domain` | the normalized address, its provider-canonical key, the user part without `+tag`, the domain |
 * | `phone`, `phone_national` | the E.164 number, or its national significant number (only for matchable numbers) |
 * | `name`, `given`, `family`, `initials` | a person name folded, its given or family part, its initials |
 * | `nickname` | the formal names a given name may stand for (`bob` → `robert`) |
 * | `dmetaphone` | Double Metaphone codes of each word |
 * | `tokens` | the words of the folded text |
 * | `date`, `year`, `month_day` | an ISO date `YYYY-MM-DD` read from common formats, its year, its `MM-DD` |
 * | `{ fn: 'first', n }`, `{ fn: 'last', n }` | the first or last `n` characters |
 * | `{ fn: 'handle', platform }` | a social handle normalized for a platform |
 *
 * @example
 * ```ts
 * import { TransformSpecSchema } from 'threadline';
 *
 * console.log(TransformSpecSchema.parse({ fn: 'last', n: 7 }));
 * ```
 */
export const TransformSpecSchema = z.union([
  z.enum([
    'trim',
    'lower',
    'fold',
    'digits',
    'alnum',
    'email',
    'email_canonical',
    'email_user',
    'email_domain',
    'phone',
    'phone_national',
    'name',
    'given',
    'family',
    'initials',
    'nickname',
    'dmetaphone',
    'tokens',
    'date',
    'year',
    'month_day',
  ]),
  z.strictObject({ fn: z.enum(['first', 'last']), n: z.number().int().min(1).max(64) }),
  z.strictObject({
    fn: z.literal('handle'),
    platform: z.string().regex(/^[a-z][a-z0-9_.-]{0,31}$/),
  }),
]);

/**
 * A transform; see {@link TransformSpecSchema}.
 *
 * @example
 * ```ts
 * import type { TransformSpec } from 'threadline';
 *
 * const lastSeven: TransformSpec = { fn: 'last', n: 7 };
 * console.log(lastSeven);
 * ```
 */
export type TransformSpec = z.infer<typeof TransformSpecSchema>;

/** Where a level reads its values: a field, optionally transformed. */
const input = {
  /** The record field to read; defaults to the comparison's `field`. */
  field: name.optional(),
  /** Transforms applied, in order, to both sides before comparing. */
  transform: z.array(TransformSpecSchema).max(8).optional(),
};

/** Trained parameters carried by every non-null level. */
const parameters = {
  /** A human label for explanations; a default is derived from the level. */
  label: z.string().min(1).max(120).optional(),
  /** P(level | match): filled by training, or set by hand. */
  m: probability.optional(),
  /** P(level | non-match): filled by training, or set by hand. */
  u: probability.optional(),
  /**
   * Term-frequency adjustment: the weight of agreeing on a value depends on how common the value
   * is (a shared mailbox or a common surname counts for less). `weight` damps the adjustment
   * (1 on exact levels; below 1 on fuzzy levels, where the more common of the two values is used).
   */
  tf: z
    .strictObject({
      weight: z.number().min(0).max(1).default(1),
      /** Floor on the frequency used, so that one-off values cannot dominate. */
      minFrequency: z.number().gt(0).lt(1).optional(),
    })
    .optional(),
};

/**
 * One level of a comparison, discriminated by `kind`. Levels are tried in order and the first
 * that holds is the pair's level for that comparison. When the values are lists (a customer
 * with several emails), a level holds when any pair of values satisfies it, so the best pair
 * counts.
 *
 * @example
 * ```ts
 * import { LevelSpecSchema } from 'threadline';
 *
 * const close = LevelSpecSchema.parse({ kind: 'jaro_winkler', threshold: 0.92 });
 * console.log(close.kind);
 * ```
 */
export const LevelSpecSchema = z.discriminatedUnion('kind', [
  /** Either side has no value: no evidence either way (weight 0). */
  z.strictObject({ kind: z.literal('null'), ...input, label: parameters.label }),
  z.strictObject({ kind: z.literal('exact'), ...input, ...parameters }),
  z.strictObject({
    kind: z.literal('jaro_winkler'),
    threshold: z.number().min(0).max(1),
    ...input,
    ...parameters,
  }),
  z.strictObject({
    kind: z.literal('jaro'),
    threshold: z.number().min(0).max(1),
    ...input,
    ...parameters,
  }),
  z.strictObject({
    kind: z.literal('levenshtein'),
    maxDistance: z.number().int().min(0).max(64),
    ...input,
    ...parameters,
  }),
  z.strictObject({
    kind: z.literal('damerau_levenshtein'),
    maxDistance: z.number().int().min(0).max(64),
    ...input,
    ...parameters,
  }),
  /** Token sets (the values after `tokens`, or all values of a list field) overlap at least this much. */
  z.strictObject({
    kind: z.literal('jaccard'),
    threshold: z.number().min(0).max(1),
    ...input,
    ...parameters,
  }),
  /** Dates (read with the `date` transform) at most this far apart. */
  z.strictObject({
    kind: z.literal('date_within'),
    amount: z.number().int().min(0).max(10_000),
    unit: z.enum(['days', 'months', 'years']),
    ...input,
    ...parameters,
  }),
  /** The same date with day and month swapped (`03/04` read as `04/03`). */
  z.strictObject({ kind: z.literal('date_transposed'), ...input, ...parameters }),
  /** Numbers within an absolute or relative difference. */
  z.strictObject({
    kind: z.literal('number_within'),
    absolute: z.number().min(0).optional(),
    relative: z.number().min(0).max(1).optional(),
    ...input,
    ...parameters,
  }),
  /** At least `min` values in common between two lists (reference numbers, tags). */
  z.strictObject({
    kind: z.literal('intersect'),
    min: z.number().int().min(1).default(1),
    ...input,
    ...parameters,
  }),
  /** One side is only an initial (`J`, `J.`) and it is the other side's first letter. */
  z.strictObject({ kind: z.literal('initial'), ...input, ...parameters }),
  /** A predicate the adopter registers by name when compiling the model. */
  z.strictObject({ kind: z.literal('custom'), predicate: name, ...input, ...parameters }),
  /** Everything else: the last level of every comparison. */
  z.strictObject({
    kind: z.literal('else'),
    label: parameters.label,
    m: parameters.m,
    u: parameters.u,
  }),
]);

/**
 * A comparison level; see {@link LevelSpecSchema}.
 *
 * @example
 * ```ts
 * import type { LevelSpec } from 'threadline';
 *
 * const levels: LevelSpec[] = [{ kind: 'null' }, { kind: 'exact' }, { kind: 'else' }];
 * console.log(levels.length);
 * ```
 */
export type LevelSpec = z.infer<typeof LevelSpecSchema>;

/**
 * One comparison: how two records are compared on one aspect (email, phone, name, date of
 * birth), as ordered levels from strongest agreement to `else`.
 *
 * @example
 * ```ts
 * import { ComparisonSpecSchema } from 'threadline';
 *
 * const dob = ComparisonSpecSchema.parse({
 *   name: 'dob', field: 'dob',
 *   levels: [{ kind: 'null' }, { kind: 'exact', transform: ['date'] }, { kind: 'else' }],
 * });
 * console.log(dob.levels.length); // 3
 * ```
 */
export const ComparisonSpecSchema = z.strictObject({
  name,
  /** The field levels read unless they name their own. */
  field: name.optional(),
  description: z.string().max(500).optional(),
  levels: z.array(LevelSpecSchema).min(2).max(16),
});

/**
 * What a user may write as a comparison: fields with defaults may be left out.
 *
 * @example
 * ```ts
 * import type { ComparisonSpecInput } from 'threadline';
 *
 * const orders: ComparisonSpecInput = { name: 'orders', field: 'orders', levels: [{ kind: 'intersect' }, { kind: 'else' }] };
 * console.log(orders.levels.length);
 * ```
 */
export type ComparisonSpecInput = z.input<typeof ComparisonSpecSchema>;

/**
 * A comparison; see {@link ComparisonSpecSchema}.
 *
 * @example
 * ```ts
 * import type { ComparisonSpec } from 'threadline';
 *
 * const city: ComparisonSpec = { name: 'city', field: 'city', levels: [{ kind: 'null' }, { kind: 'exact' }, { kind: 'else' }] };
 * console.log(city.name);
 * ```
 */
export type ComparisonSpec = z.infer<typeof ComparisonSpecSchema>;

/**
 * A blocking key: a field, optionally transformed. Two records share the key when any of their
 * key values are equal.
 *
 * @example
 * ```ts
 * import { BlockingKeySpecSchema } from 'threadline';
 *
 * console.log(BlockingKeySpecSchema.parse({ field: 'surname', transform: ['dmetaphone'] }).field);
 * ```
 */
export const BlockingKeySpecSchema = z.strictObject({
  field: name,
  transform: z.array(TransformSpecSchema).max(8).optional(),
});

/**
 * A blocking key; see {@link BlockingKeySpecSchema}.
 *
 * @example
 * ```ts
 * import type { BlockingKeySpec } from 'threadline';
 *
 * const byYear: BlockingKeySpec = { field: 'dob', transform: ['year'] };
 * console.log(byYear.field);
 * ```
 */
export type BlockingKeySpec = z.infer<typeof BlockingKeySpecSchema>;

/**
 * A blocking rule: candidate pairs share every key of the rule (AND). A model's rules are
 * OR-ed: a pair is a candidate when any rule produces it, and it is produced once.
 *
 * @example
 * ```ts
 * import { BlockingRuleSpecSchema } from 'threadline';
 *
 * const rule = BlockingRuleSpecSchema.parse({ name: 'dob+initial', keys: [{ field: 'dob' }, { field: 'surname', transform: [{ fn: 'first', n: 1 }] }] });
 * console.log(rule.keys.length); // 2
 * ```
 */
export const BlockingRuleSpecSchema = z.strictObject({
  /** A label for reports (`dob + surname initial`); defaults to the keys spelled out. */
  name: z.string().min(1).max(120).optional(),
  keys: z.array(BlockingKeySpecSchema).min(1).max(8),
});

/**
 * A blocking rule; see {@link BlockingRuleSpecSchema}.
 *
 * @example
 * ```ts
 * import type { BlockingRuleSpec } from 'threadline';
 *
 * const byEmail: BlockingRuleSpec = { keys: [{ field: 'email', transform: ['email_canonical'] }] };
 * console.log(byEmail.keys[0]?.field);
 * ```
 */
export type BlockingRuleSpec = z.infer<typeof BlockingRuleSpecSchema>;

/**
 * A term-frequency table for one field and transform: how often each value occurs among
 * records. Kept in the model so that a backend scores without the training data.
 *
 * @example
 * ```ts
 * import { TermFrequencyTableSchema } from 'threadline';
 *
 * const t = TermFrequencyTableSchema.parse({ field: 'surname', values: { smith: 0.01 }, otherFrequency: 0.0001 });
 * console.log(t.values.smith);
 * ```
 */
export const TermFrequencyTableSchema = z.strictObject({
  field: name,
  transform: z.array(TransformSpecSchema).max(8).optional(),
  /** Frequencies of the most common values (value → share of records with a value). */
  values: z.record(z.string(), z.number().gt(0).max(1)),
  /** The frequency assumed for a value not in `values`. */
  otherFrequency: z.number().gt(0).max(1),
});

/**
 * A model: the JSON a user writes (comparisons, blocking rules, prior) and training fills in
 * (m and u per level, term frequencies). Compile it with `compileModel` before use.
 *
 * @example
 * ```ts
 * import { ModelSpecSchema } from 'threadline';
 *
 * const spec = ModelSpecSchema.parse({
 *   comparisons: [{ name: 'email', field: 'email', levels: [{ kind: 'null' }, { kind: 'exact', transform: ['email'] }, { kind: 'else' }] }],
 *   blocking: [{ keys: [{ field: 'email', transform: ['email_domain'] }] }],
 * });
 * console.log(spec.version, spec.prior); // 1 0.0001
 * ```
 */
export const ModelSpecSchema = z.strictObject({
  version: z.literal(1).default(1),
  name: z.string().max(200).optional(),
  /** The probability that two records drawn at random are the same person. */
  prior: probability.default(0.0001),
  /** The phone region for numbers without a country code (transforms `phone`, `phone_national`). */
  region: RegionCodeSchema.optional(),
  comparisons: z.array(ComparisonSpecSchema).min(1).max(64),
  /** Rules that produce the candidate pairs scored at prediction. */
  blocking: z.array(BlockingRuleSpecSchema).max(32).default([]),
  termFrequencies: z.array(TermFrequencyTableSchema).max(64).default([]),
  /** Where the parameters came from: how training went, for the record. */
  training: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A model spec; see {@link ModelSpecSchema}.
 *
 * @example
 * ```ts
 * import type { ModelSpec } from 'threadline';
 *
 * const save = (spec: ModelSpec) => JSON.stringify(spec);
 * console.log(typeof save);
 * ```
 */
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

/**
 * What a user may write as a model spec: fields with defaults may be left out.
 *
 * @example
 * ```ts
 * import type { ModelSpecInput } from 'threadline';
 *
 * const minimal: ModelSpecInput = { comparisons: [{ name: 'x', levels: [{ kind: 'exact', field: 'x' }, { kind: 'else' }] }] };
 * console.log(minimal.comparisons.length);
 * ```
 */
export type ModelSpecInput = z.input<typeof ModelSpecSchema>;

/**
 * A term-frequency table; see {@link TermFrequencyTableSchema}.
 *
 * @example
 * ```ts
 * import type { TermFrequencyTable } from 'threadline';
 *
 * const surnames: TermFrequencyTable = { field: 'surname', values: { smith: 0.012 }, otherFrequency: 0.0002 };
 * console.log(surnames.values.smith);
 * ```
 */
export type TermFrequencyTable = z.infer<typeof TermFrequencyTableSchema>;

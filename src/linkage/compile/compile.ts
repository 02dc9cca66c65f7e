import { ThreadlineError } from '../../core/errors.js';
import { err, type Issue, ok, type Result } from '../../core/result.js';
import { toIssues } from '../../model/parse.js';
import {
  type LevelSpec,
  type ModelSpec,
  type ModelSpecInput,
  ModelSpecSchema,
  type TransformSpec,
} from '../spec/spec.js';
import { compileChain, inputKey, type NormalizationMemo } from '../transform/transform.js';

/**
 * A predicate for `custom` levels: given the (transformed) values of both records, does the
 * level hold? Register predicates by name when compiling.
 *
 * @example
 * ```ts
 * import type { CustomPredicate } from 'threadline';
 *
 * const sameLastFour: CustomPredicate = (a, b) => a.some((x) => b.some((y) => x.slice(-4) === y.slice(-4)));
 * console.log(sameLastFour(['5551234'], ['9991234'])); // true
 * ```
 */
export type CustomPredicate = (a: readonly string[], b: readonly string[]) => boolean;

/**
 * Options for {@link compileModel}.
 *
 * @example
 * ```ts
 * import type { CompileOptions } from 'threadline';
 *
 * const options: CompileOptions = { predicates: { always: () => true } };
 * console.log(Object.keys(options.predicates ?? {}));
 * ```
 */
export interface CompileOptions {
  /** Predicates for `custom` levels, by name. */
  readonly predicates?: Readonly<Record<string, CustomPredicate>>;
}

/**
 * One field read through one transform chain: a column of prepared values shared by every
 * level and blocking key that reads the same thing.
 *
 * @example
 * ```ts
 * import { compileModel, type CompiledInput } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'email', levels: [{ kind: 'exact', transform: ['email'] }, { kind: 'else' }] }] });
 * const input: CompiledInput | undefined = model.inputs[0];
 * console.log(input?.key); // email|["email"]
 * ```
 */
export interface CompiledInput {
  /** A stable text key of the field and transforms. */
  readonly key: string;
  /** The record field read. */
  readonly field: string;
  /** The transforms applied, in order. */
  readonly transform: readonly TransformSpec[] | undefined;
  /**
   * Maps a record's raw values to the transformed values; a memo shares normalizer results
   * between the inputs reading one batch of records.
   */
  readonly apply: (values: readonly string[], memo?: NormalizationMemo) => readonly string[];
  /** Whether levels read the values as dates (day numbers and year-month-day parts). */
  readonly dates: boolean;
  /** Whether levels read the values as numbers. */
  readonly numbers: boolean;
  /** Whether string-similarity levels read the values (a character sketch prunes them). */
  readonly sketch: boolean;
}

/**
 * A compiled comparison level: its test, its trained m and u, and its weight.
 *
 * @example
 * ```ts
 * import { compileModel, type CompiledLevel } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }] });
 * const level: CompiledLevel | undefined = model.comparisons[0]?.levels[0];
 * console.log(level?.label, level?.weight.toFixed(2)); // exact 6.49
 * ```
 */
export interface CompiledLevel {
  /** The level's position in its comparison. */
  readonly index: number;
  readonly kind: LevelSpec['kind'];
  /** A human label for explanations. */
  readonly label: string;
  /** The index of the model input the level reads (-1 for `else`). */
  readonly input: number;
  /** Similarity threshold (`jaro_winkler`, `jaro`, `jaccard`). */
  readonly threshold: number;
  /** Largest edit distance (`levenshtein`, `damerau_levenshtein`). */
  readonly maxDistance: number;
  /** Largest difference in days (`date_within`). */
  readonly days: number;
  /** Largest absolute and relative difference (`number_within`; NaN when not set). */
  readonly absolute: number;
  readonly relative: number;
  /** Values in common needed (`intersect`). */
  readonly min: number;
  /** The registered predicate (`custom`). */
  readonly predicate: CustomPredicate | undefined;
  /**
   * For similarity levels: the lowest threshold of the comparison's levels of the same metric
   * and input (below it, the exact similarity never matters). For distance levels: the largest
   * bound of those levels.
   */
  readonly reach: number;
  /** P(level | match), when trained. */
  readonly m: number | undefined;
  /** P(level | non-match), when trained. */
  readonly u: number | undefined;
  /** log2(m / u); 0 for the null level; NaN until trained. */
  readonly weight: number;
  readonly tf: { readonly weight: number; readonly minFrequency: number | undefined } | undefined;
  /** Whether training estimates m for this level (every level but null). */
  readonly estimated: boolean;
}

/**
 * A compiled comparison: its levels in order, and the fields it reads.
 *
 * @example
 * ```ts
 * import { compileModel, type CompiledComparison } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'email', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * const c: CompiledComparison | undefined = model.comparisons[0];
 * console.log(c?.name, [...(c?.fields ?? [])]); // e [ 'email' ]
 * ```
 */
export interface CompiledComparison {
  readonly index: number;
  readonly name: string;
  readonly levels: readonly CompiledLevel[];
  /** Fields the comparison reads, to know which comparisons a blocking rule fixes in EM. */
  readonly fields: ReadonlySet<string>;
}

/**
 * A compiled blocking rule: the inputs whose values are AND-ed into keys.
 *
 * @example
 * ```ts
 * import { compileModel, type CompiledBlockingRule } from 'threadline';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'e', levels: [{ kind: 'exact' }, { kind: 'else' }] }], blocking: [{ name: 'by e', keys: [{ field: 'e' }] }] });
 * const rule: CompiledBlockingRule | undefined = model.blocking[0];
 * console.log(rule?.name); // by e
 * ```
 */
export interface CompiledBlockingRule {
  readonly name: string;
  readonly inputs: readonly number[];
  readonly fields: ReadonlySet<string>;
}

/**
 * A model ready to use: validated, with level tests and weights precomputed. Immutable. Make
 * it with {@link compileModel}; the engine's functions take it as their first argument.
 *
 * @example
 * ```ts
 * import { compileModel } from 'threadline';
 *
 * const model = compileModel({
 *   comparisons: [{ name: 'email', field: 'email', levels: [{ kind: 'null', transform: ['email'] }, { kind: 'exact', transform: ['email'], m: 0.9, u: 0.001 }, { kind: 'else', m: 0.1, u: 0.999 }] }],
 * });
 * console.log(model.comparisons[0]?.levels[1]?.weight.toFixed(2)); // 9.81
 * ```
 */
export interface CompiledModel {
  readonly spec: ModelSpec;
  readonly prior: number;
  /** log2 of the prior odds. */
  readonly priorWeight: number;
  readonly inputs: readonly CompiledInput[];
  readonly comparisons: readonly CompiledComparison[];
  readonly blocking: readonly CompiledBlockingRule[];
  /** True when every non-null level has m and u. */
  readonly trained: boolean;
  /** Term-frequency tables from the spec, by input index. */
  readonly termFrequencies: ReadonlyMap<
    number,
    { readonly values: ReadonlyMap<string, number>; readonly other: number }
  >;
  readonly predicates: Readonly<Record<string, CustomPredicate>>;
}

function defaultLabel(level: LevelSpec): string {
  const via =
    'transform' in level && level.transform !== undefined && level.transform.length > 0
      ? ` on ${level.transform.map((t) => (typeof t === 'string' ? t : `${t.fn}${'n' in t ? ` ${t.n}` : ` ${t.platform}`}`)).join(' → ')}`
      : '';
  switch (level.kind) {
    case 'null':
      return 'no value on one side';
    case 'else':
      return 'all other';
    case 'exact':
      return `exact${via}`;
    case 'jaro_winkler':
      return `Jaro-Winkler ≥ ${level.threshold}${via}`;
    case 'jaro':
      return `Jaro ≥ ${level.threshold}${via}`;
    case 'levenshtein':
      return `Levenshtein ≤ ${level.maxDistance}${via}`;
    case 'damerau_levenshtein':
      return `Damerau-Levenshtein ≤ ${level.maxDistance}${via}`;
    case 'jaccard':
      return `token Jaccard ≥ ${level.threshold}${via}`;
    case 'date_within':
      return `within ${level.amount} ${level.unit}${via}`;
    case 'date_transposed':
      return `day and month transposed${via}`;
    case 'number_within':
      return `within ${level.absolute !== undefined ? level.absolute : `${(level.relative ?? 0) * 100}%`}${via}`;
    case 'intersect':
      return `${level.min}+ values in common${via}`;
    case 'initial':
      return `initial agrees${via}`;
    case 'custom':
      return `${level.predicate}${via}`;
  }
}

/**
 * Validates a model spec and compiles it into an immutable {@link CompiledModel}. Never throws;
 * returns path-addressed issues for a bad spec (an unknown transform, a missing field, a
 * comparison whose last level is not `else`, a level with m but no u).
 *
 * @example
 * ```ts
 * import { safeCompileModel } from 'threadline';
 *
 * const r = safeCompileModel({ comparisons: [{ name: 'x', levels: [{ kind: 'exact' }, { kind: 'exact', field: 'x' }] }] });
 * if (!r.ok) console.log(r.issues.map((i) => i.path.join('.')));
 * ```
 */
export function safeCompileModel(
  spec: ModelSpecInput | ModelSpec,
  options: CompileOptions = {},
): Result<CompiledModel> {
  const parsed = ModelSpecSchema.safeParse(spec);
  if (!parsed.success) return err(toIssues(parsed.error));
  try {
    return build(parsed.data, options);
  } catch (error) {
    if (error instanceof ThreadlineError) return err(error.issues);
    throw error;
  }
}

/**
 * Validates a model spec and compiles it into an immutable {@link CompiledModel}.
 *
 * @throws {@link ThreadlineError} with code `invalid_model` and path-addressed issues.
 * @example
 * ```ts
 * import { compileModel } from 'threadline';
 *
 * const model = compileModel({
 *   comparisons: [{ name: 'name', field: 'name', levels: [{ kind: 'null' }, { kind: 'jaro_winkler', threshold: 0.9, transform: ['name'] }, { kind: 'else' }] }],
 * });
 * console.log(model.trained); // false
 * ```
 */
export function compileModel(
  spec: ModelSpecInput | ModelSpec,
  options: CompileOptions = {},
): CompiledModel {
  const result = safeCompileModel(spec, options);
  if (result.ok) return result.value;
  throw new ThreadlineError('invalid_model', 'Invalid model', result.issues);
}

function build(spec: ModelSpec, options: CompileOptions): Result<CompiledModel> {
  const issues: Issue[] = [];
  const predicates = Object.freeze({ ...(options.predicates ?? {}) });
  const context = spec.region === undefined ? {} : { region: spec.region };
  const inputs: CompiledInput[] = [];
  const inputIndex = new Map<string, number>();
  const internInput = (field: string, transform: readonly TransformSpec[] | undefined): number => {
    const key = inputKey(field, transform);
    const known = inputIndex.get(key);
    if (known !== undefined) return known;
    const index = inputs.length;
    inputs.push({
      key,
      field,
      transform,
      apply: compileChain(transform, context),
      dates: false,
      numbers: false,
      sketch: false,
    });
    inputIndex.set(key, index);
    return index;
  };
  const dateInputs = new Set<number>();
  const numberInputs = new Set<number>();
  const sketchInputs = new Set<number>();

  const names = new Set<string>();
  const comparisons: CompiledComparison[] = spec.comparisons.map((comparison, c) => {
    const path = ['comparisons', c];
    if (names.has(comparison.name)) {
      issues.push({
        code: 'duplicate_name',
        path: [...path, 'name'],
        message: `two comparisons are named "${comparison.name}"`,
      });
    }
    names.add(comparison.name);
    const last = comparison.levels[comparison.levels.length - 1];
    if (last?.kind !== 'else') {
      issues.push({
        code: 'missing_else',
        path: [...path, 'levels'],
        message: 'the last level of a comparison must be { kind: "else" }',
      });
    }
    const fields = new Set<string>();
    const levels = comparison.levels.map((level, l): CompiledLevel => {
      const levelPath = [...path, 'levels', l];
      if (level.kind === 'else' && l !== comparison.levels.length - 1) {
        issues.push({
          code: 'else_not_last',
          path: levelPath,
          message: 'an "else" level must come last',
        });
      }
      if (level.kind === 'null' && l !== 0) {
        issues.push({
          code: 'null_not_first',
          path: levelPath,
          message: 'a "null" level must come first',
        });
      }
      const field =
        level.kind === 'else' ? (comparison.field ?? '') : (level.field ?? comparison.field);
      if (field === undefined) {
        issues.push({
          code: 'missing_field',
          path: [...levelPath, 'field'],
          message: 'name a field on the level or on its comparison',
        });
      }
      if (level.kind !== 'else' && field !== undefined) fields.add(field);
      const transform = level.kind === 'else' ? undefined : level.transform;
      const input =
        field === undefined || level.kind === 'else' ? -1 : internInput(field, transform);
      if (level.kind === 'date_within' || level.kind === 'date_transposed') dateInputs.add(input);
      if (level.kind === 'number_within') numberInputs.add(input);
      const m = level.kind === 'null' ? undefined : level.m;
      const u = level.kind === 'null' ? undefined : level.u;
      if ((m === undefined) !== (u === undefined)) {
        issues.push({
          code: 'half_trained',
          path: levelPath,
          message: 'a level needs both m and u, or neither',
        });
      }
      if (
        level.kind === 'number_within' &&
        level.absolute === undefined &&
        level.relative === undefined
      ) {
        issues.push({
          code: 'missing_bound',
          path: levelPath,
          message: 'number_within needs "absolute" or "relative"',
        });
      }
      let predicate: CustomPredicate | undefined;
      if (level.kind === 'custom') {
        predicate = Object.hasOwn(predicates, level.predicate)
          ? predicates[level.predicate]
          : undefined;
        if (predicate === undefined) {
          issues.push({
            code: 'unknown_predicate',
            path: [...levelPath, 'predicate'],
            message: `register "${level.predicate}" in the compile options' predicates`,
          });
        }
      }
      const unit = level.kind === 'date_within' ? level.unit : 'days';
      const amount = level.kind === 'date_within' ? level.amount : 0;
      const tf =
        'tf' in level && level.tf !== undefined
          ? { weight: level.tf.weight, minFrequency: level.tf.minFrequency }
          : undefined;
      return Object.freeze({
        index: l,
        kind: level.kind,
        label: level.label ?? defaultLabel(level),
        input,
        threshold: 'threshold' in level ? level.threshold : Number.NaN,
        maxDistance: 'maxDistance' in level ? level.maxDistance : 0,
        days: unit === 'days' ? amount : unit === 'months' ? amount * 30.4375 : amount * 365.25,
        absolute: level.kind === 'number_within' ? (level.absolute ?? Number.NaN) : Number.NaN,
        relative: level.kind === 'number_within' ? (level.relative ?? Number.NaN) : Number.NaN,
        min: level.kind === 'intersect' ? level.min : 1,
        predicate,
        m,
        u,
        weight:
          level.kind === 'null'
            ? 0
            : m !== undefined && u !== undefined
              ? Math.log2(m / u)
              : Number.NaN,
        tf,
        estimated: level.kind !== 'null',
        reach: Number.NaN,
      });
    });
    // Levels of one metric on one input share a computation; record how far it must reach.
    const withReach = levels.map((level) => {
      const similar = levels.filter(
        (other) => other.kind === level.kind && other.input === level.input,
      );
      if (level.kind === 'jaro_winkler' || level.kind === 'jaro') {
        sketchInputs.add(level.input);
        return Object.freeze({ ...level, reach: Math.min(...similar.map((o) => o.threshold)) });
      }
      if (level.kind === 'levenshtein' || level.kind === 'damerau_levenshtein') {
        sketchInputs.add(level.input);
        return Object.freeze({ ...level, reach: Math.max(...similar.map((o) => o.maxDistance)) });
      }
      return Object.freeze(level);
    });
    return Object.freeze({
      index: c,
      name: comparison.name,
      levels: Object.freeze(withReach),
      fields,
    });
  });

  const blocking = spec.blocking.map(
    (rule): CompiledBlockingRule => ({
      name: rule.name ?? rule.keys.map((k) => inputKey(k.field, k.transform)).join(' & '),
      inputs: rule.keys.map((k) => internInput(k.field, k.transform)),
      fields: new Set(rule.keys.map((k) => k.field)),
    }),
  );

  const termFrequencies = new Map<number, { values: ReadonlyMap<string, number>; other: number }>();
  spec.termFrequencies.forEach((table) => {
    const index = internInput(table.field, table.transform);
    termFrequencies.set(index, {
      values: new Map(Object.entries(table.values)),
      other: table.otherFrequency,
    });
  });

  if (issues.length > 0) return err(issues);
  const frozenInputs = inputs.map((input, k) =>
    Object.freeze({
      ...input,
      dates: dateInputs.has(k),
      numbers: numberInputs.has(k),
      sketch: sketchInputs.has(k),
    }),
  );
  const trained = comparisons.every((c) =>
    c.levels.every((l) => l.kind === 'null' || (l.m !== undefined && l.u !== undefined)),
  );
  return ok(
    Object.freeze({
      spec,
      prior: spec.prior,
      priorWeight: Math.log2(spec.prior / (1 - spec.prior)),
      inputs: Object.freeze(frozenInputs),
      comparisons: Object.freeze(comparisons),
      blocking: Object.freeze(blocking),
      trained,
      termFrequencies,
      predicates,
    }),
  );
}

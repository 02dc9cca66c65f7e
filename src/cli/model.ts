/**
 * From detected columns to a model spec, and model files in and out.
 */
import { readFile } from 'node:fs/promises';
import { ThreadlineError } from '../core/errors.js';
import {
  type BlockingRuleSpec,
  type ColumnKind,
  type CompiledModel,
  compileModel,
  defaultModelSpec,
  handleComparison,
  type ModelSpec,
  type ModelSpecInput,
  ModelSpecSchema,
} from '../linkage/index.js';
import type { ColumnDetection } from './detect.js';
import { formatError } from './io/index.js';

/**
 * The key under which the command line stores each record's id for the engine. Model fields
 * are letters, digits, `_ . -`, so this can never be a column of the model.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { ID_FIELD } from './model.js';
 *
 * const record = { [ID_FIELD]: 'rec-1', email: 'ana@example.com' };
 * console.log(Object.keys(record).length); // 2
 * ```
 */
export const ID_FIELD = '\u0000id';

const FIELD = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const NOT_FIELD_CHARACTER = /[^A-Za-z0-9_.-]/g;

/**
 * The model field name for a column: the name itself when the model accepts it (letters,
 * digits, `_ . -`, not starting with a digit, at most 64), otherwise the name with every other
 * character replaced by `_` (so `First Name` becomes `First_Name`). The same column name always
 * gives the same field, so a saved model finds its columns in the next file.
 *
 * @param column - a column name as the file spells it.
 * @returns a valid model field name.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { fieldName } from './model.js';
 *
 * console.log(fieldName('email'), fieldName('First Name'), fieldName('2nd phone')); // email First_Name _2nd_phone
 * ```
 */
export function fieldName(column: string): string {
  if (FIELD.test(column)) return column;
  let field = column.replace(NOT_FIELD_CHARACTER, '_');
  if (!/^[A-Za-z_]/.test(field)) field = `_${field}`;
  return field.slice(0, 64);
}

/**
 * The evidence columns and the model fields they become: one entry per column whose kind is
 * not `ignore`.
 *
 * @example
 * ```ts
 * // from src/cli
 * import type { EvidenceColumn } from './model.js';
 *
 * const c: EvidenceColumn = { column: 'First Name', field: 'First_Name', kind: 'given_name' };
 * console.log(c.field);
 * ```
 */
export interface EvidenceColumn {
  readonly column: string;
  readonly field: string;
  readonly kind: ColumnKind;
  readonly platform?: string;
}

/**
 * The evidence columns among detections, with their field names.
 *
 * @throws {@link ThreadlineError} `invalid_options` when two evidence columns would share a field.
 * @example
 * ```ts
 * // from src/cli
 * import { evidenceColumns } from './model.js';
 *
 * console.log(evidenceColumns([{ column: 'e mail', kind: 'email', source: 'name', note: '' }]));
 * // [ { column: 'e mail', field: 'e_mail', kind: 'email' } ]
 * ```
 */
export function evidenceColumns(detections: readonly ColumnDetection[]): EvidenceColumn[] {
  const out: EvidenceColumn[] = [];
  const byField = new Map<string, string>();
  for (const d of detections) {
    if (d.kind === 'ignore') continue;
    const field = fieldName(d.column);
    const other = byField.get(field);
    if (other !== undefined) {
      throw new ThreadlineError(
        'invalid_options',
        `the columns ${JSON.stringify(other)} and ${JSON.stringify(d.column)} would both be the model field ${JSON.stringify(field)}; rename one, or add --column ${JSON.stringify(`${d.column}=ignore`)}`,
      );
    }
    byField.set(field, d.column);
    out.push(
      d.platform === undefined
        ? { column: d.column, field, kind: d.kind }
        : { column: d.column, field, kind: d.kind, platform: d.platform },
    );
  }
  return out;
}

/**
 * The untrained default model for the evidence columns (see `defaultModelSpec`), with each
 * handle column normalized for its own platform.
 *
 * @param columns - the evidence columns.
 * @param region - the default phone region, if any.
 * @returns the spec and the deterministic rules that estimate the prior.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { buildSpec } from './model.js';
 *
 * const { spec } = buildSpec([{ column: 'ig', field: 'ig', kind: 'handle', platform: 'instagram' }], undefined);
 * console.log(JSON.stringify(spec.comparisons[0]?.levels[1]));
 * ```
 */
export function buildSpec(
  columns: readonly EvidenceColumn[],
  region: string | undefined,
): { readonly spec: ModelSpecInput; readonly deterministicRules: readonly BlockingRuleSpec[] } {
  const kinds: Record<string, ColumnKind> = {};
  const platforms = new Map<string, string>();
  for (const c of columns) {
    kinds[c.field] = c.kind;
    if (c.kind === 'handle' && c.platform !== undefined && c.platform !== 'x') {
      platforms.set(c.field, c.platform);
    }
  }
  const base = defaultModelSpec(kinds, region === undefined ? {} : { region });
  if (platforms.size === 0) return base;
  const retarget = (rule: BlockingRuleSpec): BlockingRuleSpec => ({
    ...rule,
    keys: rule.keys.map((key) => {
      const platform = platforms.get(key.field);
      if (platform === undefined || key.transform === undefined) return key;
      return {
        ...key,
        transform: key.transform.map((t) =>
          typeof t === 'object' && t.fn === 'handle' ? { fn: 'handle' as const, platform } : t,
        ),
      };
    }),
  });
  return {
    spec: {
      ...base.spec,
      comparisons: base.spec.comparisons.map((c) => {
        const platform = c.field === undefined ? undefined : platforms.get(c.field);
        return platform === undefined || c.field === undefined
          ? c
          : handleComparison(c.field, platform, c.name);
      }),
      ...(base.spec.blocking === undefined ? {} : { blocking: base.spec.blocking.map(retarget) }),
    },
    deterministicRules: base.deterministicRules.map(retarget),
  };
}

/**
 * Reads a model saved by `--save-model` (or written by hand), checks it and compiles it.
 *
 * @param path - the model file.
 * @returns the spec and the compiled model.
 * @throws {@link ThreadlineError} `invalid_model` with a one-line reason when the file cannot be
 * read, is not JSON, is not a model, or is not trained.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { loadModel } from './model.js';
 *
 * const { model } = await loadModel('model.json');
 * console.log(model.comparisons.length);
 * ```
 */
export async function loadModel(
  path: string,
): Promise<{ readonly spec: ModelSpec; readonly model: CompiledModel }> {
  const fail = (reason: string) =>
    new ThreadlineError('invalid_model', `cannot use the model ${path}: ${reason}`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ThreadlineError('invalid_model', formatError(e));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw fail(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = ModelSpecSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const where = first === undefined || first.path.length === 0 ? '' : `${first.path.join('.')}: `;
    throw fail(
      `not a threadline model (${where}${first?.message ?? 'invalid'}${issues.length > 1 ? `, and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''}` : ''})`,
    );
  }
  let model: CompiledModel;
  try {
    model = compileModel(parsed.data);
  } catch (e) {
    const issue = e instanceof ThreadlineError ? e.issues[0] : undefined;
    throw fail(issue === undefined ? formatError(e) : `${issue.path.join('.')}: ${issue.message}`);
  }
  if (!model.trained) {
    throw fail('it is not trained (some levels lack m or u); train one with --save-model');
  }
  return { spec: parsed.data, model };
}

/**
 * The fields a compiled model reads from records.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { compileModel } from '../linkage/index.js';
 * import { modelFields } from './model.js';
 *
 * const model = compileModel({ comparisons: [{ name: 'e', field: 'email', levels: [{ kind: 'exact' }, { kind: 'else' }] }] });
 * console.log(modelFields(model)); // [ 'email' ]
 * ```
 */
export function modelFields(model: CompiledModel): string[] {
  return [...new Set(model.inputs.map((input) => input.field))];
}

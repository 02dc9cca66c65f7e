import { ThreadlineError } from '../../core/errors.js';
import { rawPairCount } from '../blocking/blocking.js';
import { type CompiledModel, type CompileOptions, compileModel } from '../compile/compile.js';
import { defaultRulePairBudget } from '../predict/predict.js';
import {
  bindModel,
  type LinkRecord,
  type PreparedRecords,
  type PrepareOptions,
  prepareRecords,
} from '../prepare/prepare.js';
import {
  type BlockingRuleSpec,
  type ModelSpec,
  type ModelSpecInput,
  ModelSpecSchema,
  type TermFrequencyTable,
} from '../spec/spec.js';
import {
  type EmOptions,
  type EmSessionReport,
  emSession,
  estimateMFromPairs,
  estimatePrior,
  estimateU,
  GammaMemo,
  type USamplingOptions,
  type USamplingReport,
} from './estimate.js';
import { normalize, readParameters, writeParameters } from './params.js';

/**
 * Options for {@link trainModel}.
 *
 * @example
 * ```ts
 * import type { TrainOptions } from 'threadline';
 *
 * const options: TrainOptions = {
 *   idField: 'rec_id',
 *   deterministicRules: [{ keys: [{ field: 'email', transform: ['email'] }, { field: 'dob', transform: ['date'] }] }],
 *   recall: 0.7,
 *   u: { maxPairs: 1_000_000, seed: 1 },
 * };
 * console.log(options.recall);
 * ```
 */
export interface TrainOptions extends CompileOptions {
  /** The field holding record ids (default `id`). */
  readonly idField?: string;
  /** For linkage: the right-hand records (the main argument holds the left ones). */
  readonly right?: readonly LinkRecord[];
  /** With `right`: also find duplicates within each source. */
  readonly dedupeWithinSources?: boolean;
  /**
   * Rules whose pairs are almost all matches, to estimate the prior. Without them the spec's
   * prior is kept.
   */
  readonly deterministicRules?: readonly BlockingRuleSpec[];
  /** The share of all true matches the deterministic rules are believed to find (default 0.8). */
  readonly recall?: number;
  /**
   * Blocking rules for the EM sessions, one session each (default: the model's blocking
   * rules). Comparisons that read a session's rule fields are estimated in other sessions.
   */
  readonly emRules?: readonly BlockingRuleSpec[];
  readonly em?: EmOptions;
  readonly u?: USamplingOptions;
  /** Known matching pairs of record ids: m is estimated from them instead of by EM. */
  readonly matches?: readonly (readonly [string, string])[];
  /** Most values kept per term-frequency table (default 50,000; rarer values share one frequency). */
  readonly maxTermFrequencyValues?: number;
  /**
   * The same records already prepared for {@link trainingSpec} (with the same `idField`,
   * `right` and `dedupeWithinSources`), for instance on several threads: training reads them
   * instead of preparing the records again. The result is the same.
   */
  readonly prepared?: PreparedRecords;
}

/**
 * What training did: the u sample, the prior estimate, each EM session, and the comparisons
 * no session could estimate.
 *
 * @example
 * ```ts
 * import type { TrainingReport } from 'threadline';
 *
 * const converged = (r: TrainingReport) => r.sessions.every((s) => s.converged);
 * console.log(typeof converged);
 * ```
 */
export interface TrainingReport {
  readonly records: number;
  readonly u: USamplingReport;
  readonly prior: {
    readonly estimated: boolean;
    readonly value: number;
    readonly deterministicPairs?: number;
  };
  readonly sessions: readonly EmSessionReport[];
  readonly labelledMatches: number;
  /** Comparisons whose m was never estimated (kept at their starting values). */
  readonly unestimated: readonly string[];
  /** Blocking rules with no EM session because their pair count exceeds prediction's budget. */
  readonly skippedRules: readonly string[];
}

/**
 * Trains a model without labels, as Splink does: u from random pairs, the prior from
 * deterministic rules, m by expectation-maximisation over blocked pairs (or from known matching
 * pairs), and term-frequency tables. Returns the trained spec (plain JSON, ready to save) and a
 * report. Deterministic for a given seed.
 *
 * @throws {@link ThreadlineError} `invalid_model` for a bad spec, `invalid_options` when there is
 * nothing to estimate m from.
 * @example
 * ```ts
 * import { trainModel } from 'threadline';
 *
 * const people = [
 *   { id: '1', name: 'Ana Souza', city: 'Lisbon' }, { id: '2', name: 'Ana Sousa', city: 'Lisbon' },
 *   { id: '3', name: 'Bob Smith', city: 'Leeds' }, { id: '4', name: 'Robert Smith', city: 'Leeds' },
 *   { id: '5', name: 'Chen Wei', city: 'Porto' },
 * ];
 * const { spec, report } = trainModel(
 *   {
 *     comparisons: [
 *       { name: 'name', field: 'name', levels: [{ kind: 'null' }, { kind: 'exact', transform: ['name'] }, { kind: 'jaro_winkler', threshold: 0.9, transform: ['name'] }, { kind: 'else' }] },
 *       { name: 'city', field: 'city', levels: [{ kind: 'null' }, { kind: 'exact', transform: ['fold'] }, { kind: 'else' }] },
 *     ],
 *     blocking: [{ keys: [{ field: 'city', transform: ['fold'] }] }, { keys: [{ field: 'name', transform: ['family'] }] }],
 *   },
 *   people,
 *   { u: { seed: 1 } },
 * );
 * console.log(spec.comparisons[0]?.levels[1]?.m !== undefined, report.sessions.length); // true 2
 * ```
 */
export function trainModel(
  spec: ModelSpecInput | ModelSpec,
  records: readonly LinkRecord[],
  options: TrainOptions = {},
): TrainedModel {
  const { base, emRules, deterministic, training } = trainingPlan(spec, options);
  const model = compileModel(
    training,
    options.predicates === undefined ? {} : { predicates: options.predicates },
  );
  const data =
    options.prepared === undefined
      ? prepareRecords(model, records, prepareOptionsOf(options))
      : adoptPrepared(options.prepared, model, records, options);
  const params = readParameters(model);

  const uReport = estimateU(data, params, options.u);

  let prior: TrainingReport['prior'] = { estimated: false, value: params.prior };
  if (deterministic.length > 0) {
    const rules = deterministic.map((_, k) => emRules.length + k);
    const estimate = estimatePrior(data, params, rules, options.recall ?? 0.8);
    prior = { estimated: true, value: estimate.prior, deterministicPairs: estimate.pairs };
  }

  const sessions: EmSessionReport[] = [];
  const skippedRules: string[] = [];
  let labelled = 0;
  const estimatedComparisons = new Set<number>();
  if (options.matches !== undefined && options.matches.length > 0) {
    const index = new Map<string, number>();
    data.ids.forEach((id, i) => {
      index.set(`${data.sources[i]}:${id}`, i);
      if (!index.has(`*:${id}`)) index.set(`*:${id}`, i);
    });
    const pairs: [number, number][] = [];
    options.matches.forEach(([a, b], k) => {
      const i = options.right === undefined ? index.get(`0:${a}`) : index.get(`0:${a}`);
      const j = options.right === undefined ? index.get(`0:${b}`) : index.get(`1:${b}`);
      if (i === undefined || j === undefined) {
        throw new ThreadlineError('invalid_options', `Labelled pair ${k} names an unknown record`, [
          {
            code: 'unknown_record',
            path: ['matches', k],
            message: `no record with id "${i === undefined ? a : b}"`,
          },
        ]);
      }
      pairs.push([i, j]);
    });
    labelled = estimateMFromPairs(data, params, pairs);
    for (const comparison of model.comparisons) estimatedComparisons.add(comparison.index);
  } else {
    const sums = params.m.map((row) => new Float64Array(row.length));
    const seen = new Uint32Array(params.m.length);
    const memo = new GammaMemo(data);
    // Rules too broad for prediction (see predict's pair budget) would cost the most to
    // enumerate here and are not used to score; sessions run on the others, unless none is left.
    const budget = defaultRulePairBudget(data.size);
    const maxBlock = options.em?.maxBlockSize ?? 5_000;
    const affordable = emRules.map((_, rule) => rawPairCount(data, rule, maxBlock) <= budget);
    const useAll = !affordable.some(Boolean);
    emRules.forEach((_, rule) => {
      if (!useAll && !affordable[rule]) {
        skippedRules.push(data.model.blocking[rule]?.name ?? String(rule));
        return;
      }
      const session = emSession(data, params, rule, options.em, memo);
      sessions.push(session.report);
      session.m.forEach((row, c) => {
        if (Number.isNaN(row[row.length - 1] ?? Number.NaN) || session.report.pairs === 0) return;
        const sum = sums[c] as Float64Array;
        for (let l = 0; l < row.length; l++) sum[l] = (sum[l] ?? 0) + (row[l] ?? 0);
        seen[c] = (seen[c] ?? 0) + 1;
      });
    });
    params.m.forEach((row, c) => {
      const count = seen[c] ?? 0;
      if (count === 0) return;
      estimatedComparisons.add(c);
      const sum = sums[c] as Float64Array;
      for (let l = 0; l < row.length; l++) row[l] = (sum[l] ?? 0) / count;
      normalize(row, model.comparisons[c]?.levels[0]?.kind === 'null');
    });
  }

  const termFrequencies = termFrequencyTables(data, options.maxTermFrequencyValues ?? 50_000);
  const trained = writeParameters({ ...base, termFrequencies }, params);
  const unestimated = model.comparisons
    .filter((_, c) => !estimatedComparisons.has(c))
    .map((c) => c.name);
  const report: TrainingReport = {
    records: data.size,
    u: uReport,
    prior,
    sessions,
    labelledMatches: labelled,
    unestimated,
    skippedRules,
  };
  const finalSpec: ModelSpec = {
    ...trained,
    training: {
      records: data.size,
      uPairs: uReport.pairs,
      sessions: sessions.length,
      labelledMatches: labelled,
    },
  };
  // The records are already read: bind them to the trained model for scoring. Term
  // frequencies counted from these records equal the trained tables, so they are reused.
  const prepared = bindModel(
    data,
    compileModel(
      { ...finalSpec, termFrequencies: [] },
      options.predicates === undefined ? {} : { predicates: options.predicates },
    ),
  );
  return { spec: finalSpec, report, prepared };
}

/**
 * What {@link trainModel} returns: the trained spec (plain JSON: save it, load it with
 * `compileModel`), the report, and the training records already prepared for the trained
 * model, ready for `predict`.
 *
 * @example
 * ```ts
 * import type { TrainedModel } from 'threadline';
 *
 * const save = (t: TrainedModel) => JSON.stringify(t.spec, null, 2);
 * console.log(typeof save);
 * ```
 */
export interface TrainedModel {
  readonly spec: ModelSpec;
  readonly report: TrainingReport;
  readonly prepared: PreparedRecords;
}

function termFrequencyTables(
  data: ReturnType<typeof prepareRecords>,
  maxValues: number,
): TermFrequencyTable[] {
  const tables: TermFrequencyTable[] = [];
  const done = new Set<number>();
  for (const comparison of data.model.comparisons) {
    for (const level of comparison.levels) {
      if (level.tf === undefined || level.input < 0 || done.has(level.input)) continue;
      done.add(level.input);
      const column = data.columns[level.input];
      const input = data.model.inputs[level.input];
      const frequencies = column?.frequencies;
      if (column === undefined || input === undefined || frequencies === undefined) continue;
      // Values seen once carry the shared "other" frequency; keep the common ones by name.
      const common: [string, number][] = [];
      frequencies.forEach((frequency, id) => {
        if (frequency > column.otherFrequency * 1.5)
          common.push([column.dictionary[id] as string, frequency]);
      });
      common.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const values: Record<string, number> = Object.create(null);
      for (const [value, frequency] of common.slice(0, maxValues)) values[value] = frequency;
      tables.push({
        field: input.field,
        ...(input.transform === undefined ? {} : { transform: [...input.transform] }),
        values,
        otherFrequency: column.otherFrequency,
      });
    }
  }
  return tables;
}

/**
 * The spec records are prepared with for training: the model's comparisons, with blocking rules
 * for the EM sessions and the deterministic rules. To read the records elsewhere (on other
 * threads, say) and pass them to {@link trainModel} as `prepared`, prepare them for this spec.
 *
 * @throws {@link ThreadlineError} `invalid_model` for a bad spec, `invalid_options` when there is
 * nothing to estimate m from.
 * @example
 * ```ts
 * import { compileModel, prepareRecords, trainingSpec, trainModel } from 'threadline';
 *
 * const people = [
 *   { id: '1', name: 'Ana Souza', city: 'Lisbon' }, { id: '2', name: 'Ana Sousa', city: 'Lisbon' },
 *   { id: '3', name: 'Bob Smith', city: 'Leeds' }, { id: '4', name: 'Robert Smith', city: 'Leeds' },
 * ];
 * const spec = {
 *   comparisons: [
 *     { name: 'name', field: 'name', levels: [{ kind: 'null' }, { kind: 'exact', transform: ['name'] }, { kind: 'jaro_winkler', threshold: 0.9, transform: ['name'] }, { kind: 'else' }] },
 *     { name: 'city', field: 'city', levels: [{ kind: 'null' }, { kind: 'exact', transform: ['fold'] }, { kind: 'else' }] },
 *   ],
 *   blocking: [{ keys: [{ field: 'city', transform: ['fold'] }] }, { keys: [{ field: 'name', transform: ['family'] }] }],
 * } as const;
 * const options = { u: { seed: 1 } };
 * // Prepared once (elsewhere, in a real program: another thread, a cache), then trained on.
 * const prepared = prepareRecords(compileModel(trainingSpec(spec, options)), people);
 * const trained = trainModel(spec, people, { ...options, prepared });
 * console.log(trained.report.sessions.length); // 2
 * ```
 */
export function trainingSpec(
  spec: ModelSpecInput | ModelSpec,
  options: TrainOptions = {},
): ModelSpec {
  return trainingPlan(spec, options).training;
}

function trainingPlan(
  spec: ModelSpecInput | ModelSpec,
  options: TrainOptions,
): {
  readonly base: ModelSpec;
  readonly emRules: readonly BlockingRuleSpec[];
  readonly deterministic: readonly BlockingRuleSpec[];
  readonly training: ModelSpec;
} {
  const parsed = ModelSpecSchema.safeParse(spec);
  // An invalid spec is reported exactly as compileModel reports it.
  if (!parsed.success) compileModel(spec);
  const base = parsed.data as ModelSpec;
  const emRules = options.emRules ?? base.blocking;
  const deterministic = options.deterministicRules ?? [];
  if (emRules.length === 0 && (options.matches === undefined || options.matches.length === 0)) {
    throw new ThreadlineError('invalid_options', 'Nothing to estimate m from', [
      {
        code: 'no_em_rules',
        path: ['emRules'],
        message: 'give blocking rules (in the spec or as emRules) or labelled matches',
      },
    ]);
  }
  const training: ModelSpec = { ...base, blocking: [...emRules, ...deterministic] };
  return { base, emRules, deterministic, training };
}

function prepareOptionsOf(options: TrainOptions): PrepareOptions {
  return {
    ...(options.idField === undefined ? {} : { idField: options.idField }),
    ...(options.right === undefined ? {} : { right: options.right }),
    ...(options.dedupeWithinSources === undefined
      ? {}
      : { dedupeWithinSources: options.dedupeWithinSources }),
  };
}

/** Records prepared elsewhere, bound to the training model (columns read alike are reused). */
function adoptPrepared(
  prepared: PreparedRecords,
  model: CompiledModel,
  records: readonly LinkRecord[],
  options: TrainOptions,
): PreparedRecords {
  const size = records.length + (options.right?.length ?? 0);
  const mode =
    options.right === undefined
      ? 'dedupe'
      : options.dedupeWithinSources === true
        ? 'link_and_dedupe'
        : 'link';
  if (prepared.size !== size || prepared.mode !== mode) {
    throw new ThreadlineError('invalid_options', 'The prepared records are not these records', [
      {
        code: 'prepared_mismatch',
        path: ['prepared'],
        message: `expected ${size} records prepared for ${mode}, got ${prepared.size} for ${prepared.mode}`,
      },
    ]);
  }
  return bindModel(prepared, model);
}

// Streams a public linkage dataset through the online resolver, one record per incoming
// interaction, and scores the final grouping against the ground truth, beside the batch engine
// and an exact-key resolver (the helpdesk baseline: link on an identical email or phone) on the
// same data in the same run.
//   npx tsx benchmarks/resolver-stream.ts fake1000 [--data-dir DIR] [--order file|shuffled]
import {
  type Clusters,
  clusterPredictions,
  compileModel,
  createResolver,
  defaultModelSpec,
  evaluateClusters,
  type InteractionInput,
  type LinkRecord,
  predict,
  seededRandom,
  trainModel,
} from '../src/index.js';
import { exactKeyClusters } from './lib/baseline.js';
import { dataDir } from './lib/data.js';
import { loadDataset } from './lib/datasets.js';
import { round3 } from './lib/measure.js';

const name = process.argv[2] ?? '';
const orderArg = process.argv.includes('--order')
  ? process.argv[process.argv.indexOf('--order') + 1]
  : 'shuffled';
const dataset = loadDataset(dataDir(process.argv), name);
if (dataset === undefined) {
  console.log(JSON.stringify({ dataset: name, skipped: 'dataset absent or unknown' }));
  process.exit(0);
}

const summary = (a: { precision: number; recall: number; f1: number }) => ({
  precision: round3(a.precision),
  recall: round3(a.recall),
  f1: round3(a.f1),
});

// The batch engine, exactly as the linkage benchmark runs it.
const { spec, deterministicRules } = defaultModelSpec(
  dataset.columns,
  dataset.region === undefined ? {} : { region: dataset.region },
);
const trained = trainModel(spec, dataset.left, {
  idField: dataset.idField,
  ...(dataset.right === undefined ? {} : { right: dataset.right }),
  deterministicRules,
  recall: 0.8,
  u: { seed: 1 },
});
const data = trained.prepared;
const predictions = predict(data, { threshold: { probability: 0.01 } });
// A resolver groups every contact, within a source too; the batch run that does the same task
// is link-and-dedupe (for a dedupe dataset, the run above already is).
const dedupeAll =
  dataset.right === undefined
    ? undefined
    : trainModel(spec, dataset.left, {
        idField: dataset.idField,
        right: dataset.right,
        dedupeWithinSources: true,
        deterministicRules,
        recall: 0.8,
        u: { seed: 1 },
      });
const dedupeAllAt050 =
  dedupeAll === undefined
    ? undefined
    : summary(
        evaluateClusters(
          dedupeAll.prepared,
          clusterPredictions(predict(dedupeAll.prepared, { threshold: { probability: 0.01 } }), {
            threshold: { probability: 0.5 },
            bridges: 'refuse',
          }),
          dataset.truth,
        ),
      );
const batch = {
  ...(dedupeAllAt050 === undefined ? {} : { linkAndDedupeRefuseWeakBridgesAt050: dedupeAllAt050 }),
  connectedComponentsAt050: summary(
    evaluateClusters(
      data,
      clusterPredictions(predictions, { threshold: { probability: 0.5 } }),
      dataset.truth,
    ),
  ),
  refuseWeakBridgesAt050: summary(
    evaluateClusters(
      data,
      clusterPredictions(predictions, { threshold: { probability: 0.5 }, bridges: 'refuse' }),
      dataset.truth,
    ),
  ),
};

// Each record becomes an interaction: email and phone columns as identifiers (claimed: a
// dataset row proves nothing), every other column as an attribute the model reads by name.
const all: { record: LinkRecord; source: number }[] = [
  ...dataset.left.map((record) => ({ record, source: 0 })),
  ...(dataset.right ?? []).map((record) => ({ record, source: 1 })),
];
const kinds = dataset.columns;
const toInteraction = (record: LinkRecord, source: number, i: number): InteractionInput => {
  const identifiers: NonNullable<InteractionInput['identifiers']> = [];
  const attributes: Record<string, string> = {};
  for (const [column, value] of Object.entries(record)) {
    if (column === dataset.idField || typeof value !== 'string' || value.trim() === '') continue;
    if (kinds[column] === 'email') identifiers.push({ kind: 'email', value });
    else if (kinds[column] === 'phone') identifiers.push({ kind: 'phone', value });
    else if (kinds[column] !== undefined) attributes[column] = value.slice(0, 4096);
  }
  return {
    id: `${source}:${String(record[dataset.idField] ?? i)}`,
    channel: identifiers[0]?.kind === 'phone' ? 'phone' : 'email',
    startedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    ...(dataset.region === undefined ? {} : { region: dataset.region as 'US' }),
    identifiers,
    attributes,
  };
};
const order = all.map((_, i) => i);
if (orderArg === 'shuffled') {
  const random = seededRandom(1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}

// The resolver reads every field of the trained model from the interaction's attributes and
// identifiers, and links at the batch clustering threshold. Reviews are counted, not merged.
const model = compileModel(trained.spec);
const resolver = createResolver({
  model,
  now: () => '2026-06-01T00:00:00Z',
  ...(dataset.region === undefined ? {} : { region: dataset.region }),
  thresholds: { link: 0.5, review: 0.1 },
  fields: (interaction) => {
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(interaction.attributes ?? {})) out[k] = [v];
    return out;
  },
});
const t0 = performance.now();
let reviews = 0;
let merges = 0;
const customerOf = new Map<string, string>();
for (const [position, i] of order.entries()) {
  const { record, source } = all[i] as { record: LinkRecord; source: number };
  const result = await resolver.ingest(toInteraction(record, source, position));
  if (result.reviewId !== undefined) reviews++;
  merges += result.decision.merges.length;
}
const t1 = performance.now();
for (const c of await resolver.customers())
  for (const interaction of c.interactions) customerOf.set(interaction.id, c.id);

// The final grouping as clusters over the prepared records, for the batch evaluator.
const clusterOf = new Int32Array(data.size);
const rootOf = new Map<string, number>();
const members = new Map<number, number[]>();
for (let i = 0; i < data.size; i++) {
  const id = `${data.sources[i]}:${data.ids[i]}`;
  const customer = customerOf.get(id) ?? id;
  const root = rootOf.get(customer) ?? i;
  rootOf.set(customer, root);
  clusterOf[i] = root;
  members.set(root, [...(members.get(root) ?? []), i]);
}
const streamed = evaluateClusters(
  data,
  { clusterOf, members: [...members.values()], refusedBridges: 0 } as unknown as Clusters,
  dataset.truth,
);

const exact = exactKeyClusters(
  all.map((a) => a.record),
  dataset.columns,
  dataset.region,
);
const exactMembers = new Map<number, number[]>();
exact.forEach((root, i) => {
  exactMembers.set(root, [...(exactMembers.get(root) ?? []), i]);
});
const baseline = evaluateClusters(
  data,
  {
    clusterOf: exact,
    members: [...exactMembers.values()],
    refusedBridges: 0,
  } as unknown as Clusters,
  dataset.truth,
);

console.log(
  JSON.stringify({
    dataset: dataset.name,
    records: data.size,
    order: orderArg,
    streamed: {
      ...summary(streamed),
      customers: (await resolver.customers()).length,
      reviewPrompts: reviews,
      bridgeMerges: merges,
      usPerIngest: round3(((t1 - t0) * 1000) / data.size),
    },
    batch,
    baselineExactKeys: summary(baseline),
  }),
);

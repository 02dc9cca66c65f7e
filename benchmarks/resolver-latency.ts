// Latency, throughput and memory of the online resolver with an in-memory store, against an
// exact-key resolver (a map from identifier key to customer: the helpdesk baseline) measured in
// the same run on the same stream.
//   node --expose-gc --import tsx benchmarks/resolver-latency.ts [--people 100000] [--probes 10000]
// (people, not customers: the stream shows each person several times, and the resolver ends
// with more customers than people where contacts share no identifier; the JSON gives both)
// The heap figure is the resolver's alone: the benchmark's own arrays exist before the baseline.
// Each call is timed by the clock and by the process's CPU time (`cpu`), which a busy shared
// machine disturbs less. Progress goes to stderr every 100,000 ingests. For about a million
// customers (--people 450000) give node more heap: --max-old-space-size=8192.
import os from 'node:os';
import { createResolver, type Interaction, identifierKey, parseInteraction } from '../src/index.js';
import { generatedBusinessIdentifiers, generateInteractions } from '../src/testing/index.js';
import { quantile, round3 } from './lib/measure.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const people = arg('--people', 100_000);
const probeCount = arg('--probes', 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

// The stream is generated three times (it is seeded) rather than held: a million interactions
// in memory would weigh on every garbage collection the resolver's numbers include.
const generate = () => generateInteractions({ people, seed: 11 });
const personOf = new Map<string, string>();
for (const item of generate()) personOf.set(item.interaction.id, item.person);
const every = Math.max(2, Math.floor(personOf.size / probeCount));
/** Every `every`-th interaction is held back, never ingested: a contact the resolver has not seen. */
const heldBack = (n: number) => n % every === every - 1;
// What the benchmark itself holds (the probes, the ingested ids, the timings) is allocated
// before the heap baseline, so that the heap figure is the resolver's alone.
const probes: Interaction[] = [];
const ingested: Interaction['id'][] = [];
{
  let k = 0;
  for (const { interaction } of generate()) {
    if (heldBack(k++)) probes.push(interaction);
    else ingested.push(interaction.id);
  }
}
const ingestUs = new Float64Array(ingested.length);
const resolveUs = new Float64Array(probes.length);
// CPU time per call (the process's, all threads): unlike the clock, it does not count the time
// other programs on a shared machine hold the core.
const ingestCpu = new Float64Array(ingested.length);
const resolveCpuUs = new Float64Array(probes.length);

function percentiles(samples: Float64Array) {
  samples.sort();
  const at = (q: number) => quantile(samples, q);
  return { p50Us: at(0.5), p99Us: at(0.99), maxUs: round3(samples[samples.length - 1] ?? 0) };
}

// ---- the resolver ----
const base = heap();
const resolver = createResolver({
  now: () => '2026-06-01T00:00:00Z',
  region: 'US',
  guards: { businessIdentifiers: [...generatedBusinessIdentifiers()] },
});
let n = 0;
let done = 0;
// Generating the stream is not the resolver's time: the clock and CPU time cover ingest only.
let ingestCpuUs = 0;
let ingestWallMs = 0;
for (const { interaction } of generate()) {
  if (heldBack(n++)) continue;
  const cpu = process.cpuUsage();
  const a = performance.now();
  await resolver.ingest(interaction);
  const b = performance.now();
  const used = process.cpuUsage(cpu);
  ingestCpuUs += used.user + used.system;
  ingestWallMs += b - a;
  ingestCpu[done] = used.user + used.system;
  ingestUs[done++] = (b - a) * 1000;
  // Progress on stderr for long runs (the JSON on stdout stays one line).
  if (done % 100_000 === 0)
    console.error(
      JSON.stringify({
        ingested: done,
        ingestWallS: round3(ingestWallMs / 1000),
        ingestCpuS: round3(ingestCpuUs / 1e6),
        heapMiB: round3(process.memoryUsage().heapUsed / 2 ** 20),
        loadavg: os.loadavg().map((x) => round3(x)),
      }),
    );
}
const held = heap() - base;
const customers = await resolver.customers();
const reviewsOpen = (await resolver.reviews(1_000_000)).length;
const identifiers = new Set<string>();
let perCustomerIdentifiers = 0;
for (const c of customers) {
  const keys = new Set(c.interactions.flatMap((i) => i.identifiers.map((e) => e.key)));
  perCustomerIdentifiers += keys.size;
  for (const k of keys) identifiers.add(k);
}
const resolveCpu = process.cpuUsage();
for (const [k, probe] of probes.entries()) {
  const cpu = process.cpuUsage();
  const a = performance.now();
  await resolver.resolve(probe);
  resolveUs[k] = (performance.now() - a) * 1000;
  const used = process.cpuUsage(cpu);
  resolveCpuUs[k] = used.user + used.system;
}
const resolveCpuUsed = process.cpuUsage(resolveCpu);
// Parsing is part of every call above; this is its share, for reading the numbers.
const parseStart = performance.now();
for (const probe of probes) parseInteraction(probe);
const parseUs = ((performance.now() - parseStart) * 1000) / Math.max(1, probes.length);

// ---- the exact-key baseline: link on the first identical identifier key, never merge ----
const baselineBase = heap();
const owner = new Map<string, number>();
let next = 0;
const exactOne = (interaction: Interaction, write: boolean) => {
  const keys = interaction.identifiers.map(
    (i) =>
      identifierKey(i, interaction.region === undefined ? {} : { region: interaction.region }).key,
  );
  let customer: number | undefined;
  for (const k of keys) {
    customer = owner.get(k);
    if (customer !== undefined) break;
  }
  if (!write) return customer;
  const id = customer ?? next++;
  for (const k of keys) if (!owner.has(k)) owner.set(k, id);
  return id;
};
const b0 = performance.now();
n = 0;
for (const { interaction } of generate())
  if (!heldBack(n++)) exactOne(parseInteraction(interaction), true);
const b1 = performance.now();
const baselineHeld = heap() - baselineBase;
const baselineResolveUs = new Float64Array(probes.length);
for (const [k, probe] of probes.entries()) {
  const a = performance.now();
  exactOne(parseInteraction(probe), false);
  baselineResolveUs[k] = (performance.now() - a) * 1000;
}

/** Pairwise precision, recall and F1 of a grouping of the ingested interactions. */
function quality(groups: readonly (readonly string[])[]) {
  let predicted = 0;
  let correct = 0;
  for (const g of groups) {
    predicted += (g.length * (g.length - 1)) / 2;
    const byPerson = new Map<string, number>();
    for (const id of g)
      byPerson.set(personOf.get(id) ?? id, (byPerson.get(personOf.get(id) ?? id) ?? 0) + 1);
    for (const n of byPerson.values()) correct += (n * (n - 1)) / 2;
  }
  const truthSizes = new Map<string, number>();
  for (const id of ingested) {
    const person = personOf.get(id) ?? id;
    truthSizes.set(person, (truthSizes.get(person) ?? 0) + 1);
  }
  let truePairs = 0;
  for (const n of truthSizes.values()) truePairs += (n * (n - 1)) / 2;
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = truePairs === 0 ? 1 : correct / truePairs;
  return {
    precision: round3(precision),
    recall: round3(recall),
    f1: round3(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
  };
}
const baselineGroups = new Map<number, string[]>();
n = 0;
for (const { interaction } of generate()) {
  if (heldBack(n++)) continue;
  const id = exactOne(parseInteraction(interaction), false) as number;
  const group = baselineGroups.get(id);
  if (group === undefined) baselineGroups.set(id, [interaction.id]);
  else group.push(interaction.id);
}

console.log(
  JSON.stringify({
    people,
    loadavg: os.loadavg().map((x) => round3(x)),
    interactionsIngested: ingested.length,
    customers: customers.length,
    identifiers: identifiers.size,
    resolver: {
      ingest: {
        perSecond: Math.round((ingested.length * 1000) / ingestWallMs),
        perCpuSecond: Math.round((ingested.length * 1e6) / ingestCpuUs),
        ...percentiles(ingestUs),
        cpu: percentiles(ingestCpu),
      },
      resolve: {
        ...percentiles(resolveUs),
        cpuUsMean: round3(
          (resolveCpuUsed.user + resolveCpuUsed.system) / Math.max(1, probes.length),
        ),
        cpu: percentiles(resolveCpuUs),
      },
      parseUsPerInteraction: round3(parseUs),
      heapMiB: round3(held / 2 ** 20),
      bytesPerCustomer: Math.round(held / customers.length),
      bytesPerInteraction: Math.round(held / ingested.length),
      bytesPerIdentifier: Math.round(held / Math.max(1, perCustomerIdentifiers)),
      gcMeasured: gc !== undefined,
      quality: quality(customers.map((c) => c.interactions.map((i) => i.id))),
      reviewsOpen,
    },
    exactKeyBaseline: {
      ingest: { perSecond: Math.round((ingested.length * 1000) / (b1 - b0)) },
      resolve: percentiles(baselineResolveUs),
      heapMiB: round3(baselineHeld / 2 ** 20),
      customers: next,
      quality: quality([...baselineGroups.values()]),
    },
  }),
);

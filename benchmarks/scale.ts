// Scale: deduplicate a seeded synthetic population (default 1,000,000 records) with the
// unsupervised pipeline, and report time and peak memory per phase, with accuracy against
// the generator's ground truth and the exact-key baseline in the same run.
//   tsx benchmarks/scale.ts [--records N] [--seed S] [--threads T]
import { loadavg } from 'node:os';
import {
  clusterPredictions,
  compileModel,
  defaultModelSpec,
  evaluateClusters,
  trainModel,
} from '../src/index.js';
import { trainingSpec } from '../src/linkage/train/train.js';
import { predictInParallel } from '../src/node/parallel.js';
import { prepareRecordsInParallel } from '../src/node/prepare.js';
import { startScoringSession } from '../src/node/scoring.js';
import { generatePopulation, POPULATION_COLUMNS } from '../src/testing/population.js';
import { exactKeyClusters } from './lib/baseline.js';
import { round3 } from './lib/measure.js';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const target = flag('--records', 1_000_000);
const seed = flag('--seed', 1);

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);
const phases: Record<string, number> = {};
// CPU time per phase, of every thread of the process: on a shared machine wall-clock time
// depends on the others' load, CPU time much less.
const cpuPhases: Record<string, number> = {};
let cpuMark = process.cpuUsage();
const cpuLap = (name: string) => {
  const used = process.cpuUsage(cpuMark);
  cpuPhases[name] = Math.round((used.user + used.system) / 1000);
  cpuMark = process.cpuUsage();
};
const time = <T>(name: string, f: () => T): T => {
  cpuMark = process.cpuUsage();
  const t0 = performance.now();
  const out = f();
  phases[name] = round3(performance.now() - t0);
  cpuLap(name);
  sample();
  console.error(`  ${name}: ${phases[name]} ms`);
  return out;
};

const records = time('generate', () => {
  const out: Record<string, string | null>[] = [];
  // About 2.5 records per person with the default duplicate rate.
  for (const r of generatePopulation({ people: Math.ceil(target / 2.5), seed })) {
    if (out.length >= target) break;
    out.push(r as unknown as Record<string, string | null>);
  }
  return out;
});
const entity = records.map((r) => r.entity as string);
const visible = records.map(({ entity: _e, ...rest }) => rest);
const columns = POPULATION_COLUMNS;
const { spec, deterministicRules } = defaultModelSpec(columns, { region: 'US' });
const threads = flag('--threads', 2);
const load = loadavg().map((x) => Math.round(x * 100) / 100);
const cpu0 = process.cpuUsage();
// Training in two steps, timed apart: reading the records (on every thread), then estimating.
const trainOptions = { deterministicRules, u: { seed } };
const trainStart = performance.now();
cpuMark = process.cpuUsage();
const prepared = await prepareRecordsInParallel(
  compileModel(trainingSpec(spec, trainOptions)),
  visible,
  { threads },
);
phases.trainPrepare = round3(performance.now() - trainStart);
cpuLap('trainPrepare');
console.error(`  train.prepare (${threads} threads): ${phases.trainPrepare} ms`);
// The scoring threads start now, and build the blocks while this thread estimates.
const session = startScoringSession(prepared, { threads });
const trained = time('trainEstimate', () =>
  trainModel(spec, visible, { ...trainOptions, prepared }),
);
phases.train = round3(performance.now() - trainStart);
const scoreStart = performance.now();
cpuMark = process.cpuUsage();
const predictions = await predictInParallel(trained.prepared, {
  threshold: { probability: 0.5 },
  session,
});
await session.close();
phases.blockAndScore = round3(performance.now() - scoreStart);
cpuLap('blockAndScore');
console.error(`  blockAndScore (${threads} threads): ${phases.blockAndScore} ms`);
const clusters = time('cluster', () =>
  clusterPredictions(predictions, { threshold: { probability: 0.5 } }),
);
const pipelineCpu = process.cpuUsage(cpu0);
const truth = { key: (_id: string, i: number) => entity[i] ?? '' };
const accuracy = time('evaluate', () => evaluateClusters(trained.prepared, clusters, truth));
const baselineOf = time('baselineExactKeys', () => exactKeyClusters(visible, columns, 'US'));
const members = new Map<number, number[]>();
baselineOf.forEach((root, i) => {
  const list = members.get(root);
  if (list === undefined) members.set(root, [i]);
  else list.push(i);
});
const baseline = evaluateClusters(
  trained.prepared,
  { clusterOf: baselineOf, members: [...members.values()], refusedBridges: 0 },
  truth,
);
clearInterval(sampler);
sample();

const pipelineMs = (phases.train ?? 0) + (phases.blockAndScore ?? 0) + (phases.cluster ?? 0);
console.log(
  JSON.stringify({
    records: visible.length,
    people: new Set(entity).size,
    candidatePairs: predictions.scored,
    links: predictions.weights.length,
    clusters: clusters.members.length,
    threads,
    timeMs: { ...phases, pipeline: round3(pipelineMs) },
    // CPU time of the whole process (every thread) from training to the end of clustering.
    cpuMs: round3((pipelineCpu.user + pipelineCpu.system) / 1000),
    cpuMsByPhase: cpuPhases,
    loadavgAtStart: load,
    loadavgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    peakRssMiB: Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    accuracy: {
      precision: round3(accuracy.precision),
      recall: round3(accuracy.recall),
      f1: round3(accuracy.f1),
    },
    baselineExactKeys: {
      precision: round3(baseline.precision),
      recall: round3(baseline.recall),
      f1: round3(baseline.f1),
    },
    uPairs: trained.report.u.pairs,
    emSessions: trained.report.sessions.length,
  }),
);

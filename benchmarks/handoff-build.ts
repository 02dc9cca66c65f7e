// How long `buildHandoff` takes for journeys of 10, 200 and 5,000 interactions, with two
// baselines measured in the same run on the same journeys: dumping the raw interactions as JSON
// (what a helpdesk forwards when it forwards everything), and the last-ten-messages transcript
// (what most handoffs show). Each journey belongs to one made-up person from the interaction
// generator; the 5,000-interaction journey repeats that person's 1,000-interaction history five
// times, each copy 60 days later, as a long-lived account would. The packet is built for a phone
// agent as Markdown within 4,000 characters. Not a test: it prints JSON and asserts nothing.
// A generated person says the same few things again and again (`distinctTexts` counts the
// different message texts): a build reads each distinct text once, so repetition makes it
// cheaper, as it does for real journeys with bots and templates. The machine's load average,
// before and after, is printed with the results: on a shared machine it moves the tail. So are
// the garbage collector's pauses during the build runs (`build.gc`): a build allocates a few
// megabytes, and the young-generation collections it triggers land in the tail too.
// `warm` is the incremental case a helpdesk lives in: a handoff cache (`createHandoffCache`)
// has seen the journey's first n - 1 interactions (the packet was built at n - 1), then the
// n-th arrives and the packet is built again; only that build is timed, with a fresh cache for
// every run. `cacheMemory` is the heap a cache holds per cached interaction after building the
// whole journey once (needs --expose-gc, else null); the heap moves by about half a megabyte
// between measurements, so only the 5,000-interaction figure is above its noise.
//   npx tsx benchmarks/handoff-build.ts [--runs 200]
//   node --expose-gc --import tsx benchmarks/handoff-build.ts [--runs 200]
import { cpus, loadavg } from 'node:os';
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import {
  buildHandoff,
  createHandoffCache,
  extractFacts,
  type Interaction,
  issueSection,
  type Journey,
  journeyTimeline,
  parseJourney,
  renderHandoff,
  toSunshinePassControl,
} from '../src/index.js';
import { generateInteractions } from '../src/testing/index.js';
import { quantile, round3 } from './lib/measure.js';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 200;
const DAY = 86_400_000;
const SIZES = [10, 200, 5000] as const;

const shift = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();

/** One person's journey of exactly `n` interactions. */
function journeyOf(n: number): { journey: Journey; interactions: Interaction[] } {
  const history = [
    ...generateInteractions({
      people: 1,
      interactionsPerPerson: Math.min(1000, Math.ceil(n * 1.2)),
      seed: 7,
    }),
  ].map((g) => g.interaction);
  const interactions: Interaction[] = [];
  for (let copy = 0; interactions.length < n; copy++) {
    for (const i of history) {
      if (interactions.length >= n) break;
      const ms = copy * 60 * DAY;
      interactions.push(
        copy === 0
          ? i
          : {
              ...i,
              id: `${i.id}-c${copy}` as Interaction['id'],
              startedAt: shift(i.startedAt, ms),
              ...(i.endedAt === undefined ? {} : { endedAt: shift(i.endedAt, ms) }),
              messages: i.messages.map((m) =>
                m.at === undefined ? m : { ...m, at: shift(m.at, ms) },
              ),
            },
      );
    }
  }
  interactions.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const journey = parseJourney({
    id: `jny-${n}`,
    customerId: 'cus-bench',
    status: 'open',
    interactionIds: interactions.map((i) => i.id),
    channels: [...new Set(interactions.map((i) => i.channel))],
    openedAt: interactions[0]?.startedAt,
    updatedAt: interactions[interactions.length - 1]?.startedAt,
  });
  return { journey, interactions };
}

/**
 * Per-call times in milliseconds after a warm-up: min, p50, p99, max, and the process's CPU time
 * per call (which, unlike the clock, does not count the time other work on a shared machine
 * takes the CPU away; it does count the garbage collector's helper threads).
 */
function timed(runs: number, fn: () => unknown) {
  for (let i = 0; i < Math.min(runs, 20); i++) fn();
  const samples: number[] = [];
  const startMs = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  return {
    runs,
    ...spread(samples),
    cpuMsPerCall: round3((used.user + used.system) / 1000 / runs),
    startMs,
    endMs: performance.now(),
  };
}

/** Min, p50, p99 and max of the samples in milliseconds (sorts them). */
function spread(samples: number[]) {
  samples.sort((a, b) => a - b);
  return {
    minMs: round3(samples[0] ?? 0),
    p50Ms: quantile(samples, 0.5),
    p99Ms: quantile(samples, 0.99),
    maxMs: round3(samples[samples.length - 1] ?? 0),
  };
}

/**
 * As {@link timed}, for a call that needs fresh state: `prepare` runs before every call, untimed
 * and outside the CPU count; only `fn` is measured. `windows` are the timed stretches.
 */
function timedPrepared<S>(runs: number, prepare: () => S, fn: (state: S) => unknown) {
  for (let i = 0; i < Math.min(runs, 20); i++) fn(prepare());
  const samples: number[] = [];
  const windows: { startMs: number; endMs: number }[] = [];
  let cpuMicros = 0;
  for (let i = 0; i < runs; i++) {
    const state = prepare();
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    fn(state);
    const t1 = performance.now();
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    samples.push(t1 - t0);
    windows.push({ startMs: t0, endMs: t1 });
  }
  return {
    runs,
    ...spread(samples),
    cpuMsPerCall: round3(cpuMicros / 1000 / runs),
    windows,
  };
}

// Every garbage collection of the run, to count those that fell within a measurement.
const collections: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => {
  collections.push(...list.getEntries());
});
gcObserver.observe({ entryTypes: ['gc'] });

/**
 * The collections that started during a measurement: how many, their total and longest pause.
 * Entries arrive asynchronously (after a timer, not a mere turn of the loop): this waits first.
 */
async function gcWithin(window: { startMs: number; endMs: number; runs: number }) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const inside = collections.filter(
    (e) => e.startTime >= window.startMs && e.startTime <= window.endMs,
  );
  const totalMs = inside.reduce((sum, e) => sum + e.duration, 0);
  return {
    collections: inside.length,
    totalMs: round3(totalMs),
    maxMs: round3(inside.reduce((max, e) => Math.max(max, e.duration), 0)),
    msPerCall: round3(totalMs / window.runs),
  };
}

/** As {@link gcWithin}, for collections that started within any of several timed stretches. */
async function gcWithinAny(windows: readonly { startMs: number; endMs: number }[]) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const inside = collections.filter((e) =>
    windows.some((w) => e.startTime >= w.startMs && e.startTime <= w.endMs),
  );
  const totalMs = inside.reduce((sum, e) => sum + e.duration, 0);
  return {
    collections: inside.length,
    totalMs: round3(totalMs),
    maxMs: round3(inside.reduce((max, e) => Math.max(max, e.duration), 0)),
    msPerCall: round3(totalMs / Math.max(1, windows.length)),
  };
}

/** The journey without its latest interaction: what the cache saw before the n-th arrived. */
function withoutLatest(input: { journey: Journey; interactions: Interaction[] }) {
  const interactions = input.interactions.slice(0, -1);
  const ids = new Set(interactions.map((i) => i.id));
  const journey = {
    ...input.journey,
    interactionIds: input.journey.interactionIds.filter((id) => ids.has(id)),
  };
  return { journey, interactions };
}

/** The heap in use after full collections (several: one may leave finalized garbage behind). */
function settledHeap(gc: () => void): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * The heap a cache holds after building the journey once, with every message made distinct
 * (a generated person repeats a few texts, which a cache keeps once: too little to measure
 * above the heap's noise, so this is the most a cache holds per interaction): `fixedBytes` for
 * the empty cache (it reserves its slots up front), then what the build added, per interaction
 * and per text. `textsAsGenerated` is what the journey as generated leaves in a cache. Null
 * without --expose-gc.
 */
function cacheMemory(input: { journey: Journey; interactions: Interaction[] }, options: object) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return null;
  const buildOptions = options as Parameters<typeof buildHandoff>[1];
  const asGenerated = createHandoffCache();
  buildHandoff(input, { ...buildOptions, cache: asGenerated });
  const interactions = input.interactions.map((i, k) => ({
    ...i,
    messages: i.messages.map((m, j) => ({ ...m, text: `${m.text} (${k}.${j})` })),
  }));
  const empty = settledHeap(gc);
  // Room for every text of the largest journey, so that nothing is evicted while measuring.
  const cache = createHandoffCache({ maxTexts: 20_000 });
  const before = settledHeap(gc);
  buildHandoff({ journey: input.journey, interactions }, { ...buildOptions, cache });
  const bytes = settledHeap(gc) - before;
  return {
    maxTexts: cache.maxTexts,
    fixedBytes: before - empty,
    textsAsGenerated: asGenerated.size,
    distinctTexts: cache.size,
    heapBytes: bytes,
    bytesPerInteraction: Math.round(bytes / interactions.length),
    bytesPerText: Math.round(bytes / Math.max(1, cache.size)),
  };
}

/** A measurement as printed: without the window it was taken in. */
function printed(t: ReturnType<typeof timed>) {
  const { startMs: _, endMs: __, ...rest } = t;
  return rest;
}

/** The last ten messages as `role: text` lines: the transcript most handoffs forward. */
function lastTen(interactions: readonly Interaction[]): string {
  const lines: string[] = [];
  for (let k = interactions.length - 1; k >= 0 && lines.length < 10; k--) {
    const messages = interactions[k]?.messages ?? [];
    for (let j = messages.length - 1; j >= 0 && lines.length < 10; j--) {
      const m = messages[j];
      if (m !== undefined) lines.push(`${m.author}: ${m.text}`);
    }
  }
  return lines.reverse().join('\n');
}

const loadBefore = loadavg().map(round3);
const results: Record<string, unknown> = {};
for (const n of SIZES) {
  const input = journeyOf(n);
  const runs = n >= 5000 ? Math.max(10, Math.floor(RUNS / 10)) : RUNS;
  const last = input.interactions[input.interactions.length - 1];
  const now = shift(last?.startedAt ?? '2026-06-01T00:00:00Z', 3_600_000);
  const options = {
    to: 'phone',
    reader: 'agent',
    format: 'markdown',
    budget: { chars: 4000 },
    now,
  } as const;
  const packet = buildHandoff(input, options);
  const messages = input.interactions.reduce((sum, i) => sum + i.messages.length, 0);
  results[`interactions${n}`] = {
    interactions: input.interactions.length,
    messages,
    distinctTexts: new Set(input.interactions.flatMap((i) => i.messages.map((m) => m.text))).size,
    build: await (async () => {
      const t = timed(runs, () => buildHandoff(input, options));
      return { ...printed(t), gc: await gcWithin(t) };
    })(),
    // The same packet, built when the n-th interaction arrives with the cache warm from n - 1.
    warm: await (async () => {
      const before = withoutLatest(input);
      const t = timedPrepared(
        runs,
        () => {
          const cache = createHandoffCache();
          buildHandoff(before, { ...options, cache });
          return cache;
        },
        (cache) => buildHandoff(input, { ...options, cache }),
      );
      const { windows, ...rest } = t;
      return { ...rest, gc: await gcWithinAny(windows) };
    })(),
    cacheMemory: cacheMemory(input, options),
    // Where the time goes: the passes that read every message.
    parts: {
      extractFacts: printed(timed(runs, () => extractFacts(input.interactions))),
      issueSection: printed(
        timed(runs, () => issueSection(input.interactions, { budgetChars: 640, now })),
      ),
      journeyTimeline: printed(
        timed(runs, () => journeyTimeline(input.journey, input.interactions, { now })),
      ),
      renderText320: printed(
        timed(runs, () => renderHandoff(packet, { format: 'text', budget: { chars: 320 } })),
      ),
      sunshine4KB: printed(timed(runs, () => toSunshinePassControl(packet))),
    },
    baselines: {
      rawJson: printed(timed(runs, () => JSON.stringify(input.interactions))),
      lastTenMessages: printed(timed(runs, () => lastTen(input.interactions))),
    },
    outputChars: {
      packetMarkdown: renderHandoff(packet).length,
      rawJson: JSON.stringify(input.interactions).length,
      lastTenMessages: lastTen(input.interactions).length,
    },
    packet: {
      facts: packet.facts.length,
      promised: packet.promised.length,
      openQuestions: packet.openQuestions.length,
      hops: packet.timeline.length,
      omitted: packet.fit.omitted,
    },
  };
}

const at200 = (results.interactions200 as { build: { p99Ms: number } }).build.p99Ms;
const warmAt200 = (results.interactions200 as { warm: { p99Ms: number } }).warm.p99Ms;
console.log(
  JSON.stringify(
    {
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        node: process.version,
        loadAverage: { before: loadBefore, after: loadavg().map(round3) },
      },
      results: {
        handoffBuild: {
          options: 'to phone, reader agent, Markdown, 4,000 characters',
          target: { p99MsAt200: 2, met: at200 <= 2, metWarm: warmAt200 <= 2 },
          ...results,
        },
      },
    },
    null,
    2,
  ),
);
gcObserver.disconnect();

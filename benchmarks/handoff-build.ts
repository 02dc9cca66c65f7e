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
// before and after, is printed with the results: on a shared machine it moves the tail.
//   npx tsx benchmarks/handoff-build.ts [--runs 200]
import { cpus, loadavg } from 'node:os';
import {
  buildHandoff,
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
import { round3 } from './lib/measure.js';

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
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    round3(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0);
  return {
    runs,
    minMs: round3(samples[0] ?? 0),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: round3(samples[samples.length - 1] ?? 0),
    cpuMsPerCall: round3((used.user + used.system) / 1000 / runs),
  };
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
    build: timed(runs, () => buildHandoff(input, options)),
    // Where the time goes: the passes that read every message.
    parts: {
      extractFacts: timed(runs, () => extractFacts(input.interactions)),
      issueSection: timed(runs, () => issueSection(input.interactions, { budgetChars: 640, now })),
      journeyTimeline: timed(runs, () =>
        journeyTimeline(input.journey, input.interactions, { now }),
      ),
      renderText320: timed(runs, () =>
        renderHandoff(packet, { format: 'text', budget: { chars: 320 } }),
      ),
      sunshine4KB: timed(runs, () => toSunshinePassControl(packet)),
    },
    baselines: {
      rawJson: timed(runs, () => JSON.stringify(input.interactions)),
      lastTenMessages: timed(runs, () => lastTen(input.interactions)),
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
          target: { p99MsAt200: 2, met: at200 <= 2 },
          ...results,
        },
      },
    },
    null,
    2,
  ),
);

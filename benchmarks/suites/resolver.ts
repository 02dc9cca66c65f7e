// The online resolver: latency, throughput and memory on a generated omnichannel stream, and the
// quality of the final grouping when public datasets arrive one record at a time. Each part runs
// in its own process so that one's heap does not weigh on the other's numbers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Suite } from '../run.js';

const latency = fileURLToPath(new URL('../resolver-latency.ts', import.meta.url));
const stream = fileURLToPath(new URL('../resolver-stream.ts', import.meta.url));

function run(args: readonly string[]): unknown {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (child.status !== 0) return { error: child.stderr.trim().split('\n').slice(-5).join('\n') };
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
}

const option = (argv: readonly string[], name: string) =>
  argv.includes(name) ? [name, argv[argv.indexOf(name) + 1] ?? ''] : [];

export const resolverSuite: Suite = {
  name: 'resolver',
  run(argv) {
    const dataArgs = option(argv, '--data-dir');
    const results: Record<string, unknown> = {};
    for (const people of argv.includes('--people')
      ? [Number(option(argv, '--people')[1])]
      : [100_000]) {
      console.error(`  resolver: latency with ${people} people…`);
      results[`latency${people}`] = run([latency, '--people', String(people)]);
    }
    for (const dataset of ['fake1000', 'fodors-zagat']) {
      console.error(`  resolver: streaming ${dataset}…`);
      results[`stream-${dataset}`] = run([stream, dataset, ...dataArgs]);
    }
    return results;
  },
};

// Runs the benchmark suites and prints one JSON document on stdout.
//   npm run bench                       all suites
//   npm run bench -- --only normalize   one suite
//   npm run bench -- --data-dir DIR     where the public datasets are (default ../shared/datasets)
//   npm run bench -- --only linkage --dataset febrl4
//   npm run bench -- --only scale --records 100000 --threads 2   (default: a million records)
//   npm run bench -- --only resolver --people 450000            (default: 100,000 people)
import { cpus, totalmem } from 'node:os';
import { dataDir } from './lib/data.js';
import { linkageSuite } from './suites/linkage.js';
import { normalizeSuite } from './suites/normalize.js';
import { resolverSuite } from './suites/resolver.js';
import { scaleSuite } from './suites/scale.js';

export interface Suite {
  readonly name: string;
  readonly run: (argv: readonly string[]) => Promise<unknown> | unknown;
}

const suites: readonly Suite[] = [normalizeSuite, linkageSuite, resolverSuite, scaleSuite];

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
const unknown = only !== undefined && !suites.some((s) => s.name === only);
if (unknown) {
  console.error(`unknown suite "${only}"; suites: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const results: Record<string, unknown> = {};
for (const suite of suites) {
  if (only !== undefined && suite.name !== only) continue;
  console.error(`running ${suite.name}…`);
  results[suite.name] = await suite.run(argv);
}

const dir = dataDir(argv);
console.log(
  JSON.stringify(
    {
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      dataDir: dir.path,
      datasetsPresent: dir.present,
      results,
    },
    null,
    2,
  ),
);

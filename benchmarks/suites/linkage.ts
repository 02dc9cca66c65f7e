// Unsupervised accuracy and speed of the matching engine on the public datasets, with the
// exact-key baseline in the same run. Each dataset runs in a fresh process (peak memory is
// per dataset).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LINKAGE_DATASETS } from '../lib/datasets.js';
import type { Suite } from '../run.js';

const script = fileURLToPath(new URL('../linkage-one.ts', import.meta.url));

export const linkageSuite: Suite = {
  name: 'linkage',
  run(argv) {
    const dataArgs = argv.includes('--data-dir')
      ? ['--data-dir', argv[argv.indexOf('--data-dir') + 1] ?? '']
      : [];
    const only = argv.includes('--dataset')
      ? [argv[argv.indexOf('--dataset') + 1] ?? '']
      : LINKAGE_DATASETS;
    const results: Record<string, unknown> = {};
    for (const dataset of only) {
      console.error(`  linkage: ${dataset}…`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', script, dataset, ...dataArgs], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (child.status !== 0) {
        results[dataset] = { error: child.stderr.trim().split('\n').slice(-5).join('\n') };
        continue;
      }
      const last = child.stdout.trim().split('\n').pop() ?? '{}';
      results[dataset] = JSON.parse(last);
    }
    return results;
  },
};

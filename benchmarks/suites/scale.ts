// The million-record run (benchmarks/scale.ts) as a suite, in its own process so that its
// peak memory is its own. `--records N` and `--threads T` pass through.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Suite } from '../run.js';

const script = fileURLToPath(new URL('../scale.ts', import.meta.url));

export const scaleSuite: Suite = {
  name: 'scale',
  run(argv) {
    const pass = ['--records', '--threads', '--seed'].flatMap((flag) => {
      const at = argv.indexOf(flag);
      return at >= 0 ? [flag, argv[at + 1] ?? ''] : [];
    });
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...pass], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) return { error: `scale run failed with status ${child.status}` };
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
  },
};

import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'fp/index': 'src/fp/index.ts',
      // Node only; shares the root's chunks so `ThreadlineError` is one class everywhere.
      'postgres/index': 'src/postgres/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // dist/ is emptied by the build script: two configs build into it at once.
    clean: false,
    treeshake: true,
    splitting: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['fast-check', 'fp-ts', 'io-ts', 'pg'],
  },
  {
    // The `threadline` command line: a Node executable, ESM only, no types.
    // The scoring worker is its own file beside the CLI, which starts it with worker_threads.
    entry: { 'cli/index': 'src/cli/index.ts', 'cli/worker': 'src/node/worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    banner: { js: '#!/usr/bin/env node' },
    splitting: false,
    dts: false,
    sourcemap: true,
    clean: false,
    treeshake: true,
  },
]);

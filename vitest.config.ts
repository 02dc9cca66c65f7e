import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'benchmarks/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts', 'src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    pool: 'threads',
    // Tests assert behaviour, never speed: a slow or busy machine must not fail them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The root entry must stay usable in browsers and edge runtimes, and must not drag in the
// optional peers that only `threadline/testing` and `threadline/fp` need.
async function bundle(entry: string, target: 'browser' | 'edge' = 'browser') {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    // Edge runtimes (Cloudflare Workers, Vercel Edge) resolve the `worker` and `browser`
    // conditions on a neutral platform, with no Node built-ins available.
    platform: target === 'browser' ? 'browser' : 'neutral',
    ...(target === 'edge'
      ? { conditions: ['worker', 'browser', 'import'], mainFields: ['browser', 'module', 'main'] }
      : {}),
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the root entry bundle', () => {
  it('pulls in none of the optional peers (fast-check, fp-ts, io-ts, pg)', async () => {
    const inputs = await bundle('src/index.ts');
    for (const peer of ['fast-check', 'fp-ts', 'io-ts', 'pg']) {
      expect(inputs.filter((path) => path.includes(`node_modules/${peer}/`))).toEqual([]);
    }
  });

  it('bundles for edge runtimes without Node built-ins', async () => {
    const inputs = await bundle('src/index.ts', 'edge');
    expect(
      inputs.filter((path) => path.startsWith('node:') || path.includes('(disabled)')),
    ).toEqual([]);
  });

  it('bundles for the browser without Node built-ins', async () => {
    const inputs = await bundle('src/index.ts');
    expect(
      inputs.filter((path) => path.startsWith('node:') || path.includes('(disabled)')),
    ).toEqual([]);
  });
});

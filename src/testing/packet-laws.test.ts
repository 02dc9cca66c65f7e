import { describe, expect, it } from 'vitest';
import {
  buildHandoff,
  type HandoffInput,
  type HandoffOptions,
  type HandoffPacket,
} from '../handoff/index.js';
import { packetLaws } from './packet-laws.js';

describe('packetLaws', () => {
  const laws = packetLaws({ numRuns: 60, seed: 20260301 });

  it('names five laws', () => {
    expect(laws.map((l) => l.name)).toEqual([
      'a packet never exceeds its budget, in any renderer or adapter',
      'the identity line, the issue line and the latest message always survive',
      'the same journey, in any order, gives the same packet',
      'redaction never leaks a masked value into any renderer or adapter',
      'citations always point at real interactions',
    ]);
  });

  for (const law of laws) {
    it(`holds for buildHandoff: ${law.name}`, async () => {
      await law.check();
    }, 120_000);
  }

  // Builders that break one promise each, to show that the laws catch them.
  const broken = (build: (input: HandoffInput, options: HandoffOptions) => HandoffPacket) =>
    packetLaws({ build, numRuns: 60, seed: 7 });

  it('catches a builder that ignores the budget', async () => {
    const [budget] = broken((input, options) =>
      buildHandoff(input, { ...options, budget: { chars: 1_000_000 } }),
    );
    await expect(budget?.check()).rejects.toThrow(/Law "never over budget" fails/);
  });

  it('catches a builder that reveals what the reader may not see', async () => {
    const leaks = broken((input, options) =>
      buildHandoff(input, {
        ...options,
        reader: 'agent',
        reveal: true,
        visibility: 'private',
        disclosureThreshold: 0,
      }),
    )[3];
    await expect(leaks?.check()).rejects.toThrow(/Law "no leaks" fails[\s\S]*appears in/);
  });

  it('catches a builder that drops the latest message', async () => {
    const survive = broken((input, options) => {
      const { latest: _, ...rest }: HandoffPacket = buildHandoff(input, options);
      return rest;
    })[1];
    await expect(survive?.check()).rejects.toThrow(/Law "required lines survive" fails/);
  });
});

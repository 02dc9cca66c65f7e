import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { compileThreadingOptions } from './options.js';
import { threadJourneys } from './thread.js';
import { createJourneyThreader } from './threader.js';

function issuesOf(run: () => unknown): { code: string; paths: string[] } {
  try {
    run();
  } catch (e) {
    if (e instanceof ThreadlineError) {
      return { code: e.code, paths: e.issues.map((i) => i.path.join('.')) };
    }
    throw e;
  }
  throw new Error('expected a ThreadlineError');
}

describe('threading options', () => {
  it('rejects bad options with their paths', () => {
    const bad = {
      customerId: 'has space',
      topicThreshold: 0,
      windows: { fax: 1000, email: -1 },
      cues: [{ id: 'x', speaker: 'agent', target: 'phone', phrases: [] }],
      extra: true,
    };
    const found = issuesOf(() => createJourneyThreader(bad as never));
    expect(found.code).toBe('invalid_options');
    expect(found.paths).toEqual(
      expect.arrayContaining([
        'customerId',
        'topicThreshold',
        'windows.fax',
        'windows.email',
        'cues.0.speaker',
        'cues.0.phrases',
        '',
      ]),
    );
  });

  it('rejects a cue phrase with no words', () => {
    const cues = [{ id: 'x', speaker: 'business', target: 'sms', phrases: ['text us', '?!'] }];
    expect(issuesOf(() => threadJourneys([], { customerId: 'c', cues } as never))).toEqual({
      code: 'invalid_options',
      paths: ['cues.0.phrases.1'],
    });
  });

  it('rejects an extractor that is not compiled', () => {
    const found = issuesOf(() =>
      threadJourneys([], { customerId: 'c', referenceExtractor: {} } as never),
    );
    expect(found).toEqual({ code: 'invalid_options', paths: ['referenceExtractor'] });
  });

  it('derives windows from the channel profiles, with overrides', () => {
    const defaults = compileThreadingOptions({ customerId: 'c' });
    expect(defaults.windowOf('chat')).toBe(2 * 3_600_000);
    expect(defaults.windowOf('email')).toBe(4 * 24 * 3_600_000);
    expect(defaults.windowOf('custom:kiosk')).toBe(defaults.windowOf('other'));
    const custom = compileThreadingOptions({
      customerId: 'c',
      windowFactor: 2,
      windows: { chat: 60_000 },
      profiles: { email: { resolutionMs: 1000 }, 'custom:kiosk': { visibility: 'mixed' } },
    });
    expect(custom.windowOf('chat')).toBe(60_000);
    expect(custom.windowOf('email')).toBe(2000);
    expect(custom.windowOf('sms')).toBe(24 * 3_600_000);
    expect(custom.isMixed('custom:kiosk')).toBe(true);
    expect(custom.horizonMs).toBeGreaterThanOrEqual(30 * 24 * 3_600_000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { conflict, storeFailure } from './errors.js';

describe('storeFailure', () => {
  it('words a moved head as the memory store does', () => {
    const error = conflict('expected head 3, the store is at 4');
    expect(error.code).toBe('store_conflict');
    expect(error.issues).toEqual([
      {
        code: 'store_conflict',
        path: ['expectedHead'],
        message: 'expected head 3, the store is at 4',
      },
    ]);
  });

  it('treats serialization failures and deadlocks as conflicts to retry', () => {
    for (const code of ['40001', '40P01'])
      expect(storeFailure({ code, message: 'x' }, 'commit').code).toBe('store_conflict');
  });

  it('reports misnumbered events as the memory store does', () => {
    const error = storeFailure({ code: 'TL422', message: 'x', detail: '2 6 9' }, 'commit');
    expect(error.code).toBe('store_failure');
    expect(error.issues).toEqual([
      { code: 'invalid_commit', path: ['events', 2, 'seq'], message: 'expected seq 6, got 9' },
    ]);
  });

  it('makes everything else a store_failure naming the operation and the cause', () => {
    const refused = storeFailure(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      'lookup',
    );
    expect(refused.code).toBe('store_failure');
    expect(refused.issues[0]).toEqual({
      code: 'ECONNREFUSED',
      path: ['lookup'],
      message: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    const dropped = storeFailure(new Error('Connection terminated unexpectedly'), 'commit');
    expect(dropped.issues[0]?.code).toBe('database_error');
  });

  it('passes a ThreadlineError through unchanged', () => {
    const original = new ThreadlineError('store_conflict', 'moved');
    expect(storeFailure(original, 'commit')).toBe(original);
  });

  it('is total: any thrown value becomes a ThreadlineError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (thrown, operation) => {
        const error = storeFailure(thrown, operation);
        expect(error).toBeInstanceOf(ThreadlineError);
        expect(['store_conflict', 'store_failure']).toContain(error.code);
      }),
    );
  });
});

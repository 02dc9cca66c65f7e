import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { createResolver } from '../resolve/resolver.js';
import { createPostgresStore, type PostgresStoreOptions } from './store.js';

// What needs no server: options are checked up front, nothing connects until first use, and a
// server that is not there is a store_failure. Everything else runs against a real server in
// test/postgres.test.ts.

function optionIssue(options: unknown) {
  try {
    createPostgresStore(options as PostgresStoreOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ThreadlineError);
    expect((error as ThreadlineError).code).toBe('invalid_options');
    return (error as ThreadlineError).issues[0]?.path;
  }
  throw new Error('the options were accepted');
}

describe('createPostgresStore options', () => {
  it('needs exactly one of a pool and a connection string', () => {
    expect(optionIssue({})).toEqual(['pool']);
    expect(
      optionIssue({
        connectionString: 'postgres://x@localhost/db',
        pool: { query() {}, connect() {} },
      }),
    ).toEqual(['pool']);
    expect(optionIssue({ pool: {} })).toEqual(['pool']);
  });

  it('checks each option, by path', () => {
    const base = { connectionString: 'postgres://x@localhost/db' };
    expect(optionIssue({ ...base, schema: 'Bad-Name' })).toEqual(['schema']);
    expect(optionIssue({ ...base, cacheSize: -1 })).toEqual(['cacheSize']);
    expect(optionIssue({ ...base, poolSize: 0 })).toEqual(['poolSize']);
    expect(optionIssue({ ...base, migrate: 'yes' })).toEqual(['migrate']);
    expect(optionIssue({ ...base, writerLease: { holdMs: 0 } })).toEqual(['writerLease', 'holdMs']);
    expect(optionIssue({ ...base, insideCommit: 3 })).toEqual(['insideCommit']);
    expect(optionIssue({ ...base, unknown: 1 })).toEqual([]);
    expect(optionIssue(null)).toEqual([]);
  });

  it('connects to nothing until it is used', async () => {
    const store = createPostgresStore({ connectionString: 'postgres://x@localhost:5/db' });
    expect(store.schema).toBe('threadline');
    await store.close();
  });
});

describe('a server that is not there', () => {
  it('is a store_failure from the resolver, not a hang or a crash', async () => {
    // Port 1 on the loopback interface: refused at once.
    const store = createPostgresStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    try {
      const resolver = createResolver({ store, now: () => '2026-03-01T09:00:00Z' });
      const error = await resolver
        .ingest({ id: 'em-1', channel: 'email', startedAt: '2026-03-01T09:00:00Z' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThreadlineError);
      expect((error as ThreadlineError).code).toBe('store_failure');
      expect((error as ThreadlineError).issues[0]?.path).toEqual(['migrate']);
    } finally {
      await store.close();
    }
  });
});

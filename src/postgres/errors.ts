import { ThreadlineError } from '../core/errors.js';

/** SQLSTATE the commit function raises for events not numbered from the head. */
export const SEQUENCE_STATE = 'TL422';
/**
 * SQLSTATEs after which the transaction is rolled back and trying again is right:
 * serialization failure and deadlock (neither arises with the commit function's single row
 * lock, but a pooler or a distributed engine in front may report them).
 */
const RETRYABLE = new Set(['40001', '40P01']);

interface DatabaseErrorLike {
  readonly code?: unknown;
  readonly detail?: unknown;
  readonly message?: unknown;
}

const asRecord = (error: unknown): DatabaseErrorLike =>
  typeof error === 'object' && error !== null ? (error as DatabaseErrorLike) : {};

/** The SQLSTATE (or Node's error code, such as `ECONNREFUSED`) of an error from `pg`. */
export function errorCode(error: unknown): string | undefined {
  const code = asRecord(error).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whatever was thrown, in words, even when it cannot be converted to a string. */
function describe(thrown: unknown): string {
  try {
    return String(thrown);
  } catch {
    return Object.prototype.toString.call(thrown);
  }
}

/** The error for a change computed against a head that has moved, as the memory store words it. */
export function conflict(message: string): ThreadlineError {
  return new ThreadlineError('store_conflict', 'The store changed since the change was computed', [
    { code: 'store_conflict', path: ['expectedHead'], message },
  ]);
}

/**
 * The `ThreadlineError` a database error becomes: `store_conflict` when the database asks for a
 * retry, `store_failure` for everything else: a dropped connection, a
 * server that is down, a statement that failed. `operation` names the store method.
 */
export function storeFailure(error: unknown, operation: string): ThreadlineError {
  if (error instanceof ThreadlineError) return error;
  const { detail, message } = asRecord(error);
  const code = errorCode(error);
  const text = typeof message === 'string' ? message : describe(error);
  if (code !== undefined && RETRYABLE.has(code)) return conflict(text);
  if (code === SEQUENCE_STATE && typeof detail === 'string') {
    const [index, expected, got] = detail.split(' ');
    return new ThreadlineError('store_failure', 'The commit is inconsistent', [
      {
        code: 'invalid_commit',
        path: ['events', Number(index), 'seq'],
        message: `expected seq ${expected}, got ${got}`,
      },
    ]);
  }
  return new ThreadlineError('store_failure', `PostgreSQL store: ${operation} failed`, [
    { code: code ?? 'database_error', path: [operation], message: text },
  ]);
}

import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { formatIssues } from '../core/errors.js';
import type { Issue } from '../core/result.js';
import { isCodedError, received } from './combinators.js';

/** The io-ts class tag of a codec (`UnionType`, `KeyofType`...), when it has one. */
function tagOf(type: t.Decoder<unknown, unknown>): unknown {
  return (type as { readonly _tag?: unknown })._tag;
}

interface Location {
  readonly path: (string | number)[];
  /** The union whose members all failed, when the error comes from inside one. */
  readonly union?: t.Decoder<unknown, unknown>;
}

/**
 * Reads the path of an error from its io-ts context. Keys that io-ts adds for union and
 * intersection members are not part of the input's path; a key under an array is an index.
 */
function locate(context: t.Context): Location {
  const path: (string | number)[] = [];
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1] as t.ContextEntry;
    const entry = context[i] as t.ContextEntry;
    const tag = tagOf(parent.type);
    if (tag === 'UnionType') return { path, union: parent.type };
    if (tag === 'IntersectionType') continue;
    const index = Array.isArray(parent.actual) && /^\d+$/.test(entry.key);
    path.push(index ? Number(entry.key) : entry.key);
  }
  return { path };
}

function describeFailure(error: t.ValidationError): { code: string; message: string } {
  if (isCodedError(error)) return { code: error.code, message: error.message ?? error.code };
  const type = error.context[error.context.length - 1]?.type;
  const tag = type === undefined ? undefined : tagOf(type);
  if (tag === 'KeyofType') {
    const keys = Object.keys((type as { readonly keys?: object }).keys ?? {});
    return {
      code: 'invalid_value',
      message:
        error.message ??
        `Invalid option: expected one of ${keys.map((k) => JSON.stringify(k)).join('|')}`,
    };
  }
  if (tag === 'LiteralType') {
    const value = (type as { readonly value?: unknown }).value;
    return {
      code: 'invalid_value',
      message: error.message ?? `Invalid input: expected ${JSON.stringify(value)}`,
    };
  }
  return {
    code: 'invalid_type',
    message:
      error.message ??
      `Invalid input: expected ${type?.name ?? 'a valid value'}, received ${received(error.value)}`,
  };
}

/**
 * Turns io-ts validation errors into threadline's path-addressed issues, with the paths zod
 * reports: object keys and array indexes from the root of the input (`['messages', 0, 'at']`),
 * never the member numbers io-ts adds inside unions. All the failures of one union become one
 * `invalid_union` issue, as zod reports them. Works on errors of any io-ts codec; the model
 * codecs of this module also give zod's issue codes (`too_big`, `unrecognized_keys`...).
 *
 * @param errors - the `Left` of an io-ts `decode`.
 * @returns one issue per problem, in the order found.
 * @example
 * ```ts
 * import { InteractionCodec, toIssues } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = InteractionCodec.decode({ id: 'em-1', channel: 'email', startedAt: 'noon' });
 * if (E.isLeft(r)) console.log(toIssues(r.left));
 * // [ { code: 'invalid_format', path: [ 'startedAt' ], message: 'Invalid ISO datetime' } ]
 * ```
 */
export function toIssues(errors: t.Errors): Issue[] {
  const issues: Issue[] = [];
  const unions = new Set<string>();
  for (const error of errors) {
    const { path, union } = locate(error.context);
    if (union !== undefined) {
      const key = JSON.stringify(path);
      if (unions.has(key)) continue;
      unions.add(key);
      issues.push({
        code: 'invalid_union',
        path,
        message: `Invalid input: expected ${union.name}`,
      });
      continue;
    }
    const { code, message } = describeFailure(error);
    issues.push({ code, path, message });
  }
  return issues;
}

/**
 * Renders io-ts validation errors one per line, `path: message`, as threadline renders issues.
 *
 * @example
 * ```ts
 * import { formatErrors, ReferenceCodec } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const r = ReferenceCodec.decode({ kind: 'order', value: '' });
 * if (E.isLeft(r)) console.log(formatErrors(r.left));
 * // - value: Too small: expected string to have >=1 characters
 * ```
 */
export function formatErrors(errors: t.Errors): string {
  return formatIssues(toIssues(errors));
}

/**
 * Makes a decoding function from a codec: `Right` with the decoded value, or `Left` with the
 * path-addressed issues (see {@link toIssues}).
 *
 * @param codec - any io-ts codec, such as {@link InteractionCodec}.
 * @example
 * ```ts
 * import { decodeWith, InteractionCodec } from 'threadline/fp';
 * import * as E from 'fp-ts/lib/Either.js';
 *
 * const decodeInteraction = decodeWith(InteractionCodec);
 * const r = decodeInteraction({ id: 'sms-1', channel: 'sms', startedAt: '2026-03-01T09:00:00Z' });
 * if (E.isRight(r)) console.log(r.right.direction, r.right.messages); // inbound []
 * ```
 */
export function decodeWith<A, O>(
  codec: t.Type<A, O, unknown>,
): (input: unknown) => E.Either<readonly Issue[], A> {
  return (input) => {
    const result = codec.decode(input);
    return E.isLeft(result) ? E.left(toIssues(result.left)) : result;
  };
}

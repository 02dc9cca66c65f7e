import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import { toIssues } from '../../model/parse.js';

/** Parses adapter options or throws `invalid_options` with path-addressed issues. */
export function adapterOptions<S extends z.ZodType>(
  schema: S,
  options: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  throw new ThreadlineError('invalid_options', `Invalid ${what} options`, toIssues(parsed.error));
}

/** A byte limit: a positive whole number. */
export const maxBytes = (fallback: number) =>
  z.number().int().min(1).max(100_000_000).default(fallback);

/** A key prefix for flat attributes: letters, digits, dashes and underscores. */
export const prefix = z
  .string()
  .regex(/^[A-Za-z0-9_-]{0,64}$/, 'expected up to 64 letters, digits, dashes or underscores')
  .default('threadline_');

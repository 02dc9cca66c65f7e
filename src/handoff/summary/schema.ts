import { z } from 'zod';
import { ThreadlineError } from '../../core/errors.js';
import type { Issue } from '../../core/result.js';
import { RoleSchema } from '../../model/interaction.js';
import { TimestampSchema } from '../../model/time.js';
import { CitationSchema } from '../citation.js';

/**
 * Options of {@link issueLine}: the character budget (at least 20) and, optionally, the
 * moment the line is written for, as an ISO 8601 instant or milliseconds since 1970; messages
 * and interactions after it are left out.
 *
 * @example
 * ```ts
 * import { IssueLineOptionsSchema } from 'threadline';
 *
 * console.log(IssueLineOptionsSchema.safeParse({ budgetChars: 120 }).success); // true
 * console.log(IssueLineOptionsSchema.safeParse({ budgetChars: 5 }).success); // false
 * ```
 */
export const IssueLineOptionsSchema = z.strictObject({
  /** The most characters (UTF-16 code units, as `String.length` counts) the line may take. */
  budgetChars: z.number().int().min(20),
  /** Leave out what happened after this instant: an ISO 8601 string or epoch milliseconds. */
  now: z.union([TimestampSchema, z.number().finite()]).optional(),
});

/**
 * Options of {@link issueLine}; see {@link IssueLineOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { IssueLineOptions } from 'threadline';
 *
 * const options: IssueLineOptions = { budgetChars: 140, now: '2026-03-02T09:00:00Z' };
 * console.log(options.budgetChars); // 140
 * ```
 */
export type IssueLineOptions = z.input<typeof IssueLineOptionsSchema>;

/**
 * Options of {@link summarize}: those of {@link issueLine}, plus whether to start each run of
 * one role's sentences with a label such as `Customer:`.
 *
 * @example
 * ```ts
 * import { SummarizeOptionsSchema } from 'threadline';
 *
 * console.log(SummarizeOptionsSchema.parse({ budgetChars: 300 }).roleLabels); // true
 * ```
 */
export const SummarizeOptionsSchema = IssueLineOptionsSchema.extend({
  /** Prefix each run of one role's sentences with `Customer:`, `Agent:`, `Bot:` or `System:`. */
  roleLabels: z.boolean().default(true),
});

/**
 * Options of {@link summarize}; see {@link SummarizeOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { SummarizeOptions } from 'threadline';
 *
 * const options: SummarizeOptions = { budgetChars: 280, roleLabels: false };
 * console.log(options.roleLabels); // false
 * ```
 */
export type SummarizeOptions = z.input<typeof SummarizeOptionsSchema>;

/**
 * Options of {@link issueSection}: one budget shared by the issue line and the summary.
 *
 * @example
 * ```ts
 * import { IssueSectionOptionsSchema } from 'threadline';
 *
 * console.log(IssueSectionOptionsSchema.safeParse({ budgetChars: 360 }).success); // true
 * ```
 */
export const IssueSectionOptionsSchema = SummarizeOptionsSchema;

/**
 * Options of {@link issueSection}; see {@link IssueSectionOptionsSchema}.
 *
 * @example
 * ```ts
 * import type { IssueSectionOptions } from 'threadline';
 *
 * const options: IssueSectionOptions = { budgetChars: 360 };
 * console.log(options.budgetChars); // 360
 * ```
 */
export type IssueSectionOptions = z.input<typeof IssueSectionOptionsSchema>;

/**
 * The customer's statement of the problem, in their own words, and the message it came from.
 * `role` says whose words they are: `customer` whenever the dialog has a customer sentence;
 * with no sentence at all, `text` is empty and `role` and `citation` are null.
 *
 * @example
 * ```ts
 * import { IssueLineSchema } from 'threadline';
 *
 * const line = IssueLineSchema.parse({
 *   text: 'My order A-55123 has not arrived',
 *   role: 'customer',
 *   citation: { interactionId: 'em-1', messageIndex: 0, author: 'customer', at: '2026-03-01T09:00:00Z' },
 * });
 * console.log(line.role); // customer
 * ```
 */
export const IssueLineSchema = z.strictObject({
  /** The line, within the budget; ends with `…` when it was cut. */
  text: z.string(),
  /** Who wrote the quoted sentence. */
  role: RoleSchema.nullable(),
  /** The message the sentence came from. */
  citation: CitationSchema.nullable(),
});

/**
 * An issue line; see {@link IssueLineSchema}.
 *
 * @example
 * ```ts
 * import type { IssueLine } from 'threadline';
 *
 * const none: IssueLine = { text: '', role: null, citation: null };
 * console.log(none.text === ''); // true
 * ```
 */
export type IssueLine = z.infer<typeof IssueLineSchema>;

/**
 * One sentence chosen for a summary, as it appears there, with its author and source.
 *
 * @example
 * ```ts
 * import { HandoffSummarySentenceSchema } from 'threadline';
 *
 * const s = HandoffSummarySentenceSchema.parse({
 *   text: 'We have sent a replacement.',
 *   role: 'agent',
 *   citation: { interactionId: 'call-1', messageIndex: 3, author: 'agent', at: '2026-03-02T15:04:00Z' },
 * });
 * console.log(s.role); // agent
 * ```
 */
export const HandoffSummarySentenceSchema = z.strictObject({
  /** The sentence as the summary shows it (cleaned; ends with `…` when it was cut). */
  text: z.string(),
  /** Who wrote it. */
  role: RoleSchema,
  /** The message it came from. */
  citation: CitationSchema,
});

/**
 * A summary sentence; see {@link HandoffSummarySentenceSchema}.
 *
 * @example
 * ```ts
 * import { interactionId, type HandoffSummarySentence } from 'threadline';
 *
 * const s: HandoffSummarySentence = {
 *   text: 'Refund issued.', role: 'agent',
 *   citation: { interactionId: interactionId('c-1'), messageIndex: 0, at: '2026-03-01T09:00:00Z' },
 * };
 * console.log(s.text);
 * ```
 */
export type HandoffSummarySentence = z.infer<typeof HandoffSummarySentenceSchema>;

/**
 * An extractive summary: the rendered text, within the budget, and the sentences it is made
 * of, in dialog order.
 *
 * @example
 * ```ts
 * import { HandoffSummarySchema } from 'threadline';
 *
 * console.log(HandoffSummarySchema.parse({ text: '', sentences: [] }).sentences.length); // 0
 * ```
 */
export const HandoffSummarySchema = z.strictObject({
  /** The sentences joined by spaces, each run of one role labelled when `roleLabels` is on. */
  text: z.string(),
  /** The chosen sentences in dialog order. */
  sentences: z.array(HandoffSummarySentenceSchema),
});

/**
 * A summary; see {@link HandoffSummarySchema}.
 *
 * @example
 * ```ts
 * import type { HandoffSummary } from 'threadline';
 *
 * const empty: HandoffSummary = { text: '', sentences: [] };
 * console.log(empty.sentences.length); // 0
 * ```
 */
export type HandoffSummary = z.infer<typeof HandoffSummarySchema>;

/**
 * The issue section of a handoff packet: the issue line, then a summary of the rest of the
 * dialog, and both rendered as one text within the shared budget.
 *
 * @example
 * ```ts
 * import { IssueSectionSchema } from 'threadline';
 *
 * const empty = { text: '', issue: { text: '', role: null, citation: null }, summary: { text: '', sentences: [] } };
 * console.log(IssueSectionSchema.safeParse(empty).success); // true
 * ```
 */
export const IssueSectionSchema = z.strictObject({
  /** The issue line and the summary joined by a space, within the budget. */
  text: z.string(),
  /** The issue line. */
  issue: IssueLineSchema,
  /** The summary of the dialog, without the issue line's sentence. */
  summary: HandoffSummarySchema,
});

/**
 * An issue section; see {@link IssueSectionSchema}.
 *
 * @example
 * ```ts
 * import type { IssueSection } from 'threadline';
 *
 * const s: IssueSection = { text: '', issue: { text: '', role: null, citation: null }, summary: { text: '', sentences: [] } };
 * console.log(s.text === ''); // true
 * ```
 */
export type IssueSection = z.infer<typeof IssueSectionSchema>;

/** Parses options or throws `invalid_options` with the path-addressed zod issues. */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  options: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issues: Issue[] = parsed.error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
  throw new ThreadlineError('invalid_options', `Invalid ${what} options`, issues);
}

/** Milliseconds since 1970 for the `now` option, or undefined when it is absent. */
export function nowMillis(now: string | number | undefined): number | undefined {
  return typeof now === 'string' ? Date.parse(now) : now;
}

/**
 * `threadline handoff JOURNEY.json --to CHANNEL`: prints the handoff packet of a journey for
 * the next channel and reader, as JSON, Markdown or short plain text.
 */
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ThreadlineError } from '../../core/errors.js';
import type { Issue } from '../../core/result.js';
import {
  buildHandoff,
  type HandoffBudget,
  type HandoffFormat,
  type HandoffIdentity,
  type HandoffReader,
  renderHandoff,
} from '../../handoff/index.js';
import { threadJourneys } from '../../journey/thread.js';
import { ChannelSchema } from '../../model/channel.js';
import type { Customer } from '../../model/customer.js';
import type { Interaction } from '../../model/interaction.js';
import type { Journey } from '../../model/journey.js';
import { safeParseCustomer, safeParseInteraction, safeParseJourney } from '../../model/parse.js';
import { UsageError } from '../args.js';

/**
 * The text of `threadline handoff --help`, ending with a newline.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { HANDOFF_HELP } from './commands/handoff.js';
 *
 * process.stdout.write(HANDOFF_HELP);
 * ```
 */
export const HANDOFF_HELP = `threadline handoff: print the handoff packet of a journey

Usage:
  threadline handoff JOURNEY.json --to CHANNEL [options]

The file is JSON: {"interactions": [...]} with the journey's interactions as
threadline's model describes them, and optionally "journey" (the journey to hand
off), "customer" (the resolved customer) and "identity" (the resolver's evidence:
probability, weight, steps). Without "journey", the interactions are threaded
into journeys and the latest one (the one most recently updated) is handed off.

Options:
  --to CHANNEL         The channel the packet is for (required): phone, sms,
                       email, chat, in_app, whatsapp, messenger, instagram, x,
                       social, in_person, other, or custom:NAME.
  --visibility SIDE    public or private, for channels with both sides (X,
                       Instagram). Default: public, the stricter.
  --reader READER      agent (default), bot or customer: what the packet may
                       show depends on who reads it.
  --format FORMAT      markdown (default), json or text (for a phone whisper or
                       an SMS).
  --budget-chars N     The most characters the output may take (default 4000).
  --budget-tokens N    A budget in estimated tokens instead.
  --now TIME           The current time, ISO 8601 (default: the latest time in
                       the file, so that the same file always prints the same).
  --reveal             Show contact details and linked identifiers unmasked to
                       an agent.
  --region CC          Phone region for numbers without a country code (US, GB).
  -h, --help           Show this help.

Exit status:
  0 success, 1 failure (unreadable or invalid file), 2 usage error.

Examples:
  threadline handoff journey.json --to phone --reader agent --budget-chars 1200
  threadline handoff journey.json --to sms --format text --budget-chars 320
  threadline handoff journey.json --to x --format json --reader bot
`;

const OPTIONS = {
  to: { type: 'string' },
  visibility: { type: 'string' },
  reader: { type: 'string' },
  format: { type: 'string' },
  'budget-chars': { type: 'string' },
  'budget-tokens': { type: 'string' },
  now: { type: 'string' },
  reveal: { type: 'boolean' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * A checked `handoff` command line.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { parseHandoffArgs } from './commands/handoff.js';
 *
 * const command = parseHandoffArgs(['journey.json', '--to', 'phone']);
 * if (command.kind === 'handoff') console.log(command.format); // markdown
 * ```
 */
export type HandoffCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'handoff';
      readonly file: string;
      readonly to: string;
      readonly visibility: 'public' | 'private' | undefined;
      readonly reader: HandoffReader;
      readonly format: HandoffFormat;
      readonly budget: HandoffBudget;
      readonly now: string | undefined;
      readonly reveal: boolean;
      readonly region: string | undefined;
    };

const choice = <T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T => {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} ${JSON.stringify(value)}: expected ${allowed.join(', ')}`);
};

const positive = (option: string, value: string): number => {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${option} ${JSON.stringify(value)}: expected a whole number above 0`);
  }
  return n;
};

const QUOTED = /'([^']+)'/;

/** Node's parseArgs errors as one short line, in the words the other commands use. */
function argsMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = (QUOTED.exec(message)?.[1] ?? '').replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take an argument')
      ? `${option} takes no value`
      : `${option} needs a value`;
  }
  return message.split('\n', 1)[0] ?? message;
}

/**
 * Parses and checks the arguments after `handoff`.
 *
 * @param argv - the arguments after the command name.
 * @returns the command.
 * @throws {@link UsageError} with a one-line message for any mistake.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { parseHandoffArgs } from './commands/handoff.js';
 *
 * console.log(parseHandoffArgs(['--help']).kind); // help
 * ```
 */
export function parseHandoffArgs(argv: readonly string[]): HandoffCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(argsMessage(e));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'handoff needs one journey file (JSON)'
        : `handoff takes one journey file, got ${positionals.length}`,
    );
  }
  const to = values.to;
  if (to === undefined)
    throw new UsageError('handoff needs --to CHANNEL (phone, email, chat, sms, x, …)');
  if (!ChannelSchema.safeParse(to).success) {
    throw new UsageError(
      `--to ${JSON.stringify(to)}: not a channel; expected phone, sms, email, chat, whatsapp, x, … or custom:NAME`,
    );
  }
  if (values['budget-chars'] !== undefined && values['budget-tokens'] !== undefined) {
    throw new UsageError('give --budget-chars or --budget-tokens, not both');
  }
  const budget: HandoffBudget =
    values['budget-tokens'] !== undefined
      ? { tokens: positive('--budget-tokens', values['budget-tokens']) }
      : {
          chars:
            values['budget-chars'] === undefined
              ? 4000
              : positive('--budget-chars', values['budget-chars']),
        };
  const now = values.now;
  if (now !== undefined && !Number.isFinite(Date.parse(now))) {
    throw new UsageError(
      `--now ${JSON.stringify(now)}: expected an ISO 8601 time such as 2026-03-01T09:00:00Z`,
    );
  }
  const region = values.region;
  if (region !== undefined && !/^[A-Z]{2}$/.test(region)) {
    throw new UsageError(
      `--region ${JSON.stringify(region)}: expected two upper-case letters, such as US or GB`,
    );
  }
  return {
    kind: 'handoff',
    file: positionals[0] as string,
    to,
    visibility:
      values.visibility === undefined
        ? undefined
        : choice('--visibility', values.visibility, ['public', 'private'] as const, 'public'),
    reader: choice('--reader', values.reader, ['agent', 'bot', 'customer'] as const, 'agent'),
    format: choice('--format', values.format, ['markdown', 'json', 'text'] as const, 'markdown'),
    budget,
    now: now === undefined ? undefined : new Date(Date.parse(now)).toISOString(),
    reveal: values.reveal === true,
    region,
  };
}

/** What the journey file holds, checked. */
interface JourneyFile {
  readonly interactions: readonly Interaction[];
  readonly journey: Journey | undefined;
  readonly customer: Customer | undefined;
  readonly identity: HandoffIdentity | undefined;
}

const prefixed = (issues: readonly Issue[], ...path: (string | number)[]): Issue[] =>
  issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));

/** Reads and checks the journey file; throws `invalid_input` with paths into it. */
async function readJourneyFile(file: string): Promise<JourneyFile> {
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ThreadlineError(
      'invalid_input',
      `${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const body = raw as {
    interactions?: unknown;
    journey?: unknown;
    customer?: unknown;
    identity?: unknown;
  } | null;
  if (body === null || typeof body !== 'object' || !Array.isArray(body.interactions)) {
    throw new ThreadlineError(
      'invalid_input',
      `${file}: expected an object with an "interactions" array`,
      [
        {
          code: 'invalid_type',
          path: ['interactions'],
          message: 'expected an array of interactions',
        },
      ],
    );
  }
  const issues: Issue[] = [];
  const interactions: Interaction[] = [];
  body.interactions.forEach((item: unknown, index: number) => {
    const result = safeParseInteraction(item);
    if (result.ok) interactions.push(result.value);
    else issues.push(...prefixed(result.issues, 'interactions', index));
  });
  let journey: Journey | undefined;
  if (body.journey !== undefined) {
    const result = safeParseJourney(body.journey);
    if (result.ok) journey = result.value;
    else issues.push(...prefixed(result.issues, 'journey'));
  }
  let customer: Customer | undefined;
  if (body.customer !== undefined) {
    const result = safeParseCustomer(body.customer);
    if (result.ok) customer = result.value;
    else issues.push(...prefixed(result.issues, 'customer'));
  }
  if (issues.length > 0)
    throw new ThreadlineError('invalid_input', `${file} is not a valid journey file`, issues);
  if (interactions.length === 0) {
    throw new ThreadlineError('invalid_input', `${file} has no interactions`, [
      { code: 'too_small', path: ['interactions'], message: 'expected at least one interaction' },
    ]);
  }
  return {
    interactions,
    journey,
    customer,
    identity: body.identity as HandoffIdentity | undefined,
  };
}

/** The latest instant the file shows: the default `now`, so that output depends on the file only. */
function latestInstant(interactions: readonly Interaction[]): number {
  let latest = 0;
  for (const i of interactions) {
    for (const at of [i.startedAt, i.endedAt, ...i.messages.map((m) => m.at)]) {
      if (at === undefined) continue;
      const ms = Date.parse(at);
      if (ms > latest) latest = ms;
    }
  }
  return latest;
}

/**
 * Runs `handoff`: reads the journey file, threads it when it names no journey, builds the
 * packet and prints it in the chosen format, within the budget.
 *
 * @param argv - the arguments after `handoff`.
 * @param io - where to write the packet and notes.
 * @returns the exit status (0).
 * @throws {@link UsageError} for a bad command line; {@link ThreadlineError} for a bad file.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { runHandoff } from './commands/handoff.js';
 *
 * await runHandoff(['journey.json', '--to', 'phone'], { stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runHandoff(
  argv: readonly string[],
  io: { readonly stdout: Writable; readonly stderr: Writable },
): Promise<number> {
  const command = parseHandoffArgs(argv);
  if (command.kind === 'help') {
    io.stdout.write(HANDOFF_HELP);
    return 0;
  }
  const file = await readJourneyFile(command.file);
  let journey = file.journey;
  let note = '';
  if (journey === undefined) {
    const { journeys } = threadJourneys(file.interactions, {
      customerId: file.customer?.id ?? 'customer',
    });
    // The journey most recently updated is the one the customer is in now.
    journey = journeys.reduce<Journey | undefined>(
      (best, j) =>
        best === undefined || Date.parse(j.updatedAt) >= Date.parse(best.updatedAt) ? j : best,
      undefined,
    );
    if (journey === undefined)
      throw new ThreadlineError('invalid_input', `${command.file} has no journey`);
    if (journeys.length > 1) {
      note = `threadline: ${journeys.length} journeys in ${command.file}; handing off the latest (${journey.id}, ${journey.interactionIds.length} interactions)\n`;
    }
  }
  let packet: ReturnType<typeof buildHandoff>;
  try {
    packet = buildHandoff(
      {
        journey,
        interactions: file.interactions,
        customer: file.customer,
        identity: file.identity,
      },
      {
        to: command.to as Parameters<typeof buildHandoff>[1]['to'],
        ...(command.visibility === undefined ? {} : { visibility: command.visibility }),
        reader: command.reader,
        format: command.format,
        budget: command.budget,
        now: command.now ?? latestInstant(file.interactions),
        reveal: command.reveal,
        ...(command.region === undefined ? {} : { region: command.region }),
      },
    );
  } catch (e) {
    const tooSmall =
      e instanceof ThreadlineError
        ? e.issues.find((i) => i.code === 'budget_too_small')
        : undefined;
    if (tooSmall !== undefined) {
      const option = 'chars' in command.budget ? '--budget-chars' : '--budget-tokens';
      throw new UsageError(`${option}: too small: ${tooSmall.message}`);
    }
    throw e;
  }
  if (note !== '') io.stderr.write(note);
  // Every rendering ends with a newline, within the budget: the output is exactly the packet.
  io.stdout.write(renderHandoff(packet));
  return 0;
}

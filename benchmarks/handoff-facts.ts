// Facts already given: does the handoff ledger hold every customer detail that the customer
// actually typed in an ABCD support chat? Each dialog becomes one chat interaction (action lines
// become system messages); a detail from the dialog's scenario (name, email, phone, username,
// order id, street address, ZIP) is expected when the customer's own messages contain it, and
// found when the ledger holds it after normalization. A baseline measured in the same run uses
// only the reference-number extractor and email / phone patterns over the customer's text, as
// a helpdesk macro would; it has no labels and no question-answer logic.
//   npx tsx benchmarks/handoff-facts.ts [--data-dir DIR]
import {
  extractActions,
  extractCommitments,
  extractFacts,
  extractOpenQuestions,
  extractReferences,
  type Fact,
  type Interaction,
  normalizeEmail,
  normalizeFactValue,
  normalizePhone,
  parseInteraction,
  sentimentTrend,
} from '../src/index.js';
import { dataDir, readDataset } from './lib/data.js';
import { latencies, round3, throughput } from './lib/measure.js';

interface Dialog {
  readonly convo_id: number;
  readonly scenario: {
    readonly personal?: Record<string, string | undefined>;
    readonly order?: Record<string, string | undefined>;
  };
  readonly original: readonly (readonly [string, string])[];
}

type Detail =
  | 'customer_name'
  | 'email'
  | 'phone'
  | 'username'
  | 'order_id'
  | 'street_address'
  | 'zip_code';

const REGION = 'US';

const dir = dataDir(process.argv);
if (!dir.present) {
  console.log(JSON.stringify({ skipped: true, reason: `data directory not found: ${dir.path}` }));
  process.exit(0);
}
const sampleText = readDataset(dir, 'abcd-samples/abcd_sample.json');
if (sampleText === undefined) {
  console.log(
    JSON.stringify({
      skipped: true,
      reason: `abcd-samples/abcd_sample.json not found in ${dir.path}`,
    }),
  );
  process.exit(0);
}
const sample = JSON.parse(sampleText) as Dialog[];
// The folder also ships the dialogs ABCD gives as examples; those not in the sample are measured
// separately, so that the sample figure stays comparable.
const examplesText = readDataset(dir, 'abcd-samples/original_examples.json');
const sampleIds = new Set(sample.map((d) => d.convo_id));
const extra =
  examplesText === undefined
    ? []
    : (JSON.parse(examplesText) as Dialog[]).filter((d) => !sampleIds.has(d.convo_id));

function toInteraction(dialog: Dialog): Interaction {
  return parseInteraction({
    id: `abcd-${dialog.convo_id}`,
    channel: 'chat',
    startedAt: '2020-01-06T15:00:00Z',
    region: REGION,
    messages: dialog.original.map(([role, text]) => ({
      author: role === 'customer' ? 'customer' : role === 'agent' ? 'agent' : 'system',
      text,
    })),
  });
}

const collapse = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsIn = (needle: string, haystack: string) => ` ${haystack} `.includes(` ${needle} `);

/** The scenario's value for a detail, when the customer's own messages contain it. */
function expected(dialog: Dialog, detail: Detail): string | undefined {
  const personal = dialog.scenario.personal ?? {};
  const order = dialog.scenario.order ?? {};
  const value = detail in personal ? personal[detail] : order[detail];
  if (value === undefined || value.trim() === '') return undefined;
  const said = dialog.original.filter(([role]) => role === 'customer').map(([, text]) => text);
  const appears = said.some((text) => {
    switch (detail) {
      case 'customer_name':
      case 'order_id':
      case 'zip_code':
        return new RegExp(`(?<![\\w])${escapeRegex(collapse(value))}(?![\\w])`).test(
          collapse(text),
        );
      case 'email':
        return text.toLowerCase().includes(value.toLowerCase());
      case 'username':
        // Inside the email address it was not given as a username.
        return new RegExp(`(?<![\\w@.])${escapeRegex(value.toLowerCase())}(?![\\w@])`).test(
          text.toLowerCase(),
        );
      case 'phone': {
        const digits = value.replace(/\D/g, '');
        return text.replace(/[\s().+-]/g, '').includes(digits);
      }
      case 'street_address': {
        const key = normalizeFactValue('address', value) ?? '';
        return key !== '' && wordsIn(key, normalizeFactValue('address', text) ?? '');
      }
      default:
        return false;
    }
  });
  return appears ? value : undefined;
}

/** Whether a ledger holds a detail, compared in normalized form. */
function holds(facts: readonly Fact[], detail: Detail, value: string): boolean {
  const has = (kind: Fact['kind'], key: string | undefined) =>
    key !== undefined && facts.some((f) => f.kind === kind && f.normalized === key);
  switch (detail) {
    case 'customer_name':
      return has('name', normalizeFactValue('name', value));
    case 'email':
      return has('email', normalizeFactValue('email', value));
    case 'phone':
      return has('phone', normalizeFactValue('phone', value, { region: REGION }));
    case 'username':
      // Given when the agent asked for "your account ID", a login reads as an account id.
      return (
        has('username', normalizeFactValue('username', value)) ||
        has('account_id', normalizeFactValue('account_id', value))
      );
    case 'order_id':
      return has('order_id', normalizeFactValue('order_id', value));
    case 'street_address': {
      const key = normalizeFactValue('address', value) ?? '';
      return facts.some((f) => f.kind === 'address' && wordsIn(key, f.normalized));
    }
    case 'zip_code':
      return has('postcode', normalizeFactValue('postcode', value));
  }
}

const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}/g;
const PHONE = /\+?\(?\d{2,4}\)?[\s.-]?\d{3}[\s.-]?\d{3,4}\b/g;
const REFERENCE_KINDS: Record<string, Fact['kind']> = {
  order: 'order_id',
  ticket: 'ticket',
  booking: 'booking',
  tracking: 'tracking',
  invoice: 'invoice',
  account: 'account_id',
  other: 'reference',
};

/** The baseline ledger: reference numbers, emails and phones found by pattern alone. */
function baseline(interaction: Interaction): Fact[] {
  const facts: Fact[] = [];
  const add = (kind: Fact['kind'], normalized: string) => {
    const at = interaction.startedAt;
    facts.push({
      kind,
      value: normalized,
      normalized,
      verified: false,
      citations: [
        { interactionId: interaction.id, at, evidence: 'shape', verified: false, text: normalized },
      ],
      firstSeen: at,
      lastSeen: at,
    });
  };
  for (const message of interaction.messages) {
    if (message.author !== 'customer') continue;
    for (const ref of extractReferences(message.text)) {
      add(
        REFERENCE_KINDS[ref.kind] ?? 'reference',
        normalizeFactValue('order_id', ref.key) ?? ref.key,
      );
    }
    for (const m of message.text.matchAll(EMAIL)) {
      const email = normalizeEmail(m[0]);
      if (email.valid) add('email', email.key);
    }
    for (const m of message.text.matchAll(PHONE)) {
      const phone = normalizePhone(m[0], { region: REGION });
      if (phone.e164 !== undefined) add('phone', phone.e164);
    }
  }
  return facts;
}

const DETAILS: readonly Detail[] = [
  'customer_name',
  'email',
  'phone',
  'username',
  'order_id',
  'street_address',
  'zip_code',
];

function evaluate(dialogs: readonly Dialog[]) {
  const perDialog = [];
  const perDetail: Record<string, { expected: number; found: number; baseline: number }> = {};
  let expectedCount = 0;
  let foundCount = 0;
  let baselineCount = 0;
  for (const dialog of dialogs) {
    const interaction = toInteraction(dialog);
    const facts = extractFacts([interaction]);
    const naive = baseline(interaction);
    const found: string[] = [];
    const missed: string[] = [];
    const baselineFound: string[] = [];
    for (const detail of DETAILS) {
      const value = expected(dialog, detail);
      if (value === undefined) continue;
      const stats = perDetail[detail] ?? { expected: 0, found: 0, baseline: 0 };
      perDetail[detail] = stats;
      stats.expected++;
      expectedCount++;
      if (holds(facts, detail, value)) {
        found.push(detail);
        stats.found++;
        foundCount++;
      } else {
        missed.push(detail);
      }
      if (holds(naive, detail, value)) {
        baselineFound.push(detail);
        stats.baseline++;
        baselineCount++;
      }
    }
    perDialog.push({
      convoId: dialog.convo_id,
      found,
      missed,
      baselineFound,
      ledger: facts.map(
        (f) =>
          `${f.kind}: ${f.normalized} [${f.citations.map((c) => `${c.messageIndex}/${c.evidence}`).join(', ')}]`,
      ),
    });
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : round3(a / b));
  return {
    dialogs: dialogs.length,
    expected: expectedCount,
    found: foundCount,
    recall: ratio(foundCount, expectedCount),
    baseline: { found: baselineCount, recall: ratio(baselineCount, expectedCount) },
    perDetail: Object.fromEntries(
      Object.entries(perDetail).map(([detail, s]) => [
        detail,
        { ...s, recall: ratio(s.found, s.expected), baselineRecall: ratio(s.baseline, s.expected) },
      ]),
    ),
    perDialog,
  };
}

// Speed: the whole text layer per dialog, and one customer message of 10 kB and 100 kB of
// adversarial text, to show the time grows with the length and no faster.
const interactions = [...sample, ...extra].map(toInteraction);
const now = Date.parse('2020-01-08T00:00:00Z');
const whole = (i: Interaction) => {
  extractFacts([i]);
  extractCommitments([i], { now });
  extractOpenQuestions([i]);
  extractActions([i]);
  return sentimentTrend([i]);
};
const hostile = (size: number) => {
  const unit = "May 5, I'll call (977) 625-2661 $1,111 6821 1st Ave order 3348917502? ";
  return parseInteraction({
    id: `long-${size}`,
    channel: 'chat',
    startedAt: '2020-01-06T15:00:00Z',
    region: REGION,
    messages: [
      { author: 'agent', text: 'May I have your name, phone and address?' },
      { author: 'customer', text: unit.repeat(Math.ceil(size / unit.length)).slice(0, size) },
    ],
  });
};
const long10k = hostile(10_000);
const long100k = hostile(100_000);

console.log(
  JSON.stringify(
    {
      benchmark: 'handoff-facts',
      dataDir: dir.path,
      sample: evaluate(sample),
      ...(extra.length === 0
        ? {}
        : { examplesNotInSample: evaluate(extra), all: summary(evaluate([...sample, ...extra])) }),
      speed: {
        factsPerDialog: throughput(interactions, (i) => extractFacts([i])),
        wholeLayerPerDialog: throughput(interactions, whole),
        wholeLayer10kB: latencies(
          Array.from({ length: 20 }, () => long10k),
          whole,
        ),
        wholeLayer100kB: latencies(
          Array.from({ length: 5 }, () => long100k),
          whole,
        ),
      },
    },
    null,
    2,
  ),
);

function summary(result: ReturnType<typeof evaluate>) {
  const { perDialog: _omitted, ...rest } = result;
  return rest;
}

// The verbs of customer service: what can be promised and what can be reported as done. Each
// row is one action (its lemma) with the phrases that say it in the base form ("we'll refund")
// and in the past form ("refund has been issued" reads through `issue`, refined by its object).
// A `~` stands for up to two object words: "let ~ know" reads "let you know", "let my manager know".
// `group` ties together actions that keep the same promise: a callback is kept by a call.
import type { Token } from './text.js';

interface VerbRow {
  readonly lemma: string;
  readonly group: string;
  readonly base: readonly string[];
  readonly past: readonly string[];
}

// group, lemma, base phrases, past phrases ("|" between phrases).
const TABLE: readonly (readonly [string, string, string, string])[] = [
  [
    'call',
    'call',
    'call|call ~ back|give ~ a call|give ~ a ring|give ~ a buzz',
    'called|gave ~ a call|given ~ a call|gave ~ a ring|given ~ a ring',
  ],
  ['call', 'phone', 'phone|ring', 'phoned|rang|rung'],
  ['message', 'email', 'email|e-mail', 'emailed|e-mailed'],
  ['message', 'text', 'text', 'texted'],
  ['message', 'message', 'message|dm|write', "messaged|dmed|dm'd|wrote|written"],
  [
    'update',
    'update',
    'update|keep ~ posted|keep ~ updated|keep ~ informed',
    'updated|kept ~ posted|kept ~ updated|kept ~ informed',
  ],
  ['update', 'get back', 'get back', 'got back|gotten back'],
  ['update', 'follow up', 'follow up', 'followed up'],
  ['update', 'reach out', 'reach out', 'reached out'],
  ['update', 'contact', 'contact', 'contacted'],
  [
    'update',
    'notify',
    'notify|let ~ know|inform|advise|tell|indicate',
    'notified|let ~ know|informed|advised|told|indicated',
  ],
  ['update', 'reply', 'reply|respond|answer', 'replied|responded|answered'],
  ['send', 'send', 'send|resend|mail|post|forward', 'sent|resent|mailed|posted|forwarded'],
  [
    'send',
    'upload',
    'upload|attach|share|submit|provide',
    'uploaded|attached|shared|submitted|provided',
  ],
  ['send', 'drop off', 'drop ~ off', 'dropped ~ off'],
  ['ship', 'ship', 'ship|dispatch|expedite', 'shipped|dispatched|expedited'],
  ['ship', 'deliver', 'deliver|arrive', 'delivered|arrived'],
  ['refund', 'refund', 'refund|reimburse|pay ~ back', 'refunded|reimbursed|paid ~ back'],
  ['refund', 'credit', 'credit', 'credited'],
  ['pay', 'pay', 'pay', 'paid'],
  ['replace', 'replace', 'replace|exchange', 'replaced|exchanged'],
  ['return', 'return', 'return', 'returned'],
  ['escalate', 'escalate', 'escalate|pass ~ on|raise|flag', 'escalated|passed ~ on|raised|flagged'],
  ['escalate', 'transfer', 'transfer', 'transferred'],
  ['check', 'check', 'check|review|verify|validate', 'checked|reviewed|verified|validated'],
  ['check', 'look into', 'look into', 'looked into'],
  [
    'check',
    'look up',
    'look ~ up|pull ~ up|search|research|track ~ down',
    'looked ~ up|pulled ~ up|searched|researched|tracked ~ down',
  ],
  ['check', 'investigate', 'investigate', 'investigated'],
  ['fix', 'fix', 'fix|repair|troubleshoot', 'fixed|repaired|troubleshot'],
  [
    'fix',
    'resolve',
    'resolve|sort ~ out|take care|handle',
    'resolved|sorted ~ out|taken care|took care|handled',
  ],
  ['fix', 'restore', 'restore', 'restored'],
  ['cancel', 'cancel', 'cancel', 'cancelled|canceled'],
  ['reset', 'reset', 'reset', 'reset'],
  ['reset', 'unlock', 'unlock|unblock', 'unlocked|unblocked'],
  [
    'reset',
    'activate',
    'activate|reactivate|re-enable|enable',
    'activated|reactivated|re-enabled|enabled',
  ],
  [
    'change',
    'change',
    'change|adjust|edit|correct|amend|modify',
    'changed|adjusted|edited|corrected|amended|modified',
  ],
  ['change', 'add', 'add|apply', 'added|applied'],
  ['change', 'remove', 'remove', 'removed'],
  ['change', 'waive', 'waive', 'waived'],
  [
    'schedule',
    'schedule',
    'schedule|reschedule|arrange|set ~ up',
    'scheduled|rescheduled|arranged|set ~ up',
  ],
  ['schedule', 'book', 'book|rebook', 'booked|rebooked'],
  ['process', 'process', 'process|complete|initiate', 'processed|completed|initiated'],
  ['process', 'issue', 'issue', 'issued'],
  ['process', 'approve', 'approve', 'approved'],
  ['process', 'request', 'request', 'requested'],
  ['note', 'note', 'note|log|record|document|enter', 'noted|logged|recorded|documented|entered'],
  ['note', 'open', 'open|create|file', 'opened|created|filed'],
  ['try', 'try', 'try|attempt', 'tried|attempted'],
  ['troubleshoot', 'restart', 'restart|reboot', 'restarted|rebooted'],
  ['troubleshoot', 'reinstall', 'reinstall|uninstall', 'reinstalled|uninstalled'],
  ['troubleshoot', 'clear', 'clear', 'cleared'],
  ['troubleshoot', 'unplug', 'unplug', 'unplugged'],
  ['troubleshoot', 'log out', 'log out|sign out', 'logged out|signed out'],
  [
    'visit',
    'visit',
    'visit|stop by|come ~ in|bring ~ in',
    'visited|stopped by|came ~ in|brought ~ in',
  ],
];

const ROWS: readonly VerbRow[] = TABLE.map(([group, lemma, base, past]) => ({
  group,
  lemma,
  base: base.split('|'),
  past: past.split('|'),
}));

/** A recognised verb phrase. */
export interface VerbMatch {
  readonly lemma: string;
  readonly group: string;
  /** The index of the token after the phrase. */
  readonly end: number;
}

interface Phrase {
  readonly row: VerbRow;
  readonly words: readonly string[];
}

function index(form: 'base' | 'past'): ReadonlyMap<string, readonly Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const row of ROWS) {
    for (const phrase of row[form]) {
      const words = phrase.split(' ');
      const head = words[0] ?? '';
      const list = map.get(head) ?? [];
      list.push({ row, words });
      map.set(head, list);
    }
  }
  // Longer phrases first: "look into" before a bare "look".
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
}

const BASE = /* @__PURE__ */ index('base');
const PAST = /* @__PURE__ */ index('past');

function matchRest(
  tokens: readonly Token[],
  at: number,
  words: readonly string[],
  w: number,
): number {
  if (w === words.length) return at;
  const want = words[w];
  if (want === '~') {
    // Up to two object words, trying the fewest first.
    for (let skip = 0; skip <= 2; skip++) {
      const end = matchRest(tokens, at + skip, words, w + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  return tokens[at]?.word === want ? matchRest(tokens, at + 1, words, w + 1) : -1;
}

function match(
  map: ReadonlyMap<string, readonly Phrase[]>,
  tokens: readonly Token[],
  at: number,
): VerbMatch | undefined {
  const head = tokens[at]?.word;
  if (head === undefined) return undefined;
  const phrases = map.get(head);
  if (phrases === undefined) return undefined;
  for (const phrase of phrases) {
    const end = matchRest(tokens, at + 1, phrase.words, 1);
    if (end >= 0) return { lemma: phrase.row.lemma, group: phrase.row.group, end };
  }
  return undefined;
}

/** The base-form verb phrase starting at token `at` ("call you back", "look into"). */
export function baseVerbAt(tokens: readonly Token[], at: number): VerbMatch | undefined {
  return match(BASE, tokens, at);
}

/** The past-form verb phrase starting at token `at` ("escalated", "pulled up"). */
export function pastVerbAt(tokens: readonly Token[], at: number): VerbMatch | undefined {
  return match(PAST, tokens, at);
}

// Generic verbs ("process", "issue") say what was done only through their object.
const OBJECT_GROUPS: readonly (readonly [string, string, string])[] = [
  ['refund', 'refund', 'refund'],
  ['refunds', 'refund', 'refund'],
  ['credit', 'refund', 'refund'],
  ['reimbursement', 'refund', 'refund'],
  ['money', 'refund', 'refund'],
  ['replacement', 'replace', 'replace'],
  ['exchange', 'replace', 'replace'],
  ['return', 'return', 'return'],
  ['cancellation', 'cancel', 'cancel'],
  ['label', 'send', 'send'],
  ['order', 'ship', 'ship'],
  ['shipment', 'ship', 'ship'],
  ['package', 'ship', 'ship'],
  ['parcel', 'ship', 'ship'],
];

/**
 * Reads a generic verb (`process`, `issue`, `complete`) through the object in its sentence:
 * "your refund will be processed" is a refund; sending or shipping a replacement is replacing.
 * Other verbs are returned unchanged.
 */
export function refine(found: VerbMatch, tokens: readonly Token[]): VerbMatch {
  // Sending a replacement is replacing.
  if (found.group === 'send' || found.group === 'ship') {
    return tokens.some((t) => t.word === 'replacement')
      ? { lemma: 'replace', group: 'replace', end: found.end }
      : found;
  }
  if (found.group !== 'process') return found;
  for (const token of tokens) {
    for (const [word, lemma, group] of OBJECT_GROUPS) {
      if (token.word === word) return { lemma, group, end: found.end };
    }
  }
  return found;
}

/** Words that name a person or team who can keep a promise for the business. */
export const BUSINESS_PEOPLE: ReadonlySet<string> = new Set([
  'i',
  'we',
  'they',
  'he',
  'she',
  'someone',
  'somebody',
  'team',
  'teams',
  'manager',
  'supervisor',
  'specialist',
  'specialists',
  'colleague',
  'colleagues',
  'agent',
  'representative',
  'rep',
  'department',
  'technician',
  'engineer',
  'courier',
  'driver',
  'store',
  'warehouse',
  // Specialists a support team hands a customer to.
  'pharmacist',
  'nurse',
  'vet',
  'doctor',
  'advisor',
  'adviser',
  'expert',
  'consultant',
  'staff',
]);

// Word lists that tell what a sentence does in a support dialog: a customer stating a
// problem, an agent taking or proposing an action, or either side only being polite.

// Words that state a problem, and stems whose inflections do ("cancelled", "charging").
const PROBLEM_WORDS: ReadonlySet<string> = new Set(
  (
    'not never no nothing cannot cant can’t unable wont won’t didnt didn’t hasnt hasn’t havent ' +
    'haven’t doesnt doesn’t isnt isn’t wasnt wasn’t arent aren’t dont don’t couldnt couldn’t ' +
    'issue issues problem problems error errors broken broke damaged missing lost late wrong ' +
    'twice double stuck locked declined outage outages down slow terrible worst awful horrible ' +
    'useless ridiculous help still again why how where when anyone nobody waiting waited hold ' +
    'without keeps kept instead yet already'
  ).split(' '),
);
const PROBLEM_STEMS = [
  'cancel',
  'charg',
  'refund',
  'delay',
  'fail',
  'crash',
  'complain',
  'frustrat',
  'disappoint',
  'overcharg',
  'deliver',
  'arriv',
  'receiv',
  'work',
  'load',
  'connect',
  'log',
  'access',
  'block',
  'suspend',
  'disconnect',
];

// Words an agent uses when doing something or asking the customer to.
const ACTION_WORDS: ReadonlySet<string> = new Set(
  (
    'please try check reset restart reinstall update clear send sent follow contact call reach ' +
    'visit refund refunded replace replacement credit credited escalate escalated forward ' +
    'forwarded passed pass investigate investigating confirm confirmed fix fixed resolve ' +
    'resolved provide share link details number address account email info information ' +
    'we’ll we’ve i’ll i’ve well weve ill ive need you’ll youll can could recommend suggest ' +
    'advise able arrange arranged booked rebook cancelled issued process processed'
  ).split(' '),
);

// Courtesy that a summary leaves out.
const COURTESY_WORDS: ReadonlySet<string> = new Set(
  (
    'thanks thank thx ty welcome sorry apologies apology apologise apologize hear glad happy ' +
    'hi hello hey there great good wonderful lovely nice day weekend appreciate appreciated ' +
    'patience understand understanding inconvenience frustration frustrating reaching reached ' +
    'out hope enjoy care help helping assist assistance further let know hearing awesome ' +
    'cheers welcome pleasure kind regards best wishes'
  ).split(' '),
);

/** Whether a lowercase word states a problem ("cancelled", "never", "twice"). */
export function isProblemWord(word: string): boolean {
  return PROBLEM_WORDS.has(word) || PROBLEM_STEMS.some((stem) => word.startsWith(stem));
}

/** Whether a lowercase word takes or requests an action ("refund", "try", "we’ll"). */
export function isActionWord(word: string): boolean {
  return ACTION_WORDS.has(word);
}

/** Whether a lowercase word is only courtesy ("thanks", "sorry", "patience"). */
export function isCourtesyWord(word: string): boolean {
  return COURTESY_WORDS.has(word);
}

/** Counts of cue words in one sentence. */
export interface Cues {
  /** How many words state a problem. */
  readonly problem: number;
  /** How many words take or request an action. */
  readonly action: number;
  /**
   * The share of courtesy among the meaningful words (courtesy and content words, stopwords
   * left out), in [0, 1]; 1 for a sentence with neither.
   */
  readonly courtesy: number;
  /** Whether the sentence asks something. */
  readonly question: boolean;
  /** The number of words. */
  readonly words: number;
}

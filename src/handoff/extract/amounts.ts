// Money amounts: a number with a currency sign, code or word next to it (`$45`, `€12,50`,
// `USD 1,200.00`, `45 dollars`). A bare number is never an amount: "39.99" could be anything.
import { fold, type Span } from './text.js';

/** An amount found in a text. */
export interface FoundAmount extends Span {
  /** An ISO 4217 code, or the symbol when it names several currencies (`$`, `¥`). */
  readonly currency: string;
  readonly amount: number;
  /** `CUR 12.34`. */
  readonly key: string;
}

// Digit runs are bounded and may not start inside another number, so every match attempt is
// short whatever the text.
const NUMBER =
  '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?|\\d{1,12}(?:[.,]\\d{1,2})?)';
const CODES = 'usd|eur|gbp|cad|aud|nzd|jpy|inr|brl|mxn|chf|cny|sek|nok|dkk|pln|sgd|hkd|zar';
const PREFIXED = new RegExp(
  `(?<![a-z])((?:us|ca|c|a|au|nz|hk|s|r)?\\$|€|£|¥|₹|₩|₽|₺|₱|₦|\\b(?:${CODES})\\b) ?${NUMBER}(?![\\d])`,
  'g',
);
const SUFFIXED = new RegExp(
  `(?<![\\d.,$€£¥₹₩₽₺₱₦])${NUMBER} ?(€|£|\\b(?:${CODES}|dollars?|bucks|euros?|quid)\\b)`,
  'g',
);

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', '$'],
  ['us$', 'USD'],
  ['ca$', 'CAD'],
  ['c$', 'CAD'],
  ['a$', 'AUD'],
  ['au$', 'AUD'],
  ['nz$', 'NZD'],
  ['hk$', 'HKD'],
  ['s$', 'SGD'],
  ['r$', 'BRL'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', '¥'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₱', 'PHP'],
  ['₦', 'NGN'],
  ['dollar', '$'],
  ['dollars', '$'],
  ['bucks', '$'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['quid', 'GBP'],
]);

function currencyOf(sign: string): string {
  return SYMBOLS.get(sign) ?? sign.toUpperCase();
}

/** Reads `1,234.56`, `1.234,56`, `12,50` and `1.500` as numbers. */
export function parseAmountNumber(text: string): number | undefined {
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  let decimal = -1;
  if (comma >= 0 && dot >= 0) decimal = Math.max(comma, dot);
  else if (comma >= 0) decimal = text.length - comma - 1 <= 2 ? comma : -1;
  else if (dot >= 0) decimal = text.length - dot - 1 <= 2 ? dot : -1;
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (i === decimal) digits += '.';
    else if (c >= '0' && c <= '9') digits += c;
  }
  const value = Number(digits);
  return Number.isFinite(value) && value < 1e12 ? value : undefined;
}

/** The key of an amount: `EUR 12.50`. */
export function amountKey(currency: string, amount: number): string {
  return `${currency} ${amount.toFixed(2)}`;
}

// Every amount above has a digit and one of these signs, codes or words: most texts have no
// such word and skip the two scans.
const MAY_HAVE_CURRENCY = new RegExp(`[$€£¥₹₩₽₺₱₦]|${CODES}|dollar|bucks|quid`);
const DIGIT = /\d/;

/** Finds the money amounts in a text. */
export function findAmounts(text: string, folded: string = fold(text)): FoundAmount[] {
  const found: FoundAmount[] = [];
  if (!DIGIT.test(folded) || !MAY_HAVE_CURRENCY.test(folded)) return found;
  const push = (start: number, end: number, sign: string, number: string) => {
    const amount = parseAmountNumber(number);
    if (amount === undefined) return;
    const currency = currencyOf(sign);
    found.push({ start, end, currency, amount, key: amountKey(currency, amount) });
  };
  for (const m of folded.matchAll(PREFIXED)) {
    push(m.index, m.index + m[0].length, m[1] ?? '', m[2] ?? '');
  }
  for (const m of folded.matchAll(SUFFIXED)) {
    push(m.index, m.index + m[0].length, m[2] ?? '', m[1] ?? '');
  }
  found.sort((a, b) => a.start - b.start);
  const out: FoundAmount[] = [];
  let reach = -1;
  for (const amount of found) {
    if (amount.start < reach) continue;
    out.push(amount);
    reach = amount.end;
  }
  return out;
}

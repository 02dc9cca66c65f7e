/**
 * The numbering plans customers' phone numbers come from: which ranges a region assigns, and
 * how people write a number nationally and internationally. The plans are data; everything
 * here is pure.
 */

/**
 * How customers' numbers are made and written in one region. A number is a prefix (a
 * range the plan assigns to mobiles or to an area and exchange) followed by `tail` free
 * digits; patterns write the national significant number, one `#` per digit.
 */
export interface PhonePlan {
  readonly countryCode: string;
  readonly prefixes: readonly string[];
  readonly tail: number;
  readonly national: readonly string[];
  readonly international: readonly string[];
  /** The business's own support line, as a national significant number. */
  readonly support: string;
}

/** NANP exchanges a customer's number can have: not an N11 service code, not 555. */
const NANP_EXCHANGES: readonly string[] = Array.from({ length: 800 }, (_, k) => 200 + k)
  .filter((e) => e % 100 !== 11 && e !== 555)
  .map(String);

const words = (text: string): string[] => text.trim().split(/\s+/);

const nanp = (areas: readonly string[]): string[] =>
  areas.flatMap((area) => NANP_EXCHANGES.map((exchange) => area + exchange));

const NANP_NATIONAL = [
  '(###) ###-####',
  '###-###-####',
  '###.###.####',
  '##########',
  '### ### ####',
  '1-###-###-####',
];
const NANP_INTERNATIONAL = ['+1 ### ### ####', '+1 (###) ###-####', '+1-###-###-####'];

export const PLANS = {
  US: {
    countryCode: '1',
    prefixes: nanp(
      words(`
        206 212 213 214 305 310 312 404 415 469 480 503
        512 602 617 619 646 702 713 718 720 773 818 832`),
    ),
    tail: 4,
    national: NANP_NATIONAL,
    international: NANP_INTERNATIONAL,
    support: '8002460190',
  },
  CA: {
    countryCode: '1',
    prefixes: nanp(words('403 416 438 514 587 604 613 647 778 902')),
    tail: 4,
    national: NANP_NATIONAL,
    international: NANP_INTERNATIONAL,
    support: '8002460190',
  },
  GB: {
    countryCode: '44',
    // Mobile ranges of Great Britain proper; some ranges belong to Jersey, Guernsey or Man.
    prefixes: words(`
      740 741 742 743 744 746 747 748 749 751 753 754 755 756 757 758 759 771 772 773
      774 775 776 777 780 781 784 785 786 787 788 789 790 792 794 795 796 797 798 799`),
    tail: 7,
    national: ['0#### ######', '0##########', '0#### ### ###', '(0####) ######'],
    international: ['+44 #### ######', '+44 (0)#### ######', '+44##########', '0044 #### ######'],
    support: '2071838750',
  },
  BR: {
    countryCode: '55',
    prefixes: ['11', '19', '21', '27', '31', '41', '48', '51', '61', '71', '81', '85'].flatMap(
      (area) => ['96', '97', '98', '99'].map((start) => area + start),
    ),
    tail: 7,
    national: ['(##) #####-####', '## #####-####', '###########', '(##)#####-####'],
    international: ['+55 ## #####-####', '+55 (##) #####-####', '+55###########'],
    support: '1130030000',
  },
  DE: {
    countryCode: '49',
    prefixes: ['170', '171', '172', '173', '175', '177', '178', '179'],
    tail: 7,
    national: ['0### #######', '0###/#######', '0###-#######', '0##########'],
    international: ['+49 ### #######', '+49 (0)### #######', '+49##########', '0049 ### #######'],
    support: '3091827364',
  },
  FR: {
    countryCode: '33',
    prefixes: ['60', '61', '62', '64', '65', '66', '67', '68', '75', '76', '77', '78'],
    tail: 7,
    national: ['0# ## ## ## ##', '0#.##.##.##.##', '0#########', '0#-##-##-##-##'],
    international: ['+33 # ## ## ## ##', '+33 (0)# ## ## ## ##', '+33#########'],
    support: '142681530',
  },
} as const satisfies Record<string, PhonePlan>;

/**
 * The regions {@link generateInteractions} can draw customers' phone numbers from.
 *
 * @example
 * ```ts
 * import { GENERATED_REGIONS } from 'threadline/testing';
 *
 * console.log(GENERATED_REGIONS); // [ 'US', 'CA', 'GB', 'BR', 'DE', 'FR' ]
 * ```
 */
export const GENERATED_REGIONS = Object.freeze(['US', 'CA', 'GB', 'BR', 'DE', 'FR'] as const);

export type GeneratedRegion = (typeof GENERATED_REGIONS)[number];

/** How many distinct customer numbers a region's plan can give. */
export const capacity = (plan: PhonePlan): number => plan.prefixes.length * 10 ** plan.tail;

/** Writes digits into a pattern, one per `#`. */
export function applyPattern(pattern: string, digits: string): string {
  let out = '';
  let k = 0;
  for (const ch of pattern) out += ch === '#' ? (digits[k++] ?? '') : ch;
  return out;
}

/** A national significant number in E.164, as carriers deliver caller ids. */
export const e164 = (plan: PhonePlan, nsn: string): string => `+${plan.countryCode}${nsn}`;

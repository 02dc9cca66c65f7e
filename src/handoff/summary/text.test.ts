import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messyTextArbitrary } from '../../testing/arbitraries.js';
import { cosine, textRank } from './centrality.js';
import { cleanMessage, stripOpening } from './clean.js';
import { truncateAtWord } from './fit.js';
import { createLexicon } from './lexicon.js';
import { MAX_SENTENCE, splitSentences } from './sentences.js';
import { contentTokens, lightStem } from './tokens.js';
import { words } from './words.js';

const noisy = messyTextArbitrary(
  [
    '@shop_help ',
    'my order ',
    'has not arrived',
    '. ',
    '!!! ',
    '?',
    ' (1/2)',
    ' 2/2',
    'https://t.co/x1 ',
    '😅',
    '👍🏽',
    '\n',
    ' ^SR',
    ' -Andy',
    '…',
    'e.g. ',
    "can't ",
    '\u200B',
    '\uD800',
  ],
  30,
);

describe('cleanMessage', () => {
  it('drops reply mentions, links, signatures and part markers', () => {
    expect(cleanMessage('@Shop_Help @ana hi, my order is late https://t.co/abc (1/2)')).toEqual({
      text: 'hi, my order is late',
      continues: true,
    });
    expect(cleanMessage("@206194 You'll need to call us, sorry. ^SR").text).toBe(
      "You'll need to call us, sorry.",
    );
    expect(cleanMessage('@147543 It will be backwards to Westbury. -Andy').text).toBe(
      'It will be backwards to Westbury.',
    );
    expect(cleanMessage("@501820 more info, I'd be happy to help.- MH").text).toBe(
      "more info, I'd be happy to help.",
    );
  });

  it('keeps mentions inside a sentence and dates at the end', () => {
    expect(cleanMessage('@x booked with you but flown by @AmericanAir').text).toBe(
      'booked with you but flown by @AmericanAir',
    );
    expect(cleanMessage('see you on 12/25').text).toBe('see you on 12/25');
  });

  it('marks a message that runs on, and a last part that does not', () => {
    expect(cleanMessage('Their details are…').continues).toBe(true);
    expect(cleanMessage('Their details are...').continues).toBe(true);
    expect(cleanMessage('the rest of it 2/2').continues).toBe(false);
    expect(cleanMessage('1/3 first part').text).toBe('first part');
  });

  it('removes emoji and squeezes repeated marks and spaces', () => {
    expect(cleanMessage('Anybody there!!!  I have an issue 😅 ! !').text).toBe(
      'Anybody there! I have an issue!',
    );
  });

  it('is total and idempotent on messy text', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        const once = cleanMessage(text).text;
        expect(once).toBe(once.trim());
        expect(cleanMessage(once).text.length).toBeLessThanOrEqual(once.length);
      }),
    );
  });

  it('stays linear on long adversarial text', () => {
    for (const unit of ['. ', '!', ' ', '@a', '1/2 ', '-A ', '... ', ' \n']) {
      const text = unit.repeat(50_000);
      expect(typeof cleanMessage(text).text).toBe('string');
      expect(Array.isArray(splitSentences(text))).toBe(true);
    }
  });
});

describe('stripOpening', () => {
  it('drops greetings, names after a greeting and fillers', () => {
    expect(stripOpening('Hi there, my card was charged twice.')).toBe('My card was charged twice.');
    expect(stripOpening('Hello Talie, if you booked with us please DM.')).toBe(
      'If you booked with us please DM.',
    );
    expect(stripOpening('So another outage for the 4th time')).toBe(
      'Another outage for the 4th time',
    );
  });

  it('keeps a sentence that is only a greeting, and words that only look like one', () => {
    expect(stripOpening('Hi there!')).toBe('Hi there!');
    expect(stripOpening('Hi I ordered a lamp')).toBe('I ordered a lamp');
    expect(stripOpening('No one is helping')).toBe('No one is helping');
    expect(stripOpening('History matters')).toBe('History matters');
  });
});

describe('splitSentences', () => {
  it('splits at marks followed by a space and at line breaks', () => {
    expect(splitSentences('It broke! Can you help? Thanks.\nOrder 12').map((s) => s.text)).toEqual([
      'It broke!',
      'Can you help?',
      'Thanks.',
      'Order 12',
    ]);
  });

  it('does not split abbreviations, initials or decimals', () => {
    expect(
      splitSentences('Dr. Smith paid 3.50 e.g. today. J. R. R. Tolkien wrote it.').map(
        (s) => s.text,
      ),
    ).toEqual(['Dr. Smith paid 3.50 e.g. today.', 'J. R. R. Tolkien wrote it.']);
  });

  it('cuts sentences that are too long', () => {
    const long = `${'word '.repeat(200)}end.`;
    for (const s of splitSentences(long)) expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
  });

  it('returns spans that are trimmed slices of the text at their start', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        for (const span of splitSentences(text)) {
          expect(span.text).not.toBe('');
          expect(span.text).toBe(span.text.trim());
          expect(text.startsWith(span.text, span.start)).toBe(true);
        }
      }),
    );
  });
});

describe('truncateAtWord', () => {
  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(truncateAtWord('My order A-55123 still has not arrived', 30)).toBe(
      'My order A-55123 still has…',
    );
    expect(truncateAtWord('Supercalifragilistic', 10)).toBe('Supercali…');
    expect(truncateAtWord('fits', 10)).toBe('fits');
  });

  it('never exceeds the budget nor splits a surrogate pair', () => {
    fc.assert(
      fc.property(noisy, fc.integer({ min: 0, max: 80 }), (text, max) => {
        const out = truncateAtWord(text, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(0, max));
        if (out !== text && out.endsWith('…')) {
          // The kept head is a prefix of the text that does not end inside a surrogate pair.
          const head = out.slice(0, -1);
          const last = head.charCodeAt(head.length - 1);
          const next = text.charCodeAt(head.length);
          const split = last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
          expect(split && text.startsWith(head)).toBe(false);
        }
      }),
    );
  });
});

describe('words and tokens', () => {
  it('lowercases, keeps one inner apostrophe and normalises it', () => {
    expect(words("We'll refund Ana’s ORDER #A-55123")).toEqual([
      'we’ll',
      'refund',
      'ana’s',
      'order',
      'a',
      '55123',
    ]);
  });

  it('drops stopwords and strips inflections', () => {
    expect(contentTokens('The orders were cancelled and I am waiting')).toEqual([
      'order',
      'cancell',
      'wait',
    ]);
    expect(lightStem('deliveries')).toBe('delivery');
    expect(lightStem('status')).toBe('status');
  });

  it('reads cues and distinct sorted token ids', () => {
    const analyse = createLexicon();
    const a = analyse('My order was cancelled, why? Order again!');
    expect(a.cues.problem).toBeGreaterThanOrEqual(3);
    expect(a.cues.question).toBe(true);
    expect([...a.tokens]).toEqual([...new Set(a.tokens)].sort((x, y) => x - y));
    expect(analyse('Thanks so much!').cues.courtesy).toBe(1);
    expect(analyse('Please try a reset').cues.action).toBe(3);
  });
});

describe('textRank', () => {
  it('ranks the sentence sharing the most words highest, within [0, 1]', () => {
    const sets = [[1, 2], [1, 2, 3], [3, 4], [9]];
    const rank = textRank(sets, 10);
    expect(rank[1]).toBe(1);
    for (const r of rank) {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
    expect(rank[3]).toBeLessThan(rank[0] as number);
  });

  it('gives zeros when no sentences share a word, and links only within the window', () => {
    expect([...textRank([[1], [2], [3]], 5)]).toEqual([0, 0, 0]);
    expect([...textRank([[1], [2], [1]], 1)]).toEqual([0, 0, 0]);
  });

  it('ranks the same whatever the ids are, however far apart (a lexicon shared by many builds)', () => {
    const set = fc.uniqueArray(fc.nat(30), { maxLength: 6 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(
        fc.array(set, { maxLength: 12 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.nat(5),
        (sets, spread, window) => {
          // Multiplying keeps ids distinct and sorted and sends them past the dense table's reach.
          const far = sets.map((s) => s.map((id) => id * spread + 5_000));
          expect([...textRank(far, window)]).toEqual([...textRank(sets, window)]);
        },
      ),
    );
  });

  it('cosine is symmetric and bounded', () => {
    const set = fc.uniqueArray(fc.nat(20), { maxLength: 8 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(set, set, (a, b) => {
        const c = cosine(a, b);
        expect(c).toBeCloseTo(cosine(b, a), 12);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultReferenceExtractor, defaultReferencePatterns } from './defaults.js';
import {
  type ExtractionStats,
  extractReferences,
  FoundReferenceSchema,
  referenceStepBound,
} from './extract.js';
import { normalizeReferenceValue } from './keys.js';
import { compileReferencePatterns, type ReferenceExtractor } from './patterns.js';

/** `kind:value` for each reference found, in order: compact enough to read in a failing test. */
function found(text: string, extractor?: ReferenceExtractor): string[] {
  return extractReferences(text, extractor).map((ref) => `${ref.kind}:${ref.value}`);
}

function keys(text: string, extractor?: ReferenceExtractor): string[] {
  return extractReferences(text, extractor).map((ref) => `${ref.kind}:${ref.key}`);
}

// Realistic customer-service text: keywords, fillers, reference-like values and the noise around
// them (prices, times, handles, URLs, entities, emoji), glued together in any order.
const keywordText = fc.constantFrom(
  'order',
  'Order #',
  'my order number is',
  'Order ID:',
  'case number',
  'Ticket #',
  'incident',
  'booking ref',
  'confirmation code',
  'PNR',
  'tracking',
  'invoice no.',
  'account',
  'ref. no.',
  'pedido nº',
  'numéro de commande :',
  'Bestellung',
);
const valueText = fc.oneof(
  fc.stringMatching(/^\d{3,24}$/),
  fc.stringMatching(/^#?[A-Z]{1,4}-?\d{4,10}$/),
  fc.stringMatching(/^[A-Z0-9]{5,8}$/),
  fc.stringMatching(/^[A-Z]{6}$/),
  fc.stringMatching(/^\d{3}-\d{7}-\d{7}$/),
  fc.constantFrom(
    '1Z999AA10123456784',
    '1Z999AA10123456785',
    'RR123456785GB',
    'INC0012345',
    '9400111899223197428490',
    '2019',
    '12/31/2020',
  ),
);
const noiseText = fc.constantFrom(
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  ' and ',
  ' & ',
  ': ',
  '\n',
  '\n\n',
  ' # ',
  ' is ',
  '! ',
  ' 😀 ',
  '@',
  ' @AmazonHelp ',
  '$',
  '%',
  ' https://t.co/x1Y2z3 ',
  ' www.example.com/order/12345 ',
  ' &amp; ',
  '\u200b',
  ' hello ',
  ' the ',
  ' 9:20 ',
  ' +447911123456 ',
  ' in order to ',
  ' PLEASE ',
  '-',
  '/',
);
const realisticText = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: keywordText },
      { weight: 2, arbitrary: valueText },
      { weight: 4, arbitrary: noiseText },
    ),
    {
      maxLength: 24,
    },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  realisticText,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

describe('extractReferences: default patterns', () => {
  it('finds order numbers after order keywords, in several languages', () => {
    expect(found("my order #A-55123 hasn't arrived")).toEqual(['order:A-55123']);
    expect(found('can you check order FT287235 for me')).toEqual(['order:FT287235']);
    expect(found('Order ID: 3348917502')).toEqual(['order:3348917502']);
    expect(found('Yes my order id is 4870952797')).toEqual(['order:4870952797']);
    expect(found('Amazon  order # 171-3513893-7891514. I requested a return')).toEqual([
      'order:171-3513893-7891514',
    ]);
    expect(found('order #1001 and #1002')).toEqual(['order:#1001', 'order:#1002']);
    expect(found('Mi pedido nº 123456 no ha llegado')).toEqual(['order:123456']);
    expect(found('numéro de commande : 98765')).toEqual(['order:98765']);
    expect(found('Meine Bestellung 4711-88213 fehlt')).toEqual(['order:4711-88213']);
    expect(found('il mio ordine 55667788')).toEqual(['order:55667788']);
    expect(found('a minha encomenda PT-556677')).toEqual(['order:PT-556677']);
  });

  it('finds ticket, case, incident and service request numbers', () => {
    expect(found('your case number is 00123456')).toEqual(['ticket:00123456']);
    expect(found('ticket #4521 is still open')).toEqual(['ticket:#4521']);
    expect(found('Ticket #7288583, which has no reply')).toEqual(['ticket:7288583']);
    expect(found('under ticket number  1-DFOI8R4 .^CH')).toEqual(['ticket:1-DFOI8R4']);
    expect(found('initiated under SR# : 1-142968054354 &amp; you shall hear')).toEqual([
      'ticket:1-142968054354',
    ]);
    expect(found('please process my case number 00197387 &amp; 00197126 immediately')).toEqual([
      'ticket:00197387',
      'ticket:00197126',
    ]);
    expect(found('protocolo 20231234567')).toEqual(['ticket:20231234567']);
  });

  it('finds ServiceNow-style numbers on their own', () => {
    const refs = extractReferences('INC0012345 is still open; see also RITM0045678');
    expect(refs.map((ref) => [ref.value, ref.pattern, ref.evidence])).toEqual([
      ['INC0012345', 'servicenow', 'shape'],
      ['RITM0045678', 'servicenow', 'shape'],
    ]);
  });

  it('finds booking codes, PNRs and confirmation numbers', () => {
    expect(found('booking ref QX7P2L')).toEqual(['booking:QX7P2L']);
    expect(found('Booking KMRZFT has been cancelled')).toEqual(['booking:KMRZFT']);
    expect(found('My booking reference is FNFSFD , family name is Ha')).toEqual(['booking:FNFSFD']);
    expect(found('My booking number is: KZBCKZ Name: Alliyha')).toEqual(['booking:KZBCKZ']);
    expect(found('@delta confirmation G7VAUN. Got protected')).toEqual(['booking:G7VAUN']);
    expect(found('My confirmation # H8g4fb. No boarding pass')).toEqual(['booking:H8g4fb']);
    expect(found('hotel confirmation number 834729165')).toEqual(['booking:834729165']);
    expect(keys('My confirmation # H8g4fb.')).toEqual(['booking:H8G4FB']);
  });

  it('does not take a common capitalised word for a PNR', () => {
    expect(found('MY BOOKING PLEASE')).toEqual([]);
    expect(found('CHECK MY BOOKING STATUS NOW')).toEqual([]);
    expect(found('booking TICKET')).toEqual([]);
    expect(found('booking Thanks')).toEqual([]);
  });

  it('finds tracking numbers by shape (with check digits) and after tracking keywords', () => {
    expect(found('tracking 1Z999AA10123456784')).toEqual(['tracking:1Z999AA10123456784']);
    expect(found('@UPSHelp TN:1Z4E93510492123736 I received')).toEqual([
      'tracking:1Z4E93510492123736',
    ]);
    expect(found('UPS says 1Z999AA10123456785')).toEqual([]); // wrong check digit, no keyword
    expect(found('RR123456785GB is stuck in customs')).toEqual(['tracking:RR123456785GB']);
    expect(found('RR123456784GB is stuck in customs')).toEqual([]);
    expect(found('usps 9400111899223197428490')).toEqual(['tracking:9400111899223197428490']);
    expect(found('label 9400111899223197428490 printed')).toEqual([
      'tracking:9400111899223197428490',
    ]);
    expect(found('FedEx tracking number: 771234567890')).toEqual(['tracking:771234567890']);
    expect(found('fedex 123456789012345')).toEqual(['tracking:123456789012345']);
    expect(found('DHL waybill 1234567890')).toEqual(['tracking:1234567890']);
    expect(found('tracking no. TBA123456789000')).toEqual(['tracking:TBA123456789000']);
  });

  it('finds invoice, account and generic reference numbers', () => {
    expect(found('invoice INV-2024-0042 is wrong')).toEqual(['invoice:INV-2024-0042']);
    expect(found('Rechnungsnummer 2024-55123')).toEqual(['invoice:2024-55123']);
    expect(found('account number 12345678')).toEqual(['account:12345678']);
    expect(found('Kundennummer: KD-554433')).toEqual(['account:KD-554433']);
    expect(found('would be paid ref DR-7205-4211, but')).toEqual(['other:DR-7205-4211']);
    expect(found('under ref. no. C1-102849262300 &amp; you')).toEqual(['other:C1-102849262300']);
    expect(found('Kindly check this ref no:00552866')).toEqual(['other:00552866']);
  });

  it('does not report years, prices, phone numbers, times, percentages or handles', () => {
    for (const text of [
      'I ordered in 2019 and paid $430 for it',
      'my order from 2019',
      'order 2019',
      'order total £1,299.99',
      'order $12345 refunded',
      'booking €450000',
      'account ₹250000 credited',
      'order of 12 items at 9:20',
      'order at 10:30am tomorrow',
      'call me on +66943788578 about my order',
      'my order, call 800-433-7300',
      'order 50% off',
      'order @115850',
      'order john.smith123456@gmail.com',
      'in order to help you, please DM us',
      'order https://www.example.com/orders/123456789',
      'booking for 2 adults on 12/03/2024',
      'case 12/31/2020',
      'Thanks for the confirmation. Our team will check',
      'booking ref, email and contact number',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('extractReferences: context rules', () => {
  it('skips numbers that touch a currency sign, %, +, @, a clock colon or a URL, even for standalone shapes', () => {
    const anyNumber = compileReferencePatterns([
      { name: 'n', kind: 'other', value: '\\d{4,}', standalone: true },
    ]);
    const text =
      'paid $250000, €1999 and ₹25000, 1500% up, +447911123456, @115850, 1234@mail.com, ' +
      '10:3045, https://t.co/12345 www.shop.com/12345 then 67890';
    expect(found(text, anyNumber)).toEqual(['other:67890']);
  });

  it('allows up to four filler words between a keyword and its value', () => {
    expect(found('order number is: 12345')).toEqual(['order:12345']);
    expect(found('order no. ref. id is 12345')).toEqual(['order:12345']);
    expect(found('order number id ref code is 12345')).toEqual([]);
  });

  it('ends the context at sentence punctuation, a blank line or a non-filler word', () => {
    expect(found('my order. 12345 items')).toEqual([]);
    expect(found('my order\n12345')).toEqual(['order:12345']);
    expect(found('my order\n\n12345')).toEqual([]);
    expect(found('my order arrived 12345')).toEqual([]);
    expect(found('my order, 12345')).toEqual([]);
  });

  it('continues a list only after a value', () => {
    expect(found('orders 11111, 22222 and 33333')).toEqual([
      'order:11111',
      'order:22222',
      'order:33333',
    ]);
    expect(found('order 11111 and 2 items')).toEqual(['order:11111']);
  });

  it('prefers the keyword nearest the value, and the longer keyword', () => {
    expect(found('order tracking number 9400111899223197428490')).toEqual([
      'tracking:9400111899223197428490',
    ]);
    expect(found('order confirmation 12345678')).toEqual(['order:12345678']);
    expect(found('confirmation 12345678')).toEqual(['booking:12345678']);
  });

  it('keeps the head keyword ahead of a filler that is also a keyword', () => {
    expect(found('order ref 12345')).toEqual(['order:12345']);
    expect(found('booking ref 145410')).toEqual(['booking:145410']);
    expect(found('ref 145410')).toEqual(['other:145410']);
  });

  it('prefers keyword evidence over shape evidence for the same token', () => {
    const [ref] = extractReferences('tracking: 1Z999AA10123456784');
    expect(ref).toMatchObject({ pattern: 'ups', evidence: 'keyword' });
    const [alone] = extractReferences('1Z999AA10123456784');
    expect(alone).toMatchObject({ pattern: 'ups', evidence: 'shape' });
  });

  it('reports UTF-16 offsets, leaving out a # the value regex does not take', () => {
    const text = '😀 order #A-55123!';
    const [ref] = extractReferences(text);
    expect(ref).toMatchObject({ value: 'A-55123', start: 10, end: 17 });
    expect(text.slice(ref?.start, ref?.end)).toBe('A-55123');
  });

  it('matches keywords without case or diacritics, word by word', () => {
    expect(found('NÚMERO DE PEDIDO 998877')).toEqual(['order:998877']);
    expect(found('Numero  de\tpedido: 998877')).toEqual(['order:998877']);
  });

  it('runs user patterns, offering a #-token as written when the regex takes a #', () => {
    const extractor = compileReferencePatterns([
      { name: 'short', kind: 'order', keywords: ['order'], value: '#\\d{3}', normalize: 'digits' },
      { name: 'plain', kind: 'order', keywords: ['order'], value: '\\d{3}', normalize: 'digits' },
    ]);
    const refs = extractReferences('order #123 order 456', extractor);
    expect(refs.map((ref) => [ref.pattern, ref.value, ref.key])).toEqual([
      ['short', '#123', '123'],
      ['plain', '456', '456'],
    ]);
  });

  it('never reports excluded values', () => {
    const extractor = compileReferencePatterns([
      {
        name: 'code',
        kind: 'other',
        keywords: ['code'],
        value: '[A-Z]{4}',
        exclude: ['NONE', 'tbd'],
      },
    ]);
    expect(found('code NONE, code TBD, code ABCD', extractor)).toEqual(['other:ABCD']);
  });
});

describe('extractReferences: laws', () => {
  it('is total: never throws, always returns an array', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(Array.isArray(extractReferences(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(extractReferences('')).toEqual([]);
    expect(extractReferences(undefined as unknown as string)).toEqual([]);
    expect(found('\uD800order 12345\uDFFF')).toEqual(['order:12345']);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(extractReferences(text)).toEqual(extractReferences(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('reports values exactly as written at their offsets, as valid FoundReference objects', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const ref of extractReferences(text)) {
          expect(text.slice(ref.start, ref.end)).toBe(ref.value);
          expect(FoundReferenceSchema.safeParse(ref).success).toBe(true);
          expect(Object.isFrozen(ref)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('returns references sorted by position and never overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const refs = extractReferences(text);
        for (let k = 1; k < refs.length; k++) {
          expect((refs[k - 1]?.end ?? 0) <= (refs[k]?.start ?? 0)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same references when the text is embedded between unrelated sentences', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom('Hello there! ', 'Hi.\n', '😀😀 ', 'Thanks a lot; '),
        fc.constantFrom(' Thanks, bye!', '\nRegards.', ' 🙏', '! Cheers'),
        (text, before, after) => {
          const embedded = extractReferences(before + text + after);
          expect(
            embedded.map((ref) => `${ref.kind}:${ref.key}@${ref.start - before.length}`),
          ).toEqual(extractReferences(text).map((ref) => `${ref.kind}:${ref.key}@${ref.start}`));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives keys that are idempotent under their pattern normalization', () => {
    const normalizationOf = new Map(
      defaultReferencePatterns.map((spec) => [spec.name, spec.normalize ?? 'upper'] as const),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        for (const ref of extractReferences(text)) {
          const mode = normalizationOf.get(ref.pattern);
          expect(mode).toBeDefined();
          if (mode !== undefined) {
            expect(normalizeReferenceValue(ref.value, mode)).toBe(ref.key);
            expect(normalizeReferenceValue(ref.key, mode)).toBe(ref.key);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('does work linear in the text length', () => {
    const bound = referenceStepBound(defaultReferenceExtractor);
    fc.assert(
      fc.property(anyText, (text) => {
        const stats: ExtractionStats = { steps: 0 };
        extractReferences(text, defaultReferenceExtractor, stats);
        expect(stats.steps).toBeLessThanOrEqual(bound * (text.length + 1));
      }),
      { numRuns: 3000 },
    );
  });
});

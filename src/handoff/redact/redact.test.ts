import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskValue } from './mask.js';
import { policyFor, type Treatment } from './policy.js';
import { createRedactionLog } from './report.js';
import { createScrubber, type Secret } from './scrub.js';

const MASKED: Treatment = { show: false, action: 'masked', reason: 'masked_by_default' };
const WITHHELD: Treatment = { show: false, action: 'withheld', reason: 'public_channel' };

describe('maskValue', () => {
  it.each([
    ['email', 'ana.souza@gmail.com', 'a***@g***.com'],
    ['email', '"Ana" <Ana@Example.co.uk>', 'A***@E***.uk'],
    ['email', 'not an address', '***'],
    ['phone', '+1 (310) 246-1501', '***1501'],
    ['phone', '0171 2345', '***345'],
    ['phone', '12', '***'],
    ['social', '@ana_souza', '@a***'],
    ['social_handle', 'jo', '***'],
    ['name', 'Ana Souza', 'A. S.'],
    ['account_id', 'CUST-778122', '***22'],
    ['order_id', 'A-55123', '***123'],
    ['postcode', 'SW1A 1AA', 'SW***'],
    ['address', '6821 1st Ave, San Mateo', '[address]'],
    ['amount', '$45.00', '[amount]'],
  ] as const)('masks %s %s as %s', (kind, raw, masked) => {
    expect(maskValue(kind, raw)).toBe(masked);
  });

  it('never contains the value it masks', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => !maskValue('email', email).includes(email)),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ()-]{4,20}$/), (phone) => {
        const masked = maskValue('phone', phone);
        return !masked.includes(phone.trim()) || phone.trim() === '';
      }),
    );
    const kinds = [
      'social',
      'username',
      'name',
      'account_id',
      'order_id',
      'postcode',
      'scoped_id',
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.string({ minLength: 3, maxLength: 40 }),
        (kind, raw) => {
          const value = raw.trim();
          return value.length < 3 || !maskValue(kind, value).includes(value);
        },
      ),
    );
  });
});

describe('createScrubber', () => {
  const email: Secret = {
    kind: 'email',
    forms: ['Ana.Souza@gmail.com'],
    replacement: 'a***@g***.com',
    treatment: MASKED,
  };
  const phone: Secret = {
    kind: 'phone',
    forms: ['+13102461501'],
    digits: '13102461501',
    replacement: '***1501',
    treatment: MASKED,
  };

  it('replaces every form, whatever its case, and counts each replacement', () => {
    const log = createRedactionLog();
    const scrub = createScrubber([email], log);
    expect(scrub('Write to ana.souza@GMAIL.com or ANA.SOUZA@gmail.com.')).toBe(
      'Write to a***@g***.com or a***@g***.com.',
    );
    expect(log.entries()).toEqual([
      { what: 'text', kind: 'email', action: 'masked', reason: 'masked_by_default', count: 2 },
    ]);
  });

  it('finds a phone number by its digits however it is written', () => {
    const scrub = createScrubber([phone], createRedactionLog());
    expect(scrub('Call (310) 246-1501, +1 310 246 1501 or 310.246.1501; not 246-15.')).toBe(
      'Call ***1501, ***1501 or ***1501; not 246-15.',
    );
  });

  it('replaces longer forms first, and leaves text without secrets untouched', () => {
    const name: Secret = {
      kind: 'name',
      forms: ['Ana Souza', 'Souza'],
      replacement: '[name]',
      treatment: WITHHELD,
    };
    const scrub = createScrubber([name], createRedactionLog());
    expect(scrub('This is Ana Souza; Souza with a z.')).toBe('This is [name]; [name] with a z.');
    const none = createScrubber([], createRedactionLog());
    const text = 'unchanged';
    expect(none(text)).toBe(text);
  });

  it('counts the replacements of every call, also for a text it has scrubbed before', () => {
    const log = createRedactionLog();
    const scrub = createScrubber([email, phone], log);
    const text = 'Ana.Souza@gmail.com, 310-246-1501, ana.souza@gmail.com';
    const once = scrub(text);
    expect(scrub(text)).toBe(once);
    expect(once).toBe('a***@g***.com, ***1501, a***@g***.com');
    expect(log.entries().map((e) => [e.kind, e.count])).toEqual([
      ['email', 4],
      ['phone', 2],
    ]);
  });

  it('leaves no form of any secret behind, however the forms overlap', () => {
    const forms = ['Ana Souza', 'Souza', 'ana.souza@gmail.com', 'ANA9', 'a.so', '4ana'];
    const secrets: Secret[] = forms.map((form, k) => ({
      kind: k % 2 === 0 ? 'name' : 'email',
      forms: [form],
      replacement: k % 2 === 0 ? '[name]' : '[email]',
      treatment: WITHHELD,
    }));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...forms, ' ', 'a', '.', '9'), fc.string()), {
          maxLength: 12,
        }),
        (parts) => {
          const out = createScrubber(secrets, createRedactionLog())(parts.join('')).toLowerCase();
          for (const form of forms) expect(out.includes(form.toLowerCase())).toBe(false);
        },
      ),
    );
  });

  it('leaves no form behind, on any text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('ana.souza@gmail.com', 'ANA.SOUZA@GMAIL.COM', ' ', 'x', '@', '.'),
            fc.string(),
          ),
          {
            maxLength: 12,
          },
        ),
        (parts) => {
          const out = createScrubber([email], createRedactionLog())(parts.join(''));
          return !out.toLowerCase().includes('ana.souza@gmail.com');
        },
      ),
    );
  });
});

describe('policyFor', () => {
  it('masks contact details for agents unless revealed, and for other readers always', () => {
    expect(policyFor('agent', false, false, 0.9).fact('email')).toEqual(MASKED);
    expect(policyFor('agent', false, true, 0.9).fact('email')).toEqual({ show: true });
    expect(policyFor('bot', false, true, 0.9).fact('phone')).toEqual({
      show: false,
      action: 'masked',
      reason: 'reader',
    });
    expect(policyFor('customer', false, false, 0.9).fact('order_id')).toEqual({ show: true });
  });

  it('withholds all but dates and products on a public channel', () => {
    const p = policyFor('agent', true, true, 0.9);
    expect(p.fact('order_id')).toEqual(WITHHELD);
    expect(p.fact('name')).toEqual(WITHHELD);
    expect(p.fact('product')).toEqual({ show: true });
    expect(p.name).toEqual(WITHHELD);
  });

  it('never shows a link below the threshold', () => {
    expect(policyFor('agent', false, true, 0.9).linked(0.89)).toEqual({
      show: false,
      action: 'withheld',
      reason: 'disclosure_threshold',
    });
    expect(policyFor('agent', false, true, 0.9).linked(0.9)).toEqual({ show: true });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCues, defaultSwitchCues, emptyPhrases, findCues } from './cues.js';
import { tokenize } from './text.js';

const table = compileCues(defaultSwitchCues);

function targets(text: string, speaker: 'business' | 'customer' = 'business') {
  return findCues(text, speaker, table).map((c) => [c.spec.target, c.text]);
}

describe('tokenize', () => {
  it('folds case and accents and keeps the spans of the original', () => {
    const text = 'Préférez-vous l’E-mail? DM US!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['preferez', 'vous', 'l', 'email', 'dm', 'us']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'Préférez',
      'vous',
      'l',
      'E-mail',
      'DM',
      'US',
    ]);
  });

  it('gives spans inside the text, in order, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        let previous = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(previous);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          previous = t.end;
        }
      }),
    );
  });
});

describe('findCues', () => {
  it('finds the English cues the agents use', () => {
    expect(targets('For that please call us on 0800 123 456.')).toEqual([
      ['phone', 'please call us'],
    ]);
    expect(targets('Could you DM us your booking ref?')).toEqual([['dm', 'DM us']]);
    expect(targets("We've emailed you the label, check your inbox.")).toEqual([
      ['email', "We've emailed you"],
    ]);
    expect(targets('Just text us a photo')).toEqual([['sms', 'text us']]);
    expect(targets("We'll call you back within the hour")).toEqual([['phone', "We'll call you"]]);
    expect(targets('Please reply to the e-mail we sent')).toEqual([
      ['email', 'reply to the e-mail'],
    ]);
  });

  it('reports one cue per target, the first in the text', () => {
    expect(targets('Please call us, or email us, or call us again')).toEqual([
      ['phone', 'Please call us'],
      ['email', 'email us'],
    ]);
  });

  it('matches whole words only', () => {
    expect(targets('Dmitri recalls usual emails')).toEqual([]);
    expect(targets('textus')).toEqual([]);
  });

  it('keeps the speakers apart', () => {
    expect(targets("I'll call you tomorrow", 'customer')).toEqual([['phone', "I'll call"]]);
    expect(targets("I'll call you tomorrow", 'business')).toEqual([]);
    expect(targets('please call us', 'customer')).toEqual([]);
  });

  it('reads a few other languages', () => {
    expect(targets('Por favor, llámanos al 900 000 000')).toEqual([['phone', 'llámanos']]);
    expect(targets('Chama no direct, por favor')).toEqual([['dm', 'Chama no direct']]);
    expect(targets('Nous vous avons envoyé un e-mail')).toEqual([
      ['email', 'Nous vous avons envoyé un e-mail'],
    ]);
    expect(targets('Bitte rufen Sie uns unter 0800 an')).toEqual([['phone', 'rufen Sie uns']]);
  });

  it('is total, and every reported text is a slice of the message', () => {
    const words = fc.constantFrom(
      'please',
      'call',
      'us',
      'DM',
      "we've",
      'emailed',
      'you',
      '!',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')),
        ),
        fc.constantFrom('business' as const, 'customer' as const),
        (text, speaker) => {
          const found = findCues(text, speaker, table);
          expect(new Set(found.map((c) => c.spec.target)).size).toBe(found.length);
          for (const c of found) {
            expect(text.includes(c.text)).toBe(true);
            expect(c.spec.speaker).toBe(speaker);
          }
        },
      ),
    );
  });

  it('has no phrase without words in the default table', () => {
    for (const spec of defaultSwitchCues) expect(emptyPhrases(spec)).toEqual([]);
  });
});

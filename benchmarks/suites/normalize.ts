// Normalization: throughput of each normalizer against a naive baseline measured in the same
// run, and how often the keys of records that truly belong together agree on the public
// datasets (raw string equality is the baseline a helpdesk uses today).
import {
  areNicknameVariants,
  extractReferences,
  normalizeEmail,
  normalizeHandle,
  normalizeName,
  normalizePhone,
} from '../../src/index.js';
import { dataDir, parseCsv, readDataset } from '../lib/data.js';
import { round3, throughput } from '../lib/measure.js';
import type { Suite } from '../run.js';

const phones = [
  '310/246-1501',
  '+1 (415) 555-2671',
  '020 7946 0958',
  '+44 (0)20 7946 0958',
  '12345',
  'n/a',
];
const emails = [
  '"Ana Souza" <Ana.Souza+shop@GoogleMail.com>',
  'robert255@smith.net',
  'support@shop.example',
  'x@bücher.de',
];
const names = [
  'Dr. Ana Maria de Souza',
  'Souza, Ana',
  'José Álvarez Jr.',
  'Bob Smith',
  'J. R. R. Tolkien',
];
const handles = ['@Ana_Souza', 'https://twitter.com/ana_souza?s=20', 'instagram.com/ana.souza/'];
const texts = [
  'Hi, my order #A-55123 was due Friday and has not arrived. Tracking 1Z999AA10123456784.',
  'Your case number is 00123456, please keep it for reference.',
  'Thanks for waiting! Booking ref QX7P2L is confirmed for 14 March.',
];

function pairsOf<T>(groups: Map<string, T[]>): [T, T][] {
  const pairs: [T, T][] = [];
  for (const members of groups.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) pairs.push([members[i] as T, members[j] as T]);
    }
  }
  return pairs;
}

function share(
  pairs: readonly (readonly [string, string])[],
  equal: (a: string, b: string) => boolean,
) {
  const agreeing = pairs.filter(([a, b]) => a !== '' && b !== '' && equal(a, b)).length;
  return { pairs: pairs.length, agreeing, share: round3(agreeing / Math.max(1, pairs.length)) };
}

function fodorsZagat(argv: readonly string[]) {
  const dir = dataDir(argv);
  const fodors = readDataset(dir, 'fodors-zagat/fodors.csv');
  const zagat = readDataset(dir, 'fodors-zagat/zagats.csv');
  const truth = readDataset(dir, 'fodors-zagat/matches_fodors_zagats.csv');
  if (fodors === undefined || zagat === undefined || truth === undefined)
    return { skipped: 'dataset absent' };
  const f = new Map(parseCsv(fodors).map((r) => [r.id ?? '', r.phone ?? '']));
  const z = new Map(parseCsv(zagat).map((r) => [r.id ?? '', r.phone ?? '']));
  const pairs = parseCsv(truth).map(
    (r) => [f.get(r.fodors_id ?? '') ?? '', z.get(r.zagats_id ?? '') ?? ''] as const,
  );
  const key = (s: string) => normalizePhone(s, { region: 'US' });
  // Keys shared by records that are not a true pair would be false evidence.
  const trueSet = new Set(parseCsv(truth).map((r) => `${r.fodors_id}|${r.zagats_id}`));
  const byKey = new Map<string, string[]>();
  for (const [id, phone] of z) {
    const k = key(phone);
    if (k.matchable) byKey.set(k.key, [...(byKey.get(k.key) ?? []), id]);
  }
  let falseAgreements = 0;
  for (const [id, phone] of f) {
    const k = key(phone);
    if (!k.matchable) continue;
    for (const zid of byKey.get(k.key) ?? []) if (!trueSet.has(`${id}|${zid}`)) falseAgreements++;
  }
  return {
    truePairs: pairs.length,
    rawEqual: share(pairs, (a, b) => a === b),
    normalizedEqual: share(pairs, (a, b) => {
      const ka = key(a);
      return ka.matchable && ka.key === key(b).key;
    }),
    falseAgreementsAcrossSources: falseAgreements,
  };
}

function fake1000(argv: readonly string[]) {
  const text = readDataset(dataDir(argv), 'splink-fake-1000/fake_1000.csv');
  if (text === undefined) return { skipped: 'dataset absent' };
  const rows = parseCsv(text);
  const clusters = new Map<string, Record<string, string>[]>();
  for (const row of rows)
    clusters.set(row.cluster ?? '', [...(clusters.get(row.cluster ?? '') ?? []), row]);
  const pairs = pairsOf(clusters);
  const emailPairs = pairs.map(([a, b]) => [a.email ?? '', b.email ?? ''] as const);
  const firstNames = pairs.map(([a, b]) => [a.first_name ?? '', b.first_name ?? ''] as const);
  return {
    truePairs: pairs.length,
    email: {
      rawEqual: share(emailPairs, (a, b) => a === b),
      keyEqual: share(emailPairs, (a, b) => normalizeEmail(a).key === normalizeEmail(b).key),
      canonicalEqual: share(
        emailPairs,
        (a, b) => normalizeEmail(a).canonical === normalizeEmail(b).canonical,
      ),
    },
    firstName: {
      rawEqual: share(firstNames, (a, b) => a === b),
      foldedEqual: share(firstNames, (a, b) => normalizeName(a).full === normalizeName(b).full),
      nicknameOrEqual: share(firstNames, (a, b) => areNicknameVariants(a, b)),
    },
  };
}

function febrl3(argv: readonly string[]) {
  const text = readDataset(dataDir(argv), 'febrl/dataset3.csv');
  if (text === undefined) return { skipped: 'dataset absent' };
  const rows = parseCsv(text, { trim: true });
  const people = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const id = /^rec-(\d+)-/.exec(row.rec_id ?? '')?.[1] ?? '';
    people.set(id, [...(people.get(id) ?? []), row]);
  }
  const pairs = pairsOf(people);
  const given = pairs.map(([a, b]) => [a.given_name ?? '', b.given_name ?? ''] as const);
  const surname = pairs.map(([a, b]) => [a.surname ?? '', b.surname ?? ''] as const);
  return {
    truePairs: pairs.length,
    givenName: {
      rawEqual: share(given, (a, b) => a === b),
      foldedEqual: share(given, (a, b) => normalizeName(a).full === normalizeName(b).full),
      nicknameOrEqual: share(given, (a, b) => areNicknameVariants(a, b)),
    },
    surname: {
      rawEqual: share(surname, (a, b) => a === b),
      foldedEqual: share(surname, (a, b) => normalizeName(a).full === normalizeName(b).full),
    },
  };
}

export const normalizeSuite: Suite = {
  name: 'normalize',
  run(argv) {
    const digitsOnly = (s: string) => s.replace(/\D/g, '');
    const lower = (s: string) => s.trim().toLowerCase();
    return {
      throughput: {
        phone: {
          threadline: throughput(phones, (s) => normalizePhone(s, { region: 'US' })),
          baselineDigitsOnly: throughput(phones, digitsOnly),
        },
        email: {
          threadline: throughput(emails, (s) => normalizeEmail(s)),
          baselineLowercase: throughput(emails, lower),
        },
        name: {
          threadline: throughput(names, (s) => normalizeName(s)),
          baselineLowercase: throughput(names, lower),
        },
        handle: {
          threadline: throughput(handles, (s) => normalizeHandle('x', s)),
          baselineLowercase: throughput(handles, lower),
        },
        references: {
          threadline: throughput(texts, (s) => extractReferences(s)),
          baselineDigitRunRegex: throughput(texts, (s) => s.match(/\d{5,}/g)),
        },
      },
      keyAgreementOnTruePairs: {
        fodorsZagatPhones: fodorsZagat(argv),
        fake1000: fake1000(argv),
        febrl3: febrl3(argv),
      },
    };
  },
};

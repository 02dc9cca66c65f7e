import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ThreadlineError } from '../core/errors.js';
import { seededRandom } from '../core/random.js';
import type { Issue } from '../core/result.js';
import * as root from '../index.js';
import {
  emailTextArbitrary,
  identifierArbitrary,
  interactionArbitrary,
  phoneTextArbitrary,
} from '../testing/arbitraries.js';
import * as fp from './index.js';

// Every `xEither` is `x` with its outcome as a value: `Right` with what `x` returns, `Left` with
// the issues of the `ThreadlineError` it throws. The same for tasks and for methods.

type Outcome<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly error: unknown };

function run<A>(f: () => A): Outcome<A> {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Checks that `either` is the outcome of `f`. Values are compared deeply through `project`
 * (for values holding functions, such as compiled models), or not at all when it is `false`.
 */
function sameOutcome<A>(
  f: () => A,
  either: E.Either<readonly Issue[], A>,
  project: ((value: A) => unknown) | false = (value) => value,
): void {
  const outcome = run(f);
  if (outcome.ok) {
    expect(E.isRight(either)).toBe(true);
    if (project !== false && E.isRight(either)) {
      expect(project(either.right)).toStrictEqual(project(outcome.value));
    }
  } else {
    expect(outcome.error).toBeInstanceOf(ThreadlineError);
    expect(either).toStrictEqual(E.left(fp.issuesOf(outcome.error as ThreadlineError)));
  }
}

const maxLength = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.double(),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN, 0),
);

const region = fc.oneof(
  fc.constantFrom('US', 'GB', 'BR', 'ZZ', 'XX', 'us', ''),
  fc.string({ maxLength: 3 }),
);

describe('Either versions of the model and normalizer functions', () => {
  it('ids', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string()), (value) => {
        sameOutcome(() => root.interactionId(value), fp.interactionIdEither(value));
        sameOutcome(() => root.customerId(value), fp.customerIdEither(value));
        sameOutcome(() => root.journeyId(value), fp.journeyIdEither(value));
      }),
    );
  });

  it('newInteractionId', () => {
    // The epoch itself (0 and -0) is left out: `ulid` reads a time of 0 as "none given" and
    // takes the clock instead, so two calls differ (a bug of newInteractionId, reported).
    const now = fc
      .oneof(
        fc.integer({ min: -5, max: 2 ** 48 + 5 }),
        fc.double(),
        fc.constantFrom(281474976710655, 281474976710656),
      )
      .filter((n) => n !== 0);
    fc.assert(
      fc.property(now, fc.integer(), (time, seed) => {
        sameOutcome(
          () => root.newInteractionId({ now: time, random: seededRandom(seed) }),
          fp.newInteractionIdEither({ now: time, random: seededRandom(seed) }),
        );
      }),
    );
  });

  it('normalizePhone and identifierKey, with known and unknown regions', () => {
    fc.assert(
      fc.property(phoneTextArbitrary(), region, fc.boolean(), (raw, r, international) => {
        const options = { region: r, assumeInternational: international };
        sameOutcome(() => root.normalizePhone(raw, options), fp.normalizePhoneEither(raw, options));
      }),
    );
    fc.assert(
      fc.property(identifierArbitrary(), region, (identifier, r) => {
        sameOutcome(
          () => root.identifierKey(identifier, { region: r }),
          fp.identifierKeyEither(identifier, { region: r }),
        );
      }),
    );
  });

  it('normalizeEmail and createEmailNormalizer, with good and malformed options', () => {
    const options = fc.oneof(
      fc.constant(undefined),
      fc.record({ roleLocalParts: fc.array(fc.string({ maxLength: 70 }), { maxLength: 3 }) }),
      fc.record({ disposableDomains: fc.array(fc.domain(), { maxLength: 3 }) }),
      fc.anything({ maxDepth: 1 }),
    ) as fc.Arbitrary<root.EmailOptions | undefined>;
    fc.assert(
      fc.property(emailTextArbitrary(), options, (raw, o) => {
        sameOutcome(() => root.normalizeEmail(raw, o), fp.normalizeEmailEither(raw, o));
        const made = fp.createEmailNormalizerEither(o);
        sameOutcome(() => root.createEmailNormalizer(o), made, false);
        if (E.isRight(made))
          expect(made.right(raw)).toStrictEqual(root.createEmailNormalizer(o)(raw));
      }),
    );
  });

  it('normalizeName, with good and malformed options', () => {
    const options = fc.oneof(
      fc.constant(undefined),
      fc.record({ order: fc.constantFrom('given-first', 'family-first', 'sideways') }),
      fc.anything({ maxDepth: 1 }),
    ) as fc.Arbitrary<root.NameOptions | undefined>;
    fc.assert(
      fc.property(fc.string(), options, (raw, o) => {
        sameOutcome(() => root.normalizeName(raw, o), fp.normalizeNameEither(raw, o));
      }),
    );
  });

  it('phonetic keys, with valid and invalid maximum lengths', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), maxLength, (a, b, n) => {
        sameOutcome(() => root.doubleMetaphone(a, n), fp.doubleMetaphoneEither(a, n));
        sameOutcome(() => root.phoneticKeys(a, n), fp.phoneticKeysEither(a, n));
        sameOutcome(() => root.phoneticallyEqual(a, b, n), fp.phoneticallyEqualEither(a, b, n));
      }),
    );
  });

  it('compileReferencePatterns and compileModel give the safe variants’ results', () => {
    const specs = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.constant([{ kind: 'order', keywords: ['order'], value: 'A-\\d{5}' }]),
      fc.constant({
        comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact' }, { kind: 'else' }] }],
      }),
    );
    fc.assert(
      fc.property(specs, (spec) => {
        const patterns = root.safeCompileReferencePatterns(spec);
        const patternsEither = fp.compileReferencePatternsEither(spec);
        expect(E.isRight(patternsEither)).toBe(patterns.ok);
        if (!patterns.ok) expect(patternsEither).toStrictEqual(E.left(patterns.issues));
        const model = root.safeCompileModel(spec as root.ModelSpecInput);
        const modelEither = fp.compileModelEither(spec as root.ModelSpecInput);
        expect(E.isRight(modelEither)).toBe(model.ok);
        if (!model.ok) expect(modelEither).toStrictEqual(E.left(model.issues));
        sameOutcome(() => root.compileModel(spec as root.ModelSpecInput), modelEither, false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Either and TaskEither versions of the matching engine', () => {
  const levels = (trained: boolean) => [
    {
      kind: 'exact' as const,
      transform: ['fold' as const],
      ...(trained ? { m: 0.9, u: 0.01 } : {}),
    },
    { kind: 'else' as const, ...(trained ? { m: 0.1, u: 0.99 } : {}) },
  ];
  const spec = (trained: boolean) => ({
    prior: 0.1,
    comparisons: [{ name: 'x', field: 'x', levels: levels(trained) }],
    blocking: [{ keys: [{ field: 'x', transform: ['fold' as const] }] }],
  });
  const trained = root.compileModel(spec(true));
  const untrained = root.compileModel(spec(false));
  const records = fc.array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      x: fc.constantFrom('Ana', 'ana', 'Bo'),
    }),
    { minLength: 2, maxLength: 6 },
  );
  const threshold = fc.oneof(
    fc.record({ probability: fc.double({ min: -0.5, max: 1.5 }) }),
    fc.record({ weight: fc.double({ min: -20, max: 20, noNaN: true }) }),
  );

  it('prepareRecords: Left on a repeated id', () => {
    fc.assert(
      fc.property(records, (rs) => {
        sameOutcome(
          () => root.prepareRecords(trained, rs),
          fp.prepareRecordsEither(trained, rs),
          root.preparedSnapshot,
        );
      }),
    );
  });

  it('predict, pairDetail, explainPair, matchWeight and clusterPredictions', () => {
    fc.assert(
      fc.property(records, fc.boolean(), threshold, (rs, isTrained, cut) => {
        const unique = rs.map((r, i) => ({ ...r, id: `${r.id}${i}` }));
        const model = isTrained ? trained : untrained;
        const data = root.prepareRecords(model, unique);
        sameOutcome(
          () => root.predict(data, { threshold: cut }),
          fp.predictEither(data, { threshold: cut }),
        );
        sameOutcome(() => root.pairDetail(data, 0, 1), fp.pairDetailEither(data, 0, 1));
        sameOutcome(() => root.explainPair(data, 0, 1), fp.explainPairEither(data, 0, 1));
        sameOutcome(() => root.matchWeight(data, 0, 1), fp.matchWeightEither(data, 0, 1));
        if (isTrained) {
          const predictions = root.predict(data);
          sameOutcome(
            () => root.clusterPredictions(predictions, { threshold: cut }),
            fp.clusterPredictionsEither(predictions, { threshold: cut }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('restorePrepared: Left when the snapshot does not fit the model', () => {
    const other = root.compileModel({
      comparisons: [
        { name: 'x', field: 'x', levels: levels(false) },
        { name: 'y', field: 'y', levels: levels(false) },
      ],
    });
    const snapshot = root.preparedSnapshot(root.prepareRecords(trained, [{ x: 'a' }, { x: 'b' }]));
    for (const model of [trained, other]) {
      sameOutcome(
        () => root.restorePrepared(model, snapshot),
        fp.restorePreparedEither(model, snapshot),
        root.preparedSnapshot,
      );
    }
    expect(E.isLeft(fp.restorePreparedEither(other, snapshot))).toBe(true);
  });

  it('trainModel: Left for a bad spec or nothing to estimate m from', () => {
    const people = [
      { id: '1', x: 'Ana' },
      { id: '2', x: 'ana' },
      { id: '3', x: 'Bo' },
      { id: '4', x: 'Bob' },
    ];
    const cases: [unknown, object][] = [
      [spec(false), { u: { seed: 1 } }],
      [{ comparisons: spec(false).comparisons }, {}],
      [{ comparisons: [{ name: 'x' }] }, {}],
    ];
    for (const [s, options] of cases) {
      sameOutcome(
        () => root.trainModel(s as root.ModelSpecInput, people, options),
        fp.trainModelEither(s as root.ModelSpecInput, people, options),
        (m) => [m.spec, m.report],
      );
    }
    expect(
      cases.map(([s, o]) => fp.trainModelEither(s as root.ModelSpecInput, people, o)._tag),
    ).toEqual(['Right', 'Left', 'Left']);
  });

  it('tasks are lazy, and give what the Either version gives', async () => {
    let calls = 0;
    const counted = fp.liftTaskEither((n: number) => {
      calls++;
      return root.journeyId(`j${n}`);
    });
    const task = counted(1);
    expect(calls).toBe(0);
    expect(await task()).toStrictEqual(E.right(root.journeyId('j1')));
    await task();
    expect(calls).toBe(2);

    const data = root.prepareRecords(untrained, [{ x: 'a' }, { x: 'a' }]);
    expect(await fp.predictTaskEither(data)()).toStrictEqual(fp.predictEither(data));
    const rs = [
      { id: 'a', x: 'a' },
      { id: 'a', x: 'b' },
    ];
    expect(await fp.prepareRecordsTaskEither(trained, rs)()).toStrictEqual(
      fp.prepareRecordsEither(trained, rs),
    );
    const people = [
      { id: '1', x: 'a' },
      { id: '2', x: 'a' },
      { id: '3', x: 'b' },
    ];
    const trainedLater = await fp.trainModelTaskEither(spec(false), people, { u: { seed: 3 } })();
    const trainedNow = fp.trainModelEither(spec(false), people, { u: { seed: 3 } });
    const parts = (r: typeof trainedNow) => (E.isRight(r) ? [r.right.spec, r.right.report] : r);
    expect(parts(trainedLater)).toStrictEqual(parts(trainedNow));
    expect(trainedLater._tag).toBe('Right');
  });
});

describe('Either versions of journeys and identity resolution', () => {
  const chat = root.parseInteraction({
    id: 'chat-1',
    channel: 'chat',
    startedAt: '2026-03-01T09:00:00Z',
  });

  it('threadJourneys, createJourneyThreader and journeyTimeline', () => {
    fc.assert(
      fc.property(
        fc.array(interactionArbitrary({ maxMessages: 2, maxIdentifiers: 1 }), { maxLength: 4 }),
        fc.oneof(fc.constantFrom('cus-1', 'cus 1', ''), fc.string()),
        (interactions, customerId) => {
          const options = { customerId };
          sameOutcome(
            () => root.threadJourneys(interactions, options),
            fp.threadJourneysEither(interactions, options),
          );
          sameOutcome(
            () => root.createJourneyThreader(options),
            fp.createJourneyThreaderEither(options),
            false,
          );
        },
      ),
      { numRuns: 50 },
    );
    const [journey] = root.threadJourneys([chat], { customerId: 'cus-1' }).journeys;
    if (journey === undefined) throw new Error('no journey');
    for (const now of [undefined, '2026-03-02T09:00:00Z', 'soon']) {
      const options = now === undefined ? {} : { now };
      sameOutcome(
        () => root.journeyTimeline(journey, [chat], options),
        fp.journeyTimelineEither(journey, [chat], options),
      );
    }
  });

  it('a threader’s methods as Eithers', () => {
    const threader = fp.eitherMethods(root.createJourneyThreader({ customerId: 'cus-7' }));
    expect(threader.add(chat)._tag).toBe('Right');
    const again = threader.add(chat);
    expect(E.isLeft(again) && again.left[0]?.code).toBe('duplicate_id');
    expect(threader.journeys()).toStrictEqual(E.right(expect.any(Array)));
  });

  it('createResolver, and a resolver’s methods as TaskEithers', async () => {
    for (const options of [{}, { thresholds: { link: 2 } }, { region: 'ZZ' }, { retries: -1 }]) {
      sameOutcome(() => root.createResolver(options), fp.createResolverEither(options), false);
    }
    const resolver = root.createResolver({ now: () => new Date('2026-03-02T15:00:00Z') });
    const tasks = fp.taskEitherMethods(resolver);
    expect(tasks.model).toBe(resolver.model);
    const ingested = await tasks.ingest({
      id: 'em-1',
      channel: 'email',
      startedAt: '2026-03-01T09:00:00Z',
      identifiers: [{ kind: 'email', value: 'ana@example.com' }],
    })();
    expect(E.isRight(ingested) && ingested.right.decision.outcome).toBe('new');
    const merged = await tasks.merge('cus_missing', 'cus_other')();
    const thrown = await resolver.merge('cus_missing', 'cus_other').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(ThreadlineError);
    expect(merged).toStrictEqual(E.left(fp.issuesOf(thrown as ThreadlineError)));
  });

  it('applyEvent leaves the state unchanged on Left; replayEvents', () => {
    const state = root.emptyResolverState();
    const event = {
      type: 'customer_created',
      seq: 1,
      at: '2026-03-01T09:00:00Z',
      actor: { kind: 'automatic' },
      customerId: 'cus_a',
      interaction: {
        id: 'em-1',
        channel: 'email',
        at: '2026-03-01T09:00:00Z',
        identifiers: [],
        fields: {},
        confidence: 1,
      },
    } as unknown as root.ResolverEvent;
    expect(fp.applyEventEither(state, { ...event, seq: 2 })._tag).toBe('Left');
    expect(state.head).toBe(0);
    expect(fp.applyEventEither(state, event)).toStrictEqual(E.right(undefined));
    expect(state.head).toBe(1);
    sameOutcome(() => root.replayEvents([event, event]), fp.replayEventsEither([event, event]));
    sameOutcome(() => root.replayEvents([event]), fp.replayEventsEither([event]));
  });
});

describe('lifting', () => {
  it('throws on exceptions that are not ThreadlineError: they are bugs, not outcomes', async () => {
    const buggy = () => {
      throw new TypeError('bug');
    };
    expect(() => fp.liftEither(buggy)()).toThrow(TypeError);
    await expect(fp.liftTaskEither(buggy)()()).rejects.toThrow(TypeError);
  });

  it('gives an error without issues one issue with its code and message', () => {
    const error = new ThreadlineError('invalid_options', 'bad');
    expect(fp.issuesOf(error)).toEqual([{ code: 'invalid_options', path: [], message: 'bad' }]);
    expect(fp.tryThreadline(() => root.doubleMetaphone('x', 0))).toStrictEqual(
      E.left([expect.objectContaining({ code: 'invalid_options', path: [] })]),
    );
  });

  it('recognises a ThreadlineError of another copy of the library', () => {
    const foreign = Object.assign(new Error('x'), {
      name: 'ThreadlineError',
      code: 'invalid_input',
      issues: [{ code: 'c', path: ['p'], message: 'm' }],
    });
    expect(
      fp.tryThreadline(() => {
        throw foreign;
      }),
    ).toStrictEqual(E.left(foreign.issues));
  });
});

describe('the inventory', () => {
  /** Names of exported functions whose documentation says they throw. */
  function documentedThrowers(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return documentedThrowers(path);
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) return [];
      const text = readFileSync(path, 'utf8');
      const found: string[] = [];
      for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export function (\w+)/g)) {
        if ((m[1] ?? '').includes('@throws')) found.push(m[2] as string);
      }
      return found;
    });
  }

  it('has an xEither for every fallible function of the root entry', () => {
    const exported = new Set(Object.keys(root));
    const throwers = documentedThrowers(join(import.meta.dirname, '..')).filter((n) =>
      exported.has(n),
    );
    const safe = [...exported]
      .filter((n) => /^safe[A-Z]/.test(n))
      .map((n) => `${(n[4] as string).toLowerCase()}${n.slice(5)}`);
    const fallible = [...new Set([...throwers, ...safe])];
    expect(fallible.length).toBeGreaterThan(20);
    const fpNames = new Set(Object.keys(fp));
    expect(fallible.filter((n) => !fpNames.has(`${n}Either`))).toEqual([]);
  });

  it('has a TaskEither for the functions that can take long', () => {
    for (const name of ['trainModel', 'prepareRecords', 'predict']) {
      expect(Object.keys(fp)).toContain(`${name}TaskEither`);
    }
  });
});

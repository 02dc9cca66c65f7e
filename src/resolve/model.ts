import type { ModelSpecInput } from '../linkage/spec/spec.js';

/**
 * The resolver's built-in model: how much each kind of agreement between an incoming
 * interaction and a customer is worth, for omnichannel contact data. It reads the fields the
 * resolver builds (`email`, `phone`, `handle`, `account`, `name`, `references`).
 *
 * The parameters are set by hand from what the channels tell us, not trained on anyone's data:
 * an exact email, handle or account id is rarely shared by two people (u of 1 in 10 million);
 * a phone a little more often (households); a given name agrees by chance about once in a
 * hundred random pairs and a family name once in a thousand. The prior (1 in 100,000) puts one
 * exact strong identifier just over the link threshold and a name alone far below it. People
 * sharing a household phone usually share a family name too, which the independence of the
 * comparisons cannot see: the resolver's `vetoComparisons` guard sends a link with a different
 * given name to review instead. Names are compared but are not blocking keys: a common name would bring hundreds of
 * candidates, and a name alone never links. Retrain it on your own data with `trainModel` when you have enough: the resolver
 * accepts any trained model whose fields it can fill.
 *
 * @param region - the phone region for numbers written without a country code.
 * @example
 * ```ts
 * import { compileModel, omnichannelModelSpec } from 'threadline';
 *
 * const model = compileModel(omnichannelModelSpec('US'));
 * console.log(model.comparisons.map((c) => c.name).join(', ')); // account, email, phone, handle, given_name, family_name, references
 * ```
 */
export function omnichannelModelSpec(region?: string): ModelSpecInput {
  return {
    prior: 1e-5,
    ...(region === undefined ? {} : { region }),
    comparisons: [
      {
        name: 'account',
        field: 'account',
        levels: [
          { kind: 'null' },
          { kind: 'exact', label: 'same account id', m: 0.9, u: 1e-7 },
          { kind: 'else', m: 0.1, u: 0.9999 },
        ],
      },
      {
        name: 'email',
        field: 'email',
        levels: [
          { kind: 'null' },
          { kind: 'exact', label: 'same address', m: 0.7, u: 1e-7 },
          {
            kind: 'exact',
            transform: ['email_canonical'],
            label: 'same mailbox (provider rules)',
            m: 0.1,
            u: 1e-7,
          },
          {
            kind: 'exact',
            transform: ['email_user'],
            label: 'same user, other domain',
            m: 0.04,
            u: 1e-5,
          },
          {
            kind: 'jaro_winkler',
            threshold: 0.94,
            label: 'one typo away',
            m: 0.04,
            u: 1e-5,
          },
          { kind: 'else', m: 0.12, u: 0.9999 },
        ],
      },
      {
        name: 'phone',
        field: 'phone',
        levels: [
          { kind: 'null' },
          { kind: 'exact', label: 'same number', m: 0.75, u: 2e-7 },
          {
            kind: 'damerau_levenshtein',
            maxDistance: 1,
            transform: ['digits'],
            label: 'one digit off',
            m: 0.05,
            u: 1e-4,
          },
          { kind: 'else', m: 0.19, u: 0.9999 },
        ],
      },
      {
        name: 'handle',
        field: 'handle',
        levels: [
          { kind: 'null' },
          { kind: 'exact', label: 'same handle', m: 0.7, u: 1e-7 },
          {
            kind: 'jaro_winkler',
            threshold: 0.94,
            label: 'similar handle',
            m: 0.05,
            u: 1e-5,
          },
          { kind: 'else', m: 0.25, u: 0.9999 },
        ],
      },
      {
        name: 'given_name',
        field: 'name',
        levels: [
          { kind: 'null', transform: ['given'] },
          { kind: 'exact', transform: ['given'], label: 'same given name', m: 0.7, u: 0.01 },
          {
            kind: 'intersect',
            transform: ['given', 'nickname'],
            label: 'nickname of the same name',
            m: 0.08,
            u: 0.002,
          },
          {
            kind: 'jaro_winkler',
            threshold: 0.92,
            transform: ['given'],
            label: 'nearly the same given name',
            m: 0.07,
            u: 0.005,
          },
          { kind: 'initial', transform: ['given'], label: 'initial agrees', m: 0.05, u: 0.01 },
          { kind: 'else', label: 'different given name', m: 0.1, u: 0.973 },
        ],
      },
      {
        name: 'family_name',
        field: 'name',
        levels: [
          { kind: 'null', transform: ['family'] },
          { kind: 'exact', transform: ['family'], label: 'same family name', m: 0.85, u: 0.001 },
          {
            kind: 'jaro_winkler',
            threshold: 0.92,
            transform: ['family'],
            label: 'nearly the same family name',
            m: 0.08,
            u: 0.002,
          },
          { kind: 'initial', transform: ['family'], label: 'initial agrees', m: 0.03, u: 0.01 },
          { kind: 'else', label: 'different family name', m: 0.04, u: 0.987 },
        ],
      },
      {
        name: 'references',
        field: 'references',
        levels: [
          { kind: 'null' },
          {
            kind: 'intersect',
            min: 1,
            label: 'an order or ticket number in common',
            m: 0.3,
            u: 1e-6,
          },
          { kind: 'else', m: 0.7, u: 0.999999 },
        ],
      },
    ],
    blocking: [
      { keys: [{ field: 'email', transform: ['email_canonical'] }] },
      { keys: [{ field: 'email', transform: ['email_user'] }] },
      { keys: [{ field: 'phone', transform: ['digits', { fn: 'last', n: 7 }] }] },
      { keys: [{ field: 'handle' }] },
      { keys: [{ field: 'account' }] },
      { keys: [{ field: 'references' }] },
    ],
  };
}

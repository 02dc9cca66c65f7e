/**
 * The words people are made of: given names with their nicknames, family names and mailbox
 * providers, each with the frequencies they are drawn with, and the words of shared mailboxes
 * and Gmail tags.
 */

import { cumulativeOf, zipf } from './draws.js';

/** A given name as people write it, then the nicknames it goes by. */
export type GivenName = readonly [display: string, ...nicknames: string[]];

// Ordered from most to least common: names are drawn with Zipf-like frequencies.
export const GIVEN: readonly GivenName[] = [
  ['Robert', 'Bob', 'Rob', 'Bobby'],
  ['Maria'],
  ['James', 'Jim', 'Jimmy'],
  ['Jennifer', 'Jen', 'Jenny'],
  ['Michael', 'Mike'],
  ['Elizabeth', 'Liz', 'Beth'],
  ['William', 'Bill', 'Will'],
  ['Patricia', 'Pat', 'Trish'],
  ['David', 'Dave'],
  ['Ana'],
  ['Richard', 'Rick', 'Rich'],
  ['Susan', 'Sue'],
  ['Joseph', 'Joe'],
  ['Margaret', 'Peggy', 'Maggie'],
  ['Thomas', 'Tom'],
  ['Katherine', 'Kate', 'Katie'],
  ['Christopher', 'Chris'],
  ['Sarah'],
  ['Daniel', 'Dan', 'Danny'],
  ['José', 'Pepe'],
  ['Matthew', 'Matt'],
  ['Emma'],
  ['Anthony', 'Tony'],
  ['Olivia', 'Liv'],
  ['Andrew', 'Andy'],
  ['Sofía'],
  ['Nicholas', 'Nick'],
  ['Rebecca', 'Becky'],
  ['Alexander', 'Alex'],
  ['Victoria', 'Vicky'],
  ['Samuel', 'Sam'],
  ['Deborah', 'Debbie'],
  ['Benjamin', 'Ben'],
  ['Chloé'],
  ['Edward', 'Ed', 'Ted'],
  ['Zoë'],
  ['Francisco', 'Paco'],
  ['Priya'],
  ['Lucas'],
  ['Fatima'],
  ['Omar'],
  ['Wei'],
  ['Yuki'],
  ['Aisha'],
  ['François'],
  ['Renée'],
  ['Søren'],
  ['Björn'],
  ['Mateo'],
  ['Ingrid'],
  ['Kenji'],
  ['Noah'],
  ['Liam'],
  ['Valentina'],
];

// Commas separate names; some family names have spaces.
export const FAMILY: readonly string[] = `
  Smith, Johnson, Williams, Brown, García, Jones, Miller, Davis, Rodríguez, Martínez,
  Hernández, López, González, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee,
  Pérez, Thompson, White, Harris, Sánchez, Clark, Ramírez, Lewis, Robinson, Walker, Young,
  Allen, King, Wright, Scott, Torres, Nguyen, Hill, Flores, Green, Adams, Nelson, Baker, Hall,
  Rivera, Campbell, Mitchell, Carter, Roberts, Müller, Schäfer, Kowalski, Dubois, Lefèvre,
  Rossi, Silva, Souza, Costa, Ferreira, Okafor, Tanaka, Sato, Kim, Park, Chen, Wang, Patel,
  Singh, Haddad, O'Brien, McDonald, de la Cruz, van der Berg, Núñez, Østergaard
`
  .trim()
  .split(/,\s*/);

export const GIVEN_WEIGHTS = zipf(GIVEN.length, 0.7);
export const FAMILY_WEIGHTS = zipf(FAMILY.length, 0.6);

/** Personal mailbox providers with their shares; Gmail's dot and `+tag` rules matter most. */
export const PROVIDERS: readonly (readonly [string, number])[] = [
  ['gmail.com', 0.38],
  ['yahoo.com', 0.13],
  ['outlook.com', 0.12],
  ['icloud.com', 0.1],
  ['hotmail.com', 0.08],
  ['comcast.net', 0.07],
  ['aol.com', 0.04],
  ['proton.me', 0.04],
  ['gmx.net', 0.04],
];
export const PROVIDER_WEIGHTS = cumulativeOf(PROVIDERS.map(([, w]) => w));

export const MAILBOX_ROLES = ['info', 'office', 'family', 'contact', 'hello', 'admin'];
export const MAILBOX_KINDS = ['home', 'plumbing', 'dental', 'studio', 'bakery', 'farm', 'design'];
export const GMAIL_TAGS = ['shop', 'orders', 'northwind', 'promo', 'news'];

// The values a packet must not show as they are, gathered before any text is built, so that
// every extractor and summariser reads messages that are already redacted and no cut can leave
// half a value behind.
import type { Identifier } from '../../model/identifier.js';
import type { Fact } from '../extract/schema.js';
import { type MaskKind, maskValue, withheldLabel } from './mask.js';
import type { Treatment } from './policy.js';
import type { Secret } from './scrub.js';

/** The value of an identifier as people write it. */
export function identifierValue(identifier: Identifier): string {
  switch (identifier.kind) {
    case 'social':
      return identifier.handle;
    case 'scoped_id':
      return identifier.id;
    default:
      return identifier.value;
  }
}

const INNER_ADDRESS = /<([^<>\s]+@[^<>\s]+)>/;

const replacement = (kind: MaskKind, value: string, treatment: Treatment): string =>
  treatment.show || treatment.action === 'withheld' ? withheldLabel(kind) : maskValue(kind, value);

const digitsOf = (text: string): string => text.replace(/\D+/g, '');

/** A linked or observed identifier as a secret; `key` is its resolver key when known. */
export function identifierSecret(
  identifier: Identifier,
  key: string | undefined,
  treatment: Treatment,
): Secret {
  const value = identifierValue(identifier);
  const forms = [value];
  const inner = INNER_ADDRESS.exec(value)?.[1];
  if (inner !== undefined) forms.push(inner);
  let digits: string | undefined;
  if (key !== undefined) {
    const suffix = key.slice(key.indexOf(':') + 1);
    if (identifier.kind === 'social') {
      const handle = suffix.slice(suffix.indexOf(':') + 1);
      forms.push(handle, `@${handle}`);
    } else forms.push(suffix);
    if (identifier.kind === 'phone' && suffix.startsWith('+')) digits = digitsOf(suffix);
  }
  if (identifier.kind === 'phone' && digits === undefined) digits = digitsOf(value);
  return {
    kind: identifier.kind,
    forms,
    digits,
    replacement: replacement(identifier.kind, value, treatment),
    treatment,
  };
}

/** A fact as a secret: every form it was written in, and its normalized value. */
export function factSecret(fact: Fact, treatment: Treatment): Secret {
  const forms = [fact.value, fact.normalized, ...fact.citations.map((c) => c.text)];
  if (fact.kind === 'social_handle') {
    const handle = fact.normalized.slice(fact.normalized.indexOf(':') + 1);
    forms.push(handle, `@${handle}`);
  }
  const digits =
    fact.kind === 'phone' && fact.normalized.startsWith('+')
      ? digitsOf(fact.normalized)
      : undefined;
  return {
    kind: fact.kind,
    forms,
    ...(digits === undefined ? {} : { digits }),
    replacement: replacement(fact.kind, fact.value, treatment),
    treatment,
  };
}

/** A name as a secret: the full forms, and each part long enough to identify on its own. */
export function nameSecret(names: readonly string[], treatment: Treatment): Secret {
  const forms: string[] = [];
  for (const name of names) {
    forms.push(name);
    for (const part of name.split(/[\s,.]+/)) if ([...part].length >= 4) forms.push(part);
  }
  return { kind: 'name', forms, replacement: withheldLabel('name'), treatment };
}

/** The resolver-style key a fact would have as an identifier, for the kinds that have one. */
export function factKey(fact: Fact): string | undefined {
  switch (fact.kind) {
    case 'email':
      return `email:${fact.normalized}`;
    case 'phone':
      return `phone:${fact.normalized}`;
    case 'social_handle':
      return `social:${fact.normalized}`;
    default:
      return undefined;
  }
}

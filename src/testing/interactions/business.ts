/**
 * The business's own identifiers (its support line, address, social accounts and Messenger
 * page). The generator mixes them into some interactions as a hard case, and they are public
 * so that a resolver under test can be told to ignore them.
 */

import type { Identifier } from '../../model/identifier.js';
import { type InteractionGenerationOptions, parseOptions } from './options.js';
import { applyPattern, e164, type GeneratedRegion, type PhonePlan, PLANS } from './phone-plans.js';

/** The address customers write to, which some then type as their own. */
export const BUSINESS_EMAIL = 'support@northwind-outfitters.com';
/** The business's accounts, which customers mention in public posts. */
export const BUSINESS_HANDLES = { x: 'NorthwindHelp', instagram: 'northwind.outfitters' } as const;
/** The page that scopes Messenger ids: a customer's id differs from page to page. */
export const BUSINESS_PAGE = 'page:104857600012345';

/** The support line as written in text, or as a record shows it (E.164 when uncorrupted). */
export function supportLine(plan: PhonePlan, corruption: number): string {
  return corruption === 0
    ? e164(plan, plan.support)
    : applyPattern(plan.international[0] as string, plan.support);
}

/**
 * The business's own identifiers that {@link generateInteractions} mixes into some
 * interactions (its support line, support address and social accounts). A resolver should
 * never treat them as a customer's: pass them to its guards.
 *
 * @param options - the generator's options; only `region` matters.
 * @returns the identifiers, phone numbers in E.164.
 * @example
 * ```ts
 * import { generatedBusinessIdentifiers } from 'threadline/testing';
 *
 * console.log(generatedBusinessIdentifiers({ region: 'US' })[0]);
 * // { kind: 'phone', value: '+18002460190' }
 * ```
 */
export function generatedBusinessIdentifiers(
  options: Pick<InteractionGenerationOptions, 'region'> = {},
): readonly Identifier[] {
  const region: GeneratedRegion = parseOptions({ region: options.region }).region;
  const plan: PhonePlan = PLANS[region];
  return Object.freeze([
    { kind: 'phone', value: e164(plan, plan.support) },
    { kind: 'email', value: BUSINESS_EMAIL },
    { kind: 'social', platform: 'x', handle: BUSINESS_HANDLES.x },
    { kind: 'social', platform: 'instagram', handle: BUSINESS_HANDLES.instagram },
  ] satisfies Identifier[]);
}

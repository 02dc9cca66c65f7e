export {
  createEmailNormalizer,
  type EmailOptions,
  EmailOptionsSchema,
  type EmailRejection,
  type InvalidEmail,
  type NormalizedEmail,
  type NormalizedEmailResult,
  NormalizedEmailSchema,
  normalizeEmail,
  type ValidEmail,
} from './email.js';
export { DISPOSABLE_EMAIL_DOMAINS, ROLE_LOCAL_PARTS } from './lists.js';
export {
  EMAIL_PROVIDER_RULES,
  type EmailProviderRule,
  EmailProviderRuleSchema,
} from './providers.js';

export {
  type HandleRejection,
  type InvalidHandle,
  type NormalizedHandle,
  type NormalizedHandleResult,
  NormalizedHandleSchema,
  normalizedHandleSchema,
  normalizeHandle,
  type ValidHandle,
} from './handle.js';
export {
  type KnownSocialPlatform,
  SOCIAL_PLATFORM_ALIASES,
  SOCIAL_PLATFORMS,
  type SocialPlatform,
  SocialPlatformSchema,
} from './platforms.js';

export { foldName } from './fold.js';
export { FAMILY_PARTICLES } from './lexicon.js';
export {
  type NameOptions,
  NameOptionsSchema,
  type NameOrder,
  type NameRejection,
  type NormalizedNameResult,
  normalizeName,
} from './name.js';
export { areNicknameVariants, NICKNAME_ROOTS, nicknameRoots } from './nicknames.js';

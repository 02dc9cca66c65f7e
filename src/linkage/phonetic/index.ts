export {
  DEFAULT_PHONETIC_LENGTH,
  type DoubleMetaphoneCodes,
  doubleMetaphone,
} from './double-metaphone.js';
export { phoneticallyEqual, phoneticKeys } from './keys.js';

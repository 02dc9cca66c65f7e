export {
  type NormalizedPhone,
  normalizePhone,
  type PhoneE164,
  PhoneE164Schema,
  type PhoneOptions,
  type PhoneRejection,
  type PhoneType,
  type RegionCode,
  RegionCodeSchema,
} from './phone.js';

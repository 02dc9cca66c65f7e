export {
  type Channel,
  type ChannelProfile,
  type ChannelProfileOverrides,
  ChannelProfileSchema,
  ChannelSchema,
  CustomChannelSchema,
  channelProfile,
  DEFAULT_CHANNEL_PROFILES,
  isKnownChannel,
  KNOWN_CHANNELS,
  type KnownChannel,
  KnownChannelSchema,
} from './channel.js';
export {
  type Customer,
  type CustomerIdentifier,
  CustomerIdentifierSchema,
  CustomerSchema,
} from './customer.js';
export {
  AccountIdentifierSchema,
  DeviceIdentifierSchema,
  EmailIdentifierSchema,
  type Identifier,
  type IdentifierKind,
  IdentifierSchema,
  type ObservedIdentifier,
  ObservedIdentifierSchema,
  PhoneIdentifierSchema,
  ScopedIdIdentifierSchema,
  SocialIdentifierSchema,
  type Trust,
  TrustSchema,
} from './identifier.js';
export {
  type CustomerId,
  CustomerIdSchema,
  customerId,
  type IdClock,
  type InteractionId,
  InteractionIdSchema,
  interactionId,
  type JourneyId,
  JourneyIdSchema,
  journeyId,
  newInteractionId,
} from './ids.js';
export {
  AttachmentSchema,
  type Attributes,
  AttributesSchema,
  type Interaction,
  type InteractionInput,
  InteractionSchema,
  InteractionStatusSchema,
  type Message,
  MessageSchema,
  type Participant,
  ParticipantSchema,
  type Role,
  RoleSchema,
  type ThreadKeys,
  ThreadKeysSchema,
} from './interaction.js';
export { type Journey, JourneySchema, JourneyStatusSchema } from './journey.js';
export { interactionJsonSchema, type JsonSchema, modelJsonSchema } from './json-schema.js';
export {
  parseCustomer,
  parseInteraction,
  parseJourney,
  safeParseCustomer,
  safeParseInteraction,
  safeParseJourney,
} from './parse.js';
export {
  type Reference,
  type ReferenceKind,
  ReferenceKindSchema,
  ReferenceSchema,
} from './reference.js';
export { type Timestamp, TimestampSchema } from './time.js';

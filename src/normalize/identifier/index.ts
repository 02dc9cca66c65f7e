export { type IdentifierKey, type IdentifierKeyOptions, identifierKey } from './identifier.js';

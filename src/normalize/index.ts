export * from './email/index.js';
export * from './identifier/index.js';
export * from './name/index.js';
export * from './phone/index.js';
export * from './reference/index.js';
export * from './social/index.js';

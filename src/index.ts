/**
 * threadline: one customer, one thread, every channel.
 *
 * The root entry holds the model (zod schemas and inferred types), identifier normalization,
 * the matching engine, and the shared result and error types. Adopter kits live at
 * `threadline/testing` and `threadline/fp`.
 *
 * @packageDocumentation
 */
export * from './core/index.js';
export * from './handoff/index.js';
export * from './journey/index.js';
export * from './linkage/index.js';
export * from './model/index.js';
export * from './normalize/index.js';
export * from './resolve/index.js';

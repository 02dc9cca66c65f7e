export * from './phone/index.js';

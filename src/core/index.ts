export type { Branded } from './brand.js';
export { formatIssues, ThreadlineError, type ThreadlineErrorCode } from './errors.js';
export { type Random, seededRandom } from './random.js';
export { type Err, err, type Issue, type Ok, ok, type Result } from './result.js';

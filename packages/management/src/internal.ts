/**
 * Internals shared with the workspace's tooling (the fake cloud validates requests with the same
 * generated schemas). Not a stable API.
 */
export * from './generated/schemas.generated.js';
export { parseTimestamp } from './schema-helpers.js';

export type { BearerVerifier, Credentials } from './credentials.js';
export {
  type DataApiServer,
  type DataApiServerOptions,
  startDataApiServer,
} from './data-api-server.js';
export type { JwksSource, JwtOptions, JwtUsers } from './jwt-auth.js';
export type { Jwk, Jwks, JwtClaimRules, JwtClaims } from './jwt-verify.js';
export { OPENAPI_DOCUMENT } from './openapi-document.js';

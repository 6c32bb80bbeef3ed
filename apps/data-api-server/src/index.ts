export type { BearerVerifier, Credentials } from './credentials.js';
export {
  type DataApiServer,
  type DataApiServerOptions,
  startDataApiServer,
} from './data-api-server.js';
export { OPENAPI_DOCUMENT } from './openapi-document.js';

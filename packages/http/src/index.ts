export { connect, HttpConnection, type HttpOptions } from './http-connection.js';
export { routeStatement, type StatementRoute } from './statement-route.js';

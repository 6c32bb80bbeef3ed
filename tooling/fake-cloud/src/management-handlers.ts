import type { HandlerTable } from './handler-types.js';

/** Teams, users, roles, invitations, audit logs, private connections, projects, billing, storage. */
export const managementHandlers: HandlerTable = {};

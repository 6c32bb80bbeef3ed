import type { HandlerContext } from './handler-types.js';
import { notFound } from './http-problem.js';

/** The value for an id in a tenant map, or a 404 naming the kind. */
export function found<Value>(map: Map<string, Value>, kind: string, id: string | undefined): Value {
  const value = map.get(id ?? '');
  if (value === undefined) throw notFound(kind, id ?? '');
  return value;
}

/** The UserInfo form of a tenant user. */
export function userInfo(context: HandlerContext, id: string) {
  const user = found(context.tenant.users, 'user', id);
  return {
    userID: user.userID,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
  };
}

/** The roles a user or team holds across every resource's access controls. */
export function identityRoles(context: HandlerContext, id: string, key: 'userID' | 'teamID') {
  const result: { resourceID: string; resourceType: string; role: string }[] = [];
  for (const [resource, roles] of context.tenant.accessControls) {
    const [resourceType = '', resourceID = ''] = resource.split('/');
    for (const role of roles) {
      if (role.grants.some((grant) => (grant.identity as Record<string, unknown>)[key] === id)) {
        result.push({ resourceID, resourceType, role: role.role });
      }
    }
  }
  return result;
}

import { type OperationName, operations } from '@s2/management/internal';

/** A compiled route of one operation. */
export interface Route {
  name: OperationName;
  method: string;
  pattern: RegExp;
  paramNames: string[];
  literalWeight: number;
}

function compile(name: OperationName): Route {
  const operation = operations[name];
  const paramNames: string[] = [];
  const source = operation.path.replace(/\{([^}]+)\}/g, (_match, param: string) => {
    paramNames.push(param);
    return param === 'path' ? '(.*)' : '([^/]+)';
  });
  return {
    name,
    method: operation.method,
    pattern: new RegExp(`^${source}/?$`),
    paramNames,
    literalWeight: -paramNames.length,
  };
}

/** Every spec operation as a route; literal paths win over parameters (`users/current`). */
export const routes: Route[] = (Object.keys(operations) as OperationName[])
  .map(compile)
  .sort((left, right) => right.literalWeight - left.literalWeight);

/** The routes whose path matches, with their decoded parameters. */
export function matchRoutes(pathname: string): { route: Route; params: Record<string, string> }[] {
  const matches: { route: Route; params: Record<string, string> }[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, index) => {
      params[name] = match[index + 1] ?? '';
    });
    matches.push({ route, params });
  }
  return matches;
}

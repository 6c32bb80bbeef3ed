import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { ManagementOptions } from '../src/client/client-settings.js';
import { manageFiles, manageWorkspaces } from '../src/factories.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeCloudUrl: string;
  }
}

/** A fault rule as the fake cloud's `/_fake/faults` endpoint takes it. */
export interface Fault {
  method?: string;
  path: string;
  status?: number;
  times?: number;
  retryAfter?: number;
  delayMs?: number;
  body?: string;
}

/** A request the fake cloud logged. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  at: number;
  status?: number;
}

/**
 * A fresh organization in the shared fake cloud: a unique token, managers pointed at it, and
 * the control calls tests use to inject faults and inspect requests.
 */
export function fakeCloudSession(options: ManagementOptions = {}) {
  const url = inject('fakeCloudUrl');
  const token = `test-token-${randomUUID()}`;
  const settings: ManagementOptions = {
    accessToken: token,
    baseUrl: url,
    retry: { limit: 2, backoffLimit: 20 },
    ...options,
  };
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`fake cloud control ${method} ${path}: ${response.status}`);
    return response.json();
  };
  return {
    url,
    token,
    settings,
    manager: manageWorkspaces(settings),
    files: manageFiles(settings),
    addFault: (fault: Fault) => control('POST', '/_fake/faults', fault),
    configure: (changes: {
      transitionDelayMs?: number;
      wrapSecretLists?: boolean;
      redirectDownloads?: boolean;
      legacyStateNames?: boolean;
      endpointsReachable?: boolean;
    }) => control('PATCH', '/_fake/settings', changes),
    requests: async () => (await control('GET', '/_fake/requests')) as LoggedRequest[],
    clearRequests: () => control('DELETE', '/_fake/requests'),
  };
}

/** A region ID the fake cloud knows (AWS us-east-1). */
export async function someRegionId(session: ReturnType<typeof fakeCloudSession>): Promise<string> {
  const regions = await session.manager.listRegions();
  const region = regions.find((candidate) => candidate.provider === 'AWS');
  if (!region?.id) throw new Error('the fake cloud lists no AWS region');
  return region.id;
}

import type { ApiClient } from './client/api-client.js';
import {
  type AuditLogData,
  type AuditLogSource,
  operations,
} from './generated/schemas.generated.js';
import { isoText } from './request-helpers.js';

/** Filters of the audit log (spec GetV1AuditLogs parameters). */
export interface AuditLogFilters {
  type?: string;
  source?: AuditLogSource;
  startDate?: Date | string;
  endDate?: Date | string;
  /** Page size asked of the API. */
  limit?: number;
  firstName?: string;
  lastName?: string;
  email?: string;
  userId?: string;
  apiKeyId?: string;
  workspaceGroupId?: string;
  projectId?: string;
  teamId?: string;
  workspaceId?: string;
  sortByDescending?: boolean;
  signal?: AbortSignal;
}

/**
 * Iterates the audit log, following `nextToken` page by page; only one page is in memory at a
 * time and breaking out of the loop stops the paging.
 */
export async function* auditLogPages(
  client: ApiClient,
  filters: AuditLogFilters = {},
): AsyncGenerator<AuditLogData> {
  let nextToken: string | undefined;
  do {
    const page = await client.parse(operations.GetV1AuditLogs.response, 'GET', 'auditLogs', {
      query: {
        type: filters.type,
        source: filters.source,
        startDate: isoText(filters.startDate),
        endDate: isoText(filters.endDate),
        limit: filters.limit,
        nextToken,
        firstName: filters.firstName,
        lastName: filters.lastName,
        email: filters.email,
        userID: filters.userId,
        apiKeyID: filters.apiKeyId,
        workspaceGroupID: filters.workspaceGroupId,
        projectID: filters.projectId,
        teamID: filters.teamId,
        workspaceID: filters.workspaceId,
        sortByDescending: filters.sortByDescending,
      },
      signal: filters.signal,
    });
    yield* page.auditLogs ?? [];
    nextToken = page.nextToken === '' ? undefined : page.nextToken;
  } while (nextToken !== undefined);
}

import type {
  AuditLogWire,
  CloudPrincipalWire,
  FlowWire,
  JobWire,
  NotebookCloudFunctionWire,
  OrganizationWire,
  PrivateConnectionWire,
  ProjectWire,
  ResourceRoleWire,
  RoleDefinitionV2Wire,
  RoleDefinitionWire,
  SecretWire,
  ServiceAccountWire,
  SharedTierVirtualClusterWire,
  SharedTierVirtualWorkspaceWire,
  TeamWire,
  UserInvitationWire,
  UserWire,
  WorkspaceGroupWire,
  WorkspaceWire,
} from '@s2/management/internal';
import { FaultBook } from './faults.js';
import { newId, nowText } from './ids.js';

/** Behaviour switches of a tenant, changeable through `/_fake/config`. */
export interface TenantSettings {
  /** Milliseconds a state transition takes (PENDING → ACTIVE, suspend, resume, terminate). */
  transitionDelayMs: number;
  /** Answer GET secrets with the live `{secrets:[…]}` wrapper instead of the spec's array. */
  wrapSecretLists: boolean;
  /** Answer file downloads with a 307 to a storage URL that refuses Authorization headers. */
  redirectDownloads: boolean;
  /**
   * Report workspace states with the names the Python SDK documents (PendingCreation, Active,
   * Suspended, Resumed, Terminated, Failed) instead of the spec's upper-case enum.
   */
  legacyStateNames: boolean;
  /** Whether new workspace endpoints greet like a database (false: they refuse connections). */
  endpointsReachable: boolean;
  /** `host:port` of the greeting server that reachable endpoints point at. */
  endpointAddress: string;
}

/** A state change that completes at a given time. */
export interface PendingTransition {
  state: string;
  at: number;
  apply?: () => void;
}

/** A stored resource with its wire form and a pending transition. */
export interface Stateful<Wire> {
  wire: Wire;
  pending?: PendingTransition | undefined;
}

/** One request as the fake saw it, for tests to inspect. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  at: number;
  status?: number;
}

/** A job with its executions and parameters. */
export interface JobRecord {
  wire: JobWire;
  completesAt: number;
  executionStarted: string;
}

/**
 * One organization's state: every bearer token is its own tenant, so parallel test files never
 * see each other's resources or faults.
 */
export class Tenant {
  readonly organization: OrganizationWire;
  readonly settings: TenantSettings;
  readonly faults = new FaultBook();
  readonly requests: RequestLogEntry[] = [];
  readonly currentUser: UserWire;
  readonly workspaceGroups = new Map<string, Stateful<WorkspaceGroupWire>>();
  readonly workspaces = new Map<string, Stateful<WorkspaceWire>>();
  readonly starterWorkspaces = new Map<string, SharedTierVirtualWorkspaceWire>();
  readonly starterUsers = new Map<
    string,
    { workspaceId: string; userName: string; password: string }
  >();
  readonly secrets = new Map<string, SecretWire>();
  readonly jobs = new Map<string, JobRecord>();
  readonly jobParameters = new Map<string, { name: string; value: string; type: string }[]>();
  readonly teams = new Map<string, TeamWire>();
  readonly users = new Map<string, UserWire>();
  readonly invitations = new Map<string, UserInvitationWire>();
  readonly roles = new Map<string, RoleDefinitionWire>();
  readonly privateConnections = new Map<string, PrivateConnectionWire>();
  readonly projects = new Map<string, ProjectWire>();
  readonly auditLogs: AuditLogWire[] = [];
  readonly accessControls = new Map<string, ResourceRoleWire[]>();
  readonly retentionPeriods = new Map<string, number>();
  readonly disasterRecovery = new Map<
    string,
    { regionID: string; databaseNames: string[]; state: string }
  >();

  readonly delegatedEntities = new Map<string, { entity: string; createdAt: string }[]>();
  readonly serviceAccounts = new Map<string, ServiceAccountWire>();
  readonly cloudPrincipals = new Map<string, CloudPrincipalWire>();
  readonly rolesV2 = new Map<string, RoleDefinitionV2Wire>();
  readonly virtualClusters = new Map<string, SharedTierVirtualClusterWire>();
  readonly flows = new Map<string, FlowWire>();
  readonly cloudFunctions = new Map<string, NotebookCloudFunctionWire>();
  /** Deployed models by deployment name (inference APIs, outside the public spec). */
  readonly models = new Map<
    string,
    { name: string; modelName: string; status: string; projectID: string }
  >();
  /** Table exports (egress) by ID. */
  readonly exports = new Map<
    string,
    { egressID: string; workspaceGroupID: string; tableName: string; status: string }
  >();

  constructor(settings: TenantSettings) {
    this.settings = { ...settings };
    this.organization = {
      orgID: newId(),
      name: 'Fake Organization',
      firewallRanges: ['0.0.0.0/0'],
    };
    this.currentUser = {
      userID: newId(),
      email: 'owner@example.com',
      firstName: 'Olive',
      lastName: 'Owner',
      userKind: 'Standard',
    };
    this.users.set(this.currentUser.userID, this.currentUser);
    const projectID = newId();
    for (const [name, modelName] of [
      ['embeddings', 'text-embedding-3-small'],
      ['chat', 'llama-3-8b-instruct'],
    ] as const) {
      this.models.set(name, { name, modelName, status: 'Active', projectID });
    }
  }

  /** Schedules a state change after the configured delay. */
  transition<Wire>(record: Stateful<Wire>, state: string, apply?: () => void): void {
    record.pending = {
      state,
      at: Date.now() + this.settings.transitionDelayMs,
      ...(apply ? { apply } : {}),
    };
  }

  /** Applies a due transition; called before every read, so no timers are needed. */
  settle<Wire extends { state?: unknown }>(record: Stateful<Wire>): Wire {
    const pending = record.pending;
    if (pending && Date.now() >= pending.at) {
      (record.wire as { state?: unknown }).state = pending.state;
      pending.apply?.();
      record.pending = undefined;
    }
    return record.wire;
  }

  /** Records an audit-log entry for a change. */
  audit(type: string, attributes: Record<string, unknown> = {}): void {
    this.auditLogs.push({
      auditID: newId(),
      createdAt: nowText(),
      type,
      source: 'Portal',
      orgID: this.organization.orgID,
      userID: this.currentUser.userID,
      userEmail: this.currentUser.email,
      firstName: this.currentUser.firstName,
      lastName: this.currentUser.lastName,
      userType: 'Customer',
      attributes,
    });
  }
}

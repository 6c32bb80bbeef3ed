import { type DelegatedEntities, delegatedEntitiesOf } from './delegated-entities.js';
import {
  type AutoScaleSensitivity,
  CloudWorkloadIdentitySchema,
  type PrivateConnectionData,
  PrivateConnectionKaiInfoSchema,
  PrivateConnectionOutboundAllowListSchema,
  PrivateConnectionSchema,
  type WorkspaceData,
  type WorkspaceDeploymentType,
  WorkspaceSchema,
  type WorkspaceUpdateAutoSuspendSuspendType,
} from './generated/schemas.generated.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { compact, sameState, segment } from './request-helpers.js';
import { type WaitOptions, waitFor } from './wait-for.js';

/** Changes accepted by `Workspace.update()`; omitted fields stay as they are. */
export interface WorkspaceChanges {
  size?: string;
  autoSuspend?: {
    suspendAfterSeconds?: number;
    suspendType?: WorkspaceUpdateAutoSuspendSuspendType;
  };
  cacheConfig?: number;
  deploymentType?: WorkspaceDeploymentType;
  enableKai?: boolean;
  autoScale?: { maxScaleFactor?: number; sensitivity?: AutoScaleSensitivity };
  scaleFactor?: number;
  signal?: AbortSignal;
}

/** Options of the state-changing calls that can wait for the new state. */
export interface TransitionOptions extends WaitOptions {
  /** Wait until the workspace reaches the target state (default false). */
  wait?: boolean;
}

/** The body fields of WorkspaceUpdate, built from camelCase changes. */
export function workspaceUpdateBody(changes: WorkspaceChanges): Record<string, unknown> {
  return compact({
    size: changes.size,
    autoSuspend: changes.autoSuspend && compact({ ...changes.autoSuspend }),
    cacheConfig: changes.cacheConfig,
    deploymentType: changes.deploymentType,
    enableKai: changes.enableKai,
    autoScale: changes.autoScale && compact({ ...changes.autoScale }),
    scaleFactor: changes.scaleFactor,
  });
}

/** A workspace (compute attached to a workspace group), with its operations as methods. */
export class Workspace extends modelOf<WorkspaceData>() {
  /** The workspace ID. */
  get id(): string {
    return this.workspaceId;
  }

  get #path(): string {
    return `workspaces/${segment(this.workspaceId)}`;
  }

  /** Entities that may act on this resource on the caller's behalf. */
  get delegatedEntities(): DelegatedEntities {
    return delegatedEntitiesOf(this.client, this.#path);
  }

  /** Reloads the fields from GET workspaces/{id}. */
  async refresh(signal?: AbortSignal): Promise<this> {
    this.assign(await this.client.parse(WorkspaceSchema, 'GET', this.#path, { signal }));
    return this;
  }

  /** PATCH workspaces/{id} with only the given changes, then refresh. */
  async update(changes: WorkspaceChanges): Promise<this> {
    await this.client.call('PATCH', this.#path, {
      json: workspaceUpdateBody(changes),
      signal: changes.signal,
    });
    return this.refresh(changes.signal);
  }

  /** POST workspaces/{id}/suspend; with `wait`, until the state is SUSPENDED. */
  async suspend(options: TransitionOptions = {}): Promise<this> {
    await this.client.call('POST', `${this.#path}/suspend`, { signal: options.signal });
    return options.wait ? this.waitForState('SUSPENDED', options) : this.refresh(options.signal);
  }

  /** POST workspaces/{id}/resume; with `wait`, until the state is ACTIVE again. */
  async resume(options: TransitionOptions & { disableAutoSuspend?: boolean } = {}): Promise<this> {
    await this.client.call('POST', `${this.#path}/resume`, {
      json: compact({ disableAutoSuspend: options.disableAutoSuspend }),
      signal: options.signal,
    });
    return options.wait ? this.waitForState('ACTIVE', options) : this.refresh(options.signal);
  }

  /** DELETE workspaces/{id}; with `wait`, until the state is TERMINATED. */
  async terminate(options: TransitionOptions = {}): Promise<this> {
    await this.client.call('DELETE', this.#path, { signal: options.signal });
    return options.wait ? this.waitForState('TERMINATED', options) : this.refresh(options.signal);
  }

  /**
   * Polls until the workspace reaches `state` (compared case-insensitively). FAILED ends the
   * wait with a WAIT_FAILED error; the timeout with WAIT_TIMEOUT; the signal aborts it.
   */
  async waitForState(state: string, options: WaitOptions = {}): Promise<this> {
    let first = true;
    await waitFor(
      {
        load: async () => {
          if (!first) await this.refresh(options.signal);
          first = false;
          return this.state;
        },
        done: (current) => sameState(current, state),
        failed: (current) =>
          sameState(current, 'FAILED') && !sameState(state, 'FAILED')
            ? 'the state is FAILED'
            : undefined,
        description: `workspace ${this.workspaceId} to become ${state}`,
      },
      options,
    );
    return this;
  }

  /** GET workspaces/{id}/identity: the cloud workload identity. */
  async identity(signal?: AbortSignal): Promise<string> {
    const data = await this.client.parse(
      CloudWorkloadIdentitySchema,
      'GET',
      `${this.#path}/identity`,
      {
        signal,
      },
    );
    return data.identity;
  }

  /** GET workspaces/{id}/privateConnections. */
  async listPrivateConnections(signal?: AbortSignal): Promise<PrivateConnectionData[]> {
    return this.client.parse(
      PrivateConnectionSchema.array(),
      'GET',
      `${this.#path}/privateConnections`,
      { signal, query: { workspaceGroupID: this.workspaceGroupId } },
    );
  }

  /** GET workspaces/{id}/privateConnections/kai: the Kai private-link service name. */
  async kaiPrivateConnection(signal?: AbortSignal) {
    return this.client.parse(
      PrivateConnectionKaiInfoSchema,
      'GET',
      `${this.#path}/privateConnections/kai`,
      {
        signal,
      },
    );
  }

  /** GET workspaces/{id}/privateConnections/outboundAllowList. */
  async outboundAllowList(signal?: AbortSignal) {
    return this.client.parse(
      PrivateConnectionOutboundAllowListSchema.array(),
      'GET',
      `${this.#path}/privateConnections/outboundAllowList`,
      { signal },
    );
  }
}

/** Turns parsed workspaces into a NamedList. */
export function workspaceList(workspaces: Iterable<Workspace>): NamedList<Workspace> {
  return NamedList.fromItems(workspaces);
}

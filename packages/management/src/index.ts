export type { AccessControls, RoleAssignment } from './access-controls.js';
export type { AuditLogFilters } from './audit-logs.js';
export { Authorization, type PermissionSet } from './authorization.js';
export { Billing, type SimulatedResource } from './billing.js';
export type { ManagementOptions, RetrySettings, TokenProvider } from './client/client-settings.js';
export { type CloudFunctionFields, CloudFunctions } from './cloud-functions.js';
export type { DelegatedEntities } from './delegated-entities.js';
export {
  type ExportDefinition,
  ExportService,
  type PartitionField,
  type SortField,
  TableExport,
} from './export-service.js';
export { manageFiles, manageRegions, manageWorkspaces } from './factories.js';
export type { ProgressCallback, UploadSource } from './files/byte-streams.js';
export type { FileInfo } from './files/file-info.js';
export { FileLocation, type UploadOptions } from './files/file-location.js';
export { FileSpace } from './files/file-space.js';
export { FilesManager } from './files/files-manager.js';
export type {
  DownloadOptions,
  FolderDownloadOptions,
  FolderUploadOptions,
} from './files/folder-transfer.js';
export type { OpenMode } from './files/open-remote.js';
export { Stage } from './files/stage.js';
export { Flow, Flows } from './flows.js';
export type {
  AuditLogData,
  CloudProvider,
  ExecutionStatus,
  ExecutionsResultData,
  FileLocationSchema as FileLocationName,
  JobParameterData,
  JobScheduleMode,
  JobTargetConfigTargetType,
  OrganizationData,
  PrivateConnectionData,
  ResourceRoleData,
  SecretData,
  WorkspaceData,
  WorkspaceGroupData,
  WorkspaceGroupState,
  WorkspaceState,
} from './generated/schemas.generated.js';
export { InferenceApi, InferenceApiManager, type ModelStatus } from './inference-apis.js';
export { Invitation, Invitations } from './invitations.js';
export { Job, JobsManager, type JobTarget, type ScheduleJobOptions } from './jobs.js';
export { ManagementError, type ManagementErrorCode } from './management-error.js';
export { type Named, NamedList } from './named-list.js';
export { Organization } from './organization.js';
export {
  type CreatePrivateConnectionOptions,
  PrivateConnection,
  PrivateConnections,
} from './private-connections.js';
export { Project, Projects } from './projects.js';
export { type Region, RegionManager } from './region.js';
export { type InheritedRole, Role, Roles } from './roles.js';
export { Secret, Secrets } from './secrets.js';
export { ServiceIdentities } from './service-identities.js';
export {
  getOrganization,
  getSecret,
  getStage,
  getWorkspace,
  getWorkspaceGroup,
} from './shortcuts.js';
export { StarterWorkspace, type StarterWorkspaceUser } from './starter-workspace.js';
export { DisasterRecovery, Storage } from './storage.js';
export { Team, type TeamChanges, Teams } from './teams.js';
export { User, Users } from './users.js';
export { VirtualCluster, VirtualClusters } from './virtual-clusters.js';
export type { WaitOptions } from './wait-for.js';
export { type TransitionOptions, Workspace, type WorkspaceChanges } from './workspace.js';
export type { CreateWorkspaceOptions } from './workspace-create.js';
export { WorkspaceGroup, type WorkspaceGroupChanges } from './workspace-group.js';
export { type CreateWorkspaceGroupOptions, WorkspaceManager } from './workspace-manager.js';

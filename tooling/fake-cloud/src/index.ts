export { type FakeCloud, type FakeCloudOptions, startFakeCloud } from './fake-cloud.js';
export type { FaultRule } from './faults.js';
export { regions } from './regions.js';
export type { RequestLogEntry, Tenant, TenantSettings } from './tenant.js';

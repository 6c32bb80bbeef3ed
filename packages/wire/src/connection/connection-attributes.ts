import packageJson from '../../package.json' with { type: 'json' };
import type { ResolvedWireOptions } from './connection-options.js';

/** The `_client_name` this package reports (SingleStore uses it for telemetry). */
export const CLIENT_NAME = '@s2/wire';

/**
 * Connection attributes (wire-protocol.md §6): the built-ins, `program_name`, then
 * `connAttrs` entries whose keys do not collide with a built-in.
 */
export function connectionAttributes(options: ResolvedWireOptions): Map<string, string> {
  const workload = process.env.SINGLESTOREDB_WORKLOAD_TYPE;
  const attributes = new Map<string, string>([
    ['_client_name', CLIENT_NAME],
    ['_client_version', workload ? `${packageJson.version}+${workload}` : packageJson.version],
    ['_os', process.platform],
    ['_pid', String(process.pid)],
  ]);
  if (options.programName !== undefined) attributes.set('program_name', options.programName);
  for (const [key, value] of Object.entries(options.connAttrs ?? {})) {
    if (!attributes.has(key)) attributes.set(key, value);
  }
  return attributes;
}

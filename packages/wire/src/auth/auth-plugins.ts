import { OperationalError } from '@s2/core-cursor';
import { ClientErrno } from '../protocol/protocol-constants.js';
import type { AuthPlugin } from './auth-plugin.js';
import { cachingSha2Password } from './caching-sha2-password.js';
import { clientEd25519 } from './client-ed25519.js';
import { dialog } from './dialog.js';
import { mysqlClearPassword } from './mysql-clear-password.js';
import { mysqlNativePassword } from './mysql-native-password.js';
import { sha256Password } from './sha256-password.js';

const BUILT_IN_PLUGINS: Readonly<Record<string, AuthPlugin>> = {
  '': mysqlNativePassword,
  mysql_native_password: mysqlNativePassword,
  caching_sha2_password: cachingSha2Password,
  sha256_password: sha256Password,
  mysql_clear_password: mysqlClearPassword,
  client_ed25519: clientEd25519,
  dialog,
};

/** Whether `name` is a built-in or a user-supplied plugin (and not the empty name). */
export function isKnownPlugin(
  name: string,
  custom: Readonly<Record<string, AuthPlugin>> | undefined,
): boolean {
  return (
    name !== '' &&
    ((custom !== undefined && Object.hasOwn(custom, name)) || Object.hasOwn(BUILT_IN_PLUGINS, name))
  );
}

/**
 * The plugin for a name the server chose: a user-supplied one first, then the built-ins.
 * Unknown names (mysql_old_password included, python-sdk-quirks.md #20) are an
 * OperationalError 2059.
 */
export function authPluginFor(
  name: string,
  custom: Readonly<Record<string, AuthPlugin>> | undefined,
): AuthPlugin {
  const plugin =
    (custom && Object.hasOwn(custom, name) ? custom[name] : undefined) ??
    (Object.hasOwn(BUILT_IN_PLUGINS, name) ? BUILT_IN_PLUGINS[name] : undefined);
  if (plugin === undefined) {
    throw new OperationalError(`Authentication plugin '${name}' not configured`, {
      errno: ClientErrno.AUTH_PLUGIN_CANNOT_LOAD,
    });
  }
  return plugin;
}

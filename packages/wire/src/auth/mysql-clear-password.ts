import { OperationalError } from '@s2/core-cursor';
import { ClientErrno } from '../protocol/protocol-constants.js';
import type { AuthPlugin } from './auth-plugin.js';
import { nulTerminatedPassword } from './scramble.js';

/**
 * mysql_clear_password, the route of JWTs (wire-protocol.md §8.5): refused on a connection
 * without TLS unless `allowCleartextPassword` is set (python-sdk-quirks.md #19).
 */
export const mysqlClearPassword: AuthPlugin = (context) => ({
  initialResponse() {
    if (!context.tls && !context.allowCleartextPassword) {
      throw new OperationalError(
        'The server asked for mysql_clear_password on a connection without TLS; refusing to ' +
          'send the password in clear (use TLS, or set allowCleartextPassword)',
        { errno: ClientErrno.AUTH_PLUGIN_CANNOT_LOAD },
      );
    }
    return nulTerminatedPassword(context.password);
  },
  moreData: () => undefined,
});

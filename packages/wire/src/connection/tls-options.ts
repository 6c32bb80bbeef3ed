import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { ResolvedWireOptions } from './connection-options.js';

/** PEM text as given, or the contents of the file it names. */
export function pemOrFile(value: string): string {
  return value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

/**
 * node:tls options for the upgrade in each sslMode (ARCHITECTURE.md §5,
 * python-sdk-quirks.md #21–#24): preferred/required encrypt without verification, verify_ca
 * checks the chain (system CAs or sslCa), verify_identity also the host name (or
 * tlsSniServername) with node:tls's `checkServerIdentity`, passed in because node:tls is only
 * loaded for a TLS upgrade.
 */
export function tlsOptions(
  options: ResolvedWireOptions,
  checkServerIdentity: NonNullable<ConnectionOptions['checkServerIdentity']>,
): ConnectionOptions {
  const serverName = options.tlsSniServername ?? options.host;
  const verify = options.sslMode === 'verify_ca' || options.sslMode === 'verify_identity';
  const result: ConnectionOptions = {
    rejectUnauthorized: verify,
    checkServerIdentity:
      options.sslMode === 'verify_identity'
        ? (_host, certificate) => checkServerIdentity(serverName, certificate)
        : () => undefined,
  };
  // SNI carries host names only; Node refuses IP addresses there.
  if (isIP(serverName) === 0) result.servername = serverName;
  if (options.sslCa !== undefined) result.ca = pemOrFile(options.sslCa);
  if (options.sslCert !== undefined) result.cert = pemOrFile(options.sslCert);
  if (options.sslKey !== undefined) result.key = pemOrFile(options.sslKey);
  if (options.sslCipher !== undefined) result.ciphers = options.sslCipher;
  return result;
}

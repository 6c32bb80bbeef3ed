import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestTlsFiles } from './types.js';

const run = promisify(execFile);

/** Files of a generated CA, server and client certificate. */
export interface GeneratedCertificates extends TestTlsFiles {
  readonly serverCertPath: string;
  readonly serverKeyPath: string;
}

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (error) {
    throw new Error(`openssl ${args[0]} failed while generating test certificates in ${cwd}`, {
      cause: error,
    });
  }
}

async function signedCertificate(dir: string, name: string, subject: string, extensions: string) {
  await openssl(dir, [
    'ecparam',
    '-name',
    'prime256v1',
    '-genkey',
    '-noout',
    '-out',
    `${name}-key.pem`,
  ]);
  await openssl(dir, [
    'req',
    '-new',
    '-key',
    `${name}-key.pem`,
    '-subj',
    subject,
    '-out',
    `${name}.csr`,
  ]);
  await fs.writeFile(path.join(dir, `${name}.ext`), extensions);
  await openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca-key.pem',
    '-CAcreateserial',
    '-days',
    '2',
    '-sha256',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.pem`,
  ]);
}

/**
 * Generates a throwaway CA plus a server certificate for `localhost` / `127.0.0.1` and a client
 * certificate, so TLS tests verify a real chain. EC keys keep generation fast.
 */
export async function createTlsCertificates(dir: string): Promise<GeneratedCertificates> {
  await fs.mkdir(dir, { recursive: true });
  await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca-key.pem']);
  await openssl(dir, [
    'req',
    '-x509',
    '-new',
    '-key',
    'ca-key.pem',
    '-sha256',
    '-days',
    '2',
    '-subj',
    '/CN=s2 test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-out',
    'ca.pem',
  ]);
  const serverNames = ['localhost', '127.0.0.1'];
  await signedCertificate(
    dir,
    'server',
    '/CN=localhost',
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n',
  );
  await signedCertificate(
    dir,
    'client',
    '/CN=s2 test client',
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n',
  );
  return {
    ca: await fs.readFile(path.join(dir, 'ca.pem'), 'utf8'),
    caPath: path.join(dir, 'ca.pem'),
    serverCertPath: path.join(dir, 'server.pem'),
    serverKeyPath: path.join(dir, 'server-key.pem'),
    clientCertPath: path.join(dir, 'client.pem'),
    clientKeyPath: path.join(dir, 'client-key.pem'),
    serverNames,
  };
}

import { InterfaceError } from '../errors/index.js';
import type { SSL_MODES } from '../options/connection-option-table.js';

/** A TLS mode, weakest first: disabled, preferred, required, verify_ca, verify_identity. */
export type SslMode = (typeof SSL_MODES)[number];

/** The TLS settings a mode is derived from. */
export interface SslInputs {
  sslMode: SslMode | undefined;
  sslCa: string | undefined;
  sslDisabled: boolean;
  sslVerifyCert: boolean | undefined;
  sslVerifyIdentity: boolean | undefined;
}

const VERIFYING: ReadonlySet<SslMode> = new Set(['verify_ca', 'verify_identity']);

/**
 * Derives the TLS mode. An explicit `sslMode` wins over the Python-style flags
 * (`sslDisabled`, `sslVerifyCert`, `sslVerifyIdentity`); with none of them the mode is
 * `preferred`. `sslCa` implies at least `verify_ca`, and asking for a weaker mode together
 * with a CA is a configuration error rather than something silently overridden.
 */
export function resolveSslMode(inputs: SslInputs): SslMode {
  let mode: SslMode;
  let source: string;
  if (inputs.sslMode !== undefined) {
    mode = inputs.sslMode;
    source = `sslMode "${mode}"`;
  } else if (inputs.sslDisabled) {
    mode = 'disabled';
    source = 'sslDisabled';
  } else if (inputs.sslVerifyIdentity) {
    mode = 'verify_identity';
    source = 'sslVerifyIdentity';
  } else if (inputs.sslVerifyCert || inputs.sslCa !== undefined) {
    mode = 'verify_ca';
    source = 'sslVerifyCert';
  } else {
    return 'preferred';
  }
  if (inputs.sslCa !== undefined && !VERIFYING.has(mode)) {
    throw new InterfaceError(
      `sslCa needs sslMode verify_ca or verify_identity, but ${source} asks for a weaker mode`,
    );
  }
  return mode;
}

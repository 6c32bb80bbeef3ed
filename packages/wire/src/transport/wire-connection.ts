import {
  Connection,
  type ConnectionSettings,
  createInterpolator,
  type ResultsType,
} from '@s2/core-cursor';
import type { ProtocolConnection } from '../connection/protocol-connection.js';
import { WireTransport } from './wire-transport.js';

/** Escaping choices of client-side interpolation. */
export interface EscapeSettings {
  nanAsNull?: boolean;
  infAsNull?: boolean;
}

/**
 * The DB-API connection of @s2/core-cursor over the MySQL protocol. Parameters are
 * interpolated on the client, with quotes doubled instead of backslash-escaped whenever the
 * server reports NO_BACKSLASH_ESCAPES; `nanAsNull`/`infAsNull` apply to interpolated and
 * prepared (`execute(…, { prepare: true })`) parameters alike.
 */
export class WireConnection<T extends ResultsType = ResultsType> extends Connection<T> {
  /** The protocol connection underneath (connection id, server version, streaming). */
  readonly protocol: ProtocolConnection;

  constructor(
    protocol: ProtocolConnection,
    settings: Omit<ConnectionSettings, 'interpolate'> & EscapeSettings = {},
  ) {
    const { nanAsNull, infAsNull, ...rest } = settings;
    const escapes = { nanAsNull: nanAsNull ?? false, infAsNull: infAsNull ?? false };
    const backslashes = createInterpolator({ ...escapes, noBackslashEscapes: false });
    const doubledQuotes = createInterpolator({ ...escapes, noBackslashEscapes: true });
    super(new WireTransport(protocol, escapes), {
      ...rest,
      interpolate: (sql, params) =>
        (protocol.noBackslashEscapes ? doubledQuotes : backslashes)(sql, params),
    });
    this.protocol = protocol;
  }
}

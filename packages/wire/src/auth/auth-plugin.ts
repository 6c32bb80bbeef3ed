/** What an authentication plugin may know about the connection it authenticates. */
export interface AuthContext {
  readonly user: string;
  /** The password (or JWT) as given; plugins encode it as UTF-8 (python-sdk-quirks.md #17). */
  readonly password: string;
  /** The 20-byte nonce of the handshake, or the data of the AuthSwitchRequest. */
  readonly scramble: Uint8Array;
  /** True when the socket is TLS. */
  readonly tls: boolean;
  /** True for a Unix-domain socket. */
  readonly unixSocket: boolean;
  /** The server's RSA public key (PEM) when configured. */
  readonly serverPublicKey: string | undefined;
  /** Send clear-text passwords even without TLS (python-sdk-quirks.md #19). */
  readonly allowCleartextPassword: boolean;
}

/**
 * One authentication exchange of one plugin: the first response, then one reply per
 * AuthMoreData packet (0x01) the server sends, until the server's OK or ERR.
 */
export interface AuthExchange {
  /** The response to the handshake or to an AuthSwitchRequest. */
  initialResponse(): Uint8Array | Promise<Uint8Array>;
  /** The reply to the data of an AuthMoreData packet; undefined sends nothing. */
  moreData(data: Uint8Array): Uint8Array | undefined | Promise<Uint8Array | undefined>;
}

/** Starts an exchange; user code can add plugins through the `authPlugins` option. */
export type AuthPlugin = (context: AuthContext) => AuthExchange;

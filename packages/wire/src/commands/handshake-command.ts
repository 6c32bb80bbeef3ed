import { OperationalError } from '@s2/core-cursor';
import type { AuthContext, AuthExchange } from '../auth/auth-plugin.js';
import { authPluginFor, isKnownPlugin } from '../auth/auth-plugins.js';
import { connectionAttributes } from '../connection/connection-attributes.js';
import { parseAuthSwitchRequest } from '../packets/auth-switch-request.js';
import { errorFromErrPacket, isErrPacket } from '../packets/err-packet.js';
import { writeHandshakeResponse41, writeSslRequest } from '../packets/handshake-response41.js';
import { type HandshakeV10, parseHandshakeV10 } from '../packets/handshake-v10.js';
import { isOkPacket, parseOkPacket } from '../packets/ok-packet.js';
import { Capability, ClientErrno, PacketHeader } from '../protocol/protocol-constants.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { Command, type CommandContext } from './command.js';

/** What the handshake needs from the connection beyond a command's context. */
export interface HandshakeHooks {
  /** Records the server's handshake and the agreed capabilities. */
  agreed(handshake: HandshakeV10, capabilities: number): void;
  /** Wraps the socket in TLS after the SSLRequest went out. */
  upgradeToTls(): Promise<void>;
}

const CLIENT_BASE_CAPABILITIES =
  Capability.LONG_PASSWORD |
  Capability.LONG_FLAG |
  Capability.PROTOCOL_41 |
  Capability.TRANSACTIONS |
  Capability.SECURE_CONNECTION |
  Capability.MULTI_RESULTS |
  Capability.PLUGIN_AUTH |
  Capability.CONNECT_ATTRS |
  Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA;

/**
 * Connection phase: HandshakeV10 → [SSLRequest + TLS] → HandshakeResponse41 → any number of
 * AuthSwitchRequest / AuthMoreData rounds → OK or ERR.
 */
export class HandshakeCommand extends Command<void> {
  private state: 'awaiting-handshake' | 'authenticating' = 'awaiting-handshake';
  private exchange: AuthExchange | undefined;

  constructor(private readonly hooks: HandshakeHooks) {
    super();
  }

  start(): void {
    // The server speaks first.
  }

  async handle(payload: Uint8Array, context: CommandContext): Promise<void> {
    if (isErrPacket(payload)) {
      this.fail(errorFromErrPacket(payload));
      return;
    }
    if (this.state === 'awaiting-handshake') {
      await this.answerHandshake(parseHandshakeV10(payload), context);
      return;
    }
    if (isOkPacket(payload)) {
      context.serverStatus = parseOkPacket(payload).status;
      this.finish();
      return;
    }
    if (payload[0] === PacketHeader.AUTH_SWITCH) {
      const request = parseAuthSwitchRequest(payload);
      this.exchange = authPluginFor(
        request.pluginName,
        context.options.authPlugins,
      )(this.authContext(context, request.pluginData));
      context.send(await this.exchange.initialResponse());
      return;
    }
    if (this.exchange !== undefined) {
      // MariaDB sends a plugin's later messages bare, prefixing 0x01 only to data that starts
      // with 0x01, 0xFE or 0xFF (dialog's second prompt arrives as 0x02–0x05 + text); MySQL
      // always prefixes it. Either way the plugin gets the data without the escape.
      const data = payload[0] === PacketHeader.AUTH_MORE_DATA ? payload.subarray(1) : payload;
      const reply = await this.exchange.moreData(data);
      if (reply !== undefined) context.send(reply);
      return;
    }
    throw outOfSync(`unexpected packet 0x${(payload[0] ?? 0).toString(16)} during authentication`);
  }

  private authContext(context: CommandContext, scramble: Uint8Array): AuthContext {
    const { options } = context;
    return {
      user: options.user,
      password: options.password,
      scramble,
      tls: context.tls,
      unixSocket: context.unixSocket,
      serverPublicKey: options.serverPublicKey,
      allowCleartextPassword: options.allowCleartextPassword ?? false,
    };
  }

  private async answerHandshake(handshake: HandshakeV10, context: CommandContext): Promise<void> {
    const { options } = context;
    const server = handshake.capabilities;
    if (!(server & Capability.PROTOCOL_41)) {
      throw new OperationalError('The server does not speak protocol 4.1', {
        errno: ClientErrno.MALFORMED_PACKET,
      });
    }
    const serverHasTls = (server & Capability.SSL) !== 0;
    const wantTls = options.sslMode !== 'disabled' && options.socketPath === undefined;
    if (wantTls && !serverHasTls && options.sslMode !== 'preferred') {
      throw new OperationalError(`sslMode '${options.sslMode}' but the server does not offer TLS`, {
        errno: ClientErrno.SSL_CONNECTION_ERROR,
      });
    }
    let wanted = CLIENT_BASE_CAPABILITIES;
    if (options.clientFoundRows) wanted |= Capability.FOUND_ROWS;
    if (options.database) wanted |= Capability.CONNECT_WITH_DB;
    if (options.localInfile) wanted |= Capability.LOCAL_FILES;
    if (options.multiStatements) wanted |= Capability.MULTI_STATEMENTS;
    if (wantTls && serverHasTls) wanted |= Capability.SSL;
    const capabilities = (wanted & server) >>> 0;
    this.hooks.agreed(handshake, capabilities);
    if (capabilities & Capability.SSL) {
      context.send(writeSslRequest(capabilities));
      await this.hooks.upgradeToTls();
    }
    // The first answer may use any plugin: the server switches to the user's own one anyway,
    // so a default the client does not know (e.g. auth_gssapi_client) is answered natively.
    const pluginName = isKnownPlugin(handshake.authPluginName, options.authPlugins)
      ? handshake.authPluginName
      : 'mysql_native_password';
    this.exchange = authPluginFor(
      pluginName,
      options.authPlugins,
    )(this.authContext(context, handshake.scramble));
    const authResponse = await this.exchange.initialResponse();
    context.send(
      writeHandshakeResponse41({
        capabilities,
        user: options.user,
        authResponse,
        database: options.database,
        authPluginName: pluginName,
        attributes: connectionAttributes(options),
      }),
    );
    this.state = 'authenticating';
  }
}

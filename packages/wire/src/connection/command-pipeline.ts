import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { InterfaceError, OperationalError, S2Error } from '@s2/core-cursor';
import type {
  Command,
  CommandContext,
  PipelineCommand,
  RowRunTarget,
} from '../commands/command.js';
import { ColumnDefinitionCache } from '../packets/column-definition-cache.js';
import type { HandshakeV10 } from '../packets/handshake-v10.js';
import { frameCommandText } from '../protocol/command-text-frame.js';
import { frameOutgoing, IncomingPackets, SequenceCounter } from '../protocol/packet-framing.js';
import { ClientErrno } from '../protocol/protocol-constants.js';
import {
  connectionClosed,
  lostConnection,
  outOfSync,
  readTimedOut,
  serverGone,
  writeTimedOut,
} from '../protocol/wire-errors.js';
import type { ResolvedWireOptions } from './connection-options.js';
import { tlsOptions } from './tls-options.js';
import { WriteTimeout } from './write-timeout.js';

/**
 * The byte stream of one connection and its single command FIFO. Commands start one at a
 * time; every incoming packet goes to the command at the head until it settles. A command's
 * asynchronous step (TLS upgrade, LOCAL INFILE upload, a custom auth plugin) holds further
 * packets back until it is done. Any fatal error — socket closed or failed, a packet out of
 * order, a malformed packet — fails the running command and every queued one with a typed
 * error, and the pipeline refuses new commands from then on.
 */
/** The pause reason of a streaming consumer that is behind (see QueryStream). */
export const STREAM_CONSUMER = 'stream-consumer';

export class CommandPipeline implements CommandContext {
  serverStatus = 0;
  handshake: HandshakeV10 | undefined;
  capabilities = 0;
  tls = false;
  readonly unixSocket: boolean;
  readonly columnDefinitions = new ColumnDefinitionCache();
  private socket: Socket | TLSSocket;
  private readonly sequence = new SequenceCounter();
  private readonly incoming: IncomingPackets;
  private readonly queue: PipelineCommand[] = [];
  private current: PipelineCommand | undefined;
  private busy = false;
  /** Holds that keep the next queued command from starting (see holdQueueIfRunning). */
  private queueHolds = 0;
  private readonly backlog: Uint8Array[] = [];
  private readonly pauseReasons = new Set<string>();
  private failure: S2Error | undefined;
  private readonly closeWaiters: (() => void)[] = [];
  private socketClosed = false;
  private readonly writeTimeout: WriteTimeout | undefined;

  constructor(
    readonly options: ResolvedWireOptions,
    socket: Socket,
  ) {
    this.unixSocket = options.socketPath !== undefined;
    this.socket = socket;
    this.writeTimeout =
      options.writeTimeout === undefined
        ? undefined
        : new WriteTimeout(options.writeTimeout, () => this.onWriteTimeout());
    this.incoming = new IncomingPackets(
      this.sequence,
      (payload) => this.onPacket(payload),
      () => this.rowRunTarget(),
    );
    this.attach(socket);
  }

  /** Whether the pipeline can still run commands. */
  get usable(): boolean {
    return this.failure === undefined;
  }

  /** The error that ended the pipeline, if any. */
  get fatalError(): S2Error | undefined {
    return this.failure;
  }

  /**
   * If `command` is the one the server is working on, keeps queued commands from starting
   * until the returned release is called; undefined (nothing held) otherwise. A KILL QUERY
   * sent while the queue is held reaches the server during `command` or while the session is
   * idle, never during the command after it.
   */
  holdQueueIfRunning(command: PipelineCommand): (() => void) | undefined {
    if (this.current !== command || command.settled) return undefined;
    this.queueHolds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.queueHolds -= 1;
      if (this.failure === undefined) this.advance();
    };
  }

  private readonly onData = (chunk: Buffer): void => {
    try {
      this.incoming.push(chunk);
    } catch (error) {
      this.destroy(error);
    }
  };

  private readonly onError = (error: Error): void => {
    this.destroy(this.current === undefined ? serverGone(error) : lostConnection(error));
  };

  private readonly onClose = (): void => {
    this.socketClosed = true;
    for (const waiter of this.closeWaiters.splice(0)) waiter();
    this.destroy(lostConnection());
  };

  private readonly onTimeout = (): void => {
    if (this.awaitingServer()) this.destroy(readTimedOut(this.options.readTimeout));
  };

  private onWriteTimeout(): void {
    this.destroy(writeTimedOut(this.options.writeTimeout));
  }

  private attach(socket: Socket): void {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    socket.on('timeout', this.onTimeout);
    this.updateReadTimer();
  }

  private detach(socket: Socket): void {
    socket.off('data', this.onData);
    socket.off('error', this.onError);
    socket.off('close', this.onClose);
    socket.off('timeout', this.onTimeout);
    socket.setTimeout(0);
    this.writeTimeout?.stop();
  }

  /** A command runs and its reply is not held back by a slow stream consumer. */
  private awaitingServer(): boolean {
    return (
      this.current !== undefined &&
      !this.current.settled &&
      !this.pauseReasons.has(STREAM_CONSUMER) &&
      this.failure === undefined
    );
  }

  /** Arms the socket's idle timer only while the server owes us bytes (`readTimeout`). */
  private updateReadTimer(): void {
    const timeout = this.options.readTimeout;
    if (timeout === undefined) return;
    this.socket.setTimeout(this.awaitingServer() ? timeout : 0);
  }

  /** Adds a command to the FIFO; it fails at once when the pipeline is dead. */
  enqueue<T>(command: Command<T>): Promise<T> {
    if (this.failure !== undefined) {
      command.fail(this.failure);
      return command.result;
    }
    this.queue.push(command);
    if (this.current === undefined || this.current.settled) this.advance();
    return command.result;
  }

  /** Takes a command that has not started out of the FIFO; false when it already started. */
  withdraw(command: PipelineCommand): boolean {
    const index = this.queue.indexOf(command);
    if (index < 0) return false;
    this.queue.splice(index, 1);
    return true;
  }

  private advance(): void {
    this.advanceQueue();
    this.updateReadTimer();
  }

  private advanceQueue(): void {
    while (
      !this.busy &&
      this.queueHolds === 0 &&
      (this.current === undefined || this.current.settled)
    ) {
      const next = this.queue.shift();
      this.current = next;
      if (next === undefined) return;
      if (next.settled) continue;
      this.sequence.reset();
      try {
        const started = next.start(this);
        if (started instanceof Promise) this.hold(started);
      } catch (error) {
        this.destroy(error);
        return;
      }
    }
  }

  /** Rows may skip the per-packet path only when nothing is held back ahead of them. */
  private rowRunTarget(): RowRunTarget | undefined {
    const command = this.current;
    if (this.busy || this.backlog.length > 0 || command === undefined || command.settled) {
      return undefined;
    }
    return command.rowRunTarget?.();
  }

  private onPacket(payload: Uint8Array): void {
    if (this.busy) {
      this.backlog.push(payload);
      return;
    }
    this.dispatch(payload);
  }

  private dispatch(payload: Uint8Array): void {
    const command = this.current;
    if (command === undefined || command.settled) {
      this.destroy(outOfSync('a packet arrived while no command was running'));
      return;
    }
    try {
      const handled = command.handle(payload, this);
      if (handled instanceof Promise) {
        this.hold(handled);
        return;
      }
    } catch (error) {
      this.destroy(error);
      return;
    }
    if (command.settled) this.advance();
  }

  /** Holds incoming packets back until an asynchronous step of the current command is done. */
  private hold(step: Promise<void>): void {
    this.busy = true;
    this.pauseReading('command-step');
    step.then(
      () => {
        this.busy = false;
        if (this.failure !== undefined) return;
        if (this.current?.settled) this.advance();
        while (!this.busy && this.backlog.length > 0 && this.failure === undefined) {
          this.dispatch(this.backlog.shift()!);
        }
        this.resumeReading('command-step');
      },
      (error: unknown) => {
        this.busy = false;
        this.destroy(error);
      },
    );
  }

  send(payload: Uint8Array, sequence = this.sequence): void {
    if (this.failure !== undefined) throw this.failure;
    this.socket.write(frameOutgoing(payload, sequence));
    this.writeTimeout?.afterWrite(this.socket);
  }

  sendCommand(payload: Uint8Array): void {
    this.send(payload, new SequenceCounter());
  }

  awaitNextReply(): void {
    this.sequence.next = 1;
  }

  sendText(command: number, text: string): void {
    if (this.failure !== undefined) throw this.failure;
    this.socket.write(frameCommandText(command, text, this.sequence));
    this.writeTimeout?.afterWrite(this.socket);
  }

  sendUncopied(payload: Uint8Array): void {
    if (this.failure !== undefined) throw this.failure;
    const length = payload.length;
    const header = Uint8Array.of(
      length & 0xff,
      (length >>> 8) & 0xff,
      length >>> 16,
      this.sequence.take(),
    );
    // Corked, the header and the payload leave in one writev, and the payload is not copied.
    this.socket.cork();
    this.socket.write(header);
    this.socket.write(payload);
    this.socket.uncork();
    this.writeTimeout?.afterWrite(this.socket);
  }

  drained(): Promise<void> {
    if (!this.socket.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('drain', done);
      this.socket.once('close', done);
    });
  }

  pauseReading(reason: string): void {
    this.pauseReasons.add(reason);
    this.socket.pause();
    this.updateReadTimer();
  }

  resumeReading(reason: string): void {
    this.pauseReasons.delete(reason);
    if (this.pauseReasons.size === 0 && this.failure === undefined) this.socket.resume();
    this.updateReadTimer();
  }

  /** Wraps the socket in TLS (after the SSLRequest went out). */
  async upgradeToTls(): Promise<void> {
    // Loaded here, not at import: node:tls costs a process about 0.5 MB of RSS on top of node:crypto, and a
    // connection without TLS never needs it.
    const tls = await import('node:tls');
    const plain = this.socket;
    this.detach(plain);
    // From here on the TLS socket reports the transport's failures; the plain one must not
    // crash the process with an unhandled 'error' event.
    plain.on('error', () => undefined);
    const secure = tls.connect({
      ...tlsOptions(this.options, tls.checkServerIdentity),
      socket: plain,
    });
    this.socket = secure;
    await new Promise<void>((resolve, reject) => {
      const onFailure = (error: Error): void => {
        secure.off('secureConnect', onSecure);
        // The pipeline is torn down with this error; later ones have nothing to add.
        secure.on('error', () => undefined);
        reject(
          new OperationalError(`TLS connection failed: ${error.message}`, {
            errno: ClientErrno.SSL_CONNECTION_ERROR,
            cause: error,
          }),
        );
      };
      const onSecure = (): void => {
        secure.off('error', onFailure);
        resolve();
      };
      secure.once('error', onFailure);
      secure.once('secureConnect', onSecure);
    });
    this.tls = true;
    this.attach(secure);
  }

  /**
   * Ends the pipeline: the socket is destroyed and every command still in it fails with
   * `error` (an InterfaceError wrapping it when it is not an S2Error, e.g. a custom auth
   * plugin's exception).
   */
  destroy(error: unknown): void {
    if (this.failure !== undefined) return;
    const failure = S2Error.isInstance(error)
      ? error
      : new InterfaceError(
          `Connection failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
    this.failure = failure;
    this.writeTimeout?.stop();
    this.socket.destroy();
    const pending = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = undefined;
    this.backlog.length = 0;
    for (const command of pending) command.fail(failure);
  }

  /** Half-closes the socket and waits (at most `timeoutMs`) for the server to close it. */
  async end(timeoutMs: number): Promise<void> {
    if (!this.socketClosed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.closeWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        this.socket.end();
      });
    }
    this.destroy(connectionClosed());
  }
}

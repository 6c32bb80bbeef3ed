import type { ResolvedWireOptions } from '../connection/connection-options.js';
import type { ColumnDefinitionCache } from '../packets/column-definition-cache.js';
import type { HandshakeV10 } from '../packets/handshake-v10.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';

/** What a command may do with the connection while it is the one at the head of the FIFO. */
export interface CommandContext {
  readonly options: ResolvedWireOptions;
  /** The server's handshake (undefined while the handshake command runs). */
  readonly handshake: HandshakeV10 | undefined;
  /** Capabilities both sides agreed on. */
  readonly capabilities: number;
  readonly tls: boolean;
  readonly unixSocket: boolean;
  /** Status flags of the last OK/EOF packet. */
  serverStatus: number;
  /** Parses column definitions, reusing those of the last result set when the bytes match. */
  readonly columnDefinitions: ColumnDefinitionCache;
  /** Frames and writes one payload with the command's next sequence ids. */
  send(payload: Uint8Array): void;
  /**
   * Frames and writes `payload` as a command of its own, its sequence ids from 0, leaving the
   * count of the running command's exchange alone: for COM_STMT_SEND_LONG_DATA, which the
   * server never answers, and for commands written while replies to earlier ones are still to
   * be read (pipelined COM_STMT_EXECUTE), each of those replies after `awaitNextReply`.
   */
  sendCommand(payload: Uint8Array): void;
  /**
   * The reply being read is complete and the next packet starts the reply to a command sent
   * earlier: its sequence ids start again at 1.
   */
  awaitNextReply(): void;
  /** Frames and writes a command byte followed by `text` in UTF-8 (COM_QUERY, COM_INIT_DB). */
  sendText(command: number, text: string): void;
  /**
   * Writes one payload shorter than 2^24−1 bytes with the next sequence id, without copying it:
   * the socket keeps the bytes until they are written, so the caller must not change them.
   */
  sendUncopied(payload: Uint8Array): void;
  /** Resolves when the socket's write buffer has drained. */
  drained(): Promise<void>;
  /** Stops (or restarts) reading the socket for a reason; reading resumes when no reason is left. */
  pauseReading(reason: string): void;
  resumeReading(reason: string): void;
}

/**
 * Takes whole row packets straight out of a socket chunk, frame headers and all, while a
 * command is reading rows: no view or header check per packet in JavaScript. Everything else
 * (and whatever the target leaves) still comes through `handle`.
 */
export interface RowRunTarget {
  /**
   * Takes the row packets framed in `chunk` from `at`, the first with id `sequence.next`, and
   * returns where they end (`at` for none), `sequence` advanced past them. It stops before
   * anything that is not a whole row packet (see accel-wasm's `scanRowPackets`).
   */
  acceptRows(chunk: Uint8Array, at: number, sequence: SequenceCounter): number;
}

/** A command as the pipeline sees it, whatever its result type. */
export interface PipelineCommand {
  readonly settled: boolean;
  start(context: CommandContext): void | Promise<void>;
  handle(payload: Uint8Array, context: CommandContext): void | Promise<void>;
  fail(error: unknown): void;
  /** Where runs of row packets go right now, if the command is reading rows. */
  rowRunTarget?(): RowRunTarget | undefined;
}

/**
 * One request/response exchange as an explicit state machine. The connection starts commands
 * one at a time from its FIFO and hands each incoming packet to the head command until it
 * settles. Throwing from `start` or `handle` is fatal to the connection (its byte stream is no
 * longer in a known state); errors the server reported in an ERR packet only settle the
 * command.
 */
export abstract class Command<T> implements PipelineCommand {
  readonly result: Promise<T>;
  private resolveResult!: (value: T) => void;
  private rejectResult!: (error: unknown) => void;
  private isSettled = false;

  constructor() {
    this.result = new Promise<T>((resolve, reject) => {
      this.resolveResult = resolve;
      this.rejectResult = reject;
    });
  }

  get settled(): boolean {
    return this.isSettled;
  }

  /** Sends the command's first packets; sequence ids were reset to 0 just before. */
  abstract start(context: CommandContext): void | Promise<void>;

  /** Handles one incoming packet payload. */
  abstract handle(payload: Uint8Array, context: CommandContext): void | Promise<void>;

  protected finish(value: T): void {
    if (this.isSettled) return;
    this.isSettled = true;
    this.resolveResult(value);
  }

  /** Settles the command with an error (a server ERR, or the connection failing). */
  fail(error: unknown): void {
    if (this.isSettled) return;
    this.isSettled = true;
    // The connection and its callers always observe the result; this keeps a command failed
    // by a dying connection before anyone awaited it from becoming an unhandled rejection.
    // Attached only here, so a command that succeeds costs no promise reaction for it.
    this.result.catch(() => undefined);
    this.rejectResult(error);
  }
}

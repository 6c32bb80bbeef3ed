import { InterfaceError } from '@s2/core-cursor';
import type { ColumnDefinition } from '../packets/column-definition.js';
import { parseEofPacket } from '../packets/eof-packet.js';
import { errorFromErrPacket, isErrPacket } from '../packets/err-packet.js';
import { isEofPacket, isOkPacket, parseOkPacket } from '../packets/ok-packet.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';
import { PacketReader } from '../protocol/packet-reader.js';
import {
  ClientErrno,
  CommandByte,
  PacketHeader,
  ServerStatus,
} from '../protocol/protocol-constants.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { Command, type CommandContext, type RowRunTarget } from './command.js';
import type { ResultSink } from './result-sink.js';

/** Answers a LOCAL INFILE request: sends the data packets and the empty end packet. */
export type InfileResponder = (fileName: string, context: CommandContext) => Promise<void>;

type QueryState = 'result-header' | 'column-definitions' | 'column-eof' | 'rows' | 'infile-reply';

const NO_INFILE_ERROR = (): InterfaceError =>
  new InterfaceError('The server asked for a LOCAL INFILE, but localInfile is not enabled', {
    errno: ClientErrno.LOCAL_INFILE_REFUSED,
  });

/**
 * COM_QUERY and everything it returns (wire-protocol.md §11.6, §16, §17):
 * result-header → (OK | ERR | LOCAL INFILE request → infile-reply | column count →
 * column-definitions → column-eof → rows → EOF) and, while SERVER_MORE_RESULTS_EXISTS is set,
 * back to result-header.
 */
export class QueryCommand extends Command<void> implements RowRunTarget {
  private state: QueryState = 'result-header';
  private columnCount = 0;
  private definitions: ColumnDefinition[] = [];
  /**
   * An error of our own (a refused infile, rows the decoder cannot read), reported once the
   * server has finished answering so the connection stays in sync.
   */
  private pendingError: unknown;

  constructor(
    readonly sql: string,
    private readonly sink: ResultSink,
    private readonly infile: InfileResponder | undefined,
  ) {
    super();
  }

  start(context: CommandContext): void {
    context.sendText(CommandByte.QUERY, this.sql);
  }

  rowRunTarget(): RowRunTarget | undefined {
    return this.state === 'rows' && this.pendingError === undefined ? this : undefined;
  }

  acceptRows(chunk: Uint8Array, at: number, sequence: SequenceCounter): number {
    const first = sequence.next;
    try {
      return this.sink.packets(chunk, at, sequence);
    } catch (error) {
      // The rows go round again one by one, to be skipped and their ids checked as any packet.
      this.pendingError = error;
      sequence.next = first;
      return at;
    }
  }

  override fail(error: unknown): void {
    if (this.settled) return;
    this.sink.failed(error);
    super.fail(error);
  }

  handle(payload: Uint8Array, context: CommandContext): void | Promise<void> {
    switch (this.state) {
      case 'rows':
        if (isEofPacket(payload)) {
          const eof = parseEofPacket(payload);
          this.resultEnd(context, {
            affectedRows: 0n,
            lastInsertId: 0n,
            warnings: eof.warnings,
            status: eof.status,
            info: '',
          });
        } else if (isErrPacket(payload)) {
          this.fail(errorFromErrPacket(payload));
        } else if (this.pendingError === undefined) {
          // The hottest line of the package: no closure per row, unlike deliver().
          try {
            this.sink.row(payload);
          } catch (error) {
            this.pendingError = error;
          }
        }
        return;
      case 'column-definitions':
        this.definitions.push(context.columnDefinitions.read(this.definitions.length, payload));
        if (this.definitions.length === this.columnCount) this.state = 'column-eof';
        return;
      case 'column-eof': {
        if (!isEofPacket(payload)) throw outOfSync('expected EOF after the column definitions');
        const columns = context.columnDefinitions.complete(this.definitions);
        this.deliver(() => this.sink.columns(columns));
        this.state = 'rows';
        return;
      }
      default:
        return this.resultHeader(payload, context);
    }
  }

  private resultHeader(payload: Uint8Array, context: CommandContext): void | Promise<void> {
    if (isErrPacket(payload)) {
      this.fail(this.pendingError ?? errorFromErrPacket(payload));
      return;
    }
    if (isOkPacket(payload)) {
      const ok = parseOkPacket(payload);
      if (this.pendingError !== undefined) {
        context.serverStatus = ok.status;
        this.fail(this.pendingError);
        return;
      }
      this.resultEnd(context, ok);
      return;
    }
    if (this.state === 'infile-reply')
      throw outOfSync('expected OK or ERR after LOCAL INFILE data');
    if (payload[0] === PacketHeader.LOCAL_INFILE) {
      return this.answerInfile(new TextDecoder().decode(payload.subarray(1)), context);
    }
    this.columnCount = new PacketReader(payload, 'column count').lengthEncoded();
    if (this.columnCount === 0) throw outOfSync('a result set with no columns');
    this.definitions = [];
    this.state = 'column-definitions';
  }

  private async answerInfile(fileName: string, context: CommandContext): Promise<void> {
    this.state = 'infile-reply';
    if (this.infile === undefined) {
      // python-sdk-quirks.md #39: end the exchange properly so the connection stays in sync.
      context.send(new Uint8Array(0));
      this.pendingError = NO_INFILE_ERROR();
      return;
    }
    try {
      await this.infile(fileName, context);
    } catch (error) {
      this.pendingError = error;
    }
  }

  /** Hands something to the sink; after the sink failed once, the rest is only read. */
  private deliver(action: () => void): void {
    if (this.pendingError !== undefined) return;
    try {
      action();
    } catch (error) {
      this.pendingError = error;
    }
  }

  private resultEnd(
    context: CommandContext,
    summary: Parameters<ResultSink['resultEnd']>[0],
  ): void {
    context.serverStatus = summary.status;
    const last = (summary.status & ServerStatus.MORE_RESULTS_EXISTS) === 0;
    this.state = 'result-header';
    this.deliver(() => this.sink.resultEnd(summary, last));
    if (!last) return;
    if (this.pendingError === undefined) this.finish();
    else this.fail(this.pendingError);
  }
}

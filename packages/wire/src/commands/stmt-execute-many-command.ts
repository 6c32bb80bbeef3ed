import { errorAtRow, ProgrammingError } from '@s2/core-cursor';
import { isErrPacket } from '../packets/err-packet.js';
import { isOkPacket } from '../packets/ok-packet.js';
import { stmtExecuteLength, stmtExecutePacket } from '../packets/stmt-execute.js';
import { stmtResetPacket } from '../packets/stmt-reset.js';
import { stmtSendLongDataPacket } from '../packets/stmt-send-long-data.js';
import type { ExecuteParams } from '../prepared/long-data.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { Command, type CommandContext, type RowRunTarget } from './command.js';
import { QueryCommand } from './query-command.js';
import { ReplyCounter } from './reply-counter.js';
import type { StmtPrepareCommand } from './stmt-prepare-command.js';

/**
 * Bytes of COM_STMT_EXECUTE (and long data) written ahead of the replies read. Enough to keep
 * the server busy for thousands of small rows per round trip, while the bytes held in the
 * socket's buffer stay bounded however many rows there are, and so do the rows a failure
 * cannot stop (those already sent after it).
 */
export const PIPELINED_EXECUTE_BYTES = 64 * 1024;

/** The parameters of row `row`; throws (e.g. ProgrammingError) for a row that cannot be bound. */
export type RowBinder = (row: number) => ExecuteParams;

/**
 * COM_STMT_EXECUTE of one prepared statement for many rows, pipelined: executes are written
 * while up to `PIPELINED_EXECUTE_BYTES` of them are unanswered, and their replies, each
 * exactly what a single execute gets, are read in order with QueryCommand's state machine.
 * Resolves to the summed counts. The first failing row (a server ERR, or a row that cannot be
 * bound) stops further sends; the replies to executes already sent are still read, so the
 * connection stays in sync, COM_STMT_RESET follows when a failed row carried long data (see
 * StmtExecuteCommand), and then the command fails with that row's error (`errorAtRow`).
 */
export class StmtExecuteManyCommand extends Command<number> {
  private sent = 0;
  /** Bytes of each sent and unanswered row, oldest first. */
  private readonly unanswered: number[] = [];
  /** Sent and unanswered rows that carried long data. */
  private readonly withLongData = new Set<number>();
  /** Whether a row that carried long data failed: COM_STMT_RESET goes before settling. */
  private resetNeeded = false;
  private resetSent = false;
  private unansweredBytes = 0;
  private reply: QueryCommand | undefined;
  private readonly counter = new ReplyCounter();
  private total = 0;
  private failure: { readonly row: number; readonly error: unknown } | undefined;
  /** Set by a stop (signal or timeout): no further row is sent. */
  private stopped = false;

  constructor(
    private readonly prepare: StmtPrepareCommand,
    private readonly rowCount: number,
    private readonly bind: RowBinder,
  ) {
    super();
  }

  start(context: CommandContext): void {
    if (this.prepare.statement === undefined) {
      this.fail(this.prepare.error?.value ?? outOfSync('the statement was not prepared'));
      return;
    }
    this.sendAheadAndRead(context);
  }

  /** Sends no further row; the replies to those already sent are still read. */
  stopSending(): void {
    this.stopped = true;
  }

  rowRunTarget(): RowRunTarget | undefined {
    return this.reply?.rowRunTarget();
  }

  handle(payload: Uint8Array, context: CommandContext): void {
    if (this.resetSent) {
      if (!isOkPacket(payload) && !isErrPacket(payload)) {
        throw outOfSync('expected OK or ERR after COM_STMT_RESET');
      }
      this.settle(context);
      return;
    }
    const reply = this.reply;
    if (reply === undefined) throw outOfSync('a packet arrived after the last reply');
    if (reply.handle(payload, context) instanceof Promise) {
      throw outOfSync('a LOCAL INFILE request answered a prepared statement');
    }
    if (!reply.settled) return;
    const row = this.sent - this.unanswered.length;
    this.unansweredBytes -= this.unanswered.shift()!;
    const longData = this.withLongData.delete(row);
    if (this.counter.error === undefined) {
      this.total += this.counter.counted;
    } else {
      this.failure ??= { row, error: this.counter.error };
      if (longData) this.resetNeeded = true;
    }
    this.sendAheadAndRead(context);
  }

  /** Sends what the bound allows, then reads the next reply, or settles when none is left. */
  private sendAheadAndRead(context: CommandContext): void {
    this.sendAhead(context);
    if (this.unanswered.length === 0) {
      this.settle(context);
      return;
    }
    context.awaitNextReply();
    this.nextReply();
  }

  /** Writes the next rows' executes until the bytes in flight reach the bound. */
  private sendAhead(context: CommandContext): void {
    const statement = this.prepare.statement!;
    while (
      this.failure === undefined &&
      !this.stopped &&
      this.sent < this.rowCount &&
      (this.unanswered.length === 0 || this.unansweredBytes < PIPELINED_EXECUTE_BYTES)
    ) {
      const row = this.sent;
      let params: ExecuteParams;
      try {
        params = this.bind(row);
        if (params.inline.count !== statement.params.length) {
          throw new ProgrammingError(
            `The prepared statement takes ${statement.params.length} parameter(s) but ` +
              `${params.inline.count} were given`,
          );
        }
      } catch (error) {
        this.failure = { row, error };
        return;
      }
      let bytes = stmtExecuteLength(params.inline);
      for (const chunk of params.longData) {
        context.sendCommand(
          stmtSendLongDataPacket(statement.statementId, chunk.parameter, chunk.data),
        );
        bytes += chunk.data.length;
      }
      if (params.longData.length > 0) this.withLongData.add(row);
      context.sendCommand(stmtExecutePacket(statement.statementId, params.inline));
      this.unanswered.push(bytes);
      this.unansweredBytes += bytes;
      this.sent += 1;
    }
  }

  private nextReply(): void {
    this.counter.begin();
    this.reply = new QueryCommand(this.prepare.sql, this.counter, undefined);
  }

  /**
   * Ends the command once every reply is read: first, when a row that carried long data
   * failed, with COM_STMT_RESET (see StmtExecuteCommand) and its reply.
   */
  private settle(context: CommandContext): void {
    this.reply = undefined;
    if (this.resetNeeded && !this.resetSent) {
      this.resetSent = true;
      context.sendCommand(stmtResetPacket(this.prepare.statement!.statementId));
      context.awaitNextReply();
      return;
    }
    if (this.failure === undefined) this.finish(this.total);
    else this.fail(errorAtRow(this.failure.error, this.failure.row));
  }
}

import { ProgrammingError } from '@s2/core-cursor';
import { isErrPacket } from '../packets/err-packet.js';
import { isOkPacket } from '../packets/ok-packet.js';
import { stmtExecutePacket } from '../packets/stmt-execute.js';
import { stmtResetPacket } from '../packets/stmt-reset.js';
import { stmtSendLongDataPacket } from '../packets/stmt-send-long-data.js';
import type { ExecuteParams } from '../prepared/long-data.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { BinaryResultSink } from '../rows/binary-result-sink.js';
import type { CommandContext, RowRunTarget } from './command.js';
import { QueryCommand } from './query-command.js';
import type { ResultSink } from './result-sink.js';
import type { StmtPrepareCommand } from './stmt-prepare-command.js';

/**
 * COM_STMT_EXECUTE of a statement prepared by a command ahead of it in the FIFO. The server
 * answers exactly as it does COM_QUERY (OK, ERR, or result sets, several for a CALL), except
 * that rows are in the binary encoding; so this is QueryCommand's state machine with a sink
 * that rewrites binary rows as text rows, and a different first packet. LOCAL INFILE cannot be
 * prepared, so there is no infile responder.
 *
 * Values too large for the execute packet go first as COM_STMT_SEND_LONG_DATA, from this
 * command's start: the server answers none of them, and sending them only once the execute is
 * sure to follow means no value is ever left behind on the server for another execute to use.
 * When such an execute fails, the server may still hold its long data, or the error of a
 * chunk, which it would report to every later execute of the statement; so the command sends
 * COM_STMT_RESET and reads its reply before it fails with the execute's error.
 */
export class StmtExecuteCommand extends QueryCommand {
  /** While the command waits for COM_STMT_RESET's reply: the execute's error. */
  private failedExecute: { readonly error: unknown } | undefined;
  /** The context while a reply packet is handled, so that `fail` can send the reset. */
  private replyContext: CommandContext | undefined;

  constructor(
    private readonly prepare: StmtPrepareCommand,
    private readonly params: ExecuteParams,
    sink: ResultSink,
  ) {
    super(prepare.sql, new BinaryResultSink(sink), undefined);
  }

  override start(context: CommandContext): void {
    const statement = this.prepare.statement;
    if (statement === undefined) {
      // The prepare failed (it settled before this command could start): report why.
      this.fail(this.prepare.error?.value ?? outOfSync('the statement was not prepared'));
      return;
    }
    const { inline, longData } = this.params;
    if (statement.params.length !== inline.count) {
      this.fail(
        new ProgrammingError(
          `The prepared statement takes ${statement.params.length} parameter(s) but ` +
            `${inline.count} were given`,
        ),
      );
      return;
    }
    for (const chunk of longData) {
      context.sendCommand(
        stmtSendLongDataPacket(statement.statementId, chunk.parameter, chunk.data),
      );
    }
    context.send(stmtExecutePacket(statement.statementId, inline));
  }

  override rowRunTarget(): RowRunTarget | undefined {
    return this.failedExecute === undefined ? super.rowRunTarget() : undefined;
  }

  override handle(payload: Uint8Array, context: CommandContext): void | Promise<void> {
    if (this.failedExecute !== undefined) {
      if (!isOkPacket(payload) && !isErrPacket(payload)) {
        throw outOfSync('expected OK or ERR after COM_STMT_RESET');
      }
      // An ERR here (the statement is unknown) leaves nothing to reset; the execute's error stands.
      super.fail(this.failedExecute.error);
      return;
    }
    this.replyContext = context;
    try {
      return super.handle(payload, context);
    } finally {
      this.replyContext = undefined;
    }
  }

  override fail(error: unknown): void {
    const context = this.replyContext;
    const statement = this.prepare.statement;
    if (context === undefined || statement === undefined || this.params.longData.length === 0) {
      super.fail(error);
      return;
    }
    this.replyContext = undefined;
    this.failedExecute = { error };
    context.sendCommand(stmtResetPacket(statement.statementId));
    context.awaitNextReply();
  }
}

import { stmtClosePacket } from '../packets/stmt-close.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { Command, type CommandContext } from './command.js';
import type { StmtPrepareCommand } from './stmt-prepare-command.js';

/**
 * COM_STMT_CLOSE for a statement evicted from the cache. The server sends no reply, so the
 * command is done once sent; a statement whose prepare failed has nothing to close.
 */
export class StmtCloseCommand extends Command<void> {
  constructor(private readonly prepare: StmtPrepareCommand) {
    super();
  }

  start(context: CommandContext): void {
    const statement = this.prepare.statement;
    if (statement !== undefined) context.send(stmtClosePacket(statement.statementId));
    this.finish();
  }

  handle(): void {
    throw outOfSync('COM_STMT_CLOSE has no reply');
  }
}

import { type ColumnDefinition, parseColumnDefinition } from '../packets/column-definition.js';
import { errorFromErrPacket, isErrPacket } from '../packets/err-packet.js';
import { isEofPacket } from '../packets/ok-packet.js';
import { parseStmtPrepareOk } from '../packets/stmt-prepare-ok.js';
import { CommandByte } from '../protocol/protocol-constants.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { Command, type CommandContext } from './command.js';

/** A statement the server prepared: its id and what its execution takes and returns. */
export interface PreparedStatement {
  readonly sql: string;
  readonly statementId: number;
  /** One definition per `?` (servers describe most as VAR_STRING). */
  readonly params: readonly ColumnDefinition[];
  /** The result set's columns, when the statement returns one. */
  readonly columns: readonly ColumnDefinition[];
  readonly warnings: number;
}

type PrepareState = 'prepare-ok' | 'params' | 'params-eof' | 'columns' | 'columns-eof';

/**
 * COM_STMT_PREPARE: prepare-ok → (ERR | COM_STMT_PREPARE_OK → params → params-eof → columns →
 * columns-eof). Each list of definitions is there only when its count is not 0, and ends with
 * an EOF packet: like COM_QUERY's, because the client never asks for CLIENT_DEPRECATE_EOF.
 *
 * The command doubles as the handle that executes queued behind it read: by the time one of
 * them starts, this command has settled, with `statement` or `error` set.
 */
export class StmtPrepareCommand extends Command<PreparedStatement> {
  private state: PrepareState = 'prepare-ok';
  private statementId = 0;
  private paramCount = 0;
  private columnCount = 0;
  private warnings = 0;
  private readonly params: ColumnDefinition[] = [];
  private readonly columns: ColumnDefinition[] = [];
  private prepared: PreparedStatement | undefined;
  private failure: { value: unknown } | undefined;

  constructor(readonly sql: string) {
    super();
  }

  /** The prepared statement, once the server accepted it. */
  get statement(): PreparedStatement | undefined {
    return this.prepared;
  }

  /** Why preparing failed (the server's ERR, or the connection failing), once it did. */
  get error(): { value: unknown } | undefined {
    return this.failure;
  }

  start(context: CommandContext): void {
    context.sendText(CommandByte.STMT_PREPARE, this.sql);
  }

  override fail(error: unknown): void {
    if (this.settled) return;
    this.failure = { value: error };
    super.fail(error);
  }

  handle(payload: Uint8Array): void {
    switch (this.state) {
      case 'prepare-ok': {
        if (isErrPacket(payload)) {
          this.fail(errorFromErrPacket(payload));
          return;
        }
        const ok = parseStmtPrepareOk(payload);
        this.statementId = ok.statementId;
        this.paramCount = ok.paramCount;
        this.columnCount = ok.columnCount;
        this.warnings = ok.warnings;
        this.state = 'params';
        break;
      }
      case 'params':
        this.params.push(parseColumnDefinition(payload));
        break;
      case 'columns':
        this.columns.push(parseColumnDefinition(payload));
        break;
      default:
        if (!isEofPacket(payload)) throw outOfSync('expected EOF after the definitions');
        if (this.state === 'columns-eof') {
          this.done();
          return;
        }
        this.state = 'columns';
    }
    this.advance();
  }

  /** Moves past every list that is complete (or empty), finishing after the last one. */
  private advance(): void {
    if (this.state === 'params' && this.params.length === this.paramCount) {
      this.state = this.paramCount > 0 ? 'params-eof' : 'columns';
    }
    if (this.state === 'columns' && this.columns.length === this.columnCount) {
      if (this.columnCount > 0) this.state = 'columns-eof';
      else this.done();
    }
  }

  private done(): void {
    this.prepared = {
      sql: this.sql,
      statementId: this.statementId,
      params: this.params,
      columns: this.columns,
      warnings: this.warnings,
    };
    this.finish(this.prepared);
  }
}

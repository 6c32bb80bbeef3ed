import { CommandByte } from '../protocol/protocol-constants.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { Command, type CommandContext, type RowRunTarget } from './command.js';
import { QueryCommand } from './query-command.js';
import { ReplyCounter } from './reply-counter.js';

const encoder = new TextEncoder();

function comQuery(sql: string): Uint8Array {
  const text = encoder.encode(sql);
  const payload = new Uint8Array(1 + text.length);
  payload[0] = CommandByte.QUERY;
  payload.set(text, 1);
  return payload;
}

/**
 * COM_QUERY of several statements written at once, their replies then read in order with
 * QueryCommand's state machine: one round trip where running them one by one takes one each,
 * which against a remote server is most of a connect. For statements whose results are not
 * wanted, such as the session setup. Every statement is sent before any reply is read, so an
 * ERR does not stop the ones after it; resolves to each statement's error (undefined for
 * success), in order. A broken connection fails the command.
 */
export class PipelinedQueriesCommand extends Command<unknown[]> {
  /** Each answered statement's error, undefined for success. */
  private readonly errors: unknown[] = [];
  private readonly outcome = new ReplyCounter();
  private reply: QueryCommand | undefined;

  constructor(private readonly statements: readonly string[]) {
    super();
  }

  start(context: CommandContext): void {
    for (const sql of this.statements) context.sendCommand(comQuery(sql));
    this.nextReply(context);
  }

  rowRunTarget(): RowRunTarget | undefined {
    return this.reply?.rowRunTarget();
  }

  handle(payload: Uint8Array, context: CommandContext): void {
    const reply = this.reply;
    if (reply === undefined) throw outOfSync('a packet arrived after the last reply');
    if (reply.handle(payload, context) instanceof Promise) {
      throw outOfSync('a LOCAL INFILE request answered a pipelined statement');
    }
    if (!reply.settled) return;
    this.errors.push(this.outcome.error);
    this.nextReply(context);
  }

  private nextReply(context: CommandContext): void {
    const sql = this.statements[this.errors.length];
    if (sql === undefined) {
      this.reply = undefined;
      this.finish(this.errors);
      return;
    }
    context.awaitNextReply();
    this.outcome.begin();
    this.reply = new QueryCommand(sql, this.outcome, undefined);
  }
}

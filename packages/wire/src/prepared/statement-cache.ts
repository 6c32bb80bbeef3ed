import type { Command } from '../commands/command.js';
import { StmtCloseCommand } from '../commands/stmt-close-command.js';
import { StmtPrepareCommand } from '../commands/stmt-prepare-command.js';

/** Statements kept prepared per connection unless `preparedStatementCacheSize` says otherwise. */
export const DEFAULT_PREPARED_STATEMENT_CACHE_SIZE = 256;

/**
 * One connection's prepared statements by SQL text, least recently used first. A statement
 * not in the cache is prepared by enqueueing COM_STMT_PREPARE at once, so an execute enqueued
 * right after it (in the same synchronous step) runs once the prepare is done, without waiting
 * a round trip in between. An evicted statement is closed with COM_STMT_CLOSE enqueued behind
 * every execute already queued for it, which is why the newest entry is never evicted. A
 * failed prepare leaves the cache.
 */
export class StatementCache {
  private readonly entries = new Map<string, StmtPrepareCommand>();

  constructor(
    private readonly capacity: number,
    private readonly enqueue: <T>(command: Command<T>) => void,
  ) {}

  /** Statements cached (including ones still being prepared). */
  get size(): number {
    return this.entries.size;
  }

  /** The prepare command of `sql`: the cached one, or a new one already enqueued. */
  acquire(sql: string): StmtPrepareCommand {
    const cached = this.entries.get(sql);
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting makes the entry the most recently used.
      this.entries.delete(sql);
      this.entries.set(sql, cached);
      return cached;
    }
    const prepare = new StmtPrepareCommand(sql);
    this.entries.set(sql, prepare);
    prepare.result.catch(() => {
      if (this.entries.get(sql) === prepare) this.entries.delete(sql);
    });
    this.enqueue(prepare);
    while (this.entries.size > this.capacity) {
      const [oldest, evicted] = this.entries.entries().next().value as [string, StmtPrepareCommand];
      this.entries.delete(oldest);
      this.enqueue(new StmtCloseCommand(evicted));
    }
    return prepare;
  }

  /**
   * Forgets every statement without closing it: after COM_RESET_CONNECTION the server has
   * already dropped them. Executes queued before the reset keep the statements they hold.
   */
  clear(): void {
    this.entries.clear();
  }

  /**
   * Forgets every statement and closes it on the server, behind the executes already queued
   * for it: used before the current database changes, after which the server would still
   * resolve the statements' names in the old one.
   */
  invalidate(): void {
    for (const prepare of this.entries.values()) this.enqueue(new StmtCloseCommand(prepare));
    this.entries.clear();
  }
}

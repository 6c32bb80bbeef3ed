import type { DataApiStatement } from '@s2/core-cursor';

const MAX_PENDING = 64;

/**
 * Hands a statement's `{ sql, args }` form from the connection's interpolator to the
 * transport. core-cursor passes transports only the fully inlined SQL, so the interpolator
 * files the args form under that exact text and the transport takes it back out; both texts
 * mean the same statement, so a miss (or an evicted entry) just sends the inlined SQL.
 */
export class PendingArgs {
  private readonly statements = new Map<string, DataApiStatement>();

  remember(inlined: string, statement: DataApiStatement): void {
    this.statements.delete(inlined);
    this.statements.set(inlined, statement);
    if (this.statements.size > MAX_PENDING) {
      const oldest = this.statements.keys().next().value;
      if (oldest !== undefined) this.statements.delete(oldest);
    }
  }

  take(inlined: string): DataApiStatement | undefined {
    const statement = this.statements.get(inlined);
    this.statements.delete(inlined);
    return statement;
  }
}

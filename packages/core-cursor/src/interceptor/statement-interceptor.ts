import type { StatementParams } from '../cursor/interpolate.js';
import type { StatementResult } from '../cursor/transport.js';

/** A statement offered to the interceptors before it is sent. */
export interface InterceptedStatement {
  /** The SQL as the caller wrote it, before parameters are inlined (quirk 121). */
  readonly sql: string;
  /** The parameters as given, if any. */
  readonly params: StatementParams | undefined;
  /** The SQL with the parameters inlined as escaped literals (the text the server would get). */
  interpolatedSql(): string;
}

/**
 * A hook that may answer a statement locally: it returns the statement's results (built with
 * `ColumnBatchBuilder`, buffered) to answer it, or undefined to let it through to the server.
 * `@s2/fusion` installs one for client-side Fusion SQL commands.
 */
export type StatementInterceptor = (
  statement: InterceptedStatement,
) => readonly StatementResult[] | undefined | Promise<readonly StatementResult[] | undefined>;

/** An ordered set of interceptors; the first that answers wins. */
export class InterceptorChain {
  private readonly interceptors: StatementInterceptor[] = [];

  /** True when no interceptor is installed, so statements can skip the chain. */
  get isEmpty(): boolean {
    return this.interceptors.length === 0;
  }

  /** Adds an interceptor after the existing ones; returns a function that removes it. */
  add(interceptor: StatementInterceptor): () => void {
    this.interceptors.push(interceptor);
    return () => {
      const index = this.interceptors.indexOf(interceptor);
      if (index >= 0) this.interceptors.splice(index, 1);
    };
  }

  /** The first answer of an interceptor, or undefined when none answers. */
  async intercept(
    statement: InterceptedStatement,
  ): Promise<readonly StatementResult[] | undefined> {
    for (const interceptor of [...this.interceptors]) {
      const results = await interceptor(statement);
      if (results !== undefined) return results;
    }
    return undefined;
  }
}

const processInterceptors = new InterceptorChain();

/**
 * Installs an interceptor for every connection of the process, consulted after each
 * connection's own ones; returns a function that removes it.
 */
export function registerStatementInterceptor(interceptor: StatementInterceptor): () => void {
  return processInterceptors.add(interceptor);
}

/** The process-wide chain behind {@link registerStatementInterceptor}. */
export function processInterceptorChain(): InterceptorChain {
  return processInterceptors;
}

import type { ExecuteRequest, StatementResult, Transport } from '@s2/core-cursor';
import type { ProtocolConnection } from '../connection/protocol-connection.js';
import { bufferedResult, streamedResults } from './statement-results.js';

/** core-cursor's Transport over one protocol connection. */
export class WireTransport implements Transport {
  constructor(readonly connection: ProtocolConnection) {}

  execute(request: ExecuteRequest): AsyncIterable<StatementResult> {
    const options = {
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(request.infileStream === undefined ? {} : { infileStream: request.infileStream }),
    };
    if (!request.buffered) {
      return streamedResults(this.connection.stream(request.sql, options)[Symbol.asyncIterator]());
    }
    // A plain iterator over the finished results, not an async generator: every statement
    // passes through here, and a generator costs several promise hops per result.
    // As with a generator, the query starts at the first next().
    let pending: StatementResult[] | undefined;
    const iterator: AsyncIterableIterator<StatementResult> = {
      next: async () => {
        pending ??= (await this.connection.query(request.sql, options)).map(bufferedResult);
        const value = pending.shift();
        return value === undefined ? { done: true, value: undefined } : { done: false, value };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  ping(): Promise<void> {
    return this.connection.ping();
  }

  isConnected(): boolean {
    return this.connection.isConnected();
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  get autocommit(): boolean {
    return this.connection.autocommit;
  }

  /** Sends SET AUTOCOMMIT only when the server's mode differs (wire-protocol.md §10). */
  async setAutocommit(on: boolean): Promise<void> {
    if (this.connection.autocommit !== on)
      await this.connection.query(`SET AUTOCOMMIT = ${on ? 1 : 0}`);
  }
}

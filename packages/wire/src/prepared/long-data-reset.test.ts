import { useTestDatabase } from '@s2/test-server';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Command, type CommandContext } from '../commands/command.js';
import type { CommandPipeline } from '../connection/command-pipeline.js';
import { connect, openConnection, type ProtocolConnection } from '../index.js';
import { stmtSendLongDataPacket } from '../packets/stmt-send-long-data.js';
import type { StatementCache } from './statement-cache.js';

const database = useTestDatabase();
/** Small enough that one of two 10 000-byte values goes ahead of its execute as long data. */
const MAX_ALLOWED_PACKET = 16_384;
const INSERT = 'INSERT INTO kept VALUES (?, CONCAT(?, ?))';
const HALF = 'L'.repeat(10_000);
let connection: ProtocolConnection;

beforeAll(async () => {
  await using admin = await openConnection(database.url);
  await admin.query('CREATE TABLE kept (id INT PRIMARY KEY, v LONGTEXT)');
});
beforeEach(async () => {
  connection = await openConnection({ url: database.url, maxAllowedPacket: MAX_ALLOWED_PACKET });
  await connection.query('TRUNCATE TABLE kept');
});
afterEach(async () => {
  await connection.close();
});

async function resets(): Promise<number> {
  const [result] = await connection.query("SHOW SESSION STATUS LIKE 'Com_stmt_reset'");
  return Number(result?.rows()[0]?.[1]);
}

async function stored(): Promise<unknown[][]> {
  const [result] = await connection.query('SELECT id, LEFT(v, 5), LENGTH(v) FROM kept ORDER BY id');
  return result?.rows() ?? [];
}

/** A COM_STMT_SEND_LONG_DATA the server refuses (parameter 7 of a 3-parameter statement). */
class RefusedChunk extends Command<void> {
  constructor(private readonly statementId: number) {
    super();
  }

  start(context: CommandContext): void {
    context.sendCommand(stmtSendLongDataPacket(this.statementId, 7, Uint8Array.of(65)));
    this.finish();
  }

  handle(): void {
    throw new Error('COM_STMT_SEND_LONG_DATA has no reply');
  }
}

/**
 * Leaves `INSERT` prepared on the server in the state a refused chunk of its long data leaves
 * it in: every execute reports 1210 until COM_STMT_RESET (MariaDB and MySQL alike).
 */
async function poisonInsert(on: ProtocolConnection = connection): Promise<void> {
  await on.queryPrepared(INSERT, [0, 'prepared', '']);
  const statements = Reflect.get(on, 'statements') as StatementCache;
  const pipeline = Reflect.get(on, 'pipeline') as CommandPipeline;
  const statementId = statements.acquire(INSERT).statement!.statementId;
  await pipeline.enqueue(new RefusedChunk(statementId));
}

describe('COM_STMT_RESET after an execute with long data failed', () => {
  it('a duplicate key after long data leaves nothing for the next execute', async () => {
    await connection.queryPrepared(INSERT, [1, 'first', '']);
    const before = await resets();
    await expect(connection.queryPrepared(INSERT, [1, HALF, HALF])).rejects.toMatchObject({
      errno: 1062,
    });
    expect(await resets()).toBe(before + 1);
    await connection.queryPrepared(INSERT, [2, 'short', '']);
    expect(await stored()).toEqual([
      [1, 'first', 5],
      [2, 'short', 5],
    ]);
  });

  it('clears the error a refused chunk left, which every execute would report', async () => {
    await poisonInsert();
    await expect(connection.queryPrepared(INSERT, [1, HALF, HALF])).rejects.toMatchObject({
      errno: 1210,
    });
    await connection.queryPrepared(INSERT, [2, 'short', '']);
    await connection.queryPrepared(INSERT, [3, HALF, HALF]);
    expect(await stored()).toEqual([
      [0, 'prepa', 8],
      [2, 'short', 5],
      [3, 'LLLLL', 20_000],
    ]);
  });

  it('is not sent after a failed execute that carried no long data', async () => {
    await connection.queryPrepared(INSERT, [1, 'first', '']);
    const before = await resets();
    await expect(connection.queryPrepared(INSERT, [1, 'again', ''])).rejects.toMatchObject({
      errno: 1062,
    });
    expect(await resets()).toBe(before);
  });

  it('follows a pipelined executeMany whose rows with long data failed', async () => {
    await using wire = await connect({ url: database.url, maxAllowedPacket: MAX_ALLOWED_PACKET });
    await poisonInsert(wire.protocol);
    await using cursor = wire.cursor();
    const rows = [1, 2, 3].map((id) => [id, HALF, HALF]);
    await expect(cursor.executeMany(INSERT, rows, { prepare: true })).rejects.toThrow(
      /^1210 \(HY000\): executeMany rows\[0\]: /,
    );
    await cursor.executeMany(
      INSERT,
      [
        [4, 'short', ''],
        [5, HALF, HALF],
        [6, 'x', ''],
      ],
      { prepare: true },
    );
    expect(cursor.rowCount).toBe(3);
    expect(await stored()).toEqual([
      [0, 'prepa', 8],
      [4, 'short', 5],
      [5, 'LLLLL', 20_000],
      [6, 'x', 1],
    ]);
  });
});

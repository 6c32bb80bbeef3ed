import { describe, expect, it } from 'vitest';
import { PacketWriter } from '../protocol/packet-writer.js';
import { ColumnType, CommandByte } from '../protocol/protocol-constants.js';
import { columnPacket, eofPacket, errPacket } from '../test-support/scripted-server.js';
import type { CommandContext } from './command.js';
import { StmtPrepareCommand } from './stmt-prepare-command.js';

/*
 * The prepare reply's state machine, fed packet by packet: the orders a well-behaved server
 * sends (checked end to end against MariaDB in the prepared/ tests) and the ones it must refuse.
 */

function context(sent: Uint8Array[]): CommandContext {
  const fake: Partial<CommandContext> = {
    sendText: (command, text) => {
      sent.push(Uint8Array.of(command, ...new TextEncoder().encode(text)));
    },
  };
  return fake as CommandContext;
}

const prepareOk = (columns: number, params: number, warnings = 0): Uint8Array =>
  new PacketWriter().u8(0).u32(7).u16(columns).u16(params).u8(0).u16(warnings).finish();
const PARAM = columnPacket('?', ColumnType.VAR_STRING);
const COLUMN = columnPacket('a', ColumnType.LONGLONG);

async function prepare(packets: Uint8Array[]) {
  const sent: Uint8Array[] = [];
  const command = new StmtPrepareCommand('SELECT ?, ?');
  const commandContext = context(sent);
  command.start(commandContext);
  for (const packet of packets) {
    expect(command.settled).toBe(false);
    command.handle(packet);
  }
  expect(command.settled).toBe(true);
  return { sent, statement: await command.result };
}

describe('StmtPrepareCommand', () => {
  it('sends COM_STMT_PREPARE with the SQL text', async () => {
    const { sent } = await prepare([prepareOk(0, 0)]);
    expect(sent).toEqual([Uint8Array.of(CommandByte.STMT_PREPARE, ...Buffer.from('SELECT ?, ?'))]);
  });

  it('reads parameter and column definitions each ended by EOF', async () => {
    const { statement } = await prepare([
      prepareOk(1, 2, 3),
      PARAM,
      PARAM,
      eofPacket(),
      COLUMN,
      eofPacket(),
    ]);
    expect(statement).toMatchObject({ statementId: 7, warnings: 3 });
    expect(statement.params).toHaveLength(2);
    expect(statement.columns.map((column) => column.name)).toEqual(['a']);
  });

  it('expects no EOF for an empty list', async () => {
    const { statement } = await prepare([prepareOk(1, 0), COLUMN, eofPacket()]);
    expect(statement.params).toEqual([]);
  });

  it('settles with the server error of an ERR and remembers it', async () => {
    const command = new StmtPrepareCommand('SELEC');
    command.start(context([]));
    command.handle(errPacket(1064, '42000', 'syntax'));
    await expect(command.result).rejects.toMatchObject({ errno: 1064, sqlState: '42000' });
    expect(command.statement).toBeUndefined();
    expect(command.error?.value).toMatchObject({ errno: 1064 });
  });

  it('treats a missing EOF as the connection being out of sync', () => {
    const command = new StmtPrepareCommand('SELECT ?');
    command.start(context([]));
    command.handle(prepareOk(0, 1));
    command.handle(PARAM);
    expect(() => command.handle(COLUMN)).toThrow(/out of sync/);
  });
});

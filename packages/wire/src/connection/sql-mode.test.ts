import { useTestDatabase } from '@s2/test-server';
import { describe, expect, it } from 'vitest';
import { connect, openConnection } from '../index.js';
import type { ProtocolConnection } from './protocol-connection.js';

const database = useTestDatabase();

async function sessionMode(connection: ProtocolConnection): Promise<string[]> {
  const [result] = await connection.query('SELECT @@SESSION.sql_mode');
  return String(result?.rows()[0]?.[0]).split(',');
}

describe('sqlMode', () => {
  it('is set after login and again after COM_RESET_CONNECTION, and NO_BACKSLASH_ESCAPES is tracked', async () => {
    await using connection = await openConnection({
      url: database.url,
      sqlMode: 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES',
    });
    expect(await sessionMode(connection)).toEqual(['ANSI_QUOTES', 'NO_BACKSLASH_ESCAPES']);
    expect(connection.noBackslashEscapes).toBe(true);
    await connection.query('SET SESSION sql_mode = DEFAULT');
    expect(connection.noBackslashEscapes).toBe(false);
    await connection.query('SET @dropped = 1');
    await connection.resetSession();
    expect((await connection.query('SELECT @dropped'))[0]?.rows()).toEqual([[null]]);
    expect(await sessionMode(connection)).toEqual(['ANSI_QUOTES', 'NO_BACKSLASH_ESCAPES']);
    expect(connection.noBackslashEscapes).toBe(true);
  });

  it('an empty sqlMode clears every mode', async () => {
    await using connection = await openConnection({ url: database.url, sqlMode: '' });
    expect(await sessionMode(connection)).toEqual(['']);
  });

  it('comes from the URL, and parameters are then escaped by doubling quotes', async () => {
    await using connection = await connect(`${database.url}?sqlMode=NO_BACKSLASH_ESCAPES`);
    const text = "back\\slash 'quote' \\' end\\";
    expect(await connection.query('SELECT ?', [text])).toEqual([[text]]);
    expect(await connection.query('SELECT @@SESSION.sql_mode')).toEqual([['NO_BACKSLASH_ESCAPES']]);
  });

  it('goes to the server as one quoted literal, whatever it contains', async () => {
    const error = await openConnection({
      url: database.url,
      sqlMode: "ANSI' OR @@SESSION.autocommit := 0 OR '\\",
    }).catch((caught: unknown) => caught);
    // ER_WRONG_VALUE_FOR_VAR: the server saw the whole text as the value of sql_mode.
    expect(error).toMatchObject({ errno: 1231 });
    expect(String(error)).toContain("value of 'ANSI' OR @@SESSION.autocommit := 0 OR '\\'");
  });
});

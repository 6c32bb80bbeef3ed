import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection } from '../index.js';
import { mayChangeDatabase } from './database-change.js';

const first = useTestDatabase();
const second = useTestDatabase();
let connection: ProtocolConnection;

beforeAll(async () => {
  connection = await openConnection({ url: first.url, multiStatements: true });
  for (const database of [first, second]) {
    await connection.query(`CREATE TABLE \`${database.name}\`.owner (name VARCHAR(200))`);
    await connection.query(`INSERT INTO \`${database.name}\`.owner VALUES ('${database.name}')`);
  }
});
afterAll(async () => {
  await connection.close();
});

async function sessionCounter(name: string): Promise<number> {
  const [result] = await connection.query(`SHOW SESSION STATUS LIKE '${name}'`);
  return Number(result?.rows()[0]?.[1]);
}

/** The table `owner` of the database the prepared statement resolves it in. */
async function preparedOwner(): Promise<unknown> {
  const [result] = await connection.queryPrepared('SELECT name FROM owner WHERE ? = 1', [1]);
  return result?.rows()[0]?.[0];
}

describe('prepared statements when the current database changes', () => {
  it('a USE statement, however it is written, makes the same text read the new database', async () => {
    expect(await preparedOwner()).toBe(first.name);
    await connection.query(`USE \`${second.name}\``);
    expect(await preparedOwner()).toBe(second.name);
    const stream = connection.stream(`/* back */ -- to the first\n use \`${first.name}\``);
    for await (const _event of stream) {
      // A USE yields its OK only.
    }
    expect(await preparedOwner()).toBe(first.name);
    await connection.query(`SELECT 1; USE \`${second.name}\``);
    expect(await preparedOwner()).toBe(second.name);
  });

  it('selectDatabase (COM_INIT_DB) does the same, and the old statements are closed', async () => {
    await connection.selectDatabase(first.name);
    expect(await preparedOwner()).toBe(first.name);
    const closes = await sessionCounter('Com_stmt_close');
    await connection.selectDatabase(second.name);
    expect(await preparedOwner()).toBe(second.name);
    expect(await sessionCounter('Com_stmt_close')).toBe(closes + 1);
  });

  it('other text statements keep the statements prepared', async () => {
    await preparedOwner();
    const prepares = await sessionCounter('Com_stmt_prepare');
    await connection.query("SELECT 'USE x', 1 /* use */");
    await connection.query('SELECT 1 AS used');
    await preparedOwner();
    expect(await sessionCounter('Com_stmt_prepare')).toBe(prepares);
  });
});

describe('mayChangeDatabase', () => {
  it('finds USE as the first keyword, after whitespace, comments and executable comments', () => {
    for (const sql of [
      'USE a',
      'use`a`',
      ' \n\tUse a',
      '/* x */ USE a',
      '-- x\nUSE a',
      '# x\nuse a',
      '/*!40000 USE a */',
      '/*M!100000 use a */',
    ]) {
      expect(mayChangeDatabase(sql, false)).toBe(true);
    }
    for (const sql of [
      'SELECT 1',
      'USER()',
      "SELECT 'use a'",
      '--USE a',
      'SELECT 1; USE a',
      'users',
    ]) {
      expect(mayChangeDatabase(sql, false)).toBe(false);
    }
  });

  it('with multiStatements, also after a semicolon', () => {
    expect(mayChangeDatabase('SELECT 1; USE a', true)).toBe(true);
    expect(mayChangeDatabase('SELECT 1;\n/* c */ use a', true)).toBe(true);
    expect(mayChangeDatabase('SELECT 1; SELECT 2', true)).toBe(false);
  });
});

import { useTestDatabase } from '@s2/test-server';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection } from '../index.js';

/*
 * S2_ACCEL is read as a result is decoded, so a process may flip it between queries on one
 * connection (the bench does, to probe that rows go through @s2/accel-wasm) and every query
 * decodes under the value in force, one-row results included.
 */

const database = useTestDatabase();
const saved = process.env.S2_ACCEL;
let connection: ProtocolConnection;

beforeAll(async () => {
  connection = await openConnection(database.url);
});
afterAll(async () => {
  await connection.close();
});
afterEach(() => {
  if (saved === undefined) delete process.env.S2_ACCEL;
  else process.env.S2_ACCEL = saved;
});

async function selectOne(value: string): Promise<unknown[][]> {
  const [result] = await connection.query(`SELECT ${value} AS a, 'x${value}' AS b`);
  return result?.rows() ?? [];
}

it('honours S2_ACCEL changed between queries on one connection', async () => {
  for (const [round, mode] of ['ts', 'require-wasm', 'ts', 'wasm', 'ts'].entries()) {
    process.env.S2_ACCEL = mode;
    expect(await selectOne(String(round))).toEqual([[round, `x${round}`]]);
  }
  // Only a decode that reads S2_ACCEL again sees a value it must refuse.
  process.env.S2_ACCEL = 'bench-probe';
  await expect(selectOne('7')).rejects.toThrow(/S2_ACCEL must be one of/);
  process.env.S2_ACCEL = 'require-wasm';
  expect(await selectOne('8')).toEqual([[8, 'x8']]);
});

import { OperationalError } from '@s2/core-cursor';
import { useTestDatabase } from '@s2/test-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, openConnection } from '../index.js';

const database = useTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A `SELECT '…'` whose COM_QUERY payload (command byte + UTF-8 text) is `bytes` long. */
function statementOfPayload(bytes: number): string {
  const frame = "SELECT ''";
  return `SELECT '${'x'.repeat(bytes - 1 - frame.length)}'`;
}

describe('maxAllowedPacket (the test server allows 1 GiB, so only the client refuses)', () => {
  it('refuses a statement the server would refuse before sending it; one byte shorter runs, and the connection stays usable', async () => {
    await using connection = await openConnection({ url: database.url, maxAllowedPacket: 4096 });
    // A server with max_allowed_packet = 4096 refuses a payload of exactly 4096 bytes.
    const error = await connection
      .query(statementOfPayload(4096))
      .catch((caught: unknown) => caught);
    expect(OperationalError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 2020 });
    expect(String(error)).toContain('4096 bytes does not fit maxAllowedPacket (4096 bytes;');
    const [largest] = await connection.query(statementOfPayload(4095));
    expect(String(largest?.rows()[0]?.[0])).toHaveLength(4095 - 10);
    expect(connection.isConnected()).toBe(true);
    expect((await connection.query('SELECT 1'))[0]?.rows()).toEqual([[1]]);
  });

  it('counts UTF-8 bytes, not characters, and refuses streams the same way', async () => {
    await using connection = await openConnection({ url: database.url, maxAllowedPacket: 4096 });
    // 1400 euro signs are 4200 bytes but only 1400 UTF-16 units.
    const euros = `SELECT '${'€'.repeat(1400)}'`;
    await expect(connection.query(euros)).rejects.toMatchObject({ errno: 2020 });
    const stream = connection.stream(euros);
    const streamed = await (async () => {
      for await (const _event of stream) {
        // Nothing arrives: the statement is never sent.
      }
    })().catch((caught: unknown) => caught);
    expect(streamed).toMatchObject({ errno: 2020 });
    expect((await connection.query(`SELECT '${'€'.repeat(1000)}'`))[0]?.rows()).toEqual([
      ['€'.repeat(1000)],
    ]);
  });

  it('is read from the URL (maxAllowedPacket or max_allowed_packet)', async () => {
    await using fromUrl = await connect(`${database.url}?max_allowed_packet=2048`);
    await expect(fromUrl.query(statementOfPayload(2049))).rejects.toMatchObject({ errno: 2020 });
    expect(await fromUrl.query('SELECT 3')).toEqual([[3]]);
  });

  it('is off unless chosen, also by SINGLESTOREDB_MAX_ALLOWED_PACKET with the default value', async () => {
    const above16MiB = statementOfPayload(16 * 1024 * 1024 + 1);
    await using byDefault = await openConnection(database.url);
    expect(byDefault.options.maxAllowedPacket).toBeUndefined();
    const [big] = await byDefault.query(above16MiB);
    expect(String(big?.rows()[0]?.[0]).length).toBe(16 * 1024 * 1024 + 1 - 10);

    vi.stubEnv('SINGLESTOREDB_MAX_ALLOWED_PACKET', String(16 * 1024 * 1024));
    await using fromEnvironment = await openConnection(database.url);
    await expect(fromEnvironment.query(above16MiB)).rejects.toMatchObject({ errno: 2020 });
    expect((await fromEnvironment.query('SELECT 4'))[0]?.rows()).toEqual([[4]]);
  });
});

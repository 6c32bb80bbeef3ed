import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InterfaceError } from '@s2/core-cursor';
import { testServer, useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type InfileChunk,
  type InfileSource,
  openConnection,
  type ProtocolConnection,
} from '../index.js';
import {
  acceptLogin,
  acceptSetup,
  okPacket,
  querySql,
  startScriptedServer,
} from '../test-support/scripted-server.js';

const database = useTestDatabase();
let connection: ProtocolConnection;
let directory: string;

beforeAll(async () => {
  connection = await openConnection({ url: database.url, localInfile: true });
  await connection.query('CREATE TABLE loaded (id INT, name VARCHAR(20))');
  directory = mkdtempSync(path.join(tmpdir(), 's2-wire-infile-'));
});
afterAll(async () => {
  await connection.close();
  rmSync(directory, { recursive: true, force: true });
});

const LINES = Array.from({ length: 3000 }, (_unused, index) => `${index}\tname-${index}\n`);
const LOAD_STREAM = "LOAD DATA LOCAL INFILE ':stream:' INTO TABLE loaded";

async function loadedRows(): Promise<unknown> {
  const [result] = await connection.query('SELECT COUNT(*), SUM(id) FROM loaded');
  await connection.query('DELETE FROM loaded');
  return result?.rows()[0];
}

const EXPECTED = [LINES.length, String((LINES.length * (LINES.length - 1)) / 2)];

describe('LOAD DATA LOCAL INFILE against the test server', () => {
  it('loads a file the statement names', async () => {
    const file = path.join(directory, "it's data.tsv");
    writeFileSync(file, LINES.join(''));
    const escaped = file.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
    const [result] = await connection.query(
      `LOAD DATA LOCAL INFILE '${escaped}' INTO TABLE loaded`,
    );
    expect(result?.affectedRows).toBe(LINES.length);
    expect(await loadedRows()).toEqual(EXPECTED);
  });

  it('reports a missing file and stays usable', async () => {
    const missing = path.join(directory, 'missing.tsv');
    await expect(
      connection.query(`LOAD DATA LOCAL INFILE '${missing}' INTO TABLE loaded`),
    ).rejects.toMatchObject({ errno: 1017 });
    expect((await connection.query('SELECT 1'))[0]?.rows()).toEqual([[1]]);
  });

  const sources: [string, () => InfileSource][] = [
    [
      'an async generator of strings',
      () =>
        (async function* () {
          yield* LINES;
        })(),
    ],
    [
      'a generator of bytes',
      () =>
        (function* () {
          for (const line of LINES) yield new TextEncoder().encode(line);
        })(),
    ],
    ['a Node Readable', () => Readable.from(LINES)],
    [
      'a web ReadableStream',
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const line of LINES) controller.enqueue(new TextEncoder().encode(line));
            controller.close();
          },
        }),
    ],
    ['one string', () => LINES.join('')],
  ];
  for (const [name, source] of sources) {
    it(`loads :stream: from ${name}`, async () => {
      await connection.query(LOAD_STREAM, { infileStream: source() });
      expect(await loadedRows()).toEqual(EXPECTED);
    });
  }

  it('loads :stream: from large chunks sent by reference, between small ones and text', async () => {
    const many = Array.from(
      { length: 40_000 },
      (_unused, index) => `${index}\tnämé-${index % 97}\n`,
    );
    const large = Buffer.from(many.slice(1, 39_999).join(''));
    expect(large.length).toBeGreaterThan(512 << 10);
    await connection.query(LOAD_STREAM, {
      infileStream: [many[0]!, large, Buffer.from(many[39_999]!)],
    });
    const [result] = await connection.query(
      "SELECT COUNT(*), SUM(id), SUM(name = 'nämé-96') FROM loaded",
    );
    await connection.query('DELETE FROM loaded');
    expect(result?.rows()[0]).toEqual([40_000, String((40_000 * 39_999) / 2), '412']);
  });

  describe('a chunk that straddles the 1 MiB gathering buffer', () => {
    // Fixed-width lines, so chunk and buffer boundaries fall where the sizes say.
    const LINE_BYTES = 8;
    const lines = (from: number, count: number): string =>
      Array.from(
        { length: count },
        (_unused, index) => `${String(from + index).padStart(LINE_BYTES - 1, '0')}\n`,
      ).join('');
    const GATHER_LINES = (1 << 20) / LINE_BYTES;
    /**
     * Each shape leaves under 256 KiB of its last chunk in a new buffer, which is less than the
     * upload sends at a chunk's end on its own account, though the chunk as a whole is more.
     */
    const shapes: [string, () => InfileChunk[]][] = [
      // 1 MiB + 64 KiB in one piece: the first MiB fills the buffer, the rest starts the next.
      ['one chunk longer than the buffer', () => [Buffer.from(lines(0, GATHER_LINES + 8192))]],
      ['the same chunk as text', () => [lines(0, GATHER_LINES + 8192)]],
      // Six chunks of 187.5 KiB: the sixth crosses the 1 MiB mark with 101 KiB left over.
      [
        'the sixth of six chunks below 256 KiB',
        () =>
          Array.from({ length: 6 }, (_unused, index) => Buffer.from(lines(index * 24_000, 24_000))),
      ],
    ];
    let watcher: ProtocolConnection;
    beforeAll(async () => {
      await connection.query('CREATE TABLE arriving (id INT) ENGINE=InnoDB');
      watcher = await openConnection(database.url);
      // Sees the rows of the LOAD DATA still in progress on the other connection.
      await watcher.query('SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED');
    });
    afterAll(async () => {
      await watcher.close();
    });

    async function arrivedRows(): Promise<number> {
      const [result] = await watcher.query('SELECT COUNT(*) FROM arriving');
      return Number(result?.rows()[0]?.[0]);
    }

    for (const [name, shape] of shapes) {
      it(`sends all of it before the source yields again: ${name}`, async (context) => {
        if (testServer().capabilities.flavour !== 'mariadb') context.skip();
        const chunks = shape();
        const expected = chunks.reduce((total, chunk) => total + chunk.length, 0) / LINE_BYTES;
        let seen = 0;
        // The source's next chunk waits on the server having loaded this one, as a producer
        // that paces itself on the load would; polls are bounded so a held remainder fails
        // the test instead of hanging it.
        async function* paced(): AsyncGenerator<InfileChunk> {
          yield* chunks;
          for (let poll = 0; poll < 300 && seen < expected; poll += 1) {
            seen = await arrivedRows();
            if (seen < expected) await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
        await connection.query("LOAD DATA LOCAL INFILE ':stream:' INTO TABLE arriving", {
          infileStream: paced(),
        });
        await connection.query('DELETE FROM arriving');
        expect(seen).toBe(expected);
      });
    }
  });

  it('propagates a failing stream and stays usable', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield '1\ta\n';
      throw new Error('producer broke');
    }
    await expect(connection.query(LOAD_STREAM, { infileStream: failing() })).rejects.toThrow(
      /producer broke/,
    );
    await connection.query('DELETE FROM loaded');
    await expect(connection.query(LOAD_STREAM)).rejects.toThrow(/no stream was supplied/);
    expect((await connection.query('SELECT 1'))[0]?.rows()).toEqual([[1]]);
  });

  it('reports an error the server raises while loading, and stays usable', async (context) => {
    if (testServer().capabilities.flavour !== 'mariadb') context.skip();
    await connection.query('CREATE TABLE guarded (id INT)');
    await connection.query(
      "CREATE TRIGGER guard BEFORE INSERT ON guarded FOR EACH ROW IF NEW.id < 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative id'; END IF",
    );
    const load = "LOAD DATA LOCAL INFILE ':stream:' INTO TABLE guarded";
    await expect(connection.query(load, { infileStream: '1\n-2\n' })).rejects.toMatchObject({
      errno: 1644,
      sqlState: '45000',
    });
    expect((await connection.query('SELECT 3'))[0]?.rows()).toEqual([[3]]);
  });

  it('refuses LOCAL INFILE when localInfile is off, keeping the connection in sync', async () => {
    await using plain = await openConnection(database.url);
    const error = await plain
      .query(LOAD_STREAM, { infileStream: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((await plain.query('SELECT 2'))[0]?.rows()).toEqual([[2]]);
  });
});

describe('LOCAL INFILE requests for other files (scripted server)', () => {
  it('refuses a file the statement did not name, and the connection stays usable', async () => {
    const requests: string[] = [];
    const server = await startScriptedServer(async (session) => {
      await acceptLogin(session);
      await acceptSetup(session);
      await session.read();
      session.send(Uint8Array.of(0xfb, ...new TextEncoder().encode('/etc/passwd')));
      const end = await session.read();
      requests.push(`end:${end?.length}`);
      session.send(okPacket());
      requests.push(querySql(await session.read()));
      session.send(okPacket());
    });
    try {
      await using client = await openConnection({
        port: server.port,
        user: 'u',
        sslMode: 'disabled',
        localInfile: true,
      });
      const error = await client
        .query("LOAD DATA LOCAL INFILE 'data.csv' INTO TABLE t")
        .catch((caught: unknown) => caught);
      expect(InterfaceError.isInstance(error)).toBe(true);
      expect(String(error)).toMatch(/'\/etc\/passwd', which the statement did not name/);
      await client.query('DO 1');
      expect(requests).toEqual(['end:0', 'DO 1']);
    } finally {
      await server.close();
    }
  });
});

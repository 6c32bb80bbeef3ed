import { adminConnection, useTestDatabase } from '@s2/test-server';
import * as mariadb from 'mariadb';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoIntTable } from '../dataset/int-tables.js';
import { loadTable } from '../dataset/load-table.js';
import { mixedTable } from '../dataset/mixed-table.js';
import type { Recording } from './recording.js';
import { startRecordingProxy } from './recording-proxy.js';
import { type ReplayServer, startReplayServer } from './replay-server.js';

const database = useTestDatabase();
const mixed = mixedTable('mixed', 300);
const ints = twoIntTable('ints', 2000);
const QUERIES = [
  `SELECT * FROM mixed ORDER BY id`,
  `SELECT a, b FROM ints`,
  `SELECT * FROM mixed WHERE id < 0`,
  `SELECT 1`,
];

async function mysql2Results(port: number, rowsAsArray: boolean) {
  const { server, name } = database;
  const connection = await mysql.createConnection({
    host: '127.0.0.1',
    port,
    user: server.user,
    password: server.password,
    database: name,
    rowsAsArray,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
  try {
    const results = [];
    for (const sql of QUERIES) {
      const [rows, fields] = await connection.query(sql);
      results.push({ rows, fields: fields?.map((field) => [field.name, field.type, field.flags]) });
    }
    return results;
  } finally {
    await connection.end();
  }
}

describe('the replay server', () => {
  let recording: Recording;
  let replay: ReplayServer;
  let real: Awaited<ReturnType<typeof mysql2Results>>;

  beforeAll(async () => {
    const { server } = database;
    const admin = await adminConnection(server, database.name);
    try {
      await loadTable(admin, mixed, server.capabilities.flavour);
      await loadTable(admin, ints, server.capabilities.flavour);
    } finally {
      await admin.end();
    }
    real = await mysql2Results(server.port, false);
    const proxy = await startRecordingProxy(server);
    try {
      await mysql2Results(proxy.port, true);
    } finally {
      await proxy.close();
    }
    recording = proxy.recording.finish();
    replay = await startReplayServer(recording);
  });

  afterAll(async () => {
    await replay?.close();
  });

  it('records each query once, with its complete response', () => {
    for (const sql of QUERIES) expect(recording.responses.has(sql)).toBe(true);
  });

  it('gives mysql2 exactly the rows and fields the real server gives it', async () => {
    const replayed = await mysql2Results(replay.port, false);
    expect(replayed).toEqual(real);
    expect(replayed[0]?.rows).toHaveLength(mixed.rows);
    expect(replayed[1]?.rows).toHaveLength(ints.rows);
    expect(replay.unknownQueries.size).toBe(0);
  });

  it('serves many concurrent connections through a pool', async () => {
    const pool = mysql.createPool({
      host: '127.0.0.1',
      port: replay.port,
      user: 'root',
      connectionLimit: 16,
      rowsAsArray: true,
    });
    try {
      const counts = await Promise.all(
        Array.from({ length: 64 }, async () => {
          const [rows] = await pool.query('SELECT a, b FROM ints');
          return (rows as unknown[]).length;
        }),
      );
      expect(counts).toEqual(new Array(64).fill(ints.rows));
    } finally {
      await pool.end();
    }
  });

  it('gives the mariadb connector the same rows as mysql2', async () => {
    const connection = await mariadb.createConnection({
      host: '127.0.0.1',
      port: replay.port,
      user: 'root',
      bigIntAsNumber: false,
      dateStrings: true,
    });
    try {
      const rows = await connection.query({ sql: 'SELECT a, b FROM ints', rowsAsArray: true });
      expect(rows).toEqual(
        real[1]?.rows &&
          (real[1].rows as Array<{ a: number; b: number }>).map((row) => [row.a, row.b]),
      );
    } finally {
      await connection.end();
    }
  });

  it('answers an unrecorded query with an error naming it', async () => {
    const connection = await mysql.createConnection({
      host: '127.0.0.1',
      port: replay.port,
      user: 'root',
    });
    try {
      await expect(connection.query('SELECT 2')).rejects.toThrow(/not recorded: SELECT 2/);
      await connection.ping();
    } finally {
      await connection.end();
    }
  });
});

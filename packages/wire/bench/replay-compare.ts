/*
 * Client cost only: a scripted server answers `SELECT * FROM t` with a result set held in
 * memory, so the server's own work is out of the figures. Compares a raw socket drain, mysql2
 * rowsAsArray and @s2/wire. Run from packages/wire: `pnpm bench:replay`.
 */
import { connect as netConnect } from 'node:net';
import mysql from 'mysql2/promise';
import { openConnection } from '../src/index.js';
import {
  columnPacket,
  handshakePacket,
  okPacket,
  querySql,
  resultSet,
  rowPacket,
  startScriptedServer,
} from '../src/test-support/scripted-server.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const ROUNDS = 5;
const SELECT = 'SELECT * FROM t';

const columns = [
  columnPacket('id', 3),
  columnPacket('name', 253),
  columnPacket('amount', 5),
  columnPacket('created', 12),
  columnPacket('note', 252),
  columnPacket('big', 8),
];
const rows = Array.from({ length: ROWS }, (_unused, id) =>
  rowPacket([
    String(id),
    `name-${id}`,
    String(id * 1.25),
    '2024-01-02 03:04:05.123456',
    `a note about row ${id}`,
    String(id * 1_000_003),
  ]),
);
/** The answer framed once, with the sequence ids of a reply to a command (1, 2, …). */
function frameAnswer(parts: Uint8Array[]): Buffer {
  const framed = parts.map((part, index) => {
    const header = Buffer.from([
      part.length & 0xff,
      (part.length >> 8) & 0xff,
      part.length >> 16,
      (index + 1) & 0xff,
    ]);
    return Buffer.concat([header, part]);
  });
  return Buffer.concat(framed);
}
const answer = frameAnswer(resultSet(columns, rows));
const answerBytes = answer.length;

const server = await startScriptedServer(async (session) => {
  session.send(handshakePacket());
  await session.read();
  session.send(okPacket());
  for (;;) {
    const payload = await session.read();
    if (payload === undefined || payload[0] === 0x01) return;
    if (querySql(payload) === SELECT) {
      session.socket.write(answer);
    } else {
      session.send(okPacket());
    }
  }
});

async function best(label: string, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((left, right) => left - right);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label.padEnd(40)} median ${median.toFixed(1).padStart(8)} ms  best ${times[0]!.toFixed(1).padStart(8)} ms`,
  );
  return median;
}

/** Reads the answer's bytes off a socket without looking at them. */
async function rawDrain(): Promise<void> {
  const socket = netConnect({ port: server.port, host: '127.0.0.1' });
  const frame = (sequence: number, body: Uint8Array) =>
    Buffer.concat([
      Buffer.from([body.length & 0xff, (body.length >> 8) & 0xff, body.length >> 16, sequence]),
      body,
    ]);
  let phase = 0;
  let received = 0;
  await new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      if (phase === 0) {
        phase = 1;
        socket.write(frame(1, new Uint8Array(40)));
      } else if (phase === 1) {
        phase = 2;
        socket.write(frame(0, Buffer.from(`\x03${SELECT}`)));
      } else {
        received += chunk.length;
        if (received >= answerBytes) resolve();
      }
    });
  });
  socket.destroy();
}

try {
  const peer = await mysql.createConnection({
    host: '127.0.0.1',
    port: server.port,
    user: 'u',
    rowsAsArray: true,
  });
  const protocol = await openConnection({ port: server.port, user: 'u', sslMode: 'disabled' });
  console.log(`${ROWS} rows × 6 columns from memory, ${ROUNDS} rounds`);
  const raw = await best('raw socket drain (connect + read)', rawDrain);
  const peerTime = await best('mysql2 rowsAsArray', () => peer.query(SELECT));
  const columnsTime = await best('@s2/wire column batches (buffered)', () =>
    protocol.query(SELECT),
  );
  const streamTime = await best('@s2/wire column batches (stream)', async () => {
    for await (const _event of protocol.stream(SELECT)) {
      // draining
    }
  });
  const tuplesTime = await best('@s2/wire tuples (protocol rows())', async () => {
    for (const result of await protocol.query(SELECT)) result.rows();
  });
  console.log(
    `columns vs mysql2: ${(peerTime / columnsTime).toFixed(2)}×, vs raw drain: ${(columnsTime / raw).toFixed(2)}× slower`,
  );
  console.log(
    `stream  vs mysql2: ${(peerTime / streamTime).toFixed(2)}×; tuples vs mysql2: ${(peerTime / tuplesTime).toFixed(2)}×`,
  );
  await peer.end();
  await protocol.close();
} finally {
  await server.close();
}

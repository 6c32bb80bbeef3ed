import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';
import { PacketWriter } from '../protocol/packet-writer.js';
import {
  acceptLogin,
  acceptSetup,
  columnPacket,
  okPacket,
  querySql,
  resultSet,
  rowPacket,
  type ScriptedServer,
  startScriptedServer,
} from '../test-support/scripted-server.js';

const ELEMENTS = [
  {
    code: 1,
    name: 'f32',
    values: [1.5, -2.25, 3],
    Array: Float32Array,
    write: 'setFloat32',
    size: 4,
  },
  {
    code: 2,
    name: 'f64',
    values: [0.1, -1e300, 7],
    Array: Float64Array,
    write: 'setFloat64',
    size: 8,
  },
  { code: 3, name: 'i8', values: [-128, 0, 127], Array: Int8Array, write: 'setInt8', size: 1 },
  {
    code: 4,
    name: 'i16',
    values: [-32768, 5, 32767],
    Array: Int16Array,
    write: 'setInt16',
    size: 2,
  },
  {
    code: 5,
    name: 'i32',
    values: [-(2 ** 31), 6, 2 ** 31 - 1],
    Array: Int32Array,
    write: 'setInt32',
    size: 4,
  },
  {
    code: 6,
    name: 'i64',
    values: [-(2n ** 63n), 7n, 2n ** 63n - 1n],
    Array: BigInt64Array,
    write: 'setBigInt64',
    size: 8,
  },
  { code: 7, name: 'f16', values: [1.5, -2, 65504], Array: Float32Array, write: 'f16', size: 2 },
] as const;

const F16_BITS: Record<number, number> = { 1.5: 0x3e00, [-2]: 0xc000, 65504: 0x7bff };

function packed(element: (typeof ELEMENTS)[number]): Uint8Array {
  const bytes = new Uint8Array(element.values.length * element.size);
  const view = new DataView(bytes.buffer);
  element.values.forEach((value, index) => {
    const at = index * element.size;
    if (element.write === 'f16') view.setUint16(at, F16_BITS[value as number]!, true);
    else if (element.write === 'setBigInt64') view.setBigInt64(at, value as bigint, true);
    else if (element.write === 'setInt8') view.setInt8(at, value as number);
    else view[element.write](at, value as number, true);
  });
  return bytes;
}

function vectorExtension(dims: number, code: number): Uint8Array {
  return new PacketWriter().u8(2).u32(dims).u8(code).finish();
}

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('SingleStore extended column metadata (scripted server)', () => {
  it('decodes VECTOR columns of every element type, binary and JSON, and BSON', async () => {
    const setup: string[] = [];
    server = await startScriptedServer(async (session) => {
      await acceptLogin(session);
      for (let index = 0; index < 3; index += 1) {
        setup.push(querySql(await session.read()));
        session.send(okPacket());
      }
      await session.read();
      const columns = ELEMENTS.flatMap((element) => [
        columnPacket(`bin_${element.name}`, 252, {
          charset: 63,
          extended: vectorExtension(3, element.code),
        }),
        columnPacket(`json_${element.name}`, 252, {
          charset: 45,
          extended: vectorExtension(3, element.code),
        }),
      ]);
      columns.push(columnPacket('doc', 252, { charset: 63, extended: Uint8Array.of(1) }));
      const cells = ELEMENTS.flatMap((element) => [
        packed(element),
        `[${element.values.join(',')}]`,
      ]);
      const bson = Uint8Array.of(5, 0, 0, 0, 0);
      session.send(
        ...resultSet(columns, [
          rowPacket([...cells, bson]),
          rowPacket(cells.map(() => null).concat([null])),
        ]),
      );
    });
    await using connection = await openConnection({
      port: server.port,
      user: 'u',
      sslMode: 'disabled',
    });
    expect(setup).toEqual([
      'SET NAMES utf8mb4',
      'SET @@SESSION.enable_extended_types_metadata=on',
      'SET @@SESSION.vector_type_project_format=BINARY',
    ]);
    const [result] = await connection.query('SELECT vectors');
    const columns = result!.columns;
    ELEMENTS.forEach((element, index) => {
      expect(columns[2 * index]).toMatchObject({ typeCode: 3000 + element.code, length: 3 });
      expect(columns[2 * index]!.vector).toEqual({ dims: 3, element: element.name, binary: true });
      expect(columns[2 * index + 1]).toMatchObject({ typeCode: 2000 + element.code });
    });
    expect(columns.at(-1)!.typeCode).toBe(1001);
    const [values, nulls] = result!.rows();
    ELEMENTS.forEach((element, index) => {
      for (const value of [values![2 * index], values![2 * index + 1]]) {
        expect(value).toBeInstanceOf(element.Array);
        expect(Array.from(value as ArrayLike<number | bigint>)).toEqual(element.values);
      }
    });
    expect(values!.at(-1)).toEqual(Uint8Array.of(5, 0, 0, 0, 0));
    expect(nulls!.every((value) => value === null)).toBe(true);
  });

  it('rejects an unknown vector element type with a typed error', async () => {
    server = await startScriptedServer(async (session) => {
      await acceptLogin(session);
      await acceptSetup(session);
      await session.read();
      session.send(
        ...resultSet(
          [columnPacket('v', 252, { charset: 63, extended: vectorExtension(2, 9) })],
          [],
        ),
      );
    });
    const connection = await openConnection({ port: server.port, user: 'u', sslMode: 'disabled' });
    await expect(connection.query('SELECT v')).rejects.toMatchObject({ errno: 2027 });
    expect(connection.isConnected()).toBe(false);
  });
});

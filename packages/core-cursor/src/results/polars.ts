import type { Table } from 'apache-arrow';
import type { DataFrame } from 'nodejs-polars';
import { optionalModule } from './optional-module.js';

type PolarsModule = typeof import('nodejs-polars');

/** Loads nodejs-polars on first use; it is an optional peer dependency. */
export const loadPolars: () => Promise<PolarsModule> = optionalModule(
  'nodejs-polars',
  'Polars results',
  async () => {
    const module = (await import('nodejs-polars')) as PolarsModule & { default?: PolarsModule };
    return module.default ?? module;
  },
);

/**
 * A polars DataFrame of an Arrow table, handed over as Arrow IPC. Going through Arrow keeps
 * every type exact (Int64/UInt64, Datetime[µs, UTC], Date, Binary, Array for vectors), which
 * building Series from JS values does not: nodejs-polars mishandles negative bigints there.
 */
export function toPolarsFrame(polars: PolarsModule, ipcStream: Uint8Array): DataFrame {
  return polars.readIPCStream(
    Buffer.from(ipcStream.buffer, ipcStream.byteOffset, ipcStream.byteLength),
  );
}

/** The Arrow IPC stream of a table, for {@link toPolarsFrame}. */
export function tableToIpcStream(arrow: typeof import('apache-arrow'), table: Table): Uint8Array {
  return arrow.tableToIPC(table, 'stream');
}

import type { ServerFlavour } from '@s2/test-server';

/** A benchmark table: how to create it and the tab-separated lines LOAD DATA reads into it. */
export interface TableSpec {
  readonly name: string;
  readonly rows: number;
  createSql(flavour: ServerFlavour): string;
  /** The LOAD DATA LOCAL statement for the stream of `lines()`. */
  loadSql(flavour: ServerFlavour): string;
  /** The table's rows as tab-separated text lines (`\N` for NULL), each ending in a newline. */
  lines(flavour: ServerFlavour): Iterable<string>;
}

/** LOAD DATA's defaults are tab-separated fields and newline-terminated lines. */
export function loadDataSql(table: string, columnsAndSet = ''): string {
  return `LOAD DATA LOCAL INFILE 'bench-stream' INTO TABLE \`${table}\` ${columnsAndSet}`.trim();
}

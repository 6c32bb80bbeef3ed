import type { ServerFlavour } from '@s2/test-server';
import mysql from 'mysql2/promise';
import type { ServerTarget } from './clients/client-adapter.js';
import { bulkTableSql } from './dataset/bulk-rows.js';
import { twoIntTable, wideIntTable } from './dataset/int-tables.js';
import { loadTable } from './dataset/load-table.js';
import { mixedTable } from './dataset/mixed-table.js';
import type { BenchSettings } from './settings.js';
import type { ReadTables } from './workloads/read-workloads.js';

/** The read tables and the bulk-load target, created and filled in the benchmark database. */
export interface PreparedData {
  readonly tables: ReadTables;
  readonly bulkTable: string;
}

/** Creates the database and loads every table with LOAD DATA LOCAL through mysql2. */
export async function prepareData(
  server: Omit<ServerTarget, 'database'>,
  database: string,
  flavour: ServerFlavour,
  settings: BenchSettings,
): Promise<PreparedData> {
  const admin = await mysql.createConnection({ ...server });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`CREATE DATABASE \`${database}\``);
    await admin.query(`USE \`${database}\``);
    const mixed = mixedTable('mixed', settings.mixedRows);
    const ints = twoIntTable('ints', settings.intRows);
    const wide = wideIntTable('wide', settings.wideRows);
    for (const table of [mixed, ints, wide]) await loadTable(admin, table, flavour);
    // A MEMORY table's size limit is fixed when it is created, from this session's setting.
    if (flavour !== 'singlestore')
      await admin.query('SET SESSION max_heap_table_size = 1073741824');
    await admin.query(bulkTableSql('bulk_target', flavour));
    return {
      tables: { mixed: mixed.name, ints: ints.name, wide: wide.name },
      bulkTable: 'bulk_target',
    };
  } finally {
    await admin.end();
  }
}

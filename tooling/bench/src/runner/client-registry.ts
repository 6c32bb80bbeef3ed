import type { ClientAdapter } from '../clients/client-adapter.js';
import { fetchJsonParse } from '../clients/fetch-json-parse.js';
import { mariadbObjects } from '../clients/mariadb-objects.js';
import { mariadbRowsAsArray } from '../clients/mariadb-rows-as-array.js';
import { mysql2Objects } from '../clients/mysql2-objects.js';
import { mysql2RowsAsArray } from '../clients/mysql2-rows-as-array.js';
import { rawDrain } from '../clients/raw-drain.js';
import { s2Http } from '../clients/s2-http.js';
import { s2WireArrow } from '../clients/s2-wire-arrow.js';
import { s2WireColumns } from '../clients/s2-wire-columns.js';
import { s2WireColumnsTs } from '../clients/s2-wire-columns-ts.js';
import { s2WireTuples } from '../clients/s2-wire-tuples.js';
import { s2WireTuplesTs } from '../clients/s2-wire-tuples-ts.js';

/** Every MySQL-protocol client the run measures, in the order the table lists them. */
export const WIRE_CLIENTS: readonly ClientAdapter[] = [
  mysql2RowsAsArray,
  mysql2Objects,
  mariadbRowsAsArray,
  mariadbObjects,
  s2WireTuples,
  s2WireTuplesTs,
  s2WireColumns,
  s2WireColumnsTs,
  s2WireArrow,
  rawDrain,
];

/** The Data API clients, baseline first. */
export const HTTP_CLIENTS: readonly ClientAdapter[] = [fetchJsonParse, s2Http];

export function adapterById(id: string): ClientAdapter {
  const adapter = [...WIRE_CLIENTS, ...HTTP_CLIENTS].find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`no client adapter is called ${id}`);
  return adapter;
}

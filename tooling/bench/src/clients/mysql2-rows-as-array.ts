import type { ClientAdapter } from './client-adapter.js';
import { openMysql2 } from './mysql2-session.js';

/** mysql2 with `rowsAsArray`: its fastest result shape, and the baseline every ratio is against. */
export const mysql2RowsAsArray: ClientAdapter = {
  id: 'mysql2-rows-as-array',
  label: 'mysql2 rowsAsArray',
  open: (target, connections) => openMysql2(target, connections, true),
};

import type { ClientAdapter } from './client-adapter.js';
import { openMariadb } from './mariadb-session.js';

/** The mariadb connector with `rowsAsArray`. */
export const mariadbRowsAsArray: ClientAdapter = {
  id: 'mariadb-rows-as-array',
  label: 'mariadb rowsAsArray',
  open: (target, connections) => openMariadb(target, connections, true),
};

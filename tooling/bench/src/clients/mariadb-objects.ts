import type { ClientAdapter } from './client-adapter.js';
import { openMariadb } from './mariadb-session.js';

/** The mariadb connector with its default result shape: one object per row. */
export const mariadbObjects: ClientAdapter = {
  id: 'mariadb-objects',
  label: 'mariadb objects',
  open: (target, connections) => openMariadb(target, connections, false),
};

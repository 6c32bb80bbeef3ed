import type { ClientAdapter } from './client-adapter.js';
import { openMysql2 } from './mysql2-session.js';

/** mysql2 with its default result shape: one object per row. */
export const mysql2Objects: ClientAdapter = {
  id: 'mysql2-objects',
  label: 'mysql2 objects',
  open: (target, connections) => openMysql2(target, connections, false),
};

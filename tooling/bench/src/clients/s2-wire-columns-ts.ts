import type { ClientAdapter } from './client-adapter.js';
import { openWire } from './s2-wire-session.js';

/** @s2/wire returning columns, decoded by the TS fallback. */
export const s2WireColumnsTs: ClientAdapter = {
  id: 's2-wire-columns-ts',
  label: '@s2/wire columns (TS fallback)',
  environment: { S2_ACCEL: 'ts' },
  open: (target, connections) => openWire(target, connections, 'columns'),
};

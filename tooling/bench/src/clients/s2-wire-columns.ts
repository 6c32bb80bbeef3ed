import type { ClientAdapter } from './client-adapter.js';
import { openWire } from './s2-wire-session.js';

/** @s2/wire returning columns, decoded by the wasm accelerator. */
export const s2WireColumns: ClientAdapter = {
  id: 's2-wire-columns',
  label: '@s2/wire columns (wasm)',
  environment: { S2_ACCEL: 'require-wasm' },
  open: (target, connections) => openWire(target, connections, 'columns'),
};

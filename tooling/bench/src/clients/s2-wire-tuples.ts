import type { ClientAdapter } from './client-adapter.js';
import { openWire } from './s2-wire-session.js';

/** @s2/wire returning tuples, decoded by the wasm accelerator. */
export const s2WireTuples: ClientAdapter = {
  id: 's2-wire-tuples',
  label: '@s2/wire tuples (wasm)',
  environment: { S2_ACCEL: 'require-wasm' },
  open: (target, connections) => openWire(target, connections, 'tuples'),
};

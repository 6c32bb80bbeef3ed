import type { ClientAdapter } from './client-adapter.js';
import { openWire } from './s2-wire-session.js';

/** @s2/wire returning tuples, decoded by the TS fallback. */
export const s2WireTuplesTs: ClientAdapter = {
  id: 's2-wire-tuples-ts',
  label: '@s2/wire tuples (TS fallback)',
  environment: { S2_ACCEL: 'ts' },
  open: (target, connections) => openWire(target, connections, 'tuples'),
};

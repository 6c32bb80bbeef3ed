import type { ClientAdapter } from './client-adapter.js';
import { openWire } from './s2-wire-session.js';

/**
 * @s2/wire returning an Apache Arrow table, decoded by the wasm accelerator: the columnar format
 * whose buffers are the decoded batches themselves (no JS value per cell), which the issue's
 * "Arrow/columns" targets are about. `columns` materialises strings, Dates and bytes per cell.
 */
export const s2WireArrow: ClientAdapter = {
  id: 's2-wire-arrow',
  label: '@s2/wire Arrow (wasm)',
  environment: { S2_ACCEL: 'require-wasm' },
  open: (target, connections) => openWire(target, connections, 'arrow'),
};

import { PacketReader } from '../protocol/packet-reader.js';

/** EOF packet: the end of column definitions or rows (DEPRECATE_EOF is not used). */
export interface EofPacket {
  readonly warnings: number;
  readonly status: number;
}

export function parseEofPacket(payload: Uint8Array): EofPacket {
  const reader = new PacketReader(payload, 'EOF packet', 1);
  if (reader.remaining < 4) return { warnings: 0, status: 0 };
  const warnings = reader.u16();
  const status = reader.u16();
  return { warnings, status };
}

import { createHash, randomUUID } from 'node:crypto';

/** A fresh UUID for a new resource. */
export function newId(): string {
  return randomUUID();
}

/** A stable UUID derived from a name, for fixed catalogue entries such as regions. */
export function stableId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The current instant as RFC 3339 text. */
export function nowText(clock = Date.now()): string {
  return new Date(clock).toISOString();
}

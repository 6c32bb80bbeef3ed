/** One generated row of the demo table, as tab-separated text for LOAD DATA. */
const labels = ['checkout', 'refund', 'signup', 'login', 'upgrade', 'search', 'logout', 'invite'];

/** The demo table's definition. */
export const demoTableSql = `CREATE TABLE events (
  id BIGINT NOT NULL PRIMARY KEY,
  user_id INT NOT NULL,
  label VARCHAR(32) NOT NULL,
  amount DECIMAL(12,2),
  score DOUBLE NOT NULL,
  created_at DATETIME(6) NOT NULL
)`;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The row with the given id; deterministic, so a run can check what it reads back. */
export function demoRow(id: number): string {
  const userId = (id * 7919) % 10_007;
  const label = labels[id % labels.length] ?? 'other';
  const amount = id % 5 === 0 ? '\\N' : (((id * 37) % 100_000) / 100).toFixed(2);
  const score = Math.sin(id) * 1000;
  const seconds = 1_700_000_000 + id * 13;
  const date = new Date(seconds * 1000);
  const created = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(id % 1_000_000, 6)}`;
  return `${id}\t${userId}\t${label}\t${amount}\t${score}\t${created}\n`;
}

/**
 * Yields the rows in chunks of about 64 KiB. LOAD DATA pulls from this generator only as fast
 * as the socket drains, so `onRows` reports real progress, not buffering.
 */
export async function* demoRows(
  count: number,
  onRows: (sent: number) => void,
): AsyncGenerator<string> {
  let chunk = '';
  for (let id = 1; id <= count; id += 1) {
    chunk += demoRow(id);
    if (chunk.length >= 65_536 || id === count) {
      yield chunk;
      chunk = '';
      onRows(id);
    }
  }
}

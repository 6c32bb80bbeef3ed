import type { DictRow } from '../results/dicts.js';
import { cellText } from './render-text.js';

/**
 * A plain-text table: a header line, a rule of `-` as long as the header, one line per row,
 * cells as `| value |`. Columns flagged in `rightAligned` (numbers) are right-aligned, header
 * included; every other column is left-aligned (quirk 84). No rows renders as ''.
 */
export function renderTable(
  columns: readonly string[],
  rows: readonly DictRow[],
  rightAligned: readonly boolean[],
): string {
  if (rows.length === 0) return '';
  const cells = rows.map((row) => columns.map((column) => cellText(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const line = (texts: readonly string[]) =>
    `| ${texts
      .map((text, index) => {
        const width = widths[index] ?? 0;
        return rightAligned[index] ? text.padStart(width) : text.padEnd(width);
      })
      .join(' | ')} |`;
  const header = line(columns);
  return [header, '-'.repeat(header.length), ...cells.map(line)].join('\n');
}

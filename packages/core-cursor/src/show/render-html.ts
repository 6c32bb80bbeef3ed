import type { DictRow } from '../results/dicts.js';
import { cellText } from './render-text.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const CELL_STYLE = 'style="text-align: left; vertical-align: top"';

/** Text with `& < > " '` replaced by entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * An HTML table in the layout of the Python SDK's `_repr_html_`, with every column name and
 * value escaped (quirk 85). No rows renders as ''.
 */
export function renderHtml(columns: readonly string[], rows: readonly DictRow[]): string {
  if (rows.length === 0) return '';
  const header = columns.map((column) => `<th ${CELL_STYLE}>${escapeHtml(column)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns
          .map((column) => `<td ${CELL_STYLE}>${escapeHtml(cellText(row[column]))}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<table border="1" class="dataframe"><thead><tr>${header}</tr></thead><tbody>${body}</tbody></table>`;
}

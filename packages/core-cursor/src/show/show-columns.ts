import type { DictRow } from '../results/dicts.js';

const UPPERCASE_WORDS = new Set(['sql', 'xml', 'json']);

/**
 * The Python SDK's column naming for `show` results: spaces removed, each `_`-separated word
 * capitalised, `sql`/`xml`/`json` uppercased (`Key_name` → `KeyName`, `Create Table` →
 * `CreateTable`, `Sql_mode` → `SQLMode`).
 */
export function showColumnName(name: string): string {
  return name
    .replaceAll(' ', '')
    .split('_')
    .map((word) =>
      UPPERCASE_WORDS.has(word.toLowerCase())
        ? word.toUpperCase()
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('');
}

/** Renames the keys of dict rows as `show` does; the first column becomes `Name`. */
export function renameShowColumns(
  keys: readonly string[],
  rows: readonly DictRow[],
): { columns: string[]; rows: DictRow[] } {
  const columns = keys.map((key, index) => (index === 0 ? 'Name' : showColumnName(key)));
  const renamed = rows.map((row) => {
    const record: DictRow = {};
    keys.forEach((key, index) => {
      Object.defineProperty(record, columns[index] as string, {
        value: Object.getOwnPropertyDescriptor(row, key)?.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return record;
  });
  return { columns, rows: renamed };
}

/** An identifier in backticks, embedded backticks doubled (quirk 81). */
export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

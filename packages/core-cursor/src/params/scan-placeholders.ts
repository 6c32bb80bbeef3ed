/** A placeholder found in SQL text. */
export interface Placeholder {
  /** `?` is positional; `:name` is named. */
  kind: 'positional' | 'named';
  /** The name without the colon, for named placeholders. */
  name?: string;
  /** Offset of the `?` or `:` in the SQL. */
  start: number;
  /** Offset just after the placeholder. */
  end: number;
}

/** What scanning SQL found. */
export interface ScanResult {
  placeholders: Placeholder[];
  /** True when a `?` appears inside a literal, quoted identifier or comment. */
  hasQuotedQuestionMark: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_$]/;

function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index];
    if (char === '\\' && backslashEscapes && quote !== '`') {
      index += 2;
      continue;
    }
    if (char === quote) {
      // A doubled quote stands for one quote character inside the literal.
      if (sql[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return sql.length;
}

function isDashComment(sql: string, index: number): boolean {
  if (sql[index] !== '-' || sql[index + 1] !== '-') return false;
  const after = sql[index + 2];
  return after === undefined || /\s/.test(after);
}

/**
 * Finds `?` and `:name` placeholders outside string literals ('…', "…"), quoted identifiers
 * (`…`) and comments (`-- `, `#`, `/* … *\/`). `::` (JSON path) and `:>` (cast) are not
 * placeholders, nor is `:name` directly after an identifier character.
 *
 * @param backslashEscapes false when the session has NO_BACKSLASH_ESCAPES, in which case a
 *   backslash does not escape a quote.
 */
export function scanPlaceholders(sql: string, backslashEscapes = true): ScanResult {
  const placeholders: Placeholder[] = [];
  let hasQuotedQuestionMark = false;
  let index = 0;
  const skipTo = (end: number): void => {
    if (sql.slice(index, end).includes('?')) hasQuotedQuestionMark = true;
    index = end;
  };
  while (index < sql.length) {
    const char = sql[index]!;
    if (char === "'" || char === '"' || char === '`') {
      skipTo(skipQuoted(sql, index, char, backslashEscapes));
    } else if (char === '#' || isDashComment(sql, index)) {
      const newline = sql.indexOf('\n', index);
      skipTo(newline < 0 ? sql.length : newline + 1);
    } else if (char === '/' && sql[index + 1] === '*') {
      const close = sql.indexOf('*/', index + 2);
      skipTo(close < 0 ? sql.length : close + 2);
    } else if (char === '?') {
      placeholders.push({ kind: 'positional', start: index, end: index + 1 });
      index++;
    } else if (char === ':') {
      if (sql[index + 1] === ':') {
        index += 2;
        continue;
      }
      const before = index > 0 ? sql[index - 1]! : '';
      const next = sql[index + 1] ?? '';
      if (NAME_START.test(next) && !NAME_PART.test(before)) {
        let end = index + 2;
        while (end < sql.length && /[A-Za-z0-9_]/.test(sql[end]!)) end++;
        placeholders.push({ kind: 'named', name: sql.slice(index + 1, end), start: index, end });
        index = end;
      } else {
        index++;
      }
    } else {
      index++;
    }
  }
  return { placeholders, hasQuotedQuestionMark };
}

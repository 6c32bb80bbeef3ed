import { escapeValue } from '@s2/core-cursor';
import type { ResolvedWireOptions } from './connection-options.js';

/** One statement of the session setup. */
export interface SetupStatement {
  readonly sql: string;
  /** May fail without failing the setup: SingleStore's variables, ERR 1193 elsewhere. */
  readonly optional: boolean;
}

/** What the session is in before the setup's statements run. */
export interface SessionState {
  readonly noBackslashEscapes: boolean;
  readonly autocommit: boolean;
  /** False once the server refused `enable_extended_types_metadata` (not SingleStore). */
  readonly extendedTypesAccepted: boolean;
}

/**
 * The statements of the session setup (wire-protocol.md §10) after `first`, in its order:
 * `sqlMode`, SingleStore's extended-metadata variables, autocommit only when it differs. None
 * depends on an earlier one's answer (the status flags that decide the sql_mode quoting and
 * whether autocommit differs are the same before them as after), so they can be pipelined.
 * `initSql` is not among them: it runs last, on its own, as any query. Never SET time_zone.
 */
export function sessionSetupStatements(
  options: ResolvedWireOptions,
  state: SessionState,
  first: readonly string[] = [],
): SetupStatement[] {
  const statements = first.map((sql) => ({ sql, optional: false }));
  if (options.sqlMode !== undefined) {
    // Quoted the way the session reads literals right now; the OK's status flags then tell
    // noBackslashEscapes whether the new mode turned NO_BACKSLASH_ESCAPES on or off.
    const mode = escapeValue(options.sqlMode, { noBackslashEscapes: state.noBackslashEscapes });
    statements.push({ sql: `SET SESSION sql_mode = ${mode}`, optional: false });
  }
  if (options.enableExtendedDataTypes && state.extendedTypesAccepted) {
    const format = options.vectorDataFormat.toUpperCase();
    statements.push(
      { sql: EXTENDED_TYPES_STATEMENT, optional: true },
      { sql: `SET @@SESSION.vector_type_project_format=${format}`, optional: true },
    );
  }
  if (options.autocommit !== undefined && state.autocommit !== options.autocommit) {
    statements.push({ sql: `SET AUTOCOMMIT = ${options.autocommit ? 1 : 0}`, optional: false });
  }
  return statements;
}

/** The statement whose refusal means the server is not SingleStore. */
export const EXTENDED_TYPES_STATEMENT = 'SET @@SESSION.enable_extended_types_metadata=on';

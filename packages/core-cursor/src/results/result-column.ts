/**
 * What the result formats read about a column. The transports hand over full 9-field
 * descriptions (`ColumnDescription`), which satisfy this; `table` is optional and only used to
 * name duplicate columns in dict rows.
 */
export interface ResultColumn {
  /** The column's name or alias (DB-API `description[i][0]`). */
  readonly name: string;
  /** The type code (DB-API `description[i][1]`). */
  readonly typeCode: number;
  /** The table (alias) the column comes from, when the transport knows it. */
  readonly table?: string | undefined;
}

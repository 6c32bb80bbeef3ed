import type { Table } from 'apache-arrow';
import type { DataFrame } from 'nodejs-polars';
import type { ColumnBatch } from '../column-batch.js';
import { ProgrammingError } from '../errors/index.js';
import type { ValueOptions } from '../values/value-options.js';
import { loadArrow, toArrowTable } from './arrow.js';
import { type ColumnsResult, toColumns } from './columns.js';
import { columnKeys, type DictRow, toDicts } from './dicts.js';
import { loadPolars, tableToIpcStream, toPolarsFrame } from './polars.js';
import type { ResultColumn } from './result-column.js';
import { type TupleRow, toTuples } from './tuples.js';

/** The result formats (Python's `results_type`). */
export type ResultsType = 'tuples' | 'dicts' | 'arrow' | 'columns' | 'polars';

/** A results type or one of the Python names accepted as aliases. */
export type ResultsTypeName = ResultsType | 'namedtuples' | 'numpy' | 'pandas';

/** What a fetch of many rows returns in each format. */
export interface ResultsOf {
  tuples: TupleRow[];
  dicts: DictRow[];
  arrow: Table;
  columns: ColumnsResult;
  polars: DataFrame;
}

/** The frame formats: one value holds many rows. */
export const FRAME_FORMATS: ReadonlySet<ResultsType> = new Set(['arrow', 'columns', 'polars']);

const ALIASES: Readonly<Record<string, ResultsType>> = {
  tuples: 'tuples',
  dicts: 'dicts',
  arrow: 'arrow',
  columns: 'columns',
  polars: 'polars',
  namedtuples: 'dicts',
  numpy: 'columns',
  pandas: 'polars',
};

/**
 * The results type a name stands for: one of the five formats or the Python aliases
 * `namedtuples` → dicts, `numpy` → columns, `pandas` → polars (case-insensitive). Unlike
 * Python, which matches by substring, an unknown name is an error.
 */
export function resolveResultsType(name: string): ResultsType {
  const resolved = Object.hasOwn(ALIASES, name.toLowerCase())
    ? ALIASES[name.toLowerCase()]
    : undefined;
  if (!resolved) {
    throw new ProgrammingError(
      `Unknown results type '${name}': use tuples, dicts, arrow, columns or polars`,
    );
  }
  return resolved;
}

/** Builds the value of a fetch in the given format from the fetched rows' batches. */
export async function formatResult<T extends ResultsType>(
  type: T,
  batches: readonly ColumnBatch[],
  columns: readonly ResultColumn[],
  options: ValueOptions,
): Promise<ResultsOf[T]> {
  return (await formatAny(type, batches, columns, options)) as ResultsOf[T];
}

/**
 * `formatResult()` without a promise, for the formats that need no module loaded first
 * (tuples, dicts, columns); undefined for the others.
 */
export function formatResultNow<T extends ResultsType>(
  type: T,
  batches: readonly ColumnBatch[],
  columns: readonly ResultColumn[],
  options: ValueOptions,
): ResultsOf[T] | undefined {
  switch (type) {
    case 'tuples':
      return toTuples(batches, options) as ResultsOf[T];
    case 'dicts':
      return toDicts(batches, columns, options) as ResultsOf[T];
    case 'columns':
      return toColumns(batches, columns, options) as ResultsOf[T];
    default:
      return undefined;
  }
}

async function formatAny(
  type: ResultsType,
  batches: readonly ColumnBatch[],
  columns: readonly ResultColumn[],
  options: ValueOptions,
): Promise<ResultsOf[ResultsType]> {
  switch (type) {
    case 'tuples':
    case 'dicts':
    case 'columns':
      return formatResultNow(type, batches, columns, options) as ResultsOf[ResultsType];
    case 'arrow':
      return toArrowTable(await loadArrow(), batches, columnKeys(columns));
    case 'polars': {
      const polars = await loadPolars();
      const arrow = await loadArrow();
      const table = toArrowTable(arrow, batches, columnKeys(columns));
      return toPolarsFrame(polars, tableToIpcStream(arrow, table));
    }
  }
}

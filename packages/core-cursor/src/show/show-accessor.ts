import type { StatementParams } from '../cursor/interpolate.js';
import { ProgrammingError } from '../errors/index.js';
import { columnKeys, type DictRow } from '../results/dicts.js';
import type { ResultColumn } from '../results/result-column.js';
import { quoteIdentifier, renameShowColumns } from './show-columns.js';
import { ShowResult } from './show-result.js';

/** Runs SQL and returns its rows as dicts with their column descriptions. */
export type DictQuery = (
  sql: string,
  params?: StatementParams,
) => Promise<{ readonly rows: DictRow[]; readonly columns: readonly ResultColumn[] }>;

/**
 * `SHOW` statements as methods (Python `conn.show`). The SQL text is the Python SDK's, with
 * identifiers quoted safely (quirk 81); results are {@link ShowResult}s whatever the
 * connection's results type (quirk 83).
 */
export class ShowAccessor {
  constructor(private readonly query: DictQuery) {}

  /** `show aggregates` */
  aggregates(): Promise<ShowResult> {
    return this.run('show aggregates');
  }

  /** `show [full] columns in <table>` */
  columns(table: string, options: { full?: boolean } = {}): Promise<ShowResult> {
    return this.run(`show ${options.full ? 'full ' : ''}columns in ${quoteIdentifier(table)}`);
  }

  /** `show create aggregate <name>` */
  createAggregate(name: string): Promise<ShowResult> {
    return this.run(`show create aggregate ${quoteIdentifier(name)}`);
  }

  /** `show create function <name>` */
  createFunction(name: string): Promise<ShowResult> {
    return this.run(`show create function ${quoteIdentifier(name)}`);
  }

  /** `show create pipeline <name> [extended]` */
  createPipeline(name: string, options: { extended?: boolean } = {}): Promise<ShowResult> {
    const suffix = options.extended ? ' extended' : '';
    return this.run(`show create pipeline ${quoteIdentifier(name)}${suffix}`);
  }

  /** `show create table <name>` (columns `Name`, `CreateTable`) */
  createTable(name: string): Promise<ShowResult> {
    return this.run(`show create table ${quoteIdentifier(name)}`);
  }

  /** `show create view <name>` */
  createView(name: string): Promise<ShowResult> {
    return this.run(`show create view ${quoteIdentifier(name)}`);
  }

  /** `show databases [extended]` */
  databases(options: { extended?: boolean } = {}): Promise<ShowResult> {
    return this.run(`show databases${options.extended ? ' extended' : ''}`);
  }

  /** `show database status` */
  databaseStatus(): Promise<ShowResult> {
    return this.run('show database status');
  }

  /** `show errors` */
  errors(): Promise<ShowResult> {
    return this.run('show errors');
  }

  /** `show functions` */
  functions(): Promise<ShowResult> {
    return this.run('show functions');
  }

  /** `show global status` */
  globalStatus(): Promise<ShowResult> {
    return this.run('show global status');
  }

  /** `show indexes in <table>` */
  indexes(table: string): Promise<ShowResult> {
    return this.run(`show indexes in ${quoteIdentifier(table)}`);
  }

  /** `show partitions [extended]` */
  partitions(options: { extended?: boolean } = {}): Promise<ShowResult> {
    return this.run(`show partitions${options.extended ? ' extended' : ''}`);
  }

  /** `show pipelines` */
  pipelines(): Promise<ShowResult> {
    return this.run('show pipelines');
  }

  /** `show plan [json] <id>`; the id must be an integer. */
  plan(planId: number | bigint, options: { json?: boolean } = {}): Promise<ShowResult> {
    if (typeof planId === 'number' && !Number.isSafeInteger(planId)) {
      throw new ProgrammingError(`A plan id must be an integer, got ${planId}`);
    }
    return this.run(`show plan ${options.json ? 'json ' : ''}${BigInt(planId)}`);
  }

  /** `show plancache` */
  plancache(): Promise<ShowResult> {
    return this.run('show plancache');
  }

  /** `show procedures` */
  procedures(): Promise<ShowResult> {
    return this.run('show procedures');
  }

  /** `show processlist` */
  processlist(): Promise<ShowResult> {
    return this.run('show processlist');
  }

  /**
   * `show reproduction`, or `show reproduction into outfile '<path>'` with the path as an
   * escaped string literal (the Python SDK never filled the path in, quirk 82).
   */
  reproduction(outfile?: string): Promise<ShowResult> {
    if (outfile === undefined) return this.run('show reproduction');
    return this.run('show reproduction into outfile ?', [outfile]);
  }

  /** `show schemas` */
  schemas(): Promise<ShowResult> {
    return this.run('show schemas');
  }

  /** `show session status` */
  sessionStatus(): Promise<ShowResult> {
    return this.run('show session status');
  }

  /** `show status [extended]` */
  status(options: { extended?: boolean } = {}): Promise<ShowResult> {
    return this.run(`show status${options.extended ? ' extended' : ''}`);
  }

  /** `show table status` */
  tableStatus(): Promise<ShowResult> {
    return this.run('show table status');
  }

  /** `show tables [extended]` */
  tables(options: { extended?: boolean } = {}): Promise<ShowResult> {
    return this.run(`show tables${options.extended ? ' extended' : ''}`);
  }

  /** `show warnings` */
  warnings(): Promise<ShowResult> {
    return this.run('show warnings');
  }

  private async run(sql: string, params?: StatementParams): Promise<ShowResult> {
    const result = await this.query(sql, params);
    const keys = columnKeys(result.columns);
    const renamed = renameShowColumns(keys, result.rows);
    return new ShowResult(
      renamed.columns,
      renamed.rows,
      result.columns.map((column) => column.typeCode),
    );
  }
}

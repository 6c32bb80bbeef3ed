import { ProgrammingError } from '../errors/index.js';
import type { DictQuery } from '../show/show-accessor.js';

/** The scope words of the accessors; '' is `conn.vars`. */
export type VariableScope =
  | 'local'
  | 'global'
  | 'cluster local'
  | 'cluster global'
  | 'cluster'
  | '';

/** A variable's value: ON/OFF and TRUE/FALSE read as booleans, everything else as text. */
export type VariableValue = string | boolean;

const VALID_NAME = /^[A-Za-z_]\w*$/;

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!VALID_NAME.test(trimmed)) {
    throw new ProgrammingError(`Variable name contains invalid characters: '${name}'`);
  }
  return trimmed;
}

function readValue(value: unknown): VariableValue {
  const text = value === null || value === undefined ? '' : String(value);
  const lower = text.toLowerCase();
  if (lower === 'on' || lower === 'true') return true;
  if (lower === 'off' || lower === 'false') return false;
  return text;
}

/** A LIKE pattern that matches `name` literally. */
function literalPattern(name: string): string {
  return name.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Server variables of one scope (Python `conn.locals`, `conn.globals`, `conn.cluster_locals`,
 * `conn.cluster_globals`, `conn.vars`, `conn.cluster_vars`).
 */
export class VariableAccessor {
  constructor(
    private readonly query: DictQuery,
    /** The scope word used in `SHOW <scope> VARIABLES`. */
    readonly scope: VariableScope,
  ) {}

  /**
   * A variable's value. Reads `show <scope> variables like '<name>'` with the LIKE wildcards
   * escaped and keeps only the exact (case-insensitive) name (quirk 86).
   *
   * @throws ProgrammingError when no variable has that name.
   */
  async get(name: string): Promise<VariableValue> {
    const checked = checkedName(name);
    const { rows } = await this.query(`show ${this.scopePrefix()}variables like ?`, [
      literalPattern(checked),
    ]);
    const match = rows.find(
      (row) => String(Object.values(row)[0]).toLowerCase() === checked.toLowerCase(),
    );
    if (!match) throw new ProgrammingError(`No variable found with the name '${checked}'`);
    return readValue(Object.values(match)[1]);
  }

  /**
   * Sets a variable: `set <scope> <name> = <value>`, `local` written as `session`, booleans as
   * ON/OFF, other values as escaped literals.
   */
  async set(name: string, value: VariableValue | number | bigint | null): Promise<void> {
    const checked = checkedName(name);
    const scope = this.scope.replace('local', 'session');
    const literal = typeof value === 'boolean' ? (value ? 'ON' : 'OFF') : value;
    await this.query(`set ${scope ? `${scope} ` : ''}${checked} = ?`, [literal]);
  }

  /** Every variable of the scope, by name (`show <scope> variables`). */
  async all(): Promise<Record<string, VariableValue>> {
    const { rows } = await this.query(`show ${this.scopePrefix()}variables`);
    const result: Record<string, VariableValue> = Object.create(null);
    for (const row of rows) {
      const [key, value] = Object.values(row);
      result[String(key)] = readValue(value);
    }
    return result;
  }

  private scopePrefix(): string {
    return this.scope ? `${this.scope} ` : '';
  }
}

import { type ColumnDefinition, parseColumnDefinition } from './column-definition.js';

/** Column definitions longer than this are parsed every time rather than kept. */
const MAX_KEPT_PAYLOAD = 1024;

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) {
    if (left[index] !== right[index]) return false;
  }
  return true;
}

function frozen(definition: ColumnDefinition): ColumnDefinition {
  if (definition.vector !== undefined) Object.freeze(definition.vector);
  return Object.freeze(definition);
}

/**
 * The column definitions of a connection's last result set, kept with their bytes. An
 * application mostly repeats the same statements, and the server then sends the same definition
 * bytes: those come back as the same frozen objects, in the same frozen array, without being
 * parsed again, so what is derived from a column layout (its decoder, its DB-API description)
 * can be remembered per array instead of rebuilt per query.
 */
export class ColumnDefinitionCache {
  private payloads: (Uint8Array | undefined)[] = [];
  private definitions: ColumnDefinition[] = [];
  private lastSet: readonly ColumnDefinition[] = [];

  /** The definition in `payload`, for the column at `index` of the result set being read. */
  read(index: number, payload: Uint8Array): ColumnDefinition {
    const kept = this.payloads[index];
    if (kept !== undefined && sameBytes(kept, payload)) {
      return this.definitions[index] as ColumnDefinition;
    }
    const definition = frozen(parseColumnDefinition(payload));
    this.payloads[index] = payload.length <= MAX_KEPT_PAYLOAD ? payload.slice() : undefined;
    this.definitions[index] = definition;
    return definition;
  }

  /**
   * The result set's definitions as one frozen array: the previous result set's array when it
   * holds the same objects, so a repeated layout keeps its identity.
   */
  complete(definitions: readonly ColumnDefinition[]): readonly ColumnDefinition[] {
    const last = this.lastSet;
    if (last.length === definitions.length) {
      let same = true;
      for (let index = 0; index < last.length && same; index += 1) {
        same = last[index] === definitions[index];
      }
      if (same) return last;
    }
    this.lastSet = Object.freeze(definitions.slice());
    return this.lastSet;
  }
}

import type { ColumnSpec, ColumnVector } from '@s2/core-cursor';

/** A column being filled: its validity bitmap and null count, set as rows are visited. */
export class ColumnPresence {
  readonly validity: Uint8Array;
  nullCount = 0;

  constructor(readonly length: number) {
    this.validity = new Uint8Array(Math.ceil(length / 8));
  }

  /** Records whether `row` has a value. */
  mark(row: number, present: boolean): void {
    if (present) this.validity[row >> 3] = (this.validity[row >> 3] as number) | (1 << (row & 7));
    else this.nullCount++;
  }

  /** The column's fields besides its values. */
  vector(spec: ColumnSpec): ColumnVector {
    const { length, nullCount, validity } = this;
    return {
      kind: spec.kind,
      typeCode: spec.typeCode,
      decimals: spec.decimals ?? 0,
      length,
      nullCount,
      validity,
    };
  }
}

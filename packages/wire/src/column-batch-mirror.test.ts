import type * as accel from '@s2/accel-wasm';
import type * as core from '@s2/core-cursor';
import { describe, expectTypeOf, it } from 'vitest';

describe('the ColumnBatch that accel-wasm produces and core-cursor reads', () => {
  it('is one shape in both packages (core-cursor mirrors it to avoid depending on accel-wasm)', () => {
    expectTypeOf<accel.ColumnBatch>().toEqualTypeOf<core.ColumnBatch>();
    expectTypeOf<accel.ColumnVector>().toEqualTypeOf<core.ColumnVector>();
    expectTypeOf<accel.ColumnKind>().toEqualTypeOf<core.ColumnKind>();
    expectTypeOf<accel.VectorElement>().toEqualTypeOf<core.VectorElement>();
  });
});

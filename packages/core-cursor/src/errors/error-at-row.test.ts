import { describe, expect, it } from 'vitest';
import { errorAtRow } from './error-at-row.js';
import { IntegrityError, ProgrammingError } from './error-classes.js';

describe('errorAtRow', () => {
  it('keeps the class, errno and SQLSTATE, names the row and keeps the original as cause', () => {
    const original = new IntegrityError("Duplicate entry '2'", { errno: 1062, sqlState: '23000' });
    const error = errorAtRow(original, 7) as IntegrityError;
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ errno: 1062, sqlState: '23000', cause: original });
    expect(error.message).toBe("1062 (23000): executeMany rows[7]: Duplicate entry '2'");
    expect((errorAtRow(new ProgrammingError('bad'), 0) as Error).message).toBe(
      'executeMany rows[0]: bad',
    );
  });

  it('returns anything that is not an S2Error unchanged', () => {
    const plain = new TypeError('not ours');
    expect(errorAtRow(plain, 3)).toBe(plain);
  });
});

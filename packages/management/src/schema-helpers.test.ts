import { describe, expect, it } from 'vitest';
import { WorkspaceSchema } from './generated/schemas.generated.js';
import { parseTimestamp, timestamp } from './schema-helpers.js';

describe('parseTimestamp', () => {
  it('reads Z, offsets, fractions and zone-less text as UTC instants', () => {
    expect(parseTimestamp('2026-03-01T10:00:00Z')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parseTimestamp('2026-03-01T10:00:00.123Z')?.toISOString()).toBe(
      '2026-03-01T10:00:00.123Z',
    );
    expect(parseTimestamp('2026-03-01T12:00:00+02:00')?.toISOString()).toBe(
      '2026-03-01T10:00:00.000Z',
    );
    expect(parseTimestamp('2026-03-01T10:00:00')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parseTimestamp('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('treats empty text and Go zero time as absent', () => {
    expect(parseTimestamp('')).toBeUndefined();
    expect(parseTimestamp('0001-01-01T00:00:00Z')).toBeUndefined();
  });

  it('rejects text that is no date with a schema issue', () => {
    expect(timestamp.safeParse('yesterday').success).toBe(false);
  });
});

describe('generated response schemas', () => {
  const wire = {
    workspaceID: 'w',
    workspaceGroupID: 'g',
    name: 'n',
    size: 'S-00',
    state: 'ACTIVE',
    createdAt: '2026-03-01T10:00:00Z',
    terminatedAt: null,
    somethingNew: 1,
  };

  it('camelCases ID keys, parses dates, maps null to undefined and drops unknown keys', () => {
    const parsed = WorkspaceSchema.parse(wire);
    expect(parsed.workspaceId).toBe('w');
    expect(parsed.workspaceGroupId).toBe('g');
    expect(parsed.createdAt).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(parsed.terminatedAt).toBeUndefined();
    expect('somethingNew' in parsed).toBe(false);
  });

  it('keeps unknown enum values', () => {
    expect(WorkspaceSchema.parse({ ...wire, state: 'Resuming' }).state).toBe('Resuming');
  });
});

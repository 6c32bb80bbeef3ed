import { describe, expect, it } from 'vitest';
import { camelFieldName, isTimestampField } from './field-names.js';

describe('camelFieldName', () => {
  it('turns ID suffixes and inner IDs into Id', () => {
    expect(camelFieldName('workspaceGroupID')).toBe('workspaceGroupId');
    expect(camelFieldName('teamIDs')).toBe('teamIds');
    expect(camelFieldName('orgID')).toBe('orgId');
    expect(camelFieldName('secondaryWorkspaceGroupIDs')).toBe('secondaryWorkspaceGroupIds');
  });

  it('turns snake_case into camelCase and leaves other names alone', () => {
    expect(camelFieldName('last_modified')).toBe('lastModified');
    expect(camelFieldName('smartDRStatus')).toBe('smartDRStatus');
    expect(camelFieldName('multiAZ')).toBe('multiAZ');
    expect(camelFieldName('name')).toBe('name');
  });
});

describe('isTimestampField', () => {
  it('recognises date-time fields and string fields named like timestamps', () => {
    expect(isTimestampField('createdAt', 'string')).toBe(true);
    expect(isTimestampField('finishedAt', 'date-time')).toBe(true);
    expect(isTimestampField('last_modified', 'string')).toBe(true);
    expect(isTimestampField('startTime', 'string')).toBe(true);
  });

  it('leaves other fields alone', () => {
    expect(isTimestampField('name', 'string')).toBe(false);
    expect(isTimestampField('createdAt', 'number')).toBe(false);
    expect(isTimestampField('format', 'string')).toBe(false);
  });
});

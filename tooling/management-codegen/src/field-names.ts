/**
 * The camelCase name a wire key gets in parsed results: `workspaceGroupID` → `workspaceGroupId`,
 * `teamIDs` → `teamIds`, `last_modified` → `lastModified`. Keys already in that form stay.
 */
export function camelFieldName(wireName: string): string {
  const fromSnake = wireName.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  return fromSnake.replace(/ID(?=s?$|[A-Z])/g, 'Id');
}

const timestampNames = new Set(['created', 'last_modified', 'startTime', 'endTime']);

/**
 * Whether a string field holds a timestamp. The catalogue types many timestamps as plain
 * strings (only some are `date-time`), so names ending in `At` count as timestamps too.
 */
export function isTimestampField(wireName: string, type: string): boolean {
  if (type === 'date-time') return true;
  if (type !== 'string') return false;
  return /[a-z]At$/.test(wireName) || timestampNames.has(wireName);
}

import { z } from 'zod';
import { ManagementError } from '../management-error.js';

function describePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(the body)' : text;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates a response body with a schema. A missing required field or a value of the wrong type
 * gives a ManagementError that names the field, e.g. `missing required field "workspaceID"`.
 */
export function parseResponse<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  context: string,
): z.output<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = describePath(issue?.path ?? []);
  const missing = issue?.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
  const detail = missing
    ? `missing required field "${where}"`
    : `invalid field "${where}": ${issue?.message ?? 'invalid value'}`;
  throw new ManagementError(`Invalid response from ${context}: ${detail}`, {
    code: 'INVALID_RESPONSE',
    cause: result.error,
  });
}

/** A schema for a list endpoint that some deployments wrap in an object, e.g. `{secrets:[…]}`. */
export function listOrWrapped<Item extends z.ZodType>(item: Item, wrapperKey: string) {
  return z.union([
    z.array(item),
    z
      .looseObject({ [wrapperKey]: z.array(item) })
      .transform((value) => value[wrapperKey] as z.output<Item>[]),
  ]);
}

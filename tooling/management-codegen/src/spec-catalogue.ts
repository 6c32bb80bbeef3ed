import { readFile } from 'node:fs/promises';

/** One field of an object schema in management-schemas.json. */
export interface FieldSpec {
  type: string;
  format?: string;
  itemFormat?: string;
  required: boolean;
  nullable?: boolean;
  fields?: Record<string, FieldSpec>;
  itemFields?: Record<string, FieldSpec>;
}

/** A named schema: an object with fields, a union of variants or an alias of another type. */
export type SchemaSpec =
  | { kind: 'object'; fields: Record<string, FieldSpec> }
  | { kind: 'union'; oneOf: string[] }
  | { kind: 'alias'; of: string };

/** A query parameter of an operation. */
export interface QueryParamSpec {
  type: string;
  format?: string;
  required: boolean;
}

/** An inline or referenced body type (request or response). */
export interface BodyTypeSpec {
  type: string;
  fields?: Record<string, FieldSpec>;
  itemFields?: Record<string, FieldSpec>;
}

/** One operation of the endpoint catalogue. */
export interface OperationSpec {
  method: string;
  path: string;
  operation: string;
  pathParams: Record<string, string>;
  queryParams: Record<string, QueryParamSpec>;
  requestBody: { contentType: string; type: string } | null;
  response200: BodyTypeSpec | null;
}

/** The whole schema catalogue (spec version, schemas, enums, scalars, operations). */
export interface SpecCatalogue {
  specVersion: string;
  schemas: Record<string, SchemaSpec>;
  enums: Record<string, string[]>;
  scalarTypes: Record<string, { type: string; format?: string; enum?: unknown[] }>;
  operations: OperationSpec[];
}

/** Reads and minimally checks the catalogue JSON, so a malformed file fails with its path. */
export async function loadCatalogue(file: string): Promise<SpecCatalogue> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('schemas' in parsed) ||
    !('enums' in parsed) ||
    !('operations' in parsed)
  ) {
    throw new Error(`${file} is not a Management API schema catalogue`);
  }
  return parsed as SpecCatalogue;
}

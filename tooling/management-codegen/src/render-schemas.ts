import { camelFieldName, isTimestampField } from './field-names.js';
import type { BodyTypeSpec, FieldSpec, OperationSpec, SpecCatalogue } from './spec-catalogue.js';

/** TypeScript identifier of a catalogue name (`FileObjectMetadata_Content` → `FileObjectMetadataContent`). */
function identifier(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '');
}

function parseArray(type: string): string | undefined {
  const match = /^array<(.+)>$/.exec(type);
  return match?.[1];
}

function parseRef(type: string): string | undefined {
  return type.startsWith('ref:') ? type.slice(4) : undefined;
}

function sortedEntries<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([left], [right]) =>
    left < right ? -1 : left > right ? 1 : 0,
  );
}

/** Collects every schema name a type string or field set refers to, directly. */
function directRefs(type: string, fields?: Record<string, FieldSpec>): string[] {
  const names: string[] = [];
  const element = parseArray(type);
  const ref = parseRef(element ?? type);
  if (ref) names.push(ref);
  if (element && parseRef(element) === undefined && /^ref:|^array</.test(element)) {
    names.push(...directRefs(element));
  }
  for (const [, field] of sortedEntries(fields ?? {})) {
    names.push(...directRefs(field.type, field.fields ?? field.itemFields));
  }
  return names;
}

function schemaRefs(catalogue: SpecCatalogue, name: string): string[] {
  const schema = catalogue.schemas[name];
  if (!schema) return [];
  if (schema.kind === 'object') return directRefs('object', schema.fields);
  if (schema.kind === 'union') return schema.oneOf.flatMap((variant) => directRefs(variant));
  return directRefs(schema.of);
}

/**
 * Schema names in dependency order (dependencies first); `cyclic` receives the edges that close
 * a cycle, which are rendered lazily.
 */
function dependencyOrder(
  catalogue: SpecCatalogue,
  roots: string[],
): { order: string[]; cyclic: Set<string> } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = new Set<string>();
  const visit = (name: string, from: string | undefined): void => {
    if (!catalogue.schemas[name]) return;
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      cyclic.add(`${from}->${name}`);
      return;
    }
    state.set(name, 'visiting');
    for (const ref of schemaRefs(catalogue, name)) visit(ref, name);
    state.set(name, 'done');
    order.push(name);
  };
  for (const root of roots) visit(root, undefined);
  return { order, cyclic };
}

class ResponseRenderer {
  constructor(
    private readonly catalogue: SpecCatalogue,
    private readonly cyclic: Set<string>,
  ) {}

  reference(name: string, owner: string): string {
    if (this.catalogue.enums[name]) return `openEnum(${identifier(name)}Values)`;
    const scalar = this.catalogue.scalarTypes[name];
    if (scalar) return this.scalar(scalar.type);
    if (this.cyclic.has(`${owner}->${name}`)) {
      return `z.lazy((): z.ZodType<unknown> => ${identifier(name)}Schema)`;
    }
    return `${identifier(name)}Schema`;
  }

  scalar(type: string): string {
    if (type === 'boolean') return 'z.boolean()';
    if (type === 'integer' || type === 'number') return 'z.number()';
    if (type === 'date-time') return 'timestamp';
    return 'z.string()';
  }

  type(
    type: string,
    owner: string,
    depth: number,
    fields?: Record<string, FieldSpec>,
    itemFields?: Record<string, FieldSpec>,
  ): string {
    const element = parseArray(type);
    if (element !== undefined) {
      return `z.array(${this.type(element, owner, depth, itemFields)})`;
    }
    const ref = parseRef(type);
    if (ref !== undefined) return this.reference(ref, owner);
    if (type === 'object') {
      return fields ? this.object(fields, owner, depth) : 'z.record(z.string(), z.unknown())';
    }
    if (type === 'any') return 'z.unknown()';
    return this.scalar(type);
  }

  field(wireName: string, field: FieldSpec, owner: string, depth: number): string {
    const base = isTimestampField(wireName, field.type)
      ? 'timestamp'
      : this.type(field.type, owner, depth + 1, field.fields, field.itemFields);
    return field.required && !field.nullable ? base : `${base}.nullish()`;
  }

  object(fields: Record<string, FieldSpec>, owner: string, depth: number): string {
    const variable = depth === 0 ? 'value' : `value${depth}`;
    const entries = sortedEntries(fields);
    const shape = entries.map(
      ([wireName, field]) => `${wireName}: ${this.field(wireName, field, owner, depth)},`,
    );
    const mapped = entries.map(([wireName, field]) => {
      const optional = !field.required || field.nullable;
      return `${camelFieldName(wireName)}: ${variable}.${wireName}${optional ? ' ?? undefined' : ''},`;
    });
    return `z.looseObject({\n${shape.join('\n')}\n}).transform((${variable}) => ({\n${mapped.join('\n')}\n}))`;
  }

  schema(name: string): string {
    const schema = this.catalogue.schemas[name];
    if (!schema) throw new Error(`unknown schema ${name}`);
    if (schema.kind === 'object') return this.object(schema.fields, name, 0);
    if (schema.kind === 'union') {
      return `z.union([${schema.oneOf.map((variant) => this.type(variant, name, 0)).join(', ')}])`;
    }
    return this.type(schema.of, name, 0);
  }
}

class BodyRenderer {
  constructor(private readonly catalogue: SpecCatalogue) {}

  reference(name: string): string {
    if (this.catalogue.enums[name]) return `z.enum(${identifier(name)}Values)`;
    const scalar = this.catalogue.scalarTypes[name];
    if (scalar) return this.scalar(scalar.type, scalar.format);
    return `${identifier(name)}BodySchema`;
  }

  scalar(type: string, format?: string): string {
    if (type === 'boolean') return 'z.boolean()';
    if (type === 'integer') return 'z.number().int()';
    if (type === 'number') return 'z.number()';
    if (type === 'date-time') return 'z.iso.datetime({ offset: true })';
    if (format === 'uuid') return 'z.guid()';
    return 'z.string()';
  }

  type(
    type: string,
    format: string | undefined,
    fields?: Record<string, FieldSpec>,
    itemFields?: Record<string, FieldSpec>,
  ): string {
    const element = parseArray(type);
    if (element !== undefined) return `z.array(${this.type(element, format, itemFields)})`;
    const ref = parseRef(type);
    if (ref !== undefined) return this.reference(ref);
    if (type === 'object')
      return fields ? this.object(fields) : 'z.record(z.string(), z.unknown())';
    if (type === 'any') return 'z.unknown()';
    return this.scalar(type, format);
  }

  object(fields: Record<string, FieldSpec>): string {
    const shape = sortedEntries(fields).map(([wireName, field]) => {
      const base = this.type(
        field.type,
        field.format ?? field.itemFormat,
        field.fields,
        field.itemFields,
      );
      const modifier = field.nullable ? '.nullish()' : field.required ? '' : '.optional()';
      return `${wireName}: ${base}${modifier},`;
    });
    return `z.strictObject({\n${shape.join('\n')}\n})`;
  }

  schema(name: string): string {
    const schema = this.catalogue.schemas[name];
    if (!schema) throw new Error(`unknown schema ${name}`);
    if (schema.kind === 'object') return this.object(schema.fields);
    if (schema.kind === 'union') {
      return `z.union([${schema.oneOf.map((variant) => this.type(variant, undefined)).join(', ')}])`;
    }
    return this.type(schema.of, undefined);
  }
}

function queryExpression(catalogue: SpecCatalogue, operation: OperationSpec): string {
  const shape = sortedEntries(operation.queryParams).map(([name, param]) => {
    const ref = parseRef(param.type);
    const scalar = ref ? catalogue.scalarTypes[ref] : undefined;
    const type = scalar?.type ?? param.type;
    const format = scalar?.format ?? param.format;
    let base = 'z.string()';
    if (ref && catalogue.enums[ref]) base = `z.enum(${identifier(ref)}Values)`;
    else if (type === 'boolean') base = "z.enum(['true', 'false'])";
    else if (type === 'integer' || type === 'number')
      base = 'z.string().regex(/^-?\\d+(\\.\\d+)?$/)';
    else if (format === 'uuid') base = 'z.guid()';
    return `${name}: ${base}${param.required ? '' : '.optional()'},`;
  });
  return `z.looseObject({${shape.length ? `\n${shape.join('\n')}\n` : ''}})`;
}

function responseExpression(
  renderer: ResponseRenderer,
  response: BodyTypeSpec | null,
  owner: string,
): string {
  if (!response) return 'undefined';
  if (response.type === 'boolean') return 'z.boolean()';
  return renderer.type(response.type, owner, 0, response.fields, response.itemFields);
}

function operationEntry(
  catalogue: SpecCatalogue,
  renderer: ResponseRenderer,
  operation: OperationSpec,
): string {
  const pathParams = sortedEntries(operation.pathParams)
    .map(([name, type]) => `${name}: ${JSON.stringify(type)}`)
    .join(', ');
  const body = operation.requestBody;
  const bodyRef = body ? parseRef(body.type) : undefined;
  const bodySchema =
    body && body.contentType === 'application/json' && bodyRef
      ? `${identifier(bodyRef)}BodySchema`
      : 'undefined';
  return [
    `${operation.operation}: {`,
    `method: ${JSON.stringify(operation.method)},`,
    `path: ${JSON.stringify(operation.path)},`,
    `pathParams: { ${pathParams} },`,
    `query: ${queryExpression(catalogue, operation)},`,
    `bodyContentType: ${body ? JSON.stringify(body.contentType) : 'undefined'},`,
    `body: ${bodySchema},`,
    `response: ${responseExpression(renderer, operation.response200, operation.operation)},`,
    '},',
  ].join('\n');
}

/**
 * Renders the TypeScript module of zod schemas for a catalogue: enum value tuples, lenient
 * response schemas that camelCase keys and parse timestamps into Dates, strict request-body
 * schemas, and the operation table. The output depends only on the catalogue, so it is
 * deterministic.
 */
export function renderSchemas(catalogue: SpecCatalogue): string {
  const schemaNames = Object.keys(catalogue.schemas).sort();
  const { order, cyclic } = dependencyOrder(catalogue, schemaNames);
  const responses = new ResponseRenderer(catalogue, cyclic);
  const bodies = new BodyRenderer(catalogue);

  const bodyRoots = catalogue.operations
    .map((operation) => operation.requestBody)
    .filter((body) => body?.contentType === 'application/json')
    .map((body) => parseRef(body?.type ?? ''))
    .filter((name): name is string => name !== undefined)
    .sort();
  const bodyOrder = dependencyOrder(catalogue, bodyRoots).order;

  const lines: string[] = [
    `// Generated by @s2/management-codegen from management-schemas.json (spec ${catalogue.specVersion}).`,
    '// Do not edit: run `pnpm --filter @s2/management-codegen generate`.',
    "import { z } from 'zod';",
    "import { openEnum, timestamp } from '../schema-helpers.js';",
    '',
    `/** Version of the Management API spec these schemas were generated from. */`,
    `export const specVersion = ${JSON.stringify(catalogue.specVersion)};`,
    '',
  ];
  for (const [name, values] of sortedEntries(catalogue.enums)) {
    const id = identifier(name);
    lines.push(`export const ${id}Values = ${JSON.stringify(values)} as const;`);
    lines.push(`export type ${id} = (typeof ${id}Values)[number];`);
  }
  lines.push('');
  for (const name of order) {
    const id = identifier(name);
    lines.push(`export const ${id}Schema = ${responses.schema(name)};`);
    lines.push(`export type ${id}Data = z.output<typeof ${id}Schema>;`);
    lines.push(`export type ${id}Wire = z.input<typeof ${id}Schema>;`);
  }
  lines.push('');
  for (const name of bodyOrder) {
    const id = identifier(name);
    lines.push(`export const ${id}BodySchema = ${bodies.schema(name)};`);
    lines.push(`export type ${id}Body = z.input<typeof ${id}BodySchema>;`);
  }
  lines.push('');
  lines.push(
    '/** Every operation of the spec: method, path, query, body and 200 response schemas. */',
  );
  lines.push('export const operations = {');
  for (const operation of catalogue.operations) {
    lines.push(operationEntry(catalogue, responses, operation));
  }
  lines.push('} as const;');
  lines.push('');
  lines.push('/** Name of an operation of the spec. */');
  lines.push('export type OperationName = keyof typeof operations;');
  lines.push('');
  return lines.join('\n');
}

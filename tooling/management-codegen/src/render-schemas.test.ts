import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { indentSource } from './indent-source.js';
import { catalogueFile, generatedFile } from './paths.js';
import { renderSchemas } from './render-schemas.js';
import { loadCatalogue, type SpecCatalogue } from './spec-catalogue.js';

const small: SpecCatalogue = {
  specVersion: '9.9.9',
  enums: { ThingState: ['ACTIVE', 'GONE'] },
  scalarTypes: { ThingID: { type: 'string', format: 'uuid' } },
  schemas: {
    Thing: {
      kind: 'object',
      fields: {
        thingID: { type: 'string', format: 'uuid', required: true },
        createdAt: { type: 'string', required: true },
        state: { type: 'ref:ThingState', required: false },
        children: { type: 'array<ref:Thing>', required: false },
      },
    },
    ThingCreate: {
      kind: 'object',
      fields: {
        name: { type: 'string', required: true },
        size: { type: 'integer', required: false },
      },
    },
  },
  operations: [
    {
      method: 'POST',
      path: '/v1/things/{thingID}',
      operation: 'PostV1Things',
      pathParams: { thingID: 'string(uuid)' },
      queryParams: { force: { type: 'boolean', required: false } },
      requestBody: { contentType: 'application/json', type: 'ref:ThingCreate' },
      response200: { type: 'ref:Thing' },
    },
  ],
};

describe('renderSchemas', () => {
  const output = renderSchemas(small);

  it('renames ID keys, parses timestamps and keeps enums open in response schemas', () => {
    expect(output).toContain('thingId: value.thingID,');
    expect(output).toContain('createdAt: timestamp,');
    expect(output).toContain('state: openEnum(ThingStateValues).nullish(),');
  });

  it('renders self references lazily so the module can load', () => {
    expect(output).toContain('z.lazy((): z.ZodType<unknown> => ThingSchema)');
  });

  it('renders strict body schemas only for request bodies', () => {
    expect(output).toContain('export const ThingCreateBodySchema = z.strictObject({');
    expect(output).toContain('size: z.number().int().optional(),');
    expect(output).not.toContain('ThingBodySchema');
  });

  it('describes each operation with its query, body and response', () => {
    expect(output).toContain('PostV1Things: {');
    expect(output).toContain("force: z.enum(['true', 'false']).optional(),");
    expect(output).toContain('body: ThingCreateBodySchema,');
    expect(output).toContain('response: ThingSchema,');
  });

  it('is deterministic', () => {
    const shuffled: SpecCatalogue = {
      ...small,
      schemas: Object.fromEntries(Object.entries(small.schemas).reverse()),
    };
    expect(renderSchemas(shuffled)).toBe(output);
  });
});

describe('the committed generated module', () => {
  it('matches a fresh rendering of the shared catalogue', async () => {
    const expected = indentSource(renderSchemas(await loadCatalogue(catalogueFile)));
    expect(await readFile(generatedFile, 'utf8')).toBe(expected);
  });
});

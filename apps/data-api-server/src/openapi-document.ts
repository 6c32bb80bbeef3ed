const statementBody = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['sql'],
        properties: {
          sql: { type: 'string', description: 'One SQL statement; `?` marks each argument.' },
          args: { type: 'array', items: {}, description: 'Arguments in placeholder order.' },
          database: { type: 'string', description: 'Default database for this request.' },
        },
      },
    },
  },
};

const errorResponses = {
  '400': { description: 'SQL or request error: `Error NNNN: message`, or a description.' },
  '401': { description: 'Missing or rejected credentials.' },
  '403': { description: 'The user lacks a privilege the statement needs.' },
  '413': { description: 'The request body is larger than 1 MB, as sent or decompressed.' },
  '415': {
    description:
      'The Content-Type is not application/json, or the Content-Encoding not gzip, deflate or identity.',
  },
  '502': { description: 'The target database server could not be reached.' },
};

const column = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    dataType: { type: 'string', example: 'DECIMAL(18,4)' },
    nullable: { type: 'boolean' },
  },
};

function queryResponse(rowSchema: object): object {
  return {
    description: 'One entry per result set.',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: {
            results: {
              type: 'array',
              items: {
                type: 'object',
                properties: { columns: { type: 'array', items: column }, rows: rowSchema },
              },
            },
          },
        },
      },
    },
  };
}

/** The OpenAPI 3 description of the endpoints this server implements, for `GET /api/v2/spec`. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.0.3',
  info: {
    title: 'SingleStore Data API (local @s2/data-api-server)',
    version: '2.0.0',
    description:
      'The Data API endpoints served in front of a MySQL-compatible server. 64-bit integers are exact JSON numbers; DECIMAL, dates and times are strings; binary values are base64.',
  },
  components: {
    securitySchemes: {
      basic: { type: 'http', scheme: 'basic' },
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    },
  },
  security: [{ basic: [] }, { bearer: [] }],
  paths: {
    '/api/v2/query/tuples': {
      post: {
        summary: 'Run a statement that returns rows; rows as arrays with column metadata.',
        requestBody: statementBody,
        responses: {
          '200': queryResponse({ type: 'array', items: { type: 'array', items: {} } }),
          ...errorResponses,
        },
      },
    },
    '/api/v2/query/rows': {
      post: {
        summary: 'Run a statement that returns rows; rows as objects keyed by column name.',
        requestBody: statementBody,
        responses: {
          '200': queryResponse({ type: 'array', items: { type: 'object' } }),
          ...errorResponses,
        },
      },
    },
    '/api/v2/exec': {
      post: {
        summary: 'Run a statement that returns no rows.',
        requestBody: statementBody,
        responses: {
          '200': {
            description: 'Counters of the statement.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    lastInsertId: { type: 'integer', format: 'int64' },
                    rowsAffected: { type: 'integer', format: 'int64' },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    '/api/v2/jwks_setup': {
      post: {
        summary:
          'Replace the JWKS that Bearer JWTs are verified against; needs the admin token as Bearer.',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['keys'],
                properties: { keys: { type: 'array', items: { type: 'object' } } },
              },
            },
          },
        },
        responses: {
          '200': { description: '`{"keys": n}`: the number of signing keys now in use.' },
          '400': { description: 'Not a usable key set (or it holds private key material).' },
          '401': { description: 'Not the admin token.' },
          '403': { description: 'The server was started without an admin token.' },
          '409': { description: 'JWT authentication is not enabled on this server.' },
        },
      },
    },
    '/ping': {
      get: {
        summary: 'Liveness; needs no credentials.',
        security: [],
        responses: { '200': { description: '`pong`', content: { 'text/plain': {} } } },
      },
    },
    '/api/v2/spec': {
      get: {
        summary: 'This document.',
        security: [],
        responses: { '200': { description: 'OpenAPI 3 JSON' } },
      },
    },
  },
} as const;

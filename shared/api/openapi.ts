// The OpenAPI 3.1 document of the API, generated from the route contracts with zod's own JSON Schema output
// (draft 2020-12, the dialect OpenAPI 3.1 uses). Pure: the same function can describe the API in the docs or the web.

import type { Contract, Schema } from '#shared/api/contract.ts';
import * as z from '#shared/validation.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: Schema, io: 'input' | 'output'): JsonSchema {
  // `unrepresentable: 'any'` keeps refinements (e.g. "licenceId or product") out of the document instead of failing it.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: Schema | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'output');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  // An object schema's `required` is a list of property names (JSON Schema); JsonSchema leaves every value unknown.
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'The request is not valid (VALIDATION_FAILED), with details per field.',
  '401': 'No valid access token of the route’s user pool.',
  '403': 'Signed in, but not allowed (FORBIDDEN), e.g. a staff role the route does not allow.',
  '404': 'Not found, or not the caller’s.',
  '409': 'A conflict with the current state, with a specific code.',
  '429': 'Too many requests; `retry-after` says when to try again.',
};

function errorsFor(contract: Contract): Record<string, unknown> {
  const wanted = ['400', '404', '409', '429'];
  if (contract.access.pool !== 'public') wanted.push('401');
  if (contract.access.pool === 'staff' || contract.access.pool === 'customer') wanted.push('403');
  return Object.fromEntries(
    wanted
      .sort()
      .map((status) => [
        status,
        { description: ERROR_RESPONSES[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ]),
  );
}

function successFor(contract: Contract): Record<string, unknown> {
  const { response } = contract;
  const entries = response.status.map((status) => {
    if (response.kind === 'json') {
      const schema = jsonSchema(response.body, 'output');
      return [String(status), { description: 'Success.', content: { 'application/json': { schema } } }];
    }
    if (response.kind === 'file') {
      return [
        String(status),
        {
          description: `${response.description} Sent with content-disposition: attachment.`,
          headers: { 'content-disposition': { schema: { type: 'string' } } },
          content: { [response.contentType]: { schema: { type: 'string' } } },
        },
      ];
    }
    return [String(status), { description: 'Done; no body.' }];
  });
  return Object.fromEntries(entries);
}

function operationId(contract: Contract): string {
  const words = contract.path
    .replace(/^\/api\//, '')
    .split(/[/{}.-]+/)
    .filter(Boolean);
  return [contract.method.toLowerCase(), ...words.map((word) => word.charAt(0).toUpperCase() + word.slice(1))].join('');
}

function operation(contract: Contract): Record<string, unknown> {
  const { access, request } = contract;
  return {
    operationId: operationId(contract),
    summary: contract.summary,
    tags: [contract.path.split('/')[2] ?? 'api'],
    ...(access.pool === 'public' ? { security: [] } : { security: [{ [access.pool]: [] }] }),
    ...(access.pool === 'staff' ? { 'x-staff-groups': access.groups } : {}),
    parameters: [...parameters(request.path, 'path'), ...parameters(request.query, 'query')],
    ...(request.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(request.body, 'output') } } } }
      : {}),
    responses: { ...successFor(contract), ...errorsFor(contract) },
  };
}

export function openApiDocument(contracts: readonly Contract[], info: { title: string; version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of contracts) {
    paths[contract.path] ??= {};
    paths[contract.path]![contract.method.toLowerCase()] = operation(contract);
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'Generated from the route contracts (shared/api/). ' +
        'Every error is `{"error":{"code","message","details?","requestId"}}`; see docs/api.md.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        customer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token of the customer user pool.' },
        staff: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access token of the staff user pool; each route names the staff groups it allows (x-staff-groups).',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                details: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] },
                requestId: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
}

// The OpenAPI document is generated from the route table's contracts: it must be valid OpenAPI 3.1 and describe every
// route, its parameters and its success response, so a route without a response schema fails here.

import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { openApiDocument } from '#shared/api/openapi.ts';
import * as z from '#shared/validation.ts';

const document = openApiDocument(
  routes.map((route) => route.contract),
  { title: 'Atrium API', version: '1' },
);
type Operation = {
  parameters: Array<{ name: string; in: string; required: boolean }>;
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  security: unknown[];
  'x-staff-groups'?: string[];
  requestBody?: unknown;
};
const operationOf = (method: string, path: string) =>
  (document.paths as Record<string, Record<string, Operation>>)[path]![method.toLowerCase()]!;

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  const cases = routes.map((route) => [`${route.method} ${route.path}`, route] as const);
  it.each(cases)('describes %s with its success response', (_, route) => {
    const operation = operationOf(route.method, route.path);
    const { response } = route.contract;
    expect(response.status.length).toBeGreaterThan(0);
    for (const status of response.status) {
      const success = operation.responses[String(status)];
      expect(success, `${status}`).toBeDefined();
      if (response.kind === 'json') {
        const schema = success!.content?.['application/json']?.schema;
        // A JSON route must say what its body is: an object schema with properties (or a literal shape), never empty.
        expect(schema?.type ?? schema?.anyOf, `${route.path} response schema`).toBeDefined();
      }
      if (response.kind === 'file') expect(Object.keys(success!.content ?? {})).toEqual([response.contentType]);
    }
  });

  it('names every path parameter in the path schema and nowhere else', () => {
    for (const route of routes) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = operationOf(route.method, route.path)
        .parameters.filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name)
        .sort();
      expect(declared, route.path).toEqual(inPath);
    }
  });

  it('marks who may call: no security on public routes, the pool on the others, the staff groups on staff routes', () => {
    for (const route of routes) {
      const operation = operationOf(route.method, route.path);
      if (route.access === 'public') expect(operation.security).toEqual([]);
      else expect(operation.security).toEqual([{ [route.access]: [] }]);
      if (route.access === 'staff') expect(operation['x-staff-groups']?.length).toBeGreaterThan(0);
    }
  });

  it('describes the request body of every route that reads one, from the same schema the handler parses', () => {
    for (const route of routes) {
      expect(operationOf(route.method, route.path).requestBody !== undefined, route.path).toBe(route.contract.request.body !== undefined);
    }
    const createOrder = operationOf('POST', '/api/admin/orders').requestBody as {
      content: { 'application/json': { schema: { required: string[]; additionalProperties: boolean } } };
    };
    expect(createOrder.content['application/json'].schema).toMatchObject({ additionalProperties: false });
    const required = createOrder.content['application/json'].schema.required;
    expect(required).toEqual(expect.arrayContaining(['email', 'contact', 'lines', 'idempotencyKey']));
  });

  it('works from zod/mini schemas, refinements included (they are left out, not failed on)', () => {
    const refined = z.strictObject({ a: z.optional(z.string()) }).check(z.refine(() => true));
    expect(z.toJSONSchema(refined, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })).toMatchObject({ type: 'object' });
  });
});

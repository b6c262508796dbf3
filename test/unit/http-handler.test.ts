// The one handler shape: strict input, typed errors to a stable body, nothing internal leaks.

import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { ConflictError, TooManyRequestsError } from '#shared/http/errors.ts';
import { anyone, contract, customer, json, staff, type RequestSchemas, type RouteAccess } from '#shared/api/contract.ts';
import { httpHandler, type HttpEvent } from '#shared/http/handler.ts';

/** A contract for a made-up route: the handler reads only its request schemas and access. */
const route = <const R extends RequestSchemas>(request: R, access: Exclude<RouteAccess, { pool: 'customer' }> = anyone) =>
  contract({ method: 'POST', path: '/api/things', summary: 'test', access, request, response: json(z.unknown(), 200, 201) });

const context = { functionName: 'test', awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

function event(overrides: Partial<HttpEvent> = {}): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'POST /api/things',
    rawPath: '/api/things',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: 'example.test',
      domainPrefix: 'example',
      http: { method: 'POST', path: '/api/things', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: 'POST /api/things',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...overrides,
  };
}

const body = z.strictObject({ name: z.string().min(1) });

describe('httpHandler', () => {
  it('passes parsed input to the use case and returns JSON with the request id', async () => {
    const handler = httpHandler(route({ body }), async ({ body }) => ({ status: 201, body: { hello: body.name } }));
    const result = await handler(event({ body: JSON.stringify({ name: 'Ada' }) }), context);
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body!)).toEqual({ hello: 'Ada' });
    expect(result.headers).toMatchObject({ 'x-request-id': 'req-1', 'cache-control': 'no-store' });
  });

  it('marks every JSON answer, success or error, nosniff', async () => {
    const ok = await httpHandler(route({ body }), async () => ({ body: { fine: true } }))(
      event({ body: JSON.stringify({ name: 'Ada' }) }),
      context,
    );
    const refused = await httpHandler(route({ body }), async () => ({ body: {} }))(event({ body: '{"name":' }), context);
    const failed = await httpHandler(route({}), async () => {
      throw new Error('boom');
    })(event(), context);
    for (const result of [ok, refused, failed]) {
      expect(result.headers, String(result.statusCode)).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
    }
  });

  it('refuses unknown keys with the path of each problem', async () => {
    const handler = httpHandler(route({ body }), async () => ({ body: {} }));
    const result = await handler(event({ body: JSON.stringify({ name: '', admin: true }) }), context);
    expect(result.statusCode).toBe(400);
    const parsed = JSON.parse(result.body!);
    expect(parsed.error.code).toBe('VALIDATION_FAILED');
    expect(parsed.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['body', 'body.name']);
  });

  it('refuses a body that is not JSON (415) or too large (413)', async () => {
    const handler = httpHandler(route({ body }), async () => ({ body: {} }));
    const wrongType = await handler(event({ headers: { 'content-type': 'text/plain' }, body: 'name=x' }), context);
    const tooLarge = await handler(event({ body: JSON.stringify({ name: 'x'.repeat(70_000) }) }), context);
    expect(wrongType.statusCode).toBe(415);
    expect(JSON.parse(wrongType.body!).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(tooLarge.statusCode).toBe(413);
  });

  it('takes a larger body only on a route that declares its own maxBodyBytes, and still refuses one past it', async () => {
    const large = (bytes: number) =>
      contract({
        method: 'POST',
        path: '/api/files',
        summary: 'test',
        access: anyone,
        maxBodyBytes: bytes,
        request: { body },
        response: json(z.unknown()),
      });
    const payload = event({ body: JSON.stringify({ name: 'x'.repeat(200_000) }) });
    const accepted = await httpHandler(large(256 * 1024), async ({ body }) => ({ body: { length: body.name.length } }))(payload, context);
    const refused = await httpHandler(large(128 * 1024), async () => ({ body: {} }))(payload, context);
    const shared = await httpHandler(route({ body }), async () => ({ body: {} }))(payload, context);
    expect(accepted.statusCode).toBe(200);
    expect(JSON.parse(accepted.body!)).toEqual({ length: 200_000 });
    expect([refused.statusCode, shared.statusCode]).toEqual([413, 413]);
    expect(JSON.parse(refused.body!).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('maps typed errors to their status and code, with retry-after for rate limits', async () => {
    const conflict = await httpHandler(route({}), async () => {
      throw new ConflictError('Already there.', 'DUPLICATE');
    })(event(), context);
    const limited = await httpHandler(route({}), async () => {
      throw new TooManyRequestsError(undefined, 30);
    })(event(), context);
    expect(conflict.statusCode).toBe(409);
    expect(JSON.parse(conflict.body!).error).toEqual({ code: 'DUPLICATE', message: 'Already there.', requestId: 'req-1' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers).toMatchObject({ 'retry-after': '30' });
  });

  it('turns an unexpected error into a 500 that hides the internals', async () => {
    const handler = httpHandler(route({}), async () => {
      throw new Error('connection string postgres://secret@db');
    });
    const result = await handler(event(), context);
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('secret');
    expect(result.body).not.toContain('at ');
    expect(JSON.parse(result.body!).error).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong on our side. Try again later.',
      requestId: 'req-1',
    });
  });

  describe('access declared in the contract', () => {
    const withClaims = (claims: Record<string, string> | undefined) =>
      event({
        requestContext: {
          ...event().requestContext,
          ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } } : {}),
        },
      });
    const billingOnly = httpHandler(route({}, staff('admin', 'billing')), async () => ({ body: { ok: true } }));

    it("lets a staff user in one of the route's groups through", async () => {
      const result = await billingOnly(withClaims({ sub: 'u1', token_use: 'access', 'cognito:groups': '[support billing]' }), context);
      expect(result.statusCode).toBe(200);
    });

    it("answers 403 FORBIDDEN to a staff user in none of the route's groups, before reading the body", async () => {
      const result = await billingOnly(withClaims({ sub: 'u1', token_use: 'access', 'cognito:groups': '[support]' }), context);
      expect(result.statusCode).toBe(403);
      expect(JSON.parse(result.body!).error).toMatchObject({ code: 'FORBIDDEN', requestId: 'req-1' });
    });

    it('answers 401 on a signed-in route when the event carries no access-token claims', async () => {
      const noClaims = await billingOnly(withClaims(undefined), context);
      const idToken = await billingOnly(withClaims({ sub: 'u1', token_use: 'id', 'cognito:groups': '[admin]' }), context);
      expect(noClaims.statusCode).toBe(401);
      expect(idToken.statusCode).toBe(401);
    });
  });

  it('refuses to build a customer route without the customer resolution (customerHttpHandler)', () => {
    const customerRoute = contract({
      method: 'GET',
      path: '/api/mine',
      summary: 'test',
      access: customer,
      request: {},
      response: json(z.unknown()),
    });
    // @ts-expect-error: the types already refuse it; the runtime check guards a cast.
    expect(() => httpHandler(customerRoute, async () => ({ body: {} }))).toThrow(/customerHttpHandler/);
  });
});

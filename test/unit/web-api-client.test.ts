// The portal's typed client: every URL, method and pool comes from the route contracts (no '/api/...' string in the
// web app), path parameters are encoded, a refused token gets one silent refresh and one retry, errors are typed.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { api, ApiError, request, urlOf, verifySignInCode, type ReplyOf, type RequestOf } from '../../web/src/api.ts';

const WEB_SOURCE = join(import.meta.dirname, '..', '..', 'web', 'src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(directory, entry.name)] : [],
  );
}

/** A fetch that answers each call with the next of `replies`, and remembers what it was asked. */
function fakeFetch(...replies: Array<{ status: number; body?: unknown }>) {
  const calls: Array<{ url: string; method: string; authorization?: string; body?: unknown }> = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({
      url,
      method: String(init.method),
      ...(headers.authorization ? { authorization: headers.authorization } : {}),
      ...(init.body ? { body: JSON.parse(String(init.body)) } : {}),
    });
    const reply = replies.shift() ?? { status: 500 };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const tokens = (accessToken: string) => ({ accessToken, idToken: 'id', expiresIn: 3600, tokenType: 'Bearer' });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the web client', () => {
  it('has no hand-written /api/ path string in web/src: every URL comes from a route contract', () => {
    // Prepare
    const quotedApiPath = /['"`]\/api\//;

    // Act
    const offenders = sourceFiles(WEB_SOURCE).filter((file) => quotedApiPath.test(readFileSync(file, 'utf8')));

    // Assess
    expect(offenders.map((file) => relative(WEB_SOURCE, file))).toEqual([]);
  });

  it("builds the URL from the contract's path template, encoding every parameter, and drops empty query values", () => {
    expect(urlOf(api.orders.getStaffOrder, { accountId: 'demo acme/1', orderId: '01JD3Q8W5M2K7Z9XG4R6T1V0BN' })).toBe(
      '/api/admin/orders/demo%20acme%2F1/01JD3Q8W5M2K7Z9XG4R6T1V0BN',
    );
    expect(urlOf(api.orders.listStaffOrders, {}, { email: 'a+b@example.com', reference: '', limit: 10, cursor: undefined })).toBe(
      '/api/admin/orders?email=a%2Bb%40example.com&limit=10',
    );
    expect(() => urlOf(api.licences.getLicence, {})).toThrow(/licenceId/);
  });

  it("sends the contract's method and body, with the pool's token, and answers the reply", async () => {
    // Prepare: a staff sign-in, then a staff route
    const calls = fakeFetch({ status: 200, body: tokens('staff-token') }, { status: 200, body: { items: [] } });
    await verifySignInCode('staff', { email: 'staff@example.test', session: 's'.repeat(16), code: '123456' });

    // Act
    const page = await request(api.orders.listStaffOrders, { query: { email: 'a@example.test' } });

    // Assess
    expect(page).toEqual({ items: [] });
    expect(calls).toEqual([
      {
        url: '/api/auth/staff/verify-code',
        method: 'POST',
        body: { email: 'staff@example.test', session: 's'.repeat(16), code: '123456' },
      },
      { url: '/api/admin/orders?email=a%40example.test', method: 'GET', authorization: 'Bearer staff-token' },
    ]);
  });

  it('after a refused token, refreshes silently once and repeats the call with the new token', async () => {
    // Prepare
    const calls = fakeFetch(
      { status: 200, body: tokens('old') },
      { status: 401, body: { error: { code: 'SESSION_EXPIRED', message: 'Sign in again.', requestId: 'r1' } } },
      { status: 200, body: tokens('new') },
      { status: 200, body: { items: [] } },
    );
    await verifySignInCode('customer', { email: 'c@example.test', session: 's'.repeat(16), code: '123456' });

    // Act
    const page = await request(api.licences.listLicences, { query: { sort: 'asc' } });

    // Assess
    expect(page.items).toEqual([]);
    expect(calls.slice(1).map(({ url, method, authorization }) => [method, url, authorization])).toEqual([
      ['GET', '/api/licences?sort=asc', 'Bearer old'],
      ['POST', '/api/auth/customer/refresh', undefined],
      ['GET', '/api/licences?sort=asc', 'Bearer new'],
    ]);
  });

  it("answers an API refusal as an ApiError with the body's code, details and request id", async () => {
    // Prepare
    const details = [{ path: 'body.name', message: 'Too big: expected string to have <=200 characters' }];
    fakeFetch({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details, requestId: 'r2' } },
    });

    // Act
    const failure = await request(api.auth.signUp, { body: { email: 'a@example.test', password: 'x', name: 'n'.repeat(5000) } }).catch(
      (error: unknown) => error,
    );

    // Assess
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', details, requestId: 'r2' });
  });

  it('types path, query, body and reply from the contract, so a changed contract fails the type check', () => {
    expectTypeOf<RequestOf<typeof api.licences.getLicence>['path']>().toEqualTypeOf<{ licenceId: string }>();
    expectTypeOf<ReplyOf<typeof api.licences.getLicence>['supportSubscriptions'][number]['status']>().toEqualTypeOf<
      'active' | 'expiring' | 'expired'
    >();
    expectTypeOf<ReplyOf<typeof api.auth.signOut>>().toEqualTypeOf<undefined>();
    if (Date.now() < 0) {
      // Never run: the type checker refuses each line (`npm test` runs tsc first).
      // @ts-expect-error the path parameter is missing
      void request(api.licences.getLicence, {});
      // @ts-expect-error a body field the contract does not have
      void request(api.licences.transferLicence, { path: { licenceId: 'x' }, body: { computerId: 'x' } });
      // @ts-expect-error this route takes no body
      void request(api.licences.getLicence, { path: { licenceId: 'x' }, body: {} });
    }
  });
});

// The route table served through the local API Gateway emulation: authorizers, isolation, pagination, bad input.

import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('customer routes', () => {
  it("lists the signed-in customer's licences, newest first, with whether support is active", async () => {
    // Prepare
    const customer = await createCustomer(purchases(3, 2024));
    const token = await signIn(api, 'customer', customer.login);
    // Act
    const response = await call(api, 'GET', '/api/licences', { token });
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(response.body.items.map((licence: { purchasedAt: string }) => licence.purchasedAt)).toEqual([
      '2024-03-15T10:30:00.000Z',
      '2024-02-15T10:30:00.000Z',
      '2024-01-15T10:30:00.000Z',
    ]);
    expect(response.body.items[2]).toMatchObject({
      product: 'Remote Access',
      serial: 'S-0',
      users: 5,
      edition: 'Enterprise',
      orderReference: customer.purchases[0]!.reference,
      supportEndsAt: '2025-01-15T10:30:00.000Z',
      supportActive: false,
    });
    expect(response.body.nextCursor).toBeUndefined();
  });

  it('pages through every licence exactly once', async () => {
    const customer = await createCustomer(purchases(7));
    const token = await signIn(api, 'customer', customer.login);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await call(api, 'GET', `/api/licences?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...response.body.items.map((licence: { licenceId: string }) => licence.licenceId));
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("never shows another account's licences, even with a cursor forged from that account", async () => {
    const victim = await createCustomer(purchases(4));
    const attacker = await createCustomer(purchases(1));
    const victimToken = await signIn(api, 'customer', victim.login);
    const attackerToken = await signIn(api, 'customer', attacker.login);
    const victimPage = await call(api, 'GET', '/api/licences?limit=1', { token: victimToken });
    const forged = await call(api, 'GET', `/api/licences?cursor=${victimPage.body.nextCursor}`, { token: attackerToken });
    expect(forged.status).toBe(200);
    const victimIds = new Set(
      (await call(api, 'GET', '/api/licences', { token: victimToken })).body.items.map(
        (licence: { licenceId: string }) => licence.licenceId,
      ),
    );
    for (const licence of forged.body.items) expect(victimIds.has(licence.licenceId)).toBe(false);
    const me = await call(api, 'GET', '/api/me', { token: attackerToken });
    expect(me.body.account.accountId).toBe(attacker.account.accountId);
  });

  it('shows the account and its activation key', async () => {
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    const response = await call(api, 'GET', '/api/me', { token });
    expect(response.body).toEqual({
      email: customer.login.email,
      role: 'owner',
      account: {
        accountId: customer.account.accountId,
        name: customer.account.name,
        activationKey: customer.account.activationKey,
        contactEmail: customer.login.email,
      },
      contracts: [],
    });
  });

  it('refuses unknown query keys, bad limits and garbage cursors with 400 and a stable body', async () => {
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    for (const query of [
      '?limit=0',
      '?limit=1000',
      '?limit=abc',
      '?sort=newest',
      '?order=asc',
      '?cursor=not-a-cursor',
      '?cursor=eyJQSyI6MX0',
    ]) {
      const response = await call(api, 'GET', `/api/licences${query}`, { token });
      expect(response.status, query).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});

describe('the JWT authorizer emulation', () => {
  it('refuses a request without a token, with a malformed token, or with a token from another issuer', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ token_use: 'access', client_id: 'atrium-local-customer' })
      .setProtectedHeader({ alg: 'RS256', kid: 'customer-x' })
      .setSubject('someone')
      .setIssuer(`${api.url}/local-idp/customer`)
      .setExpirationTime('5m')
      .sign(privateKey);
    for (const token of [undefined, 'not.a.jwt', foreign]) {
      const response = await call(api, 'GET', '/api/licences', token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ code: 'UNAUTHORIZED', requestId: expect.any(String) });
    }
  });

  it('refuses a customer token on a staff route and a staff token on a customer route', async () => {
    const customer = await createCustomer([]);
    const staff = await createStaff();
    const customerToken = await signIn(api, 'customer', customer.login);
    const staffToken = await signIn(api, 'staff', staff);
    expect((await call(api, 'GET', '/api/admin/customers', { token: customerToken })).status).toBe(401);
    expect((await call(api, 'GET', '/api/licences', { token: staffToken })).status).toBe(401);
  });

  it('lets staff list customer accounts, newest first', async () => {
    const first = await createCustomer(purchases(1));
    const second = await createCustomer(purchases(1, 2022));
    const staff = await createStaff(['support']);
    const token = await signIn(api, 'staff', staff);
    const response = await call(api, 'GET', '/api/admin/customers?limit=100', { token });
    expect(response.status).toBe(200);
    const ids = response.body.items.map((account: { accountId: string }) => account.accountId);
    expect(ids).toContain(first.account.accountId);
    expect(ids.indexOf(second.account.accountId)).toBeLessThan(ids.indexOf(first.account.accountId));
  });

  it('refuses forged staff list cursors with 400 and a stable body, never a 500', async () => {
    const token = await signIn(api, 'staff', await createStaff(['support']));
    const cursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const forged = [
      cursor({ PK: '', SK: '', GSI1PK: '', GSI1SK: '' }),
      cursor({ PK: 'ACCOUNT#1', SK: '', GSI1PK: 'ACCOUNTS', GSI1SK: '2024#1' }),
      cursor({ PK: 'ACCOUNT#1', SK: 'ACCOUNT', GSI1PK: 'ACCOUNTS', GSI1SK: '' }),
      cursor({ PK: 'ACCOUNT#1', SK: 'x'.repeat(1100), GSI1PK: 'ACCOUNTS', GSI1SK: '2024#1' }),
    ];
    for (const path of ['/api/admin/customers', '/api/admin/orders', '/api/admin/orders?email=someone%40example.test&']) {
      for (const value of forged) {
        const separator = path.endsWith('&') ? '' : '?';
        const response = await call(api, 'GET', `${path}${separator}cursor=${value}`, { token });
        expect(response.status, `${path} ${value}`).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
      }
    }
  });

  it('refuses a staff user who is in no staff group', async () => {
    const staff = await createStaff([]);
    const token = await signIn(api, 'staff', staff);
    const response = await call(api, 'GET', '/api/admin/customers', { token });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });
});

describe('bad requests', () => {
  it('answers an unknown route with 404 and bad JSON with 400', async () => {
    expect((await call(api, 'GET', '/api/nothing-here')).status).toBe(404);
    const badJson = await call(api, 'POST', '/api/auth/customer/sign-in', { rawBody: '{"email":' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('VALIDATION_FAILED');
    const badPool = await call(api, 'POST', '/api/auth/admins/sign-in', { body: { email: 'a@b.cd', password: 'x' } });
    expect(badPool.status).toBe(400);
  });

  it('answers malformed percent-encoding in a path parameter with 400 and the stable body, never a 500', async () => {
    const token = await signIn(api, 'customer', (await createCustomer([])).login);
    for (const bad of ['%', '%ZZ', '%E0%A4%A']) {
      const publicRoute = await call(api, 'POST', `/api/auth/${bad}/sign-in`, { body: { email: 'a@b.cd', password: 'x' } });
      const customerRoute = await call(api, 'GET', `/api/licences/${bad}`, { token });
      for (const response of [publicRoute, customerRoute]) {
        expect(response.status, bad).toBe(400);
        expect(response.body.error).toMatchObject({
          code: 'VALIDATION_FAILED',
          message: expect.any(String),
          requestId: expect.any(String),
        });
      }
    }
  });

  it("answers the gateway's own refusals (404, 401) with the stable error body", async () => {
    const notFound = await call(api, 'GET', '/api/nothing-here');
    const unauthorized = await call(api, 'GET', '/api/licences');
    expect(notFound.status).toBe(404);
    expect(notFound.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.any(String), requestId: expect.any(String) });
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');
  });

  it("answers bodies over the handler limit and over Lambda's 6 MB payload limit with 413 and the error body, not a reset", async () => {
    // 2 MiB reaches the handler (which takes at most 64 KiB); 7 MiB is more than Lambda accepts, so the gateway refuses it.
    for (const size of [2 * 1024 * 1024, 7 * 1024 * 1024]) {
      const response = await call(api, 'POST', '/api/auth/customer/sign-in', {
        rawBody: JSON.stringify({ email: 'a@b.cd', password: 'x'.repeat(size) }),
      });
      expect(response.status, String(size)).toBe(413);
      expect(response.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), requestId: expect.any(String) });
    }
  });

  it('answers the health check without a token', async () => {
    const response = await call(api, 'GET', '/api/health');
    expect(response).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

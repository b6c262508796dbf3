// Generated from the route table: "view as customer" over every customer route. A staff user who started viewing an
// account (with a reason) reads exactly what its owner reads on every GET route, under /api/view-as/{accountId}; every
// route that writes answers 403 VIEW_AS_READ_ONLY and changes nothing; without a live session, or with a customer's
// token, the view-as mounts refuse.

import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type Route } from '#functions/routes.ts';
import { isWrite, viewAsPath } from '#shared/api/contract.ts';
import { VIEW_AS_SECONDS } from '#shared/accounts/view-as.ts';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { randomIp } from '../../support/api.ts';
import { expectErrorBody, pathFrom, seededApi, send, tableSnapshot, validSample } from '../../support/route-checks.ts';

const suite = seededApi();
const customerRoutes = routes.filter((route) => route.access === 'customer');
const keyOf = (route: Route) => `${route.method} ${route.path}`;

function viewAs(route: Route, token: string, accountId = suite.fixture.own.accountId, sourceIp?: string) {
  const body = route.contract.request.body ? JSON.stringify(validSample(route.contract.request.body)) : undefined;
  return send(suite.api, route.method, viewAsPath(pathFrom(route, suite.fixture.own), accountId), {
    token,
    ...(sourceIp !== undefined ? { sourceIp } : {}),
    ...(body !== undefined ? { body } : {}),
  });
}

const supportToken = () => suite.fixture.staffTokens.support;

beforeAll(async () => {
  const started = await send(suite.api, 'POST', `/api/admin/customers/${suite.fixture.own.accountId}/view-as`, {
    token: supportToken(),
    body: JSON.stringify({ reason: 'Checking what the customer sees on the licences page.' }),
  });
  expect(started.status, started.text).toBe(201);
});

describe('view as customer', () => {
  it('mounts every customer route for staff, and only those', () => {
    expect(customerRoutes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => route.viewAsPath !== undefined)).toEqual(customerRoutes);
  });

  it.each(customerRoutes.filter((route) => !isWrite(route.contract)).map((route) => [keyOf(route), route] as const))(
    '%s: the staff user reads what the owner reads',
    async (what, route) => {
      // From the same address: a page may show the address it is used from (the security centre's IP allow-list).
      const sourceIp = randomIp();
      const own = await send(suite.api, route.method, pathFrom(route, suite.fixture.own), { token: suite.fixture.own.token, sourceIp });
      const viewed = await viewAs(route, supportToken(), suite.fixture.own.accountId, sourceIp);
      expect(viewed.status, `${what}: ${viewed.text.slice(0, 300)}`).toBe(own.status);
      if (route.contract.response.kind === 'json') expect(JSON.parse(viewed.text)).toEqual(JSON.parse(own.text));
      else expect(viewed.headers.get('content-type')).toBe(own.headers.get('content-type'));
    },
  );

  it.each(customerRoutes.filter((route) => isWrite(route.contract)).map((route) => [keyOf(route), route] as const))(
    '%s: refused with 403 VIEW_AS_READ_ONLY, and nothing changes',
    async (what, route) => {
      const before = await tableSnapshot();
      const response = await viewAs(route, supportToken());
      expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBe(403);
      expectErrorBody(response, what);
      expect(JSON.parse(response.text).error.code).toBe('VIEW_AS_READ_ONLY');
      expect(await tableSnapshot(), what).toEqual(before);
    },
  );

  it('refuses an account the staff user has not started viewing, a customer token, and an expired session', async () => {
    const route = customerRoutes.find((candidate) => candidate.path === '/api/licences')!;
    const otherAccount = await viewAs(route, supportToken(), suite.fixture.other.accountId);
    expect(otherAccount.status).toBe(403);
    expect(JSON.parse(otherAccount.text).error.code).toBe('VIEW_AS_NOT_STARTED');
    // Another staff user has no session of their own for this account.
    const billing = await viewAs(route, suite.fixture.staffTokens.billing);
    expect(JSON.parse(billing.text).error.code).toBe('VIEW_AS_NOT_STARTED');
    const customerToken = await viewAs(route, suite.fixture.own.token);
    expect(customerToken.status).toBe(401);
    shiftClockForTests((VIEW_AS_SECONDS + 60) * 1000);
    try {
      const expired = await viewAs(route, supportToken());
      expect(expired.status).toBe(403);
      expect(JSON.parse(expired.text).error.code).toBe('VIEW_AS_NOT_STARTED');
    } finally {
      resetClockForTests();
    }
  });

  it('shows the view in the customer’s activity, by team and without the staff user', async () => {
    const activity = await send(suite.api, 'GET', '/api/me/activity', { token: suite.fixture.own.token });
    const items = JSON.parse(activity.text).items as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({
      action: 'account.view-as',
      team: 'support',
      target: { kind: 'account', id: suite.fixture.own.accountId },
    });
    expect(activity.text).not.toMatch(/@example\.test|staff|reason|sourceIp/i);
  });
});

// Generated from the route table: every route that needs a sign-in refuses a missing token, a token of the other user
// pool and an expired token (401), and every staff route refuses the staff groups it does not name (403) while letting
// the ones it names through; every customer route refuses the roles in the account it does not name (403
// ROLE_NOT_ALLOWED) and lets the ones it names through. A new route is covered by being in the table.

import { describe, expect, it } from 'vitest';
import { routes, type Route } from '#functions/routes.ts';
import { STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { CUSTOMER_ROLES, type CustomerRole } from '#shared/accounts/roles.ts';
import { expectContractAnswer, expectErrorBody, expiredCopy, pathFrom, seededApi, send, validSample } from '../../support/route-checks.ts';

const suite = seededApi();

const signedIn = routes.filter((route) => route.access !== 'public');
const staffRoutes = routes.filter((route) => route.access === 'staff');
/** Routes that end the caller's own sessions go last: a valid call signs the fixture's people out everywhere. */
const ENDS_OWN_SESSIONS = new Set(['POST /api/me/sessions/sign-out-others']);
const endsOwnSessions = (route: Route) => ENDS_OWN_SESSIONS.has(`${route.method} ${route.path}`);
const customerRoutes = routes
  .filter((route) => route.access === 'customer')
  .sort((a, b) => Number(endsOwnSessions(a)) - Number(endsOwnSessions(b)));

/** A request the route would accept apart from who sends it, so a refusal is about the caller and nothing else. */
function request(route: Route, token: string | undefined) {
  const body = route.contract.request.body ? JSON.stringify(validSample(route.contract.request.body)) : undefined;
  return send(suite.api, route.method, pathFrom(route, suite.fixture.own), {
    ...(token ? { token } : {}),
    ...(body !== undefined ? { body } : {}),
  });
}

describe('auth matrix', () => {
  it('covers the signed-in routes and gives every staff route at least one group', () => {
    expect(signedIn.length).toBeGreaterThan(10);
    for (const route of staffRoutes) expect(route.staffGroups.length, route.path).toBeGreaterThan(0);
  });

  it.each(signedIn.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: 401 without a token, with the other pool’s token and with an expired token',
    async (what, route) => {
      const ownPool = route.access as 'customer' | 'staff';
      const ownToken = ownPool === 'customer' ? suite.fixture.own.token : suite.fixture.staffTokens.admin;
      const otherToken = ownPool === 'customer' ? suite.fixture.staffTokens.admin : suite.fixture.own.token;
      const expired = await expiredCopy(ownToken, ownPool);
      for (const [label, token] of [
        ['no token', undefined],
        ['other pool', otherToken],
        ['expired', expired],
        ['garbage', 'not.a.jwt'],
      ] as const) {
        const response = await request(route, token);
        expect(response.status, `${what} with ${label}`).toBe(401);
      }
    },
  );

  it.each(staffRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: 403 for the staff groups it does not name, through for those it does',
    async (what, route) => {
      const refused = [...STAFF_GROUPS.filter((group) => !route.staffGroups.includes(group)), 'none' as const];
      for (const group of refused) {
        const response = await request(route, suite.fixture.staffTokens[group]);
        expect(response.status, `${what} as ${group}`).toBe(403);
        expectErrorBody(response, `${what} as ${group}`);
        expect(JSON.parse(response.text).error.code).toBe('FORBIDDEN');
      }
      for (const group of route.staffGroups) {
        const response = await request(route, suite.fixture.staffTokens[group]);
        expect([401, 403], `${what} as ${group}: ${response.text.slice(0, 200)}`).not.toContain(response.status);
        expectContractAnswer(route, response, `${what} as ${group}`);
      }
    },
  );

  it.each(customerRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: 403 for the account roles it does not name, through for those it does',
    async (what, route) => {
      expect(route.customerRoles.length, what).toBeGreaterThan(0);
      const tokenOf = (role: CustomerRole) => (role === 'owner' ? suite.fixture.own.token : suite.fixture.roleTokens[role]);
      // Refusals first: an allowed write (e.g. a transfer) must not change what a later refusal would see.
      for (const role of CUSTOMER_ROLES.filter((candidate) => !route.customerRoles.includes(candidate))) {
        const response = await request(route, tokenOf(role));
        expect(response.status, `${what} as ${role}`).toBe(403);
        expectErrorBody(response, `${what} as ${role}`);
        expect(JSON.parse(response.text).error.code).toBe('ROLE_NOT_ALLOWED');
      }
      for (const role of route.customerRoles) {
        const response = await request(route, tokenOf(role));
        // The role got through: the fixture's account, whose company data awaits verification, may not pay yet.
        if (response.status === 403 && JSON.parse(response.text).error.code === 'COMPANY_NOT_VERIFIED') continue;
        expect([401, 403], `${what} as ${role}: ${response.text.slice(0, 200)}`).not.toContain(response.status);
        expectContractAnswer(route, response, `${what} as ${role}`);
      }
    },
  );
});

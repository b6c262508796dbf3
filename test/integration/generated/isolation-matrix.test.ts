// Generated from the route table: every customer route with an id in its path answers 404 for the other account's id
// and changes nothing in either account (all items of both accounts compared before and after).

import { describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import {
  accountItems,
  expectContractAnswer,
  expectErrorBody,
  PATH_PARAMETERS,
  pathFrom,
  pathParameterNames,
  seededApi,
  send,
  validSample,
} from '../../support/route-checks.ts';

const suite = seededApi();

/**
 * Parameters that name no account's data (the user pool in auth paths; knowledge-base articles and the shop's products
 * are the vendor's).
 */
const NOT_AN_ID = new Set(['pool', 'articleId', 'productId']);
const withIds = routes.filter((route) => route.access === 'customer' && pathParameterNames(route).some((name) => !NOT_AN_ID.has(name)));

describe('isolation matrix', () => {
  it('knows how to fill every path parameter of every route', () => {
    const unmapped = routes.flatMap((route) =>
      pathParameterNames(route)
        .filter((name) => !(name in PATH_PARAMETERS))
        .map((name) => `${route.path}: ${name}`),
    );
    expect(unmapped, 'add the parameter to PATH_PARAMETERS in test/support/route-checks.ts').toEqual([]);
    expect(withIds.length).toBeGreaterThanOrEqual(7);
  });

  it.each(withIds.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: the other account’s id is 404 and changes nothing',
    async (what, route) => {
      const body = route.contract.request.body ? JSON.stringify(validSample(route.contract.request.body)) : undefined;
      const options = { token: suite.fixture.own.token, ...(body !== undefined ? { body } : {}) };
      const before = await Promise.all([accountItems(suite.fixture.own.accountId), accountItems(suite.fixture.other.accountId)]);

      const foreign = await send(suite.api, route.method, pathFrom(route, suite.fixture.other), options);

      expect(foreign.status, `${what}: ${foreign.text.slice(0, 300)}`).toBe(404);
      expectErrorBody(foreign, what);
      expect(foreign.text).not.toContain(suite.fixture.other.accountId);
      const after = await Promise.all([accountItems(suite.fixture.own.accountId), accountItems(suite.fixture.other.accountId)]);
      expect(after).toEqual(before);

      // The same request with the caller's own ids reaches the data (so the 404 above is about ownership).
      if (route.method === 'GET') {
        const own = await send(suite.api, route.method, pathFrom(route, suite.fixture.own), options);
        expect(own.status, `${what} with own ids: ${own.text.slice(0, 300)}`).toBe(200);
        expectContractAnswer(route, own, `${what} with own ids`);
      }
    },
  );
});

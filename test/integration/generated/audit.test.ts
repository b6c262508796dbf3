// Generated from the route table: every audited staff write (its contract declares `audit`) leaves exactly one audit
// entry, with the declared action, the acting staff user, the reason, the source IP and the request id, in the same
// transaction as its change: when that transaction fails (an injected fault), the table is as before, with neither the
// change nor the entry (apart from what lies outside any table transaction by nature: the identity provider's users,
// Cognito's in AWS and `IDP#` items locally, and number counters, which only grow). A new audited route needs an entry in AUDITED_REQUESTS, or this suite fails.

import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes, type Route } from '#functions/routes.ts';
import { db } from '#shared/db/client.ts';
import { AUDITED_REQUESTS, auditEntries, pathFor, seededApi, send, tableSnapshot } from '../../support/route-checks.ts';

const suite = seededApi();

const audited = routes.filter((route) => route.contract.audit !== undefined);
const keyOf = (route: Route) => `${route.method} ${route.path}`;

/** A token of the first staff group the route allows (admin is not in every route's groups). */
function tokenOf(route: Route): string {
  return suite.fixture.staffTokens[route.staffGroups[0]!];
}

async function callAudited(route: Route) {
  const build = AUDITED_REQUESTS[keyOf(route)];
  if (!build) throw new Error(`AUDITED_REQUESTS has no request for ${keyOf(route)}: add one`);
  const request = await build(suite);
  const path = pathFor(route, Object.fromEntries(Object.entries(request.path).map(([name, value]) => [name, encodeURIComponent(value)])));
  const response = await send(suite.api, route.method, path, {
    token: tokenOf(route),
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  });
  return { request, response };
}

function withoutIdentityAndCounters(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !/^(IDP#|COUNTER#)/.test(key)));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('audit trail of staff writes', () => {
  it('audits every staff write: each staff route that is not a GET declares an audit (or is declared read-only)', () => {
    const undeclared = routes.filter(
      (route) => route.access === 'staff' && route.method !== 'GET' && !route.contract.audit && !route.contract.readOnly,
    );
    expect(undeclared.map(keyOf)).toEqual([]);
    expect(audited.length).toBeGreaterThan(0);
  });

  it.each(audited.map((route) => [keyOf(route), route] as const))(
    '%s: a failed transaction leaves neither the change nor an entry',
    async (what, route) => {
      const client = db();
      const realSend = client.send.bind(client);
      const before = withoutIdentityAndCounters(await tableSnapshot());
      vi.spyOn(client, 'send').mockImplementation(((command: unknown, ...rest: unknown[]) => {
        if (command instanceof TransactWriteCommand)
          return Promise.reject(Object.assign(new Error('injected fault'), { name: 'InternalServerError' }));
        return (realSend as (...args: unknown[]) => unknown)(command, ...rest);
      }) as typeof client.send);
      const { response } = await callAudited(route);
      vi.restoreAllMocks();
      expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBe(500);
      expect(withoutIdentityAndCounters(await tableSnapshot()), what).toEqual(before);
    },
  );

  it.each(audited.map((route) => [keyOf(route), route] as const))(
    '%s: exactly one entry, naming who, what, why, where from and the request',
    async (what, route) => {
      const before = await auditEntries();
      const { request, response } = await callAudited(route);
      expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBeLessThan(300);
      const after = await auditEntries();
      expect(after.length, what).toBe(before.length + 1);
      const entry = after.find((item) => !before.some((old) => old.SK === item.SK))!;
      expect(entry.action).toBe(route.contract.audit!.action);
      expect(entry.actor).toMatchObject({ userId: decodeJwt(tokenOf(route)).sub, groups: [route.staffGroups[0]] });
      expect(entry.requestId).toBe(response.headers.get('x-request-id'));
      expect(entry.sourceIp).toMatch(/^10\./);
      const reason = (request.body as { reason?: string } | undefined)?.reason;
      if (route.contract.audit!.reason === 'required') expect(entry.reason).toBe(reason?.trim());
      // The copies under the target and in the customer's account carry the same entry.
      const target = entry.target as { kind: string; id: string; accountId?: string };
      if (target.accountId) {
        const copies = await auditEntries(`ACCOUNT#${target.accountId}`);
        expect(copies.map((copy) => copy.auditId)).toContain(entry.auditId);
      }
      if (target.kind !== 'account') {
        const copies = await auditEntries(`AUDIT#TARGET#${target.kind}#${target.id}`);
        expect(copies.map((copy) => copy.auditId)).toContain(entry.auditId);
      }
    },
  );

  it.each(audited.filter((route) => route.contract.audit!.reason === 'required').map((route) => [keyOf(route), route] as const))(
    '%s: refuses a missing or blank reason (400) and writes nothing',
    async (what, route) => {
      const request = await AUDITED_REQUESTS[keyOf(route)]!(suite);
      const path = pathFor(
        route,
        Object.fromEntries(Object.entries(request.path).map(([name, value]) => [name, encodeURIComponent(value)])),
      );
      const before = await tableSnapshot();
      for (const reason of [undefined, '', '   ', 'x']) {
        const body = { ...(request.body as object), reason };
        const response = await send(suite.api, route.method, path, { token: tokenOf(route), body: JSON.stringify(body) });
        expect(response.status, `${what} with reason ${JSON.stringify(reason)}`).toBe(400);
        expect(JSON.parse(response.text).error.code).toBe('VALIDATION_FAILED');
      }
      expect(await tableSnapshot(), what).toEqual(before);
    },
  );
});

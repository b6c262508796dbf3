// The audit trail's list and its filters (shared/audit/audit.ts): each filter is one keyed Query, dates are sort-key
// ranges of the entries' ULIDs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesBetween, listAccountAudit, listAuditEntries, startAuditTrail } from '#shared/audit/audit.ts';
import { tableName } from '#shared/db/client.ts';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { call, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let adminToken: string;
let supportToken: string;
const marker = `${Date.now()}`;

/** One audited write (a harmless marker item) by this staff user on this target, at the clock's time. */
async function record(
  staffUserId: string,
  action: `${string}.${string}`,
  target: { kind: 'licence' | 'account'; id: string; accountId?: string },
) {
  const trail = startAuditTrail({
    declaration: { action: action as 'licence.free', reason: 'optional' },
    staff: { userId: staffUserId, email: `${staffUserId}@example.test`, groups: ['support'] },
    reason: 'Testing the filters',
    sourceIp: '10.1.2.3',
    requestId: `request-${action}`,
  });
  return trail.commit({
    target,
    changes: changesBetween({ computerId: 'PC-1', users: 5 }, { computerId: undefined, users: 5 }, ['computerId', 'users']),
    items: [{ Put: { TableName: tableName(), Item: { PK: `TEST#${marker}`, SK: `${action}#${target.id}#${Math.random()}` } } }],
  });
}

beforeAll(async () => {
  api = await startTestApi();
  adminToken = await signIn(api, 'staff', await createStaff(['admin']));
  supportToken = await signIn(api, 'staff', await createStaff(['support']));
  // Three entries: two by "alice" a year ago and now, one by "bob" now, on two licences of one account.
  shiftClockForTests(-365 * 24 * 3600 * 1000);
  await record(`alice-${marker}`, 'licence.free', { kind: 'licence', id: `L1-${marker}`, accountId: `acc-${marker}` });
  resetClockForTests();
  await record(`alice-${marker}`, 'licence.revoke', { kind: 'licence', id: `L1-${marker}`, accountId: `acc-${marker}` });
  await record(`bob-${marker}`, 'licence.free', { kind: 'licence', id: `L2-${marker}`, accountId: `acc-${marker}` });
});
afterAll(() => api.stop());

describe('audit list', () => {
  it('records the changed fields only, with before and after', async () => {
    const page = await listAccountAudit(`acc-${marker}`, {});
    expect(page.items).toHaveLength(3);
    expect(page.items[0]!.changes).toEqual([{ field: 'computerId', before: 'PC-1' }]);
    expect(page.items[0]!).toMatchObject({ reason: 'Testing the filters', sourceIp: '10.1.2.3' });
  });

  it('filters by staff user, action, target and dates, newest first', async () => {
    const actions = (page: Awaited<ReturnType<typeof listAuditEntries>>) =>
      page.items.map((entry) => `${entry.actor.userId.split('-')[0]}:${entry.action}`);
    expect(actions(await listAuditEntries({ staffUserId: `alice-${marker}` }, {}))).toEqual(['alice:licence.revoke', 'alice:licence.free']);
    expect(actions(await listAuditEntries({ target: { kind: 'licence', id: `L1-${marker}` } }, {}))).toEqual([
      'alice:licence.revoke',
      'alice:licence.free',
    ]);
    expect(actions(await listAuditEntries({ target: { kind: 'account', id: `acc-${marker}` }, action: 'licence.free' }, {}))).toEqual([
      'bob:licence.free',
      'alice:licence.free',
    ]);
    expect(actions(await listAuditEntries({ target: { kind: 'account', id: `acc-${marker}` }, staffUserId: `bob-${marker}` }, {}))).toEqual(
      ['bob:licence.free'],
    );
    const lastMonth = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
    expect(actions(await listAuditEntries({ staffUserId: `alice-${marker}`, from: lastMonth }, {}))).toEqual(['alice:licence.revoke']);
    expect(actions(await listAuditEntries({ staffUserId: `alice-${marker}`, to: lastMonth }, {}))).toEqual(['alice:licence.free']);
  });

  it('pages through a filtered list with a cursor that stays inside the filter', async () => {
    const first = await listAuditEntries({ target: { kind: 'account', id: `acc-${marker}` } }, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listAuditEntries({ target: { kind: 'account', id: `acc-${marker}` } }, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((entry) => entry.auditId)).not.toContain(first.items[0]!.auditId);
    expect([...first.items, ...second.items]).toHaveLength(3);
  });

  it('answers the audit list to admins with filters from the query, and refuses a target kind without an id', async () => {
    const listed = await call(api, 'GET', `/api/admin/audit?staffUserId=bob-${marker}`, { token: adminToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((entry: { action: string }) => entry.action)).toEqual(['licence.free']);
    const half = await call(api, 'GET', '/api/admin/audit?targetKind=licence', { token: adminToken });
    expect(half.status).toBe(400);
    const reversed = await call(api, 'GET', '/api/admin/audit?from=2026-02-01&to=2026-01-01', { token: adminToken });
    expect(reversed.status).toBe(400);
    const forSupport = await call(api, 'GET', `/api/admin/customers/acc-${marker}/audit`, { token: supportToken });
    expect(forSupport.status).toBe(200);
    expect(forSupport.body.items).toHaveLength(3);
  });
});

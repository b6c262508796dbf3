// The distributor routes' audited staff writes (issue #15) for the generated audit suite's AUDITED_REQUESTS, and the
// fixture they need: the own account is a distributor with one client of its own (seeded through the use cases).
// The builders only read (the suite compares the whole table around a failed call), and the suite runs each one twice,
// the fault first: assign makes the other account a client of the own one; unassign takes away a client other than
// that one while there is one, so both of its runs find a client to take.

import { assignClient, markDistributor } from '#shared/accounts/distributors.ts';
import * as api from '#shared/api/distributors.ts';
import { auditTrailForTests } from './audit.ts';
import { call, createCustomer } from './api.ts';
import type { SeededApi } from './route-checks.ts';

interface Request {
  path: Record<string, string>;
  body?: unknown;
}

/** Makes the account a distributor with one new client account. */
export async function putDistributorFixture(accountId: string): Promise<void> {
  const client = await createCustomer([]);
  await markDistributor({ accountId, distributor: true, commit: auditTrailForTests(api.markDistributor.audit).commit });
  const trail = auditTrailForTests(api.assignClient.audit);
  await assignClient({
    distributorId: accountId,
    clientId: client.account.accountId,
    commit: trail.commit,
    replayed: () => trail.replayed(),
  });
}

export const DISTRIBUTOR_AUDITED_REQUESTS: Record<string, (suite: SeededApi) => Request | Promise<Request>> = {
  'PUT /api/admin/customers/{accountId}/distributor': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId },
    body: { distributor: true },
  }),
  'POST /api/admin/customers/{accountId}/clients': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId },
    body: { clientId: fixture.other.accountId, reason: 'Reseller contract.' },
  }),
  'POST /api/admin/customers/{accountId}/clients/unassign': async ({ api: testApi, fixture }) => {
    const section = await call(testApi, 'GET', `/api/admin/customers/${fixture.own.accountId}/distributor`, {
      token: fixture.staffTokens.support,
    });
    const clients = (section.body.clients.items as Array<{ accountId: string }>).map((client) => client.accountId);
    return {
      path: { accountId: fixture.own.accountId },
      body: { clientId: clients.find((clientId) => clientId !== fixture.other.accountId) ?? fixture.other.accountId },
    };
  },
};

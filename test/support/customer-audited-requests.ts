// One request each of the customer page's audited staff actions accepts against the generated suites' two seeded
// accounts (route-checks.ts), for the generated audit suite's AUDITED_REQUESTS. None prepares anything through the
// table (the suite compares the whole table before and after a failed call): each uses the fixture as seeded, and
// they are ordered so that the earlier ones leave what the later ones need (revoke and the order move take the other
// account's licence and order, which nothing after them uses).

import { call } from './api.ts';
import type { SeededApi } from './route-checks.ts';

interface Request {
  path: Record<string, string>;
  body?: unknown;
}

/** The id of the account's submission awaiting verification (the fixture submits one per account), read by staff. */
async function awaitingVerificationId({ api, fixture }: SeededApi, accountId: string): Promise<string> {
  const detail = await call(api, 'GET', `/api/admin/verifications/${accountId}`, { token: fixture.staffTokens.billing });
  return detail.body.verificationId as string;
}

export const CUSTOMER_AUDITED_REQUESTS: Record<string, (suite: SeededApi) => Request | Promise<Request>> = {
  // The company verification: approve takes the own account's submission, reject the other account's.
  'POST /api/admin/verifications/{accountId}/approve': async (suite) => ({
    path: { accountId: suite.fixture.own.accountId },
    body: { verificationId: await awaitingVerificationId(suite, suite.fixture.own.accountId), reason: 'Checked in VIES.' },
  }),
  'POST /api/admin/verifications/{accountId}/reject': async (suite) => ({
    path: { accountId: suite.fixture.other.accountId },
    body: {
      verificationId: await awaitingVerificationId(suite, suite.fixture.other.accountId),
      reason: 'The VAT id belongs to another company.',
    },
  }),
  'POST /api/admin/customers/{accountId}/licences/{licenceId}/free': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, licenceId: fixture.own.ids.licenceId },
    body: { reason: 'The customer’s computer was replaced.' },
  }),
  'POST /api/admin/customers/{accountId}/licences/{licenceId}/move': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, licenceId: fixture.own.ids.licenceId },
    body: { toComputerId: 'AUDIT-PC-2', reason: 'Moved for the customer on the phone.' },
  }),
  'POST /api/admin/customers/{accountId}/licences/{licenceId}/revoke': ({ fixture }) => ({
    path: { accountId: fixture.other.accountId, licenceId: fixture.other.ids.licenceId },
    body: { reason: 'Chargeback on the order.' },
  }),
  'POST /api/admin/customers/{accountId}/licences/{licenceId}/reissue': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, licenceId: fixture.own.ids.licenceId },
    body: { reason: 'The customer lost the file.' },
  }),
  'POST /api/admin/customers/{accountId}/support/{subscriptionId}/extend': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, subscriptionId: fixture.own.ids.subscriptionId },
    body: { endsOn: '2099-12-31', reason: 'Goodwill after an outage.' },
  }),
  'POST /api/admin/customers/{accountId}/orders/{orderId}/resend-confirmation': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, orderId: fixture.own.ids.orderId },
    body: { reason: 'The customer did not get it.' },
  }),
  'POST /api/admin/customers/{accountId}/orders/{orderId}/move': ({ fixture }) => ({
    path: { accountId: fixture.other.accountId, orderId: fixture.other.ids.orderId },
    body: { toAccountId: fixture.own.accountId, reason: 'Placed for the wrong company.' },
  }),
  // -- security --
  'POST /api/admin/customers/{accountId}/people/{personId}/clear-ip-allow-list': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, personId: fixture.own.userId },
    body: { reason: 'The customer locked themselves out on the phone.' },
  }),
  // -- securityCode --
  'POST /api/admin/customers/{accountId}/people/{personId}/verify-security-code': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, personId: fixture.own.userId },
    body: { code: 'AUDIT123' },
  }),
};

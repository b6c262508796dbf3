// GET /api/me: the signed-in customer's account with the support contracts it claimed at sign-up, and no one else's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { contractStatus } from '#shared/contracts/account-contracts.ts';
import { call, createCustomer, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

async function putAccountContract(
  accountId: string,
  contract: { contractNumber: string; product: string; startsOn: string; endsOn: string },
) {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.accountContract(accountId, contract.contractNumber),
        type: 'AccountContract',
        ...contract,
        claimedAt: '2026-01-02T00:00:00.000Z',
      },
    }),
  );
}

describe('GET /api/me', () => {
  it("shows the account's claimed contracts with their term and status, and none of another account's", async () => {
    // Prepare
    const owner = await createCustomer(purchases(1));
    const other = await createCustomer(purchases(1));
    await putAccountContract(owner.account.accountId, {
      contractNumber: 'CTR-9001',
      product: 'Remote Access Support Premium',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    await putAccountContract(owner.account.accountId, {
      contractNumber: 'CTR-9000',
      product: 'Server Monitoring Support',
      startsOn: '2019-01-01',
      endsOn: '2020-12-31',
    });
    await putAccountContract(other.account.accountId, {
      contractNumber: 'CTR-9002',
      product: 'Not yours',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    // Act
    const mine = await call(api, 'GET', '/api/me', { token: await signIn(api, 'customer', owner.login) });
    const theirs = await call(api, 'GET', '/api/me', { token: await signIn(api, 'customer', other.login) });
    // Assess
    expect(mine.status).toBe(200);
    expect(mine.body.account.accountId).toBe(owner.account.accountId);
    expect(mine.body.contracts).toEqual([
      { contractNumber: 'CTR-9000', product: 'Server Monitoring Support', startsOn: '2019-01-01', endsOn: '2020-12-31', status: 'expired' },
      {
        contractNumber: 'CTR-9001',
        product: 'Remote Access Support Premium',
        startsOn: '2020-01-01',
        endsOn: '2099-12-31',
        status: 'active',
      },
    ]);
    expect(theirs.body.contracts.map((contract: { contractNumber: string }) => contract.contractNumber)).toEqual(['CTR-9002']);
  });

  it('answers an empty list for an account without contracts', async () => {
    const customer = await createCustomer(purchases(1));
    const me = await call(api, 'GET', '/api/me', { token: await signIn(api, 'customer', customer.login) });
    expect(me.status).toBe(200);
    expect(me.body.contracts).toEqual([]);
  });
});

describe('contract status', () => {
  it('is upcoming before the first day, active through the whole last day, expiring in its last 30 days, then expired', () => {
    expect(contractStatus('2026-02-01', '2026-12-31', new Date('2026-01-31T23:59:59Z'))).toBe('upcoming');
    expect(contractStatus('2026-02-01', '2026-12-31', new Date('2026-02-01T00:00:00Z'))).toBe('active');
    expect(contractStatus('2026-02-01', '2026-12-31', new Date('2026-12-15T00:00:00Z'))).toBe('expiring');
    expect(contractStatus('2026-02-01', '2026-12-31', new Date('2026-12-31T23:59:59Z'))).toBe('expiring');
    expect(contractStatus('2026-02-01', '2026-12-31', new Date('2027-01-01T00:00:00Z'))).toBe('expired');
  });
});

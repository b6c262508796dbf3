// Distributors and their clients (issue #15) through the local API Gateway against DynamoDB Local: staff mark
// distributors and assign clients (audited, one distributor per client, also under a race), a distributor's people see
// their clients' licences and nothing of another distributor's client, and the guard refuses a client's own ordering.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAccount } from '#shared/accounts/account.ts';
import { assertMayOrderForItself } from '#shared/accounts/distributors.ts';
import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { addMember, call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import type { DemoAccount } from '#infra/local/seed.ts';

let api: TestApi;
let admin: string;
let billing: string;
let support: string;

beforeAll(async () => {
  api = await startTestApi();
  const staffToken = (group: string) => createStaff([group]).then((login) => signIn(api, 'staff', login));
  [admin, billing, support] = await Promise.all([staffToken('admin'), staffToken('billing'), staffToken('support')]);
});
afterAll(() => api.stop());

const mark = (accountId: string, distributor = true, token = admin) =>
  call(api, 'PUT', `/api/admin/customers/${accountId}/distributor`, { token, body: { distributor } });
const assign = (distributorId: string, clientId: string, token = admin) =>
  call(api, 'POST', `/api/admin/customers/${distributorId}/clients`, { token, body: { clientId, reason: 'Reseller contract 2026' } });
const unassign = (distributorId: string, clientId: string, token = admin) =>
  call(api, 'POST', `/api/admin/customers/${distributorId}/clients/unassign`, { token, body: { clientId } });
const auditOf = async (accountId: string) =>
  (await call(api, 'GET', `/api/admin/customers/${accountId}/audit`, { token: support })).body.items as Array<{
    action: string;
    reason?: string;
    target: { kind: string; id: string; accountId?: string };
  }>;

async function distributorWithClient(clientPurchases = 2): Promise<{ distributor: DemoAccount; client: DemoAccount }> {
  const [distributor, client] = await Promise.all([createCustomer(purchases(1)), createCustomer(purchases(clientPurchases))]);
  expect((await mark(distributor.account.accountId)).status).toBe(200);
  expect((await assign(distributor.account.accountId, client.account.accountId)).status).toBe(200);
  return { distributor, client };
}

describe('staff: marking distributors and assigning clients', () => {
  it('marks a distributor and assigns a client in one audited transaction each: the client item, the relation and the count', async () => {
    const [distributor, client] = await Promise.all([createCustomer(purchases(1)), createCustomer(purchases(3))]);

    const marked = await mark(distributor.account.accountId, true, billing);
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ accountId: distributor.account.accountId, distributor: true, clientCount: 0 });
    const assigned = await assign(distributor.account.accountId, client.account.accountId, billing);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ distributorId: distributor.account.accountId, clientId: client.account.accountId });

    expect((await getAccount(client.account.accountId, true))?.distributorId).toBe(distributor.account.accountId);
    expect((await getAccount(distributor.account.accountId, true))?.clientCount).toBe(1);
    const relation = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.distributorClient(distributor.account.accountId, client.account.accountId) }),
    );
    expect(relation.Item).toMatchObject({ type: 'DistributorClient', clientId: client.account.accountId });

    const distributorAudit = await auditOf(distributor.account.accountId);
    expect(distributorAudit.map((entry) => entry.action)).toContain('distributor.mark');
    const clientAudit = await auditOf(client.account.accountId);
    expect(clientAudit).toEqual([
      expect.objectContaining({
        action: 'distributor.assign',
        reason: 'Reseller contract 2026',
        target: expect.objectContaining({ kind: 'distributor', id: distributor.account.accountId }),
      }),
    ]);

    // The staff's section on both customer pages.
    const section = await call(api, 'GET', `/api/admin/customers/${distributor.account.accountId}/distributor`, { token: support });
    expect(section.status).toBe(200);
    expect(section.body).toMatchObject({ distributor: true, clientCount: 1 });
    expect(section.body.clients.items).toEqual([
      expect.objectContaining({ accountId: client.account.accountId, name: client.account.name, licenceCount: 3 }),
    ]);
    const clientSection = await call(api, 'GET', `/api/admin/customers/${client.account.accountId}/distributor`, { token: support });
    expect(clientSection.body).toMatchObject({
      distributor: false,
      distributorOf: { accountId: distributor.account.accountId, name: distributor.account.name },
    });
  });

  it('assigning the same client again changes nothing and leaves no second audit entry', async () => {
    const { distributor, client } = await distributorWithClient();
    const again = await assign(distributor.account.accountId, client.account.accountId);
    expect(again.status).toBe(200);
    expect((await getAccount(distributor.account.accountId, true))?.clientCount).toBe(1);
    expect((await auditOf(client.account.accountId)).filter((entry) => entry.action === 'distributor.assign')).toHaveLength(1);
  });

  it('refuses a client that already has another distributor with 409 CLIENT_HAS_DISTRIBUTOR naming it', async () => {
    const { distributor, client } = await distributorWithClient();
    const second = await createCustomer([]);
    await mark(second.account.accountId);

    const refused = await assign(second.account.accountId, client.account.accountId);

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CLIENT_HAS_DISTRIBUTOR');
    expect(refused.body.error.details).toEqual({ distributorId: distributor.account.accountId, distributorName: distributor.account.name });
    expect((await getAccount(client.account.accountId, true))?.distributorId).toBe(distributor.account.accountId);
    expect((await getAccount(second.account.accountId, true))?.clientCount ?? 0).toBe(0);
  });

  it('of 20 distributors assigning one client at the same moment, exactly one wins; the others get 409', async () => {
    const client = await createCustomer([]);
    const distributors = await Promise.all(Array.from({ length: 20 }, () => createCustomer([])));
    await Promise.all(distributors.map((distributor) => mark(distributor.account.accountId)));

    const answers = await Promise.all(distributors.map((distributor) => assign(distributor.account.accountId, client.account.accountId)));

    const won = answers.flatMap((answer, index) => (answer.status === 200 ? [distributors[index]!] : []));
    expect(won).toHaveLength(1);
    for (const answer of answers.filter((one) => one.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(['CLIENT_HAS_DISTRIBUTOR', 'CHANGED_MEANWHILE']).toContain(answer.body.error.code);
    }
    const winner = won[0]!.account.accountId;
    expect((await getAccount(client.account.accountId, true))?.distributorId).toBe(winner);
    const counts = await Promise.all(distributors.map(async (one) => (await getAccount(one.account.accountId, true))?.clientCount ?? 0));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    const relations = await Promise.all(
      distributors.map((one) =>
        db().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ExpressionAttributeValues: { ':pk': accountPartition(one.account.accountId), ':sk': SK_PREFIX.distributorClient },
            ConsistentRead: true,
          }),
        ),
      ),
    );
    expect(relations.reduce((sum, result) => sum + (result.Items?.length ?? 0), 0)).toBe(1);
    expect((await auditOf(client.account.accountId)).filter((entry) => entry.action === 'distributor.assign')).toHaveLength(1);
  });

  it('refuses a distributor as its own client, an account that is no distributor, and a distributor as a client', async () => {
    const [plain, other, distributor] = await Promise.all([createCustomer([]), createCustomer([]), createCustomer([])]);
    await mark(distributor.account.accountId);

    const own = await assign(distributor.account.accountId, distributor.account.accountId);
    expect(own.status).toBe(400);
    expect(own.body.error.code).toBe('DISTRIBUTOR_OWN_CLIENT');
    const notDistributor = await assign(plain.account.accountId, other.account.accountId);
    expect(notDistributor.status).toBe(409);
    expect(notDistributor.body.error.code).toBe('NOT_A_DISTRIBUTOR');
    const distributorAsClient = await assign(distributor.account.accountId, plain.account.accountId).then(() =>
      mark(other.account.accountId).then(() => assign(distributor.account.accountId, other.account.accountId)),
    );
    expect(distributorAsClient.status).toBe(409);
    expect(distributorAsClient.body.error.code).toBe('CLIENT_IS_DISTRIBUTOR');
    // plain is now a client: it cannot become a distributor, and its distributor cannot be unmarked while it has it.
    expect((await mark(plain.account.accountId)).body.error.code).toBe('DISTRIBUTOR_IS_CLIENT');
    const unmark = await mark(distributor.account.accountId, false);
    expect(unmark.status).toBe(409);
    expect(unmark.body.error.code).toBe('DISTRIBUTOR_HAS_CLIENTS');
    // Unknown accounts: the distributor in the path is 404, the client in the body a 400 naming the field.
    expect((await assign('acc-nobody', plain.account.accountId)).status).toBe(404);
    const unknownClient = await assign(distributor.account.accountId, 'acc-nobody');
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.body.error.details).toEqual([{ path: 'body.clientId', message: 'no such account' }]);
  });

  it('support staff read the section but may not change it (403)', async () => {
    const [distributor, client] = await Promise.all([createCustomer([]), createCustomer([])]);
    expect((await mark(distributor.account.accountId, true, support)).status).toBe(403);
    await mark(distributor.account.accountId);
    expect((await assign(distributor.account.accountId, client.account.accountId, support)).status).toBe(403);
    expect((await getAccount(client.account.accountId, true))?.distributorId).toBeUndefined();
  });

  it('unassigns a client (audited): the relation goes, the distributor may be unmarked, and sees the client no more', async () => {
    const { distributor, client } = await distributorWithClient();
    const partner = await addMember(distributor.account.accountId, 'technical');
    const token = await signIn(api, 'customer', partner);
    expect((await call(api, 'GET', `/api/distributor/licences?clientId=${client.account.accountId}`, { token })).status).toBe(200);

    const removed = await unassign(distributor.account.accountId, client.account.accountId, billing);

    expect(removed.status).toBe(204);
    expect((await getAccount(client.account.accountId, true))?.distributorId).toBeUndefined();
    expect((await getAccount(distributor.account.accountId, true))?.clientCount).toBe(0);
    expect((await auditOf(client.account.accountId)).map((entry) => entry.action)).toContain('distributor.unassign');
    expect((await call(api, 'GET', `/api/distributor/licences?clientId=${client.account.accountId}`, { token })).status).toBe(404);
    const again = await unassign(distributor.account.accountId, client.account.accountId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_A_CLIENT');
    expect((await mark(distributor.account.accountId, false)).body).toMatchObject({ distributor: false });
  });
});

describe('the distributor’s views', () => {
  it('lists its clients with their licence counts, and each client’s licences with the client named', async () => {
    const { distributor, client } = await distributorWithClient(3);
    const token = await signIn(api, 'customer', distributor.login);

    const clients = await call(api, 'GET', '/api/distributor/clients', { token });
    expect(clients.status).toBe(200);
    expect(clients.body).toEqual({
      distributor: true,
      items: [expect.objectContaining({ accountId: client.account.accountId, name: client.account.name, licenceCount: 3 })],
    });

    const licences = await call(api, 'GET', `/api/distributor/licences?clientId=${client.account.accountId}&limit=2`, { token });
    expect(licences.status).toBe(200);
    expect(licences.body.items).toHaveLength(2);
    expect(licences.body.nextCursor).toEqual(expect.any(String));
    for (const licence of licences.body.items) {
      expect(licence.client).toEqual({ accountId: client.account.accountId, name: client.account.name });
    }
    const rest = await call(
      api,
      'GET',
      `/api/distributor/licences?clientId=${client.account.accountId}&cursor=${encodeURIComponent(licences.body.nextCursor)}`,
      { token },
    );
    expect(rest.body.items).toHaveLength(1);

    // Without a client: its own licences.
    const own = await call(api, 'GET', '/api/distributor/licences', { token });
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0].client.accountId).toBe(distributor.account.accountId);

    // A client's licence in detail, with its support.
    const licenceId = licences.body.items[0].licenceId;
    const detail = await call(api, 'GET', `/api/distributor/licences/${licenceId}?clientId=${client.account.accountId}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ licenceId, client: { accountId: client.account.accountId } });
    expect(detail.body.supportSubscriptions).toEqual(expect.any(Array));
  });

  it('answers 404 for another distributor’s client, an account that is no client, and a licence of neither', async () => {
    const first = await distributorWithClient();
    const second = await distributorWithClient();
    const token = await signIn(api, 'customer', first.distributor.login);
    const foreignClient = second.client.account.accountId;
    const foreignLicences = await call(api, 'GET', `/api/distributor/licences?clientId=${foreignClient}`, {
      token: await signIn(api, 'customer', second.distributor.login),
    });
    const foreignLicenceId = foreignLicences.body.items[0].licenceId;

    for (const path of [
      `/api/distributor/licences?clientId=${foreignClient}`,
      `/api/distributor/licences?clientId=${second.distributor.account.accountId}`,
      `/api/distributor/licences/${foreignLicenceId}?clientId=${foreignClient}`,
      `/api/distributor/licences/${foreignLicenceId}?clientId=${first.client.account.accountId}`,
      `/api/distributor/licences/${foreignLicenceId}`,
    ]) {
      const response = await call(api, 'GET', path, { token });
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(response.body)).not.toContain(second.client.account.name);
    }
    // The client itself sees no distributor view of its distributor's other data: it has no clients.
    const clientToken = await signIn(api, 'customer', first.client.login);
    expect((await call(api, 'GET', '/api/distributor/clients', { token: clientToken })).body).toEqual({ distributor: false, items: [] });
    expect(
      (await call(api, 'GET', `/api/distributor/licences?clientId=${first.distributor.account.accountId}`, { token: clientToken })).status,
    ).toBe(404);
  });

  it('tells a client who its distributor is', async () => {
    const { distributor, client } = await distributorWithClient();
    const clientToken = await signIn(api, 'customer', client.login);
    const answer = await call(api, 'GET', '/api/me/distributor', { token: clientToken });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      distributor: {
        accountId: distributor.account.accountId,
        name: distributor.account.name,
        contactEmail: distributor.account.contactEmail,
      },
    });
    const distributorToken = await signIn(api, 'customer', distributor.login);
    expect((await call(api, 'GET', '/api/me/distributor', { token: distributorToken })).body).toEqual({});
  });
});

describe('assertMayOrderForItself', () => {
  it('refuses a distributor’s client with 403 ORDERED_BY_DISTRIBUTOR naming the distributor and its e-mail', async () => {
    const { distributor, client } = await distributorWithClient();
    const account = await getAccount(client.account.accountId, true);

    const refusal = await assertMayOrderForItself(account!).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(refusal).toMatchObject({
      statusCode: 403,
      code: 'ORDERED_BY_DISTRIBUTOR',
      details: { distributorName: distributor.account.name, distributorEmail: distributor.account.contactEmail },
    });
  });

  it('lets an account without a distributor (a distributor too) order for itself', async () => {
    const { distributor } = await distributorWithClient();
    const plain = await createCustomer([]);
    await expect(assertMayOrderForItself((await getAccount(plain.account.accountId, true))!)).resolves.toBeUndefined();
    await expect(assertMayOrderForItself((await getAccount(distributor.account.accountId, true))!)).resolves.toBeUndefined();
  });
});

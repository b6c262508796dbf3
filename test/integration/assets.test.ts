// Contracts and assets (issue #13) through the local API Gateway: registering a contract on an existing account with
// its activation code (wrong, reused, racing, locked out), the contracts list with SLA level, status and asset count;
// staff adding, editing and moving assets (validated serial and MAC, audited, counts kept); the customer's note; the
// assets list and the technical ticket's picker (category, active support, prefix search, paging).

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '#shared/audit/audit.ts';
import { CONTRACT_CLAIM_LIMIT } from '#shared/contracts/claim.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { addMember, call, createCustomer, createStaff, purchases, randomIp, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['support']));
});
afterAll(() => api.stop());

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** An unassigned contract as staff create it: its number and the activation code answered once. */
async function newContract(term: { startsOn?: string; endsOn?: string; sla?: string } = {}) {
  const contractNumber = `CTR-AS-${randomUUID().slice(0, 8).toUpperCase()}`;
  const created = await call(api, 'POST', '/api/admin/contracts', {
    token: staffToken,
    body: {
      contractNumber,
      product: 'Network Care',
      sla: term.sla ?? 'priority',
      startsOn: term.startsOn ?? day(-10),
      endsOn: term.endsOn ?? day(200),
    },
  });
  expect(created.status).toBe(201);
  return { contractNumber, activationCode: created.body.activationCode as string };
}

/** A new customer account and its owner's token. */
async function newCustomer() {
  const customer = await createCustomer(purchases(0));
  return { accountId: customer.account.accountId, token: await signIn(api, 'customer', customer.login) };
}

function register(token: string, body: unknown, sourceIp = randomIp()) {
  return call(api, 'POST', '/api/contracts', { token, body, sourceIp });
}

function addAsset(body: Record<string, unknown>) {
  return call(api, 'POST', '/api/admin/assets', {
    token: staffToken,
    body: { category: 'server', name: 'Gateway', vendor: 'Dell', serialNumber: `SN-${randomUUID().slice(0, 8)}`, ...body },
  });
}

/** A customer with one registered contract (active unless a term is given). */
async function customerWithContract(term?: { startsOn?: string; endsOn?: string }) {
  const customer = await newCustomer();
  const contract = await newContract(term);
  expect((await register(customer.token, contract)).status).toBe(201);
  return { ...customer, contractNumber: contract.contractNumber };
}

describe('registering a contract on an existing account', () => {
  it('gives the account the contract with its SLA level, and the same code works only once', async () => {
    // Prepare
    const customer = await newCustomer();
    const other = await newCustomer();
    const contract = await newContract({ sla: 'critical' });
    // Act
    const registered = await register(customer.token, {
      contractNumber: contract.contractNumber.toLowerCase(),
      activationCode: contract.activationCode.replace(/-/g, ' ').toLowerCase(),
    });
    const again = await register(customer.token, contract);
    const elsewhere = await register(other.token, contract);
    const listed = await call(api, 'GET', '/api/contracts', { token: customer.token });
    // Assess
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ contractNumber: contract.contractNumber, sla: 'critical', status: 'active', assetCount: 0 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACTIVATION_CODE_USED');
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('ACTIVATION_CODE_USED');
    expect(listed.body.items.map((item: { contractNumber: string }) => item.contractNumber)).toEqual([contract.contractNumber]);
    const stored = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.contract(contract.contractNumber), ConsistentRead: true }),
    );
    expect(stored.Item?.accountId).toBe(customer.accountId);
  });

  it('refuses a wrong code and an unknown number alike, and leaves the contract unclaimed', async () => {
    // Prepare
    const customer = await newCustomer();
    const contract = await newContract();
    // Act
    const wrong = await register(customer.token, { contractNumber: contract.contractNumber, activationCode: 'AAAA-BBBB-CCCC-DDDD' });
    const unknown = await register(customer.token, { contractNumber: 'CTR-NO-SUCH-ONE', activationCode: contract.activationCode });
    // Assess
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'ACTIVATION_CODE_INVALID']);
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'ACTIVATION_CODE_INVALID']);
    const stored = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.contract(contract.contractNumber), ConsistentRead: true }),
    );
    expect(stored.Item?.accountId).toBeUndefined();
  });

  it('lets only one of two accounts racing with one code have the contract', async () => {
    // Prepare
    const [first, second] = await Promise.all([newCustomer(), newCustomer()]);
    const contract = await newContract();
    // Act
    const answers = await Promise.all([register(first.token, contract), register(second.token, contract)]);
    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
  });

  it('locks the account out with 429 after too many wrong codes, even for the right one, and a right code does not count', async () => {
    // Prepare
    const customer = await newCustomer();
    const contract = await newContract();
    const first = await newContract();
    expect((await register(customer.token, first)).status).toBe(201);
    const wrong = { contractNumber: contract.contractNumber, activationCode: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' };
    // Act
    const tries = [];
    for (let attempt = 0; attempt < CONTRACT_CLAIM_LIMIT.max; attempt += 1) tries.push(await register(customer.token, wrong));
    const locked = await register(customer.token, contract);
    // Assess
    expect(tries.map((answer) => answer.status)).toEqual(Array(CONTRACT_CLAIM_LIMIT.max).fill(400));
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('counts wrong codes against the source address too, across accounts', async () => {
    // Prepare: one address, many accounts (each under its own budget), past the address's free failures
    const sourceIp = randomIp();
    const contract = await newContract();
    const wrong = { contractNumber: contract.contractNumber, activationCode: 'YYYY-YYYY-YYYY-YYYY' };
    const customers = await Promise.all(Array.from({ length: 7 }, () => newCustomer()));
    // Act
    const answers = [];
    for (const customer of customers)
      for (let attempt = 0; attempt < 5; attempt += 1) answers.push(await register(customer.token, wrong, sourceIp));
    const fromThere = await register(customers[0]!.token, contract, sourceIp);
    // Assess
    expect(answers.slice(0, 30).every((answer) => answer.status === 400)).toBe(true);
    expect(answers.at(-1)!.status).toBe(429);
    expect(fromThere.status).toBe(429);
  });

  it('is refused to the billing and read-only roles', async () => {
    // Prepare
    const customer = await newCustomer();
    const contract = await newContract();
    const billing = await signIn(api, 'customer', await addMember(customer.accountId, 'billing'));
    const technical = await signIn(api, 'customer', await addMember(customer.accountId, 'technical'));
    // Act
    const refused = await register(billing, contract);
    const allowed = await register(technical, contract);
    // Assess
    expect([refused.status, refused.body.error.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(allowed.status).toBe(201);
  });
});

describe('contracts list', () => {
  it('shows each contract’s status and its asset count, and one contract for its page (404 for another account’s)', async () => {
    // Prepare
    const customer = await customerWithContract();
    const upcoming = await newContract({ startsOn: day(30), endsOn: day(400) });
    const expiring = await newContract({ startsOn: day(-300), endsOn: day(10) });
    await register(customer.token, upcoming);
    await register(customer.token, expiring);
    await addAsset({ contractNumber: customer.contractNumber });
    await addAsset({ contractNumber: customer.contractNumber });
    const stranger = await customerWithContract();
    // Act
    const listed = await call(api, 'GET', '/api/contracts?limit=2', { token: customer.token });
    const rest = await call(api, 'GET', `/api/contracts?limit=2&cursor=${listed.body.nextCursor}`, { token: customer.token });
    const one = await call(api, 'GET', `/api/contracts/${customer.contractNumber}`, { token: customer.token });
    const foreign = await call(api, 'GET', `/api/contracts/${stranger.contractNumber}`, { token: customer.token });
    // Assess
    const all = [...listed.body.items, ...rest.body.items] as { contractNumber: string; status: string; assetCount: number }[];
    const byNumber = Object.fromEntries(all.map((item) => [item.contractNumber, item]));
    expect(all).toHaveLength(3);
    expect(byNumber[customer.contractNumber]).toMatchObject({ status: 'active', assetCount: 2, sla: 'priority' });
    expect(byNumber[upcoming.contractNumber]?.status).toBe('upcoming');
    expect(byNumber[expiring.contractNumber]?.status).toBe('expiring');
    expect(one.body).toMatchObject({ contractNumber: customer.contractNumber, assetCount: 2 });
    expect(foreign.status).toBe(404);
  });
});

describe('staff assets', () => {
  it('validates serial numbers and MAC addresses and stores the MAC as AA:BB:CC:DD:EE:FF', async () => {
    // Prepare
    const { contractNumber } = await customerWithContract();
    // Act
    const forms = await Promise.all(
      ['aa:bb:cc:dd:ee:0f', 'AA-BB-CC-DD-EE-0F', 'aabb.ccdd.ee0f'].map((macAddress) =>
        addAsset({ contractNumber, serialNumber: undefined, macAddress }),
      ),
    );
    const badMacs = await Promise.all(
      ['aa:bb:cc:dd:ee', 'gg:bb:cc:dd:ee:ff', 'aa:bb-cc:dd:ee:ff', 'aabbccddeeff0'].map((macAddress) =>
        addAsset({ contractNumber, macAddress }),
      ),
    );
    const badSerials = await Promise.all(
      ['AB', 'x'.repeat(65), 'SN 123', 'SN#1'].map((serialNumber) => addAsset({ contractNumber, serialNumber })),
    );
    const neither = await addAsset({ contractNumber, serialNumber: undefined });
    const serialOk = await addAsset({ contractNumber, serialNumber: 'A1-b_2.c/3' });
    // Assess
    expect(forms.map((answer) => [answer.status, answer.body.macAddress])).toEqual(Array(3).fill([201, 'AA:BB:CC:DD:EE:0F']));
    for (const answer of [...badMacs, ...badSerials, neither]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(badMacs[0]!.body.error.details.some((detail: { path: string }) => detail.path.includes('macAddress'))).toBe(true);
    expect(neither.body.error.details.some((detail: { path: string }) => detail.path.includes('serialNumber'))).toBe(true);
    expect(serialOk.body.serialNumber).toBe('A1-b_2.c/3');
  });

  it('refuses an asset under a contract no account has, or an unknown product', async () => {
    // Prepare
    const unclaimed = await newContract();
    const { contractNumber } = await customerWithContract();
    // Act
    const orphan = await addAsset({ contractNumber: unclaimed.contractNumber });
    const noProduct = await addAsset({ contractNumber, productId: 'no-such-product' });
    const product = await addAsset({ contractNumber, productId: 'remote-access' });
    // Assess
    expect(orphan.status).toBe(404);
    expect(noProduct.status).toBe(400);
    expect(product.status).toBe(201);
  });

  it('edits an asset (null removes a field, one of serial and MAC stays), audited with the changed fields', async () => {
    // Prepare
    const customer = await customerWithContract();
    const created = await addAsset({ contractNumber: customer.contractNumber, macAddress: '00:11:22:33:44:55', location: 'Rack 1' });
    const path = `/api/admin/customers/${customer.accountId}/assets/${created.body.assetId}`;
    // Act
    const edited = await call(api, 'PATCH', path, {
      token: staffToken,
      body: { location: null, name: 'Core gateway', serialNumber: null },
    });
    const bare = await call(api, 'PATCH', path, { token: staffToken, body: { macAddress: null } });
    const foreign = await call(api, 'PATCH', `/api/admin/customers/acc-someone-else/assets/${created.body.assetId}`, {
      token: staffToken,
      body: { name: 'X' },
    });
    // Assess
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Core gateway', macAddress: '00:11:22:33:44:55' });
    expect(edited.body.location).toBeUndefined();
    expect(edited.body.serialNumber).toBeUndefined();
    expect(bare.status).toBe(400);
    expect(foreign.status).toBe(404);
    const [entry] = (await listAuditEntries({ target: { kind: 'asset', id: created.body.assetId } }, {})).items;
    expect(entry?.action).toBe('asset.update');
    expect(entry?.changes.map((change) => change.field).sort()).toEqual(['location', 'name', 'serialNumber']);
  });

  it('moves an asset to another account’s contract: audited with the reason, counts kept, the old note left behind', async () => {
    // Prepare
    const from = await customerWithContract();
    const to = await customerWithContract();
    const created = await addAsset({ contractNumber: from.contractNumber });
    const assetId = created.body.assetId as string;
    await call(api, 'PUT', `/api/assets/${assetId}/note`, { token: from.token, body: { customerNote: 'Ours: call Jan first.' } });
    const movePath = `/api/admin/customers/${from.accountId}/assets/${assetId}/move`;
    // Act
    const noReason = await call(api, 'POST', movePath, { token: staffToken, body: { contractNumber: to.contractNumber } });
    const moved = await call(api, 'POST', movePath, {
      token: staffToken,
      body: { contractNumber: to.contractNumber, reason: 'Sold to the other company.' },
    });
    const again = await call(api, 'POST', `/api/admin/customers/${to.accountId}/assets/${assetId}/move`, {
      token: staffToken,
      body: { contractNumber: to.contractNumber, reason: 'Twice.' },
    });
    // Assess
    expect(noReason.status).toBe(400);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ accountId: to.accountId, contractNumber: to.contractNumber });
    expect(moved.body.customerNote).toBeUndefined();
    expect(again.status).toBe(409);
    expect((await call(api, 'GET', `/api/assets/${assetId}`, { token: from.token })).status).toBe(404);
    expect((await call(api, 'GET', `/api/assets/${assetId}`, { token: to.token })).status).toBe(200);
    const counts = async (customer: { token: string; contractNumber: string }) =>
      (await call(api, 'GET', `/api/contracts/${customer.contractNumber}`, { token: customer.token })).body.assetCount;
    expect([await counts(from), await counts(to)]).toEqual([0, 1]);
    const [entry] = (await listAuditEntries({ target: { kind: 'asset', id: assetId } }, {})).items;
    expect(entry).toMatchObject({ action: 'asset.move', reason: 'Sold to the other company.' });
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { field: 'contractNumber', before: from.contractNumber, after: to.contractNumber },
        { field: 'accountId', before: from.accountId, after: to.accountId },
      ]),
    );
  });

  it('is refused to the billing staff group', async () => {
    // Prepare
    const { contractNumber } = await customerWithContract();
    const billing = await signIn(api, 'staff', await createStaff(['billing']));
    // Act
    const refused = await call(api, 'POST', '/api/admin/assets', {
      token: billing,
      body: { contractNumber, category: 'server', name: 'X', vendor: 'Y', serialNumber: 'SN-1234' },
    });
    // Assess
    expect(refused.status).toBe(403);
  });
});

describe('the customer’s assets', () => {
  it('keeps the customer’s note (up to 1000 characters, empty removes it); read-only people may not write one', async () => {
    // Prepare
    const customer = await customerWithContract();
    const { body: asset } = await addAsset({ contractNumber: customer.contractNumber });
    const readOnly = await signIn(api, 'customer', await addMember(customer.accountId, 'read-only'));
    const path = `/api/assets/${asset.assetId}/note`;
    // Act
    const noted = await call(api, 'PUT', path, { token: customer.token, body: { customerNote: '  Behind the blue door.  ' } });
    const tooLong = await call(api, 'PUT', path, { token: customer.token, body: { customerNote: 'x'.repeat(1001) } });
    const refused = await call(api, 'PUT', path, { token: readOnly, body: { customerNote: 'Mine' } });
    const readByReadOnly = await call(api, 'GET', `/api/assets/${asset.assetId}`, { token: readOnly });
    const cleared = await call(api, 'PUT', path, { token: customer.token, body: { customerNote: '' } });
    const otherField = await call(api, 'PUT', path, { token: customer.token, body: { customerNote: 'x', name: 'Renamed' } });
    // Assess
    expect(noted.body.customerNote).toBe('Behind the blue door.');
    expect(tooLong.status).toBe(400);
    expect(refused.status).toBe(403);
    expect(readByReadOnly.body.customerNote).toBe('Behind the blue door.');
    expect(cleared.body.customerNote).toBeUndefined();
    expect(otherField.status).toBe(400);
  });

  it('lists assets by category and contract, and the picker only those under active support, by prefix, paged', async () => {
    // Prepare
    const customer = await customerWithContract();
    const expired = await newContract({ startsOn: day(-400), endsOn: day(-20) });
    await register(customer.token, expired);
    await addAsset({ contractNumber: customer.contractNumber, name: 'Alpha router', category: 'network', macAddress: 'a0:b1:c2:d3:e4:f5' });
    await addAsset({ contractNumber: customer.contractNumber, name: 'Beta server', serialNumber: 'BETA-0001' });
    await addAsset({ contractNumber: expired.contractNumber, name: 'Alpha old', category: 'network' });
    const list = (query: string) => call(api, 'GET', `/api/assets${query}`, { token: customer.token });
    const names = (answer: { body: { items: { name: string }[] } }) => answer.body.items.map((item) => item.name).sort();
    // Act
    const all = await list('');
    const network = await list('?category=network');
    const underContract = await list(`?contractNumber=${expired.contractNumber}`);
    const picker = await list('?underActiveSupport=true');
    const byName = await list('?underActiveSupport=true&q=alp');
    const byMac = await list('?q=A0B1C2');
    const bySerial = await list('?q=beta-0');
    const firstPage = await list('?limit=2');
    const secondPage = await list(`?limit=2&cursor=${firstPage.body.nextCursor}`);
    // Assess
    expect(names(all)).toEqual(['Alpha old', 'Alpha router', 'Beta server']);
    expect(names(network)).toEqual(['Alpha old', 'Alpha router']);
    expect(names(underContract)).toEqual(['Alpha old']);
    expect(names(picker)).toEqual(['Alpha router', 'Beta server']);
    expect(names(byName)).toEqual(['Alpha router']);
    expect(names(byMac)).toEqual(['Alpha router']);
    expect(names(bySerial)).toEqual(['Beta server']);
    expect([...names(firstPage), ...names(secondPage)].sort()).toEqual(names(all));
    expect(all.body.items[0].label).toEqual(expect.any(String));
  });
});

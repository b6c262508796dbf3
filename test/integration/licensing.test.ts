// Licence files, the licensing API the vendor's software calls, and moving licences between computers from the portal:
// files that verify with the published key, one computer per licence even under racing requests, idempotent
// activation, one answer for every wrong key or computer, rate limits, the transfer limit, and no way into another
// account's licences.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { batchPut, type DemoAccount, type DemoPurchase } from '#infra/local/seed.ts';
import { accountIdForActivationKey } from '#shared/accounts/activation-key.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { stableId } from '#shared/ids.ts';
import { verifyLicenceFile } from '#shared/licences/licence-file.ts';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { call, createCustomer, randomIp, signIn, startTestApi, type TestApi } from '../support/api.ts';

// The local signing key goes where the test run keeps its other keys, not into the repository's .local/.
process.env.LICENCE_KEYS_DIR = inject('keysDir');

const REPOSITORY = join(import.meta.dirname, '..', '..');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  mkdirSync(join(REPOSITORY, 'test-results'), { recursive: true });
});
afterAll(() => api.stop());
afterEach(() => resetClockForTests());

const DAY_MS = 24 * 60 * 60 * 1000;

function purchase(overrides: Partial<DemoPurchase> = {}): DemoPurchase {
  return {
    reference: `L${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    date: '2025-03-10',
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 5,
    serial: 'P62-7731',
    unitPriceMinor: 40_000,
    supportYears: 1,
    ...overrides,
  };
}

// The seed's ids are ULIDs of the purchase time and the reference (infra/local/seed.ts).
const orderedAt = (bought: DemoPurchase) => new Date(`${bought.date}T10:30:00.000Z`);
const licenceIdOf = (bought: DemoPurchase) => stableId(orderedAt(bought), `licence:${bought.reference}`);
const subscriptionIdOf = (bought: DemoPurchase) => stableId(orderedAt(bought), `support:${bought.reference}`);

async function publicKey(): Promise<{ keyId: string; publicKeyPem: string }> {
  const response = await call(api, 'GET', '/api/licensing/public-key');
  expect(response.status).toBe(200);
  return response.body;
}

/** A download: the body is the file, not JSON. */
async function download(path: string, token: string) {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': randomIp() } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function activate(customer: DemoAccount, computerId: string, target: { licenceId?: string; product?: string }, sourceIp?: string) {
  return call(api, 'POST', '/api/licensing/activate', {
    body: { activationKey: customer.account.activationKey, computerId, ...target },
    ...(sourceIp ? { sourceIp } : {}),
  });
}

function refresh(activationKey: string, computerId: string, licenceId: string, sourceIp?: string) {
  return call(api, 'POST', '/api/licensing/refresh', {
    body: { activationKey, computerId, licenceId },
    ...(sourceIp ? { sourceIp } : {}),
  });
}

async function licenceItem(customer: DemoAccount, licenceId: string) {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.licence(customer.account.accountId, licenceId), ConsistentRead: true }),
  );
  return found.Item;
}

/** Every item of the account's partition: what "nothing changed" is checked against. */
async function partitionOf(customer: DemoAccount) {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': accountPartition(customer.account.accountId) },
      ConsistentRead: true,
    }),
  );
  return found.Items ?? [];
}

async function eventsOf(customer: DemoAccount, licenceId: string) {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': accountPartition(customer.account.accountId),
        ':prefix': `${SK_PREFIX.licenceEvent}${licenceId}#`,
      },
      ConsistentRead: true,
    }),
  );
  return found.Items ?? [];
}

function withoutRequestId(body: { error: Record<string, unknown> }) {
  const { requestId, ...error } = body.error;
  expect(requestId).toEqual(expect.any(String));
  return error;
}

describe('the licensing API with transfers in the portal', () => {
  it('activates, refuses a second computer, transfers, and refreshes to a file for the new computer with the renewed support', async () => {
    // Prepare
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const licenceId = licenceIdOf(bought);
    const token = await signIn(api, 'customer', customer.login);
    const { keyId, publicKeyPem } = await publicKey();

    // Act 1: the software activates the licence on PC-A.
    const activated = await activate(customer, 'PC-A', { licenceId }, '10.1.1.1');
    // Assess 1
    expect(activated.status).toBe(200);
    expect(activated.body.activation).toEqual({
      licenceId,
      product: 'Remote Access',
      edition: 'Enterprise',
      users: 5,
      computerId: 'PC-A',
      activatedAt: expect.any(String),
    });
    expect(activated.body.fileName).toBe('Remote-Access-PC-A.lic');
    const first = verifyLicenceFile(activated.body.licenceFile, publicKeyPem);
    expect(first).toMatchObject({
      valid: true,
      payload: { kind: 'licence', licenceId, accountId: customer.account.accountId, serial: 'PC-A', users: 5, keyId },
    });

    // Act 2: a second computer wants the same licence.
    const second = await activate(customer, 'PC-B', { licenceId });
    // Assess 2
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('SEATS_EXHAUSTED');

    // Act 3: the customer moves it to PC-B in the portal, then the support is renewed.
    const moved = await call(api, 'POST', `/api/licences/${licenceId}/transfer`, {
      token,
      body: { toComputerId: 'PC-B' },
      sourceIp: '10.2.2.2',
    });
    const renewalStart = new Date('2026-03-10T10:30:00.000Z');
    const renewalId = stableId(renewalStart, `renewal:${bought.reference}`);
    await batchPut([
      {
        ...keys.supportSubscription(customer.account.accountId, renewalId),
        ...keys.supportByLicence(customer.account.accountId, licenceId, renewalId),
        type: 'SupportSubscription',
        accountId: customer.account.accountId,
        subscriptionId: renewalId,
        licenceId,
        product: 'Remote Access',
        serial: bought.serial,
        users: 5,
        edition: 'Enterprise',
        orderId: stableId(renewalStart, 'renewal-order'),
        orderReference: `${bought.reference}R`,
        startsAt: renewalStart.toISOString(),
        years: 2,
        endsAt: '2028-03-10T10:30:00.000Z',
      },
    ]);
    const fromOld = await refresh(customer.account.activationKey, 'PC-A', licenceId);
    const fromNew = await refresh(customer.account.activationKey, 'PC-B', licenceId);

    // Assess 3
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({
      licenceId,
      computerId: 'PC-B',
      activatedAt: expect.any(String),
      transfers: { limit: 3, windowDays: 30, used: 1, remaining: 2 },
    });
    expect(fromOld.status).toBe(404);
    expect(fromOld.body.error.code).toBe('ACTIVATION_NOT_FOUND');
    expect(fromNew.status).toBe(200);
    expect(fromNew.body.activation).toMatchObject({ licenceId, computerId: 'PC-B' });
    const renewed = verifyLicenceFile(fromNew.body.licenceFile, publicKeyPem);
    expect(renewed).toMatchObject({ valid: true, payload: { serial: 'PC-B', supportEndsAt: '2028-03-10T10:30:00.000Z' } });

    // The audit trail, newest first: who, when, from, to, and from where.
    const trail = await call(api, 'GET', `/api/licences/${licenceId}/activations`, { token });
    expect(trail.status).toBe(200);
    expect(trail.body).toMatchObject({ licenceId, computerId: 'PC-B', transfers: { used: 1, remaining: 2 } });
    expect(trail.body.items).toEqual([
      {
        eventId: expect.any(String),
        licenceId,
        action: 'transferred',
        at: moved.body.activatedAt,
        fromComputerId: 'PC-A',
        toComputerId: 'PC-B',
        by: 'customer',
        userId: customer.userId,
        email: customer.login.email,
        sourceIp: '10.2.2.2',
      },
      {
        eventId: expect.any(String),
        licenceId,
        action: 'activated',
        at: activated.body.activation.activatedAt,
        toComputerId: 'PC-A',
        by: 'licensing-api',
        sourceIp: '10.1.1.1',
      },
    ]);
    // The licence list shows the computer too.
    const listed = await call(api, 'GET', `/api/licences/${licenceId}`, { token });
    expect(listed.body).toMatchObject({ computerId: 'PC-B', serial: bought.serial });
  });

  it('activates the same computer again idempotently, by licence id and by product', async () => {
    // Prepare
    const older = purchase({ date: '2024-01-10' });
    const newer = purchase({ date: '2025-01-10' });
    const customer = await createCustomer([older, newer]);
    // Act
    const once = await activate(customer, 'SRV-1', { licenceId: licenceIdOf(newer) });
    const again = await activate(customer, 'SRV-1', { licenceId: licenceIdOf(newer) });
    const byProduct = await activate(customer, 'SRV-1', { product: 'remote access' });
    // Assess
    expect([once.status, again.status, byProduct.status]).toEqual([200, 200, 200]);
    expect(again.body.activation).toEqual(once.body.activation);
    expect(byProduct.body.activation).toEqual(once.body.activation);
    expect(await eventsOf(customer, licenceIdOf(newer))).toHaveLength(1);
    expect((await licenceItem(customer, licenceIdOf(older)))?.computerId).toBeUndefined();
  });

  it('activates free licences of a product one computer each, oldest first, and refuses the computer after the last', async () => {
    const older = purchase({ date: '2024-01-10' });
    const newer = purchase({ date: '2025-01-10' });
    const other = purchase({ date: '2025-02-10', product: 'Server Monitoring' });
    const customer = await createCustomer([older, newer, other]);

    const first = await activate(customer, 'WS-1', { product: 'Remote Access' });
    const second = await activate(customer, 'WS-2', { product: 'Remote Access' });
    const third = await activate(customer, 'WS-3', { product: 'Remote Access' });
    const unknownProduct = await activate(customer, 'WS-3', { product: 'Nothing Like It' });

    expect(first.body.activation.licenceId).toBe(licenceIdOf(older));
    expect(second.body.activation.licenceId).toBe(licenceIdOf(newer));
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('SEATS_EXHAUSTED');
    expect(unknownProduct.status).toBe(404);
    expect(unknownProduct.body.error.code).toBe('ACTIVATION_NOT_FOUND');
    expect((await licenceItem(customer, licenceIdOf(other)))?.computerId).toBeUndefined();
  });

  it("gives one and the same answer for an unknown key, a wrong computer id and another account's licence", async () => {
    // Prepare
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const stranger = await createCustomer([purchase()]);
    const licenceId = licenceIdOf(bought);
    expect((await activate(customer, 'PC-1', { licenceId })).status).toBe(200);
    // Act
    const unknownKey = await refresh('ZZZZ-ZZZZ-ZZZZ', 'PC-1', licenceId);
    const wrongComputer = await refresh(customer.account.activationKey, 'PC-2', licenceId);
    const strangersKey = await refresh(stranger.account.activationKey, 'PC-1', licenceId);
    const activateUnknownKey = await call(api, 'POST', '/api/licensing/activate', {
      body: { activationKey: 'ZZZZ-ZZZZ-ZZZZ', computerId: 'PC-1', licenceId },
    });
    const activateStrangersKey = await activate(stranger, 'PC-9', { licenceId });
    // Assess
    const answers = [unknownKey, wrongComputer, strangersKey, activateUnknownKey, activateStrangersKey];
    for (const answer of answers) expect(answer.status).toBe(404);
    const bodies = answers.map((answer) => withoutRequestId(answer.body));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(bodies[0]).toEqual({ code: 'ACTIVATION_NOT_FOUND', message: 'No licence matches this activation key, licence and computer.' });
    expect((await licenceItem(customer, licenceId))?.computerId).toBe('PC-1');
  });

  it('finds an account that signed up by its activation key', async () => {
    // Prepare: a sign-up, then the account it created, found from the new user as the portal finds it.
    const email = `licensing.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const signedUp = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: { email, password: 'Correct-Horse-9-battery', name: 'Key Finder', locale: 'en' },
    });
    expect(signedUp.status).toBe(201);
    const user = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('customer', email) }));
    const membership = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `USER#${user.Item!.sub}` },
      }),
    );
    const accountId = membership.Items![0]!.accountId as string;
    const account = await db().send(new GetCommand({ TableName: tableName(), Key: keys.account(accountId) }));
    // Act
    const typedKey = (account.Item!.activationKey as string).toLowerCase().replace(/-/g, ' ');
    const found = await accountIdForActivationKey(typedKey);
    // Assess
    expect(found).toBe(accountId);
  });

  it('takes the activation key in any case and with or without dashes', async () => {
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const typed = customer.account.activationKey.replace(/-/g, '').toLowerCase();
    const response = await call(api, 'POST', '/api/licensing/activate', {
      body: { activationKey: typed, computerId: 'PC-1', licenceId: licenceIdOf(bought) },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a request that names both a licence and a product, or neither, or a bad computer id', async () => {
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const both = await activate(customer, 'PC-1', { licenceId: licenceIdOf(bought), product: 'Remote Access' });
    const neither = await activate(customer, 'PC-1', {});
    const badComputer = await activate(customer, 'PC 1 "x"', { licenceId: licenceIdOf(bought) });
    for (const response of [both, neither, badComputer]) {
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await licenceItem(customer, licenceIdOf(bought)))?.computerId).toBeUndefined();
  });
});

describe('rate limits of the licensing API', () => {
  // The limits count in fixed 10-minute windows; start each test just after a window opens so it never straddles two.
  function startOfWindow() {
    const windowMs = 600_000;
    shiftClockForTests(windowMs - (Date.now() % windowMs) + 1000);
  }

  async function burst(count: number, send: () => Promise<{ status: number; headers: Headers }>) {
    const results: Array<{ status: number; headers: Headers }> = [];
    for (let start = 0; start < count; start += 10) {
      results.push(...(await Promise.all(Array.from({ length: Math.min(10, count - start) }, send))));
    }
    return results;
  }

  it('answers 429 with Retry-After after 100 requests with one activation key in 10 minutes, from any address', async () => {
    startOfWindow();
    const activationKey = `RL${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const licenceId = stableId(new Date(), 'no licence');
    const results = await burst(100, () => refresh(activationKey, 'PC-1', licenceId));
    const over = await refresh(activationKey, 'PC-1', licenceId);
    expect(results.map((result) => result.status)).toEqual(Array(100).fill(404));
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(600);
  });

  it('answers 429 after 100 requests from one address in 10 minutes, whatever the key', async () => {
    startOfWindow();
    const sourceIp = randomIp();
    const licenceId = stableId(new Date(), 'no licence');
    const someKey = () => `IP${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const results = await burst(100, () => refresh(someKey(), 'PC-1', licenceId, sourceIp));
    const over = await refresh(someKey(), 'PC-1', licenceId, sourceIp);
    const elsewhere = await refresh(someKey(), 'PC-1', licenceId);
    expect(results.every((result) => result.status === 404)).toBe(true);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(elsewhere.status).toBe(404);
  });
});

describe('racing for the last computer', () => {
  it('lets exactly one of two computers activate the last free licence', async () => {
    // Prepare
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const licenceId = licenceIdOf(bought);
    // Act
    const [x, y] = await Promise.all([activate(customer, 'RACE-X', { licenceId }), activate(customer, 'RACE-Y', { licenceId })]);
    // Assess
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? 'RACE-X' : 'RACE-Y';
    expect((x.status === 409 ? x : y).body.error.code).toBe('SEATS_EXHAUSTED');
    expect((await licenceItem(customer, licenceId))?.computerId).toBe(winner);
    const events = await eventsOf(customer, licenceId);
    expect(events.map((event) => [event.action, event.toComputerId])).toEqual([['activated', winner]]);
  });

  it('lets exactly one of five computers activate the one licence of a product', async () => {
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const computers = ['R-1', 'R-2', 'R-3', 'R-4', 'R-5'];
    const results = await Promise.all(computers.map((computer) => activate(customer, computer, { product: 'Remote Access' })));
    const won = results.filter((result) => result.status === 200);
    expect(won).toHaveLength(1);
    expect(results.filter((result) => result.status === 409 && result.body.error.code === 'SEATS_EXHAUSTED')).toHaveLength(4);
    expect((await licenceItem(customer, licenceIdOf(bought)))?.computerId).toBe(won[0]!.body.activation.computerId);
    expect(await eventsOf(customer, licenceIdOf(bought))).toHaveLength(1);
  });
});

describe('transfers and deactivation in the portal', () => {
  it('allows 3 transfers or deactivations per licence in 30 days, refuses the 4th with TRANSFER_LIMIT_REACHED, and allows it again later', async () => {
    // Prepare
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const licenceId = licenceIdOf(bought);
    const token = await signIn(api, 'customer', customer.login);
    expect((await activate(customer, 'PC-0', { licenceId })).status).toBe(200);
    const transfer = (toComputerId: string) => call(api, 'POST', `/api/licences/${licenceId}/transfer`, { token, body: { toComputerId } });
    // Act
    const moves = [await transfer('PC-1'), await call(api, 'POST', `/api/licences/${licenceId}/deactivate`, { token })];
    const reactivated = await activate(customer, 'PC-2', { licenceId });
    moves.push(await transfer('PC-3'));
    const fourth = await transfer('PC-4');
    const deactivateOverLimit = await call(api, 'POST', `/api/licences/${licenceId}/deactivate`, { token });
    // Assess
    expect(moves.map((move) => move.status)).toEqual([200, 200, 200]);
    expect(moves[1]!.body).toEqual({ licenceId, transfers: { limit: 3, windowDays: 30, used: 2, remaining: 1 } });
    expect(reactivated.status).toBe(200);
    for (const refused of [fourth, deactivateOverLimit]) {
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'TRANSFER_LIMIT_REACHED',
        details: { limit: 3, windowDays: 30, nextAvailableAt: expect.any(String) },
      });
    }
    expect(Date.parse(fourth.body.error.details.nextAvailableAt) - Date.now()).toBeGreaterThan(29 * DAY_MS);
    expect((await licenceItem(customer, licenceId))?.computerId).toBe('PC-3');
    const trail = await call(api, 'GET', `/api/licences/${licenceId}/activations?limit=2`, { token });
    expect(trail.body.transfers).toEqual({
      limit: 3,
      windowDays: 30,
      used: 3,
      remaining: 0,
      nextAvailableAt: fourth.body.error.details.nextAvailableAt,
    });
    expect(trail.body.items.map((event: { action: string }) => event.action)).toEqual(['transferred', 'activated']);
    const rest = await call(api, 'GET', `/api/licences/${licenceId}/activations?limit=10&cursor=${trail.body.nextCursor}`, { token });
    expect(rest.body.items.map((event: { action: string }) => event.action)).toEqual(['deactivated', 'transferred', 'activated']);

    // 30 days after the first transfer, one is allowed again.
    shiftClockForTests(30 * DAY_MS + 60_000);
    const later = await transfer('PC-4');
    expect(later.status).toBe(200);
    expect(later.body.transfers).toEqual({ limit: 3, windowDays: 30, used: 1, remaining: 2 });
  });

  it('holds the limit when six transfers race: exactly three go through', async () => {
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const licenceId = licenceIdOf(bought);
    const token = await signIn(api, 'customer', customer.login);
    expect((await activate(customer, 'PC-0', { licenceId })).status).toBe(200);

    const results = await Promise.all(
      ['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6'].map((toComputerId) =>
        call(api, 'POST', `/api/licences/${licenceId}/transfer`, { token, body: { toComputerId } }),
      ),
    );

    expect(results.filter((result) => result.status === 200)).toHaveLength(3);
    expect(results.filter((result) => result.status === 409).map((result) => result.body.error.code)).toEqual(
      Array(3).fill('TRANSFER_LIMIT_REACHED'),
    );
    const item = await licenceItem(customer, licenceId);
    expect(item?.recentMoves).toHaveLength(3);
    expect((await eventsOf(customer, licenceId)).filter((event) => event.action === 'transferred')).toHaveLength(3);
  });

  it('refuses to transfer or deactivate a licence that is on no computer, and a transfer to the computer it is on', async () => {
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const licenceId = licenceIdOf(bought);
    const token = await signIn(api, 'customer', customer.login);
    const free = await call(api, 'POST', `/api/licences/${licenceId}/transfer`, { token, body: { toComputerId: 'PC-1' } });
    const freeDeactivate = await call(api, 'POST', `/api/licences/${licenceId}/deactivate`, { token });
    await activate(customer, 'PC-1', { licenceId });
    const same = await call(api, 'POST', `/api/licences/${licenceId}/transfer`, { token, body: { toComputerId: 'PC-1' } });
    expect([free.body.error.code, freeDeactivate.body.error.code, same.body.error.code]).toEqual([
      'LICENCE_NOT_ACTIVATED',
      'LICENCE_NOT_ACTIVATED',
      'ALREADY_ON_COMPUTER',
    ]);
    expect((await licenceItem(customer, licenceId))?.recentMoves).toBeUndefined();
  });
});

describe('licence files in the portal', () => {
  it('downloads a licence as a .lic attachment with a safe file name that verifies with the published key', async () => {
    // Prepare
    const bought = purchase({ product: 'Księgowość "Pro"/Max', serial: 'NW-2291', days: 365 });
    const customer = await createCustomer([bought]);
    const token = await signIn(api, 'customer', customer.login);
    const { publicKeyPem, keyId } = await publicKey();
    // Act
    const file = await download(`/api/licences/${licenceIdOf(bought)}/file`, token);
    // Assess
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="Ksiegowosc-Pro-Max-NW-2291.lic"');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('no-store');
    const verified = verifyLicenceFile(file.text, publicKeyPem);
    expect(verified).toEqual({
      valid: true,
      payload: {
        format: 1,
        kind: 'licence',
        licenceId: licenceIdOf(bought),
        accountId: customer.account.accountId,
        product: 'Księgowość "Pro"/Max',
        edition: 'Enterprise',
        users: 5,
        serial: 'NW-2291',
        days: 365,
        supportEndsAt: '2026-03-10T10:30:00.000Z',
        issuedAt: expect.any(String),
        keyId,
      },
    });
  });

  it('downloads a support subscription as a file bound to the computer its licence is on', async () => {
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const token = await signIn(api, 'customer', customer.login);
    await activate(customer, 'HOST-7', { licenceId: licenceIdOf(bought) });
    const { publicKeyPem } = await publicKey();

    const file = await download(`/api/support/${subscriptionIdOf(bought)}/file`, token);
    const licence = await download(`/api/licences/${licenceIdOf(bought)}/file`, token);

    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="Remote-Access-HOST-7-support.lic"');
    expect(verifyLicenceFile(file.text, publicKeyPem)).toMatchObject({
      valid: true,
      payload: { kind: 'support', licenceId: subscriptionIdOf(bought), serial: 'HOST-7', supportEndsAt: '2026-03-10T10:30:00.000Z' },
    });
    expect(licence.headers.get('content-disposition')).toBe('attachment; filename="Remote-Access-HOST-7.lic"');
    expect(verifyLicenceFile(licence.text, publicKeyPem)).toMatchObject({ valid: true, payload: { serial: 'HOST-7' } });
  });

  it('publishes the public key as a PEM with its key id, without signing in', async () => {
    const response = await call(api, 'GET', '/api/licensing/public-key');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      algorithm: 'Ed25519',
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      publicKeyPem: expect.stringContaining('-----BEGIN PUBLIC KEY-----'),
    });
  });
});

describe('isolation between accounts', () => {
  it("answers 404 to every licence route with another account's ids and changes nothing of theirs", async () => {
    // Prepare: B's licence is activated and has an event; A is signed in.
    const theirs = purchase();
    const owner = await createCustomer([theirs]);
    const intruder = await createCustomer([purchase()]);
    const licenceId = licenceIdOf(theirs);
    expect((await activate(owner, 'OWNER-PC', { licenceId })).status).toBe(200);
    const token = await signIn(api, 'customer', intruder.login);
    const before = await partitionOf(owner);
    // Act
    const attempts = [
      await download(`/api/licences/${licenceId}/file`, token),
      await download(`/api/support/${subscriptionIdOf(theirs)}/file`, token),
      await call(api, 'GET', `/api/licences/${licenceId}/activations`, { token }),
      await call(api, 'POST', `/api/licences/${licenceId}/transfer`, { token, body: { toComputerId: 'INTRUDER-PC' } }),
      await call(api, 'POST', `/api/licences/${licenceId}/deactivate`, { token }),
    ];
    // Assess
    for (const attempt of attempts) expect(attempt.status).toBe(404);
    const [licenceFile, supportFile, ...json] = attempts as unknown as [
      { text: string },
      { text: string },
      ...Array<{ body: { error: { code: string } } }>,
    ];
    for (const text of [licenceFile.text, supportFile.text]) expect(JSON.parse(text).error.code).toBe('NOT_FOUND');
    for (const response of json) expect(response.body.error.code).toBe('NOT_FOUND');
    expect(licenceFile.text).not.toContain('OWNER-PC');
    expect(await partitionOf(owner)).toEqual(before);
    expect(await eventsOf(intruder, licenceId)).toEqual([]);
  });
});

describe("README's licence check", () => {
  it('runs as written: the public key saved with curl verifies a downloaded file with the CLI', async () => {
    // Prepare: the README's shell block, pointed at this test's API, and a downloaded file.lic in a folder of the repository.
    const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .find((text) => text.includes('atrium-verify-licence'));
    expect(block).toContain('/api/licensing/public-key > key.pem');
    const commands = block!.replace(/^ +/gm, '').replaceAll('http://127.0.0.1:3000', api.url);
    const bought = purchase();
    const customer = await createCustomer([bought]);
    const token = await signIn(api, 'customer', customer.login);
    const file = await download(`/api/licences/${licenceIdOf(bought)}/file`, token);
    expect(file.status).toBe(200);
    const folder = mkdtempSync(join(REPOSITORY, 'test-results', 'readme-'));
    try {
      writeFileSync(join(folder, 'file.lic'), file.text);
      // Act
      // Asynchronously: the API answering curl runs in this very process.
      const result = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile('bash', ['-e', '-c', commands], { cwd: folder, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
          resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
        });
      });
      // Assess
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^valid\n/);
      expect(result.stdout).toContain(licenceIdOf(bought));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

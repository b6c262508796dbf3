// Staff actions from the customer page through the local API Gateway: free and move a licence without the customer's
// transfer limit, revoke it (the licensing API and the file's verifier then say so), reissue its file, extend support,
// resend an order confirmation. Each: the reason rules, foreign and unknown ids (404), the effect, and its audit entry.

import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DemoAccount } from '#infra/local/seed.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { verifyLicenceFile } from '#shared/licences/licence-file.ts';
import { call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';
import { putTestSubscription } from '../support/subscriptions.ts';
import { listSubscriptionEvents, subscriptionEventPut } from '#shared/subscriptions/events.ts';

process.env.LICENCE_KEYS_DIR = inject('keysDir');

let api: TestApi;
let supportToken: string;
let billingToken: string;

beforeAll(async () => {
  api = await startTestApi();
  [supportToken, billingToken] = await Promise.all([
    createStaff(['support']).then((login) => signIn(api, 'staff', login)),
    createStaff(['billing']).then((login) => signIn(api, 'staff', login)),
  ]);
});
afterAll(() => api.stop());

interface Seeded {
  customer: DemoAccount;
  licenceId: string;
  subscriptionId: string;
  orderId: string;
}

/** A customer with one order, its licence (with a year of support) activated on PC-1. */
async function seeded(): Promise<Seeded> {
  const customer = await createCustomer(purchases(1));
  const page = await call(api, 'GET', `/api/admin/customers/${customer.account.accountId}`, { token: supportToken });
  expect(page.status).toBe(200);
  const licenceId = page.body.licences.items[0].licenceId as string;
  const activated = await call(api, 'POST', '/api/licensing/activate', {
    body: { activationKey: customer.account.activationKey, computerId: 'PC-1', licenceId },
  });
  expect(activated.status).toBe(200);
  return {
    customer,
    licenceId,
    subscriptionId: page.body.support.items[0].subscriptionId as string,
    orderId: page.body.orders.items[0].orderId as string,
  };
}

const base = (accountId: string) => `/api/admin/customers/${accountId}`;
const licencePath = (s: Seeded, action: string) => `${base(s.customer.account.accountId)}/licences/${s.licenceId}/${action}`;

async function stored(key: { PK: string; SK: string }) {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return found.Item;
}

async function licenceEvents(accountId: string, licenceId: string) {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': `${SK_PREFIX.licenceEvent}${licenceId}#` },
      ConsistentRead: true,
    }),
  );
  return found.Items ?? [];
}

/** The account's audit entries as the customer page's audit section shows them, newest first. */
async function auditOf(accountId: string) {
  const page = await call(api, 'GET', base(accountId), { token: supportToken });
  expect(page.status).toBe(200);
  return page.body.audit.items as Array<{ action: string; reason?: string; target: { kind: string; id: string }; changes: unknown[] }>;
}

async function publicKeyPem(): Promise<string> {
  return (await call(api, 'GET', '/api/licensing/public-key')).body.publicKeyPem as string;
}

describe('staff free and move a licence', () => {
  it('frees a licence with a reason although the customer used every transfer, and records it as staff', async () => {
    const s = await seeded();
    const accountId = s.customer.account.accountId;
    const customerToken = await signIn(api, 'customer', s.customer.login);
    // The customer moves it three times: their limit is reached.
    for (const to of ['PC-2', 'PC-3', 'PC-4']) {
      const moved = await call(api, 'POST', `/api/licences/${s.licenceId}/transfer`, { token: customerToken, body: { toComputerId: to } });
      expect(moved.status).toBe(200);
    }
    const refused = await call(api, 'POST', `/api/licences/${s.licenceId}/deactivate`, { token: customerToken });
    expect(refused.body.error.code).toBe('TRANSFER_LIMIT_REACHED');

    const freed = await call(api, 'POST', licencePath(s, 'free'), {
      token: supportToken,
      body: { reason: 'Customer replaced the server' },
    });
    expect(freed.status).toBe(200);
    expect(freed.body.computerId).toBeUndefined();
    // Staff changes do not count against the customer's transfers.
    expect(freed.body.transfers.used).toBe(3);
    const item = await stored(keys.licence(accountId, s.licenceId));
    expect(item?.computerId).toBeUndefined();

    const events = await licenceEvents(accountId, s.licenceId);
    const staffEvent = events.find((event) => event.by === 'staff');
    expect(staffEvent).toMatchObject({ action: 'deactivated', fromComputerId: 'PC-4' });
    expect(staffEvent?.email).toBeUndefined();

    const [entry] = await auditOf(accountId);
    expect(entry).toMatchObject({
      action: 'licence.free',
      reason: 'Customer replaced the server',
      target: { kind: 'licence', id: s.licenceId },
    });
    expect(entry?.changes).toEqual([{ field: 'computerId', before: 'PC-4', after: null }]);

    // The customer's own licence history shows it, without a staff e-mail.
    const history = await call(api, 'GET', `/api/licences/${s.licenceId}/activations`, { token: customerToken });
    expect(history.body.items[0]).toMatchObject({ action: 'deactivated', by: 'staff' });
  });

  it('moves a licence to another computer (also a free one) with a reason', async () => {
    const s = await seeded();
    const accountId = s.customer.account.accountId;
    const moved = await call(api, 'POST', licencePath(s, 'move'), {
      token: supportToken,
      body: { toComputerId: 'PC-NEW', reason: 'Disk failure' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.computerId).toBe('PC-NEW');
    expect((await stored(keys.licence(accountId, s.licenceId)))?.computerId).toBe('PC-NEW');
    // The software on the new computer gets its file by refresh; the old one no longer matches.
    const refreshed = await call(api, 'POST', '/api/licensing/refresh', {
      body: { activationKey: s.customer.account.activationKey, computerId: 'PC-NEW', licenceId: s.licenceId },
    });
    expect(refreshed.status).toBe(200);
    const [entry] = await auditOf(accountId);
    expect(entry).toMatchObject({ action: 'licence.move', reason: 'Disk failure' });
  });

  it('refuses a missing or too short reason (400) and changes nothing', async () => {
    const s = await seeded();
    const accountId = s.customer.account.accountId;
    for (const body of [{}, { reason: '  x ' }, { reason: 'x'.repeat(501) }]) {
      const response = await call(api, 'POST', licencePath(s, 'free'), { token: supportToken, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    const noReason = await call(api, 'POST', licencePath(s, 'move'), { token: supportToken, body: { toComputerId: 'PC-9' } });
    expect(noReason.status).toBe(400);
    expect((await stored(keys.licence(accountId, s.licenceId)))?.computerId).toBe('PC-1');
    expect(await auditOf(accountId)).toEqual([]);
  });

  it('answers 404 for another account’s licence and for an unknown one, and billing may not (403)', async () => {
    const [s, other] = await Promise.all([seeded(), seeded()]);
    const foreign = `${base(other.customer.account.accountId)}/licences/${s.licenceId}`;
    for (const action of ['free', 'revoke', 'reissue']) {
      const response = await call(api, 'POST', `${foreign}/${action}`, { token: supportToken, body: { reason: 'Checking isolation' } });
      expect(response.status, action).toBe(404);
    }
    const unknown = await call(api, 'POST', `${base(s.customer.account.accountId)}/licences/01JD3Q8W5M2K7Z9XG4R6T1V0BN/free`, {
      token: supportToken,
      body: { reason: 'Unknown licence' },
    });
    expect(unknown.status).toBe(404);
    const asBilling = await call(api, 'POST', licencePath(s, 'free'), { token: billingToken, body: { reason: 'Not my role' } });
    expect(asBilling.status).toBe(403);
    expect((await stored(keys.licence(s.customer.account.accountId, s.licenceId)))?.computerId).toBe('PC-1');
  });
});

describe('staff revoke a licence', () => {
  it('revokes: the licensing API refuses it with LICENCE_REVOKED and hands a file the verifier reports as revoked', async () => {
    const s = await seeded();
    const accountId = s.customer.account.accountId;
    const noReason = await call(api, 'POST', licencePath(s, 'revoke'), { token: supportToken, body: {} });
    expect(noReason.status).toBe(400);

    const revoked = await call(api, 'POST', licencePath(s, 'revoke'), { token: supportToken, body: { reason: 'Chargeback on the order' } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await stored(keys.licence(accountId, s.licenceId)))?.revokedAt).toBe(revoked.body.revokedAt);

    const refresh = await call(api, 'POST', '/api/licensing/refresh', {
      body: { activationKey: s.customer.account.activationKey, computerId: 'PC-1', licenceId: s.licenceId },
    });
    expect(refresh.status).toBe(409);
    expect(refresh.body.error.code).toBe('LICENCE_REVOKED');
    const verdict = verifyLicenceFile(refresh.body.error.details.file.content, await publicKeyPem());
    expect(verdict).toMatchObject({
      valid: false,
      reason: 'revoked',
      payload: { licenceId: s.licenceId, revokedAt: revoked.body.revokedAt },
    });

    const activate = await call(api, 'POST', '/api/licensing/activate', {
      body: { activationKey: s.customer.account.activationKey, computerId: 'PC-OTHER', licenceId: s.licenceId },
    });
    expect(activate.status).toBe(409);
    expect(activate.body.error.code).toBe('LICENCE_REVOKED');
    // By product, a revoked licence is no candidate: none is left.
    const byProduct = await call(api, 'POST', '/api/licensing/activate', {
      body: { activationKey: s.customer.account.activationKey, computerId: 'PC-OTHER', product: 'Remote Access' },
    });
    expect(byProduct.status).toBe(404);

    // Nothing changes a revoked licence any more: not staff, not the customer.
    const again = await call(api, 'POST', licencePath(s, 'revoke'), { token: supportToken, body: { reason: 'Twice' } });
    expect(again.body.error.code).toBe('ALREADY_REVOKED');
    const free = await call(api, 'POST', licencePath(s, 'free'), { token: supportToken, body: { reason: 'After revoking' } });
    expect(free.body.error.code).toBe('LICENCE_REVOKED');
    const customerToken = await signIn(api, 'customer', s.customer.login);
    const transfer = await call(api, 'POST', `/api/licences/${s.licenceId}/transfer`, {
      token: customerToken,
      body: { toComputerId: 'PC-X' },
    });
    expect(transfer.body.error.code).toBe('LICENCE_REVOKED');
    // The customer's licence says so, and its file too.
    const mine = await call(api, 'GET', `/api/licences/${s.licenceId}`, { token: customerToken });
    expect(mine.body.revokedAt).toBe(revoked.body.revokedAt);
    const file = await fetch(`${api.url}/api/licences/${s.licenceId}/file`, { headers: { authorization: `Bearer ${customerToken}` } });
    expect(verifyLicenceFile(await file.text(), await publicKeyPem())).toMatchObject({ valid: false, reason: 'revoked' });

    const entries = await auditOf(accountId);
    expect(entries.map((entry) => entry.action)).toEqual(['licence.revoke']);
    expect(entries[0]).toMatchObject({ reason: 'Chargeback on the order' });
    const events = await licenceEvents(accountId, s.licenceId);
    expect(events.filter((event) => event.action === 'revoked')).toHaveLength(1);
  });
});

describe('staff reissue a licence file', () => {
  it('signs a new file that verifies, records it in the licence history, and takes an optional reason', async () => {
    const s = await seeded();
    const accountId = s.customer.account.accountId;
    const reissued = await call(api, 'POST', licencePath(s, 'reissue'), { token: supportToken, body: {} });
    expect(reissued.status).toBe(200);
    const verdict = verifyLicenceFile(reissued.body.content, await publicKeyPem());
    expect(verdict).toMatchObject({ valid: true, payload: { licenceId: s.licenceId, serial: 'PC-1', issuedAt: reissued.body.issuedAt } });
    const withReason = await call(api, 'POST', licencePath(s, 'reissue'), { token: supportToken, body: { reason: 'Lost the file' } });
    expect(withReason.status).toBe(200);
    const events = await licenceEvents(accountId, s.licenceId);
    expect(events.filter((event) => event.action === 'reissued' && event.by === 'staff')).toHaveLength(2);
    const entries = await auditOf(accountId);
    expect(entries.map((entry) => entry.action)).toEqual(['licence.reissue', 'licence.reissue']);
    expect(entries[0]?.reason).toBe('Lost the file');
    expect(entries[1]?.reason).toBeUndefined();
  });
});

describe('staff extend support', () => {
  it('moves the end to a later day and keeps the licence’s end of support in step', async () => {
    const s = await seeded();
    const accountId = s.customer.account.accountId;
    const path = `${base(accountId)}/support/${s.subscriptionId}/extend`;
    const before = await stored(keys.supportSubscription(accountId, s.subscriptionId));
    const noReason = await call(api, 'POST', path, { token: supportToken, body: { endsOn: '2099-12-31' } });
    expect(noReason.status).toBe(400);
    const earlier = await call(api, 'POST', path, { token: supportToken, body: { endsOn: '2000-01-01', reason: 'Goodwill' } });
    expect(earlier.status).toBe(400);
    expect(earlier.body.error.details).toEqual([expect.objectContaining({ path: 'body.endsOn' })]);
    const notADate = await call(api, 'POST', path, { token: supportToken, body: { endsOn: '31.12.2099', reason: 'Goodwill' } });
    expect(notADate.status).toBe(400);

    const extended = await call(api, 'POST', path, {
      token: supportToken,
      body: { endsOn: '2099-12-31', reason: 'Goodwill after outage' },
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ subscriptionId: s.subscriptionId, endsAt: '2099-12-31T23:59:59.999Z', status: 'active' });
    expect((await stored(keys.supportSubscription(accountId, s.subscriptionId)))?.endsAt).toBe('2099-12-31T23:59:59.999Z');
    expect((await stored(keys.licence(accountId, s.licenceId)))?.supportEndsAt).toBe('2099-12-31T23:59:59.999Z');

    const customerToken = await signIn(api, 'customer', s.customer.login);
    const licence = await call(api, 'GET', `/api/licences/${s.licenceId}`, { token: customerToken });
    expect(licence.body).toMatchObject({ supportActive: true, supportEndsAt: '2099-12-31T23:59:59.999Z' });

    const [entry] = await auditOf(accountId);
    expect(entry).toMatchObject({
      action: 'support.extend',
      reason: 'Goodwill after outage',
      target: { kind: 'support', id: s.subscriptionId },
    });
    expect(entry?.changes).toEqual([{ field: 'endsAt', before: before?.endsAt, after: '2099-12-31T23:59:59.999Z' }]);
  });

  it('answers 404 for another account’s subscription and an unknown one', async () => {
    const [s, other] = await Promise.all([seeded(), seeded()]);
    const body = { endsOn: '2099-12-31', reason: 'Goodwill' };
    const foreign = await call(api, 'POST', `${base(other.customer.account.accountId)}/support/${s.subscriptionId}/extend`, {
      token: supportToken,
      body,
    });
    expect(foreign.status).toBe(404);
    const unknown = await call(api, 'POST', `${base(s.customer.account.accountId)}/support/01JD3Q8W5M2K7Z9XG4R6T1V0BN/extend`, {
      token: supportToken,
      body,
    });
    expect(unknown.status).toBe(404);
  });
});

describe('staff resend an order confirmation', () => {
  it('mails the confirmation again to the order’s e-mail, with or without a reason, and audits it', async () => {
    const s = await seeded();
    const accountId = s.customer.account.accountId;
    const path = `${base(accountId)}/orders/${s.orderId}/resend-confirmation`;
    const mailUrl = inject('mailUrl');
    const before = (await mailsTo(mailUrl, s.customer.login.email)).length;
    const sent = await call(api, 'POST', path, { token: billingToken, body: {} });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ orderId: s.orderId, email: s.customer.login.email });
    const reference = sent.body.reference as string;
    let mails = await mailsTo(mailUrl, s.customer.login.email);
    for (let attempt = 0; attempt < 50 && mails.length === before; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mails = await mailsTo(mailUrl, s.customer.login.email);
    }
    expect(mails.at(-1)?.subject).toContain(reference);

    const tooShort = await call(api, 'POST', path, { token: billingToken, body: { reason: 'x' } });
    expect(tooShort.status).toBe(400);
    const [entry] = await auditOf(accountId);
    expect(entry).toMatchObject({ action: 'order.resend-confirmation', target: { kind: 'order', id: s.orderId } });
  });

  it('answers 404 for another account’s order and an unknown one', async () => {
    const [s, other] = await Promise.all([seeded(), seeded()]);
    const foreign = await call(api, 'POST', `${base(other.customer.account.accountId)}/orders/${s.orderId}/resend-confirmation`, {
      token: supportToken,
      body: {},
    });
    expect(foreign.status).toBe(404);
    const unknown = await call(api, 'POST', `${base(s.customer.account.accountId)}/orders/01JD3Q8W5M2K7Z9XG4R6T1V0BN/resend-confirmation`, {
      token: supportToken,
      body: {},
    });
    expect(unknown.status).toBe(404);
  });
});

describe('staff move an order to another account', () => {
  it('moves the order, its licence with its computer and history, and its support; the reference points to the new account', async () => {
    const [s, target] = await Promise.all([seeded(), createCustomer([])]);
    const from = s.customer.account.accountId;
    const to = target.account.accountId;
    // The support's renewable Subscription (same id, issue #15) and one event of its history move with it.
    const renewable = await putTestSubscription(from, {
      subscriptionId: s.subscriptionId,
      kind: 'support',
      licenceId: s.licenceId,
      identifier: { kind: 'serial', value: 'S-0' },
    });
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          subscriptionEventPut(from, {
            subscriptionId: s.subscriptionId,
            kind: 'auto-renew-changed',
            at: new Date().toISOString(),
            by: 'customer',
            autoRenew: true,
          }),
        ],
      }),
    );
    const path = `${base(from)}/orders/${s.orderId}/move`;
    const adminToken = await signIn(api, 'staff', await createStaff(['admin']));

    const noReason = await call(api, 'POST', path, { token: adminToken, body: { toAccountId: to } });
    expect(noReason.status).toBe(400);
    const sameAccount = await call(api, 'POST', path, { token: adminToken, body: { toAccountId: from, reason: 'Wrong company' } });
    expect(sameAccount.status).toBe(400);
    const unknownTarget = await call(api, 'POST', path, {
      token: adminToken,
      body: { toAccountId: 'acc-nobody', reason: 'Wrong company' },
    });
    expect(unknownTarget.status).toBe(404);
    const asSupport = await call(api, 'POST', path, { token: supportToken, body: { toAccountId: to, reason: 'Wrong company' } });
    expect(asSupport.status).toBe(403);

    const moved = await call(api, 'POST', path, { token: billingToken, body: { toAccountId: to, reason: 'Placed for the wrong company' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ orderId: s.orderId, fromAccountId: from, toAccountId: to, licences: 1, subscriptions: 1 });

    expect(await stored(keys.order(from, s.orderId))).toBeUndefined();
    expect(await stored(keys.order(to, s.orderId))).toMatchObject({ accountId: to, reference: moved.body.reference });
    expect(await stored(keys.licence(from, s.licenceId))).toBeUndefined();
    expect(await stored(keys.licence(to, s.licenceId))).toMatchObject({ computerId: 'PC-1', accountId: to });
    expect(await stored(keys.supportSubscription(from, s.subscriptionId))).toBeUndefined();
    expect(await stored(keys.supportSubscription(to, s.subscriptionId))).toMatchObject({ licenceId: s.licenceId });
    expect(await stored(keys.subscription(from, s.subscriptionId))).toBeUndefined();
    const movedRenewable = await stored(keys.subscription(to, s.subscriptionId));
    expect(movedRenewable).toMatchObject({ accountId: to, kind: 'support', licenceId: s.licenceId, version: renewable.version });
    // Its place in the daily job's schedule names the new account.
    expect(movedRenewable?.GSI2SK).toBe(`${movedRenewable?.nextActionOn}#${to}#${s.subscriptionId}`);
    expect((await listSubscriptionEvents(from, s.subscriptionId, {})).items).toEqual([]);
    expect((await listSubscriptionEvents(to, s.subscriptionId, {})).items).toEqual([
      expect.objectContaining({ kind: 'auto-renew-changed', autoRenew: true }),
    ]);
    expect(await licenceEvents(from, s.licenceId)).toEqual([]);
    expect(await licenceEvents(to, s.licenceId)).toEqual([expect.objectContaining({ action: 'activated', toComputerId: 'PC-1' })]);
    expect(await stored(keys.orderReference(moved.body.reference))).toMatchObject({ accountId: to, orderId: s.orderId });
    // The customer search follows: the reference finds the new account only, and the licence counts moved.
    const found = await call(api, 'GET', `/api/admin/customers/search?q=${encodeURIComponent(moved.body.reference)}`, {
      token: supportToken,
    });
    expect(found.body.items.map((item: { accountId: string }) => item.accountId)).toEqual([to]);
    expect(await stored(keys.account(to))).toMatchObject({ licenceCount: 1 });
    expect((await stored(keys.account(from)))?.licenceCount ?? 0).toBe(0);

    // Both customer pages agree, and the licence's support is found under its new account.
    const [oldPage, newPage] = await Promise.all([from, to].map((id) => call(api, 'GET', base(id), { token: supportToken })));
    expect(oldPage!.body.orders.items).toEqual([]);
    expect(oldPage!.body.licences.items).toEqual([]);
    expect(newPage!.body.orders.items.map((order: { orderId: string }) => order.orderId)).toEqual([s.orderId]);
    expect(newPage!.body.support.items.map((each: { subscriptionId: string }) => each.subscriptionId)).toEqual([s.subscriptionId]);
    const activations = await call(api, 'GET', `${base(to)}/licences/${s.licenceId}/activations`, { token: supportToken });
    expect(activations.body.computerId).toBe('PC-1');

    const [entry] = await auditOf(from);
    expect(entry).toMatchObject({ action: 'order.move', reason: 'Placed for the wrong company', target: { kind: 'order', id: s.orderId } });
    expect(entry?.changes).toEqual([{ field: 'accountId', before: from, after: to }]);

    // Moved already: the old account has no such order any more.
    const again = await call(api, 'POST', path, { token: billingToken, body: { toAccountId: to, reason: 'Twice' } });
    expect(again.status).toBe(404);
  });

  it('answers a retried staff order creation whose order was moved since with IDEMPOTENT_ORDER_MOVED, not a second order', async () => {
    const target = await createCustomer([]);
    const body = {
      email: `moved.${Date.now()}@example.test`,
      contact: { name: 'Jan Kowalski', country: 'PL', city: 'Poznań' },
      lines: [{ sku: 'RA-ENT-10-S1Y', quantity: 1 }],
      idempotencyKey: `move-test-${Date.now()}`,
    };
    const created = await call(api, 'POST', '/api/admin/orders', { token: billingToken, body });
    expect(created.status).toBe(201);
    const { accountId, orderId } = created.body.order;
    const moved = await call(api, 'POST', `${base(accountId)}/orders/${orderId}/move`, {
      token: billingToken,
      body: { toAccountId: target.account.accountId, reason: 'Wrong company' },
    });
    expect(moved.status).toBe(200);
    const retried = await call(api, 'POST', '/api/admin/orders', { token: billingToken, body });
    expect(retried.status).toBe(409);
    expect(retried.body.error.code).toBe('IDEMPOTENT_ORDER_MOVED');
  });

  it('refuses an order whose licences do not fit one transaction with ORDER_TOO_LARGE_TO_MOVE, and changes nothing', async () => {
    const [s, target] = await Promise.all([seeded(), createCustomer([])]);
    const from = s.customer.account.accountId;
    const order = await stored(keys.order(from, s.orderId));
    // 48 issued licences: 3 + 2 × 48 writes at the very least, over the 97 a move may write beside its audit entry.
    const issued = Array.from({ length: 48 }, (_, index) => ({
      licenceId: `01JD3Q8W5M2K7Z9XG4R6T1V${String(index).padStart(3, '0')}`,
      product: 'Remote Access',
      edition: 'Enterprise',
      users: 5,
      serial: `S-${index}`,
    }));
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...order, issued } }));
    const response = await call(api, 'POST', `${base(from)}/orders/${s.orderId}/move`, {
      token: billingToken,
      body: { toAccountId: target.account.accountId, reason: 'Wrong company' },
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'ORDER_TOO_LARGE_TO_MOVE', details: { needed: 99, limit: 97 } });
    expect(await stored(keys.order(from, s.orderId))).toBeDefined();
    expect(await auditOf(from)).toEqual([]);
  });
});

// Opening tickets (issue #13): administrative and technical, the product's own fields checked against its definition
// (every bad field named), the asset's account and contract, the roles, the confirmation mail, and staff editing a
// product's definition (which changes the validation at once).

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { assetItem } from '#shared/assets/model.ts';
import { accountContractItem, contractItem, contractNumberItem } from '#shared/contracts/contract.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { newId } from '#shared/ids.ts';
import { DEFAULT_TICKET_FIELDS } from '#shared/tickets/fields.ts';
import { findTicket } from '#shared/tickets/model.ts';
import { addMember, call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { awaitMailTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** An asset of the account under a contract assigned to it, running from `startsIn` to `endsIn` days from today. */
async function putAsset(accountId: string, options: { productId?: string; startsIn?: number; endsIn?: number } = {}): Promise<string> {
  const contractNumber = `CTR-T-${randomUUID().slice(0, 8).toUpperCase()}`;
  const at = new Date().toISOString();
  const contract = {
    contractNumber,
    product: 'Remote Access Support',
    sla: 'standard' as const,
    startsOn: day(options.startsIn ?? -30),
    endsOn: day(options.endsIn ?? 300),
  };
  const assetId = newId();
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: { TableName: tableName(), Item: contractItem({ ...contract, accountId, claimedAt: at, createdAt: at, createdBy: 'test' }) },
        },
        { Put: { TableName: tableName(), Item: contractNumberItem(contractNumber) } },
        { Put: { TableName: tableName(), Item: accountContractItem(accountId, { ...contract, claimedAt: at }) } },
        {
          Put: {
            TableName: tableName(),
            Item: assetItem({
              assetId,
              accountId,
              contractNumber,
              category: 'software',
              name: 'Gateway',
              vendor: 'Vendor',
              serialNumber: `SN-${assetId.slice(-6)}`,
              ...(options.productId ? { productId: options.productId } : {}),
              createdAt: at,
              updatedAt: at,
            }),
          },
        },
      ],
    }),
  );
  return assetId;
}

async function newOwner() {
  const customer = await createCustomer(purchases(1));
  const token = await signIn(api, 'customer', customer.login);
  return { customer, token, accountId: customer.account.accountId, email: customer.login.email };
}

const answers = {
  occurredOn: '2026-11-20',
  newDeployment: false,
  everWorked: true,
  changesBefore: false,
  productionSystem: true,
  frequency: 'sometimes',
};

const technical = (assetId: string, fields: Record<string, unknown> = answers) => ({
  kind: 'technical',
  assetId,
  subject: 'Sessions drop after a minute',
  description: 'Since **Monday** every session ends after a minute.',
  priority: 'high',
  fields,
});

const administrative = {
  kind: 'administrative',
  subject: 'Invoice address',
  relation: 'billing',
  description: 'Please change the address on our invoices.',
  priority: 'normal',
};

describe('technical tickets', () => {
  it('refuses a ticket without the product’s required fields, naming every one of them', async () => {
    // Prepare
    const owner = await newOwner();
    const assetId = await putAsset(owner.accountId, { productId: 'remote-access' });
    // Act
    const refused = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(assetId, { frequency: 'daily' }) });
    // Assess
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    const named = refused.body.error.details.map((detail: { field: string }) => detail.field).sort();
    expect(named).toEqual(DEFAULT_TICKET_FIELDS.map((field) => field.key).sort());
    expect(refused.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.fields.frequency', field: 'frequency' }));
  });

  it('opens a technical ticket with its answers, status new, the caller as requester, and mails “we received #n”', async () => {
    // Prepare
    const owner = await newOwner();
    const assetId = await putAsset(owner.accountId, { productId: 'remote-access' });
    // Act
    const opened = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(assetId) });
    // Assess
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const ticket = await findTicket(opened.body.ticketNumber);
    expect(ticket).toMatchObject({
      accountId: owner.accountId,
      kind: 'technical',
      status: 'new',
      assetId,
      productId: 'remote-access',
      fields: answers,
      requester: { email: owner.email },
      accountName: owner.customer.account.name,
    });
    // Due times from the asset's contract (standard level) in business hours (exact targets: test/integration/sla.test.ts).
    expect(ticket?.slaLevel).toBe('standard');
    expect(Date.parse(ticket!.firstResponseDueAt!)).toBeGreaterThan(Date.parse(ticket!.createdAt));
    expect(Date.parse(ticket!.resolutionDueAt!)).toBeGreaterThan(Date.parse(ticket!.firstResponseDueAt!));
    const mail = await awaitMailTo(inject('mailUrl'), owner.email, new RegExp(`\\[#${opened.body.ticketNumber}\\]`));
    expect(mail.body.text).toContain(`/tickets/${opened.body.ticketNumber}`);
  });

  it('answers 404 for another account’s asset', async () => {
    const owner = await newOwner();
    const stranger = await newOwner();
    const foreignAsset = await putAsset(stranger.accountId, { productId: 'remote-access' });
    const refused = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(foreignAsset) });
    expect(refused.status).toBe(404);
    const fields = await call(api, 'GET', `/api/tickets/fields?assetId=${foreignAsset}`, { token: owner.token });
    expect(fields.status).toBe(404);
  });

  it('refuses an asset whose contract has expired or not started with 400 CONTRACT_NOT_ACTIVE', async () => {
    const owner = await newOwner();
    const expired = await putAsset(owner.accountId, { startsIn: -400, endsIn: -2 });
    const upcoming = await putAsset(owner.accountId, { startsIn: 10, endsIn: 300 });
    const expiring = await putAsset(owner.accountId, { startsIn: -300, endsIn: 10 });
    for (const assetId of [expired, upcoming]) {
      const refused = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(assetId) });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('CONTRACT_NOT_ACTIVE');
    }
    const accepted = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(expiring) });
    expect(accepted.status).toBe(201);
  });

  it('refuses a billing contact with 403 ROLE_NOT_ALLOWED, and lets a technical contact open one', async () => {
    const owner = await newOwner();
    const assetId = await putAsset(owner.accountId, { productId: 'remote-access' });
    const billing = await addMember(owner.accountId, 'billing');
    const tech = await addMember(owner.accountId, 'technical');
    const billingToken = await signIn(api, 'customer', billing);
    const techToken = await signIn(api, 'customer', tech);
    const refused = await call(api, 'POST', '/api/tickets', { token: billingToken, body: technical(assetId) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ROLE_NOT_ALLOWED');
    const fields = await call(api, 'GET', `/api/tickets/fields?assetId=${assetId}`, { token: billingToken });
    expect(fields.status).toBe(403);
    const opened = await call(api, 'POST', '/api/tickets', { token: techToken, body: technical(assetId) });
    expect(opened.status).toBe(201);
    expect((await findTicket(opened.body.ticketNumber))?.requester.email).toBe(tech.email);
  });
});

describe('administrative tickets', () => {
  it('opens one for owners and billing contacts, without an asset, and mails the requester', async () => {
    const owner = await newOwner();
    const billing = await addMember(owner.accountId, 'billing');
    const billingToken = await signIn(api, 'customer', billing);
    const opened = await call(api, 'POST', '/api/tickets', { token: billingToken, body: administrative });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const ticket = await findTicket(opened.body.ticketNumber);
    expect(ticket).toMatchObject({ kind: 'administrative', relation: 'billing', status: 'new', priority: 'normal' });
    expect(ticket?.assetId).toBeUndefined();
    await awaitMailTo(inject('mailUrl'), billing.email, new RegExp(`\\[#${opened.body.ticketNumber}\\]`));
    // The owner is the account's support recipient (nobody chosen): mailed too.
    await awaitMailTo(inject('mailUrl'), owner.email, new RegExp(`\\[#${opened.body.ticketNumber}\\]`));
  });

  it('refuses a read-only person and bad input (short subject, unknown relation, empty description) with 4xx', async () => {
    const owner = await newOwner();
    const reader = await addMember(owner.accountId, 'read-only');
    const readerToken = await signIn(api, 'customer', reader);
    expect((await call(api, 'POST', '/api/tickets', { token: readerToken, body: administrative })).status).toBe(403);
    for (const bad of [{ subject: 'ab' }, { relation: 'gossip' }, { description: '   ' }, { priority: 'asap' }]) {
      const refused = await call(api, 'POST', '/api/tickets', { token: owner.token, body: { ...administrative, ...bad } });
      expect(refused.status).toBe(400);
    }
  });
});

describe('the product’s ticket fields, edited by staff', () => {
  it('changes what a technical ticket must answer, at once; a bad definition is refused', async () => {
    // Prepare
    const owner = await newOwner();
    const assetId = await putAsset(owner.accountId, { productId: 'server-monitoring' });
    const staffToken = await signIn(api, 'staff', await createStaff(['support']));
    const labels = {
      en: 'Affected users',
      pl: 'Liczba użytkowników',
      de: 'Betroffene Benutzer',
      fr: 'Utilisateurs touchés',
      it: 'Utenti coinvolti',
    };
    const before = await call(api, 'GET', '/api/admin/ticket-fields/server-monitoring', { token: staffToken });
    expect(before.status).toBe(200);
    // Act
    const edited = await call(api, 'PUT', '/api/admin/ticket-fields/server-monitoring', {
      token: staffToken,
      body: {
        fields: [{ key: 'affectedUsers', type: 'number', required: true, labels, min: 1, max: 10000 }],
        reason: 'Monitoring asks for scale',
      },
    });
    // Assess
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ productId: 'server-monitoring', isDefault: false });
    const form = await call(api, 'GET', `/api/tickets/fields?assetId=${assetId}`, { token: owner.token });
    expect(form.body.fields.map((field: { key: string }) => field.key)).toEqual(['affectedUsers']);
    const missing = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(assetId, {}) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ field: 'affectedUsers' })]);
    const tooMany = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(assetId, { affectedUsers: 0 }) });
    expect(tooMany.body.error.details).toEqual([expect.objectContaining({ field: 'affectedUsers' })]);
    // The old questions are no longer asked: an answer to one is an unknown field.
    const old = await call(api, 'POST', '/api/tickets', {
      token: owner.token,
      body: technical(assetId, { affectedUsers: 40, frequency: 'once' }),
    });
    expect(old.body.error.details).toEqual([expect.objectContaining({ field: 'frequency' })]);
    const opened = await call(api, 'POST', '/api/tickets', { token: owner.token, body: technical(assetId, { affectedUsers: 40 }) });
    expect(opened.status).toBe(201);
    expect((await findTicket(opened.body.ticketNumber))?.fields).toEqual({ affectedUsers: 40 });

    const bad = [
      [{ key: 'often', type: 'choice', required: true, labels }],
      [{ key: 'x', type: 'text', required: true, labels: { en: 'Only English' } }],
      [
        { key: 'same', type: 'date', required: true, labels },
        { key: 'same', type: 'date', required: false, labels },
      ],
    ];
    for (const fields of bad) {
      const refused = await call(api, 'PUT', '/api/admin/ticket-fields/server-monitoring', { token: staffToken, body: { fields } });
      expect(refused.status, JSON.stringify(fields)).toBe(400);
    }
    const unknown = await call(api, 'PUT', '/api/admin/ticket-fields/no-such-product', { token: staffToken, body: { fields: [] } });
    expect(unknown.status).toBe(404);
  });
});

// Notification recipients per category through the local API Gateway: who may read and change them, the validation of
// the chosen people, and every sender of account mail honouring them (each recipient in their own language).

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { updatePerson } from '#shared/accounts/person.ts';
import { db, tableName } from '#shared/db/client.ts';
import { DeleteCommand } from '#shared/db/commands.ts';
import { keys } from '#shared/db/keys.ts';
import { recipientsFor } from '#shared/notifications/recipients.ts';
import { addMember, call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { awaitMailTo, mailsTo } from '../support/mailbox.ts';

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['admin']));
});
afterAll(() => api.stop());

const everyCategory = (userIds: string[]) => ({
  orders: userIds,
  support: userIds,
  renewals: userIds,
  security: userIds,
  complaints: userIds,
});

/** An account with its owner, a billing person and a read-only person, each signed in. */
async function accountWithPeople() {
  const customer = await createCustomer(purchases(1));
  const accountId = customer.account.accountId;
  const [billing, readOnly] = await Promise.all([addMember(accountId, 'billing'), addMember(accountId, 'read-only')]);
  const [ownerToken, billingToken, readOnlyToken] = await Promise.all([
    signIn(api, 'customer', customer.login),
    signIn(api, 'customer', billing),
    signIn(api, 'customer', readOnly),
  ]);
  return { customer, accountId, billing, readOnly, ownerToken, billingToken, readOnlyToken };
}

describe('GET/PUT /api/me/notifications', () => {
  it('sends every category to the owners until the owner chooses, and any person may read who receives what', async () => {
    const s = await accountWithPeople();
    const read = await call(api, 'GET', '/api/me/notifications', { token: s.readOnlyToken });
    expect(read.status).toBe(200);
    expect(read.body.categories).toEqual(everyCategory([s.customer.userId]));
    expect(read.body.chosen.orders).toBe(false);
    expect(read.body.people.map((person: { userId: string }) => person.userId).sort()).toEqual(
      [s.customer.userId, s.billing.userId, s.readOnly.userId].sort(),
    );
  });

  it('lets the owner choose people per category, and refuses the other roles', async () => {
    const s = await accountWithPeople();
    const categories = {
      ...everyCategory([s.customer.userId]),
      orders: [s.billing.userId],
      security: [s.customer.userId, s.readOnly.userId],
    };
    const refused = await call(api, 'PUT', '/api/me/notifications', { token: s.billingToken, body: { categories } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ROLE_NOT_ALLOWED');

    const saved = await call(api, 'PUT', '/api/me/notifications', { token: s.ownerToken, body: { categories } });
    expect(saved.status).toBe(200);
    expect(saved.body.categories.orders).toEqual([s.billing.userId]);
    expect(saved.body.chosen.orders).toBe(true);
    const read = await call(api, 'GET', '/api/me/notifications', { token: s.billingToken });
    expect(read.body.categories.security.sort()).toEqual([s.customer.userId, s.readOnly.userId].sort());
    expect((await recipientsFor(s.accountId, 'orders')).map((recipient) => recipient.email)).toEqual([s.billing.email]);
  });

  it('refuses people of another account, unknown ids, an empty category and a missing one, naming the field', async () => {
    const s = await accountWithPeople();
    const other = await createCustomer(purchases(1));
    const foreign = await call(api, 'PUT', '/api/me/notifications', {
      token: s.ownerToken,
      body: { categories: { ...everyCategory([s.customer.userId]), support: [s.customer.userId, other.userId] } },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([{ path: 'body.categories.support.1', message: 'not a person of this account' }]);
    const unknown = await call(api, 'PUT', '/api/me/notifications', {
      token: s.ownerToken,
      body: { categories: everyCategory([randomUUID()]) },
    });
    expect(unknown.status).toBe(400);
    const empty = await call(api, 'PUT', '/api/me/notifications', {
      token: s.ownerToken,
      body: { categories: { ...everyCategory([s.customer.userId]), orders: [] } },
    });
    expect(empty.status).toBe(400);
    const { complaints: _left, ...missing } = everyCategory([s.customer.userId]);
    const partial = await call(api, 'PUT', '/api/me/notifications', { token: s.ownerToken, body: { categories: missing } });
    expect(partial.status).toBe(400);
    // Nothing was saved: still the owner by default.
    expect((await recipientsFor(s.accountId, 'support')).map((recipient) => recipient.userId)).toEqual([s.customer.userId]);
  });

  it('falls back to the owners when every chosen person has left the account', async () => {
    const s = await accountWithPeople();
    await call(api, 'PUT', '/api/me/notifications', {
      token: s.ownerToken,
      body: { categories: { ...everyCategory([s.customer.userId]), renewals: [s.readOnly.userId] } },
    });
    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.membership(s.accountId, s.readOnly.userId) }));
    expect((await recipientsFor(s.accountId, 'renewals')).map((recipient) => recipient.userId)).toEqual([s.customer.userId]);
  });
});

describe('account mail honours the recipients', () => {
  it('mails a staff order’s confirmation to the billing person chosen for orders, in their language, and not the owner', async () => {
    const s = await accountWithPeople();
    await updatePerson(s.billing.userId, { locale: 'pl' });
    await call(api, 'PUT', '/api/me/notifications', {
      token: s.ownerToken,
      body: { categories: { ...everyCategory([s.customer.userId]), orders: [s.billing.userId] } },
    });
    const created = await call(api, 'POST', '/api/admin/orders', {
      token: staffToken,
      body: {
        email: s.customer.login.email,
        contact: { name: 'Jan Kowalski', country: 'PL', city: 'Poznań' },
        lines: [{ sku: 'RA-ENT-10-S1Y', quantity: 1 }],
        locale: 'en',
        idempotencyKey: randomUUID(),
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.confirmationMail).toBe('sent');
    const reference = created.body.order.reference as string;
    const mail = await awaitMailTo(inject('mailUrl'), s.billing.email, new RegExp(reference));
    expect(mail.subject).toBe(`Zamówienie ${reference}: Twoje licencje`);
    const ownerMails = await mailsTo(inject('mailUrl'), s.customer.login.email);
    expect(ownerMails.some((ownerMail) => ownerMail.subject.includes(reference))).toBe(false);
  });

  it('mails a resent confirmation to the people chosen for orders (two of them), and not the owner', async () => {
    const s = await accountWithPeople();
    await updatePerson(s.readOnly.userId, { locale: 'de' });
    await call(api, 'PUT', '/api/me/notifications', {
      token: s.ownerToken,
      body: { categories: { ...everyCategory([s.customer.userId]), orders: [s.billing.userId, s.readOnly.userId] } },
    });
    const page = await call(api, 'GET', `/api/admin/customers/${s.accountId}`, { token: staffToken });
    const orderId = page.body.orders.items[0].orderId as string;
    const sent = await call(api, 'POST', `/api/admin/customers/${s.accountId}/orders/${orderId}/resend-confirmation`, {
      token: staffToken,
      body: {},
    });
    expect(sent.status).toBe(200);
    expect(sent.body.recipients.sort()).toEqual([s.billing.email, s.readOnly.email].sort());
    const reference = sent.body.reference as string;
    await awaitMailTo(inject('mailUrl'), s.billing.email, new RegExp(reference));
    await awaitMailTo(inject('mailUrl'), s.readOnly.email, new RegExp(reference));
    const ownerMails = await mailsTo(inject('mailUrl'), s.customer.login.email);
    expect(ownerMails.some((ownerMail) => ownerMail.subject.includes(reference))).toBe(false);
  });
});

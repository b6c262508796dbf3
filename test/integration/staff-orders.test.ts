// Staff orders through the local API Gateway: an order for a new or an existing customer e-mail, its licences, support
// and confirmation e-mail; unique, sequential references; idempotent retries; finding orders by reference and e-mail;
// the catalogue; bad input; and no way in for customers.

import { formatDay } from '#shared/i18n/format.ts';
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '#shared/db/commands.ts';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { resetConfigForTests } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { createStaffOrder } from '#shared/orders/create-staff-order.ts';
import { FIRST_ORDER_NUMBER } from '#shared/orders/order-reference.ts';
import { seedDemoData } from '#infra/local/seed.ts';
import {
  call,
  createCustomer,
  createStaff,
  latestCodeFor,
  latestMailTo,
  purchases,
  signIn,
  startTestApi,
  uniqueEmail,
  type TestApi,
} from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';
import { auditTrailForTests } from '../support/audit.ts';
import * as ordersApi from '#shared/api/orders.ts';

const orderAudit = () => auditTrailForTests(ordersApi.createStaffOrder.audit);

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff());
});
afterAll(() => api.stop());
afterEach(() => {
  delete process.env.ORDER_REFERENCE_PREFIX;
  resetConfigForTests();
});

interface OrderBody {
  email: string;
  contact: { name: string; country: string; city: string };
  lines: Array<{ sku: string; quantity: number }>;
  locale?: 'en' | 'pl';
  idempotencyKey: string;
}

function orderFor(email: string, overrides: Partial<OrderBody> = {}): OrderBody {
  return {
    email,
    contact: { name: 'Jan Kowalski', country: 'PL', city: 'Poznań' },
    lines: [{ sku: 'RA-ENT-10-S1Y', quantity: 1 }],
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

function placeOrder(body: unknown, token = staffToken) {
  return call(api, 'POST', '/api/admin/orders', { token, body });
}

async function accountItems(accountId: string, prefix: string): Promise<Record<string, unknown>[]> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': prefix },
    }),
  );
  return result.Items ?? [];
}

async function membershipsOf(email: string): Promise<Record<string, unknown>[]> {
  const user = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('customer', email) }));
  if (!user.Item) return [];
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: GSI1.name,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.membershipByUser(user.Item.sub as string, '').GSI1PK },
    }),
  );
  return result.Items ?? [];
}

function numberOf(reference: string): number {
  return Number(/^JWT(\d+)$/.exec(reference)?.[1]);
}

function addYears(iso: string, years: number): string {
  const date = new Date(iso);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}

describe('POST /api/admin/orders', () => {
  it('creates the customer for a new e-mail, issues a licence per unit with its support, and mails what it issued', async () => {
    // Prepare
    const email = uniqueEmail('new.customer');
    // Act
    const response = await placeOrder(
      orderFor(email, {
        contact: { name: 'Kowalski IT', country: 'pl', city: 'Poznań' },
        lines: [
          { sku: 'RA-ENT-10-S1Y', quantity: 2 },
          { sku: 'RA-DSK-3', quantity: 1 },
          { sku: 'SM-STD-3-365D', quantity: 1 },
        ],
        locale: 'en',
      }),
    );
    // Assess: the answer
    expect(response.status).toBe(201);
    const { order } = response.body;
    expect(response.body).toMatchObject({ replayed: false, userCreated: true, accountCreated: true, confirmationMail: 'sent' });
    expect(order.reference).toMatch(/^JWT\d{4,}$/);
    expect(order.total).toEqual({ amountMinor: 2 * 149_900 + 18_000 + 39_900, currency: 'EUR' });
    expect(order.contact).toEqual({ name: 'Kowalski IT', email, country: 'PL', city: 'Poznań' });
    expect(order.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity])).toEqual([
      ['RA-ENT-10-S1Y', 2],
      ['RA-DSK-3', 1],
      ['SM-STD-3-365D', 1],
    ]);
    expect(order.issued).toHaveLength(4);
    const oneYearOn = addYears(order.orderedAt, 1);
    expect(
      order.issued.map((licence: Record<string, unknown>) => [licence.sku, licence.supportEndsAt ?? null, licence.days ?? null]),
    ).toEqual([
      ['RA-ENT-10-S1Y', oneYearOn, null],
      ['RA-ENT-10-S1Y', oneYearOn, null],
      ['RA-DSK-3', null, null],
      ['SM-STD-3-365D', oneYearOn, 365],
    ]);
    const serials = order.issued.map((licence: { serial: string }) => licence.serial);
    expect(new Set(serials).size).toBe(4);
    for (const serial of serials) expect(serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    // Assess: the table
    const [membership] = await membershipsOf(email);
    expect(membership).toMatchObject({ accountId: order.accountId, email, role: 'owner' });
    const account = await db().send(new GetCommand({ TableName: tableName(), Key: keys.account(order.accountId) }));
    expect(account.Item).toMatchObject({ name: 'Kowalski IT', contactEmail: email, country: 'PL', GSI1PK: 'ACCOUNTS' });
    const licences = await accountItems(order.accountId, SK_PREFIX.licence);
    const subscriptions = await accountItems(order.accountId, SK_PREFIX.supportSubscription);
    expect(licences).toHaveLength(4);
    expect(subscriptions).toHaveLength(3);
    for (const subscription of subscriptions) {
      const licence = licences.find((each) => each.licenceId === subscription.licenceId)!;
      // The licence's end of support is the end of the subscription written with it.
      expect(licence.supportEndsAt).toBe(subscription.endsAt);
      expect(subscription).toMatchObject({
        GSI1PK: keys.supportByLicence(order.accountId, licence.licenceId as string, '').GSI1PK,
        orderReference: order.reference,
        startsAt: order.orderedAt,
        years: 1,
      });
    }
    const claim = await db().send(new GetCommand({ TableName: tableName(), Key: keys.orderReference(order.reference) }));
    expect(claim.Item).toMatchObject({ accountId: order.accountId, orderId: order.orderId, GSI1PK: 'ORDERS' });

    // Assess: the confirmation e-mail
    const mail = await latestMailTo(email);
    expect(mail?.subject).toBe(`Your order ${order.reference}: your licences`);
    for (const serial of serials) expect(mail?.body.text).toContain(`Serial number: ${serial}`);
    expect(mail?.body.text).toContain('Remote Access, Enterprise edition, 10 users');
    expect(mail?.body.text).toContain(`Support & updates until ${formatDay(oneYearOn, 'en-GB')}`);
    expect(mail?.body.text).toContain('No support & updates');
    expect(mail?.body.text).toContain('Time-limited: 365 days');
    expect(mail?.body.text).toContain(`${api.url}/sign-in`);
    expect(mail?.body.text).toContain(`enter this e-mail address and the order number ${order.reference}`);
  });

  it('lets the new customer sign in with the e-mail and the order number and see the licences', async () => {
    const email = uniqueEmail('signs.in');
    const created = await placeOrder(orderFor(email, { lines: [{ sku: 'AS-ULT-50-S1Y', quantity: 2 }] }));
    expect(created.status).toBe(201);

    const started = await call(api, 'POST', '/api/auth/customer/order-sign-in', {
      body: { email, orderReference: created.body.order.reference.toLowerCase() },
    });
    expect(started.status).toBe(200);
    const verified = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email, session: started.body.session, code: await latestCodeFor(email) },
    });
    expect(verified.status).toBe(200);
    const licences = await call(api, 'GET', '/api/licences', { token: verified.body.accessToken });
    expect(licences.status).toBe(200);
    expect(licences.body.items.map((licence: { serial: string }) => licence.serial).sort()).toEqual(
      created.body.order.issued.map((licence: { serial: string }) => licence.serial).sort(),
    );
    expect(licences.body.items.every((licence: { supportActive: boolean }) => licence.supportActive)).toBe(true);
  });

  it('puts an order for an existing customer into their account and mails them in Polish', async () => {
    // Prepare
    const customer = await createCustomer(purchases(1));
    // Act: the address as staff might type it
    const response = await placeOrder(orderFor(customer.login.email.toUpperCase(), { locale: 'pl' }));
    // Assess
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ userCreated: false, accountCreated: false });
    expect(response.body.order.accountId).toBe(customer.account.accountId);
    expect(await membershipsOf(customer.login.email)).toHaveLength(1);
    const token = await signIn(api, 'customer', customer.login);
    const orders = await call(api, 'GET', '/api/orders', { token });
    expect(orders.body.items.map((order: { reference: string }) => order.reference)).toEqual([
      response.body.order.reference,
      customer.purchases[0]!.reference,
    ]);
    const mails = await mailsTo(inject('mailUrl'), customer.login.email);
    const confirmation = mails.find((mail) => mail.subject.includes(response.body.order.reference));
    expect(confirmation?.subject).toBe(`Zamówienie ${response.body.order.reference}: Twoje licencje`);
    expect(confirmation?.body.text).toContain('Wybierz „Numer zamówienia”');
  });

  it('gives ten simultaneous orders ten distinct references, numbered one after another', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => placeOrder(orderFor(uniqueEmail('burst')))));

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const numbers = responses.map((response) => numberOf(response.body.order.reference)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers).toEqual(numbers.map((_, index) => numbers[0]! + index));
    expect(numbers[0]).toBeGreaterThanOrEqual(FIRST_ORDER_NUMBER);
  });

  it('creates one account when two first orders for the same new e-mail arrive together', async () => {
    const email = uniqueEmail('twice');
    const [first, second] = await Promise.all([placeOrder(orderFor(email)), placeOrder(orderFor(email))]);

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.order.accountId).toBe(second.body.order.accountId);
    expect(first.body.order.reference).not.toBe(second.body.order.reference);
    expect([first.body.accountCreated, second.body.accountCreated].sort()).toEqual([false, true]);
    expect(await membershipsOf(email)).toHaveLength(1);
    expect(await accountItems(first.body.order.accountId, SK_PREFIX.order)).toHaveLength(2);
  });

  it('skips a reference that something else already holds', async () => {
    // Prepare: an imported order holds the number the counter gives out next.
    const counter = await db().send(new GetCommand({ TableName: tableName(), Key: keys.orderReferenceCounter() }));
    const next = `JWT${FIRST_ORDER_NUMBER + ((counter.Item?.value as number | undefined) ?? 0)}`;
    await db().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.orderReference(next), accountId: 'imported', orderId: 'imported' } }),
    );
    // Act
    const response = await placeOrder(orderFor(uniqueEmail('skips')));
    // Assess
    expect(response.status).toBe(201);
    expect(numberOf(response.body.order.reference)).toBe(numberOf(next) + 1);
    const held = await db().send(new GetCommand({ TableName: tableName(), Key: keys.orderReference(next) }));
    expect(held.Item?.accountId).toBe('imported');
  });

  it('numbers references with the configured prefix', async () => {
    process.env.ORDER_REFERENCE_PREFIX = 'ACME';
    resetConfigForTests();
    const response = await placeOrder(orderFor(uniqueEmail('prefix')));
    expect(response.status).toBe(201);
    expect(response.body.order.reference).toMatch(/^ACME\d{4,}$/);
  });

  it('answers a retry with the same idempotency key with the first order, and creates and mails nothing more', async () => {
    // Prepare
    const email = uniqueEmail('retry');
    const body = orderFor(email, { lines: [{ sku: 'RA-ENT-5-S1Y', quantity: 3 }] });
    // Act
    const first = await placeOrder(body);
    const retry = await placeOrder(body);
    // Assess
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ replayed: true, userCreated: true, accountCreated: true, confirmationMail: 'not-sent' });
    expect(retry.body.order).toEqual(first.body.order);
    expect(await accountItems(first.body.order.accountId, SK_PREFIX.order)).toHaveLength(1);
    expect(await accountItems(first.body.order.accountId, SK_PREFIX.licence)).toHaveLength(3);
    expect(await mailsTo(inject('mailUrl'), email)).toHaveLength(1);
  });

  it('creates one order for a double submit, whichever request wins', async () => {
    const email = uniqueEmail('double');
    const body = orderFor(email);
    const responses = await Promise.all([placeOrder(body), placeOrder(body)]);

    expect(responses.map((response) => response.status).sort()).toEqual([200, 201]);
    expect(responses[0]!.body.order.orderId).toBe(responses[1]!.body.order.orderId);
    expect(await accountItems(responses[0]!.body.order.accountId, SK_PREFIX.order)).toHaveLength(1);
  });

  it('creates one order when two requests with one key reach the table at the same moment', async () => {
    // Called in-process, so both requests read "no such key" before either writes: the transaction decides.
    const input = { ...orderFor(uniqueEmail('same.moment')), locale: 'en' as const };
    const results = await Promise.all([createStaffOrder(input, orderAudit()), createStaffOrder(input, orderAudit())]);

    expect(results.map((result) => result.replayed).sort()).toEqual([false, true]);
    expect(results[0].order).toEqual(results[1].order);
    expect(await accountItems(results[0].order.accountId, SK_PREFIX.order)).toHaveLength(1);
    expect(await accountItems(results[0].order.accountId, SK_PREFIX.licence)).toHaveLength(1);
  });

  it('refuses the same idempotency key for a different order', async () => {
    const body = orderFor(uniqueEmail('reused'));
    expect((await placeOrder(body)).status).toBe(201);
    const other = await placeOrder({ ...body, lines: [{ sku: 'RA-DSK-3', quantity: 2 }] });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    ['an unknown SKU', { lines: [{ sku: 'NOPE-1', quantity: 1 }] }, 'body.lines.0.sku'],
    ['no lines', { lines: [] }, 'body.lines'],
    ['a quantity of 0', { lines: [{ sku: 'RA-DSK-3', quantity: 0 }] }, 'body.lines.0.quantity'],
    ['a quantity of 11', { lines: [{ sku: 'RA-DSK-3', quantity: 11 }] }, 'body.lines.0.quantity'],
    ['a fractional quantity', { lines: [{ sku: 'RA-DSK-3', quantity: 1.5 }] }, 'body.lines.0.quantity'],
    ['a country that is not an ISO code', { contact: { name: 'A', country: 'POL', city: 'B' } }, 'body.contact.country'],
    ['an empty city', { contact: { name: 'A', country: 'PL', city: ' ' } }, 'body.contact.city'],
    ['a bad e-mail', { email: 'not-an-email' }, 'body.email'],
    ['a short idempotency key', { idempotencyKey: 'abc' }, 'body.idempotencyKey'],
    ['an unknown locale', { locale: 'es' }, 'body.locale'],
    ['an unknown field', { discount: 10 }, 'body'],
  ])('refuses %s with 400 and creates no customer', async (_, change, path) => {
    const email = uniqueEmail('invalid');
    const response = await placeOrder({ ...orderFor(email), ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect(await membershipsOf(email)).toEqual([]);
  });

  it('refuses an order too large for one transaction with a clear 400, before creating anything', async () => {
    const email = uniqueEmail('huge');
    // 50 licences with support: 200 items (licence, support term, renewable subscription and the serial's search entry
    // each), and 15 more: the
    // order, its reference and its search entry, the idempotency key, a new account with its activation key, owner,
    // owner claim and 4 search entries ("Jan Kowalski" whole and "kowalski", the e-mail, the activation key), and the
    // audit entry's 3 items.
    const lines = Array.from({ length: 5 }, () => ({ sku: 'RA-ENT-5-S1Y', quantity: 10 }));
    const response = await placeOrder(orderFor(email, { lines }));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'ORDER_TOO_LARGE', details: { itemsNeeded: 215, maxItems: 100 } });
    expect(response.body.error.message).toContain('Split it into smaller orders');
    expect(await membershipsOf(email)).toEqual([]);
    // 20 licences with support and 2 without: 15 + 80 + 4 = 99 (one more with support would be 103): the most one order holds.
    const largest = await placeOrder(
      orderFor(email, {
        lines: [...Array.from({ length: 2 }, () => ({ sku: 'RA-ENT-5-S1Y', quantity: 10 })), { sku: 'RA-DSK-3', quantity: 2 }],
      }),
    );
    expect(largest.status).toBe(201);
    expect(largest.body.order.issued).toHaveLength(22);
  });
});

describe('DynamoDB round trips of a staff order', () => {
  /** The commands the DynamoDB client sends while `act` runs (this file runs one test at a time). */
  async function commandsDuring(act: () => Promise<unknown>): Promise<Array<{ command: string; input: string }>> {
    const sent: Array<{ command: string; input: string }> = [];
    const name = 'record-round-trips';
    db().middlewareStack.add(
      (next, context) => async (args) => {
        sent.push({ command: context.commandName ?? 'unknown', input: JSON.stringify(args.input) });
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      await act();
    } finally {
      db().middlewareStack.remove(name);
    }
    return sent;
  }
  const accountLookups = (sent: Array<{ command: string; input: string }>) =>
    sent.filter(
      ({ command, input }) =>
        (command === 'QueryCommand' && input.includes(GSI1.name)) || (command === 'GetItemCommand' && input.includes('"OWNEDACCOUNT"')),
    );

  it("skips the account lookup for a customer whose user this order just created, and still makes one for a known customer's", async () => {
    // Act
    let created: Awaited<ReturnType<typeof createStaffOrder>> | undefined;
    const forNew = await commandsDuring(async () => {
      created = await createStaffOrder({ ...orderFor(uniqueEmail('trips')), locale: 'en' }, orderAudit());
    });
    const customer = await createCustomer(purchases(1));
    let existing: Awaited<ReturnType<typeof createStaffOrder>> | undefined;
    const forKnown = await commandsDuring(async () => {
      existing = await createStaffOrder({ ...orderFor(customer.login.email), locale: 'en' }, orderAudit());
    });

    // Assess
    expect(created).toMatchObject({ userCreated: true, accountCreated: true });
    expect(accountLookups(forNew)).toEqual([]);
    expect(existing).toMatchObject({ userCreated: false, accountCreated: false });
    expect(existing?.order.accountId).toBe(customer.account.accountId);
    expect(accountLookups(forKnown).map(({ command }) => command)).toEqual(['QueryCommand']);
  });
});

describe('finding orders', () => {
  it('finds an order by its reference, however it is typed, and nothing for an unknown one', async () => {
    const created = await placeOrder(orderFor(uniqueEmail('by.reference')));
    const { reference, orderId, accountId } = created.body.order;

    const found = await call(api, 'GET', `/api/admin/orders?reference=${encodeURIComponent(` ${reference.toLowerCase()} `)}`, {
      token: staffToken,
    });
    const unknown = await call(api, 'GET', '/api/admin/orders?reference=JWT1', { token: staffToken });

    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      items: [
        {
          orderId,
          accountId,
          reference,
          orderedAt: created.body.order.orderedAt,
          total: created.body.order.total,
          email: created.body.order.email,
        },
      ],
    });
    expect(unknown.body).toEqual({ items: [] });
  });

  it("lists one customer e-mail's orders newest first, a page at a time", async () => {
    const email = uniqueEmail('by.email');
    const references: string[] = [];
    for (let index = 0; index < 3; index += 1) references.push((await placeOrder(orderFor(email))).body.order.reference);
    await placeOrder(orderFor(uniqueEmail('someone.else')));

    const first = await call(api, 'GET', `/api/admin/orders?email=${encodeURIComponent(email.toUpperCase())}&limit=2`, {
      token: staffToken,
    });
    const second = await call(api, 'GET', `/api/admin/orders?email=${encodeURIComponent(email)}&limit=2&cursor=${first.body.nextCursor}`, {
      token: staffToken,
    });

    expect(first.status).toBe(200);
    expect([...first.body.items, ...second.body.items].map((order: { reference: string }) => order.reference)).toEqual(
      references.reverse(),
    );
    expect(second.body.nextCursor).toBeUndefined();
    expect(first.body.items.every((order: { email: string }) => order.email === email)).toBe(true);
  });

  it('lists every order newest first, including the demo-style orders written by the seed builders', async () => {
    const customer = await createCustomer(purchases(1, 2019));
    const latest = await placeOrder(orderFor(uniqueEmail('latest')));

    const firstPage = await call(api, 'GET', '/api/admin/orders?limit=100', { token: staffToken });

    expect(firstPage.status).toBe(200);
    const listed = firstPage.body.items as Array<{ reference: string; orderedAt: string }>;
    expect(listed[0]!.reference).toBe(latest.body.order.reference);
    const dates = listed.map((order) => order.orderedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(listed.map((order) => order.reference)).toContain(customer.purchases[0]!.reference);
  });

  it('shows one order in full with what it issued and its account, and 404 for an unknown one', async () => {
    const created = await placeOrder(orderFor(uniqueEmail('detail'), { locale: 'pl', lines: [{ sku: 'RA-ENT-10-S3Y', quantity: 1 }] }));
    const { accountId, orderId } = created.body.order;

    const detail = await call(api, 'GET', `/api/admin/orders/${accountId}/${orderId}`, { token: staffToken });
    const unknown = await call(api, 'GET', `/api/admin/orders/${accountId}/01JD3Q8W5M2K7Z9XG4R6T1V0BN`, { token: staffToken });

    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      orderId,
      accountId,
      locale: 'pl',
      account: { name: 'Jan Kowalski', contactEmail: created.body.order.email },
      issued: [{ sku: 'RA-ENT-10-S3Y', supportEndsAt: addYears(created.body.order.orderedAt, 3) }],
    });
    expect(detail.body).not.toHaveProperty('PK');
    expect(unknown.status).toBe(404);
  });

  it('refuses a search by reference and e-mail at once, and unknown parameters', async () => {
    const both = await call(api, 'GET', '/api/admin/orders?reference=JWT1001&email=a@example.test', { token: staffToken });
    const unknown = await call(api, 'GET', '/api/admin/orders?customer=x', { token: staffToken });
    expect(both.status).toBe(400);
    expect(unknown.status).toBe(400);
  });
});

describe('the catalogue', () => {
  it('lists the products with SKU, edition, users, price and included support', async () => {
    const response = await call(api, 'GET', '/api/admin/catalogue', { token: staffToken });
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual({
      sku: 'SM-STD-3-365D',
      product: 'Server Monitoring',
      edition: 'Standard',
      users: 3,
      unitPrice: { amountMinor: 39_900, currency: 'EUR' },
      supportYears: 1,
      days: 365,
    });
    expect(response.body.items.some((product: { supportYears: number }) => product.supportYears === 0)).toBe(true);
  });
});

describe('who may use the staff order routes', () => {
  const staffRoutes = (accountId: string, orderId: string) =>
    [
      ['GET', '/api/admin/catalogue'],
      ['GET', '/api/admin/orders'],
      ['GET', `/api/admin/orders/${accountId}/${orderId}`],
      ['POST', '/api/admin/orders'],
    ] as const;

  it('refuses a customer token, no token, and a staff user in no staff group, and creates nothing', async () => {
    const customer = await createCustomer(purchases(1));
    const customerToken = await signIn(api, 'customer', customer.login);
    const groupless = await signIn(api, 'staff', await createStaff([]));
    const email = uniqueEmail('refused');
    const body = orderFor(email);

    for (const [method, path] of staffRoutes(customer.account.accountId, '01JD3Q8W5M2K7Z9XG4R6T1V0BN')) {
      const options = method === 'POST' ? { body } : {};
      const asCustomer = await call(api, method, path, { token: customerToken, ...options });
      const anonymous = await call(api, method, path, options);
      const noGroup = await call(api, method, path, { token: groupless, ...options });
      expect(asCustomer.status, `${method} ${path} as a customer`).toBe(401);
      expect(anonymous.status, `${method} ${path} without a token`).toBe(401);
      expect(noGroup.status, `${method} ${path} without a staff group`).toBe(403);
    }
    expect(await membershipsOf(email)).toEqual([]);
  });
});

describe('references after the demo seed', () => {
  it('numbers a new order above every demo order the seed wrote, and a second seed does not lower it', async () => {
    // Prepare: the demo seed writes JWT1016-JWT2001 straight into the table.
    await seedDemoData();
    const listed = await call(api, 'GET', '/api/admin/orders?limit=100', { token: staffToken });
    const seeded = (listed.body.items as Array<{ reference: string }>).map((order) => numberOf(order.reference)).filter(Number.isFinite);
    expect(seeded).toContain(2001);
    // Act
    const first = await placeOrder(orderFor(uniqueEmail('after.seed')));
    await seedDemoData();
    const second = await placeOrder(orderFor(uniqueEmail('after.reseed')));
    // Assess
    expect(numberOf(first.body.order.reference)).toBeGreaterThan(Math.max(...seeded));
    expect(numberOf(second.body.order.reference)).toBeGreaterThan(numberOf(first.body.order.reference));
  });
});

// Upgrades of owned licences (issue #15, seed 003) against DynamoDB Local: the offers and the seat rule's refusals per
// licence (GET /api/upgrades, a distributor's client's too), the quote of an upgrade line, and its fulfilment in place:
// same licence, serial and computer, an 'upgraded' event, the support subscription following, the new file to mail.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getAccount } from '#shared/accounts/account.ts';
import { transactWithRetry } from '#shared/billing/transact.ts';
import { editionItem, productItem, type Sku, skuItem, upgradeItem } from '#shared/catalogue/model.ts';
import { PutCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Item } from '#shared/db/entity.ts';
import { newId } from '#shared/ids.ts';
import { listLicenceEvents } from '#shared/licences/licence-events.ts';
import { licencePurchase } from '#shared/licences/licence-items.ts';
import { money } from '#shared/money.ts';
import type { StoredOrder } from '#shared/orders/model.ts';
import { ACTION_ITEMS, type ActionLine, quoteAction } from '#shared/shop/line-actions.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import { activationFiles } from '#shared/shop/payment-mail.ts';
import { balanceChange } from '#shared/billing/ledger.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import { listSubscriptionEvents } from '#shared/subscriptions/events.ts';
import { getSubscription } from '#shared/subscriptions/model.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import { type SupportSubscription, supportSubscriptionItem } from '#shared/support/model.ts';
import { readLicence, upgradeFulfilment } from '#shared/upgrades/upgrade-lines.ts';
import { addMember, call, createCustomer, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { customerWithCart } from '../support/shopper.ts';

let api: TestApi;
let admin: string;

/** A product of this run only: Basic, Plus, Pro single-seat and Pro 5 seats; Plus and Pro reached by edition paths. */
const suffix = randomUUID().slice(0, 6);
const productId = `ledger-${suffix}`;
const product = `Ledger ${suffix}`;
const code = (name: string) => `LG${suffix.toUpperCase()}-${name}`;
const at = new Date().toISOString();

function sku(name: string, editionId: string, users: number, eur: number): Sku {
  return {
    sku: code(name),
    productId,
    editionId,
    users,
    supportYears: 1,
    status: 'active',
    prices: { EUR: { amountMinor: eur, version: 1, validFrom: at }, PLN: { amountMinor: eur * 4, version: 1, validFrom: at } },
    updatedAt: at,
  };
}

async function putCatalogue(): Promise<void> {
  const items: Item[] = [
    productItem({ productId, name: product, status: 'active', updatedAt: at }),
    ...['basic', 'plus', 'pro'].map((editionId) =>
      editionItem({ productId, editionId, name: editionId[0]!.toUpperCase() + editionId.slice(1), status: 'active', updatedAt: at }),
    ),
    skuItem(sku('BAS-1', 'basic', 1, 10_000)),
    skuItem(sku('PLS-1', 'plus', 1, 18_000)),
    skuItem(sku('PRO-1', 'pro', 1, 25_000)),
    skuItem(sku('PRO-5', 'pro', 5, 90_000)),
    skuItem(sku('BAS-5', 'basic', 5, 40_000)),
    upgradeItem({ productId, fromEditionId: 'basic', toEditionId: 'plus', kind: 'edition', updatedAt: at }),
    upgradeItem({ productId, fromEditionId: 'plus', toEditionId: 'pro', kind: 'edition', updatedAt: at }),
    upgradeItem({
      productId,
      fromEditionId: 'basic',
      toEditionId: 'basic',
      kind: 'seats',
      toUsers: 5,
      requiresHighestSingleSeat: true,
      updatedAt: at,
    }),
    upgradeItem({
      productId,
      fromEditionId: 'pro',
      toEditionId: 'pro',
      kind: 'seats',
      toUsers: 5,
      requiresHighestSingleSeat: true,
      updatedAt: at,
    }),
  ];
  await Promise.all(items.map((Item) => db().send(new PutCommand({ TableName: tableName(), Item }))));
}

/** A licence of the account bought with a year of support (and its renewable subscription), activated on a computer. */
async function putLicence(accountId: string, edition: string, skuName: string, eur: number, purchasedAt = new Date()) {
  const purchase = licencePurchase({
    accountId,
    licenceId: newId(purchasedAt),
    subscriptionId: newId(purchasedAt),
    orderId: newId(purchasedAt),
    orderReference: `UP${suffix}`,
    purchasedAt,
    product,
    edition,
    users: 1,
    serial: `SER-${randomUUID().slice(0, 8)}`,
    supportYears: 1,
    renewal: { productId, sku: code(skuName), yearlyPrice: money(eur / 5, 'EUR') },
  });
  const activated = { computerId: 'PC-ACCOUNTS-01', activatedAt: purchasedAt.toISOString(), bindingVersion: 1 };
  await Promise.all(
    purchase.items.map((Item) =>
      db().send(new PutCommand({ TableName: tableName(), Item: Item.type === 'Licence' ? { ...Item, ...activated } : Item })),
    ),
  );
  return purchase;
}

const mark = (accountId: string) =>
  call(api, 'PUT', `/api/admin/customers/${accountId}/distributor`, { token: admin, body: { distributor: true } });
const assign = (distributorId: string, clientId: string) =>
  call(api, 'POST', `/api/admin/customers/${distributorId}/clients`, { token: admin, body: { clientId, reason: 'Reseller contract' } });

/** The order a paid upgrade line sits on (in the buyer's account), as the payment's fulfilment gets it. */
function orderWith(accountId: string, line: ActionLine): StoredOrder {
  return {
    orderId: newId(),
    reference: `UPG${randomUUID().slice(0, 5).toUpperCase()}`,
    orderedAt: new Date().toISOString(),
    total: line.subtotal,
    lines: [line],
    contact: { name: 'Buyer', email: 'buyer@example.test', country: 'PL', city: 'Kraków' },
    accountId,
    email: 'buyer@example.test',
    locale: 'en',
    issued: [],
  };
}

async function fulfil(buyerId: string, line: ActionLine) {
  const order = orderWith(buyerId, line);
  const context = {
    order,
    invoice: { invoiceId: newId(), number: `FV/${suffix}` },
    tax: { treatment: 'domestic' as const, rateBasisPoints: 2300 },
    at: new Date(),
  };
  const part = await transactWithRetry(async () => {
    const built = await upgradeFulfilment(context, { ...line, action: line.action as Extract<ActionLine['action'], { kind: 'upgrade' }> });
    return { items: built.items, retryOnConditionAt: built.retryOnConditionAt, result: built };
  });
  return { order, part };
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await signIn(api, 'staff', await createStaff(['admin']));
  await putCatalogue();
});
afterAll(() => api.stop());

describe('GET /api/upgrades', () => {
  it('offers a single-seat Basic the next edition at the price difference and explains why not 5 seats; Pro single-seat gets 5 seats', async () => {
    const owner = await createCustomer([]);
    const basic = await putLicence(owner.account.accountId, 'Basic', 'BAS-1', 10_000);
    const pro = await putLicence(owner.account.accountId, 'Pro', 'PRO-1', 25_000);
    const token = await signIn(api, 'customer', owner.login);

    const listed = await call(api, 'GET', '/api/upgrades', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.currency).toBe('EUR');
    const of = (licenceId: string) =>
      listed.body.items.find((item: { licence: { licenceId: string } }) => item.licence.licenceId === licenceId);
    expect(of(basic.licence.licenceId)).toMatchObject({
      client: { accountId: owner.account.accountId },
      offers: [
        { kind: 'edition', fromEdition: 'Basic', toEdition: 'Plus', toSku: code('PLS-1'), price: { amountMinor: 8_000, currency: 'EUR' } },
      ],
      notOffered: [{ kind: 'seats', toEdition: 'Basic', toUsers: 5, reason: 'SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT' }],
    });
    expect(of(pro.licence.licenceId)).toMatchObject({
      offers: [
        { kind: 'seats', fromSku: code('PRO-1'), toSku: code('PRO-5'), toUsers: 5, price: { amountMinor: 65_000, currency: 'EUR' } },
      ],
      notOffered: [],
    });
  });

  it('lists a client’s licences for its distributor (each with the client), and 404 for an account that is not its client', async () => {
    const [distributor, client, stranger] = await Promise.all([createCustomer([]), createCustomer([]), createCustomer([])]);
    expect((await mark(distributor.account.accountId)).status).toBe(200);
    expect((await assign(distributor.account.accountId, client.account.accountId)).status).toBe(200);
    const licence = await putLicence(client.account.accountId, 'Plus', 'PLS-1', 18_000);
    const token = await signIn(api, 'customer', distributor.login);

    const listed = await call(api, 'GET', `/api/upgrades?clientId=${client.account.accountId}`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        licence: expect.objectContaining({ licenceId: licence.licence.licenceId }),
        client: { accountId: client.account.accountId, name: client.account.name },
        offers: [expect.objectContaining({ toSku: code('PRO-1'), price: { amountMinor: 7_000, currency: 'EUR' } })],
      }),
    ]);
    const foreign = await call(api, 'GET', `/api/upgrades?clientId=${stranger.account.accountId}`, { token });
    expect(foreign.status).toBe(404);
  });

  it('is refused to a technical member (billing read only)', async () => {
    const owner = await createCustomer([]);
    const technical = await addMember(owner.account.accountId, 'technical');
    const response = await call(api, 'GET', '/api/upgrades', { token: await signIn(api, 'customer', technical) });
    expect(response.status).toBe(403);
  });
});

describe('quoting an upgrade line', () => {
  it('quotes the offer as one line at the difference, and refuses a path the seat rule closes with its reason', async () => {
    const owner = await createCustomer([]);
    const basic = await putLicence(owner.account.accountId, 'Basic', 'BAS-1', 10_000);
    const buyer = (await getAccount(owner.account.accountId))!;
    const context = { buyer, currency: 'PLN', at: new Date() };
    const base = { kind: 'upgrade' as const, licenceId: basic.licence.licenceId, licenseeAccountId: owner.account.accountId };

    const quote = await quoteAction(context, { ...base, toSku: code('PLS-1') });
    expect(quote).toEqual({
      line: {
        product,
        sku: code('PLS-1'),
        edition: 'upgrade Basic (1) → Plus (1)',
        text: { kind: 'upgrade', fromEdition: 'Basic', fromUsers: 1, toEdition: 'Plus', toUsers: 1 },
        users: 1,
        quantity: 1,
        unitPrice: { amountMinor: 32_000, currency: 'PLN' },
        subtotal: { amountMinor: 32_000, currency: 'PLN' },
        // The edition and seats it was priced from: the payment refuses to apply it to another.
        action: { ...base, toSku: code('PLS-1'), from: { edition: 'Basic', users: 1 } },
      },
      // It changes the licence and its renewable support: a renewal of that support may not share its order.
      targets: [`licence:${basic.licence.licenceId}`, expect.stringMatching(/^subscription:/)],
    });
    expect(await quoteAction(context, { ...base, toSku: code('PRO-5') })).toMatchObject({ unavailable: 'UPGRADE_NOT_OFFERED' });
    const seats = await quoteAction(context, { ...base, toSku: code('BAS-5') });
    expect(seats).toMatchObject({ unavailable: 'SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT' });
  });

  it('refuses a distributor’s client ordering its own upgrade (403 ORDERED_BY_DISTRIBUTOR) and another distributor’s client (404)', async () => {
    const [distributor, other, client] = await Promise.all([createCustomer([]), createCustomer([]), createCustomer([])]);
    await Promise.all([mark(distributor.account.accountId), mark(other.account.accountId)]);
    expect((await assign(distributor.account.accountId, client.account.accountId)).status).toBe(200);
    const licence = await putLicence(client.account.accountId, 'Basic', 'BAS-1', 10_000);
    const action = {
      kind: 'upgrade' as const,
      licenceId: licence.licence.licenceId,
      toSku: code('PLS-1'),
      licenseeAccountId: client.account.accountId,
    };
    const contextOf = async (accountId: string) => ({ buyer: (await getAccount(accountId, true))!, currency: 'EUR', at: new Date() });

    await expect(quoteAction(await contextOf(client.account.accountId), action)).rejects.toMatchObject({
      statusCode: 403,
      code: 'ORDERED_BY_DISTRIBUTOR',
    });
    await expect(quoteAction(await contextOf(other.account.accountId), action)).rejects.toMatchObject({ statusCode: 404 });
    expect(await quoteAction(await contextOf(distributor.account.accountId), action)).toMatchObject({
      line: { sku: code('PLS-1'), unitPrice: { amountMinor: 8_000, currency: 'EUR' } },
    });
  });
});

describe('fulfilling a paid upgrade', () => {
  it('changes the licence in place (serial and computer kept), records the upgrade, moves its support subscription and issues the new file', async () => {
    const owner = await createCustomer([]);
    const bought = await putLicence(owner.account.accountId, 'Pro', 'PRO-1', 25_000);
    const buyer = (await getAccount(owner.account.accountId))!;
    const quote = await quoteAction(
      { buyer, currency: 'EUR', at: new Date() },
      { kind: 'upgrade', licenceId: bought.licence.licenceId, toSku: code('PRO-5'), licenseeAccountId: owner.account.accountId },
    );
    if (!('line' in quote)) throw new Error(`not quoted: ${quote.unavailable}`);

    const { order, part } = await fulfil(owner.account.accountId, quote.line);

    const licence = await readLicence(owner.account.accountId, bought.licence.licenceId);
    expect(licence).toMatchObject({
      licenceId: bought.licence.licenceId,
      serial: bought.licence.serial,
      edition: 'Pro',
      users: 5,
      computerId: 'PC-ACCOUNTS-01',
      bindingVersion: 1,
      supportEndsAt: bought.licence.supportEndsAt,
    });
    const events = await listLicenceEvents(owner.account.accountId, bought.licence.licenceId, {});
    expect(events.items).toEqual([
      expect.objectContaining({
        action: 'upgraded',
        edition: { from: 'Pro', to: 'Pro' },
        users: { from: 1, to: 5 },
        orderReference: order.reference,
        // Made by the payment, named by the order's e-mail: no person signed in, no address.
        by: 'payment',
        email: order.email,
      }),
    ]);
    expect(events.items[0]).not.toHaveProperty('sourceIp');
    expect(events.items[0]).not.toHaveProperty('userId');
    const subscription = await getSubscription(owner.account.accountId, bought.renewable!.subscriptionId);
    expect(subscription).toMatchObject({
      sku: code('PRO-5'),
      plan: 'Pro',
      users: 5,
      price: { amountMinor: 18_000, currency: 'EUR' },
      version: 2,
    });
    const history = await listSubscriptionEvents(owner.account.accountId, subscription.subscriptionId, {});
    expect(history.items).toEqual([
      expect.objectContaining({ kind: 'plan-changed', by: 'payment', order: { orderId: order.orderId, reference: order.reference } }),
    ]);

    expect(part.issued).toEqual([
      expect.objectContaining({ licenceId: licence.licenceId, serial: licence.serial, users: 5, sku: code('PRO-5') }),
    ]);
    const [file] = await activationFiles(order, part.issued, new Date().toISOString());
    const text = Buffer.from(file!.content, 'base64').toString('utf8');
    expect(file!.filename).toBe(`${product}-${licence.serial}.lic`);
    expect(text).toContain('"users": 5');
    expect(text).toContain(licence.licenceId);
  });

  it('renames every support term covering the licence from now on (the current and three renewed ahead); an ended term keeps its edition', async () => {
    const owner = await createCustomer([]);
    const accountId = owner.account.accountId;
    const day = 24 * 60 * 60 * 1000;
    // Bought 13 months ago with a year of support (that first term has ended), renewed for this year and, early, the
    // next three (each early renewal carries a span part: up to MAX_CARRIED_PARTS terms can be running at once).
    const bought = await putLicence(accountId, 'Basic', 'BAS-1', 10_000, new Date(Date.now() - 395 * day));
    const first = bought.subscription!;
    const term = (startsAt: string, endsAt: string): SupportSubscription => ({
      ...first,
      subscriptionId: newId(new Date(startsAt)),
      orderId: newId(),
      orderReference: `RN${suffix}`,
      startsAt,
      endsAt,
    });
    const current = term(first.endsAt, new Date(Date.parse(first.endsAt) + 365 * day).toISOString());
    const ahead = term(current.endsAt, new Date(Date.parse(current.endsAt) + 365 * day).toISOString());
    const ahead2 = term(ahead.endsAt, new Date(Date.parse(ahead.endsAt) + 365 * day).toISOString());
    const ahead3 = term(ahead2.endsAt, new Date(Date.parse(ahead2.endsAt) + 365 * day).toISOString());
    await Promise.all(
      [current, ahead, ahead2, ahead3].map((each) =>
        db().send(new PutCommand({ TableName: tableName(), Item: supportSubscriptionItem(accountId, each) })),
      ),
    );
    const buyer = (await getAccount(accountId))!;
    const quote = await quoteAction(
      { buyer, currency: 'EUR', at: new Date() },
      { kind: 'upgrade', licenceId: bought.licence.licenceId, toSku: code('PLS-1'), licenseeAccountId: accountId },
    );
    if (!('line' in quote)) throw new Error(`not quoted: ${quote.unavailable}`);

    const { part } = await fulfil(accountId, quote.line);

    // The licence, its event, the renewable subscription and its event, and the four running terms; checkout counts
    // the most there can be.
    expect(part.items).toHaveLength(4 + 4);
    expect(part.items.length).toBeLessThanOrEqual(ACTION_ITEMS.upgrade);
    const token = await signIn(api, 'customer', owner.login);
    const detail = await call(api, 'GET', `/api/licences/${bought.licence.licenceId}`, { token });
    expect(detail.status).toBe(200);
    const terms = detail.body.supportSubscriptions as Array<{ subscriptionId: string; edition: string; users: number; status: string }>;
    expect(terms.map(({ subscriptionId, edition, users }) => ({ subscriptionId, edition, users }))).toEqual([
      { subscriptionId: ahead3.subscriptionId, edition: 'Plus', users: 1 },
      { subscriptionId: ahead2.subscriptionId, edition: 'Plus', users: 1 },
      { subscriptionId: ahead.subscriptionId, edition: 'Plus', users: 1 },
      { subscriptionId: current.subscriptionId, edition: 'Plus', users: 1 },
      { subscriptionId: first.subscriptionId, edition: 'Basic', users: 1 },
    ]);
    expect(terms.at(-1)?.status).toBe('expired');
  });

  it('names the new seats on the current support term of a licence bought with support', async () => {
    const owner = await createCustomer([]);
    const accountId = owner.account.accountId;
    const bought = await putLicence(accountId, 'Pro', 'PRO-1', 25_000);
    const buyer = (await getAccount(accountId))!;
    const quote = await quoteAction(
      { buyer, currency: 'EUR', at: new Date() },
      { kind: 'upgrade', licenceId: bought.licence.licenceId, toSku: code('PRO-5'), licenseeAccountId: accountId },
    );
    if (!('line' in quote)) throw new Error(`not quoted: ${quote.unavailable}`);
    await fulfil(accountId, quote.line);
    expect(await listLicenceSupport(accountId, bought.licence.licenceId)).toEqual([
      expect.objectContaining({ subscriptionId: bought.subscription!.subscriptionId, edition: 'Pro', users: 5, status: 'active' }),
    ]);
  });

  it('a distributor pays for its client: the client’s licence changes, nothing is written in the distributor’s partition', async () => {
    const [distributor, client] = await Promise.all([createCustomer([]), createCustomer([])]);
    await mark(distributor.account.accountId);
    expect((await assign(distributor.account.accountId, client.account.accountId)).status).toBe(200);
    const bought = await putLicence(client.account.accountId, 'Basic', 'BAS-1', 10_000);
    const buyer = (await getAccount(distributor.account.accountId, true))!;
    const quote = await quoteAction(
      { buyer, currency: 'EUR', at: new Date() },
      { kind: 'upgrade', licenceId: bought.licence.licenceId, toSku: code('PLS-1'), licenseeAccountId: client.account.accountId },
    );
    if (!('line' in quote)) throw new Error(`not quoted: ${quote.unavailable}`);

    const { part } = await fulfil(distributor.account.accountId, quote.line);

    expect(await readLicence(client.account.accountId, bought.licence.licenceId)).toMatchObject({ edition: 'Plus', users: 1 });
    const partitions = new Set(part.items.map((item) => String((item.Put?.Item ?? item.Update?.Key)?.PK)));
    expect(partitions).toEqual(new Set([`ACCOUNT#${client.account.accountId}`]));
  });

  it('a build from a stale read fails its licence condition, which the payment retries (retryOnConditionAt), and never double-applies', async () => {
    const owner = await createCustomer([]);
    const bought = await putLicence(owner.account.accountId, 'Basic', 'BAS-1', 10_000);
    const buyer = (await getAccount(owner.account.accountId))!;
    const quote = await quoteAction(
      { buyer, currency: 'EUR', at: new Date() },
      { kind: 'upgrade', licenceId: bought.licence.licenceId, toSku: code('PLS-1'), licenseeAccountId: owner.account.accountId },
    );
    if (!('line' in quote)) throw new Error(`not quoted: ${quote.unavailable}`);
    const line = { ...quote.line, action: quote.line.action as Extract<ActionLine['action'], { kind: 'upgrade' }> };
    const context = () => ({
      order: orderWith(owner.account.accountId, line),
      invoice: { invoiceId: newId(), number: `FV/${suffix}` },
      tax: { treatment: 'domestic' as const, rateBasisPoints: 2300 },
      at: new Date(),
    });

    // Two payments racing: both built from the same read; the first write wins, the second's licence condition fails.
    const [first, second] = await Promise.all([upgradeFulfilment(context(), line), upgradeFulfilment(context(), line)]);
    await db().send(new TransactWriteCommand({ TransactItems: first.items }));
    const lost = await db()
      .send(new TransactWriteCommand({ TransactItems: second.items }))
      .then(
        () => undefined,
        (error: { CancellationReasons?: Array<{ Code?: string }> }) => error.CancellationReasons?.map((reason) => reason.Code),
      );
    expect(lost?.[0]).toBe('ConditionalCheckFailed');
    expect(second.retryOnConditionAt).toContain(0);
    const events = await listLicenceEvents(owner.account.accountId, bought.licence.licenceId, {});
    expect(events.items.filter((event) => event.action === 'upgraded')).toHaveLength(1);
    expect((await getSubscription(owner.account.accountId, bought.renewable!.subscriptionId)).version).toBe(2);

    // The line records what it was priced from; the retry reads the licence upgraded already and refuses to apply the
    // same line to it again (a bank transfer would then go to the balance: late-payments.test.ts).
    expect(line.action.from).toEqual({ edition: bought.licence.edition, users: bought.licence.users });
    await expect(upgradeFulfilment(context(), line)).rejects.toMatchObject({ statusCode: 409, code: 'LICENCE_CHANGED' });
  });
});

describe('a distributor orders an upgrade for its client (placeDirectOrder, paid from its balance)', () => {
  it('the order, invoice and mail are the distributor’s; the client’s licence is upgraded in place', async () => {
    const [distributor, client] = await Promise.all([customerWithCart([]), createCustomer([])]);
    await mark(distributor.account.accountId);
    expect((await assign(distributor.account.accountId, client.account.accountId)).status).toBe(200);
    const bought = await putLicence(client.account.accountId, 'Basic', 'BAS-1', 10_000);
    const topUp = balanceChange({
      accountId: distributor.account.accountId,
      currency: 'PLN',
      amountMinor: 1_000_00,
      kind: 'adjustment',
      source: { kind: 'adjustment', id: 'test' },
      at: new Date(),
    });
    await db().send(new TransactWriteCommand({ TransactItems: topUp.items }));

    const placed = await placeDirectOrder({
      accountId: distributor.account.accountId,
      placedBy: { name: 'Partner', email: distributor.login.email, locale: 'en' },
      actions: [
        { kind: 'upgrade', licenceId: bought.licence.licenceId, toSku: code('PLS-1'), licenseeAccountId: client.account.accountId },
      ],
      idempotencyKey: randomUUID(),
      paymentMethod: 'balance',
    });

    expect(placed.order).toMatchObject({ accountId: distributor.account.accountId, shop: { status: 'fulfilled' } });
    expect(placed.order.lines).toEqual([
      expect.objectContaining({ sku: code('PLS-1'), subtotal: { amountMinor: 32_000, currency: 'PLN' } }),
    ]);
    const invoice = await getInvoice(distributor.account.accountId, placed.order.shop!.invoice!.invoiceId, true);
    expect(invoice).toMatchObject({ kind: 'vat', totals: { netMinor: 32_000 } });
    expect(await readLicence(client.account.accountId, bought.licence.licenceId)).toMatchObject({
      serial: bought.licence.serial,
      edition: 'Plus',
      computerId: 'PC-ACCOUNTS-01',
    });
    // The client sees it on its own licences; the distributor's account has no licence of it.
    expect((await listLicences(client.account.accountId, {})).items).toEqual([expect.objectContaining({ edition: 'Plus' })]);
    expect((await listLicences(distributor.account.accountId, {})).items).toEqual([]);
    const response = await fetch(`${inject('mailUrl')}/store`);
    const { emails } = (await response.json()) as {
      emails: Array<{ destination: { to: string[] }; subject: string; attachments?: Array<{ filename: string }> }>;
    };
    const mail = emails.find(
      (each) => each.destination.to.includes(distributor.login.email) && each.subject.includes(placed.order.reference),
    );
    expect(mail?.attachments?.map((file) => file.filename)).toEqual([`${product}-${bought.licence.serial}.lic`]);
  });
});

describe('staff: upgrade paths with the seat rule', () => {
  it('adds a seats path under the rule within an edition; refuses seats without toUsers and the rule on an edition path', async () => {
    const url = `/api/admin/catalogue/products/${productId}/upgrades`;
    const added = await call(api, 'POST', url, {
      token: admin,
      body: { fromEditionId: 'plus', toEditionId: 'plus', kind: 'seats', toUsers: 5, requiresHighestSingleSeat: true },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'seats', toUsers: 5, requiresHighestSingleSeat: true });
    const catalogue = await call(api, 'GET', '/api/admin/catalogue/products', { token: admin });
    expect(catalogue.body.upgrades).toContainEqual(
      expect.objectContaining({ productId, fromEditionId: 'plus', toEditionId: 'plus', kind: 'seats', toUsers: 5 }),
    );

    const noSeats = await call(api, 'POST', url, { token: admin, body: { fromEditionId: 'basic', toEditionId: 'pro', kind: 'seats' } });
    expect([noSeats.status, noSeats.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const ruleOnEdition = await call(api, 'POST', url, {
      token: admin,
      body: { fromEditionId: 'basic', toEditionId: 'pro', requiresHighestSingleSeat: true },
    });
    expect(ruleOnEdition.status).toBe(400);
    const sameEdition = await call(api, 'POST', url, { token: admin, body: { fromEditionId: 'pro', toEditionId: 'pro' } });
    expect(sameEdition.status).toBe(400);
    await call(api, 'DELETE', `${url}/plus/plus`, { token: admin });
  });
});

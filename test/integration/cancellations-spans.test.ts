// Immediate cancellations of a span that more than one invoice paid, against DynamoDB Local: after a credit-now
// downgrade only the new plan's unused days come back; after an upgrade the upgrade's invoice is refunded too, each
// invoice by its own correction, once under 20 parallel cancellations; a span a distributor paid for its client is
// refunded to the distributor (its invoice, its balance), who may cancel the client's service, while the client may not
// and another distributor gets 404 (docs/data-model.md "Cancellations").

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignClient, markDistributor } from '#shared/accounts/distributors.ts';
import * as distributorsApi from '#shared/api/distributors.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { netForGross } from '#shared/billing/refunds.ts';
import { taxLine } from '#shared/billing/tax.ts';
import { applyOrderPayment } from '#shared/shop/order-payments.ts';
import { cancellationPreview, cancelSubscription } from '#shared/subscriptions/cancel.ts';
import { listSubscriptionEvents } from '#shared/subscriptions/events.ts';
import { getSubscription, MAX_CARRIED_PARTS, MAX_SPAN_CHANGES, type Subscription } from '#shared/subscriptions/model.ts';
import { DAY_MS, prorate } from '#shared/subscriptions/periods.ts';
import { auditTrailForTests } from '../support/audit.ts';
import { call, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { issueTestInvoice, POLISH_BUYER } from '../support/invoices.ts';
import { putTestServicePlans, type TestServicePlans } from '../support/service-plans.ts';
import { customerWithCart } from '../support/shopper.ts';
import { giveBalance, testBalance } from '../support/balances.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;
let catalogue: TestServicePlans;
const vat = { treatment: 'domestic', rateBasisPoints: 2300 } as const;

beforeAll(async () => {
  api = await startTestApi();
  catalogue = await putTestServicePlans();
});
afterAll(() => api.stop());

/** A Polish customer (PLN, 23 % VAT) signed in, with a Medium plan (49.00 net) paid until 10 whole days from now by invoice A. */
async function customerWithService(overrides: Parameters<typeof putTestSubscription>[1] = { withInvoice: true }) {
  const customer = await customerWithCart([]);
  const { accountId } = customer.account;
  const paidUntil = new Date(Date.now() + 10 * DAY_MS + 2 * 60 * 60 * 1000).toISOString();
  const subscription = await putTestSubscription(accountId, {
    productId: catalogue.productId,
    product: catalogue.product,
    sku: catalogue.mid,
    plan: 'Medium',
    users: 10,
    paidUntil,
    ...overrides,
  });
  return { accountId, subscription, token: await signIn(api, 'customer', customer.login) };
}

const changePlan = (token: string, subscriptionId: string, body: Record<string, unknown>) =>
  call(api, 'POST', `/api/subscriptions/${subscriptionId}/change-plan`, {
    token,
    body: { payWith: 'balance', idempotencyKey: randomUUID(), ...body },
  });

/** Moves the service to `toSku` at the amount its preview shows. */
async function changeTo(token: string, subscriptionId: string, toSku: string) {
  const plans = await call(api, 'GET', `/api/subscriptions/${subscriptionId}/plans`, { token });
  const choice = plans.body.plans.find((option: { sku: string }) => option.sku === toSku);
  const answer = await changePlan(token, subscriptionId, { toSku, acceptedAmountMinor: choice.preview.grossMinor });
  expect(answer.status).toBe(201);
  return choice.preview as { grossMinor: number; daysLeft: number; daysInPeriod: number };
}

/** What a correction of `requestedMinor` credits: the gross of the largest one-line net not above it (refunds.ts). */
const credited = (requestedMinor: number) => taxLine(netForGross(requestedMinor, vat), vat).grossMinor;

/** One part's unused days at `at`, by the one proration rule. */
const share = (grossMinor: number, coversFrom: string, subscription: Subscription, at: Date) =>
  prorate({ amountMinor: grossMinor, periodStart: coversFrom, periodEnd: subscription.paidUntil, at }).amountMinor;

describe('a cancellation after a plan change refunds what paid the span, invoice by invoice', () => {
  it('after a credit-now downgrade refunds only the new plan’s unused days, as a second correction of the period’s invoice', async () => {
    const { accountId, subscription, token } = await customerWithService();
    const opening = subscription.lastInvoice!;
    const credit = await changeTo(token, subscription.subscriptionId, catalogue.small);
    const changed = await getSubscription(accountId, subscription.subscriptionId);
    expect(changed.spanChanges).toEqual([
      {
        kind: 'credit',
        invoice: { accountId, invoiceId: opening.invoiceId, number: opening.number },
        grossMinor: -credit.grossMinor,
        coversFrom: expect.any(String),
      },
    ]);

    // Five days later, 5 of the 10 days the credit covered are left.
    const at = new Date(Date.now() + 5 * DAY_MS);
    const requested =
      share(opening.grossMinor, opening.coversFrom!, changed, at) -
      share(credit.grossMinor, changed.spanChanges![0]!.coversFrom, changed, at);
    // The rule's check: the old invoice less the credit is the new plan's unused days (19.00 net = 23.37 gross), to a unit.
    const fair = share(2_337, opening.coversFrom!, changed, at);
    expect(Math.abs(requested - fair)).toBeLessThanOrEqual(1);
    // Without the credit counted, the cancellation would have refunded the old plan's days: over twice as much.
    expect(share(opening.grossMinor, opening.coversFrom!, changed, at)).toBeGreaterThan(2 * requested);

    const preview = await cancellationPreview(accountId, subscription.subscriptionId, at);
    expect(preview.refund).toMatchObject({
      amountMinor: credited(requested),
      corrects: [{ accountId, invoiceId: opening.invoiceId, amountMinor: credited(requested) }],
    });
    const result = await cancelSubscription({
      accountId,
      subscriptionId: subscription.subscriptionId,
      at,
      by: 'customer',
      acceptedRefundMinor: credited(requested),
    });
    expect(result.refund?.corrections).toHaveLength(1);
    expect(await testBalance(accountId)).toBe(credit.grossMinor + credited(requested));
    const original = (await getInvoice(accountId, opening.invoiceId, true))!;
    expect(original.correctedBy).toHaveLength(2);
    const correction = (await getInvoice(accountId, result.refund!.corrections[0]!.invoiceId, true))!;
    expect(correction).toMatchObject({
      kind: 'correction',
      corrects: { invoiceId: opening.invoiceId },
      totals: { grossMinor: -credited(requested) },
    });
  });

  it('after an upgrade refunds the upgrade’s unused days too: one correction of each invoice', async () => {
    const { accountId, subscription, token } = await customerWithService();
    const opening = subscription.lastInvoice!;
    await giveBalance(accountId, 100_000);
    const upgrade = await changeTo(token, subscription.subscriptionId, catalogue.large);
    const changed = await getSubscription(accountId, subscription.subscriptionId);
    const part = changed.spanChanges![0]!;
    expect(part).toMatchObject({ kind: 'upgrade', grossMinor: upgrade.grossMinor, invoice: { accountId } });
    expect(prorate({ amountMinor: 1, periodStart: part.coversFrom, periodEnd: changed.paidUntil, at: new Date() }).daysInPeriod).toBe(10);

    const at = new Date(Date.now() + 5 * DAY_MS);
    // The period's invoice: G × 5/S; the upgrade's: its gross × 5/10.
    const fromOpening = credited(share(opening.grossMinor, opening.coversFrom!, changed, at));
    const fromUpgrade = credited(share(upgrade.grossMinor, part.coversFrom, changed, at));
    expect(share(upgrade.grossMinor, part.coversFrom, changed, at)).toBe(Math.round(upgrade.grossMinor / 2));

    const preview = await cancellationPreview(accountId, subscription.subscriptionId, at);
    expect(preview.refund).toMatchObject({
      amountMinor: fromOpening + fromUpgrade,
      corrects: [
        { accountId, invoiceId: opening.invoiceId, amountMinor: fromOpening },
        { accountId, invoiceId: part.invoice!.invoiceId, amountMinor: fromUpgrade },
      ],
    });
    const result = await cancelSubscription({
      accountId,
      subscriptionId: subscription.subscriptionId,
      at,
      by: 'customer',
      acceptedRefundMinor: fromOpening + fromUpgrade,
    });
    expect(result.refund).toMatchObject({ amountMinor: fromOpening + fromUpgrade, currency: 'PLN' });
    expect(await testBalance(accountId)).toBe(100_000 - upgrade.grossMinor + fromOpening + fromUpgrade);
    for (const [invoiceId, amount] of [
      [opening.invoiceId, fromOpening],
      [part.invoice!.invoiceId, fromUpgrade],
    ] as const) {
      const original = (await getInvoice(accountId, invoiceId, true))!;
      expect(original.correctedBy).toHaveLength(1);
      const correction = (await getInvoice(accountId, original.correctedBy![0]!, true))!;
      expect(correction).toMatchObject({ corrects: { invoiceId }, totals: { grossMinor: -amount } });
    }
    const events = (await listSubscriptionEvents(accountId, subscription.subscriptionId, {})).items;
    expect(events[0]).toMatchObject({ kind: 'cancelled', amount: { amountMinor: -(fromOpening + fromUpgrade), currency: 'PLN' } });
  });

  it('refunds each invoice once under 20 parallel cancellations of an upgraded service', async () => {
    const { accountId, subscription, token } = await customerWithService();
    await giveBalance(accountId, 100_000);
    const upgrade = await changeTo(token, subscription.subscriptionId, catalogue.large);
    const path = `/api/subscriptions/${subscription.subscriptionId}`;
    const preview = await call(api, 'GET', `${path}/cancellation`, { token });
    expect(preview.body.refund.corrects).toHaveLength(2);
    const refund = preview.body.refund.amountMinor as number;

    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(api, 'POST', `${path}/cancel`, { token, body: { acceptedRefundMinor: refund } })),
    );
    const done = answers.filter((answer) => answer.status === 200);
    expect(done.filter((answer) => !answer.body.replayed)).toHaveLength(1);
    for (const answer of done) expect(answer.body.refund.amountMinor).toBe(refund);
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.body.error.code)).toEqual(
      Array(20 - done.length).fill('SUBSCRIPTION_ENDED'),
    );
    console.info(
      `cancellations of two invoices: 20 parallel in ${Math.round(performance.now() - started)} ms: 1 applied, ${done.length - 1} replayed, ${20 - done.length} x 409`,
    );
    expect(await testBalance(accountId)).toBe(100_000 - upgrade.grossMinor + refund);
    const stored = await getSubscription(accountId, subscription.subscriptionId);
    for (const invoiceId of [subscription.lastInvoice!.invoiceId, stored.spanChanges![0]!.invoice!.invoiceId]) {
      expect((await getInvoice(accountId, invoiceId, true))!.correctedBy).toHaveLength(1);
    }
    expect((await listSubscriptionEvents(accountId, subscription.subscriptionId, {})).items.map((event) => event.kind)).toEqual([
      'cancelled',
      'plan-changed',
    ]);
  });
});

describe('the changes one span keeps', () => {
  it('refuses a plan change once the span has recorded MAX_SPAN_CHANGES of them (409 PLAN_CHANGES_LIMIT)', async () => {
    const { subscription, token } = await customerWithService({});
    const changes = Array.from({ length: MAX_SPAN_CHANGES }, () => ({
      kind: 'credit' as const,
      grossMinor: -100,
      coversFrom: subscription.startedAt,
    }));
    await putTestSubscription(subscription.accountId, { ...subscription, spanChanges: changes });
    const plans = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/plans`, { token });
    expect(plans.body).toMatchObject({ plans: [], unavailable: { code: 'PLAN_CHANGES_LIMIT' } });
    const refused = await changePlan(token, subscription.subscriptionId, { toSku: catalogue.small, acceptedAmountMinor: 0 });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'PLAN_CHANGES_LIMIT']);
  });
});

/** A distributor with one client, both signed in, through the staff use cases. */
async function distributorWithClient() {
  const distributor = await customerWithService({});
  const client = await customerWithService({});
  await markDistributor({
    accountId: distributor.accountId,
    distributor: true,
    commit: auditTrailForTests(distributorsApi.markDistributor.audit).commit,
  });
  const trail = auditTrailForTests(distributorsApi.assignClient.audit);
  await assignClient({
    distributorId: distributor.accountId,
    clientId: client.accountId,
    commit: trail.commit,
    replayed: () => trail.replayed(),
  });
  return { distributor, client };
}

describe('a span a distributor paid for its client', () => {
  it('is cancelled by the distributor, refunded to the distributor’s balance with a correction in its account; the client may not, another distributor gets 404', async () => {
    const { distributor, client } = await distributorWithClient();
    const { subscriptionId } = client.subscription;
    // The distributor renews its client's service from its balance: the order and its invoice are the distributor's.
    await giveBalance(distributor.accountId, 100_000);
    const renewed = await call(api, 'POST', `/api/subscriptions/${subscriptionId}/renew`, {
      token: distributor.token,
      body: { periods: 1, payWith: 'balance', idempotencyKey: randomUUID(), clientId: client.accountId },
    });
    expect(renewed.status).toBe(201);
    const paid = await getSubscription(client.accountId, subscriptionId);
    expect(paid.lastInvoice?.accountId).toBe(distributor.accountId);
    const gross = paid.lastInvoice!.grossMinor;
    expect(await testBalance(distributor.accountId)).toBe(100_000 - gross);

    // The manage page offers the invoice that paid the period to the account that holds it only.
    const path = `/api/subscriptions/${subscriptionId}`;
    expect((await call(api, 'GET', path, { token: client.token })).body.subscription.lastInvoice).toBeUndefined();
    const asDistributor = await call(api, 'GET', `${path}?clientId=${client.accountId}`, { token: distributor.token });
    expect(asDistributor.body.subscription.lastInvoice).toMatchObject({ invoiceId: paid.lastInvoice!.invoiceId });

    // The client itself: 403 with its distributor's contact, on the preview and the cancellation.
    const ownPreview = await call(api, 'GET', `${path}/cancellation`, { token: client.token });
    expect([ownPreview.status, ownPreview.body.error.code]).toEqual([403, 'ORDERED_BY_DISTRIBUTOR']);
    const ownCancel = await call(api, 'POST', `${path}/cancel`, { token: client.token, body: {} });
    expect([ownCancel.status, ownCancel.body.error.code]).toEqual([403, 'ORDERED_BY_DISTRIBUTOR']);

    // Another distributor naming this client: 404, like any foreign id.
    const other = await distributorWithClient();
    const forClient = `?clientId=${client.accountId}`;
    expect((await call(api, 'GET', `${path}/cancellation${forClient}`, { token: other.distributor.token })).status).toBe(404);
    const foreign = await call(api, 'POST', `${path}/cancel`, { token: other.distributor.token, body: { clientId: client.accountId } });
    expect(foreign.status).toBe(404);

    // The distributor: the renewed span has not begun, so all of it comes back, to the distributor.
    const preview = await call(api, 'GET', `${path}/cancellation${forClient}`, { token: distributor.token });
    expect(preview.status).toBe(200);
    expect(preview.body.refund).toMatchObject({
      amountMinor: gross,
      corrects: [{ accountId: distributor.accountId, invoiceId: paid.lastInvoice!.invoiceId, amountMinor: gross }],
    });
    const done = await call(api, 'POST', `${path}/cancel`, {
      token: distributor.token,
      body: { acceptedRefundMinor: gross, clientId: client.accountId },
    });
    expect(done.status).toBe(200);
    expect(done.body.subscription.status).toBe('ended');
    expect(await testBalance(distributor.accountId)).toBe(100_000);
    expect(await testBalance(client.accountId)).toBe(0);
    const correctionId = done.body.refund.corrections[0].invoiceId as string;
    expect(await getInvoice(distributor.accountId, correctionId, true)).toMatchObject({
      kind: 'correction',
      corrects: { invoiceId: paid.lastInvoice!.invoiceId },
    });
    expect(await getInvoice(client.accountId, correctionId, true)).toBeUndefined();
  });

  it('finds the invoice of a span recorded before its payer was in the client’s distributor’s account', async () => {
    const { distributor, client } = await distributorWithClient();
    const subscription = client.subscription;
    const invoice = await issueTestInvoice(distributor.accountId, {
      at: new Date(subscription.startedAt),
      paidAt: new Date(subscription.startedAt),
      buyer: POLISH_BUYER,
      currency: 'PLN',
      lines: [{ description: 'Managed Hosting Medium', quantity: 1, unitNetMinor: 4_900 }],
    });
    // As renewals wrote it before: no account on the invoice.
    const legacy = await putTestSubscription(client.accountId, {
      ...subscription,
      lastInvoice: { invoiceId: invoice.invoiceId, number: invoice.number, orderId: randomUUID(), grossMinor: invoice.totals.grossMinor },
    });
    const at = new Date();
    const preview = await cancellationPreview(client.accountId, legacy.subscriptionId, at);
    expect(preview.refund?.corrects).toEqual([expect.objectContaining({ accountId: distributor.accountId, invoiceId: invoice.invoiceId })]);
    await cancelSubscription({ accountId: client.accountId, subscriptionId: legacy.subscriptionId, at, by: 'staff' });
    expect(await testBalance(distributor.accountId)).toBe(preview.refund!.amountMinor);
  });
});

/** Renews the service for one period from the balance (the distributor names its client). */
async function renewFromBalance(token: string, subscriptionId: string, clientId?: string) {
  const renewed = await call(api, 'POST', `/api/subscriptions/${subscriptionId}/renew`, {
    token,
    body: { periods: 1, payWith: 'balance', idempotencyKey: randomUUID(), ...(clientId ? { clientId } : {}) },
  });
  expect(renewed.status).toBe(201);
}

describe('a cancellation after an early renewal refunds the days left of the span before it too', () => {
  it('refunds both invoices, each by its own correction, once under 20 parallel cancellations', async () => {
    const { accountId, subscription, token } = await customerWithService();
    const opening = subscription.lastInvoice!;
    await giveBalance(accountId, 100_000);
    // Renewed 10 days before the end: the renewal's period starts at the old paid-until.
    await renewFromBalance(token, subscription.subscriptionId);
    const renewed = await getSubscription(accountId, subscription.subscriptionId);
    const renewal = renewed.lastInvoice!;
    expect(renewal).toMatchObject({ accountId, coversFrom: subscription.paidUntil });
    expect(renewed.spanChanges).toEqual([
      {
        kind: 'period',
        // putTestSubscription records the opening invoice as items did before their payer was: carried as it is.
        invoice: { invoiceId: opening.invoiceId, number: opening.number },
        grossMinor: opening.grossMinor,
        coversFrom: opening.coversFrom,
        coversUntil: subscription.paidUntil,
      },
    ]);

    // At once: the old span's 10 days of A (its own days, to the old paid-until) and the whole renewal.
    const at = new Date();
    const fromOpening = credited(
      prorate({ amountMinor: opening.grossMinor, periodStart: opening.coversFrom!, periodEnd: subscription.paidUntil, at }).amountMinor,
    );
    expect(fromOpening).toBeGreaterThan(0);
    const path = `/api/subscriptions/${subscription.subscriptionId}`;
    const preview = await call(api, 'GET', `${path}/cancellation`, { token });
    expect(preview.body.refund).toMatchObject({
      amountMinor: fromOpening + renewal.grossMinor,
      corrects: [
        { accountId, invoiceId: opening.invoiceId, amountMinor: fromOpening },
        { accountId, invoiceId: renewal.invoiceId, amountMinor: renewal.grossMinor },
      ],
    });
    const refund = preview.body.refund.amountMinor as number;

    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(api, 'POST', `${path}/cancel`, { token, body: { acceptedRefundMinor: refund } })),
    );
    const done = answers.filter((answer) => answer.status === 200);
    console.info(
      `cancellations after an early renewal: 20 parallel in ${Math.round(performance.now() - started)} ms: ${done.length - 1} replayed, ${20 - done.length} x 409`,
    );
    expect(done.filter((answer) => !answer.body.replayed)).toHaveLength(1);
    for (const answer of done) expect(answer.body.refund.corrections).toHaveLength(2);
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.body.error.code)).toEqual(
      Array(20 - done.length).fill('SUBSCRIPTION_ENDED'),
    );
    // The balance paid the renewal and got back both refunds, once.
    expect(await testBalance(accountId)).toBe(100_000 - renewal.grossMinor + fromOpening + renewal.grossMinor);
    for (const [invoiceId, amount] of [
      [opening.invoiceId, fromOpening],
      [renewal.invoiceId, renewal.grossMinor],
    ] as const) {
      const original = (await getInvoice(accountId, invoiceId, true))!;
      expect(original.correctedBy).toHaveLength(1);
      expect(await getInvoice(accountId, original.correctedBy![0]!, true)).toMatchObject({ totals: { grossMinor: -amount } });
    }
  });

  it('refunds a distributor’s early renewal for its client, and the span it paid before, to the distributor', async () => {
    const { distributor, client } = await distributorWithClient();
    const { subscriptionId } = client.subscription;
    await giveBalance(distributor.accountId, 100_000);
    // The distributor paid the client's current span (invoice A in its account), then renews it early.
    const invoice = await issueTestInvoice(distributor.accountId, {
      at: new Date(client.subscription.startedAt),
      paidAt: new Date(client.subscription.startedAt),
      buyer: POLISH_BUYER,
      currency: 'PLN',
      lines: [{ description: 'Managed Hosting Medium', quantity: 1, unitNetMinor: 4_900 }],
    });
    const before = await putTestSubscription(client.accountId, {
      ...client.subscription,
      lastInvoice: {
        accountId: distributor.accountId,
        invoiceId: invoice.invoiceId,
        number: invoice.number,
        orderId: randomUUID(),
        grossMinor: invoice.totals.grossMinor,
        coversFrom: client.subscription.startedAt,
      },
    });
    await renewFromBalance(distributor.token, subscriptionId, client.accountId);
    const renewed = await getSubscription(client.accountId, subscriptionId);
    const renewal = renewed.lastInvoice!;
    expect(renewal.accountId).toBe(distributor.accountId);

    const path = `/api/subscriptions/${subscriptionId}`;
    // The client may not cancel what its distributor paid.
    const own = await call(api, 'POST', `${path}/cancel`, { token: client.token, body: {} });
    expect([own.status, own.body.error.code]).toEqual([403, 'ORDERED_BY_DISTRIBUTOR']);
    const at = new Date();
    const fromOpening = credited(
      prorate({ amountMinor: invoice.totals.grossMinor, periodStart: before.startedAt, periodEnd: before.paidUntil, at }).amountMinor,
    );
    const done = await call(api, 'POST', `${path}/cancel`, {
      token: distributor.token,
      body: { acceptedRefundMinor: fromOpening + renewal.grossMinor, clientId: client.accountId },
    });
    expect(done.status).toBe(200);
    expect(done.body.refund.corrections).toEqual([
      expect.objectContaining({ accountId: distributor.accountId, amountMinor: fromOpening }),
      expect.objectContaining({ accountId: distributor.accountId, amountMinor: renewal.grossMinor }),
    ]);
    expect(await testBalance(distributor.accountId)).toBe(100_000 + fromOpening);
    expect(await testBalance(client.accountId)).toBe(0);
    for (const invoiceId of [invoice.invoiceId, renewal.invoiceId]) {
      expect((await getInvoice(distributor.accountId, invoiceId, true))!.correctedBy).toHaveLength(1);
    }
  });

  it('refunds an item written before parts had their own end as before: every part to paid-until', async () => {
    const { accountId, subscription } = await customerWithService();
    const opening = subscription.lastInvoice!;
    const upgradeInvoice = await issueTestInvoice(accountId, {
      at: new Date(),
      paidAt: new Date(),
      buyer: POLISH_BUYER,
      currency: 'PLN',
      lines: [{ description: 'Managed Hosting Large (upgrade)', quantity: 1, unitNetMinor: 1_667 }],
    });
    const coversFrom = new Date(new Date(subscription.paidUntil).getTime() - 10 * DAY_MS).toISOString();
    const legacy = await putTestSubscription(accountId, {
      ...subscription,
      spanChanges: [
        {
          kind: 'upgrade',
          invoice: { accountId, invoiceId: upgradeInvoice.invoiceId, number: upgradeInvoice.number },
          grossMinor: upgradeInvoice.totals.grossMinor,
          coversFrom,
        },
      ],
    });
    const at = new Date(Date.now() + 5 * DAY_MS);
    const fromOpening = credited(share(opening.grossMinor, opening.coversFrom!, legacy, at));
    const fromUpgrade = credited(share(upgradeInvoice.totals.grossMinor, coversFrom, legacy, at));
    expect(fromUpgrade).toBe(credited(Math.round(upgradeInvoice.totals.grossMinor / 2)));
    const result = await cancelSubscription({ accountId, subscriptionId: legacy.subscriptionId, at, by: 'staff' });
    expect(result.refund?.corrections.map((correction) => correction.amountMinor)).toEqual([fromOpening, fromUpgrade]);
    expect(await testBalance(accountId)).toBe(fromOpening + fromUpgrade);
  });

  it('starts a fresh span when renewed after paid-until, and refuses a renewal that would carry too many parts', async () => {
    const overdue = await customerWithService({
      withInvoice: true,
      status: 'overdue',
      paidUntil: new Date(Date.now() - 2 * DAY_MS).toISOString(),
    });
    await giveBalance(overdue.accountId, 100_000);
    await renewFromBalance(overdue.token, overdue.subscription.subscriptionId);
    const fresh = await getSubscription(overdue.accountId, overdue.subscription.subscriptionId);
    expect(fresh.lastInvoice?.invoiceId).not.toBe(overdue.subscription.lastInvoice!.invoiceId);
    expect(fresh.spanChanges).toBeUndefined();

    const { subscription, token } = await customerWithService({});
    const carried = Array.from({ length: MAX_CARRIED_PARTS }, () => ({
      kind: 'credit' as const,
      grossMinor: -100,
      coversFrom: subscription.startedAt,
      coversUntil: subscription.paidUntil,
    }));
    await putTestSubscription(subscription.accountId, {
      ...subscription,
      lastInvoice: { invoiceId: 'X', number: 'FV/X', orderId: 'O', grossMinor: 100 },
      spanChanges: carried,
    });
    const quote = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/renewal`, { token });
    expect(quote.body.unavailable).toMatchObject({ code: 'RENEWED_AHEAD_LIMIT' });
    // Carried parts are not this span's plan changes: its plan may still change.
    const plans = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/plans`, { token });
    expect(plans.body.unavailable).toBeUndefined();
    expect(plans.body.plans.length).toBeGreaterThan(0);
  });
});

describe('an upgrade paid late by transfer', () => {
  it('covers from its order, so a cancellation refunds its unused days at the daily rate it was sold at', async () => {
    const { accountId, subscription, token } = await customerWithService();
    const plans = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/plans`, { token });
    const choice = plans.body.plans.find((option: { sku: string }) => option.sku === catalogue.large);
    // Priced with 10 whole days left.
    expect(choice.preview.daysLeft).toBe(10);
    const gross = choice.preview.grossMinor as number;
    const ordered = await changePlan(token, subscription.subscriptionId, {
      toSku: catalogue.large,
      acceptedAmountMinor: gross,
      payWith: 'bank-transfer',
    });
    expect(ordered.body).toMatchObject({ outcome: 'ordered' });
    // The transfer arrives 4 days later: 6 days of the 10 are left on the new plan.
    const paidAt = new Date(Date.now() + 4 * DAY_MS);
    await applyOrderPayment({
      accountId,
      orderId: ordered.body.order.orderId,
      method: 'bank-transfer',
      amountMinor: gross,
      currency: 'PLN',
      at: paidAt,
      bankPayment: { bankReference: `BANK-${randomUUID()}`, receivedOn: paidAt.toISOString().slice(0, 10) },
    });
    const upgraded = await getSubscription(accountId, subscription.subscriptionId);
    const part = upgraded.spanChanges![0]!;
    expect(part).toMatchObject({ kind: 'upgrade', grossMinor: gross });
    expect(prorate({ amountMinor: 1, periodStart: part.coversFrom, periodEnd: upgraded.paidUntil, at: paidAt }).daysInPeriod).toBe(10);

    // Cancelled on the day it was paid: its gross × 6/10 (the rate sold at), not all of it (× 6/6).
    const preview = await cancellationPreview(accountId, subscription.subscriptionId, paidAt);
    const fromUpgrade = credited(Math.round((gross * 6) / 10));
    expect(preview.refund?.corrects[1]).toMatchObject({ invoiceId: part.invoice!.invoiceId, amountMinor: fromUpgrade });
    expect(fromUpgrade).toBeLessThan(gross);
  });
});

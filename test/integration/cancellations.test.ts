// Cancellations against DynamoDB Local: both policies of the stage's service terms; the refund of the days left as a
// correction invoice of the period's invoice (the worked example of docs/data-model.md "Cancellations"), once under 20
// parallel cancellations; resuming a period-end cancellation; support ending with its licence; foreign ids 404; staff's
// audited cancel.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPage, readBalances } from '#shared/billing/balance.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { BILLING_VARIABLE, DEFAULT_BILLING, resetBillingSettingsForTests } from '#shared/billing/settings.ts';
import { UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { newId } from '#shared/ids.ts';
import { readLicence } from '#shared/licences/activations.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import { licenceKey } from '#shared/licences/model.ts';
import { cancellationPreview, cancelSubscription } from '#shared/subscriptions/cancel.ts';
import { listSubscriptionEvents } from '#shared/subscriptions/events.ts';
import { type LineNote, noteText } from '#shared/subscriptions/line-text.ts';
import { getSubscription } from '#shared/subscriptions/model.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import { supportSubscriptionKey } from '#shared/support/model.ts';
import { testBalance } from '../support/balances.ts';
import { call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { issueTestInvoice } from '../support/invoices.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;
let billingStaff: string;
let supportStaff: string;

beforeAll(async () => {
  api = await startTestApi();
  [billingStaff, supportStaff] = await Promise.all([
    createStaff(['billing']).then((login) => signIn(api, 'staff', login)),
    createStaff(['support']).then((login) => signIn(api, 'staff', login)),
  ]);
});
afterAll(() => api.stop());
afterEach(() => usePolicy('immediate-refund'));

/** The stage's cancel policy, as a deployed stage sets it (ATRIUM_BILLING). */
function usePolicy(cancel: 'at-period-end' | 'immediate-refund') {
  process.env[BILLING_VARIABLE] = JSON.stringify({ services: { ...DEFAULT_BILLING.services, cancel } });
  resetBillingSettingsForTests();
}

async function customerWithToken(withPurchases = 0) {
  const customer = await createCustomer(withPurchases ? purchases(withPurchases) : []);
  return { accountId: customer.account.accountId, token: await signIn(api, 'customer', customer.login) };
}

const path = (id: string, action: 'cancellation' | 'cancel' | 'resume') => `/api/subscriptions/${id}/${action}`;

describe('cancelling now with a prorated refund (immediate-refund)', () => {
  it('refunds the whole days left of the period’s gross as a correction invoice: the worked example', async () => {
    usePolicy('immediate-refund');
    const { accountId } = await customerWithToken();
    // 49.00 PLN net a month, 23 % VAT: the period's invoice bills 60.27 gross; the period runs 15 Dec to 15 Jan (31 days).
    const subscription = await putTestSubscription(accountId, { paidUntil: '2027-01-15T00:00:00.000Z', withInvoice: true });
    expect(subscription.lastInvoice?.grossMinor).toBe(6_027);
    // Cancelled on 25 Dec at 10:00: 20 whole days left (the day in progress counts as used).
    const at = new Date('2026-12-25T10:00:00.000Z');

    const preview = await cancellationPreview(accountId, subscription.subscriptionId, at);
    // 60.27 × 20 / 31 = 38.8839 -> 38.88; a correction of net 31.61 + VAT 7.27 (7.2703) bills exactly that.
    expect(preview).toMatchObject({
      policy: 'immediate-refund',
      ends: 'now',
      cancellable: true,
      refund: {
        amountMinor: 3_888,
        currency: 'PLN',
        daysLeft: 20,
        daysInPeriod: 31,
        corrects: [{ accountId, number: subscription.lastInvoice!.number, amountMinor: 3_888 }],
      },
    });

    const result = await cancelSubscription({
      accountId,
      subscriptionId: subscription.subscriptionId,
      at,
      by: 'customer',
      acceptedRefundMinor: 3_888,
    });
    expect(result.replayed).toBe(false);
    expect(result.refund).toMatchObject({ amountMinor: 3_888, currency: 'PLN' });
    expect(await testBalance(accountId, 'PLN')).toBe(3_888);

    const correction = (await getInvoice(accountId, result.refund!.corrections[0]!.invoiceId, true))!;
    expect(correction).toMatchObject({
      kind: 'correction',
      corrects: { invoiceId: subscription.lastInvoice!.invoiceId, number: subscription.lastInvoice!.number },
      totals: { netMinor: -3_161, vatMinor: -727, grossMinor: -3_888 },
    });
    expect((await getInvoice(accountId, subscription.lastInvoice!.invoiceId, true))!.correctedBy).toEqual([correction.invoiceId]);

    const stored = await getSubscription(accountId, subscription.subscriptionId);
    expect(stored).toMatchObject({ status: 'ended', endedAt: at.toISOString(), paidUntil: at.toISOString(), version: 2 });
    expect(stored.nextActionOn).toBeUndefined();
    const events = await listSubscriptionEvents(accountId, subscription.subscriptionId, {});
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      kind: 'cancelled',
      by: 'customer',
      status: { from: 'active', to: 'ended' },
      paidUntil: { from: '2027-01-15T00:00:00.000Z', to: at.toISOString() },
      amount: { amountMinor: -3_888, currency: 'PLN' },
      corrections: [
        { accountId, invoiceId: correction.invoiceId, number: correction.number, amount: { amountMinor: -3_888, currency: 'PLN' } },
      ],
    });
  });

  it('names every correction in the cancelled event, each with its account and amount', async () => {
    usePolicy('immediate-refund');
    const { accountId } = await customerWithToken();
    // The period's invoice (15 Dec) and an upgrade's (20 Dec): both paid the span, both are corrected.
    const upgradedOn = '2026-12-20T00:00:00.000Z';
    const upgrade = await issueTestInvoice(accountId, {
      at: new Date(upgradedOn),
      paidAt: new Date(upgradedOn),
      lines: [{ description: 'Managed Hosting Business → Pro', quantity: 1, unitNetMinor: 1_000 }],
    });
    const subscription = await putTestSubscription(accountId, {
      paidUntil: '2027-01-15T00:00:00.000Z',
      withInvoice: true,
      spanChanges: [
        {
          kind: 'upgrade',
          invoice: { accountId, invoiceId: upgrade.invoiceId, number: upgrade.number },
          grossMinor: upgrade.totals.grossMinor,
          coversFrom: upgradedOn,
        },
      ],
    });

    const result = await cancelSubscription({
      accountId,
      subscriptionId: subscription.subscriptionId,
      at: new Date('2026-12-25T10:00:00.000Z'),
      by: 'customer',
    });

    const corrections = result.refund!.corrections;
    expect(corrections.map((one) => one.accountId)).toEqual([accountId, accountId]);
    const [event] = (await listSubscriptionEvents(accountId, subscription.subscriptionId, {})).items;
    expect(event).toMatchObject({
      kind: 'cancelled',
      amount: { amountMinor: -result.refund!.amountMinor, currency: 'PLN' },
      corrections: corrections.map((one) => ({
        accountId,
        invoiceId: one.invoiceId,
        number: one.number,
        amount: { amountMinor: -one.amountMinor, currency: 'PLN' },
      })),
    });
    expect(event!.invoice).toBeUndefined();
  });

  it('writes the correction line and reason in the invoice’s language, and keeps the ledger’s note as facts for the page', async () => {
    usePolicy('immediate-refund');
    const { accountId, token } = await customerWithToken();
    // A Polish buyer's invoice is printed in Polish (invoiceLocale): its correction is too.
    const subscription = await putTestSubscription(accountId, { paidUntil: '2027-01-15T00:00:00.000Z', withInvoice: true });
    const at = new Date('2026-12-25T10:00:00.000Z');

    const result = await cancelSubscription({
      accountId,
      subscriptionId: subscription.subscriptionId,
      at,
      by: 'customer',
      reason: 'Przenosimy serwer',
    });

    const polish = 'Managed Hosting Business, rezygnacja: niewykorzystane 20 z 31 dni - Przenosimy serwer';
    const correction = (await getInvoice(accountId, result.refund!.corrections[0]!.invoiceId, true))!;
    expect(correction.lines.map((line) => line.description)).toEqual([`${polish} (${subscription.lastInvoice!.number})`]);
    expect(correction.reason).toBe(polish);
    // The ledger keeps the facts: the balance page renders them in its reader's language, the memo stays for older readers.
    const ledger = await call(api, 'GET', '/api/balance/ledger?currency=PLN', { token });
    expect(ledger.status).toBe(200);
    const entry = (ledger.body as { items: Array<{ memo?: string; note?: LineNote }> }).items[0]!;
    expect(entry).toMatchObject({
      memo: polish,
      note: {
        product: 'Managed Hosting',
        text: { kind: 'cancellation', plan: 'Business', daysLeft: 20, daysInPeriod: 31 },
        reason: 'Przenosimy serwer',
      },
    });
    expect(noteText(entry.note!, 'en')).toBe('Managed Hosting Business, cancellation: 20 of 31 days unused - Przenosimy serwer');
    expect(noteText(entry.note!, 'de')).toBe('Managed Hosting Business, Kündigung: 20 von 31 Tagen ungenutzt - Przenosimy serwer');
  });

  it('applies 20 parallel cancellations once: one refund, one correction, the balance credited once', async () => {
    usePolicy('immediate-refund');
    const { accountId, token } = await customerWithToken();
    const subscription = await putTestSubscription(accountId, { withInvoice: true });
    const preview = await call(api, 'GET', path(subscription.subscriptionId, 'cancellation'), { token });
    expect(preview.status).toBe(200);
    const refund = preview.body.refund.amountMinor as number;
    // Paid until in 20 days of a month: roughly two thirds of 60.27 come back.
    expect(refund).toBeGreaterThan(3_000);
    expect(refund).toBeLessThan(6_027);

    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(api, 'POST', path(subscription.subscriptionId, 'cancel'), {
          token,
          body: { acceptedRefundMinor: refund, reason: 'Moving elsewhere' },
        }),
      ),
    );
    // The winner ends it; a request that read it before then answers the same refund (replayed), one after that is 409.
    const done = answers.filter((answer) => answer.status === 200);
    expect(done.filter((answer) => !answer.body.replayed)).toHaveLength(1);
    for (const answer of done) expect(answer.body.refund.amountMinor).toBe(refund);
    for (const answer of answers.filter((answer) => answer.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('SUBSCRIPTION_ENDED');
    }
    expect(new Set(done.map((answer) => answer.body.refund.corrections[0].number)).size).toBe(1);
    console.info(
      `cancellations: 20 parallel in ${Math.round(performance.now() - started)} ms: 1 applied, ${done.length - 1} replayed, ${20 - done.length} x 409`,
    );

    expect(await testBalance(accountId, 'PLN')).toBe(refund);
    const ledger = await ledgerPage(accountId, 'PLN', {});
    expect(ledger.items.map((entry) => entry.amountMinor)).toEqual([refund]);
    expect(ledger.items[0]!.memo).toContain('Moving elsewhere');
    const original = (await getInvoice(accountId, subscription.lastInvoice!.invoiceId, true))!;
    expect(original.correctedBy).toHaveLength(1);
    const events = await listSubscriptionEvents(accountId, subscription.subscriptionId, {});
    expect(events.items.map((event) => event.kind)).toEqual(['cancelled']);
    expect(events.items[0]!.reason).toBe('Moving elsewhere');

    const again = await call(api, 'POST', path(subscription.subscriptionId, 'cancel'), { token, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SUBSCRIPTION_ENDED');
  });

  it('refuses a refund other than the one the customer saw (409 REFUND_CHANGED) and changes nothing', async () => {
    usePolicy('immediate-refund');
    const { accountId, token } = await customerWithToken();
    const subscription = await putTestSubscription(accountId, { withInvoice: true });
    const preview = await call(api, 'GET', path(subscription.subscriptionId, 'cancellation'), { token });
    const refused = await call(api, 'POST', path(subscription.subscriptionId, 'cancel'), {
      token,
      body: { acceptedRefundMinor: preview.body.refund.amountMinor + 1 },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'REFUND_CHANGED', details: { refundMinor: preview.body.refund.amountMinor } });
    expect((await getSubscription(accountId, subscription.subscriptionId)).status).toBe('active');
    expect(await testBalance(accountId, 'PLN')).toBe(0);
  });

  it('ends a subscription with no invoice now and says there is nothing to refund', async () => {
    usePolicy('immediate-refund');
    const { accountId, token } = await customerWithToken();
    const subscription = await putTestSubscription(accountId);
    const preview = await call(api, 'GET', path(subscription.subscriptionId, 'cancellation'), { token });
    expect(preview.body).toMatchObject({ ends: 'now', noRefund: 'NO_INVOICE', cancellable: true });
    expect(preview.body.refund).toBeUndefined();
    const done = await call(api, 'POST', path(subscription.subscriptionId, 'cancel'), { token, body: { acceptedRefundMinor: 0 } });
    expect(done.status).toBe(200);
    expect(done.body.subscription.status).toBe('ended');
    expect(done.body.refund).toBeUndefined();
    expect((await readBalances(accountId)).balances.every((balance) => balance.amountMinor === 0)).toBe(true);
  });

  it('ends a licence’s support with its support subscription: the licence and the running term end now', async () => {
    usePolicy('immediate-refund');
    const { accountId } = await customerWithToken(1);
    const [licence] = (await listLicences(accountId, {})).items;
    const [term] = await listLicenceSupport(accountId, licence!.licenceId);
    const licenceId = term!.licenceId;
    const paidUntil = '2027-06-01T00:00:00.000Z';
    // The licence's support runs to paid-until, as a purchase with support writes it.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: licenceKey(accountId, licenceId),
        UpdateExpression: 'SET supportEndsAt = :ends',
        ExpressionAttributeValues: { ':ends': paidUntil },
      }),
    );
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: supportSubscriptionKey(accountId, term!.subscriptionId),
        UpdateExpression: 'SET endsAt = :ends',
        ExpressionAttributeValues: { ':ends': paidUntil },
      }),
    );
    const subscription = await putTestSubscription(accountId, {
      subscriptionId: term!.subscriptionId,
      kind: 'support',
      licenceId,
      period: { unit: 'year', count: 1 },
      paidUntil,
      identifier: { kind: 'serial', value: 'S-0' },
    });
    const at = new Date();
    const result = await cancelSubscription({ accountId, subscriptionId: subscription.subscriptionId, at, by: 'customer' });
    expect(result.subscription.status).toBe('ended');
    expect((await readLicence(accountId, licenceId))!.supportEndsAt).toBe(at.toISOString());
    const [ended] = await listLicenceSupport(accountId, licenceId);
    expect(ended).toMatchObject({ endsAt: at.toISOString(), status: 'expired' });
  });
});

describe('cancelling at the period’s end (at-period-end)', () => {
  it('keeps it until paid-until, refunds nothing, and can be resumed before then', async () => {
    usePolicy('at-period-end');
    const { accountId, token } = await customerWithToken();
    const subscription = await putTestSubscription(accountId, { withInvoice: true });
    const preview = await call(api, 'GET', path(subscription.subscriptionId, 'cancellation'), { token });
    expect(preview.body).toMatchObject({
      policy: 'at-period-end',
      ends: 'at-period-end',
      endsAt: subscription.paidUntil,
      cancellable: true,
    });
    expect(preview.body.refund).toBeUndefined();

    const cancelled = await call(api, 'POST', path(subscription.subscriptionId, 'cancel'), { token, body: { acceptedRefundMinor: 0 } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ replayed: false, subscription: { status: 'cancelled', paidUntil: subscription.paidUntil } });
    expect(cancelled.body.subscription.cancelRequestedAt).toBeDefined();
    // The daily job ends it on paid-until's day.
    const stored = await getSubscription(accountId, subscription.subscriptionId);
    expect(stored.nextActionOn).toBe(subscription.paidUntil.slice(0, 10));
    expect(await testBalance(accountId, 'PLN')).toBe(0);

    // A second click changes nothing.
    const twice = await call(api, 'POST', path(subscription.subscriptionId, 'cancel'), { token, body: {} });
    expect(twice.body).toMatchObject({ replayed: true, subscription: { status: 'cancelled' } });

    const resumed = await call(api, 'POST', path(subscription.subscriptionId, 'resume'), { token });
    expect(resumed.status).toBe(200);
    expect(resumed.body.subscription.status).toBe('active');
    expect(resumed.body.subscription.cancelRequestedAt).toBeUndefined();
    const notCancelled = await call(api, 'POST', path(subscription.subscriptionId, 'resume'), { token });
    expect(notCancelled.status).toBe(409);
    expect(notCancelled.body.error.code).toBe('NOT_CANCELLED');

    const events = await listSubscriptionEvents(accountId, subscription.subscriptionId, {});
    expect(events.items.map((event) => [event.kind, event.status?.to])).toEqual([
      ['status-changed', 'active'],
      ['cancel-requested', 'cancelled'],
    ]);
  });

  it('ends a subscription whose paid-until has passed now under either policy, with nothing to refund', async () => {
    usePolicy('at-period-end');
    const { accountId, token } = await customerWithToken();
    const paidUntil = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
    const subscription = await putTestSubscription(accountId, { paidUntil, status: 'overdue', withInvoice: true });
    const done = await call(api, 'POST', path(subscription.subscriptionId, 'cancel'), { token, body: {} });
    expect(done.status).toBe(200);
    expect(done.body.subscription).toMatchObject({ status: 'ended', paidUntil });
    expect(done.body.refund).toBeUndefined();
    expect(await testBalance(accountId, 'PLN')).toBe(0);
  });
});

describe('who may cancel what', () => {
  it('answers 404 for another account’s or an unknown subscription, on every route', async () => {
    const owner = await customerWithToken();
    const stranger = await customerWithToken();
    const subscription = await putTestSubscription(owner.accountId, { withInvoice: true });
    for (const id of [subscription.subscriptionId, newId(new Date())]) {
      expect((await call(api, 'GET', path(id, 'cancellation'), { token: stranger.token })).status).toBe(404);
      expect((await call(api, 'POST', path(id, 'cancel'), { token: stranger.token, body: {} })).status).toBe(404);
      expect((await call(api, 'POST', path(id, 'resume'), { token: stranger.token })).status).toBe(404);
    }
    expect((await getSubscription(owner.accountId, subscription.subscriptionId)).status).toBe('active');
  });

  it('lets billing staff cancel with the refund, audited with the reason; support staff may not', async () => {
    usePolicy('at-period-end');
    const { accountId } = await customerWithToken();
    const subscription = await putTestSubscription(accountId, { withInvoice: true });
    const staffPath = `/api/admin/customers/${accountId}/subscriptions/${subscription.subscriptionId}/cancel`;
    const body = { refund: true, reason: 'Service outage, agreed on the phone.' };
    expect((await call(api, 'POST', staffPath, { token: supportStaff, body })).status).toBe(403);
    expect((await call(api, 'POST', staffPath, { token: billingStaff, body: { refund: true } })).status).toBe(400);

    // Staff's choice overrides the stage's period-end policy.
    const done = await call(api, 'POST', staffPath, { token: billingStaff, body });
    expect(done.status).toBe(200);
    expect(done.body.subscription.status).toBe('ended');
    expect(done.body.refund.amountMinor).toBeGreaterThan(0);
    expect(await testBalance(accountId, 'PLN')).toBe(done.body.refund.amountMinor);
    const page = await call(api, 'GET', `/api/admin/customers/${accountId}`, { token: supportStaff });
    const audit = (page.body.audit.items as Array<{ action: string; reason?: string; target: { kind: string; id: string } }>).filter(
      (entry) => entry.action === 'subscription.cancel',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ reason: body.reason, target: { kind: 'subscription', id: subscription.subscriptionId } });
    const events = await listSubscriptionEvents(accountId, subscription.subscriptionId, {});
    expect(events.items[0]).toMatchObject({ kind: 'cancelled', by: 'staff' });
  });
});

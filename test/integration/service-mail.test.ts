// The mails of a cancellation and of a downgrade credited now (issue #15), read from the local mail server: to the
// account's renewal recipients in their language, with what ends when, the refund or credit and its correction invoice;
// exactly one mail however many identical requests arrive at once (a double click is no second mail).

import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { updatePerson } from '#shared/accounts/person.ts';
import { BILLING_VARIABLE, DEFAULT_BILLING, resetBillingSettingsForTests } from '#shared/billing/settings.ts';
import { formatDay, formatMoney } from '#shared/i18n/format.ts';
import { money } from '#shared/money.ts';
import { DAY_MS } from '#shared/subscriptions/periods.ts';
import { planCreditMail } from '#shared/subscriptions/service-mail.ts';
import { call, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';
import { putTestServicePlans, type TestServicePlans } from '../support/service-plans.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestSubscription, testSubscription } from '../support/subscriptions.ts';

let api: TestApi;
let billingStaff: string;
let plans: TestServicePlans;

beforeAll(async () => {
  api = await startTestApi();
  [billingStaff, plans] = await Promise.all([createStaff(['billing']).then((login) => signIn(api, 'staff', login)), putTestServicePlans()]);
});
afterAll(() => api.stop());
afterEach(() => {
  delete process.env[BILLING_VARIABLE];
  resetBillingSettingsForTests();
});

function useTerms(services: Partial<typeof DEFAULT_BILLING.services>) {
  process.env[BILLING_VARIABLE] = JSON.stringify({ services: { ...DEFAULT_BILLING.services, ...services } });
  resetBillingSettingsForTests();
}

/** A customer (PLN, 23 % VAT) signed in, in this language, whose mail the test reads. */
async function customer(locale: 'en' | 'pl' | 'de' = 'en') {
  const created = await customerWithCart([]);
  if (locale !== 'en') await updatePerson(created.userId, { locale });
  const token = await signIn(api, 'customer', created.login);
  const mails = async (subject: RegExp) =>
    (await mailsTo(inject('mailUrl'), created.login.email)).filter((mail) => subject.test(mail.subject));
  return { accountId: created.account.accountId, token, mails };
}

/** A service on the test's Medium plan (49.00 net a month, 10 users). */
function onMediumPlan(accountId: string, overrides: Parameters<typeof putTestSubscription>[1] = {}) {
  const { productId, product, mid } = plans;
  return putTestSubscription(accountId, { productId, product, sku: mid, plan: 'Medium', users: 10, ...overrides });
}

const cancelPath = (id: string) => `/api/subscriptions/${id}/cancel`;

describe('the cancellation mail', () => {
  it('says in Polish what ended, the refund to the balance and the correction invoice, once for 10 clicks at once', async () => {
    useTerms({ cancel: 'immediate-refund' });
    const { accountId, token, mails } = await customer('pl');
    const subscription = await putTestSubscription(accountId, { withInvoice: true });
    const preview = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/cancellation`, { token });
    const body = { acceptedRefundMinor: preview.body.refund.amountMinor };

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(api, 'POST', cancelPath(subscription.subscriptionId), { token, body })),
    );

    const done = answers.find((answer) => answer.status === 200 && answer.body.replayed === false)!;
    expect(done.body.refund.corrections[0].number).toMatch(/\S/);
    const sent = await mails(/anulowana/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Managed Hosting Business (203.0.113.10): usługa anulowana');
    const text = sent[0]!.body.text ?? '';
    expect(text).toContain(`zakończyła się ${formatDay(done.body.subscription.endedAt, 'pl')}`);
    expect(text).toContain(`zwróciliśmy ${formatMoney(money(done.body.refund.amountMinor, 'PLN'), 'pl')} na Twoje saldo`);
    expect(text).toContain(`faktura korygująca ${done.body.refund.corrections[0].number}`);
  });

  it('at the period’s end says until when it stays active and refunds nothing; asking again sends no second mail', async () => {
    useTerms({ cancel: 'at-period-end' });
    const { accountId, token, mails } = await customer('en');
    const subscription = await putTestSubscription(accountId, { withInvoice: true });

    const first = await call(api, 'POST', cancelPath(subscription.subscriptionId), { token, body: { acceptedRefundMinor: 0 } });
    const again = await call(api, 'POST', cancelPath(subscription.subscriptionId), { token, body: { acceptedRefundMinor: 0 } });

    expect([first.status, first.body.replayed, again.status, again.body.replayed]).toEqual([200, false, 200, true]);
    const sent = await mails(/is cancelled$/);
    expect(sent).toHaveLength(1);
    const text = sent[0]!.body.text ?? '';
    expect(text).toContain(`stays active until ${formatDay(subscription.paidUntil, 'en')}`);
    expect(text).not.toContain('credited');
    expect(text).toContain(`/services/${subscription.subscriptionId}`);
  });

  it('is sent when staff cancel with the refund too, in the customer’s language', async () => {
    const { accountId, mails } = await customer('de');
    const subscription = await putTestSubscription(accountId, { withInvoice: true });

    const done = await call(api, 'POST', `/api/admin/customers/${accountId}/subscriptions/${subscription.subscriptionId}/cancel`, {
      token: billingStaff,
      body: { refund: true, reason: 'Outage, agreed on the phone.' },
    });

    expect(done.status).toBe(200);
    const sent = await mails(/ist gekündigt$/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.text).toContain(`Korrekturrechnung ${done.body.refund.corrections[0].number}`);
  });
});

describe('the mail of a downgrade credited now', () => {
  it('names both plans, the new price, the credit and its correction invoice, once for 10 submissions at once', async () => {
    const { accountId, token, mails } = await customer('en');
    const paidUntil = new Date(Date.now() + 10 * DAY_MS + 2 * 60 * 60 * 1000).toISOString();
    const subscription = await onMediumPlan(accountId, { paidUntil, withInvoice: true });
    const listed = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/plans`, { token });
    const small = listed.body.plans.find((choice: { sku: string }) => choice.sku === plans.small);
    const body = { toSku: plans.small, payWith: 'balance', acceptedAmountMinor: small.preview.grossMinor, idempotencyKey: randomUUID() };

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(api, 'POST', `/api/subscriptions/${subscription.subscriptionId}/change-plan`, { token, body })),
    );

    const done = answers.find((answer) => answer.status === 201)!;
    expect(done.body.credit.correction.number).toMatch(/\S/);
    const sent = await mails(/plan changed to Small$/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(`${plans.product} Medium (203.0.113.10): plan changed to Small`);
    const text = sent[0]!.body.text ?? '';
    expect(text).toContain('changed today from Medium to Small');
    expect(text).toContain(`costs ${formatMoney(money(1_900, 'PLN'), 'en')} net for a month`);
    expect(text).toContain(`credited the difference of ${formatMoney(money(small.preview.grossMinor, 'PLN'), 'en')} to your balance`);
    expect(text).toContain(`correction invoice ${done.body.credit.correction.number}`);
  });

  it('links the service for the account credited: a distributor that paid for its client reads it with ?clientId=', () => {
    const subscription = testSubscription('client-account');
    const notice = { from: 'Medium', subscription, credit: money(1_000, 'PLN') };
    const page = `/services/${subscription.subscriptionId}`;

    const toLicensee = planCreditMail('owner@example.com', 'en', { ...notice, accountId: 'client-account' }).text;
    const toDistributor = planCreditMail('partner@example.com', 'pl', { ...notice, accountId: 'distributor-account' }).text;

    expect(toLicensee).toContain(`${page}\n`);
    expect(toDistributor).toContain(`${page}?clientId=client-account\n`);
  });

  it('is not sent for a downgrade scheduled for the period’s end', async () => {
    useTerms({ downgrade: 'at-period-end' });
    const { accountId, token, mails } = await customer('en');
    const subscription = await onMediumPlan(accountId);

    const answer = await call(api, 'POST', `/api/subscriptions/${subscription.subscriptionId}/change-plan`, {
      token,
      body: { toSku: plans.small, payWith: 'balance', acceptedAmountMinor: 0, idempotencyKey: randomUUID() },
    });

    expect(answer.body.outcome).toBe('scheduled');
    expect(await mails(/plan changed/)).toEqual([]);
  });
});

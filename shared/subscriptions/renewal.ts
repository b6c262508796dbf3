// Renewing a subscription (issue #15): quoting N periods at its price, and the fulfilment of a paid renewal line, which
// extends paid-until from its current end (never from today), once per paid order.
//
// Once per paid order: the fulfilment runs inside the payment's transaction, which is conditional on the order's
// version (a second application of the same payment finds the order fulfilled and writes nothing), and the
// subscription's write is conditional on the version it read (two orders paid at once: the loser reads the winner's
// paid-until and extends from there). So N paid orders extend by exactly their periods, whatever the interleaving.
//
// Paying revives a cancellation at the period's end (cancelRequestedAt is cleared, status active): whoever pays for
// another period wants the service, and asking them to withdraw the cancellation first would only lose the payment. A
// downgrade waiting for the period's end (pendingPlan) is what the new periods are quoted and renewed at: the renewal
// applies it, since the job would otherwise apply it at the new paid-until, after the periods paid at its price.

import type { TransactItem } from '#shared/audit/audit.ts';
import { taxLine } from '#shared/billing/tax.ts';
import { tableName } from '#shared/db/client.ts';
import { ValidationError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { readLicence } from '#shared/licences/activations.ts';
import { money } from '#shared/money.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import { FulfilmentRefused } from '#shared/shop/fulfilment-error.ts';
import type { ActionLine, ActionQuote, FulfilContext, FulfilmentPart, QuoteContext } from '#shared/shop/line-actions.ts';
import { subscriptionEventPut } from '#shared/subscriptions/events.ts';
import { getSubscription, isRenewable, type Subscription, subscriptionPut } from '#shared/subscriptions/model.ts';
import { lineText, renewalText } from '#shared/subscriptions/line-text.ts';
import { addPeriods } from '#shared/subscriptions/periods.ts';
import { renewalCarries } from '#shared/subscriptions/span.ts';
import { licenceSupportEndsUpdate } from '#shared/support/extend-support.ts';
import { type SupportSubscription, supportSubscriptionItem } from '#shared/support/model.ts';

type Renewal = Extract<LineAction, { kind: 'renewal' }>;

/** Periods one renewal line may pay for. */
export const MAX_RENEWAL_PERIODS = 10;

/** The plan the next periods are renewed at: a downgrade waiting for the period's end, else the current one. */
export function renewedPlan(subscription: Subscription): Pick<Subscription, 'sku' | 'plan' | 'users' | 'price'> {
  const { sku, plan, users, price } = subscription.pendingPlan ?? subscription;
  return { sku, plan, users, price };
}

export function assertRenewalPeriods(periods: number): void {
  if (!Number.isInteger(periods) || periods < 1 || periods > MAX_RENEWAL_PERIODS) {
    throw new ValidationError(`A renewal pays 1 to ${MAX_RENEWAL_PERIODS} periods.`, [
      { path: 'periods', message: `a whole number from 1 to ${MAX_RENEWAL_PERIODS}` },
    ]);
  }
}

/** A renewal paid early would carry more than MAX_CARRIED_PARTS parts of what paid the days left (span.ts). */
const renewedAheadMessage =
  'It has been renewed ahead too often since its current period began: renew it again once that period has ended.';

function subscriptionEnded(): FulfilmentRefused {
  return new FulfilmentRefused('SUBSCRIPTION_ENDED', 'The subscription has ended: it can no longer be renewed.');
}

/**
 * The renewal's order line at the subscription's price per period (quantity = periods); the licensee's subscription
 * or 404. Unavailable when it has ended or is priced in another currency than the buyer's.
 */
export async function quoteRenewal(context: QuoteContext, action: Renewal): Promise<ActionQuote> {
  assertRenewalPeriods(action.periods);
  const subscription = await getSubscription(action.licenseeAccountId, action.subscriptionId);
  if (!isRenewable(subscription)) return { unavailable: 'SUBSCRIPTION_ENDED', message: subscriptionEnded().message };
  if (!renewalCarries(subscription, context.at)) return { unavailable: 'RENEWED_AHEAD_LIMIT', message: renewedAheadMessage };
  const plan = renewedPlan(subscription);
  if (plan.price.currency !== context.currency) {
    return {
      unavailable: 'CURRENCY_MISMATCH',
      message: `The subscription is priced in ${plan.price.currency}; this account buys in ${context.currency}.`,
    };
  }
  const text = renewalText(plan.plan, subscription.period, subscription.identifier?.value);
  const line: ActionLine = {
    product: subscription.product,
    sku: plan.sku,
    edition: lineText(text, 'en'),
    text,
    users: plan.users,
    quantity: action.periods,
    unitPrice: plan.price,
    subtotal: money(plan.price.amountMinor * action.periods, plan.price.currency),
    action,
  };
  const targets = [`subscription:${subscription.subscriptionId}`, ...(subscription.licenceId ? [`licence:${subscription.licenceId}`] : [])];
  return { line, targets };
}

/**
 * The items a paid renewal line writes in the payment's transaction: the subscription extended from its current
 * paid-until (conditional on the version read: index 0 retries), its 'renewed' event, and for support also the new
 * support term and the licence's `supportEndsAt`. At most 4 items.
 */
export async function renewalFulfilment(context: FulfilContext, line: ActionLine & { action: Renewal }): Promise<FulfilmentPart> {
  const { action } = line;
  const accountId = action.licenseeAccountId;
  const subscription = await getSubscription(accountId, action.subscriptionId);
  // Only a race gets here (checkout quotes it first): the subscription ended, or its plan changed since the line was
  // priced (the line's SKU is the plan it renews). A bank transfer is then credited to the balance (fulfilment-error.ts).
  if (!isRenewable(subscription)) throw subscriptionEnded();
  if (renewedPlan(subscription).sku !== line.sku) {
    throw new FulfilmentRefused('SUBSCRIPTION_CHANGED', 'The subscription changed plan since this renewal was priced.');
  }
  // Its invoice opens the span from the old paid-until (in the buyer's account); paid early, the parts that paid the days
  // still left are carried over, each ending at the old paid-until, so a cancellation refunds them too (span.ts).
  const carried = renewalCarries(subscription, context.at);
  if (!carried) throw new FulfilmentRefused('SUBSCRIPTION_CHANGED', renewedAheadMessage);
  const at = context.at.toISOString();
  const from = subscription.paidUntil;
  const to = addPeriods(from, subscription.period, action.periods).toISOString();
  const { pendingPlan: _pending, autoRenewFailedOn: _failed, cancelRequestedAt: _cancel, spanChanges: _span, ...kept } = subscription;
  const next: Subscription = {
    ...kept,
    ...renewedPlan(subscription),
    ...(carried.length > 0 ? { spanChanges: carried } : {}),
    paidUntil: to,
    status: 'active',
    remindersSent: [],
    lastInvoice: {
      accountId: context.order.accountId,
      ...context.invoice,
      orderId: context.order.orderId,
      grossMinor: taxLine(line.subtotal.amountMinor, context.tax).grossMinor,
      coversFrom: from,
    },
    updatedAt: at,
  };
  const items: TransactItem[] = [
    subscriptionPut(subscription, next),
    subscriptionEventPut(accountId, {
      subscriptionId: subscription.subscriptionId,
      kind: 'renewed',
      at,
      by: 'payment',
      paidUntil: { from, to },
      ...(subscription.status === next.status ? {} : { status: { from: subscription.status, to: next.status } }),
      ...(subscription.plan === next.plan ? {} : { plan: { from: subscription.plan, to: next.plan } }),
      order: { orderId: context.order.orderId, reference: context.order.reference },
      invoice: context.invoice,
      amount: line.subtotal,
      periods: action.periods,
    }),
  ];
  const retryOnConditionAt = [0];
  if (subscription.kind === 'support' && subscription.licenceId) {
    const licence = await readLicence(accountId, subscription.licenceId);
    const months = (subscription.period.unit === 'year' ? 12 : 1) * subscription.period.count * action.periods;
    const term: SupportSubscription = {
      subscriptionId: newId(new Date(from)),
      licenceId: subscription.licenceId,
      product: licence?.product ?? subscription.product,
      serial: licence?.serial ?? subscription.identifier?.value ?? '',
      users: licence?.users ?? subscription.users,
      edition: licence?.edition ?? subscription.plan,
      orderId: context.order.orderId,
      orderReference: context.order.reference,
      startsAt: from,
      years: months / 12,
      endsAt: to,
    };
    items.push({
      Put: { TableName: tableName(), Item: supportSubscriptionItem(accountId, term), ConditionExpression: 'attribute_not_exists(PK)' },
    });
    const licenceUpdate = licence ? licenceSupportEndsUpdate(accountId, licence, to) : undefined;
    if (licenceUpdate) {
      retryOnConditionAt.push(items.length);
      items.push(licenceUpdate);
    }
  }
  return { items, retryOnConditionAt, issued: [] };
}

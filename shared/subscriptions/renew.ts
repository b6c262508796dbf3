// The customer's renewals (issue #15): what renewing a subscription for N periods costs (with VAT, against the
// balance), renewing it into the cart or from the balance at once, and every due subscription into the cart. The price
// and who may order it come from the renewal quote (shared/subscriptions/renewal.ts through line-actions' quoteAction);
// paying goes through the shop (the cart and checkout, or a direct order paid from the balance), whose fulfilment
// extends paid-until.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { accountFromItem } from '#shared/accounts/account.ts';
import { assertMayOrderForItself } from '#shared/accounts/distributors.ts';
import { balancesFromAccountItem, readAccountItem } from '#shared/billing/balance.ts';
import { buyerTaxRule, invoiceBuyer } from '#shared/billing/invoice.ts';
import { taxLine } from '#shared/billing/tax.ts';
import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { money, type Money } from '#shared/money.ts';
import { addCartActions, getPricedCart, readCart } from '#shared/shop/cart-lines.ts';
import { placedByOf } from '#shared/shop/checkout.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import { assertMayOrderFor, lineKey, quoteAction } from '#shared/shop/line-actions.ts';
import { renewedPlan } from '#shared/subscriptions/renewal.ts';
import {
  getSubscription,
  type Subscription,
  subscriptionFromItem,
  type SubscriptionView,
  toSubscriptionView,
} from '#shared/subscriptions/model.ts';
import { addPeriods } from '#shared/subscriptions/periods.ts';
import { now } from '#shared/time.ts';

export interface RenewalQuote {
  subscription: SubscriptionView;
  periods: number;
  line?: { edition: string; quantity: number; unitPrice: Money; subtotal: Money; gross: Money };
  unavailable?: { code: string; message: string };
  paidUntilAfter: string;
  balance: Money;
}

/**
 * The client a distributor names (quoteAction checks it is one), or undefined for the caller's own account (a page
 * may name it: the subscription's own account).
 */
export function clientOf(caller: Pick<CustomerCaller, 'accountId'>, clientId: string | undefined): string | undefined {
  return clientId === caller.accountId ? undefined : clientId;
}

/** The price of renewing for `periods` periods as the buyer pays it (see the module comment); three reads. */
export async function renewalQuote(
  caller: CustomerCaller,
  input: { subscriptionId: string; periods: number; clientId?: string },
): Promise<RenewalQuote> {
  const at = now();
  const licenseeAccountId = clientOf(caller, input.clientId) ?? caller.accountId;
  const accountItem = await readAccountItem(caller.accountId, true);
  const buyer = accountFromItem(accountItem);
  const currency = accountCurrency(buyer);
  const quote = await quoteAction(
    { buyer, currency, at },
    { kind: 'renewal', subscriptionId: input.subscriptionId, periods: input.periods, licenseeAccountId },
  );
  const subscription = await getSubscription(licenseeAccountId, input.subscriptionId);
  const balance = balancesFromAccountItem(accountItem).balances.find((entry) => entry.currency === currency);
  const base = {
    subscription: toSubscriptionView(subscription, at),
    periods: input.periods,
    paidUntilAfter: addPeriods(subscription.paidUntil, subscription.period, input.periods).toISOString(),
    balance: money(balance?.amountMinor ?? 0, currency),
  };
  if ('unavailable' in quote) return { ...base, unavailable: { code: quote.unavailable, message: quote.message } };
  const { edition, quantity, unitPrice, subtotal } = quote.line;
  const gross = taxLine(subtotal.amountMinor, buyerTaxRule(invoiceBuyer(buyer))).grossMinor;
  return { ...base, line: { edition, quantity, unitPrice, subtotal, gross: money(gross, currency) } };
}

/** Subscriptions "renew all due" adds at most (the cart holds MAX_CART_LINES lines). */
export const MAX_RENEW_DUE = 20;
/** What "renew all due" renews: the daily job's due, overdue and suspended subscriptions. */
export const RENEW_DUE_STATUSES = ['due', 'overdue', 'suspended'] as const;

/**
 * The account's due subscriptions, oldest first, at most MAX_RENEW_DUE: one Query of its subscriptions (a page of up to
 * 1 MB, some thousands of them), filtered by status on the server.
 */
export async function dueSubscriptions(accountId: string): Promise<Subscription[]> {
  const values = Object.fromEntries(RENEW_DUE_STATUSES.map((status, index) => [`:s${index}`, status]));
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: `#status IN (${Object.keys(values).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': SK_PREFIX.subscription, ...values },
      ConsistentRead: true,
    }),
  );
  return (found.Items ?? []).slice(0, MAX_RENEW_DUE).map(subscriptionFromItem);
}

export interface RenewInput {
  subscriptionId: string;
  periods: number;
  payWith: 'cart' | 'balance';
  idempotencyKey: string;
  clientId?: string;
}

/**
 * Renews into the cart (the priced cart), or from the balance at once: a direct order paid in full, whose fulfilment
 * extends paid-until (the order and the subscription as it is now). 409 INSUFFICIENT_BALANCE when the balance does not
 * cover it; the same key again answers the same order, paid once.
 */
export async function renewSubscription(caller: CustomerCaller, input: RenewInput) {
  const clientId = clientOf(caller, input.clientId);
  if (input.payWith === 'cart') {
    const cart = await addCartActions(caller.accountId, {
      actions: [{ kind: 'renewal', subscriptionId: input.subscriptionId, periods: input.periods, ...(clientId ? { clientId } : {}) }],
    });
    return { payWith: input.payWith, cart, replayed: false };
  }
  const licenseeAccountId = clientId ?? caller.accountId;
  const buyer = accountFromItem(await readAccountItem(caller.accountId));
  // Whose it is before whether the account may pay: another account's subscription is 404 whatever its state.
  await assertMayOrderFor(buyer, licenseeAccountId);
  await getSubscription(licenseeAccountId, input.subscriptionId);
  const placed = await placeDirectOrder({
    accountId: caller.accountId,
    placedBy: placedByOf(caller, buyer),
    actions: [{ kind: 'renewal', subscriptionId: input.subscriptionId, periods: input.periods, licenseeAccountId }],
    idempotencyKey: input.idempotencyKey,
    paymentMethod: 'balance',
  });
  const subscription = await getSubscription(licenseeAccountId, input.subscriptionId);
  return {
    payWith: input.payWith,
    order: placed.order,
    subscription: toSubscriptionView(subscription, now()),
    replayed: placed.replayed,
  };
}

/**
 * "Renew all due": each due subscription (dueSubscriptions) priced in the cart's currency and not yet in the cart is
 * added as a one-period renewal; one already there keeps the periods the customer chose. Answers the cart and how many
 * were added.
 */
export async function renewAllDue(caller: CustomerCaller, version: number | undefined) {
  const [due, { cart, account }] = await Promise.all([dueSubscriptions(caller.accountId), readCart(caller.accountId)]);
  // A distributor's client is refused even with nothing due: the page shows why, whatever the list holds.
  await assertMayOrderForItself(account);
  const inCart = new Set(cart.lines.map(lineKey));
  const adding = due.filter(
    (subscription) =>
      renewedPlan(subscription).price.currency === cart.currency &&
      !inCart.has(
        lineKey({
          sku: '',
          action: { kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 1, licenseeAccountId: caller.accountId },
        }),
      ),
  );
  if (!adding.length) return { cart: await getPricedCart(caller.accountId), added: 0 };
  const priced = await addCartActions(caller.accountId, {
    actions: adding.map((subscription) => ({ kind: 'renewal' as const, subscriptionId: subscription.subscriptionId, periods: 1 })),
    version,
  });
  return { cart: priced, added: adding.length };
}

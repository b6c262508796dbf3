// The customer's renewals (issue #15): what renewing a subscription for N periods costs (with VAT, against the
// balance), renewing it into the cart or from the balance at once, and every due subscription into the cart. The price
// and who may order it come from the renewal quote (shared/subscriptions/renewal.ts through line-actions' quoteAction);
// paying goes through the shop (the cart and checkout, or a direct order paid from the balance), whose fulfilment
// extends paid-until.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { accountFromItem } from '#shared/accounts/account.ts';
import { balancesFromAccountItem, readAccountItem } from '#shared/billing/balance.ts';
import { buyerTaxRule, invoiceBuyer } from '#shared/billing/invoice.ts';
import { taxLine } from '#shared/billing/tax.ts';
import { money, type Money } from '#shared/money.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { quoteAction } from '#shared/shop/line-actions.ts';
import { getSubscription, type SubscriptionView, toSubscriptionView } from '#shared/subscriptions/model.ts';
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

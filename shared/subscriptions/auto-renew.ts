// Auto-renew (issue #15): when a subscription with auto-renew on falls due (and once more when it is overdue), the
// daily job renews it for one period by a direct order paid from the account's balance at once (placeDirectOrder: the
// renewal's fulfilment extends paid-until in the payment's transaction, and the payment mail tells the customer). Not
// enough balance, or any other refusal, is a failure the job records and mails about; the subscription stays as it is.
//
// A distributor's client is renewed by its distributor, as the distributor orders its renewals by hand: the order is
// placed in the distributor's account (the buyer, invoiced) with the client as the licensee, and paid from the
// distributor's balance. When that fails, the job mails the distributor's renewal recipients (the payer) and tells the
// client its distributor was asked (the outcome names the payer).
//
// One order per paid period at most: the order's idempotency key is the subscription and the paid-until it renews, so
// the second attempt (overdue) or two runs at once meet the same order, and pay it if it still awaits payment.

import { type Account, getAccount } from '#shared/accounts/account.ts';
import { AppError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { recipientsFor } from '#shared/notifications/recipients.ts';
import { logger } from '#shared/observability/logger.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import type { Subscription } from '#shared/subscriptions/model.ts';

export type AutoRenewFailure = 'insufficient-balance' | 'refused';
/** The distributor that pays a client's auto-renew (whose renewal recipients hear of a failure). */
export interface AutoRenewPayer {
  accountId: string;
  name: string;
  contactEmail: string;
}
/** `replayed`: another attempt (a run at the same moment) had placed this order already. */
export type AutoRenewOutcome = { renewed: true; replayed: boolean } | { renewed: false; reason: AutoRenewFailure; payer?: AutoRenewPayer };
/** Renews one period now, or says why not (never throws for a refusal the customer can fix). */
export type AutoRenewer = (subscription: Subscription) => Promise<AutoRenewOutcome>;

/** The direct order's key: one per subscription and paid-until renewed. */
export function autoRenewKey(subscription: Pick<Subscription, 'subscriptionId' | 'paidUntil'>): string {
  return `auto-renew-${subscription.subscriptionId}-${subscription.paidUntil.slice(0, 10).replaceAll('-', '')}`;
}

/**
 * Who pays a subscription's auto-renew: its own account, or the distributor of a client account (undefined when that
 * distributor's account is gone: refused).
 */
async function payerOf(account: Account): Promise<Account | undefined> {
  return account.distributorId ? getAccount(account.distributorId) : account;
}

export async function autoRenewFromBalance(subscription: Subscription): Promise<AutoRenewOutcome> {
  const { accountId, subscriptionId } = subscription;
  let payer: AutoRenewPayer | undefined;
  const failed = (reason: AutoRenewFailure): AutoRenewOutcome => ({ renewed: false, reason, ...(payer ? { payer } : {}) });
  try {
    const account = await getAccount(accountId);
    if (!account) return failed('refused');
    const buyer = await payerOf(account);
    if (!buyer) return failed('refused');
    if (buyer.accountId !== accountId) payer = { accountId: buyer.accountId, name: buyer.name, contactEmail: buyer.contactEmail };
    // The order is placed by the paying account itself: its name, and its first renewal recipient's address and language.
    const recipients = await recipientsFor(buyer.accountId, 'renewals');
    const placedBy = {
      name: buyer.name,
      email: recipients[0]?.email ?? buyer.contactEmail,
      locale: recipients[0]?.locale ?? DEFAULT_LOCALE,
    };
    const placed = await placeDirectOrder({
      accountId: buyer.accountId,
      placedBy,
      actions: [{ kind: 'renewal', subscriptionId, periods: 1, licenseeAccountId: accountId }],
      idempotencyKey: autoRenewKey(subscription),
      paymentMethod: 'balance',
    });
    // The balance fell short between the check and the payment: the order waits (the next attempt pays it).
    if (placed.order.shop?.status !== 'fulfilled') return failed('insufficient-balance');
    return { renewed: true, replayed: placed.replayed };
  } catch (error) {
    if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
    if (error.code === 'INSUFFICIENT_BALANCE') return failed('insufficient-balance');
    // Not verified, another currency...: the customer (or the distributor) renews by hand.
    logger.warn('subscription job: auto-renew refused', { subscriptionId, code: error.code });
    return failed('refused');
  }
}

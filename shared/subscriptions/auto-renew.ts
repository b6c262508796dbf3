// Auto-renew (issue #15): when a subscription with auto-renew on falls due (and once more when it is overdue), the
// daily job renews it for one period by a direct order paid from the account's balance at once (placeDirectOrder: the
// renewal's fulfilment extends paid-until in the payment's transaction, and the payment mail tells the customer). Not
// enough balance, or any other refusal, is a failure the job records and mails about; the subscription stays as it is.
//
// One order per paid period at most: the order's idempotency key is the subscription and the paid-until it renews, so
// the second attempt (overdue) or two runs at once meet the same order, and pay it if it still awaits payment.

import { getAccount } from '#shared/accounts/account.ts';
import { AppError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { recipientsFor } from '#shared/notifications/recipients.ts';
import { logger } from '#shared/observability/logger.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import type { Subscription } from '#shared/subscriptions/model.ts';

export type AutoRenewFailure = 'insufficient-balance' | 'refused';
/** `replayed`: another attempt (a run at the same moment) had placed this order already. */
export type AutoRenewOutcome = { renewed: true; replayed: boolean } | { renewed: false; reason: AutoRenewFailure };
/** Renews one period now, or says why not (never throws for a refusal the customer can fix). */
export type AutoRenewer = (subscription: Subscription) => Promise<AutoRenewOutcome>;

/** The direct order's key: one per subscription and paid-until renewed. */
export function autoRenewKey(subscription: Pick<Subscription, 'subscriptionId' | 'paidUntil'>): string {
  return `auto-renew-${subscription.subscriptionId}-${subscription.paidUntil.slice(0, 10).replaceAll('-', '')}`;
}

export async function autoRenewFromBalance(subscription: Subscription): Promise<AutoRenewOutcome> {
  const { accountId, subscriptionId } = subscription;
  try {
    const [account, recipients] = await Promise.all([getAccount(accountId), recipientsFor(accountId, 'renewals')]);
    if (!account) return { renewed: false, reason: 'refused' };
    // The order is placed by the account itself: its name, and the first renewal recipient's address and language.
    const placedBy = {
      name: account.name,
      email: recipients[0]?.email ?? account.contactEmail,
      locale: recipients[0]?.locale ?? DEFAULT_LOCALE,
    };
    const placed = await placeDirectOrder({
      accountId,
      placedBy,
      actions: [{ kind: 'renewal', subscriptionId, periods: 1, licenseeAccountId: accountId }],
      idempotencyKey: autoRenewKey(subscription),
      paymentMethod: 'balance',
    });
    // The balance fell short between the check and the payment: the order waits (the next attempt pays it).
    if (placed.order.shop?.status !== 'fulfilled') return { renewed: false, reason: 'insufficient-balance' };
    return { renewed: true, replayed: placed.replayed };
  } catch (error) {
    if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
    if (error.code === 'INSUFFICIENT_BALANCE') return { renewed: false, reason: 'insufficient-balance' };
    // Not verified, ordered by a distributor, another currency...: the customer renews by hand.
    logger.warn('subscription job: auto-renew refused', { subscriptionId, code: error.code });
    return { renewed: false, reason: 'refused' };
  }
}

// Auto-renew (issue #15): when a subscription with auto-renew on falls due (and once more when it is overdue), the
// daily job renews it for one period by an order paid from the account's balance at once. Not enough balance (or any
// other refusal) is a failure the job records and mails about; the subscription stays as it is.

import type { Subscription } from '#shared/subscriptions/model.ts';

export type AutoRenewFailure = 'insufficient-balance' | 'refused';
export type AutoRenewOutcome = { renewed: true } | { renewed: false; reason: AutoRenewFailure };
/** Renews one period now, or says why not (never throws for a refusal the customer can fix). */
export type AutoRenewer = (subscription: Subscription, at: Date) => Promise<AutoRenewOutcome>;

// PENDING the lead's placeDirectOrder (shared/shop/direct-order.ts): until then nothing renews automatically.
export async function autoRenewFromBalance(_subscription: Subscription, _at: Date): Promise<AutoRenewOutcome> {
  return { renewed: false, reason: 'refused' };
}

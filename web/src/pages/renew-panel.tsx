// Renewing a subscription (issue #15): one or several periods into the cart or from the balance; "renew all due".
// A stub the renewals area fills; the services pages mount it already.

import type { SubscriptionView } from '../api.ts';

export function RenewPanel(_props: { subscription: SubscriptionView; onChanged: () => void }) {
  return null;
}

/** "Renew all due": every due subscription of the list into the cart at once. */
export function RenewAllDue(_props: { subscriptions: readonly SubscriptionView[]; onChanged: () => void }) {
  return null;
}

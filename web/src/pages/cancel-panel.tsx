// Cancelling a subscription (issue #15), per the stage's service terms.
// A stub the cancellations area fills; the services pages mount it already.

import type { SubscriptionView } from '../api.ts';

export function CancelPanel(_props: { subscription: SubscriptionView; onChanged: () => void }) {
  return null;
}

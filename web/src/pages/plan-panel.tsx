// Changing a service plan (issue #15): the price preview, then the confirmation.
// A stub the plan changes area fills; the services pages mount it already.

import type { SubscriptionView } from '../api.ts';

export function PlanPanel(_props: { subscription: SubscriptionView; onChanged: () => void }) {
  return null;
}

// Turns a subscription's auto-renew from the balance on or off: the account's own, or a distributor's client's (paid
// from the distributor's balance); a distributor's client sees its own read-only.

import * as api from '#shared/api/subscriptions.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { autoRenewOwner } from '#shared/subscriptions/list.ts';
import { setAutoRenew } from '#shared/subscriptions/manage.ts';

export const handler = customerHttpHandler(api.setAutoRenew, async ({ path, body, customer: caller }) => {
  const accountId = await autoRenewOwner(caller.accountId, body.clientId);
  return { body: await setAutoRenew(accountId, path.subscriptionId, body.autoRenew) };
});

// Turns a subscription's auto-renew from the balance on or off.

import * as api from '#shared/api/subscriptions.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { setAutoRenew } from '#shared/subscriptions/manage.ts';

export const handler = customerHttpHandler(api.setAutoRenew, async ({ path, body, customer: caller }) => {
  return { body: await setAutoRenew(caller.accountId, path.subscriptionId, body.autoRenew) };
});

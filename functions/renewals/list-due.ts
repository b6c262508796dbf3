// Everyone who reads services: what "renew all due" would put into the cart (the account's, a client's, or a
// distributor's own and all its clients'), at most one cart's worth, each row naming its client.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { dueSubscriptions } from '#shared/subscriptions/renew.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/renewals.ts';

export const handler = customerHttpHandler(api.listDue, async ({ customer, query }) => {
  const { due, more } = await dueSubscriptions(customer.accountId, { clientId: query.clientId, allClients: query.allClients === 'true' });
  const at = now();
  return {
    body: {
      items: due.map(({ subscription, client }) => ({ ...toSubscriptionView(subscription, at), ...(client ? { client } : {}) })),
      more,
    },
  };
});

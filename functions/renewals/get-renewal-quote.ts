// Billing readers: what renewing a subscription for N periods costs (net, with VAT), paid-until afterwards and the balance.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { renewalQuote } from '#shared/subscriptions/renew.ts';
import * as api from '#shared/api/renewals.ts';

export const handler = customerHttpHandler(api.getRenewalQuote, async ({ customer, path, query }) => ({
  body: await renewalQuote(customer, {
    subscriptionId: path.subscriptionId,
    periods: query.periods ?? 1,
    ...(query.clientId ? { clientId: query.clientId } : {}),
  }),
}));

// Staff: marks a customer account as a distributor (or unmarks one without clients), audited.

import { markDistributor } from '#shared/accounts/distributors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = httpHandler(api.markDistributor, async ({ path, body, audit }) => {
  return { body: await markDistributor({ accountId: path.accountId, distributor: body.distributor, commit: audit.commit }) };
});

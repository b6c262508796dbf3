// Staff: makes an account a client of a distributor (a client has one distributor at most), audited.

import { assignClient } from '#shared/accounts/distributors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = httpHandler(api.assignClient, async ({ path, body, audit }) => {
  const relation = await assignClient({
    distributorId: path.accountId,
    clientId: body.clientId,
    commit: audit.commit,
    replayed: () => audit.replayed(),
  });
  return { body: relation };
});

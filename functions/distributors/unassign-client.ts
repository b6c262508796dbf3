// Staff: takes a client account away from its distributor, audited.

import { unassignClient } from '#shared/accounts/distributors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = httpHandler(api.unassignClient, async ({ path, body, audit }) => {
  await unassignClient({ distributorId: path.accountId, clientId: body.clientId, commit: audit.commit });
  return { status: 204 };
});

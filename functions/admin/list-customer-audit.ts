// Staff: the audit entries of one customer account, newest first (the customer page's audit section).

import { staffCaller } from '#shared/accounts/caller.ts';
import { listAccountAudit } from '#shared/audit/audit.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/audit.ts';

export const handler = httpHandler(api.listCustomerAudit, async ({ path, query, event }) => {
  await staffCaller(event);
  return { body: await listAccountAudit(path.accountId, query) };
});

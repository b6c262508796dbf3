// Shows the customer the staff actions on their account, newest first: what was done to what, and by which team, but
// never which staff member (no e-mail, no id), their source address or their internal reason.

import { listAccountAudit } from '#shared/audit/audit.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/audit.ts';

export const handler = customerHttpHandler(api.listMyActivity, async ({ query, customer: caller }) => {
  const page = await listAccountAudit(caller.accountId, query);
  return {
    body: {
      items: page.items.map((entry) => ({
        activityId: entry.auditId,
        at: entry.at,
        action: entry.action,
        target: entry.target,
        changes: entry.changes,
        team: entry.actor.groups[0] ?? 'staff',
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    },
  };
});

// Staff: frees a customer's licence from its computer (no transfer limit), with the reason in the audit trail.

import { httpHandler } from '#shared/http/handler.ts';
import { staffMoveLicence } from '#shared/licences/staff-actions.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.staffFreeLicence, async ({ path, event, audit }) => {
  const context = { ...path, sourceIp: event.requestContext.http.sourceIp, commit: audit.commit };
  return { body: await staffMoveLicence(context, undefined) };
});

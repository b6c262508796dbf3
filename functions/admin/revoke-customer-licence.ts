// Staff: revokes a customer's licence for good (the licensing API refuses it from then on), with the reason audited.

import { httpHandler } from '#shared/http/handler.ts';
import { staffRevokeLicence } from '#shared/licences/staff-actions.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.staffRevokeLicence, async ({ path, event, audit }) => {
  const context = { ...path, sourceIp: event.requestContext.http.sourceIp, commit: audit.commit };
  return { body: await staffRevokeLicence(context) };
});

// Staff: signs a new file for a customer's licence now, records it, and answers it to pass on to the customer.

import { httpHandler } from '#shared/http/handler.ts';
import { staffReissueLicenceFile } from '#shared/licences/staff-actions.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.staffReissueLicenceFile, async ({ path, event, audit }) => {
  const context = { ...path, sourceIp: event.requestContext.http.sourceIp, commit: audit.commit };
  return { body: await staffReissueLicenceFile(context) };
});

// Saves the signed-in person's IP allow-list; a list that shuts out the current address must be confirmed.

import { saveAllowList } from '#shared/security/allow-list.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/security.ts';

export const handler = customerHttpHandler(api.setIpAllowList, async ({ customer, body }) => {
  return { body: await saveAllowList(customer.userId, { ...body, sourceIp: customer.sourceIp }) };
});

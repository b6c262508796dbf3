// Staff: clears the IP allow-list of one person of a customer account (they locked themselves out), audited with a reason.

import { staffClearAllowList } from '#shared/security/allow-list.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/security.ts';

export const handler = httpHandler(api.staffClearIpAllowList, async ({ path, audit }) => {
  return { body: await staffClearAllowList({ ...path, commit: audit.commit }) };
});

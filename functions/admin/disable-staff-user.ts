// Admin: disables a staff user: they cannot sign in, and their current tokens are refused.

import { httpHandler } from '#shared/http/handler.ts';
import { setStaffUserEnabled } from '#shared/staff/staff-admin.ts';
import * as api from '#shared/api/staff.ts';

export const handler = httpHandler(api.disableStaffUser, async ({ path, audit }) => {
  return { body: await setStaffUserEnabled(path.userId, false, audit) };
});

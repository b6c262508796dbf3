// Admin: ends every session of a staff user, on every device.

import { httpHandler } from '#shared/http/handler.ts';
import { signOutStaffUser } from '#shared/staff/staff-admin.ts';
import * as api from '#shared/api/staff.ts';

export const handler = httpHandler(api.signOutStaffUser, async ({ path, audit }) => {
  return { body: await signOutStaffUser(path.userId, audit) };
});

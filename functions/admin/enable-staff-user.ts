// Admin: lets a disabled staff user sign in again.

import { httpHandler } from '#shared/http/handler.ts';
import { setStaffUserEnabled } from '#shared/staff/staff-admin.ts';
import * as api from '#shared/api/staff.ts';

export const handler = httpHandler(api.enableStaffUser, async ({ path, audit }) => {
  return { body: await setStaffUserEnabled(path.userId, true, audit) };
});

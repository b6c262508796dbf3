// Admin: lists every staff user with their groups and status, by e-mail.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listStaffUsers } from '#shared/staff/staff-admin.ts';
import * as api from '#shared/api/staff.ts';

export const handler = httpHandler(api.listStaffUsers, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await listStaffUsers(query) };
});

// Admin: puts a staff user in exactly these groups and signs them out everywhere (their tokens carry the groups).

import { httpHandler } from '#shared/http/handler.ts';
import { setStaffGroups } from '#shared/staff/staff-admin.ts';
import * as api from '#shared/api/staff.ts';

export const handler = httpHandler(api.setStaffGroups, async ({ path, body, audit }) => {
  return { body: await setStaffGroups(path.userId, body.groups, audit) };
});

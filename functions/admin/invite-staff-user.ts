// Admin: invites a staff user by e-mail into their groups; the invitation, in their language, links to choosing a
// first password.

import { httpHandler } from '#shared/http/handler.ts';
import { inviteStaffUser } from '#shared/staff/staff-admin.ts';
import * as api from '#shared/api/staff.ts';

export const handler = httpHandler(api.inviteStaffUser, async ({ body, audit }) => {
  return { status: 201, body: await inviteStaffUser(body, audit) };
});

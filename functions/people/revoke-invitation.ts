// Owner: withdraws an invitation; its link stops working.

import { httpHandler } from '#shared/http/handler.ts';
import { revokeInvitation } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = httpHandler(api.revokeInvitation, async ({ customer, path }) => {
  await revokeInvitation(customer, path.invitationId);
  return { status: 204 };
});

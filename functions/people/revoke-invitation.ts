// Owner: withdraws an invitation; its link stops working.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { revokeInvitation } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.revokeInvitation, async ({ customer, path }) => {
  await revokeInvitation(customer, path.invitationId);
  return { status: 204 };
});

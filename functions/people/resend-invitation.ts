// Owner: mails an invitation again with a new link.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { resendInvitation } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.resendInvitation, async ({ customer, path }) => ({
  body: await resendInvitation(customer, path.invitationId),
}));

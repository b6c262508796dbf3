// Owner: mails an invitation again with a new link.

import { httpHandler } from '#shared/http/handler.ts';
import { resendInvitation } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = httpHandler(api.resendInvitation, async ({ customer, path }) => ({
  body: await resendInvitation(customer, path.invitationId),
}));

// Owner: invites someone by e-mail into the account with a role; the invitation mail links to the accept page.

import { httpHandler } from '#shared/http/handler.ts';
import { invitePerson } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = httpHandler(api.invitePerson, async ({ customer, body }) => ({
  status: 201,
  body: await invitePerson(customer, body),
}));

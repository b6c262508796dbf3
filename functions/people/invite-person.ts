// Owner: invites someone by e-mail into the account with a role; the invitation mail links to the accept page.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { invitePerson } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.invitePerson, async ({ customer, body }) => ({
  status: 201,
  body: await invitePerson(customer, body),
}));

// Public: accepts an invitation once, joining the invitee's user (or a new one with their password) to the account.

import { httpHandler } from '#shared/http/handler.ts';
import { acceptInvitation } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = httpHandler(api.acceptInvitation, async ({ body }) => ({ body: await acceptInvitation(body) }));

// Public: what an invitation's link offers (who invites which address to which account, with which role).

import { httpHandler } from '#shared/http/handler.ts';
import { viewInvitation } from '#shared/people/invitations.ts';
import * as api from '#shared/api/people.ts';

export const handler = httpHandler(api.viewInvitation, async ({ body }) => ({ body: await viewInvitation(body.token) }));
